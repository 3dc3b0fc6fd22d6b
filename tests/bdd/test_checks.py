"""The checker's scenarios: one feature file per rule, and the check command itself."""

from pytest_bdd import scenarios

scenarios("checks")
