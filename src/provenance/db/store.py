"""Reads the ledger from the database: records by id or by what they are about, with their
links, reviews and counts. Functions take the caller's session (writes are in
db/sync.py)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    Table,
    and_,
    func,
    or_,
    select,
)
from sqlalchemy.orm import Session

from provenance.db import rows as r
from provenance.db.raw import records
from provenance.model import (
    Claim,
    Entity,
    EntityKind,
    Ledger,
    Mention,
    PropertySpec,
    Review,
    Scope,
    Source,
    Unnamed,
    Verdict,
)

CHUNK = 500
T = TypeVar("T")


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    """``items`` a slice at a time: ids for an IN clause, rows for executemany."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def ids(session: Session, noun: str) -> list[str]:
    """Every id of one record type (source, entity or claim)."""
    table = {
        "source": r.SOURCE,
        "entity": r.ENTITY,
        "claim": r.CLAIM,
        "scope": r.SCOPE,
        "property": r.PROPERTY,
    }[noun]
    return [ident for (ident,) in session.execute(select(table.c.id))]


def exists(session: Session, ident: str) -> bool:
    """Some source, entity or claim has this id."""
    return any(
        session.scalar(select(func.count()).select_from(table).where(table.c.id == ident))
        for table in (r.SOURCE, r.ENTITY, r.CLAIM)
    )


def _grouped(
    session: Session, table: Table, key: str, ids: Sequence[str] | None, value: Callable[[Any], T]
) -> dict[str, list[T]]:
    """Link rows by parent id, in position order; ``ids`` None reads the whole table."""
    groups: dict[str, list[T]] = defaultdict(list)
    parent = table.c[key]
    batches: Iterable[Sequence[str] | None] = [None] if ids is None else chunks(ids)
    for batch in batches:
        query = select(table).order_by(parent, table.c.position)
        if batch is not None:
            query = query.where(parent.in_(batch))
        for row in records(session, query):
            groups[row[key]].append(value(row))
    return groups


def _ordered(table: Table, where: ColumnElement[bool] | None) -> Select[Any]:
    query = select(table).order_by(table.c.origin_file, table.c.origin_line, table.c.id)
    return query if where is None else query.where(where)


def _all(conditions: list[ColumnElement[bool]]) -> ColumnElement[bool] | None:
    return and_(*conditions) if conditions else None


def _in(column: Any, ids: Iterable[str] | None) -> list[ColumnElement[bool]]:
    return [] if ids is None else [column.in_(sorted(set(ids)))]


def find_sources(
    session: Session,
    *,
    ids: Iterable[str] | None = None,
    repeating: Iterable[str] | None = None,
    archived: bool = False,
) -> list[Source]:
    """Sources, all of them or those with the given ids, repeating the given sources, or
    (``archived``) with an archived text."""
    conditions = _in(r.SOURCE.c.id, ids)
    if archived:
        conditions.append(r.SOURCE.c.archive_path.is_not(None))
    if repeating is not None:
        copies = select(r.DERIVATION.c.source_id).where(
            r.DERIVATION.c.derived_from_id.in_(sorted(set(repeating)))
        )
        conditions.append(r.SOURCE.c.id.in_(copies))
    where = _all(conditions)
    found = list(records(session, _ordered(r.SOURCE, where)))
    keys = None if where is None else [row["id"] for row in found]
    derived = _grouped(session, r.DERIVATION, "source_id", keys, lambda x: x["derived_from_id"])
    cites = _grouped(session, r.CITATION, "source_id", keys, lambda x: x["cited_id"])
    mentions = _grouped(session, r.SOURCE_MENTION, "source_id", keys, mention)
    return [
        r.to_source(row, r.SourceLinks(derived[row["id"]], cites[row["id"]], mentions[row["id"]]))
        for row in found
    ]


def mention(row: Any) -> Mention:
    kind = EntityKind(row["kind"]) if row["kind"] else None
    return Mention(row["name"], row["entity_id"], kind)


def find_entities(
    session: Session, *, ids: Iterable[str] | None = None, part_of: str | None = None
) -> list[Entity]:
    """Entities, all of them or those with the given ids or sitting inside ``part_of``."""
    conditions = _in(r.ENTITY.c.id, ids)
    if part_of is not None:
        conditions.append(r.ENTITY.c.part_of_id == part_of)
    where = _all(conditions)
    found = list(records(session, _ordered(r.ENTITY, where)))
    keys = None if where is None else [row["id"] for row in found]
    aliases = _grouped(session, r.ALIAS, "entity_id", keys, lambda x: x["name"])
    distinct = _grouped(session, r.DISTINCT, "entity_id", keys, lambda x: x["other_id"])
    return [r.to_entity(row, aliases[row["id"]], distinct[row["id"]]) for row in found]


