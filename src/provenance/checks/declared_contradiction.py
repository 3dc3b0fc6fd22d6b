"""The declared-contradiction rule: an analyst's `contradicts` link, until it is reviewed."""

from __future__ import annotations

from collections.abc import Iterator

from provenance.checks.base import Finding, Rule
from provenance.checks.context import Context
from provenance.model import Severity


class DeclaredContradiction(Rule):
    """A `contradicts` link between two claims that no review has decided yet.

    Why it matters:
        An analyst who writes `contradicts:` has seen a disagreement the rules may not
        recognise (two accounts of a sequence of events, a quote and its retraction). Until
        someone decides it, it is an open question like any other conflict.

    Example:
        claims:
          - id: ministry-toll
            subject: market-bombing
            property: statement
            value: the bomb was hidden in a cart
            source: ministry-statement
          - id: witness-account
            subject: market-bombing
            property: statement
            value: a man on foot detonated a vest
            source: local-radio
            contradicts: [ministry-toll]

    Fix:
        Review it: `disputed` keeps both accounts visible, `resolved --in-favour-of CLAIM`
        names the one that stands, `not-a-conflict` records that the link was a mistake
        (and remove it from the ledger). The link itself stays as a record of the reading.
    """

    id = "declared-contradiction"
    default_severity = Severity.WARNING
    weighs_values = True

    def check(self, context: Context) -> Iterator[Finding]:
        pairs = context.contradiction_pairs()
        claims = context.claims({c for pair in pairs for c in pair})
        seen: set[tuple[str, str]] = set()
        for a, b in pairs:
            pair = (min(a, b), max(a, b))
            if pair in seen or a not in claims or b not in claims:
                continue  # both directions are one conflict; a missing claim is dangling
            seen.add(pair)
            first, second = claims[a], claims[b]
            yield Finding(
                key=pair,
                message=f"{a} is declared to contradict {b} ({first.subject} {first.property}"
                + (
                    f" / {second.subject} {second.property})"
                    if (second.subject, second.property) != (first.subject, first.property)
                    else ")"
                ),
                subject=first.subject,
                claims=pair,
                places=tuple(c.origin for c in (first, second) if c.origin),
            )
