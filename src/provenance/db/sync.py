"""Writes the ledger into the database: a ledger arriving a part (a file) at a time is compared
with what is stored and written set-based (the driver's executemany), never a flush per row;
reviews are only ever added. Nothing is committed here: the caller's transaction decides."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.orm import Session

from provenance.db import integrity, store
from provenance.db import rows as r
from provenance.db.store import chunks
from provenance.model import Ledger, Review
from provenance.views import SyncCounts

TABLES = (
    ("scopes", r.SCOPE),
    ("properties", r.PROPERTY),
    ("sources", r.SOURCE),
    ("entities", r.ENTITY),
    ("claims", r.CLAIM),
)


class Syncer:
    """Brings the database to a ledger that arrives a part (a file) at a time: each part is
    written as it comes, compared by content digest with what is stored; ``finish`` removes
    (with ``prune``) what no part held. Nothing is committed here: the caller's transaction
    decides. Memory holds the stored digests and the ids seen, never the records."""

    def __init__(self, session: Session, *, prune: bool = False) -> None:
        self.session, self.prune = session, prune
        self.stored = {name: self._digests(table) for name, table in TABLES}
        self.seen: dict[str, set[str]] = {name: set() for name, _ in TABLES}
        self.counts: dict[str, dict[str, int]] = {
            what: dict.fromkeys(self.seen, 0) for what in ("added", "changed", "unchanged")
        }
        self.reviews_added = 0

    def _digests(self, table: Table) -> dict[str, tuple[str, str | None, int | None]]:
        query = select(table.c.id, table.c.digest, table.c.origin_file, table.c.origin_line)
        return {
            ident: (digest, file, line) for ident, digest, file, line in self.session.execute(query)
        }

    def add(self, part: Ledger, made: Mapping[str, list[r.RowSet]] | None = None) -> None:
        """Writes one part; its sources, entities and claims as ``made`` holds them as rows
        already (record_rows of the same records, in their order), when given."""
        rowsets = {
            "scopes": [r.scope_row(x) for x in part.scopes],
            "properties": [r.property_row(x) for x in part.properties],
            **(made if made is not None else record_rows(part)),
        }
        for name, table in TABLES:
            self._write(name, table, rowsets[name])
        self.reviews_added += add_reviews(self.session, part.reviews)

    def _write(self, name: str, table: Table, rowsets: list[r.RowSet]) -> None:
        stored = self.stored[name]
        new, changed, moved = [], [], []
        for x in rowsets:
            before = stored.get(x.id)
            if before is None:
                new.append(x)
            elif before[0] != x.main["digest"]:
                changed.append(x)
            elif before[1:] != (x.main["origin_file"], x.main["origin_line"]):
                moved.append(x)
            self.seen[name].add(x.id)
        _delete(self.session, table, [x.id for x in changed], children_only=True)
        _insert(self.session, table, [x.main for x in new])
        _update(self.session, table, [x.main for x in changed])
        _update(self.session, table, [_origin_only(x.main) for x in moved])
        for child in r.CHILDREN[table]:
            rows = [row for x in (*new, *changed) for row in x.children[child]]
            _insert(self.session, child, rows)
        self.counts["added"][name] += len(new)
        self.counts["changed"][name] += len(changed)
        self.counts["unchanged"][name] += len(rowsets) - len(new) - len(changed)

    def flaws(self) -> list[integrity.Flaw]:
        """What is wrong with the ledger as stored now, taken as a whole: references,
        speakers' and places' kinds, revisions, circles (db/integrity.py)."""
        return integrity.flaws(self.session)

    def ids(self, noun: str) -> list[str]:
        """Every stored id of one record type (source, entity or claim)."""
        return store.ids(self.session, noun)

    def finish(self) -> SyncCounts:
        removed = dict.fromkeys(self.seen, 0)
        if self.prune:
            for name, table in TABLES:
                gone = sorted(set(self.stored[name]) - self.seen[name])
                _delete(self.session, table, gone)
                removed[name] = len(gone)
        return SyncCounts(
            added=self.counts["added"],
            changed=self.counts["changed"],
            unchanged=self.counts["unchanged"],
            removed=removed,
            reviews_added=self.reviews_added,
        )


def _origin_only(row: r.Row) -> r.Row:
    return {"id": row["id"], "origin_file": row["origin_file"], "origin_line": row["origin_line"]}


def _insert(session: Session, table: Table, rows: list[r.Row]) -> None:
    """Inserts rows with the driver's own executemany: the column types' bind processors
    (JSON, booleans) are applied once per column, not through SQLAlchemy's per-row
    parameter handling, which costs more than the insert itself."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    columns = [table.c[name] for name in rows[0]]
    quote = dialect.identifier_preparer.quote
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
        f"VALUES ({', '.join([marker] * len(columns))})"
    )
    processors = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    names = [c.name for c in columns]
    convert = [(i, f) for i, f in enumerate(processors) if f is not None]
    cursor = connection.connection.cursor()
    try:
        for chunk in chunks(rows, 10_000):
            params = [[row[name] for name in names] for row in chunk]
            for i, process in convert:
                for values in params:
                    values[i] = process(values[i])
            cursor.executemany(sql, params)
    finally:
        cursor.close()


def _update(session: Session, table: Table, rows: list[r.Row]) -> None:
    if not rows:
        return
    columns = [c for c in rows[0] if c != "id"]
    statement = (
        update(table)
        .where(table.c.id == bindparam("row_id"))
        .values({c: bindparam(c) for c in columns})
    )
    for chunk in chunks(rows, 10_000):
        session.execute(statement, [{**row, "row_id": row["id"]} for row in chunk])


def _delete(session: Session, table: Table, ids: list[str], *, children_only: bool = False) -> None:
    for chunk in chunks(ids):
        for child in r.CHILDREN[table]:
            session.execute(delete(child).where(child.c[r.PARENT_KEY[child]].in_(chunk)))
        if not children_only:
            session.execute(delete(table).where(table.c.id.in_(chunk)))


def record_rows(part: Ledger) -> dict[str, list[r.RowSet]]:
    """A part's sources, entities and claims as rows (a function of the records alone)."""
    return {
        "sources": [r.source_rows(x) for x in part.sources],
        "entities": [r.entity_rows(x) for x in part.entities],
        "claims": [r.claim_rows(x) for x in part.claims],
    }


def add_reviews(session: Session, reviews: Sequence[Review]) -> int:
    """Adds the reviews not stored yet (a review is identified by its content)."""
    fresh: dict[str, r.Row] = {}
    for review in reviews:
        row = r.review_row(review)
        fresh.setdefault(row["id"], row)
    stored: set[str] = set()
    for chunk in chunks(list(fresh)):
        stored.update(session.scalars(select(r.REVIEW.c.id).where(r.REVIEW.c.id.in_(chunk))))
    rows = [row for ident, row in fresh.items() if ident not in stored]
    _insert(session, r.REVIEW, rows)
    return len(rows)
