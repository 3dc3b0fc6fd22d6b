"""The denial rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class Denial(Rule):
    """One speaker denies what another affirms.

    (Being written.)
    """

    id = "denial"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
