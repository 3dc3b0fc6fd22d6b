"""Loads ledger files into the database a file at a time, inside the caller's transaction,
and checks the ledger as a whole. Each file is read, checked record by record and written;
only the ids seen are kept in memory. Then references, kinds and circles are checked in SQL
over everything stored, and each flaw is reported at the line of its field (the file is read
again to find it: flaws are rare). The caller rolls back when anything is wrong."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from rapidfuzz import fuzz

from provenance.db import integrity
from provenance.db.rows import RowSet
from provenance.db.sessions import scratch_session
from provenance.db.sync import Syncer, record_rows
from provenance.errors import UNKNOWN_REFERENCE, LedgerInvalid, Problem, Problems
from provenance.ledger.load import PartCache, Progress, parse_prepared
from provenance.ledger.reader import LedgerFile, read_file
from provenance.ledger.schema import Parsed, ParsedLedger, parse_file
from provenance.ledger.vocabulary import property_problems, scope_problems
from provenance.model import Claim, Entity, EntityValue, Ledger, PropertySpec, Review, Scope, Source
from provenance.views import SyncCounts

MAX_NAME = 500
"""Longest name, alias or mention (characters): four bytes each still fit an index entry."""
SECTION_OF = {"source": "sources", "entity": "entities", "claim": "claims"}


@dataclass
class Loader:
    """Writes ledger files through ``syncer`` (into its session) and collects every problem
    they have; with ``keep``, also keeps what it wrote (see load_ledger)."""

    syncer: Syncer
    keep: bool = False
    problems: Problems = field(default_factory=Problems)
    kept: ParsedLedger = field(default_factory=ParsedLedger)
    seen: dict[tuple[str, str], tuple[str, str, int, str]] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)
    scopes: list[Parsed[Scope]] = field(default_factory=list)
    properties: list[Parsed[PropertySpec]] = field(default_factory=list)
    stored: dict[str, set[str]] = field(default_factory=dict)

    def load(
        self,
        paths: Sequence[Path],
        progress: Progress | None = None,
        cache: PartCache | None = None,
        jobs: int | None = None,
    ) -> SyncCounts:
        """Reads, checks and writes every file under ``paths``; then checks the whole. A
        file parsed before is taken from the ``cache``, when one is given; files are parsed
        in ``jobs`` processes (ledger/load.py)."""
        found = parse_prepared(paths, self.problems, progress, cache, jobs, prepare=made_rows)
        for part, rows in found:
            self.add(part, cast("Made | None", rows))
        return self.finish()

    def add(self, part: ParsedLedger, rows: Made | None = None) -> None:
        """Writes one file's sound records; an id already seen is reported, not written.
        Ids are taken in line order, so the first record of a file to use an id keeps it.
        ``rows``: the file's sources, entities and claims as rows (made_rows), if made."""
        entries: list[tuple[int, str, Parsed[Any] | None, str, str]] = [
            *((p.line("id"), "scope", p, p.record.id, _file(p)) for p in part.scopes),
            *((p.line("id"), "property", p, p.record.id, _file(p)) for p in part.properties),
            *((p.line("id"), "source", p, p.record.id, _file(p)) for p in part.sources),
            *((p.line("id"), "entity", p, p.record.id, _file(p)) for p in part.entities),
            *((p.line("id"), "claim", p, p.record.id, _file(p)) for p in part.claims),
            *((b.line, b.noun, None, b.id, b.file) for b in part.broken),
        ]
        self.broken.update(b.id for b in part.broken)
        kept = {
            id(p)
            for line, noun, p, ident, file in sorted(entries, key=lambda e: e[0])
            if self._first(noun, ident, file, line) and p is not None
        }
        named: list[Parsed[Entity] | Parsed[Claim]] = [*part.entities, *part.claims]
        for item in named:
            if self._too_long(item):
                kept.discard(id(item))
                self.broken.add(item.record.id)  # taken and known: no second problem
        unique = ParsedLedger(
            sources=[p for p in part.sources if id(p) in kept],
            entities=[p for p in part.entities if id(p) in kept],
            claims=[p for p in part.claims if id(p) in kept],
            reviews=part.reviews,
            scopes=[p for p in part.scopes if id(p) in kept],
            properties=[p for p in part.properties if id(p) in kept],
        )
        made = None
        if rows is not None:
            made = {
                name: [
                    x for p, x in zip(getattr(part, name), rows[name], strict=True) if id(p) in kept
                ]
                for name in MADE
            }
        self.syncer.add(unique.ledger(), made)
        self.scopes.extend(unique.scopes)  # a vocabulary: a few records, checked at the end
        self.properties.extend(unique.properties)
        if self.keep:
            self.kept.extend(unique)

    def _first(self, noun: str, ident: str, file: str, line: int) -> bool:
        """Whether the id is new. Ids are unique whatever their case (ZB001 and zb001 are
        one id); scopes and properties each have ids of their own."""
        key = (noun if noun in ("scope", "property") else "record", ident.casefold())
        before = self.seen.get(key)
        if before is None:
            self.seen[key] = (noun, file, line, ident)
            return True
        noun, first_file, first_line, first = before
        where = f"at {first_file}:{first_line}" if first_line else f"on the {first_file}"
        case = f" (as '{first}': ids differ not only in case)" if first != ident else ""
        self.problems.append(
            Problem(
                file,
                line,
                f"id '{ident}' is already used by the {noun} {where}{case}",
                "ids are unique across the whole ledger; rename one",
            )
        )
        return False

    def _too_long(self, item: Parsed[Entity] | Parsed[Claim]) -> bool:
        """A name longer than an index holds (PostgreSQL's B-tree refuses an entry over
        about 2.7 kB): refused here, at its line, the same on every database."""
        record = item.record
        if isinstance(record, Entity):
            names = [("name", record.name), *(("aliases", a) for a in record.aliases)]
        else:
            names = [("mentions", m.name) for m in record.mentions]
        for key, name in names:
            if len(name) > MAX_NAME:
                self.problems.append(
                    Problem(
                        _file(item),
                        item.line(key),
                        f"a name of {len(name):,} characters in {key} (at most {MAX_NAME:,})",
                        "a name is a name: put longer text in notes",
                    )
                )
                return True
        return False

    def finish(self) -> SyncCounts:
        counts = self.syncer.finish()
        found = [f for f in self.syncer.flaws() if f.target not in self.broken]
        self.problems.extend(_describe(self.syncer, _located(found)))
        self.problems.extend(scope_problems(self.scopes, self._ids("scope"), self._ids("entity")))
        self.problems.extend(property_problems(self.properties, self._ids("property")))
        return counts

    def _ids(self, noun: str) -> Callable[[], set[str]]:
        """The stored ids of one record type, read once and only when first asked for."""

        def ids() -> set[str]:
            if noun not in self.stored:
                self.stored[noun] = set(self.syncer.ids(noun))
            return self.stored[noun]

        return ids