def find_claims(
    session: Session,
    *,
    ids: Iterable[str] | None = None,
    subject: str | None = None,
    prop: str | None = None,
    source: str | None = None,
    said_by: str | None = None,
    naming: str | None = None,
    answering: str | None = None,
) -> list[Claim]:
    """Claims matching every filter given: ``naming`` an entity as value, speaker or
    mention; ``answering`` a claim they contradict or supersede."""
    conditions = _in(r.CLAIM.c.id, ids)
    for column, wanted in (
        (r.CLAIM.c.subject_id, subject),
        (r.CLAIM.c.property, prop),
        (r.CLAIM.c.source_id, source),
    ):
        if wanted is not None:
            conditions.append(column == wanted)
    if said_by is not None:
        conditions.append(r.CLAIM.c.id.in_(_linked(r.SPEAKER, "entity_id", said_by)))
    if naming is not None:
        conditions.append(
            or_(
                *(
                    r.CLAIM.c.id.in_(_linked(t, "entity_id", naming))
                    for t in (r.VALUE_ENTITY, r.SPEAKER, r.MENTION)
                )
            )
        )
    if answering is not None:
        conditions.append(
            or_(
                r.CLAIM.c.supersedes_id == answering,
                r.CLAIM.c.id.in_(_linked(r.CONTRADICTION, "other_id", answering)),
            )
        )
    return claims_where(session, _all(conditions))


def _linked(table: Table, column: str, value: str) -> Select[Any]:
    return select(table.c.claim_id).where(table.c[column] == value)


def claims_where(session: Session, where: ColumnElement[bool] | None) -> list[Claim]:
    found = list(records(session, _ordered(r.CLAIM, where)))
    keys = None if where is None else [row["id"] for row in found]
    values = _grouped(session, r.VALUE_ENTITY, "claim_id", keys, lambda x: x["entity_id"])
    speakers = _grouped(session, r.SPEAKER, "claim_id", keys, lambda x: x["entity_id"])
    mentions = _grouped(session, r.MENTION, "claim_id", keys, mention)
    contradicts = _grouped(session, r.CONTRADICTION, "claim_id", keys, lambda x: x["other_id"])
    unnamed = _grouped(
        session, r.UNNAMED, "claim_id", keys, lambda x: Unnamed(x["description"], x["of_id"])
    )
    return [
        r.to_claim(
            row,
            r.ClaimLinks(
                values[row["id"]],
                speakers[row["id"]],
                mentions[row["id"]],
                contradicts[row["id"]],
                unnamed[row["id"]],
            ),
        )
        for row in found
    ]


def scopes(session: Session) -> list[Scope]:
    """The scopes the ledger declares."""
    return [r.to_scope(row) for row in records(session, _ordered(r.SCOPE, None))]


def properties(session: Session) -> list[PropertySpec]:
    """The properties the ledger declares."""
    return [r.to_property(row) for row in records(session, _ordered(r.PROPERTY, None))]


def reviews(session: Session, conflict: str | None = None) -> list[Review]:
    query = select(r.REVIEW).order_by(r.REVIEW.c.at, r.REVIEW.c.id)
    if conflict is not None:
        query = query.where(r.REVIEW.c.conflict_id == conflict)
    return [r.to_review(row) for row in session.execute(query).mappings()]


def accepted_aliases(session: Session, entity: str) -> list[Review]:
    """The same-entity reviews that currently give the entity an alias: for each conflict
    reviewed with this entity, its latest review, when that one accepts the alias."""
    named = select(r.REVIEW.c.conflict_id).where(r.REVIEW.c.entity_id == entity)
    history = [
        r.to_review(row)
        for row in session.execute(
            select(r.REVIEW)
            .where(r.REVIEW.c.conflict_id.in_(named))
            .order_by(r.REVIEW.c.conflict_id, r.REVIEW.c.at, r.REVIEW.c.id)
        ).mappings()
    ]
    latest = {review.conflict: review for review in history}
    return [
        review
        for review in latest.values()
        if review.verdict is Verdict.SAME_ENTITY and review.entity == entity and review.alias
    ]


def ledger(session: Session) -> Ledger:
    return Ledger(
        sources=tuple(find_sources(session)),
        entities=tuple(find_entities(session)),
        claims=tuple(find_claims(session)),
        reviews=tuple(reviews(session)),
        scopes=tuple(scopes(session)),
        properties=tuple(properties(session)),
    )


def counts(session: Session) -> dict[str, int]:
    return {
        name: session.scalar(select(func.count()).select_from(table)) or 0
        for name, table in (
            ("sources", r.SOURCE),
            ("entities", r.ENTITY),
            ("claims", r.CLAIM),
            ("reviews", r.REVIEW),
        )
    }
