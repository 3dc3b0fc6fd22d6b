"""numeric-conflict's findings on a running count: one per window whose figures hold two or
more positions that share no value, and one timeline per scope whose figure changed from one
window to the next (shown, never failing). See _running.py for windows and positions."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from provenance import units
from provenance.agreement import one_voice, stated_at, words
from provenance.checks._running import (
    UNDATED,
    CountFigure,
    Position,
    Window,
    anchor_of,
    disagreeing,
    figures_agree,
    interval_gap,
    positions,
    windows,
)
from provenance.checks.base import Finding
from provenance.checks.context import Context
from provenance.model import Claim, EntityKind, Quantity, Severity, Tally
from provenance.quantities import (
    ABOUT_WIDTH,
    ABOUT_WIDTH_LARGE,
    about_width_for,
    interval_text,
    rewidened,
)


@dataclass(frozen=True, slots=True)
class Judge:
    """The rule's settings a running count is judged with."""

    tolerance: float
    gap: float
    width: float = ABOUT_WIDTH
    hours: int = 0
    large_width: float = ABOUT_WIDTH_LARGE


def running(context: Context, claim: Claim) -> bool:
    """The claim's property is a running count for its subject (properties.py: tally)."""
    entity = context.entities.get(claim.subject)
    is_event = entity is not None and entity.kind is EntityKind.EVENT
    return context.property_book.tally(claim.property, is_event) is Tally.RUNNING


def running_findings(context: Context, claims: Sequence[Claim], judge: Judge) -> Iterator[Finding]:
    """The findings of one subject and property counted as a running count."""
    for scope, figures in _partitions(context, claims, judge).items():
        by_claim = {f.claim.id: f for f in figures}
        grouped = windows([f.claim for f in figures], context.statement_time, judge.hours)
        undated = _place_undated(grouped, by_claim, judge.tolerance)
        timeline: list[tuple[Window, list[Position]]] = []
        for window in sorted(grouped, key=lambda w: (w.label == UNDATED, w.start, w.label)):
            found = positions([by_claim[c.id] for c in grouped[window]], judge.tolerance, judge.gap)
            if window.label != UNDATED:
                timeline.append((window, [p for p in found if not _only(p, undated)]))
            pairs = disagreeing(found, judge.tolerance)
            voiced = [(a, b) for a, b in pairs if _two_voices(context, a, b)]
            if voiced:
                yield _window_finding(context, scope, window, found, voiced, judge)
            elif pairs:
                yield from _own_revisions(context, scope, window, pairs)
        if len({_labels(found) for _, found in timeline}) > 1:
            yield _timeline_finding(context, scope, timeline)


def _two_voices(context: Context, a: Position, b: Position) -> bool:
    """Two positions held by different voices, not one speaker (or copies of one report)
    saying two things."""
    return any(not one_voice(context, x.claim, y.claim) for x in a.figures for y in b.figures)


def _own_revisions(
    context: Context, part: str, window: Window, pairs: list[tuple[Position, Position]]
) -> Iterator[Finding]:
    """One voice's figures that disagree inside one window: a revision (shown, never
    failing), in the order they were stated; copies that speak for nobody are left out."""
    voices: dict[tuple[str, ...], dict[str, Claim]] = defaultdict(dict)
    for a, b in pairs:
        for figure in (*a.figures, *b.figures):
            if figure.claim.said_by:
                voices[tuple(sorted(set(figure.claim.said_by)))][figure.claim.id] = figure.claim
    scope = part.split("\x1f")[0]
    when = "" if window.label == UNDATED else f" on {window.label}"
    for speakers, found in sorted(voices.items()):
        claims = sorted(found.values(), key=lambda c: (stated_at(context, c), c.id))
        if len(claims) < 2:
            continue
        first = claims[0]
        steps = " -> ".join(f"{words(context, c)} ({_when(context, c)})" for c in claims)
        who = ", ".join(context.name(s) for s in speakers)
        yield Finding(
            key=("revision", first.subject, first.property, scope, window.label, *speakers),
            message=f"{_topic(first)}{when}: revision by {who}: {steps}",
            subject=first.subject,
            claims=tuple(c.id for c in claims),
            places=tuple(c.origin for c in reversed(claims) if c.origin),
            revision=True,
            details={"speakers": list(speakers), "scope": first.scope, "window": window.label},
        )


