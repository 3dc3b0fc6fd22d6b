"""Checks a parsed ledger as a whole: ids unique across every file, references that resolve
(to records in the ledger, or already in the database), the right kinds at each end, and no
circles in derived_from, part_of or supersedes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from provenance.errors import Problem
from provenance.ledger.fields import did_you_mean
from provenance.ledger.schema import Parsed, ParsedLedger
from provenance.model import Claim, Entity, EntityKind, EntityValue, Review, Source

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


def _claim_refs(item: Parsed[Claim]) -> Iterator[Reference]:
    claim = item.record
    yield from _refs(item, "subject", (claim.subject,), "entity")
    yield from _refs(item, "source", (claim.source,), "source")
    if isinstance(claim.value, EntityValue):
        yield from _refs(item, "value", claim.value.ids, "entity")
    yield from _refs(item, "said_by", claim.said_by, "entity")
    mentioned = tuple(m.entity for m in claim.mentions if m.entity)
    yield from _refs(item, "mentions", mentioned, "entity")
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
    for target in targets:
        yield Reference(file, item.line(key), owner, key, target, expected)


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
        )
    if known.record != ref.expected:
        return Problem(
            ref.file,
            ref.line,
            f"{ref.key}: '{ref.target}' is a {known.record}, not a {ref.expected}",
            f"{ref.key} takes the id of a {ref.expected}",
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
    for cycle in find_cycles({ident: targets for ident, (_, targets) in links.items()}):
        item = links[cycle[0]][0]
        origin = item.record.origin
        yield Problem(
            origin.file if origin else "",
            item.line(key),
            f"{key} goes round in a circle: {' -> '.join((*cycle, cycle[0]))}",
            f"remove one of these {key} links",
        )


def find_cycles(graph: Mapping[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each circle once, starting at its smallest id (iterative depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    found: set[tuple[str, ...]] = set()
    for start in sorted(graph):
        if start in state:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(graph.get(start, ())))]
        state[start] = 1
        path.append(start)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                path.pop()
                state[node] = 2
            elif state.get(child) == 1:
                cycle = path[path.index(child) :]
                turn = cycle.index(min(cycle))
                found.add(tuple(cycle[turn:] + cycle[:turn]))
            elif child not in state and child in graph:
                state[child] = 1
                path.append(child)
                stack.append((child, iter(graph[child])))
    return sorted(found)
