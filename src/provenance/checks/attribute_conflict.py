"""The attribute-conflict rule."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule, Severity
from provenance.checks.context import Context


class AttributeConflict(Rule):
    """One person or organisation with two values of a single-valued property at one time.

    (Being written.)
    """

    id = "attribute-conflict"
    default_severity = Severity.WARNING

    def check(self, context: Context) -> Iterator[Finding]:
        return iter(())
