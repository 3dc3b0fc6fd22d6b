"""The not-comparable rule: figures for one subject and property that count different things
(scopes with no part-of relation, units that measure different things) and would disagree if
read as one quantity, said out loud instead of left silent."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import ClassVar

from provenance import units
from provenance.agreement import times_overlap
from provenance.checks._numbers import quantity_claims
from provenance.checks._running_findings import figure_text
from provenance.checks.base import Finding, GroupRule, Groups, Option
from provenance.checks.context import Context
from provenance.model import Claim, Quantity, Severity, ValueKind
from provenance.quantities import overlaps
from provenance.scopes import WHOLE, Relation

Kind = tuple[str, str | None]  # (resolved scope, unit)


class NotComparable(GroupRule):
    """Figures that count different things and would disagree if read as one quantity.

    Why it matters:
        "20 killed at one hospital" and "35 killed at another", "300 families" and "1,200
        people" displaced, are not one quantity: numeric-conflict does not compare them.
        But a reader who sees them side by side will, so the checker says why they differ
        rather than staying silent:
        scopes with no part-of relation in the vocabulary (scopes.py, a ledger's
        `scopes:`), or units that measure different things (units.py). Only figures whose
        values would disagree if compared, at overlapping times, are shown, once per
        subject and property; a report that gives both figures has already told them
        apart, so only figures from two reports are. A scope that is a part of the other
        (control within control or contested) is not this rule's: scope-relation checks
        that the part does not exceed its whole.

    Example:
        claims:
          - id: hospital-toll
            subject: mosque-bombing
            property: killed
            scope: at the provincial hospital
            value: 35
            source: radio
          - id: total-toll
            subject: mosque-bombing
            property: killed
            value: 46
            source: ministry

    Fix:
        Nothing is wrong unless a scope or unit was misread. If the two do count one
        thing, correct the claim's `scope` or `unit`; if one is a part of the other,
        declare the scope in `scopes:` with `within:` so that scope-relation compares
        them. Otherwise review `not-a-conflict`.
    """

    id = "not-comparable-figures"
    default_severity = Severity.INFO
    weighs_values = True
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance": Option(0.01, "relative slack on each bound (0.01: 169 and 170 agree)")
    }
    groups = Groups(kinds=frozenset({ValueKind.QUANTITY.value}), affirmed=True)

    def group(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        tolerance = self.setting("tolerance")
        tolerance = tolerance if math.isfinite(tolerance) and tolerance > 0 else 0.0
        figures = quantity_claims(claims)
        spec = context.property_book.get(figures[0].property) if figures else None
        count = bool(spec and spec.count)
        kinds: dict[Kind, list[Claim]] = defaultdict(list)
        for claim in figures:
            assert isinstance(claim.value, Quantity)
            unit = units.unit_of(claim.value, claim.unit, count=count)
            kinds[(context.scope_book.resolve(claim.scope), unit)].append(claim)
        if len(kinds) < 2:
            return
        reasons: list[tuple[Claim, Claim, str]] = []
        names = sorted(kinds, key=lambda k: (k[0], k[1] or ""))
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                why = _why(context, kinds[a][0], kinds[b][0], count)
                above = _whole_side(a, b)
                pair = None if why is None else _disagreeing(kinds[a], kinds[b], tolerance, above)
                if why is not None and pair is not None:
                    reasons.append((*pair, why))
        if reasons:
            yield _finding(context, reasons)


def _why(context: Context, a: Claim, b: Claim, count: bool) -> str | None:
    """Why two figures count different things, or None when they can be compared (or one
    is a part of the other, which scope-relation weighs)."""
    assert isinstance(a.value, Quantity) and isinstance(b.value, Quantity)
    unit_a = units.unit_of(a.value, a.unit, count=count)
    unit_b = units.unit_of(b.value, b.unit, count=count)
    unit_why = units.why_not_comparable(unit_a, unit_b, count=count)
    if unit_why is None and not units.comparable(
        units.canonical(a.value.unit), units.canonical(b.value.unit)
    ):
        unit_why = units.why_not_comparable(
            units.canonical(a.value.unit), units.canonical(b.value.unit)
        )
    if unit_why is not None:
        return unit_why
    if context.scope_book.relation(a.scope, b.scope) is Relation.UNRELATED:
        book = context.scope_book
        return (
            f"{book.name(a.scope)} and {book.name(b.scope)} are different scopes, "
            "neither a part of the other"
        )
    return None


def _whole_side(a: Kind, b: Kind) -> int | None:
    """Which side counts the whole (0 or 1) when the other names a scope of its own that
    the vocabulary does not know: such a scope reads as a part of the whole, so only a
    figure above the whole's is worth saying."""
    if a[0] == WHOLE and b[0] != WHOLE:
        return 0
    if b[0] == WHOLE and a[0] != WHOLE:
        return 1
    return None


def _disagreeing(
    first: list[Claim], second: list[Claim], tolerance: float, whole: int | None
) -> tuple[Claim, Claim] | None:
    """A pair of figures, one from each side and from two reports, at overlapping times,
    whose numbers share no value (read as bare numbers); with a ``whole`` side, only a part
    above the whole."""
    for a in first:
        for b in second:
            if a.source == b.source or not times_overlap(a, b) or _numbers_agree(a, b, tolerance):
                continue  # one report giving both has already told them apart
            if whole is None or _above(part=b if whole == 0 else a, of=a if whole == 0 else b):
                return a, b
    return None


def _above(part: Claim, of: Claim) -> bool:
    p, w = _q(part), _q(of)
    return p.low is not None and w.high is not None and p.low > w.high


def _numbers_agree(a: Claim, b: Claim, tolerance: float) -> bool:
    assert isinstance(a.value, Quantity) and isinstance(b.value, Quantity)
    bare_a = Quantity(
        a.value.words,
        a.value.low,
        a.value.high,
        a.value.qualifier,
        a.value.low_open,
        a.value.high_open,
    )
    bare_b = Quantity(
        b.value.words,
        b.value.low,
        b.value.high,
        b.value.qualifier,
        b.value.low_open,
        b.value.high_open,
    )
    return overlaps(bare_a, bare_b, tolerance)


def _finding(context: Context, reasons: list[tuple[Claim, Claim, str]]) -> Finding:
    first = reasons[0][0]
    said = "; ".join(
        f"{figure_text(context, a, _q(a))} and {figure_text(context, b, _q(b))}: {why}"
        for a, b, why in reasons
    )
    involved = list(dict.fromkeys(c.id for a, b, _ in reasons for c in (a, b)))
    kinds = sorted({_kind(c) for a, b, _ in reasons for c in (a, b)})
    return Finding(
        key=("not-comparable-figures", first.subject, first.property, *kinds),
        message=f"{first.property} of {first.subject}: not comparable: {said}",
        subject=first.subject,
        claims=tuple(involved),
        places=tuple(c.origin for a, b, _ in reasons for c in (a, b) if c.origin),
        details={
            "kind": "not-comparable",
            "pairs": [{"claims": [a.id, b.id], "why": why} for a, b, why in reasons],
        },
    )


def _kind(claim: Claim) -> str:
    return f"{(claim.scope or '').casefold()}|{(claim.unit or '').casefold()}"


def _q(claim: Claim) -> Quantity:
    assert isinstance(claim.value, Quantity)
    return claim.value
