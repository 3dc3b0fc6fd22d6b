"""Storage: the engine and sessions, the typed schema, row <-> record conversion, migrations."""
