"""The CI loop: a pull request adds a conflict, check fails, a review lets it through."""

from pytest_bdd import scenarios

scenarios("ci.feature")
