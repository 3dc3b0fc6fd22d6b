"""The numeric-conflict rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class NumericConflict(Rule):
    """Two figures for the same subject, property, scope and time that cannot both be true.

    (Being written.)
    """

    id = "numeric-conflict"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
