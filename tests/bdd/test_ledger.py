"""The ledger scenarios: import, bad input, round trip, show, claims, add."""

from pytest_bdd import scenarios

scenarios("ledger")
