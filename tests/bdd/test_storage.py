"""The storage scenarios: SQLite by default, PostgreSQL with --db."""

from pytest_bdd import scenarios

scenarios("storage.feature")
