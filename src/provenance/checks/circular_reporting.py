"""The circular-reporting rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class CircularReporting(Rule):
    """Corroboration whose sources all derive from one origin.

    (Being written.)
    """

    id = "circular-reporting"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
