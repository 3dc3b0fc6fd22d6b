"""The use cases, one function each: init, import, export, show, list claims, add, check.
Sessions are opened here and handed down; nothing here prints or knows about the command
line."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from provenance import checker, reviews
from provenance.checker import CheckResult, Conflict, ConflictView, canonical_id
from provenance.checks import by_id
from provenance.checks.context import Context
from provenance.config import Settings, find_config, read_settings, with_flags
from provenance.contradictions import ReportData
from provenance.db import migrate, store
from provenance.db.engine import (
    database_url,
    has_schema,
    make_engine,
    scratch_session,
    shown,
    sqlite_path,
    transaction,
    unreachable,
)
from provenance.errors import DatabaseError, LedgerInvalid, NotFound, Problem, ProvenanceError
from provenance.ledger import writer
from provenance.ledger.load import Progress
from provenance.ledger.reader import YamlMap, YamlSeq
from provenance.ledger.schema import ParsedLedger, parse_file
from provenance.loading import DANGLING, Loader, load_ledger
from provenance.model import Claim, Entity, EntityValue, Ledger, Record, Review, Source, Verdict
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
    with _session(db, create=True) as session:
        loader = Loader(session, prune=prune)
        counts = loader.load(paths, progress)
        if loader.problems:
            raise LedgerInvalid(loader.problems)  # the transaction is rolled back
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


CONFLICT_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*:[0-9a-f]{12}$")


def show(db: str | None, ident: str) -> View | ConflictView:
    """A record with everything needed to read it: the records it names and that name it;
    or a conflict with the history of its reviews."""
    if CONFLICT_ID.match(ident):
        return _conflict_view(db, ident)
    with _session(db) as session:
        if claims := store.find_claims(session, ids=[ident]):
            return _claim_view(session, claims[0])
        if entities := store.find_entities(session, ids=[ident]):
            return _entity_view(session, entities[0])
        if sources := store.find_sources(session, ids=[ident]):
            reported = store.find_claims(session, source=ident)
            return SourceView(sources[0], tuple(reported), _context(session, reported, sources))
    raise NotFound(
        f"nothing in the ledger has the id '{ident}' (list ids with `provenance claims`)"
    )


def _conflict_view(db: str | None, ident: str) -> ConflictView:
    wanted = canonical_id(ident)
    rule = by_id(wanted.partition(":")[0])
    with _session(db) as session:
        history = store.reviews(session, wanted)
        found = None
        if rule is not None:
            result = checker.run(Context(session), [rule()], {}, history)
            found = next((c for c in result.conflicts if c.id == wanted), None)
    if found is None and not history:
        raise NotFound(
            f"no conflict {ident} in the database and no review of it "
            "(`provenance review --list` lists the conflicts)"
        )
    return ConflictView(wanted, found, tuple(history))


def _claim_view(session: Session, claim: Claim) -> ClaimView:
    answering = store.find_claims(session, answering=claim.id)
    named = [*claim.contradicts, *([claim.supersedes] if claim.supersedes else [])]
    answered = store.find_claims(session, ids=named) if named else []
    return ClaimView(claim, _context(session, [claim, *answering, *answered]))


def _entity_view(session: Session, entity: Entity) -> EntityView:
    about = store.find_claims(session, subject=entity.id)
    naming = store.find_claims(session, naming=entity.id)
    parts = store.find_entities(session, part_of=entity.id)
    context = _context(session, [*about, *naming], [entity, *parts])
    accepted = tuple(store.accepted_aliases(session, entity.id))
    return EntityView(entity, tuple(about), tuple(naming), context, accepted)


def _context(session: Session, claims: Sequence[Claim], extra: Sequence[Record] = ()) -> Ledger:
    """The sources and entities the claims refer to, with the ancestors of every entity and
    the sources related to theirs by derived_from."""
    entity_ids = {e for c in claims for e in _entities_of(c)}
    for record in extra:
        if isinstance(record, Entity):
            entity_ids.update((record.id, *record.distinct_from))
    source_ids = {c.source for c in claims} | {x.id for x in extra if isinstance(x, Source)}
    sources = {s.id: s for s in store.find_sources(session, ids=source_ids)}
    related = {d for s in sources.values() for d in s.derived_from} - set(sources)
    for source in [
        *store.find_sources(session, ids=related),
        *store.find_sources(session, repeating=source_ids),
    ]:
        sources.setdefault(source.id, source)
    unique_claims = {c.id: c for c in claims}
    entities = tuple(_with_ancestors(session, entity_ids))
    return Ledger(tuple(sources.values()), entities, tuple(unique_claims.values()))


def _entities_of(claim: Claim) -> set[str]:
    ids = {claim.subject, *claim.said_by, *(m.entity for m in claim.mentions if m.entity)}
    if isinstance(claim.value, EntityValue):
        ids.update(claim.value.ids)
    return ids


def _with_ancestors(session: Session, ids: set[str]) -> list[Entity]:
    found: dict[str, Entity] = {}
    wanted = set(ids)
    while wanted:
        batch = store.find_entities(session, ids=wanted)
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
        claims = store.find_claims(
            session, subject=subject, prop=prop, source=source, said_by=said_by
        )
        return ClaimList(tuple(claims), _context(session, claims))


def add(db: str | None, section: str, fields: YamlMap) -> Source | Entity | Claim:
    """Adds one source, entity or claim, validated exactly as the YAML loader validates."""
    parsed, problems = ParsedLedger(), list[Problem]()
    parse_file(_section(section, fields), "command line", parsed, problems)
    if problems:
        raise LedgerInvalid(problems)
    record = parsed.ledger()
    added: list[Source | Entity | Claim] = [*record.sources, *record.entities, *record.claims]
    with _session(db, create=True) as session:
        if store.exists(session, added[0].id):
            raise LedgerInvalid([_taken(added[0].id)])
        loader = Loader(session)
        loader.add(parsed)
        loader.finish()
        if loader.problems:
            raise LedgerInvalid(loader.problems)  # the transaction is rolled back
    return added[0]


def _section(section: str, fields: YamlMap) -> YamlMap:
    items = YamlSeq([fields])
    items.line, items.item_lines, items.raw = 0, [0], {}
    root = YamlMap({section: items})
    root.line, root.key_lines, root.raw = 0, {}, {}
    return root


def _taken(ident: str) -> Problem:
    return Problem(
        "command line",
        0,
        f"id '{ident}' is already in the ledger",
        "choose another id; to change a record, edit the ledger file and import it",
    )


def check_settings(
    paths: Sequence[Path],
    config: Path | None = None,
    *,
    fail_on: str | None = None,
    severities: Sequence[str] = (),
    options: Sequence[str] = (),
) -> Settings:
    """The settings for a check: the given configuration file, else one found next to the
    ledger (or the current folder), then the flags."""
    found = config or find_config(paths[0] if paths else Path.cwd())
    settings = read_settings(found) if found else Settings()
    return with_flags(settings, fail_on=fail_on, severities=severities, options=options)


@contextmanager
def _checking(paths: Sequence[Path], db: str | None) -> Iterator[tuple[Context, list[Review]]]:
    """The ledger to check and its reviews: ledger files in a private in-memory store (where
    references to nothing are kept for dangling-reference), or, without paths, the database."""
    if not paths:
        with _session(db) as session:
            yield Context(session), store.reviews(session)
        return
    with scratch_session() as session:
        loader = Loader(session)
        loader.load(paths)
        problems = [p for p in loader.problems if p.code != DANGLING]  # the rule reports those
        if problems:
            raise LedgerInvalid(problems, outcome="nothing was checked")
        yield Context(session, paths), store.reviews(session)


def check(
    paths: Sequence[Path],
    db: str | None,
    settings: Settings,
    *,
    only: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int | None = None,
) -> CheckResult:
    """Runs the rules on ledger files, or, without paths, on the database. Reviews in the
    ledger (or the database) silence what they decide. ``jobs``: see checker.run."""
    with _checking(paths, db) as (context, reviews):
        rules = settings.rules(only, ignore)
        return checker.run(context, rules, settings.severities(), reviews, jobs=jobs)


def report(
    paths: Sequence[Path], db: str | None, settings: Settings, *, subject: str | None = None
) -> ReportData:
    """What a contradiction report shows: the check result (about one subject, if given) and
    every claim of the subjects and properties in conflict, with their sources."""
    with _checking(paths, db) as (context, reviews):
        result = checker.run(context, settings.rules(), settings.severities(), reviews)
        if subject is not None:
            kept = tuple(c for c in result.conflicts if c.subject == subject)
            result = replace(result, conflicts=kept)
        named = context.claims({c for conflict in result.conflicts for c in conflict.claims})
        claims = dict(named)
        for about, prop in sorted({(c.subject, c.property) for c in named.values()}):
            claims.update((c.id, c) for c in context.claims_of(about, prop))
        origins = {c.source: context.origins(c.source) for c in claims.values()}
        target = " ".join(str(p) for p in paths) if paths else "the database"
        return ReportData(result, claims, context.sources, context.entities, origins, target)


@dataclass(frozen=True, slots=True)
class ReviewTarget:
    """Where reviews are read from and recorded: a ledger folder (its reviews.yaml, to be
    committed with the claims) or the database."""

    ledger: Path | None
    db: str | None

    @property
    def paths(self) -> list[Path]:
        return [self.ledger] if self.ledger else []

    def __str__(self) -> str:
        return str(self.ledger) if self.ledger else shown(database_url(self.db))


def review_target(ledger: Path | None, db: str | None, here: Path | None = None) -> ReviewTarget:
    """The ledger folder given; else the database given (--db or $PROVENANCE_DB); else
    claims/ in the current folder when there is one; else the default database."""
    if ledger is not None:
        if not ledger.is_dir():
            raise ProvenanceError(f"--ledger {ledger}: no such folder")
        return ReviewTarget(ledger, None)
    default = (here or Path.cwd()) / "claims"
    if db is None and default.is_dir():
        return ReviewTarget(Path("claims") if here is None else default, None)
    return ReviewTarget(None, db)


def find_conflict(target: ReviewTarget, settings: Settings, conflict_id: str) -> Conflict:
    """The conflict with this id as the checker finds it now (only its rule is run)."""
    rule = by_id(conflict_id.partition(":")[0])
    if rule is None:
        raise NotFound(
            f"'{conflict_id}' is not a conflict id (they look like "
            "spelling-variant:623269ca8ff3; `provenance review --list` lists them)"
        )
    wanted = canonical_id(conflict_id)
    result = check(target.paths, target.db, settings, only=[rule.id])
    for conflict in result.conflicts:
        if conflict.id == wanted:
            return conflict
    raise NotFound(
        f"no conflict {conflict_id} in {target} "
        "(`provenance review --list` lists the conflicts and their reviews)"
    )


def record_review(target: ReviewTarget, review: Review) -> str:
    """Stores a review: appended to the ledger's reviews file, or added to the database."""
    if target.ledger is not None:
        return str(reviews.append_to_ledger(target.ledger, review))
    with _session(target.db) as session:
        store.add_reviews(session, [review])
    return str(target)


def reviewer_name(settings: Settings, target: ReviewTarget, given: str | None = None) -> str:
    """Who signs a review: --by, else the configured reviewer, else git's user.name, else
    the account name."""
    return given or reviews.default_reviewer(settings.reviewer, target.ledger)


def review(
    target: ReviewTarget,
    conflict: Conflict,
    verdict: Verdict,
    note: str,
    reviewer: str,
    in_favour_of: str | None = None,
) -> tuple[Review, str]:
    """Decides a conflict and records the decision; returns it and where it was stored."""
    decided = reviews.decide(conflict, verdict, note, reviewer, in_favour_of)
    return decided, record_review(target, decided)


VERDICT_MEANING = reviews.MEANING


def verdicts_for(conflict: Conflict) -> list[Verdict]:
    """The verdicts that fit a conflict (names: same-entity or distinct; claims: disputed
    or resolved; anything: not-a-conflict)."""
    return reviews.verdicts_for(conflict)
