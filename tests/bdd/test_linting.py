"""The checker where linters run: the pre-commit hook, the GitHub Action, concise output."""

from pytest_bdd import scenarios

scenarios("linting.feature")
