"""The scope-relation rule: a part figure larger than its whole, a breakdown that does not
add up, and a part stated equal to its whole (a possible scope confusion)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping
from typing import ClassVar

from provenance import units
from provenance.checks._numbers import value_key
from provenance.checks._running import UNDATED, windows
from provenance.checks._running_findings import figure_text
from provenance.checks.base import Finding, Option, Rule
from provenance.checks.context import Context
from provenance.model import Claim, Polarity, Quantity, Severity
from provenance.quantities import interval_text

Cell = tuple[str, str]  # (property, resolved scope)


class ScopeRelation(Rule):
    """A part's figure above its whole's, or a breakdown that does not add up.

    Why it matters:
        Civilians killed are some of all killed; killed and wounded are some of the
        casualties, and the casualties are killed plus wounded. A part can never exceed its
        whole, so "60 civilians killed" and "40 killed" reported for one attack on one day
        cannot both be true. Scopes relate through the vocabulary (scopes.py, a ledger's
        `scopes:`; places through `part_of`) and properties through `within` and `sum_of`
        (properties.py, a ledger's `properties:`). Figures are compared in one window: the
        calendar day they were reported (as numeric-conflict does). The rule also checks
        a claim's own `parts` (each no larger than the value; with `parts_complete`, their
        sum meets the value), and killed plus wounded against casualties. A denial of the
        whole ("nobody was killed") opposes any positive part. A part stated exactly equal
        to its whole ("more than 100 killed" beside "more than 100 killed or wounded") is
        shown as a possible scope confusion (info): one report may have turned one into
        the other.

    Example:
        claims:
          - id: all-killed
            subject: market-attack
            property: killed
            value: 40
            source: ministry
          - id: civilians-killed
            subject: market-attack
            property: killed
            scope: civilians
            value: at least 60
            source: radio

    Fix:
        Check which figure counts what. If a scope was misread (a casualty toll reported
        as a death toll), correct the claim's `property` or `scope`; if the two are for
        different times, give them an `as_of`. A real disagreement is reviewed `disputed`,
        or `resolved --in-favour-of CLAIM`; a coincidence `not-a-conflict`.
    """

    id = "scope-relation"
    default_severity = Severity.WARNING
    weighs_values = True
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance": Option(0.01, "relative slack on each bound (0.01: 169 and 170 agree)")
    }

    def check(self, context: Context) -> Iterator[Finding]:
        tolerance = self.setting("tolerance")
        tolerance = tolerance if math.isfinite(tolerance) and tolerance > 0 else 0.0
        for figures in context.subject_figures():
            for claim in figures:
                yield from _breakdown(context, claim, tolerance)
            grouped = windows(figures, context.statement_time)
            for window, claims in sorted(grouped.items(), key=lambda kv: kv[0].start):
                yield from _window(context, window.label, claims, tolerance)


def _breakdown(context: Context, claim: Claim, tolerance: float) -> Iterator[Finding]:
    """A claim's own parts: none larger than the value, and all of them adding up to it."""
    value = claim.value
    if (
        not claim.parts
        or not isinstance(value, Quantity)
        or claim.polarity is not Polarity.AFFIRMED
    ):
        return
    top = _high(value) * (1 + tolerance)
    over = [p for p in claim.parts if _low(p.value) > top]
    lows = sum(_low(p.value) for p in claim.parts)
    highs = sum(_high(p.value) for p in claim.parts)
    short = claim.parts_complete and (lows > top or highs < _low(value) * (1 - tolerance))
    if not over and not short:
        return
    parts = ", ".join(f"{p.scope} '{p.value.words}'" for p in claim.parts)
    if over:
        why = f"the part {over[0].scope} '{over[0].value.words}' is larger than the whole"
    else:
        total = interval_text(Quantity("", lows, highs, "range"))
        why = f"the parts add up to {total}, not to the whole"
    yield Finding(
        key=("breakdown", claim.id),
        message=f"{_topic(context, claim)}: {figure_text(context, claim, value)} broken down "
        f"as {parts}: {why}",
        subject=claim.subject,
        claims=(claim.id,),
        places=(claim.origin,) if claim.origin else (),
        details={"kind": "breakdown", "parts_complete": claim.parts_complete},
    )