def _place_undated(
    grouped: dict[Window, list[Claim]], by_claim: dict[str, CountFigure], tolerance: float
) -> set[str]:
    """Undated figures moved into a dated window, when there is one: the latest window
    holding a figure they agree with, else the latest window (the count reporting settled
    on), so that each is compared once. Returns their ids (they stay out of the timeline)."""
    dated = sorted((w for w in grouped if w.label != UNDATED), key=lambda w: (w.start, w.label))
    loose = grouped.pop(Window(UNDATED, "", ""), []) if dated else []
    for claim in loose:
        figure = by_claim[claim.id]
        agreeing = [
            w
            for w in dated
            if any(figures_agree(figure.value, by_claim[c.id].value, tolerance) for c in grouped[w])
        ]
        grouped[(agreeing or dated)[-1]].append(claim)
    return {c.id for c in loose}


def _only(position: Position, ids: set[str]) -> bool:
    return all(f.claim.id in ids for f in position.figures)


def _partitions(
    context: Context, claims: Sequence[Claim], judge: Judge
) -> dict[str, list[CountFigure]]:
    """Figures by what they count: the scope (as the vocabulary resolves it) and a unit that
    measures one thing, each figure converted to its partition's first unit."""
    spec = context.property_book.get(claims[0].property)
    count = bool(spec and spec.count)
    found: dict[str, list[CountFigure]] = defaultdict(list)
    unit_of_part: dict[str, tuple[str | None, str | None]] = {}
    for claim in sorted(claims, key=lambda c: c.id):
        value = claim.value
        assert isinstance(value, Quantity)
        unit = units.unit_of(value, claim.unit, count=count)
        worded = units.canonical(value.unit)
        scope = context.scope_book.resolve(claim.scope)
        part = next(
            (
                k
                for k, (u, w) in unit_of_part.items()
                if k.split("\x1f")[0] == scope
                and units.comparable(u, unit, count=count)
                and units.comparable(w, worded)
            ),
            None,
        )
        if part is None:
            part = f"{scope}\x1f{unit or ''}\x1f{worded or ''}"
            unit_of_part[part] = (unit, worded)
        converted = units.convert(value, unit, unit_of_part[part][0])
        if converted is None:
            continue
        converted = _widened(converted, judge, count and unit == "people")
        converted = replace(converted, unit=None)
        anchor = anchor_of(converted)
        if anchor is not None:
            found[part].append(CountFigure(claim, converted, anchor))
    return {k: v for k, v in found.items() if len(v) > 1}


def _widened(value: Quantity, judge: Judge, count: bool) -> Quantity:
    """An about figure read at the width its number's size calls for."""
    anchor = anchor_of(value)
    if value.qualifier not in ("about", "about-range") or anchor is None:
        return value
    width = about_width_for(anchor, judge.width, judge.large_width)
    return value if width == ABOUT_WIDTH else rewidened(value, width, count=count)


def _labels(found: list[Position]) -> tuple[str, ...]:
    return tuple(_value_text(p) for p in found)


def _value_text(position: Position) -> str:
    """The position's figure in words: the words most of its reports use, the narrowest on
    a tie ("46" rather than "about 46")."""
    said = [f.value.words for f in position.figures]
    width = {f.value.words: _width(f.value) for f in position.figures}
    return min(set(said), key=lambda w: (-said.count(w), width[w], w))


def _width(q: Quantity) -> float:
    return math.inf if q.low is None or q.high is None else q.high - q.low


