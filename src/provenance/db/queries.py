"""Read-only queries for the checks: set-based SQL that finds candidates (claims sharing a
subject and property, references to nothing, every spelling of every name) so that rules
compare only inside small groups."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from itertools import groupby
from typing import Any

from sqlalchemy import (
    ColumnElement,
    FromClause,
    Select,
    String,
    Table,
    and_,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from provenance import dates
from provenance.checks.context import Dangling, NameRow
from provenance.db import rows as r
from provenance.db.raw import raw_rows, records
from provenance.model import Claim, Mention, Origin, Polarity, TimeSpan, ValueKind


def grouped_claims(
    session: Session,
    *,
    kinds: Collection[str] | None = None,
    properties: Collection[str] | None = None,
    affirmed: bool = False,
    with_denial: bool = False,
) -> Iterator[list[Claim]]:
    """Claims sharing a subject and property, a group at a time, each in ledger order.
    Only claims of the given value ``kinds`` and ``properties`` (and only ``affirmed``
    ones) count; groups of one are left out in SQL, and so are groups without a denial when
    ``with_denial`` asks for one. The claims stream in (subject, property) order from one
    query, their links from one query per link table in the same order (the
    subject+property index serves the grouping)."""
    claim = r.CLAIM
    conditions: list[ColumnElement[bool]] = []
    if kinds is not None:
        conditions.append(claim.c.value_kind.in_(sorted(kinds)))
    if properties is not None:
        conditions.append(claim.c.property.in_(sorted(properties)))
    if affirmed:
        conditions.append(claim.c.polarity == Polarity.AFFIRMED.value)
    having: list[ColumnElement[bool]] = [func.count() > 1]
    if with_denial:
        denied = case((claim.c.polarity == Polarity.DENIED.value, 1), else_=0)
        having.append(func.sum(denied) > 0)
    groups = (
        select(claim.c.subject_id.label("g_subject"), claim.c.property.label("g_property"))
        .where(*conditions)
        .group_by(claim.c.subject_id, claim.c.property)
        .having(*having)
        .subquery("claim_group")
    )
    joined = claim.join(
        groups,
        and_(claim.c.subject_id == groups.c.g_subject, claim.c.property == groups.c.g_property),
    )
    order = (claim.c.subject_id, claim.c.property, claim.c.id)
    stream = stream_claims(session, joined, and_(true(), *conditions), order)
    for _, group in groupby(stream, key=lambda c: (c.subject, c.property)):
        yield sorted(group, key=_ledger_order)


def subject_figures(session: Session) -> Iterator[list[Claim]]:
    """The quantity claims of each subject with two or more, a subject at a time, streamed
    in (subject, id) order from one query (the subject+property index serves it)."""
    claim = r.CLAIM
    quantity = claim.c.value_kind == ValueKind.QUANTITY.value
    subjects = (
        select(claim.c.subject_id.label("f_subject"))
        .where(quantity)
        .group_by(claim.c.subject_id)
        .having(or_(func.count() > 1, func.max(case((_has_parts(claim), 1), else_=0)) > 0))
        .subquery("figure_subject")
    )
    joined = claim.join(subjects, claim.c.subject_id == subjects.c.f_subject)
    stream = stream_claims(session, joined, quantity, (claim.c.subject_id, claim.c.id))
    for _, group in groupby(stream, key=lambda c: c.subject):
        yield sorted(group, key=_ledger_order)


def _has_parts(claim: Any) -> ColumnElement[bool]:
    """The claim breaks its figure down (parts stored, not JSON null)."""
    text = cast(claim.c.parts, String)
    return and_(claim.c.parts.isnot(None), text != "null", text != "[]")


def claims_with(session: Session, properties: Collection[str]) -> Iterator[Claim]:
    """Every claim of these properties in (subject, property, id) order (the subject and
    property index serves it): disputed-attribution reads who did it and who claimed it."""
    claim = r.CLAIM
    order = (claim.c.subject_id, claim.c.property, claim.c.id)
    return stream_claims(session, None, claim.c.property.in_(sorted(properties)), order)


def stream_claims(
    session: Session,
    source: FromClause | None = None,
    where: ColumnElement[bool] | None = None,
    order: Sequence[ColumnElement[Any]] | None = None,
) -> Iterator[Claim]:
    """Claims read from ``source`` (the claim table, or a join of it) that match ``where``,
    in ``order`` (which must end with the claim id), a batch at a time: one query for the
    claims and one for all their links, sorted alike and merged as they arrive, so memory
    holds a batch, never the ledger. Rows come straight from the driver: at a million
    claims, SQLAlchemy's per-row work would cost more than the rules."""
    claim = r.CLAIM
    source = claim if source is None else source
    order = (claim.c.id,) if order is None else order
    condition = true() if where is None else where
    claims = records(
        session, select(*claim.columns).select_from(source).where(condition).order_by(*order)
    )
    branches = [
        select(
            *(expression.label(f"o{i}") for i, expression in enumerate(order)),
            link.c.claim_id.label("owner"),
            literal(tag).label("tag"),
            link.c.position.label("position"),
            link.c[first].label("a"),
            (link.c[second] if second else null()).label("b"),
        )
        .select_from(source.join(link, link.c.claim_id == claim.c.id))
        .where(condition)
        for tag, (link, first, second) in enumerate(_LINKS)
    ]
    joined = union_all(*branches).subquery("link")
    keys = [joined.c[f"o{i}"] for i in range(len(order))]
    links = _Merged(
        raw_rows(session, select(joined).order_by(*keys, joined.c.tag, joined.c.position)),
        owner=len(order),
    )
    for row in claims:
        found: tuple[list[Any], ...] = ([], [], [], [])
        for link in links.take(row["id"]):
            found[link[0]].append(link[2] if link[0] != _MENTION else Mention(link[2], link[3]))
        yield r.to_claim(row, r.ClaimLinks(*(tuple(items) for items in found)))