def _window(
    context: Context, label: str, claims: list[Claim], tolerance: float
) -> Iterator[Finding]:
    cells: dict[Cell, list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim.value, Quantity) and claim.polarity is not Polarity.QUESTIONED:
            cells[(claim.property, context.scope_book.resolve(claim.scope))].append(claim)
    if len(cells) < 2:
        return
    for part in sorted(cells):
        for whole in sorted(cells):
            if part != whole and _inside(context, part, whole):
                yield from _compare(context, label, cells[part], cells[whole], tolerance)
    yield from _sums(context, label, cells, tolerance)


def _inside(context: Context, part: Cell, whole: Cell) -> bool:
    """``part`` counts some of what ``whole`` counts: the same or a containing property, and
    the same or a containing scope."""
    book = context.property_book
    same_prop = part[0] == whole[0] or whole[0] in book.within(part[0])
    scopes = context.scope_book
    same_scope = part[1] == whole[1] or (
        scopes.known(part[1]) and whole[1] in scopes.parents(part[1])
    )
    return same_prop and same_scope


def _compare(
    context: Context, label: str, parts: list[Claim], wholes: list[Claim], tolerance: float
) -> Iterator[Finding]:
    affirmed = [c for c in parts if c.polarity is Polarity.AFFIRMED and _comparable(c, wholes[0])]
    if not affirmed:
        return
    ceilings: list[tuple[Claim, float]] = []
    for whole in wholes:
        high = _whole_high(whole) if _comparable(affirmed[0], whole) else None
        if high is not None:
            ceilings.append((whole, high))
    over = _over(affirmed, ceilings, tolerance)
    if over:
        yield _exceeds(context, label, over)
        return
    stated: dict[object, list[Claim]] = defaultdict(list)
    for whole in wholes:
        if whole.polarity is Polarity.AFFIRMED:
            stated[value_key(whole)].append(whole)
    same = [(p, w) for p in affirmed for w in stated.get(value_key(p), [])]
    if same:
        yield _confusion(context, label, same)


def _over(
    parts: list[Claim], ceilings: list[tuple[Claim, float]], tolerance: float
) -> list[tuple[Claim, Claim]]:
    """Each part figure above a whole figure's ceiling: only the parts above the lowest
    ceiling and the wholes below the highest part are paired (one sort each, no all-pairs
    pass over figures that cannot be involved)."""
    if not ceilings:
        return []
    lowest = min(high for _, high in ceilings) * (1 + tolerance)
    above = [p for p in parts if _low(_q(p)) > lowest]
    if not above:
        return []
    highest = max(_low(_q(p)) for p in above)
    below = [(w, h) for w, h in ceilings if highest > h * (1 + tolerance)]
    return [(p, w) for p in above for w, h in below if _low(_q(p)) > h * (1 + tolerance)]


def _exceeds(context: Context, label: str, pairs: list[tuple[Claim, Claim]]) -> Finding:
    part, whole = max(pairs, key=lambda pw: _low(_q(pw[0])) - (_whole_high(pw[1]) or 0.0))
    involved = list(dict.fromkeys(c.id for pair in pairs for c in pair))
    denied = " (denied)" if whole.polarity is Polarity.DENIED else ""
    return Finding(
        key=("exceeds", part.subject, *_cell_key(part), *_cell_key(whole), label),
        message=f"{_topic(context, part)}{_on(label)}: {figure_text(context, part, _q(part))} "
        f"exceeds its whole, {_topic(context, whole)}: "
        f"{figure_text(context, whole, _q(whole))}{denied}",
        subject=part.subject,
        claims=tuple(involved),
        places=tuple(c.origin for pair in pairs for c in pair if c.origin),
        details={
            "kind": "part-exceeds-whole",
            "window": label,
            "positions": [
                _side(context, "part", list(dict.fromkeys(p for p, _ in pairs))),
                _side(context, "whole", list(dict.fromkeys(w for _, w in pairs))),
            ],
        },
    )


def _confusion(context: Context, label: str, pairs: list[tuple[Claim, Claim]]) -> Finding:
    part, whole = pairs[0]
    involved = list(dict.fromkeys(c.id for pair in pairs for c in pair))
    return Finding(
        key=("same-as-whole", part.subject, *_cell_key(part), *_cell_key(whole), label),
        message=f"{_topic(context, part)}{_on(label)}: {figure_text(context, part, _q(part))} "
        f"equals its whole, {_topic(context, whole)}: {figure_text(context, whole, _q(whole))}"
        ": possibly one counted as the other",
        subject=part.subject,
        claims=tuple(involved),
        places=tuple(c.origin for pair in pairs for c in pair if c.origin),
        details={
            "kind": "possible-scope-confusion",
            "window": label,
            "positions": [
                _side(context, "part", list(dict.fromkeys(p for p, _ in pairs))),
                _side(context, "whole", list(dict.fromkeys(w for _, w in pairs))),
            ],
        },
        severity=Severity.INFO,
    )


