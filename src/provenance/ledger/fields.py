"""Parsers for single ledger fields: each takes a located YAML value and returns a domain
value, or raises InvalidValue saying what is wrong and how to write it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import PurePosixPath
from typing import TypeVar

from provenance import confidence as conf
from provenance import dates
from provenance.errors import InvalidValue
from provenance.ledger.compose import REFUSED, YamlMap, YamlSeq
from provenance.model import (
    Archive,
    Confidence,
    EntityKind,
    Mention,
    Reliability,
    TimeSpan,
    Unnamed,
)

ID_PATTERN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9]|[-_.](?=[A-Za-z0-9])){0,99}$")
CONFLICT_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9:._-]{0,127}$")
PROPERTY_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
SHA256_PATTERN = re.compile(r"^[0-9a-f]{64}$")
URL_PATTERN = re.compile(r"^(?:https?|ftp)://[^\s]+$")
MAX_QUOTE = 250

T = TypeVar("T")
E = TypeVar("E", bound=StrEnum)


class AlreadyReported(Exception):
    """A value the YAML reader refused (and reported): the record fails, nothing more is said."""


class FieldError(InvalidValue):
    """An invalid value at a known line inside a field (an item of a list)."""

    def __init__(self, message: str, hint: str | None, line: int) -> None:
        super().__init__(message, hint)
        self.line = line


@dataclass(frozen=True, slots=True)
class Cell:
    """One field of a record: its key, value, line and (for plain scalars) raw text."""

    key: str
    value: object
    line: int
    raw: str | None = None

    @classmethod
    def of(cls, mapping: YamlMap, key: str) -> Cell:
        value = mapping.get(key)
        if value is REFUSED:
            raise AlreadyReported(key)
        return cls(key, value, mapping.line_of(key), mapping.raw.get(key))

    def items(self) -> Iterator[Cell]:
        """The field as a list of cells: a single scalar counts as a list of one."""
        if isinstance(self.value, YamlSeq):
            for index, item in enumerate(self.value):
                yield Cell(self.key, item, self.value.item_lines[index], self.value.raw.get(index))
        else:
            yield self


def kind_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, YamlMap):
        return "a mapping"
    if isinstance(value, YamlSeq):
        return "a list"
    if value is None:
        return "empty"
    return "text"


def article(noun: str) -> str:
    """'a' or 'an' for the noun (by its first letter, which serves the nouns used here)."""
    return "an" if noun[:1].lower() in "aeiou" else "a"


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def _in_item(cell: Cell, parse: Callable[[Cell], T]) -> T:
    if cell.value is REFUSED:
        raise AlreadyReported(cell.key)
    try:
        return parse(cell)
    except FieldError:
        raise
    except InvalidValue as error:
        raise FieldError(error.message, error.hint, cell.line) from error


def inner(mapping: YamlMap, key: str, parse: Callable[[Cell], T]) -> T:
    """A key of a nested mapping, with its problems reported at that key's own line."""
    return _in_item(Cell.of(mapping, key), parse)


def text(cell: Cell) -> str:
    value = cell.value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return cell.raw if cell.raw is not None else str(value)
    if not isinstance(value, str):
        raise InvalidValue(f"{cell.key} must be text, not {kind_name(value)}", _quote_hint(value))
    if not value.strip():
        raise InvalidValue(f"{cell.key} is empty", f"write the {cell.key} or remove the key")
    return value


def _quote_hint(value: object) -> str:
    if isinstance(value, YamlMap):
        return "a ': ' inside text starts a mapping; put the text in quotes"
    return "write it as text, in quotes if it looks like something else"


def identifier(cell: Cell) -> str:
    value = text(cell)
    if ID_PATTERN.match(value):
        return value
    plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    hint = "ids are letters, digits and - _ . (at most 100)"
    raise InvalidValue(
        f"'{value}' is not a valid id", f"{hint}, e.g. '{slug}'" if slug and slug != value else hint
    )


def identifiers(cell: Cell) -> tuple[str, ...]:
    return tuple(_in_item(item, identifier) for item in cell.items())


def texts(cell: Cell) -> tuple[str, ...]:
    return tuple(_in_item(item, text) for item in cell.items())


def conflict_reference(cell: Cell) -> str:
    value = text(cell)
    if not CONFLICT_ID_PATTERN.match(value):
        raise InvalidValue(
            f"'{value}' is not a conflict id", "copy the id that `provenance check` prints"
        )
    return value


def property_name(cell: Cell) -> str:
    value = text(cell)
    if not PROPERTY_PATTERN.match(value):
        raise InvalidValue(
            f"'{value}' is not a property name",
            "properties are lower-case words joined by hyphens, e.g. 'killed', 'territory-share'",
        )
    return value


