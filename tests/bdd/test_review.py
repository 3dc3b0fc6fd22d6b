"""The review scenarios: each verdict and its effect, the interactive walk, history, stale."""

from pytest_bdd import scenarios

scenarios("review.feature")
