"""Checks a parsed ledger as a whole: ids unique across every file, references that resolve
(to records in the ledger, or already in the database), the right kinds at each end, and no
circles in derived_from, part_of or supersedes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from provenance.errors import Problem
from provenance.ledger.fields import article, did_you_mean
from provenance.ledger.schema import Parsed, ParsedLedger
from provenance.model import Claim, Entity, EntityKind, EntityValue, Review, Source

DANGLING = "dangling-reference"
"""The code of an unknown-reference problem: refused by import, reported by check."""

SPEAKER_KINDS = frozenset({EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.OTHER})
PART_OF_KINDS: dict[EntityKind, frozenset[EntityKind]] = {
    EntityKind.PLACE: frozenset({EntityKind.PLACE}),
    EntityKind.EVENT: frozenset({EntityKind.PLACE, EntityKind.EVENT}),
    EntityKind.ORGANISATION: frozenset({EntityKind.ORGANISATION}),
    EntityKind.PERSON: frozenset(),
    EntityKind.OTHER: frozenset(EntityKind),
}


@dataclass(frozen=True, slots=True)
class Known:
    """What an id names: a record type ("source", "entity", "claim"), and an entity's kind."""

    record: str
    entity_kind: EntityKind | None = None


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference from a record's field to an id, with where it is written."""

    file: str
    line: int
    owner: str
    key: str
    target: str
    expected: str


def resolve(parsed: ParsedLedger, existing: Mapping[str, Known] | None = None) -> list[Problem]:
    """Every problem of the ledger as a whole; ``existing`` holds ids already stored."""
    index, problems = _index(parsed)
    lookup = dict(existing or {})
    lookup.update(index)
    for ref in references(parsed):
        problem = _check(ref, lookup)
        if problem:
            problems.append(problem)
    problems.extend(_kind_problems(parsed, lookup))
    problems.extend(_supersedes_problems(parsed))
    problems.extend(_cycles(parsed))
    return problems


def _index(parsed: ParsedLedger) -> tuple[dict[str, Known], list[Problem]]:
    index: dict[str, Known] = {}
    first: dict[str, str] = {}
    problems: list[Problem] = []
    records: list[tuple[str, Parsed[Source] | Parsed[Entity] | Parsed[Claim]]] = [
        *(("source", p) for p in parsed.sources),
        *(("entity", p) for p in parsed.entities),
        *(("claim", p) for p in parsed.claims),
    ]
    entries = [
        *(
            (
                noun,
                item.record.id,
                item.record.origin.file if item.record.origin else "command line",
                item.line("id"),
                item.record.kind if isinstance(item.record, Entity) else None,
            )
            for noun, item in records
        ),
        *((b.noun, b.id, b.file, b.line, None) for b in parsed.broken),
    ]
    for noun, ident, file, line, kind in sorted(entries, key=lambda e: (e[2], e[3])):
        if ident in index:
            problems.append(
                Problem(
                    file,
                    line,
                    f"id '{ident}' is already used by the {first[ident]}",
                    "ids are unique across the whole ledger; rename one",
                )
            )
            continue
        index[ident] = Known(noun, kind)
        first[ident] = f"{noun} at {file}:{line}" if line else f"{noun} on the {file}"
    return index, problems


def references(parsed: ParsedLedger) -> Iterator[Reference]:
    """Every reference in the ledger, in file order."""
    for source in parsed.sources:
        yield from _refs(source, "derived_from", source.record.derived_from, "source")
    for entity in parsed.entities:
        yield from _refs(entity, "part_of", _opt(entity.record.part_of), "entity")
        yield from _refs(entity, "distinct_from", entity.record.distinct_from, "entity")
    for claim in parsed.claims:
        yield from _claim_refs(claim)
    for review in parsed.reviews:
        yield from _refs(review, "in_favour_of", _opt(review.record.in_favour_of), "claim")
        yield from _refs(review, "entity", _opt(review.record.entity), "entity")


def _claim_refs(item: Parsed[Claim]) -> Iterator[Reference]:
    claim = item.record
    yield from _refs(item, "subject", (claim.subject,), "entity")
    yield from _refs(item, "source", (claim.source,), "source")
    if isinstance(claim.value, EntityValue):
        yield from _refs(item, "value", claim.value.ids, "entity")
    yield from _refs(item, "said_by", claim.said_by, "entity")
    file = claim.origin.file if claim.origin else ""
    for n, mention in enumerate(claim.mentions):
        if mention.entity:
            line = item.lines.get(f"mentions.{n}", item.line("mentions"))
            yield Reference(file, line, claim.id, "mentions", mention.entity, "entity")
    yield from _refs(item, "contradicts", claim.contradicts, "claim")
    yield from _refs(item, "supersedes", _opt(claim.supersedes), "claim")


def _opt(value: str | None) -> tuple[str, ...]:
    return (value,) if value else ()


def _refs(
    item: Parsed[Source] | Parsed[Entity] | Parsed[Claim] | Parsed[Review],
    key: str,
    targets: tuple[str, ...],
    expected: str,
) -> Iterator[Reference]:
    record = item.record
    owner = record.conflict if isinstance(record, Review) else record.id
    file = record.origin.file if record.origin else ""
    for n, target in enumerate(targets):
        yield Reference(
            file, item.lines.get(f"{key}.{n}", item.line(key)), owner, key, target, expected
        )