Made = dict[str, list[RowSet]]
MADE = ("sources", "entities", "claims")


def made_rows(part: ParsedLedger) -> Made:
    """A file's sources, entities and claims as the rows Syncer.add writes of them, made
    where the file is parsed (ledger/load.parse_prepared)."""
    return record_rows(part.ledger())


def _file(item: Parsed[Any]) -> str:
    origin = item.record.origin
    return origin.file if origin else "command line"


@dataclass(frozen=True, slots=True)
class _Located:
    flaw: integrity.Flaw
    line: int


def _located(flaws: Sequence[integrity.Flaw]) -> list[_Located]:
    """Each flaw at the line of its field (or list item), found by reading its file again."""
    by_file: dict[str, ParsedLedger] = {}
    located = []
    for flaw in flaws:
        origin = flaw.origin
        line = origin.line if origin else 0
        if origin is not None and Path(origin.file).is_file():
            if origin.file not in by_file:
                by_file[origin.file] = _reparse(origin.file)
            line = _field_line(by_file[origin.file], flaw) or line
        located.append(_Located(flaw, line))
    return located


def _reparse(name: str) -> ParsedLedger:
    parsed = ParsedLedger()
    root = read_file(LedgerFile(Path(name), name), [])
    if root is not None:
        parse_file(root, name, parsed, [])
    return parsed


def _field_line(parsed: ParsedLedger, flaw: integrity.Flaw) -> int | None:
    items: Iterable[Parsed[Source] | Parsed[Entity] | Parsed[Claim] | Parsed[Review]]
    if flaw.record == "source":
        items = parsed.sources
    elif flaw.record == "entity":
        items = parsed.entities
    elif flaw.record == "claim":
        items = parsed.claims
    else:
        items = parsed.reviews
    for item in items:
        record = item.record
        owner = record.conflict if isinstance(record, Review) else record.id
        if owner == flaw.record_id:
            position = _position(record, flaw.field, flaw.target)
            if position is not None:
                return item.lines.get(f"{flaw.field}.{position}", item.line(flaw.field))
            return item.line(flaw.field)
    return None