def choice(enum: type[E], label: str, synonyms: dict[str, E] | None = None) -> Callable[[Cell], E]:
    def parse(cell: Cell) -> E:
        value = text(cell)
        key = value.strip().lower()
        if synonyms and key in synonyms:
            return synonyms[key]
        for member in enum:
            if member.value.lower() == key:
                return member
        options = [member.value for member in enum]
        hint = did_you_mean(key, options) or "use one of: " + ", ".join(options)
        raise InvalidValue(f"'{value}' is not {article(label)} {label}", hint)

    return parse


_GRADE = choice(Reliability, "reliability grade (Admiralty A-F)")


def reliability(cell: Cell) -> Reliability:
    """An Admiralty reliability grade; 'B2' (grade and credibility together) is explained."""
    value = cell.value
    if isinstance(value, str) and re.fullmatch(r"[A-Fa-f][1-6]", value.strip()):
        grade, credibility = value.strip()[0].upper(), value.strip()[1]
        raise InvalidValue(
            f"'{value}' combines reliability and credibility",
            f"write reliability: {grade} on the source, and confidence: "
            f"{{credibility: {credibility}}} on the claims it reports",
        )
    return _GRADE(cell)


_FLAGGED_DATE_HINT = "write {date: 2020-03-25, approximate: true, inferred: true}"


def timespan(cell: Cell) -> TimeSpan:
    """A date or period, or a mapping that also says whether it is approximate or inferred
    ({date: 2020-03-25, approximate: true, inferred: true})."""
    value = cell.value
    if isinstance(value, YamlMap):
        return _flagged_timespan(value, cell.key)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InvalidValue(
            f"{cell.key} must be a date or period, not {kind_name(value)}",
            "write 2017-08-05, 2017-08, 2017 or a period such as 2015/2018",
        )
    return dates.parse_timespan(value)


def _flagged_timespan(mapping: YamlMap, key: str) -> TimeSpan:
    _no_other_keys(mapping, ("date", *dates.SPAN_FLAGS), key)
    if mapping.get("date") is None:
        raise InvalidValue(f"{key} has no date:", _FLAGGED_DATE_HINT)
    if isinstance(mapping.get("date"), YamlMap):
        raise FieldError(
            "date must be a date or period, not a mapping",
            _FLAGGED_DATE_HINT,
            mapping.line_of("date"),
        )
    span = inner(mapping, "date", timespan)
    flags = {key: inner(mapping, key, _flag) for key in dates.SPAN_FLAGS if key in mapping}
    return dates.flagged(span, **flags)


def flag(cell: Cell) -> bool:
    """true or false."""
    return _flag(cell)


def _flag(cell: Cell) -> bool:
    if not isinstance(cell.value, bool):
        raise InvalidValue(
            f"{cell.key} must be true or false, not {kind_name(cell.value)}",
            f"write {cell.key}: true, or leave it out",
        )
    return cell.value


def instant(cell: Cell) -> datetime:
    value = cell.value
    if not isinstance(value, str | datetime):
        raise InvalidValue(
            f"{cell.key} must be a date and time, not {kind_name(value)}",
            "write it as 2026-11-21T10:00:00Z",
        )
    return dates.parse_instant(value)


def language(cell: Cell) -> str:
    value = text(cell)
    if not LANGUAGE_PATTERN.match(value):
        raise InvalidValue(f"'{value}' is not a language code", "use a code such as en, ps, fa-AF")
    return value


def url(cell: Cell) -> str:
    value = text(cell)
    if not URL_PATTERN.match(value):
        raise InvalidValue(f"'{value}' is not a web address", "write the full https:// address")
    return value


def quote(cell: Cell) -> str:
    value = text(cell)
    if len(value) > MAX_QUOTE:
        raise InvalidValue(
            f"quote is {len(value)} characters long (at most {MAX_QUOTE})",
            "quote a short fragment (about 12 words); say the rest in your own words in notes",
        )
    return value


def archive(cell: Cell) -> Archive:
    value = cell.value
    if isinstance(value, str):
        return Archive(_archive_path(value))
    hint = "write archive: {path: archive/report.txt, sha256: <64 hex digits>}"
    if not isinstance(value, YamlMap):
        raise InvalidValue(
            f"archive must be a path or a mapping with path:, not {kind_name(value)}", hint
        )
    if value.get("path") is None:
        raise InvalidValue("archive has no path:", hint)
    _no_other_keys(value, ("path", "sha256"), "archive")
    path = inner(value, "path", lambda c: _archive_path(text(c)))
    sha = value.get("sha256")
    if sha is not None and not (isinstance(sha, str) and SHA256_PATTERN.match(sha)):
        raise FieldError(
            "archive sha256 must be 64 lower-case hex digits",
            "compute it with `sha256sum FILE`",
            value.line_of("sha256"),
        )
    return Archive(path, sha if isinstance(sha, str) else None)


def _archive_path(value: str) -> str:
    path = PurePosixPath(value.replace("\\", "/"))
    if not value.strip() or path == PurePosixPath("."):
        raise InvalidValue("archive path is empty", "give the path of the archived text")
    drive = re.match(r"^[A-Za-z]:", value) is not None
    if drive or path.is_absolute() or ".." in path.parts or value.startswith("~"):
        raise InvalidValue(
            f"archive path '{value}' points outside the ledger",
            "keep archived texts inside the ledger folder and give a relative path",
        )
    return str(path)


