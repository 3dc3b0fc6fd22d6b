"""What the single-valued rules share: reading one subject+property group into the claims
that still stand, the sequences in which a speaker (or a `supersedes` link) replaced a value,
and one representative per repeated assertion, so that a copy is counted once.

- a claim is *replaced* when a later claim supersedes it, or when the same speaker later
  gives a value that cannot also be true (``replaces``); replaced claims are shown as a
  revision, never compared with other speakers;
- claims of one speaker that repeat one value, and claims whose sources share an origin
  and name no speaker, are one assertion: the first of them (from an original source if
  there is one) stands for the others;
- two claims of one assertion are never a conflict, whatever they say.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass

from provenance import agreement, dates, graphs
from provenance.checks.base import Finding
from provenance.checks.context import Context
from provenance.model import Claim, EntityValue, PartialDate, TextValue, TimeSpan

Pair = Callable[[Claim, Claim], bool]


@dataclass(frozen=True, slots=True)
class Reading:
    """A group read: the claims that stand (in time order), the revision sequences, and
    each claim's place in time (see order_key)."""

    live: list[Claim]
    revisions: list[list[Claim]]
    order: dict[str, tuple[str, str, str]]


def order_key(context: Context, claim: Claim) -> tuple[str, str, str]:
    """When the claim was stated (as_of, else publication), then publication, then id."""
    source = context.sources.get(claim.source)
    published = source.published if source else None
    start = dates.sortable_span(published)[0] if published else None
    return agreement.stated_at(context, claim), start or "", claim.id


def read_group(context: Context, claims: list[Claim], replaces: Pair) -> Reading:
    """Split a group into what stands and what was revised. ``replaces(earlier, later)``
    says whether a later value from the same speaker replaces an earlier one."""
    order = {c.id: order_key(context, c) for c in claims}
    ordered = sorted(claims, key=lambda c: order[c.id])
    by_id = {c.id: c for c in ordered}
    steps: list[tuple[Claim, Claim]] = []
    replaced: set[str] = set()
    for later in ordered:
        earlier = by_id.get(later.supersedes or "")
        if earlier is not None and earlier.id != later.id:
            replaced.add(earlier.id)
            if agreement.values_agree(context, earlier, later) is False:
                steps.append((earlier, later))
    for voice in _voices(ordered):
        for i, earlier in enumerate(voice):
            for later in voice[i + 1 :]:
                if replaces(earlier, later):
                    replaced.add(earlier.id)
                    steps.append((earlier, later))
    live = [c for c in ordered if c.id not in replaced]
    position = {c.id: i for i, c in enumerate(ordered)}
    sequences = [sorted(s, key=lambda c: position[c.id]) for s in _connected(steps)]
    return Reading(live, sorted(sequences, key=lambda s: position[s[0].id]), order)


def _voices(ordered: list[Claim]) -> Iterator[list[Claim]]:
    """The claims of each named speaker (the same set of speakers), in time order."""
    voices: dict[frozenset[str], list[Claim]] = defaultdict(list)
    for claim in ordered:
        if claim.said_by:
            voices[frozenset(claim.said_by)].append(claim)
    yield from (v for v in voices.values() if len(v) > 1)


def _connected(steps: list[tuple[Claim, Claim]]) -> list[list[Claim]]:
    """The claims linked by revision steps, one list per connected sequence."""
    claims: dict[str, Claim] = {}
    linked = graphs.Partition[str]()
    for a, b in steps:
        claims[a.id], claims[b.id] = a, b
        linked.join(a.id, b.id)
    return [[claims[i] for i in group] for group in linked.groups(claims)]


def representatives(
    context: Context, reading: Reading, time: Callable[[Claim], TimeSpan | None] | None
) -> list[Claim]:
    """One claim per assertion: repeats of one value (for the same ``time``, when given) by
    one speaker, or by copies of one origin, collapse onto the first (a claim from an
    original source first)."""
    buckets: dict[Hashable, list[Claim]] = defaultdict(list)
    kept: list[Claim] = []
    order = reading.order
    for claim in sorted(reading.live, key=lambda c: (_copied(context, c), order[c.id])):
        key = (value_identity(claim), _span_identity(time(claim)) if time else None)
        bucket = buckets[(key, frozenset(claim.said_by))]
        if any(claim.said_by or agreement.one_voice(context, r, claim) for r in bucket):
            continue
        bucket.append(claim)
        kept.append(claim)
    return sorted(kept, key=lambda c: order[c.id])


def _copied(context: Context, claim: Claim) -> bool:
    return context.origins(claim.source) != frozenset([claim.source])


def _plain(d: PartialDate | None) -> PartialDate | None:
    return None if d is None else dataclasses.replace(d, weekday=None)


def _span_identity(span: TimeSpan | None) -> Hashable:
    return None if span is None else (_plain(span.start), _plain(span.end))


def value_identity(claim: Claim) -> Hashable:
    """Equal for values that say exactly the same (not merely values that can agree)."""
    value = claim.value
    if isinstance(value, TimeSpan):
        return ("date", _span_identity(value))
    if isinstance(value, EntityValue):
        return ("entity", frozenset(value.ids))
    if isinstance(value, TextValue):
        return ("text", agreement.text_key(value.text))
    return ("quantity", value.low, value.high, value.low_open, value.high_open, claim.unit)


def pairs(context: Context, claims: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Every pair of claims of different assertions, each pair in claim-id order."""
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if not agreement.one_voice(context, a, b):
                yield (a, b) if a.id <= b.id else (b, a)


def speakers(context: Context, claims: list[Claim]) -> str:
    """The speakers the claims share, by name, or '' when they share none."""
    common = set.intersection(*(set(c.said_by) for c in claims)) if claims else set()
    return " + ".join(sorted(context.name(s) for s in common))


def when(context: Context, claim: Claim) -> str:
    """The time a claim holds, as written: its as_of, else its source's publication."""
    if claim.as_of is not None:
        return claim.as_of.text
    source = context.sources.get(claim.source)
    if source is not None and source.published is not None:
        return f"published {source.published.text}"
    return "undated"


def revision(context: Context, sequence: list[Claim], what: str) -> Finding:
    """One Finding for a sequence of values that replaced one another."""
    who = speakers(context, sequence)
    steps = ", then ".join(
        f"{agreement.words(context, c)} ({when(context, c)}, {c.source})" for c in sequence
    )
    return Finding(
        key=tuple(sorted(c.id for c in sequence)),
        message=f"{what} revised{f' by {who}' if who else ''}: {steps}",
        subject=sequence[0].subject,
        claims=tuple(c.id for c in sequence),
        places=tuple(c.origin for c in reversed(sequence) if c.origin),
        revision=True,
        details={
            "sequence": [c.id for c in sequence],
            "times": [when(context, c) for c in sequence],
            "sources": [c.source for c in sequence],
        },
    )
