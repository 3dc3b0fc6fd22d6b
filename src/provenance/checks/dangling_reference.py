"""The dangling-reference rule: a reference to a source, entity or claim that does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule
from provenance.checks.context import Context
from provenance.errors import UNKNOWN_REFERENCE
from provenance.model import Severity


class DanglingReference(Rule):
    """A claim, source or entity that cites an id the ledger does not hold.

    Why it matters:
        A claim whose source is missing has no provenance; a speaker or subject that does
        not exist cannot be looked up, counted or reviewed. In CI this catches a pull
        request that renames a source in one file but not in the claims that cite it.

    Example:
        claims:
          - id: bbc-toll
            subject: mirza-olang-attack
            property: killed
            value: over 50
            source: bbc-2017        # no source has this id

    Fix:
        Add the missing record (`sources:`, `entities:` or `claims:`) or correct the id;
        `provenance show ID` and `provenance claims` list what exists. `provenance import`
        refuses such a ledger outright (exit 2); `check` reports it so CI can point at it.
    """

    id = "dangling-reference"
    default_severity = Severity.ERROR
    housekeeping = True
    load_problems = frozenset({UNKNOWN_REFERENCE})

    def check(self, context: Context) -> Iterator[Finding]:
        for ref in context.dangling_references():
            yield Finding(
                key=(ref.record, ref.record_id, ref.field, ref.target),
                message=f"{ref.record} {ref.record_id}: {ref.field} names the unknown "
                f"{ref.expected} '{ref.target}'",
                claims=(ref.record_id,) if ref.record == "claim" else (),
                places=(ref.origin,) if ref.origin else (),
                details={"field": ref.field, "target": ref.target, "expected": ref.expected},
            )
