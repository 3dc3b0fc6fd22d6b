"""The date-conflict rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class DateConflict(Rule):
    """One event, two dates that disagree beyond their precision.

    (Being written.)
    """

    id = "date-conflict"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
