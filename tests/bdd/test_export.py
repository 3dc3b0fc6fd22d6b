"""The exchange formats' scenarios."""

from pytest_bdd import scenarios

scenarios("export.feature")
