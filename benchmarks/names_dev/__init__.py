"""The labelled name-variant development set: loading, its split, the hand-labelled sample."""
