"""How numeric-conflict sorts one subject+property group before comparing figures: the
supersedes chains, one representative per copied assertion, and each speaker's revisions.

Everything here works inside one group of claims (one subject and property), so its cost
grows with the group, never with the ledger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from provenance import units
from provenance.agreement import quantity_pair, scope_key, stated_at, times_overlap
from provenance.checks.context import Context
from provenance.model import Claim, Polarity, Quantity
from provenance.quantities import overlaps

ValueKey = tuple[float | None, float | None, bool, bool, str | None]


def quantity_claims(group: Iterable[Claim]) -> list[Claim]:
    """The affirmed figures of a group (denials belong to the denial rule), by id."""
    found = [c for c in group if c.polarity is Polarity.AFFIRMED and isinstance(c.value, Quantity)]
    return sorted(found, key=lambda c: c.id)


def value_key(claim: Claim) -> ValueKey:
    """The figure as an interval in its unit: two claims with one key give the same value."""
    q = claim.value
    if not isinstance(q, Quantity):
        return (None, None, False, False, None)
    return (q.low, q.high, q.low_open, q.high_open, units.unit_of(q, claim.unit))


def supersede_chains(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims linked by `supersedes` inside the group, each chain from its first claim to
    its latest (a chain that branches lists every branch, breadth first, by id)."""
    by_id = {c.id: c for c in claims}
    later: dict[str, list[str]] = defaultdict(list)
    for c in claims:
        if c.supersedes in by_id and c.supersedes != c.id:
            later[c.supersedes].append(c.id)
    roots = [c.id for c in claims if c.id in later and c.supersedes not in by_id]
    chains: list[list[Claim]] = []
    seen: set[str] = set()
    for root in roots:
        order, queue = [], [root]
        while queue:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.add(current)
            order.append(by_id[current])
            queue.extend(sorted(later.get(current, ())))
        chains.append(order)
    return chains


def superseded(claims: Sequence[Claim]) -> set[str]:
    """Ids of claims that a later claim of the group replaces."""
    ids = {c.id for c in claims}
    return {c.supersedes for c in claims if c.supersedes in ids and c.supersedes != c.id}


def copy_groups(context: Context, claims: Sequence[Claim]) -> dict[str, list[str]]:
    """One claim per assertion: claims whose sources share their origins (copies), with the
    same speakers, scope, time and value, are one. Maps each representative's id to the ids
    of the copies it stands for. The representative is a claim made in an origin source,
    else the one with the smallest id, so that it does not change as copies are added."""
    buckets: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        origins = context.origins(c.source)
        as_of = c.as_of.text if c.as_of else None
        key = (origins, frozenset(c.said_by), scope_key(c), as_of, value_key(c))
        buckets[key].append(c)
    found: dict[str, list[str]] = {}
    for bucket in buckets.values():
        best = min(bucket, key=lambda c: (c.source not in context.origins(c.source), c.id))
        found[best.id] = sorted(c.id for c in bucket if c.id != best.id)
    return found


@dataclass(frozen=True, slots=True)
class Revision:
    """One speaker's figures for one scope that differ over time, in time order; ``earlier``
    are those the speaker later replaced for the same time (they leave the comparison)."""

    speakers: tuple[str, ...]
    scope: str
    sequence: tuple[Claim, ...]
    earlier: frozenset[str]


def revisions(context: Context, claims: Sequence[Claim]) -> list[Revision]:
    """Each speaker's revisions: the same speakers and scope, times that overlap, different
    figures. Figures for times that do not overlap are a trend, not a revision; figures
    stated for the same time that agree ("about 50" and "50") are a rewording."""
    buckets: dict[tuple[str, tuple[str, ...]], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.said_by:
            buckets[(scope_key(c), tuple(sorted(set(c.said_by))))].append(c)
    found: list[Revision] = []
    for (scope, speakers), bucket in sorted(buckets.items()):
        when = {c.id: stated_at(context, c) for c in bucket}
        ordered = sorted(bucket, key=lambda c: (when[c.id], c.id))
        involved: set[str] = set()
        earlier: set[str] = set()
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if value_key(a) == value_key(b) or not times_overlap(a, b):
                    continue
                if when[a.id] == when[b.id] and _agree(a, b):
                    continue  # the same figure in other words, for the same time
                involved |= {a.id, b.id}
                if when[a.id] < when[b.id]:
                    earlier.add(a.id)
        if involved:
            sequence = tuple(c for c in ordered if c.id in involved)
            found.append(Revision(speakers, scope, sequence, frozenset(earlier)))
    return found


def _agree(a: Claim, b: Claim) -> bool:
    pair = quantity_pair(a, b)
    try:
        return pair is not None and overlaps(pair[0], pair[1])
    except ValueError:
        return False
