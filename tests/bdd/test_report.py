"""The contradiction report's scenarios."""

from pytest_bdd import scenarios

scenarios("report.feature")
