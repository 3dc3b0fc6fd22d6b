"""Read-only queries for the checks: set-based SQL that finds candidates (claims sharing a
subject and property, references to nothing, every spelling of every name) so that rules
compare only inside small groups."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from sqlalchemy import Select, Table, and_, func, literal, select, tuple_, union_all
from sqlalchemy.orm import Session

from provenance.db import rows as r
from provenance.db import store
from provenance.model import Claim, Origin


def grouped_claims(
    session: Session,
    *,
    kinds: Collection[str] | None = None,
    properties: Collection[str] | None = None,
    batch: int = 20_000,
) -> Iterator[list[Claim]]:
    """Claims sharing a subject and property, a group at a time; groups of one are left out
    in SQL (the subject+property index serves the grouping)."""
    claim = r.CLAIM
    shared = select(claim.c.subject_id, claim.c.property)
    if kinds is not None:
        shared = shared.where(claim.c.value_kind.in_(sorted(kinds)))
    if properties is not None:
        shared = shared.where(claim.c.property.in_(sorted(properties)))
    shared = shared.group_by(claim.c.subject_id, claim.c.property).having(func.count() > 1)
    keys = [
        tuple(row) for row in session.execute(shared.order_by(claim.c.subject_id, claim.c.property))
    ]
    for start in range(0, len(keys), batch):
        chunk = keys[start : start + batch]
        conditions = [tuple_(claim.c.subject_id, claim.c.property).in_(chunk)]
        if kinds is not None:
            conditions.append(claim.c.value_kind.in_(sorted(kinds)))
        found = store.claims_where(session, and_(*conditions))
        found.sort(key=lambda c: (c.subject, c.property))
        for _, group in groupby(found, key=lambda c: (c.subject, c.property)):
            yield list(group)


def contradiction_pairs(session: Session) -> list[tuple[str, str]]:
    """Every declared `contradicts` link as (claim, other claim)."""
    link = r.CONTRADICTION
    query = select(link.c.claim_id, link.c.other_id).order_by(link.c.claim_id, link.c.position)
    return [(a, b) for a, b in session.execute(query)]


@dataclass(frozen=True, slots=True)
class Dangling:
    """A reference from a record's field to an id that names nothing of the right type."""

    record: str
    record_id: str
    field: str
    target: str
    expected: str
    origin: Origin | None


def dangling_references(session: Session) -> list[Dangling]:
    """References to nothing: an anti-join per reference column."""
    c, e, s, cl = r.CLAIM, r.ENTITY, r.SOURCE, r.CLAIM
    checks: list[tuple[str, Table, Any, Any, str, Table]] = [
        ("claim", c, c.c.id, c.c.subject_id, "subject", e),
        ("claim", c, c.c.id, c.c.source_id, "source", s),
        ("claim", c, c.c.id, c.c.supersedes_id, "supersedes", cl),
        ("entity", e, e.c.id, e.c.part_of_id, "part_of", e),
    ]
    found: list[Dangling] = []
    for record, table, ident, column, name, target in checks:
        found.extend(_dangling_column(session, record, table, ident, column, name, target))
    links: list[tuple[str, Table, str, Table, str, Table]] = [
        ("claim", r.VALUE_ENTITY, "entity_id", c, "value", e),
        ("claim", r.SPEAKER, "entity_id", c, "said_by", e),
        ("claim", r.MENTION, "entity_id", c, "mentions", e),
        ("claim", r.CONTRADICTION, "other_id", c, "contradicts", cl),
        ("source", r.DERIVATION, "derived_from_id", s, "derived_from", s),
        ("entity", r.DISTINCT, "other_id", e, "distinct_from", e),
    ]
    for record, link, column_name, owner, name, target in links:
        found.extend(_dangling_link(session, record, link, column_name, owner, name, target))
    return sorted(
        found, key=lambda d: (d.origin.file if d.origin else "", d.origin.line if d.origin else 0)
    )


_EXPECTED = {"entity": "entity", "source": "source", "claim": "claim"}


def _noun(table: Table) -> str:
    return _EXPECTED[table.name]


def _dangling_column(
    session: Session, record: str, table: Table, ident: Any, column: Any, name: str, target: Table
) -> Iterator[Dangling]:
    other = target.alias("referred")
    missing = ~select(other.c.id).where(other.c.id == column).exists()
    query = select(ident, column, table.c.origin_file, table.c.origin_line).where(
        column.is_not(None), missing
    )
    for record_id, value, file, line in session.execute(query):
        yield Dangling(record, record_id, name, value, _noun(target), _origin(file, line))


def _dangling_link(
    session: Session,
    record: str,
    link: Table,
    column_name: str,
    owner: Table,
    name: str,
    target: Table,
) -> Iterator[Dangling]:
    column = link.c[column_name]
    parent = link.c[r.PARENT_KEY[link]]
    other = target.alias("referred")
    missing = ~select(other.c.id).where(other.c.id == column).exists()
    query = (
        select(parent, column, owner.c.origin_file, owner.c.origin_line)
        .join(owner, owner.c.id == parent)
        .where(column.is_not(None), missing)
    )
    for record_id, value, file, line in session.execute(query):
        yield Dangling(record, record_id, name, value, _noun(target), _origin(file, line))


def _origin(file: str | None, line: int | None) -> Origin | None:
    return Origin(file, line) if file is not None and line is not None else None


@dataclass(frozen=True, slots=True)
class NameRow:
    """One written spelling of a name: an entity's name or alias, or a claim's mention."""

    name: str
    role: str  # "name", "alias" or "mention"
    entity: str | None  # the entity it belongs to, or the one a mention is resolved to
    kind: str | None  # that entity's kind, when known
    claim: str | None  # the claim of a mention
    origin: Origin | None


def name_rows(session: Session) -> Iterator[NameRow]:
    """Every spelling in the ledger, streamed."""
    e, a, m, c = r.ENTITY, r.ALIAS, r.MENTION, r.CLAIM
    entities: Select[Any] = select(
        e.c.name, literal("name"), e.c.id, e.c.kind, literal(None), e.c.origin_file, e.c.origin_line
    )
    aliases: Select[Any] = select(
        a.c.name,
        literal("alias"),
        e.c.id,
        e.c.kind,
        literal(None),
        e.c.origin_file,
        e.c.origin_line,
    ).join(e, e.c.id == a.c.entity_id)
    mentions: Select[Any] = (
        select(
            m.c.name,
            literal("mention"),
            m.c.entity_id,
            e.c.kind,
            c.c.id,
            c.c.origin_file,
            c.c.origin_line,
        )
        .join(c, c.c.id == m.c.claim_id)
        .outerjoin(e, e.c.id == m.c.entity_id)
    )
    for row in session.execute(union_all(entities, aliases, mentions)):
        name, role, entity, kind, claim, file, line = row
        yield NameRow(name, role, entity, kind, claim, _origin(file, line))