def _sums(
    context: Context, label: str, cells: dict[Cell, list[Claim]], tolerance: float
) -> Iterator[Finding]:
    """A whole that is the sum of parts (casualties: killed + wounded) against the stated
    parts: above the sum of their highest bounded figures, or below the sum of their lowest."""
    for (prop, scope), wholes in sorted(cells.items()):
        spec = context.property_book.get(prop)
        if spec is None or not spec.sum_of:
            continue
        parts = [[c for c in cells.get((p, scope), []) if _counted(c)] for p in spec.sum_of]
        bounded = [[c for c in group if _q(c).high is not None] for group in parts]
        if not all(bounded):
            continue
        high = sum(max(_high(_q(c)) for c in group) for group in bounded)
        low = sum(min(_low(_q(c)) for c in group) for group in parts)
        odd = [
            w
            for w in wholes
            if _counted(w)
            and (_low(_q(w)) > high * (1 + tolerance) or _high(_q(w)) < low * (1 - tolerance))
        ]
        if odd:
            yield _sum_finding(
                context, label, odd, [c for group in parts for c in group], low, high
            )


def _sum_finding(
    context: Context, label: str, odd: list[Claim], parts: list[Claim], low: float, high: float
) -> Finding:
    whole = odd[0]
    spec = context.property_book.get(whole.property)
    names = " + ".join(spec.sum_of) if spec else "its parts"
    span = interval_text(Quantity("", low, high, "range"))
    stated = "; ".join(figure_text(context, c, _q(c)) for c in parts[:4])
    return Finding(
        key=("sum", whole.subject, *_cell_key(whole), label),
        message=f"{_topic(context, whole)}{_on(label)}: {figure_text(context, whole, _q(whole))} "
        f"is not {names} as stated the same day ({span}: {stated})",
        subject=whole.subject,
        claims=tuple(dict.fromkeys([*(c.id for c in odd), *(c.id for c in parts)])),
        places=tuple(c.origin for c in [*odd, *parts] if c.origin),
        details={
            "kind": "sum",
            "window": label,
            "sum_low": low,
            "sum_high": high,
            "positions": [_side(context, "as stated", odd), _side(context, names, parts)],
        },
    )


def _side(context: Context, value: str, claims: list[Claim]) -> dict[str, object]:
    """One side of a finding, in the shape of numeric-conflict's positions."""
    return {
        "value": value,
        "claims": [c.id for c in claims],
        "speakers": list(dict.fromkeys(s for c in claims for s in c.said_by)),
        "sources": list(dict.fromkeys(c.source for c in claims)),
        "independent": len({context.origins(c.source) for c in claims}),
    }


def _counted(claim: Claim) -> bool:
    return claim.polarity is Polarity.AFFIRMED and units.unit_of(_q(claim), claim.unit) in (
        None,
        "people",
    )


def _comparable(a: Claim, b: Claim) -> bool:
    ua, ub = units.unit_of(_q(a), a.unit), units.unit_of(_q(b), b.unit)
    return units.canonical(ua) == units.canonical(ub) or (
        ua in (None, "people") and ub in (None, "people")
    )


def _whole_high(claim: Claim) -> float | None:
    """The most the whole can be: its upper bound; 0 when it is denied outright ("nobody
    was killed": a denial of any number, or of one or more)."""
    q = _q(claim)
    if claim.polarity is Polarity.DENIED:
        return 0.0 if q.qualifier == "exists" or (q.low is not None and q.low <= 1) else None
    return q.high


def _q(claim: Claim) -> Quantity:
    assert isinstance(claim.value, Quantity)
    return claim.value


def _low(q: Quantity) -> float:
    return q.low if q.low is not None else 0.0


def _high(q: Quantity) -> float:
    return q.high if q.high is not None else math.inf


def _cell_key(claim: Claim) -> tuple[str, str]:
    return claim.property, (claim.scope or "").casefold()


def _topic(context: Context, claim: Claim) -> str:
    scope = f" ({claim.scope})" if claim.scope else ""
    return f"{claim.property} of {claim.subject}{scope}"


def _on(label: str) -> str:
    return "" if label == UNDATED else f" on {label}"
