"""The ledger's record types: the keys each may hold (in the order export writes them) and how
a located YAML mapping becomes a Source, Entity, Claim, Review, Scope or property declaration,
with every problem kept."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from provenance import units
from provenance.errors import InvalidValue, Problem
from provenance.ledger import fields as f
from provenance.ledger.reader import YamlMap, YamlSeq
from provenance.ledger.values import parse_parts, parse_value
from provenance.model import (
    Archive,
    Claim,
    Entity,
    Ledger,
    Origin,
    Polarity,
    PropertySpec,
    Quantity,
    Reliability,
    Review,
    Scope,
    Source,
    SourceKind,
    Tally,
    Unnamed,
    ValueKind,
    Verdict,
)
from provenance.properties import PropertyBook

R = TypeVar("R", Source, Entity, Claim, Review, Scope, PropertySpec)
Parser = Callable[[f.Cell], object]
VALUE = "value"  # parsed after the claim's property, which decides its kind
PARTS = "parts"  # parsed after it too: a count's parts are whole numbers
QUESTIONED = {
    "unverified": Polarity.QUESTIONED,
    "unsubstantiated": Polarity.QUESTIONED,
    "evidence disputed": Polarity.QUESTIONED,
}

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
    "cites": f.identifiers,
    "mentions": f.mentions,
    "notes": f.text,
}
ENTITY_FIELDS: dict[str, Parser] = {
    "id": f.identifier,
    "kind": f.ENTITY_KIND,
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
    "period": f.timespan,
    "polarity": f.choice(Polarity, "polarity", QUESTIONED),
    "stance": f.text,
    "said_by": f.speaker_refs,
    "source": f.identifier,
    "quote": f.quote,
    "locator": f.text,
    "mentions": f.mentions,
    "confidence": f.confidence,
    "contradicts": f.identifiers,
    "supersedes": f.identifier,
    PARTS: f.text,
    "parts_complete": f.flag,
    "notes": f.text,
}
SCOPE_FIELDS: dict[str, Parser] = {
    "id": f.identifier,
    "name": f.text,
    "within": f.identifier,
    "aliases": f.texts,
    "notes": f.text,
}
PROPERTY_FIELDS: dict[str, Parser] = {
    "id": f.property_name,
    "kind": f.choice(ValueKind, "value kind"),
    "description": f.text,
    "single_valued": f.flag,
    "count": f.flag,
    "tally": f.choice(Tally, "tally (running or state)"),
    "within": lambda cell: tuple(f.property_name(c) for c in cell.items()),
    "sum_of": lambda cell: tuple(f.property_name(c) for c in cell.items()),
    "attribution": f.flag,
    "unit": f.text,
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
    "scopes": {"id": "give the scope a short id such as 'civilians'"},
    "properties": {
        "id": "give the property its name, such as 'prisoners-escaped'",
        "kind": "add kind: quantity, entity, date or text",
    },
}
SINGULAR = {
    "sources": "source",
    "entities": "entity",
    "claims": "claim",
    "reviews": "review",
    "scopes": "scope",
    "properties": "property",
}
SECTIONS: dict[str, dict[str, Parser]] = {
    "scopes": SCOPE_FIELDS,
    "properties": PROPERTY_FIELDS,
    "sources": SOURCE_FIELDS,
    "entities": ENTITY_FIELDS,
    "claims": CLAIM_FIELDS,
    "reviews": REVIEW_FIELDS,
}
DECLARATIONS = ("scopes", "properties")
"""Sections read before the others of a file (and their files before other files): a
declared property decides how the claims using it are read."""


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
    scopes: list[Parsed[Scope]] = field(default_factory=list)
    properties: list[Parsed[PropertySpec]] = field(default_factory=list)
    broken: list[Broken] = field(default_factory=list)

    def extend(self, other: ParsedLedger) -> None:
        """Adds another part's records (another file's) after these."""
        for name in (*SECTIONS, "broken"):
            getattr(self, name).extend(getattr(other, name))

    def ledger(self) -> Ledger:
        return Ledger(
            sources=tuple(p.record for p in self.sources),
            entities=tuple(p.record for p in self.entities),
            claims=tuple(p.record for p in self.claims),
            reviews=tuple(p.record for p in self.reviews),
            scopes=tuple(p.record for p in self.scopes),
            properties=tuple(p.record for p in self.properties),
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
            elif key not in (VALUE, PARTS):
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
    book: PropertyBook | None = None,
) -> None:
    """Adds every record of one file to ``into``; problems are collected, never raised.
    ``folder`` is the ledger folder the file belongs to (default: the file's own), which
    archived texts may not leave; ``book`` the properties known so far, which the file's
    own declarations join (read first)."""
    book = book if book is not None else PropertyBook()
    ordered = sorted(root.items(), key=lambda item: item[0] not in DECLARATIONS)
    for section, value in ordered:
        if section not in SECTIONS:
            hint = f.did_you_mean(section, SECTIONS) or "use " + ", ".join(
                f"{s}:" for s in SECTIONS
            )
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
            record = _Record(section, item, file, problems, folder)
            if section == "claims":
                _claim(record, into, book)
            elif section == "properties":
                _property(record, into, book)
            else:
                _BUILDERS[section](record, into)


def _source(rec: _Record, into: ParsedLedger) -> None:
    values = rec.values()
    if "reliability" not in values:  # left out: cannot be judged, and said so
        values["reliability"], values["reliability_given"] = Reliability.F, False
    _check_citations(rec, values)
    archive = values.get("archive")
    if isinstance(archive, Archive) and _links_out(rec.file, archive.path, rec.folder):
        rec.problem(
            rec.mapping.line_of("archive"),
            f"archive path '{archive.path}' is a link to a file outside the ledger",
            "copy the archived text into the ledger folder instead of linking to it",
        )
    rec.keep(into, lambda o: into.sources.append(Parsed(Source(**values, origin=o), rec.lines())))


def _check_citations(rec: _Record, values: dict[str, Any]) -> None:
    """A source cites other sources, never itself, and a source it repeats (derived_from)
    is not also one it merely cites."""
    cites, derived = values.get("cites") or (), values.get("derived_from") or ()
    if values.get("id") in cites:
        rec.problem(
            rec.mapping.line_of("cites"),
            f"{rec.label} cites itself",
            "cites: names the other sources this one quotes or relies on",
        )
    for both in sorted(set(cites) & set(derived)):
        rec.problem(
            rec.mapping.line_of("cites"),
            f"{rec.label} both cites and derives from '{both}'",
            "keep it under derived_from: if the source repeats it, under cites: if it only "
            "quotes it for some of what it says",
        )


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


def _claim(rec: _Record, into: ParsedLedger, book: PropertyBook) -> None:
    values = rec.values()
    prop = values.get("property")
    if prop is not None and rec.mapping.get(VALUE) is not None:
        line, unit = rec.mapping.line_of("property"), values.get("unit")
        values[VALUE] = rec.parse(
            VALUE, lambda cell: parse_value(cell, prop, line, unit, book.specs)
        )
    speakers = values.pop("said_by", None) or ()
    values["said_by"] = tuple(s for s in speakers if isinstance(s, str))
    values["unnamed"] = tuple(s for s in speakers if isinstance(s, Unnamed))
    if rec.mapping.get(PARTS) is not None:
        if not isinstance(values.get(VALUE), Quantity):
            rec.problem(
                rec.mapping.line_of(PARTS),
                f"{rec.label} has parts but its value is not a number",
                "remove parts:, or give the value as a quantity",
            )
        else:
            spec = book.get(prop) if prop is not None else None
            count = bool(spec and spec.count) or units.is_counted(values.get("unit"))
            values[PARTS] = rec.parse(PARTS, lambda cell: parse_parts(cell, count))
    elif values.get("parts_complete"):
        rec.problem(
            rec.mapping.line_of("parts_complete"),
            f"{rec.label} says its parts are complete but gives none",
            "add parts: {scope: figure, ...}, or remove parts_complete:",
        )
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


def _scope(rec: _Record, into: ParsedLedger) -> None:
    values = rec.values()
    values.setdefault("name", values.get("id"))
    if values.get("within") is not None and values.get("within") == values.get("id"):
        rec.problem(
            rec.mapping.line_of("within"),
            f"{rec.label} is within itself",
            "name the larger scope it is a part of, or remove within:",
        )
    rec.keep(into, lambda o: into.scopes.append(Parsed(Scope(**values, origin=o), rec.lines())))


def _property(rec: _Record, into: ParsedLedger, book: PropertyBook) -> None:
    values = rec.values()
    kind = values.get("kind")
    quantity_only = ("count", "tally", "within", "sum_of", "unit")
    if kind is not None and kind is not ValueKind.QUANTITY:
        for key in quantity_only:
            if rec.mapping.get(key) is not None:
                rec.problem(
                    rec.mapping.line_of(key),
                    f"{key} goes only with kind: quantity",
                    f"remove {key}:, or make the property's kind quantity",
                )
    if values.get("attribution") and kind is not None and kind is not ValueKind.ENTITY:
        rec.problem(
            rec.mapping.line_of("attribution"),
            "attribution goes only with kind: entity",
            "remove attribution:, or make the property's kind entity",
        )
    meant = units.near_miss(values["unit"]) if values.get("unit") else None
    if meant is not None:
        rec.problem(
            rec.mapping.line_of("unit"),
            f"unknown unit '{values['unit']}'",
            f"did you mean '{meant}'? (a word unlike any unit, such as 'households', counts)",
        )
    for key in ("within", "sum_of"):
        if values.get("id") in (values.get(key) or ()):
            rec.problem(
                rec.mapping.line_of(key),
                f"{rec.label} names itself in {key}",
                "name other properties",
            )

    def add(origin: Origin) -> None:
        spec = PropertySpec(**values, origin=origin)
        book.declare(spec)
        into.properties.append(Parsed(spec, rec.lines()))

    rec.keep(into, add)


_BUILDERS: dict[str, Callable[[_Record, ParsedLedger], None]] = {
    "sources": _source,
    "entities": _entity,
    "scopes": _scope,
    "reviews": _review,
}
