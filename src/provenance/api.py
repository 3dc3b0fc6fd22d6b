"""The use cases, one function each: init, import, export, show, list claims, add, check
(and its CI gate), report, and reviewing (a ReviewDesk). Which ledger each reads is decided
by targets.py; sessions are opened on request from here (by db/sessions.py) and handed
down; nothing here prints or knows about the command line."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance import caching, changes, checker, reviews
from provenance.caching import CachePlace, CheckCache
from provenance.checker import CheckResult, Conflict, canonical_id
from provenance.checker.settings import (
    Settings,
    default_reviewer,
    find_config,
    read_settings,
    with_flags,
)
from provenance.checks import RULES, by_id
from provenance.checks.context import Context
from provenance.db import migrate, store
from provenance.db.engine import database_url, shown
from provenance.db.ledger_view import LedgerView
from provenance.db.sessions import ledger_session, scratch_session
from provenance.db.sync import Syncer, add_reviews
from provenance.errors import LedgerInvalid, NotFound, ProvenanceError
from provenance.importing import Loader
from provenance.ledger import command_line
from provenance.ledger.load import FILES, Progress
from provenance.ledger.reader import LEDGER_SUFFIXES as LEDGER_FILES
from provenance.ledger.schema import ParsedLedger, parse_file
from provenance.model import Archive, Claim, Entity, Review, Source, Verdict
from provenance.suggestions import by_prefix, suggest
from provenance.targets import Target, resolve
from provenance.views import ClaimList, ConflictView, ImportResult, InitResult, ReportData, View
from provenance.writing import replace_file

if TYPE_CHECKING:
    from provenance.writing import FolderWritten

Where = Target | str | None
"""The ledger a reading command uses: a Target (targets.resolve), or a database URL (None:
the default database)."""

LEFT_TO_RULES = frozenset(code for rule in RULES for code in rule.load_problems)
"""Problems of ledger files that `check` leaves to the rules that report them."""


def init(db: str | None) -> InitResult:
    """Creates the database, or brings its schema up to date."""
    with ledger_session(db, create=True):
        pass
    return InitResult(shown(database_url(db)), migrate.head())


def import_ledger(
    paths: Sequence[Path],
    db: str | None,
    *,
    prune: bool = False,
    progress: Progress | None = None,
    jobs: int | None = None,
) -> ImportResult:
    """Loads the ledger under ``paths`` into the database in one transaction: all or nothing.
    References may point at records already stored, unless ``prune`` replaces them all.
    ``jobs``: the processes that read the files (ledger/pool.py; default by its size)."""
    with ledger_session(db, create=True) as session:
        loader = Loader(Syncer(session, prune=prune))
        counts = loader.load(paths, progress, jobs=jobs)
        if loader.problems:
            raise LedgerInvalid(loader.problems)  # the transaction is rolled back
        totals = store.counts(session)
    return ImportResult(shown(database_url(db)), counts, totals)


def export_ledger(where: Where, out_dir: Path | None, fmt: str = "yaml") -> FolderWritten | str:
    """The ledger (its files, through their index, or a database) as files under
    ``out_dir``, written as a whole (what was written, and the ledger files already there
    that it does not hold), or as one text: YAML or JSON as the ledger is kept, or an
    exchange format (exports.FORMATS), which carries the conflicts the checker finds and
    their reviews too, in one file under ``out_dir``."""
    from provenance import exports
    from provenance.ledger import writer
    from provenance.writing import write_folder

    if fmt in exports.FORMATS:
        return _exchange(where, out_dir, fmt)
    with _reading(where) as session:
        ledger = store.ledger(session)
    if out_dir is None:
        return writer.dump_stream(ledger, fmt)
    return write_folder(
        out_dir, lambda into: writer.write_tree(ledger, into, fmt, out_dir), LEDGER_FILES
    )


def _exchange(where: Where, out_dir: Path | None, fmt: str) -> FolderWritten | str:
    from provenance import exports
    from provenance.exports.common import ExchangeData
    from provenance.writing import write_folder

    exchange = exports.FORMATS[fmt]
    settings = check_settings([])
    with _reading(where) as session:
        ledger = store.ledger(session)
        result = checker.run(
            LedgerView(session), settings.rules(), settings.severities(), store.reviews(session)
        )
    conflicts = tuple(c for c in result.conflicts if not c.revision)
    text = exchange.render(ExchangeData(ledger, conflicts))
    if out_dir is None:
        return text

    def fill(into: Path) -> list[Path]:
        path = into / exchange.file_name
        path.write_text(text, encoding="utf-8")
        return [path]

    return write_folder(out_dir, fill, ())  # one file of its own: nothing else is stale


CONFLICT_ID = re.compile(r"^[a-z]+(?:-[a-z]+)*:[0-9a-f]{1,12}$")
"""A conflict id, or the start of one (its rule and at least one digit of its digest)."""


@contextmanager
def _reading(where: Where) -> Iterator[Any]:
    """A read-only session on the ledger: a database, or the index of a ledger folder
    (rebuilt first when its files changed: indexing.py)."""
    if isinstance(where, Target) and where.files:
        if where.folder is None:
            raise ProvenanceError(
                "this command reads one ledger folder (--ledger DIR), not single files"
            )
        from provenance.indexing import fresh_index

        url: str | None = fresh_index(where)
        if url is None:  # no index can be kept beside the folder: read it for this command
            with scratch_session() as session:
                loader = Loader(Syncer(session))
                loader.load(where.paths)
                if loader.problems:
                    raise LedgerInvalid(loader.problems, outcome="nothing was read")
                yield session
            return
    else:
        url = where.db if isinstance(where, Target) else where
    with ledger_session(url, write=False) as session:
        yield session


def show(where: Where, ident: str) -> View | ConflictView:
    """A record with everything needed to read it: the records it names and that name it;
    or a conflict (by its id or a unique prefix of it) with the history of its reviews."""
    from provenance.db import showing

    if CONFLICT_ID.match(ident):
        return _conflict_view(where, ident)
    with _reading(where) as session:
        found = showing.view_of(session, ident)
        if found is None:
            known = [i for noun in ("claim", "entity", "source") for i in store.ids(session, noun)]
            close = suggest(ident, known)
    if found is None:
        raise NotFound(
            f"nothing in the ledger has the id '{ident}' "
            f"({close or 'list ids with `provenance claims`, `entities` or `sources`'})"
        )
    return found


def _conflict_view(where: Where, ident: str) -> ConflictView:
    wanted = canonical_id(ident)
    rule = by_id(wanted.partition(":")[0])
    with _reading(where) as session:
        found = None
        if rule is not None:
            result = checker.run(LedgerView(session), [rule()], {}, store.reviews(session))
            found = unique_conflict(result.conflicts, wanted, "the database")
        wanted = found.id if found is not None else wanted
        history = store.reviews(session, wanted)
    if found is None and not history:
        raise NotFound(
            f"no conflict {ident} in the ledger and no review of it "
            "(`provenance review --list` lists the conflicts)"
        )
    return ConflictView(wanted, found, tuple(history))


def unique_conflict(conflicts: Sequence[Conflict], wanted: str, where: object) -> Conflict | None:
    """The conflict with this id, or the only one whose id starts with it; None when none
    does. Two or more that start with it are a question back to the user."""
    matching, exact = by_prefix(wanted, conflicts)
    if len(matching) > 1 and not exact:
        shown = ", ".join(c.id for c in matching[:5])
        raise NotFound(
            f"'{wanted}' is the start of {len(matching)} conflict ids in {where} ({shown}); "
            "give more of the id"
        )
    return matching[0] if matching else None


def list_claims(
    where: Where,
    *,
    subject: str | None = None,
    prop: str | None = None,
    source: str | None = None,
    said_by: str | None = None,
) -> ClaimList:
    """Claims matching every filter given, in ledger order. A filter value the ledger does
    not know (an id no record has, a property no claim uses) is a mistake, said with the
    closest known values."""
    from provenance.db import showing

    with _reading(where) as session:
        wanted = {"--subject": subject, "--property": prop, "--source": source}
        wanted["--said-by"] = said_by
        unknown = showing.unknown_filters(session, wanted)
        if not unknown:
            return showing.claim_list(
                session, subject=subject, prop=prop, source=source, said_by=said_by
            )
    raise NotFound("; ".join(unknown))


def list_entities(where: Where, kind: str | None = None) -> list[Entity]:
    """Every entity (of one kind, if given), in ledger order."""
    with _reading(where) as session:
        return [e for e in store.find_entities(session) if kind is None or e.kind.value == kind]


def list_sources(where: Where) -> list[Source]:
    """Every source, in ledger order."""
    with _reading(where) as session:
        return store.find_sources(session)


def archive_source(ledger: Path, source_id: str, text_file: Path) -> Archived:
    """Keeps a copy of a source's text beside the ledger file that holds the source
    (archives/SOURCE.txt) and writes its path and sha256 into the source's `archive` field,
    so that quote-not-found checks the quotes from it against the text."""
    from provenance.ledger import archive_field

    found = archive_field.find_source([ledger], source_id)
    try:
        data = text_file.read_bytes()
        data.decode("utf-8")
    except OSError as error:
        raise ProvenanceError(f"{text_file}: cannot read it ({error.strerror})") from error
    except UnicodeDecodeError as error:
        raise ProvenanceError(
            f"{text_file}: not UTF-8 text (byte {error.start}); save the source's text as UTF-8"
        ) from error
    relative = f"{archive_field.ARCHIVES}/{source_id}.txt"
    stored = found.file.path.parent / relative
    record = Archive(relative, hashlib.sha256(data).hexdigest())
    text = found.file.path.read_text("utf-8")
    edited = archive_field.with_archive(text, found.file.name, source_id, record)
    stored.parent.mkdir(exist_ok=True)
    replace_file(stored, data)
    replace_file(found.file.path, edited.encode("utf-8"))
    return Archived(source_id, stored, record.sha256 or "", Path(found.file.name))


@dataclass(frozen=True, slots=True)
class Archived:
    source: str
    stored: Path
    sha256: str
    ledger_file: Path


def format_ledger(paths: Sequence[Path], *, check: bool) -> list[Path]:
    """The ledger files under ``paths`` that are not in canonical form (ledger.canonical);
    unless ``check``, each is rewritten in it."""
    from provenance.ledger import canonical

    changed = [f for f in canonical.formatted(list(paths)) if f.changed]
    if not check:
        for found in changed:
            replace_file(found.file.path, found.canonical.encode("utf-8"))
    return [Path(f.file.name) for f in changed]


def add(
    where: Where, section: str, fields: Mapping[str, object], file: Path | None = None
) -> tuple[Source | Entity | Claim, str]:
    """Adds one source, entity or claim (``fields`` as its ledger keys would hold them),
    validated exactly as the YAML loader validates a file; returns it and where it went.
    Into a ledger folder's files (``file``, else its added.yaml) when files are the truth,
    else into the database."""
    from provenance import adding

    parsed, problems = ParsedLedger(), command_line.refused_text(fields)
    parse_file(command_line.document(section, fields), command_line.ORIGIN, parsed, problems)
    if problems:
        raise LedgerInvalid(problems, outcome="nothing was added")
    record = parsed.ledger()
    added: list[Source | Entity | Claim] = [*record.sources, *record.entities, *record.claims]
    if isinstance(where, Target) and where.files:
        return added[0], str(adding.add_to_files(where, added[0], file))
    if file is not None:
        raise ProvenanceError(
            "--file names a ledger file, but this ledger is a database (give --ledger DIR)"
        )
    db = where.db if isinstance(where, Target) else where
    with ledger_session(db, create=True) as session:
        taken = store.exists(session, added[0].id)
        if taken:
            raise LedgerInvalid([command_line.taken(added[0].id)], outcome="nothing was added")
        loader = Loader(Syncer(session))
        loader.add(command_line.without_origin(parsed))
        loader.finish()
        if loader.problems:  # a record without a file: its problems are the command line's
            named = [p if p.file else replace(p, file=command_line.ORIGIN) for p in loader.problems]
            raise LedgerInvalid(named, outcome="nothing was added")
    return added[0], shown(database_url(db))


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
def _checking(
    paths: Sequence[Path],
    db: str | None,
    cache: CachePlace | None = None,
    jobs: int | None = None,
) -> Iterator[tuple[Context, list[Review]]]:
    """The ledger to check and its reviews: ledger files in a private in-memory store (where
    references to nothing are kept for dangling-reference), or, without paths, the database.
    Ledger files are read through the check cache at ``cache`` (caching.py): a file parsed
    before and a pair of names compared before are not worked out again."""
    if not paths:
        with ledger_session(db, write=False) as session:
            yield LedgerView(session), store.reviews(session)
        return
    kept = CheckCache.open(cache)
    memo = caching.name_memo(kept)
    with scratch_session() as session:
        loader = Loader(Syncer(session))
        loader.load(paths, cache=kept, jobs=jobs)
        problems = loader.problems.where(lambda p: p.code not in LEFT_TO_RULES)
        if problems:
            raise LedgerInvalid(problems, outcome="nothing was checked")
        yield LedgerView(session, paths, memo), store.reviews(session)
    caching.keep_name_memo(kept, memo)
    if kept is not None:
        kept.prune(FILES)


def check(
    paths: Sequence[Path],
    db: str | None,
    settings: Settings,
    *,
    only: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int | None = None,
    diff_base: str | None = None,
    cache: CachePlace | None = None,
) -> CheckResult:
    """Runs the rules on ledger files, or, without paths, on the database. Reviews in the
    ledger (or the database) silence what they decide. ``jobs``: the processes that check
    a database (checker.run) or read ledger files (ledger/pool.py). Each
    conflict's first place is its change: in a file changed since ``diff_base`` (git), else
    in the ledger file modified last (changes.lead_with_changes). Ledger files are read
    through the check cache at ``cache``, when given (caching.cache_place)."""
    with _checking(paths, db, cache, jobs) as (context, found):
        rules = settings.rules(only, ignore)
        result = checker.run(context, rules, settings.severities(), found, jobs=jobs)
    if diff_base is not None:
        return changes.lead_with_changes(result, changes.changed_files(diff_base))
    return changes.lead_with_changes(result, None) if paths else result


def gate(
    paths: Sequence[Path],
    db: str | None,
    settings: Settings,
    *,
    only: Sequence[str] = (),
    ignore: Sequence[str] = (),
    jobs: int | None = None,
    diff_base: str | None = None,
    new_since: str | None = None,
    cache: CachePlace | None = None,
) -> tuple[CheckResult, int]:
    """`check` as CI runs it: the check result, without the conflicts the ledger already
    held at the git commit ``new_since`` (when given), and how many those were."""
    result = check(
        paths, db, settings, only=only, ignore=ignore, jobs=jobs, diff_base=diff_base, cache=cache
    )
    if new_since is None:
        return result, 0
    known = conflicts_at(new_since, paths, settings, only=only, ignore=ignore)
    kept = tuple(c for c in result.conflicts if c.id not in known)
    return replace(result, conflicts=kept), len(result.conflicts) - len(kept)


def conflicts_at(
    ref: str,
    paths: Sequence[Path],
    settings: Settings,
    *,
    only: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> set[str]:
    """The ids of the conflicts the ledger files ``paths`` held at the git commit ``ref``
    (none, when they did not exist then): the baseline of `check --new-since`."""
    if not paths:
        raise ProvenanceError(
            f"--new-since {ref} compares ledger files in git: give the ledger folder "
            "(e.g. check claims/ --new-since origin/main)"
        )
    with changes.ledger_at(ref, paths) as then:
        if not then:
            return set()
        try:
            with _checking(then, None) as (context, found):
                result = checker.run(context, settings.rules(only, ignore), {}, found, jobs=1)
        except LedgerInvalid as error:
            raise ProvenanceError(
                f"--new-since {ref}: the ledger as it was at {ref} cannot be read ({error}); "
                "give a later commit, or review the old conflicts with review --all-open"
            ) from None
    return {c.id for c in result.conflicts}


def report(
    paths: Sequence[Path], db: str | None, settings: Settings, *, subject: str | None = None
) -> ReportData:
    """What a contradiction report shows: the check result (about one subject, if given) and
    every claim of the subjects and properties in conflict, with their sources."""
    with _checking(paths, db) as (context, found):
        if subject is not None and subject not in context.entities:
            close = suggest(subject, context.entities)
            hint = close or "`provenance entities` lists the entities"
            raise NotFound(f"--subject: no entity has the id '{subject}' ({hint})")
        result = checker.run(context, settings.rules(), settings.severities(), found)
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

    @property
    def target(self) -> Target:
        return Target(tuple(self.paths), self.db)

    def __str__(self) -> str:
        return str(self.ledger) if self.ledger else shown(database_url(self.db))


def review_target(ledger: Path | None, db: str | None, here: Path | None = None) -> ReviewTarget:
    """The ledger folder given; else the database given (--db or $PROVENANCE_DB); else
    claims/ in the current folder when there is one; else the default database (the same
    choice every command makes: targets.resolve)."""
    target = resolve((), db, ledger=ledger, here=here)
    return ReviewTarget(target.folder, target.db)


@dataclass(frozen=True, slots=True)
class ReviewDesk:
    """Reviewing one ledger folder or database: its conflicts as the checker finds them now,
    and each decision recorded where its reviews are kept."""

    target: ReviewTarget
    settings: Settings

    def conflicts(self) -> CheckResult:
        """Every conflict, open or decided, and the reviews that decide nothing any more."""
        return check(self.target.paths, self.target.db, self.settings)

    def waiting(self) -> tuple[list[Conflict], ReportData]:
        """The open conflicts, with the records needed to show their claims side by side."""
        data = report(self.target.paths, self.target.db, self.settings)
        return [c for c in data.result.conflicts if not c.decided and not c.revision], data

    def choices(self, conflict: Conflict) -> dict[Verdict, str]:
        """The verdicts that fit the conflict (names: same-entity or distinct; claims:
        disputed or resolved; anything: not-a-conflict), each with what it means."""
        return {verdict: reviews.MEANING[verdict] for verdict in reviews.verdicts_for(conflict)}

    def reviewer(self, given: str | None = None) -> str:
        """Who signs: ``given`` (--by), else the configured reviewer, else git's user.name,
        else the account name."""
        return given or default_reviewer(self.settings.reviewer, self.target.ledger)

    def decide(
        self,
        conflict: Conflict | str,
        verdict: Verdict,
        note: str,
        reviewer: str,
        in_favour_of: str | None = None,
    ) -> tuple[Review, str]:
        """Decides a conflict (or the conflict with this id, as the checker finds it now) and
        records the decision; returns it and where it was stored."""
        if isinstance(conflict, str):
            conflict = find_conflict(self.target, self.settings, conflict)
        return review(self.target, conflict, verdict, note, reviewer, in_favour_of)


def review_desk(ledger: Path | None, db: str | None) -> ReviewDesk:
    """The desk for the reviews of ``ledger`` or ``db`` (see review_target)."""
    target = review_target(ledger, db)
    return ReviewDesk(target, check_settings(target.paths))


def find_conflict(target: ReviewTarget, settings: Settings, conflict_id: str) -> Conflict:
    """The conflict with this id (or a unique prefix of it) as the checker finds it now
    (only its rule is run)."""
    rule_id = conflict_id.partition(":")[0]
    rule = by_id(rule_id)
    if rule is None:
        close = suggest(rule_id, [r.id for r in RULES]) if ":" in conflict_id else None
        raise NotFound(
            f"'{conflict_id}' is not a conflict id ("
            + (f"no rule '{rule_id}': {close} " if close else "")
            + "they look like spelling-variant:623269ca8ff3; `provenance review --list` "
            "lists them)"
        )
    wanted = canonical_id(conflict_id)
    result = check(target.paths, target.db, settings, only=[rule.id])
    found = unique_conflict(result.conflicts, wanted, target)
    if found is not None:
        return found
    raise NotFound(
        f"no conflict {conflict_id} in {target} "
        "(`provenance review --list` lists the conflicts and their reviews)"
    )


def record_review(target: ReviewTarget, review: Review) -> str:
    """Stores a review: appended to the ledger's reviews file, or added to the database."""
    from provenance.ledger.reviews_file import append_to_ledger

    if target.ledger is not None:
        return str(append_to_ledger(target.ledger, review))
    with ledger_session(target.db) as session:
        add_reviews(session, [review])
    return str(target)


def review(
    target: ReviewTarget,
    conflict: Conflict,
    verdict: Verdict,
    note: str,
    reviewer: str,
    in_favour_of: str | None = None,
) -> tuple[Review, str]:
    """Decides a conflict and records the decision; returns it and where it was stored."""
    given = {"note": note, "by": reviewer, "in-favour-of": in_favour_of}
    refused = command_line.refused_text(given)
    if refused:
        raise LedgerInvalid(refused, what="in the review", outcome="the review was not recorded")
    decided = reviews.decide(conflict, verdict, note, reviewer, in_favour_of)
    return decided, record_review(target, decided)