_MENTION = 2
_LINKS: tuple[tuple[Table, str, str | None], ...] = (
    (r.VALUE_ENTITY, "entity_id", None),
    (r.SPEAKER, "entity_id", None),
    (r.MENTION, "name", "entity_id"),  # _MENTION
    (r.CONTRADICTION, "other_id", None),
)
"""The claims' link tables in the order of ClaimLinks' fields: (table, value, second value)."""


class _Merged:
    """Link rows in the claims' order, each (tag, ..., owner, ...): ``take`` returns the
    rows (from the tag on) of one claim's links, consuming them."""

    def __init__(self, rows: Iterator[Any], owner: int) -> None:
        self._rows, self._owner = rows, owner
        self._next: Any = next(rows, None)

    def take(self, claim: str) -> list[tuple[Any, ...]]:
        found: list[tuple[Any, ...]] = []
        owner = self._owner
        while self._next is not None and self._next[owner] == claim:
            found.append(self._next[owner + 1 :])
            self._next = next(self._rows, None)
        return found


def _ledger_order(claim: Claim) -> tuple[str, int, str]:
    origin = claim.origin
    return (origin.file, origin.line, claim.id) if origin else ("", 0, claim.id)


def confident_claims(session: Session, floor: float, grades: Collection[str]) -> Iterator[Claim]:
    """Claims whose stated confidence is at least ``floor``, from sources graded ``grades``."""
    claim, source = r.CLAIM, r.SOURCE
    joined = claim.join(source, source.c.id == claim.c.source_id)
    where = and_(claim.c.confidence_estimate >= floor, source.c.reliability.in_(sorted(grades)))
    return stream_claims(session, joined, where)


def weekday_claims(session: Session) -> Iterator[Claim]:
    """Claims whose date value or as_of may state a weekday (the text begins with one)."""
    claim = r.CLAIM
    prefixes = list(dates.WEEKDAY_PREFIXES)

    def begins(column: ColumnElement[Any]) -> ColumnElement[bool]:
        return func.lower(func.substr(func.ltrim(column), 1, 3)).in_(prefixes)

    dated = and_(claim.c.value_kind == ValueKind.DATE.value, begins(claim.c.value_text))
    return stream_claims(session, where=or_(dated, begins(claim.c.as_of)))


def quoting_claims(session: Session) -> Iterator[Claim]:
    """Claims with a quote from a source with an archived text."""
    claim, source = r.CLAIM, r.SOURCE
    joined = claim.join(source, source.c.id == claim.c.source_id)
    where = and_(claim.c.quote.is_not(None), source.c.archive_path.is_not(None))
    return stream_claims(session, joined, where)


def event_dates(session: Session) -> dict[str, list[TimeSpan]]:
    """The affirmed `date` of each subject that has one (or several)."""
    claim = r.CLAIM
    query = select(claim.c.subject_id, claim.c.value_text).where(
        claim.c.property == "date",
        claim.c.polarity == Polarity.AFFIRMED.value,
        claim.c.value_kind == ValueKind.DATE.value,
    )
    found: dict[str, list[TimeSpan]] = defaultdict(list)
    for subject, text in session.execute(query.order_by(claim.c.subject_id, claim.c.id)):
        found[subject].append(r.parsed_span(text))
    return dict(found)


def distinct_pairs(session: Session) -> frozenset[tuple[str, str]]:
    """Every `distinct_from` link, in both directions."""
    link = r.DISTINCT
    found = session.execute(select(link.c.entity_id, link.c.other_id)).all()
    return frozenset((a, b) for a, b in found) | frozenset((b, a) for a, b in found)


def contradiction_pairs(session: Session) -> list[tuple[str, str]]:
    """Every declared `contradicts` link as (claim, other claim)."""
    link = r.CONTRADICTION
    query = select(link.c.claim_id, link.c.other_id).order_by(link.c.claim_id, link.c.position)
    return [(a, b) for a, b in session.execute(query)]


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
        ("source", r.CITATION, "cited_id", s, "cites", s),
        ("source", r.SOURCE_MENTION, "entity_id", s, "mentions", e),
        ("claim", r.UNNAMED, "of_id", c, "said_by", e),
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


def name_rows(session: Session) -> Iterator[NameRow]:
    """Every spelling in the ledger, streamed: entity names and aliases, and the names that
    claims and sources mention."""
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
            func.coalesce(e.c.kind, m.c.kind),
            c.c.id,
            c.c.origin_file,
            c.c.origin_line,
        )
        .join(c, c.c.id == m.c.claim_id)
        .outerjoin(e, e.c.id == m.c.entity_id)
    )
    sm, src = r.SOURCE_MENTION, r.SOURCE
    seen: Select[Any] = (
        select(
            sm.c.name,
            literal("mention"),
            sm.c.entity_id,
            func.coalesce(e.c.kind, sm.c.kind),
            literal(None),
            src.c.origin_file,
            src.c.origin_line,
        )
        .join(src, src.c.id == sm.c.source_id)
        .outerjoin(e, e.c.id == sm.c.entity_id)
    )
    for row in session.execute(union_all(entities, aliases, mentions, seen)):
        name, role, entity, kind, claim, file, line = row
        yield NameRow(name, role, entity, kind, claim, _origin(file, line))
