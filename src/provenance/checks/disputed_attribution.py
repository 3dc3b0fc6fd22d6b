"""The disputed-attribution rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class DisputedAttribution(Rule):
    """Different answers to who did it, for one event.

    (Being written.)
    """

    id = "disputed-attribution"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
