"""The overconfidence rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class Overconfidence(Rule):
    """High confidence resting on one weak or unreliable source.

    (Being written.)
    """

    id = "overconfidence"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
