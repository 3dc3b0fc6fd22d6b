"""The spelling-variant rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class SpellingVariant(Rule):
    """Two spellings of what is probably one name, not declared as aliases.

    (Being written.)
    """

    id = "spelling-variant"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
