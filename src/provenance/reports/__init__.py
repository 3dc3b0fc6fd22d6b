"""Output for people and machines: one module per kind of output."""