def _window_finding(
    context: Context,
    part: str,
    window: Window,
    found: list[Position],
    pairs: list[tuple[Position, Position]],
    judge: Judge,
) -> Finding:
    first = found[0].figures[0].claim
    scope = part.split("\x1f")[0]
    wide = [a for a, b in pairs if interval_gap(a, b) >= judge.gap]
    why = "no common value" + (
        f" even within {judge.tolerance * 100:g}%" if judge.tolerance else ""
    )
    if not wide:
        why += f", apart by less than {judge.gap * 100:g}% (rounding)"
    when = "" if window.label == UNDATED else f" on {window.label}"
    texts = " vs ".join(_position_text(context, p) for p in found)
    ordered = [f.claim for p in found for f in p.figures]
    return Finding(
        key=("positions", first.subject, first.property, scope, window.label, str(len(found))),
        message=f"{_topic(first)}{when}: {texts}: {why}",
        subject=first.subject,
        claims=tuple(dict.fromkeys(c.id for c in ordered)),
        places=tuple(c.origin for c in ordered if c.origin),
        details={
            "scope": first.scope,
            "window": window.label,
            "tolerance": judge.tolerance,
            "rounding": not wide,
            "positions": [_position_details(context, p) for p in found],
        },
        severity=None if wide else Severity.INFO,
    )


def _position_text(context: Context, position: Position) -> str:
    """The position's figure as said first-hand (a claim in an origin source, else the
    smallest id), and how many more hold it."""
    first = min(
        position.figures,
        key=lambda f: (f.claim.source not in context.origins(f.claim.source), f.claim.id),
    )
    text = figure_text(context, first.claim, first.value)
    more = len(position.figures) - 1
    return text + (f" and {more} more" if more else "")


def figure_text(context: Context, claim: Claim, compared: Quantity) -> str:
    own = claim.value if isinstance(claim.value, Quantity) else compared
    text = f"{words(context, claim)} {interval_text(own)}"
    if (compared.low, compared.high) != (own.low, own.high):
        text += f" = {interval_text(compared)}"
    who = ", ".join(context.name(s) for s in claim.said_by)
    return f"{text} [{who + ' via ' if who else ''}{claim.source}]"


def _position_details(context: Context, position: Position) -> dict[str, object]:
    claims = [f.claim for f in position.figures]
    origins = {context.origins(c.source) for c in claims}
    return {
        "value": _value_text(position),
        "claims": [c.id for c in claims],
        "speakers": list(dict.fromkeys(s for c in claims for s in c.said_by)),
        "sources": list(dict.fromkeys(c.source for c in claims)),
        "independent": len(origins),
        "stated": [_when(context, c) for c in claims],
    }


def _timeline_finding(
    context: Context, part: str, timeline: list[tuple[Window, list[Position]]]
) -> Finding:
    first = timeline[0][1][0].figures[0].claim
    scope = part.split("\x1f")[0]
    steps = [
        f"{' / '.join(repr(v) for v in _labels(found))} ({window.label})"
        for window, found in timeline
    ]
    ordered = [f.claim for _, found in timeline for p in found for f in p.figures]
    return Finding(
        key=("timeline", first.subject, first.property, scope),
        message=f"{_topic(first)}: running count over time: " + " -> ".join(steps),
        subject=first.subject,
        claims=tuple(dict.fromkeys(c.id for c in ordered)),
        places=tuple(c.origin for c in reversed(ordered) if c.origin),  # the latest first
        revision=True,
        details={
            "scope": first.scope,
            "timeline": [
                {
                    "window": window.label,
                    "value": " / ".join(_labels(found)),
                    "claims": [f.claim.id for p in found for f in p.figures],
                }
                for window, found in timeline
            ],
        },
    )


def _topic(claim: Claim) -> str:
    scope = f" ({claim.scope})" if claim.scope else ""
    return f"{claim.property} of {claim.subject}{scope}"


def _when(context: Context, claim: Claim) -> str:
    span = context.statement_time(claim)
    return span.text if span is not None else UNDATED
