"""The ledger's record types: the keys each may hold (in the order export writes them) and how
a located YAML mapping becomes a Source, Entity, Claim or Review, with every problem kept."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from provenance import units
from provenance.errors import InvalidValue, Problem
from provenance.ledger import fields as f
from provenance.ledger.reader import YamlMap, YamlSeq
from provenance.ledger.values import parse_value
from provenance.model import (
    Archive,
    Claim,
    Entity,
    EntityKind,
    Ledger,
    Origin,
    Polarity,
    Quantity,
    Review,
    Source,
    SourceKind,
    Verdict,
)

R = TypeVar("R", Source, Entity, Claim, Review)
Parser = Callable[[f.Cell], object]
VALUE = "value"  # parsed after the claim's property, which decides its kind

SOURCE_FIELDS: dict[str, Parser] = {
    "id": f.identifier,
    "title": f.text,
    "publisher": f.text,
    "authors": f.texts,
    "published": f.timespan,
    "url": f.url,
    "kind": f.choice(SourceKind, "source kind"),
    "reliability": f.reliability,
    "language": f.language,
    "archive": f.archive,
    "derived_from": f.identifiers,
    "notes": f.text,
}
ENTITY_FIELDS: dict[str, Parser] = {
    "id": f.identifier,
    "kind": f.choice(EntityKind, "entity kind", {"organization": EntityKind.ORGANISATION}),
    "name": f.text,
    "aliases": f.texts,
    "part_of": f.identifier,
    "distinct_from": f.identifiers,
    "notes": f.text,
}
CLAIM_FIELDS: dict[str, Parser] = {
    "id": f.identifier,
    "subject": f.identifier,
    "property": f.property_name,
    VALUE: f.text,
    "unit": f.text,
    "scope": f.text,
    "as_of": f.timespan,
    "polarity": f.choice(Polarity, "polarity"),
    "stance": f.text,
    "said_by": f.identifiers,
    "source": f.identifier,
    "quote": f.quote,
    "locator": f.text,
    "mentions": f.mentions,
    "confidence": f.confidence,
    "contradicts": f.identifiers,
    "supersedes": f.identifier,
    "notes": f.text,
}
REVIEW_FIELDS: dict[str, Parser] = {
    "conflict": f.conflict_reference,
    "verdict": f.choice(Verdict, "review verdict"),
    "in_favour_of": f.identifier,
    "entity": f.identifier,
    "alias": f.text,
    "note": f.text,
    "reviewer": f.text,
    "at": f.instant,
}

REQUIRED: dict[str, dict[str, str]] = {
    "sources": {
        "id": "give the source a short id such as 'caci-2017-11-13'",
        "title": "add title: the headline or document title",
        "kind": "add kind: news, analysis, government, un, ngo, ...",
        "reliability": "add reliability: A (completely reliable) to F (cannot be judged)",
    },
    "entities": {
        "id": "give the entity a short id such as 'mirza-olang'",
        "kind": "add kind: person, organisation, place, event or other",
        "name": "add name: the canonical spelling",
    },
    "claims": {
        "id": "give the claim a short id",
        "subject": "add subject: the id of the entity the claim is about",
        "property": "add property: what is asserted (killed, perpetrator, leader, ...)",
        VALUE: "add value: what the source says it is",
        "source": "add source: the id of the source that reports it",
    },
    "reviews": {
        "conflict": "add conflict: the id that `provenance check` prints",
        "verdict": "add verdict: same-entity, distinct, disputed, resolved or not-a-conflict",
        "reviewer": "add reviewer: who decided",
        "at": "add at: when, as 2026-11-21T10:00:00Z",
    },
}
SINGULAR = {"sources": "source", "entities": "entity", "claims": "claim", "reviews": "review"}
SECTIONS: dict[str, dict[str, Parser]] = {
    "sources": SOURCE_FIELDS,
    "entities": ENTITY_FIELDS,
    "claims": CLAIM_FIELDS,
    "reviews": REVIEW_FIELDS,
}


@dataclass(frozen=True, slots=True)
class Parsed(Generic[R]):
    """A record with the line of each of its keys, for messages about its references."""

    record: R
    lines: Mapping[str, int]

    def line(self, key: str) -> int:
        origin = self.record.origin
        return self.lines.get(key, origin.line if origin else 0)


@dataclass(frozen=True, slots=True)
class Broken:
    """A record refused for its own problems: its id still counts as taken and as known,
    so that it causes no second, misleading problem elsewhere."""

    noun: str
    id: str
    file: str
    line: int


@dataclass
class ParsedLedger:
    sources: list[Parsed[Source]] = field(default_factory=list)
    entities: list[Parsed[Entity]] = field(default_factory=list)
    claims: list[Parsed[Claim]] = field(default_factory=list)
    reviews: list[Parsed[Review]] = field(default_factory=list)
    broken: list[Broken] = field(default_factory=list)

    def extend(self, other: ParsedLedger) -> None:
        """Adds another part's records (another file's) after these."""
        for name in ("sources", "entities", "claims", "reviews", "broken"):
            getattr(self, name).extend(getattr(other, name))

    def ledger(self) -> Ledger:
        return Ledger(
            sources=tuple(p.record for p in self.sources),
            entities=tuple(p.record for p in self.entities),
            claims=tuple(p.record for p in self.claims),
            reviews=tuple(p.record for p in self.reviews),
        )


class _Record:
    """Collects one record's field values and the problems found on the way."""

    def __init__(
        self,
        section: str,
        mapping: YamlMap,
        file: str,
        problems: list[Problem],
        folder: Path | None = None,
    ):
        self.section, self.mapping, self.file = section, mapping, file
        self.problems, self.folder = problems, folder
        self.ok = True
        ident = mapping.get("id") if section != "reviews" else mapping.get("conflict")
        noun = SINGULAR[section]
        self.label = f"{noun} '{ident}'" if isinstance(ident, str) else f"this {noun}"

    def problem(self, line: int, message: str, hint: str | None) -> None:
        self.ok = False
        self.problems.append(Problem(self.file, line, message, hint))

    def values(self) -> dict[str, Any]:
        allowed = SECTIONS[self.section]
        for key in self.mapping:
            if key not in allowed:
                hint = f.did_you_mean(key, allowed) or "allowed keys: " + ", ".join(allowed)
                self.problem(
                    self.mapping.line_of(key), f"unknown key '{key}' in {self.label}", hint
                )
        values: dict[str, Any] = {}
        for key, parse in allowed.items():
            if self.mapping.get(key) is None:
                if key in REQUIRED[self.section]:
                    empty = key in self.mapping
                    self.problem(
                        self.mapping.line_of(key),
                        f"{self.label} has {'an empty' if empty else 'no'} {key}",
                        REQUIRED[self.section][key],
                    )
            elif key != VALUE:
                values[key] = self.parse(key, parse)
        return values

    def parse(self, key: str, parse: Parser) -> object:
        try:
            return parse(f.Cell.of(self.mapping, key))
        except f.AlreadyReported:
            self.ok = False
        except f.FieldError as error:
            self.problem(error.line, error.message, error.hint)
        except InvalidValue as error:
            self.problem(self.mapping.line_of(key), error.message, error.hint)
        return None

    def origin(self) -> Origin:
        return Origin(self.file, self.mapping.line)

    def keep(self, into: ParsedLedger, add: Callable[[Origin], None]) -> None:
        """Adds the record if it is sound; otherwise remembers its id as broken."""
        if self.ok:
            add(self.origin())
            return
        ident = self.mapping.raw.get("id", self.mapping.get("id"))
        if self.section != "reviews" and isinstance(ident, str) and f.ID_PATTERN.match(ident):
            line = self.mapping.line_of("id")
            into.broken.append(Broken(SINGULAR[self.section], ident, self.file, line))

    def lines(self) -> dict[str, int]:
        """The line of each key, and of each item of a list ("said_by.1")."""
        lines = dict(self.mapping.key_lines)
        for key, value in self.mapping.items():
            if isinstance(value, YamlSeq):
                lines.update((f"{key}.{n}", line) for n, line in enumerate(value.item_lines))
        return lines