def _no_other_keys(mapping: YamlMap, allowed: tuple[str, ...], label: str) -> None:
    for key in mapping:
        if key not in allowed:
            hint = did_you_mean(key, allowed) or "allowed: " + ", ".join(allowed)
            raise FieldError(f"unknown key '{key}' in {label}", hint, mapping.line_of(key))


def mentions(cell: Cell) -> tuple[Mention, ...]:
    return tuple(_in_item(item, _mention) for item in cell.items())


def _mention(cell: Cell) -> Mention:
    value = cell.value
    hint = "write - {name: Mirsa Olang, entity: mirza-olang}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise InvalidValue(
            f"a mention is a name as the source spells it, not the number {cell.raw or value}",
            "put a name that is a number in quotes ('1400'), or " + hint[0].lower() + hint[1:],
        )
    if isinstance(value, str):
        return Mention(text(cell))
    if not isinstance(value, YamlMap):
        raise InvalidValue(
            f"a mention must be a name or a mapping with name:, not {kind_name(value)}", hint
        )
    if value.get("name") is None:
        raise InvalidValue("this mention has no name:", hint)
    _no_other_keys(value, ("name", "entity", "kind"), "a mention")
    name = inner(value, "name", text)
    kind = inner(value, "kind", ENTITY_KIND) if value.get("kind") is not None else None
    if value.get("entity") is None:
        return Mention(name, None, kind)
    if kind is not None:
        raise FieldError(
            "a mention of a known entity takes its kind from the entity",
            "remove kind:, or remove entity: to leave the name for the checker",
            value.line_of("kind"),
        )
    return Mention(name, inner(value, "entity", identifier))


ENTITY_KIND = choice(EntityKind, "entity kind", {"organization": EntityKind.ORGANISATION})


def speaker_refs(cell: Cell) -> tuple[str | Unnamed, ...]:
    """Who said it: entity ids, or speakers the source describes without naming them
    ({unnamed: a local official, of: afghan-interior-ministry})."""
    return tuple(_in_item(item, _speaker) for item in cell.items())


_UNNAMED_HINT = "write - {unnamed: a local official} (and of: <organisation id> if it says)"


def _speaker(cell: Cell) -> str | Unnamed:
    value = cell.value
    if not isinstance(value, YamlMap):
        return identifier(cell)
    _no_other_keys(value, ("unnamed", "of"), f"a speaker of {cell.key}")
    if value.get("unnamed") is None:
        raise InvalidValue(f"this speaker of {cell.key} has no unnamed: description", _UNNAMED_HINT)
    description = inner(value, "unnamed", text)
    of = inner(value, "of", identifier) if value.get("of") is not None else None
    return Unnamed(description, of)


def confidence(cell: Cell) -> Confidence:
    value = cell.value
    if isinstance(value, bool):
        raise InvalidValue("confidence must not be true/false", _CONFIDENCE_HINT)
    if isinstance(value, int | float):
        return conf.make_confidence(probability=_probability(value))
    if isinstance(value, str):
        return _confidence_word(value)
    if isinstance(value, YamlMap):
        _no_other_keys(value, ("probability", "term", "credibility"), "confidence")
        if all(value.get(k) is None for k in ("probability", "term", "credibility")):
            raise InvalidValue("confidence is empty", _CONFIDENCE_HINT)
        return conf.make_confidence(
            probability=_number_or_none(value, "probability"),
            term=inner(value, "term", text) if value.get("term") is not None else None,
            credibility=_credibility(value),
        )
    raise InvalidValue(f"confidence must not be {kind_name(value)}", _CONFIDENCE_HINT)


_CONFIDENCE_HINT = (
    "write a probability (0.8), a percentage ('80%'), an ICD 203 term ('likely'), "
    "or {credibility: 2} for Admiralty credibility"
)


def _confidence_word(value: str) -> Confidence:
    stripped = value.strip()
    if stripped.endswith("%"):
        try:
            return conf.make_confidence(probability=float(stripped[:-1]) / 100)
        except ValueError:
            pass
    return conf.make_confidence(term=stripped)


def _probability(value: int | float) -> float:
    """A number as a probability; one too large for a float is simply not a probability."""
    try:
        return float(value)
    except OverflowError:
        return float("inf")


def _number_or_none(mapping: YamlMap, key: str) -> float | None:
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(
            f"confidence {key} must be a number, not {kind_name(value)}",
            "write a probability between 0 and 1",
            mapping.line_of(key),
        )
    return _probability(value)


def _credibility(mapping: YamlMap) -> int | None:
    value = mapping.get("credibility")
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(
            "credibility must be a whole number from 1 to 6",
            "use 1 (confirmed) to 6 (cannot be judged)",
            mapping.line_of("credibility"),
        )
    return value
