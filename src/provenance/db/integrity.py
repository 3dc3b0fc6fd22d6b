"""What makes a stored ledger whole, checked in SQL over everything the database holds:
references that resolve to a record of the right type, speakers and places of the right
kind, revisions of the same question, nothing referring to itself, and no circles in
derived_from, part_of or supersedes. Each flaw names the record, field and target; the
caller turns flaws into messages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from provenance.checks.context import Dangling
from provenance.db import queries
from provenance.db import rows as r
from provenance.graphs import find_cycles
from provenance.model import Origin

SPEAKER_KINDS = ("person", "organisation", "other")
PART_OF_KINDS: dict[str, frozenset[str]] = {
    "place": frozenset({"place"}),
    "event": frozenset({"place", "event"}),
    "organisation": frozenset({"organisation"}),
    "person": frozenset(),
    "other": frozenset({"person", "organisation", "place", "event", "other"}),
}


@dataclass(frozen=True, slots=True)
class Flaw:
    """One thing wrong with the stored ledger as a whole.

    kind: "unknown" (target names nothing of the expected type; ``found`` says what it
    names instead, if anything), "taken" (the id is also a record of type ``expected``,
    written at ``found``), "self", "speaker-kind", "part-of-kind" (``found`` the two
    kinds), "supersedes" (``found`` the earlier claim's subject and property), "circle"
    (``target`` the circle, ``found`` the other ids of its tangle).
    """

    kind: str
    record: str  # source, entity, claim or review
    record_id: str
    field: str
    target: str
    origin: Origin | None
    expected: str = ""
    found: str = ""


def flaws(session: Session) -> list[Flaw]:
    found: list[Flaw] = [
        *_unknown(session),
        *_self_references(session),
        *_speakers(session),
        *_part_of_kinds(session),
        *_supersedes(session),
        *_circles(session),
        *_shared_ids(session),
    ]
    return sorted(
        found,
        key=lambda f: (
            f.origin.file if f.origin else "",
            f.origin.line if f.origin else 0,
            f.field,
            f.target,
        ),
    )


def _origin(file: str | None, line: int | None) -> Origin | None:
    return Origin(file, line) if file is not None and line is not None else None


def _unknown(session: Session) -> Iterator[Flaw]:
    dangling = [*queries.dangling_references(session), *_review_references(session)]
    elsewhere = _record_types(session, {d.target for d in dangling})
    for d in dangling:
        yield Flaw(
            "unknown",
            d.record,
            d.record_id,
            d.field,
            d.target,
            d.origin,
            d.expected,
            elsewhere.get(d.target, ""),
        )


def _record_types(session: Session, ids: set[str]) -> dict[str, str]:
    """For ids that name nothing of the expected type: what they do name, if anything."""
    found: dict[str, str] = {}
    wanted = sorted(ids)
    for noun, table in (("source", r.SOURCE), ("entity", r.ENTITY), ("claim", r.CLAIM)):
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            for (ident,) in session.execute(select(table.c.id).where(table.c.id.in_(chunk))):
                found.setdefault(ident, noun)
    return found


def _review_references(session: Session) -> Iterator[Dangling]:
    review = r.REVIEW
    for column, name, target, noun in (
        (review.c.in_favour_of, "in_favour_of", r.CLAIM, "claim"),
        (review.c.entity_id, "entity", r.ENTITY, "entity"),
    ):
        missing = ~select(target.c.id).where(target.c.id == column).exists()
        query = select(
            review.c.conflict_id, column, review.c.origin_file, review.c.origin_line
        ).where(column.is_not(None), missing)
        for conflict, value, file, line in session.execute(query):
            yield Dangling("review", conflict, name, value, noun, _origin(file, line))


def _self_references(session: Session) -> Iterator[Flaw]:
    for link, parent, column, owner, record, name in (
        (r.DISTINCT, "entity_id", "other_id", r.ENTITY, "entity", "distinct_from"),
        (r.CONTRADICTION, "claim_id", "other_id", r.CLAIM, "claim", "contradicts"),
    ):
        query = (
            select(link.c[parent], owner.c.origin_file, owner.c.origin_line)
            .join(owner, owner.c.id == link.c[parent])
            .where(link.c[parent] == link.c[column])
        )
        for ident, file, line in session.execute(query):
            yield Flaw("self", record, ident, name, ident, _origin(file, line))


def _speakers(session: Session) -> Iterator[Flaw]:
    claim, speaker, entity = r.CLAIM, r.SPEAKER, r.ENTITY
    query = (
        select(
            claim.c.id, speaker.c.entity_id, entity.c.kind, claim.c.origin_file, claim.c.origin_line
        )
        .join(speaker, speaker.c.claim_id == claim.c.id)
        .join(entity, entity.c.id == speaker.c.entity_id)
        .where(entity.c.kind.not_in(SPEAKER_KINDS))
    )
    for ident, who, kind, file, line in session.execute(query):
        yield Flaw("speaker-kind", "claim", ident, "said_by", who, _origin(file, line), found=kind)


def _part_of_kinds(session: Session) -> Iterator[Flaw]:
    child, parent = r.ENTITY, r.ENTITY.alias("parent")
    query = select(
        child.c.id,
        child.c.kind,
        child.c.part_of_id,
        parent.c.kind,
        child.c.origin_file,
        child.c.origin_line,
    ).join(parent, parent.c.id == child.c.part_of_id)
    for ident, kind, parent_id, parent_kind, file, line in session.execute(query):
        if parent_kind not in PART_OF_KINDS.get(kind, frozenset()):
            yield Flaw(
                "part-of-kind",
                "entity",
                ident,
                "part_of",
                parent_id,
                _origin(file, line),
                expected=kind,
                found=parent_kind,
            )


def _supersedes(session: Session) -> Iterator[Flaw]:
    later, earlier = r.CLAIM, r.CLAIM.alias("earlier")
    query = (
        select(
            later.c.id,
            earlier.c.id,
            earlier.c.subject_id,
            earlier.c.property,
            later.c.subject_id,
            later.c.property,
            later.c.origin_file,
            later.c.origin_line,
        )
        .join(earlier, earlier.c.id == later.c.supersedes_id)
        .where(
            (earlier.c.subject_id != later.c.subject_id) | (earlier.c.property != later.c.property)
        )
    )
    for ident, old, subject, prop, now_subject, now_prop, file, line in session.execute(query):
        yield Flaw(
            "supersedes",
            "claim",
            ident,
            "supersedes",
            old,
            _origin(file, line),
            expected=f"{now_subject} {now_prop}",
            found=f"{subject} {prop}",
        )


def _shared_ids(session: Session) -> Iterator[Flaw]:
    """One id for two records of different types (one of them stored earlier): the later
    type is reported, naming where the other is written."""
    tables = (("source", r.SOURCE), ("entity", r.ENTITY), ("claim", r.CLAIM))
    for n, (first, a) in enumerate(tables):
        for second, b in tables[n + 1 :]:
            query = select(
                b.c.id, a.c.origin_file, a.c.origin_line, b.c.origin_file, b.c.origin_line
            ).join(a, a.c.id == b.c.id)
            for ident, file_a, line_a, file_b, line_b in session.execute(query):
                where = f"{file_a}:{line_a}" if file_a else "in the database"
                yield Flaw(
                    "taken",
                    second,
                    ident,
                    "id",
                    ident,
                    _origin(file_b, line_b),
                    expected=first,
                    found=where,
                )


def _circles(session: Session) -> Iterator[Flaw]:
    graphs: tuple[tuple[str, str, Table, Any, Any], ...] = (
        (
            "source",
            "derived_from",
            r.SOURCE,
            r.DERIVATION.c.source_id,
            r.DERIVATION.c.derived_from_id,
        ),
        ("entity", "part_of", r.ENTITY, r.ENTITY.c.id, r.ENTITY.c.part_of_id),
        ("claim", "supersedes", r.CLAIM, r.CLAIM.c.id, r.CLAIM.c.supersedes_id),
    )
    for record, name, table, start, end in graphs:
        graph: dict[str, list[str]] = {}
        for a, b in session.execute(select(start, end).where(end.is_not(None))):
            graph.setdefault(a, []).append(b)
        tangles = find_cycles({k: tuple(v) for k, v in graph.items()})
        origins = _origins_of(session, table, [t.circle[0] for t in tangles])
        for tangle in tangles:
            first = tangle.circle[0]
            yield Flaw(
                "circle",
                record,
                first,
                name,
                " -> ".join((*tangle.circle, first)),
                origins.get(first),
                found=", ".join(tangle.others),
            )


def _origins_of(session: Session, table: Table, ids: list[str]) -> dict[str, Origin | None]:
    if not ids:
        return {}
    query = select(table.c.id, table.c.origin_file, table.c.origin_line).where(table.c.id.in_(ids))
    return {ident: _origin(file, line) for ident, file, line in session.execute(query)}