def parse_file(
    root: YamlMap,
    file: str,
    into: ParsedLedger,
    problems: list[Problem],
    folder: Path | None = None,
) -> None:
    """Adds every record of one file to ``into``; problems are collected, never raised.
    ``folder`` is the ledger folder the file belongs to (default: the file's own), which
    archived texts may not leave."""
    for section, value in root.items():
        if section not in SECTIONS:
            hint = f.did_you_mean(section, SECTIONS) or "use sources:, entities:, claims:, reviews:"
            problems.append(
                Problem(file, root.line_of(section), f"unknown section '{section}'", hint)
            )
            continue
        if value is None:
            continue
        if not isinstance(value, YamlSeq):
            problems.append(
                Problem(
                    file,
                    root.line_of(section),
                    f"{section}: must be a list",
                    f"start each {SINGULAR[section]} with '- ' on its own line",
                )
            )
            continue
        for index, item in enumerate(value):
            if not isinstance(item, YamlMap):
                problems.append(
                    Problem(
                        file,
                        value.item_lines[index],
                        f"each of {section} must be a mapping, not {f.kind_name(item)}",
                        f"write the {SINGULAR[section]} as 'key: value' lines",
                    )
                )
                continue
            _BUILDERS[section](_Record(section, item, file, problems, folder), into)