def _check(ref: Reference, lookup: Mapping[str, Known]) -> Problem | None:
    known = lookup.get(ref.target)
    if known is None:
        close = did_you_mean(ref.target, (k for k, v in lookup.items() if v.record == ref.expected))
        fix = f"add it under {_SECTION[ref.expected]}: or fix the id"
        return Problem(
            ref.file,
            ref.line,
            f"{ref.key}: unknown {ref.expected} '{ref.target}'",
            f"{close} Or {fix}" if close else fix,
            code=DANGLING,
        )
    if known.record != ref.expected:
        return Problem(
            ref.file,
            ref.line,
            f"{ref.key}: '{ref.target}' is {article(known.record)} {known.record}, "
            f"not {article(ref.expected)} {ref.expected}",
            f"{ref.key} takes the id of {article(ref.expected)} {ref.expected}",
        )
    if ref.target == ref.owner and ref.key in ("distinct_from", "contradicts"):
        return Problem(
            ref.file,
            ref.line,
            f"{ref.key}: '{ref.owner}' refers to itself",
            f"remove '{ref.target}' from {ref.key}",
        )
    return None


_SECTION = {"source": "sources", "entity": "entities", "claim": "claims"}


def _kind_problems(parsed: ParsedLedger, lookup: Mapping[str, Known]) -> Iterator[Problem]:
    for item in parsed.claims:
        for speaker in item.record.said_by:
            kind = lookup[speaker].entity_kind if speaker in lookup else None
            if kind is not None and kind not in SPEAKER_KINDS:
                yield _problem(
                    item,
                    "said_by",
                    f"said_by: '{speaker}' is {_an(kind)}, not a speaker",
                    "a speaker is a person, an organisation or another entity",
                )
    for entity in parsed.entities:
        parent = entity.record.part_of
        kind = lookup[parent].entity_kind if parent is not None and parent in lookup else None
        allowed = PART_OF_KINDS[entity.record.kind]
        if kind is not None and kind not in allowed:
            hint = (
                "a person is not part of anything; use a claim with property affiliation"
                if not allowed
                else "part_of takes " + " or ".join(sorted(allowed))
            )
            yield _problem(
                entity,
                "part_of",
                f"part_of: {_an(entity.record.kind)} cannot be part of {_an(kind)}",
                hint,
            )


def _an(kind: EntityKind) -> str:
    return f"{'an' if kind.value[0] in 'aeiou' else 'a'} {kind.value}"


def _problem(item: Parsed[Claim] | Parsed[Entity], key: str, message: str, hint: str) -> Problem:
    origin = item.record.origin
    return Problem(origin.file if origin else "", item.line(key), message, hint)


def _supersedes_problems(parsed: ParsedLedger) -> Iterator[Problem]:
    claims = {item.record.id: item.record for item in parsed.claims}
    for item in parsed.claims:
        earlier = claims.get(item.record.supersedes or "")
        if earlier and (earlier.subject, earlier.property) != (
            item.record.subject,
            item.record.property,
        ):
            yield _problem(
                item,
                "supersedes",
                f"supersedes: '{earlier.id}' is about {earlier.subject} {earlier.property}, "
                f"not {item.record.subject} {item.record.property}",
                "a revision replaces a claim about the same subject and property",
            )


def _cycles(parsed: ParsedLedger) -> Iterator[Problem]:
    yield from _circles(
        "derived_from", {p.record.id: (p, p.record.derived_from) for p in parsed.sources}
    )
    yield from _circles(
        "part_of", {p.record.id: (p, _opt(p.record.part_of)) for p in parsed.entities}
    )
    yield from _circles(
        "supersedes", {p.record.id: (p, _opt(p.record.supersedes)) for p in parsed.claims}
    )


Linked = Parsed[Source] | Parsed[Entity] | Parsed[Claim]


def _circles(key: str, links: Mapping[str, tuple[Linked, tuple[str, ...]]]) -> Iterator[Problem]:
    for tangle in find_cycles({ident: targets for ident, (_, targets) in links.items()}):
        cycle = tangle.circle
        item = links[cycle[0]][0]
        origin = item.record.origin
        caught = f" ({', '.join(tangle.others)} also in this tangle)" if tangle.others else ""
        yield Problem(
            origin.file if origin else "",
            item.line(key),
            f"{key} goes round in a circle: {' -> '.join((*cycle, cycle[0]))}{caught}",
            f"remove one of these {key} links",
        )


@dataclass(frozen=True, slots=True)
class Tangle:
    """Ids whose links go round: one shortest circle through the smallest of them, and the
    other ids caught in the same tangle (a strongly connected group)."""

    circle: tuple[str, ...]
    others: tuple[str, ...] = ()


def find_cycles(graph: Mapping[str, tuple[str, ...]]) -> list[Tangle]:
    """One Tangle for each group of ids that reach one another (or an id linking to itself),
    in order of their smallest id. Work grows with the links, never with the number of
    possible circles."""
    tangles = []
    for group in _strongly_connected(graph):
        start = min(group)
        if len(group) == 1 and start not in graph.get(start, ()):
            continue
        circle = _shortest_circle(graph, start, group)
        tangles.append(Tangle(circle, tuple(sorted(group - set(circle)))))
    return sorted(tangles, key=lambda t: t.circle[0])


def _strongly_connected(graph: Mapping[str, tuple[str, ...]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively; links to ids outside the graph are ignored."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    groups.append(_pop_group(stack, on_stack, node))
            elif child not in graph:
                continue
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(graph[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def _pop_group(stack: list[str], on_stack: set[str], node: str) -> set[str]:
    group: set[str] = set()
    while True:
        member = stack.pop()
        on_stack.discard(member)
        group.add(member)
        if member == node:
            return group


def _shortest_circle(
    graph: Mapping[str, tuple[str, ...]], start: str, group: set[str]
) -> tuple[str, ...]:
    """A shortest way from ``start`` back to itself inside its group (breadth first)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for child in sorted(graph.get(node, ())):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return tuple(reversed(path))
                if child in group and child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"{start} is in a tangle but no circle returns to it")
