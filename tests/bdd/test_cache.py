"""The check cache: a check after an edit reports what a fresh check reports."""

from pytest_bdd import scenarios

scenarios("cache.feature")