def _source(rec: _Record, into: ParsedLedger) -> None:
    values = rec.values()
    archive = values.get("archive")
    if isinstance(archive, Archive) and _links_out(rec.file, archive.path, rec.folder):
        rec.problem(
            rec.mapping.line_of("archive"),
            f"archive path '{archive.path}' is a link to a file outside the ledger",
            "copy the archived text into the ledger folder instead of linking to it",
        )
    rec.keep(into, lambda o: into.sources.append(Parsed(Source(**values, origin=o), rec.lines())))


def _links_out(file: str, archive: str, folder: Path | None) -> bool:
    """Whether the archive, relative to the ledger file, resolves (through a symbolic link)
    to a place outside the ledger ``folder`` (quote-not-found reads archives within the same
    bounds). A missing file is left to quote-not-found."""
    try:
        within = (folder or Path(file).parent).resolve()
        return not (Path(file).parent / archive).resolve().is_relative_to(within)
    except (OSError, RuntimeError):  # a link loop, a path the system cannot resolve
        return True


def _entity(rec: _Record, into: ParsedLedger) -> None:
    values = rec.values()
    name, aliases = values.get("name"), values.get("aliases") or ()
    for alias in {a for a in aliases if a == name or aliases.count(a) > 1}:
        rec.problem(
            rec.mapping.line_of("aliases"),
            f"alias '{alias}' is listed twice or repeats the name",
            "list each alias once, without the canonical name",
        )
    rec.keep(into, lambda o: into.entities.append(Parsed(Entity(**values, origin=o), rec.lines())))


def _claim(rec: _Record, into: ParsedLedger) -> None:
    values = rec.values()
    prop = values.get("property")
    if prop is not None and rec.mapping.get(VALUE) is not None:
        line = rec.mapping.line_of("property")
        values[VALUE] = rec.parse(VALUE, lambda cell: parse_value(cell, prop, line))
    if values.get("unit") is not None and rec.ok and not isinstance(values[VALUE], Quantity):
        rec.problem(
            rec.mapping.line_of("unit"),
            f"{rec.label} has a unit but its value is not a number",
            "remove unit:, or give the value as a quantity",
        )
    meant = units.near_miss(values["unit"]) if values.get("unit") else None
    if meant is not None:
        rec.problem(
            rec.mapping.line_of("unit"),
            f"unknown unit '{values['unit']}'",
            f"did you mean '{meant}'? (a word unlike any unit, such as 'households', counts)",
        )
    rec.keep(into, lambda o: into.claims.append(Parsed(Claim(**values, origin=o), rec.lines())))


def _review(rec: _Record, into: ParsedLedger) -> None:
    values = rec.values()
    resolved = values.get("verdict") == Verdict.RESOLVED
    if resolved and rec.mapping.get("in_favour_of") is None:
        rec.problem(
            rec.mapping.line,
            "a 'resolved' review must say which claim stands",
            "add in_favour_of: <claim id>",
        )
    same = values.get("verdict") == Verdict.SAME_ENTITY
    for key in ("entity", "alias"):
        if not same and values.get(key) is not None and values.get("verdict"):
            rec.problem(
                rec.mapping.line_of(key),
                f"{key} goes only with verdict 'same-entity'",
                f"remove {key}:, or make the verdict 'same-entity'",
            )
    if same and (values.get("entity") is None) != (values.get("alias") is None):
        rec.problem(
            rec.mapping.line,
            "a same-entity review names both the entity and the alias",
            "add entity: <entity id> and alias: <the spelling>, or neither",
        )
    if not resolved and values.get("in_favour_of") is not None and values.get("verdict"):
        rec.problem(
            rec.mapping.line_of("in_favour_of"),
            "in_favour_of goes only with verdict 'resolved'",
            "remove in_favour_of:, or make the verdict 'resolved'",
        )
    rec.keep(into, lambda o: into.reviews.append(Parsed(Review(**values, origin=o), rec.lines())))


_BUILDERS: dict[str, Callable[[_Record, ParsedLedger], None]] = {
    "sources": _source,
    "entities": _entity,
    "claims": _claim,
    "reviews": _review,
}