def _position(record: Source | Entity | Claim | Review, name: str, target: str) -> int | None:
    """Where the target stands in a list field (said_by: [a, b] -> 1 for b)."""
    if isinstance(record, Claim) and name == "mentions":
        return next((n for n, m in enumerate(record.mentions) if m.entity == target), None)
    if isinstance(record, Claim) and name == "value" and isinstance(record.value, EntityValue):
        values: tuple[str, ...] = record.value.ids
    else:
        value = getattr(record, name, None)
        values = value if isinstance(value, tuple) else ()
    return values.index(target) if target in values else None


def _describe(syncer: Syncer, located: Sequence[_Located]) -> list[Problem]:
    candidates: dict[str, list[str]] = {}
    problems = []
    for item in located:
        flaw, file = item.flaw, item.flaw.origin.file if item.flaw.origin else ""
        message, hint, code = _message(flaw, lambda noun: _ids(syncer, noun, candidates))
        problems.append(Problem(file, item.line, message, hint, code))
    return problems


def _ids(syncer: Syncer, noun: str, cache: dict[str, list[str]]) -> list[str]:
    if noun not in cache:
        cache[noun] = syncer.ids(noun)
    return cache[noun]


def _message(
    flaw: integrity.Flaw, ids: Callable[[str], list[str]]
) -> tuple[str, str | None, str | None]:
    name, target = flaw.field, flaw.target
    if flaw.kind == "unknown":
        if flaw.found:
            a, b = _article(flaw.found), _article(flaw.expected)
            return (
                f"{name}: '{target}' is {a} {flaw.found}, not {b} {flaw.expected}",
                f"{name} takes the id of {b} {flaw.expected}",
                None,
            )
        fix = f"add it under {SECTION_OF[flaw.expected]}: or fix the id"
        close = _closest(target, ids(flaw.expected))
        hint = f"did you mean '{close}'? Or {fix}" if close else fix
        return f"{name}: unknown {flaw.expected} '{target}'", hint, UNKNOWN_REFERENCE
    if flaw.kind == "taken":
        return (
            f"id '{target}' is already used by the {flaw.expected} at {flaw.found}",
            "ids are unique across the whole ledger; rename one",
            None,
        )
    if flaw.kind == "self":
        return f"{name}: '{target}' refers to itself", f"remove '{target}' from {name}", None
    if flaw.kind == "speaker-kind":
        return (
            f"said_by: '{target}' is {_article(flaw.found)} {flaw.found}, not a speaker",
            "a speaker is a person, an organisation or another entity",
            None,
        )
    if flaw.kind == "part-of-kind":
        return _part_of(flaw)
    if flaw.kind == "supersedes":
        return (
            f"supersedes: '{target}' is about {flaw.found}, not {flaw.expected}",
            "a revision replaces a claim about the same subject and property",
            None,
        )
    caught = f" ({flaw.found} also in this tangle)" if flaw.found else ""
    return (
        f"{name} goes round in a circle: {target}{caught}",
        f"remove one of these {name} links",
        None,
    )


def _closest(target: str, ids: list[str]) -> str | None:
    """The stored id most like ``target`` (rapidfuzz ratio 60 or more), if any."""
    from rapidfuzz import process  # imported when an id is unknown, not by every load

    close = process.extractOne(target, ids, scorer=fuzz.ratio, score_cutoff=60)
    return close[0] if close else None


def _part_of(flaw: integrity.Flaw) -> tuple[str, str, None]:
    allowed = sorted(integrity.PART_OF_KINDS.get(flaw.expected, frozenset()))
    hint = (
        "a person is not part of anything; use a claim with property affiliation"
        if not allowed
        else "part_of takes " + " or ".join(allowed)
    )
    message = (
        f"part_of: {_article(flaw.expected)} {flaw.expected} cannot be part of "
        f"{_article(flaw.found)} {flaw.found}"
    )
    return message, hint, None


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"


def load_ledger(paths: Sequence[Path]) -> Ledger:
    """The ledger under ``paths``, checked as a whole without a database file (a private
    in-memory store); raises LedgerInvalid listing every problem of every file."""
    with scratch_session() as session:
        loader = Loader(Syncer(session), keep=True)
        loader.load(paths)
        if loader.problems:
            raise LedgerInvalid(loader.problems)
        return loader.kept.ledger()
