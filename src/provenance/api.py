"""The use cases, one function each: init, import, export, show, list claims, add. Sessions are
opened here and handed down; nothing here prints or knows about the command line."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from provenance.db import migrate, store
from provenance.db import rows as r
from provenance.db.engine import (
    database_url,
    has_schema,
    make_engine,
    shown,
    sqlite_path,
    transaction,
    unreachable,
)
from provenance.errors import DatabaseError, LedgerInvalid, NotFound, Problem
from provenance.ledger import writer
from provenance.ledger.load import Progress, load_ledger, parse_paths
from provenance.ledger.reader import YamlMap, YamlSeq
from provenance.ledger.resolve import resolve
from provenance.ledger.schema import ParsedLedger, parse_file
from provenance.model import Claim, Entity, Ledger, Record, Source
from provenance.views import (
    ClaimList,
    ClaimView,
    EntityView,
    ImportResult,
    InitResult,
    SourceView,
    View,
)


@contextmanager
def _session(db: str | None, *, create: bool = False) -> Iterator[Session]:
    """A transaction on the database, its schema brought up to date first. Without
    ``create``, a database that does not exist yet is an error rather than a new file."""
    url = database_url(db)
    path = sqlite_path(url)
    if not create and path is not None and not path.exists():
        raise DatabaseError(
            f"no ledger database at {path} yet "
            "(run `provenance import claims/` first, or give --db)"
        )
    engine = make_engine(url)
    try:
        if has_schema(engine) or create:
            if migrate.current(engine) != migrate.head():
                migrate.upgrade(engine)
        else:
            raise DatabaseError(f"{shown(url)} holds no ledger yet (run `provenance init`)")
        with transaction(engine) as session:
            yield session
    except OperationalError as error:
        raise unreachable(engine, error) from None
    finally:
        engine.dispose()


def init(db: str | None) -> InitResult:
    """Creates the database, or brings its schema up to date."""
    with _session(db, create=True):
        pass
    return InitResult(shown(database_url(db)), migrate.head())


def import_ledger(
    paths: Sequence[Path], db: str | None, *, prune: bool = False, progress: Progress | None = None
) -> ImportResult:
    """Loads the ledger under ``paths`` into the database in one transaction: all or nothing.
    References may point at records already stored, unless ``prune`` replaces them all."""
    parsed, problems = parse_paths(paths, progress)
    if problems:
        raise LedgerInvalid(problems)
    with _session(db, create=True) as session:
        problems = resolve(parsed, None if prune else store.known_ids(session))
        if problems:
            raise LedgerInvalid(problems)
        counts = store.sync(session, parsed.ledger(), prune=prune)
        totals = store.counts(session)
    return ImportResult(shown(database_url(db)), counts, totals)


def load(paths: Sequence[Path]) -> Ledger:
    """The ledger in YAML files, checked as a whole, without a database."""
    return load_ledger(paths)


def export_ledger(db: str | None, out_dir: Path | None, fmt: str = "yaml") -> list[Path] | str:
    """The stored ledger as files under ``out_dir`` (their paths), or as one text."""
    with _session(db) as session:
        ledger = store.ledger(session)
    if out_dir is None:
        return writer.dump_stream(ledger, fmt)
    return writer.write_tree(ledger, out_dir, fmt)




def show(db: str | None, ident: str) -> View:
    """A record with everything needed to read it: the records it names and that name it."""
    with _session(db) as session:
        if found := store.claims(session, store.by_ids(r.CLAIM, [ident])):
            return _claim_view(session, found[0])
        if entities := store.entities(session, store.by_ids(r.ENTITY, [ident])):
            return _entity_view(session, entities[0])
        if sources := store.sources(session, store.by_ids(r.SOURCE, [ident])):
            claims = store.claims(session, r.CLAIM.c.source_id == ident)
            return SourceView(sources[0], tuple(claims), _context(session, claims, extra=sources))
    raise NotFound(f"nothing in the ledger has the id '{ident}' (list ids with `provenance claims`)")


def _claim_view(session: Session, claim: Claim) -> ClaimView:
    linked = store.claims(session, store.claims_linked_to(claim.id))
    named = [*claim.contradicts, *([claim.supersedes] if claim.supersedes else [])]
    others = store.claims(session, store.by_ids(r.CLAIM, named)) if named else []
    return ClaimView(claim, _context(session, [claim, *linked, *others]))


def _entity_view(session: Session, entity: Entity) -> EntityView:
    about = store.claims(session, r.CLAIM.c.subject_id == entity.id)
    naming = store.claims(session, store.claims_naming(entity.id))
    parts = store.entities(session, r.ENTITY.c.part_of_id == entity.id)
    context = _context(session, [*about, *naming], extra=[entity, *parts])
    return EntityView(entity, tuple(about), tuple(naming), context)


def _context(session: Session, claims: Sequence[Claim], extra: Sequence[Record] = ()) -> Ledger:
    """The sources and entities the claims refer to, with the ancestors of every entity."""
    entity_ids = {e for c in claims for e in _entities_of(c)}
    entity_ids.update(x.id for x in extra if isinstance(x, Entity))
    entity_ids.update(p for x in extra if isinstance(x, Entity) for p in x.distinct_from)
    entities = _with_ancestors(session, entity_ids)
    source_ids = {c.source for c in claims} | {x.id for x in extra if isinstance(x, Source)}
    sources = store.sources(session, store.by_ids(r.SOURCE, source_ids))
    derived = {d for s in sources for d in s.derived_from}
    sources += store.sources(session, store.by_ids(r.SOURCE, derived - source_ids))
    sources += store.sources(session, r.SOURCE.c.id.in_(
        r.DERIVATION.select().with_only_columns(r.DERIVATION.c.source_id)
        .where(r.DERIVATION.c.derived_from_id.in_(sorted(source_ids)))
    ))
    unique_sources = {s.id: s for s in sources}
    unique_claims = {c.id: c for c in claims}
    return Ledger(tuple(unique_sources.values()), tuple(entities), tuple(unique_claims.values()))


def _entities_of(claim: Claim) -> set[str]:
    ids = {claim.subject, *claim.said_by, *(m.entity for m in claim.mentions if m.entity)}
    value = claim.value
    ids.update(getattr(value, "ids", ()))
    return ids


def _with_ancestors(session: Session, ids: set[str]) -> list[Entity]:
    found: dict[str, Entity] = {}
    wanted = set(ids)
    while wanted:
        batch = store.entities(session, store.by_ids(r.ENTITY, wanted))
        found.update((e.id, e) for e in batch)
        wanted = {e.part_of for e in batch if e.part_of and e.part_of not in found}
    return list(found.values())


def list_claims(
    db: str | None,
    *,
    subject: str | None = None,
    prop: str | None = None,
    source: str | None = None,
    said_by: str | None = None,
) -> ClaimList:
    """Claims matching every filter given, in ledger order."""
    with _session(db) as session:
        where = store.claim_filter(subject=subject, prop=prop, source=source, said_by=said_by)
        claims = store.claims(session, where)
        return ClaimList(tuple(claims), _context(session, claims))


def add(db: str | None, section: str, fields: YamlMap) -> Record:
    """Adds one source, entity or claim, validated exactly as the YAML loader validates."""
    parsed, problems = ParsedLedger(), []
    parse_file(_section(section, fields), "command line", parsed, problems)
    if problems:
        raise LedgerInvalid(problems)
    record = parsed.ledger()
    with _session(db, create=True) as session:
        known = store.known_ids(session)
        added = [*record.sources, *record.entities, *record.claims]
        problems = [
            *(_taken(x.id) for x in added if x.id in known),
            *resolve(parsed, known),
        ]
        if problems:
            raise LedgerInvalid(problems)
        store.sync(session, record)
    return added[0]


def _section(section: str, fields: YamlMap) -> YamlMap:
    items = YamlSeq([fields])
    items.line, items.item_lines, items.raw = 0, [0], {}
    root = YamlMap({section: items})
    root.line, root.key_lines, root.raw = 0, {}, {}
    return root


def _taken(ident: str) -> Problem:
    return Problem("command line", 0, f"id '{ident}' is already in the ledger",
                   "choose another id; to change a record, edit the ledger file and import it")
