"""Positions on one question (a subject and property), shared by disputed-attribution and
denial: who holds which position, which pairs of claims are a dispute, a revision by one
voice, or only a sequence, and the findings that summarise them.

A *position* is a polarity and a value (for an attribution, the set of entities). Claims
holding one position are one camp; a conflict is keyed on the positions, not the claims,
so a new claim repeating a position keeps the conflict (and its review).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

from provenance import agreement, dates, stances
from provenance.checks.base import Finding
from provenance.checks.context import Context
from provenance.model import Claim, Polarity, TimeSpan

ATTRIBUTION = frozenset({"perpetrator", "claimed-by"})
"""Who did it: a claim of responsibility is an attribution by the claimant."""

Label = Callable[[Claim], "str | None"]
Opposed = Callable[[Claim, Claim], bool]
Show = Callable[[Claim], str]


class Kind(Enum):
    DISPUTE = "dispute"
    REVISION = "revision"
    SEQUENCE = "sequence"  # "no group has claimed it", then a claim: shown, never failing


@dataclass(frozen=True, slots=True)
class Pair:
    kind: Kind
    first: Claim
    second: Claim


def voice_label(context: Context, claim: Claim) -> str:
    if claim.said_by:
        return "said-by:" + "+".join(sorted(set(claim.said_by)))
    return "source:" + "+".join(sorted(context.origins(claim.source)))


def _start(span: TimeSpan) -> str:
    return dates.sortable_span(span)[0] or ""


def _end(span: TimeSpan) -> str:
    return dates.sortable_span(span)[1] or "~"  # an open end sorts after every date


def precedes(first: TimeSpan, second: TimeSpan) -> bool:
    """``first`` is over before ``second`` begins, each at its precision."""
    return not dates.overlaps(first, second) and _start(first) < _start(second)


def stated_before(context: Context, a: Claim, b: Claim) -> bool:
    """``a`` was stated strictly before ``b`` (as_of, else publication); unknown is not."""
    when_a, when_b = context.statement_time(a), context.statement_time(b)
    return when_a is not None and when_b is not None and precedes(when_a, when_b)


class EventDates:
    """When events took place (their `date` claims), read in one query, only if asked."""

    def __init__(self, context: Context) -> None:
        self._context = context

    def stated_before(self, claim: Claim, other: Claim) -> bool:
        """``claim`` was stated before its subject took place, whichever date is given.

        ``other`` is a statement about the same event: the event began before it ended, so
        unless ``claim`` ends before ``other`` does, the dates are not read at all."""
        when, then = self._context.statement_time(claim), self._context.statement_time(other)
        if when is None or (then is not None and _end(when) >= _end(then)):
            return False
        spans = self._context.event_dates.get(claim.subject, [])
        return bool(spans) and all(precedes(when, span) for span in spans)


def by_position(claims: Iterable[Claim], label: Label) -> dict[str, list[Claim]]:
    """Claims by position label, in ledger order; claims without a label are left out."""
    found: dict[str, list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=place):
        name = label(claim)
        if name is not None:
            found[name].append(claim)
    return dict(found)


def opposing_pairs(
    camps: dict[str, list[Claim]],
    opposed: Opposed,
    judge: Callable[[Claim, Claim], Kind | None],
) -> list[Pair]:
    """Every pair of claims holding positions that contradict each other, judged: only the
    positions are compared all-pairs (few), then the claims of two opposed positions."""
    found: list[Pair] = []
    names = sorted(camps)
    for i, left in enumerate(names):
        for right in names[i + 1 :]:
            if not opposed(camps[left][0], camps[right][0]):
                continue
            for a in camps[left]:
                for b in camps[right]:
                    kind = judge(a, b)
                    if kind is not None:
                        found.append(Pair(kind, a, b))
    return found


def judge(
    context: Context,
    events: EventDates,
    pair: tuple[Claim, Claim],
    negative: Claim | None,
    *,
    news: bool = False,
    standing: bool = False,
) -> Kind | None:
    """What two claims of opposed positions are. ``negative`` is the one saying no (a
    denial, or "nobody"), if any. "Nobody has claimed it" (``news``) made before the claim
    was stated, or before the event, is a sequence, even from one voice. A denial made
    before the event took place is about something else. A denial made before the other
    claim was stated is a sequence too, unless it is ``standing``: who did it does not
    change, so an early denial and a later accusation contradict each other. From one voice
    (or when one claim supersedes the other) the pair is a revision."""
    a, b = pair
    if a.supersedes == b.id or b.supersedes == a.id:
        return Kind.REVISION  # the analyst has recorded which replaces which
    if negative is None:
        return Kind.REVISION if agreement.one_voice(context, a, b) else Kind.DISPUTE
    other = b if negative is a else a

    before_event = events.stated_before(negative, other)
    earlier = stated_before(context, negative, other)
    if news and (before_event or earlier):
        return Kind.SEQUENCE
    if agreement.one_voice(context, a, b):
        return Kind.REVISION
    return None if before_event or (earlier and not standing) else Kind.DISPUTE


def dispute_finding(
    context: Context,
    pairs: list[Pair],
    label: Label,
    show: Show,
    verb: str,
    question: str | None = None,
) -> Finding | None:
    """One finding for every dispute on one question (``question`` names it when it spans
    properties), its camps side by side, the weightiest first: the key is the question and
    its positions, so a claim joining a position keeps it, a new position changes it."""
    involved = {c.id: c for p in pairs if p.kind is Kind.DISPUTE for c in (p.first, p.second)}
    camps = by_position(involved.values(), label)
    if not camps:
        return None
    order = sorted(
        camps, key=lambda n: (_denied(camps[n][0]), -position_weight(camps[n]), place(camps[n][0]))
    )
    first = min(involved.values(), key=place)
    affirmed = {show(camps[n][0]) for n in order if not _denied(camps[n][0])}
    texts = [_camp_text(context, camps[n], show, affirmed) for n in order]
    ordered = [c for n in order for c in camps[n]]
    return Finding(
        key=(first.subject, question or first.property, *sorted(camps)),
        message=f"{question or first.property} of {context.name(first.subject)} {verb}: "
        + " vs ".join(texts),
        subject=first.subject,
        claims=tuple(c.id for c in ordered),
        places=tuple(c.origin for c in ordered if c.origin),
        details={
            "property": question or first.property,
            "positions": [camp_details(context, n, camps[n], show) for n in order],
        },
    )


def sequence_finding(
    context: Context, pairs: list[Pair], label: Label, show: Show, question: str
) -> Finding | None:
    """One finding for a question answered "nobody yet" and later answered: the statements
    in the order they were made, shown as a revision (never failing)."""
    found = {c.id: c for p in pairs if p.kind is Kind.SEQUENCE for c in (p.first, p.second)}
    if not found:
        return None
    claims = sorted(found.values(), key=lambda c: (agreement.stated_at(context, c), place(c)))
    first = claims[0]
    camps = by_position(claims, label)
    steps = " then ".join(_step(context, c, show) for c in claims)
    return Finding(
        key=(first.subject, question, "sequence", *sorted(camps)),
        message=f"{question} of {context.name(first.subject)}: a sequence, not a dispute: " + steps,
        subject=first.subject,
        claims=tuple(c.id for c in claims),
        places=tuple(c.origin for c in claims if c.origin),
        revision=True,
        details={
            "property": question,
            "sequence": [c.id for c in claims],
            "positions": [camp_details(context, n, camps[n], show) for n in sorted(camps)],
        },
    )


def position_weight(claims: list[Claim]) -> float:
    """How much a position counts: its strongest claim's stance weight (a hedged or
    preliminary claim counts less than one stated plainly)."""
    return max((stances.weight_of(c.stance) for c in claims), default=1.0)


def independent(context: Context, claims: list[Claim]) -> int:
    """How many independent origins the position rests on (copies count once)."""
    origins: list[frozenset[str]] = []
    for claim in claims:
        mine = context.origins(claim.source)
        if not any(mine & seen for seen in origins):
            origins.append(mine)
    return len(origins)


def revision_findings(
    context: Context, pairs: list[Pair], label: Label, show: Show
) -> Iterator[Finding]:
    """One finding per voice that changed its position on the question: shown, never
    failing, its statements in the order they were made."""
    voices: dict[str, dict[str, Claim]] = defaultdict(dict)
    for pair in pairs:
        if pair.kind is Kind.REVISION:
            said = voices[voice_label(context, pair.first)]
            said.update({pair.first.id: pair.first, pair.second.id: pair.second})
    for voice, found in sorted(voices.items()):
        claims = sorted(found.values(), key=lambda c: (agreement.stated_at(context, c), place(c)))
        first = claims[0]
        steps = " then ".join(_step(context, c, show) for c in claims)
        positions = sorted({label(c) or "" for c in claims})
        yield Finding(
            key=(first.subject, first.property, "revision", voice, *positions),
            message=f"{first.property} of {context.name(first.subject)} revised by "
            f"{_speaker(context, first)}: {steps}",
            subject=first.subject,
            claims=tuple(c.id for c in claims),
            places=tuple(c.origin for c in claims if c.origin),
            revision=True,
            details={
                "property": first.property,
                "voice": voice,
                "sequence": [c.id for c in claims],
            },
        )


def _denied(claim: Claim) -> bool:
    return claim.polarity is Polarity.DENIED


def _camp_text(context: Context, claims: list[Claim], show: Show, affirmed: set[str]) -> str:
    value = show(claims[0])
    speakers = ", ".join(_unique(context.name(s) for c in claims for s in c.said_by))
    sources = ", ".join(_unique(c.source for c in claims))
    if not _denied(claims[0]):
        return f"{value} ({speakers}; {sources})" if speakers else f"{value} ({sources})"
    who = f"denied by {speakers}" if speakers else "denied"
    return (who if value in affirmed else f"{value} {who}") + f" ({sources})"


def camp_details(context: Context, name: str, claims: list[Claim], show: Show) -> object:
    return {
        "position": name,
        "polarity": claims[0].polarity.value,
        "value": show(claims[0]),
        "speakers": _unique(s for c in claims for s in c.said_by),
        "sources": _unique(c.source for c in claims),
        "independent": independent(context, claims),
        "weight": position_weight(claims),
        "claims": [c.id for c in claims],
        "stated": [_when(context, c) for c in claims],
    }


def _step(context: Context, claim: Claim, show: Show) -> str:
    said = ("denied " if _denied(claim) else "") + show(claim)
    return f"{said} ({_when(context, claim)}; {claim.source})"


def _speaker(context: Context, claim: Claim) -> str:
    if claim.said_by:
        return ", ".join(context.name(s) for s in claim.said_by)
    return claim.source


def _when(context: Context, claim: Claim) -> str:
    when = context.statement_time(claim)
    return when.text if when is not None else "undated"


def place(claim: Claim) -> tuple[str, int, str]:
    return (claim.origin.file, claim.origin.line, claim.id) if claim.origin else ("", 0, claim.id)


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
