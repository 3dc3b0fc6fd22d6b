"""The quote-not-found rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class QuoteNotFound(Rule):
    """A quote that is not in the archived text of its source.

    (Being written.)
    """

    id = "quote-not-found"
    default_severity = Severity.ERROR

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
