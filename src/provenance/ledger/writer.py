"""Writes a ledger back as YAML or JSON, stably: records stay in the files and the order they
were read from, keys come in one fixed order, and one style is used throughout, so that a
re-export changes nothing and an edit shows as a small diff."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path, PurePosixPath
from re import Pattern
from typing import Any

import yaml

from provenance.ledger.compose import CORE_RULES
from provenance.ledger.schema import SECTIONS
from provenance.ledger.values import parts_to_yaml, timespan_to_yaml, value_to_yaml
from provenance.model import (
    Archive,
    Claim,
    Confidence,
    Entity,
    Ledger,
    Mention,
    Polarity,
    PropertySpec,
    Record,
    Review,
    Scope,
    Source,
    TimeSpan,
    Unnamed,
)
from provenance.properties import PROPERTIES, PropertyBook

FORMATS = ("yaml", "json")
DEFAULT_FILES = {
    "scopes": "scopes",
    "properties": "properties",
    "sources": "sources",
    "entities": "entities",
    "claims": "claims",
    "reviews": "reviews",
}


class _Flow(list[Any]):
    """A list written on one line: said_by: [un, afghan-government]."""


class _FlowMap(dict[str, Any]):
    """A mapping written on one line: - {name: Mirsa Olang, entity: mirza-olang}."""


Rules = dict[str, list[tuple[str, Pattern[str]]]]


def _quoting_rules() -> Rules:
    """Plain scalars that either YAML 1.1 or the ledger's reader would not read back as
    text get quoted: 'yes', '50', '1e3'. Dates are the exception: the reader keeps them as
    text, so they stay unquoted."""
    rules: Rules = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
    }
    for tag, pattern, firsts in CORE_RULES:
        for first in firsts:
            rules[first] = [*rules.get(first, []), (tag, pattern)]
    return rules


class _Dumper(yaml.SafeDumper):
    """List items indented under their key, as people write them; quoting by
    _quoting_rules."""

    yaml_implicit_resolvers = _quoting_rules()

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowMap, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)


def record_mapping(
    record: Record, specs: Mapping[str, PropertySpec] = PROPERTIES
) -> dict[str, Any]:
    """One record as a mapping with its keys in the schema's order, empty fields left out;
    ``specs`` are the properties known (a declared property's values are written plainly)."""
    section = section_of(record)
    result: dict[str, Any] = {}
    for key in SECTIONS[section]:
        value = getattr(record, key)
        if key == "said_by" and isinstance(record, Claim):
            value = (*record.said_by, *record.unnamed)
        if value is None or value == () or value is False or value == "":
            continue
        if key == "polarity" and value == Polarity.AFFIRMED:
            continue
        if key == "reliability" and isinstance(record, Source) and not record.reliability_given:
            continue
        result[key] = _field(record, key, value, specs)
    return result


def section_of(record: Record) -> str:
    if isinstance(record, Scope):
        return "scopes"
    if isinstance(record, PropertySpec):
        return "properties"
    if isinstance(record, Source):
        return "sources"
    if isinstance(record, Entity):
        return "entities"
    if isinstance(record, Claim):
        return "claims"
    return "reviews"


def _field(record: Record, key: str, value: Any, specs: Mapping[str, PropertySpec]) -> Any:
    if key == "value" and isinstance(record, Claim):
        return _flow(value_to_yaml(record.property, record.value, specs))
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, TimeSpan):
        return _flow(timespan_to_yaml(value))
    if isinstance(value, datetime):
        moment = value.astimezone(UTC).isoformat(timespec="auto")
        return moment.replace("+00:00", "Z")
    if isinstance(value, Confidence):
        return _confidence(value)
    if isinstance(value, Archive):
        return value.path if value.sha256 is None else {"path": value.path, "sha256": value.sha256}
    if key == "mentions":
        return [_mention(m) for m in value]
    if key == "said_by":
        return _Flow(_FlowMap(_unnamed(s)) if isinstance(s, Unnamed) else s for s in value)
    if key == "parts" and isinstance(record, Claim):
        return _FlowMap(parts_to_yaml(value))
    if isinstance(value, tuple):
        return _Flow(value)
    return value


def _flow(value: object) -> object:
    if isinstance(value, list):
        return _Flow(value)
    if isinstance(value, dict):
        return _FlowMap({k: _flow(v) for k, v in value.items()})
    return value


def _confidence(value: Confidence) -> object:
    parts = {"probability": value.probability, "term": value.term, "credibility": value.credibility}
    given = {k: v for k, v in parts.items() if v is not None}
    if list(given) == ["probability"] or list(given) == ["term"]:
        return next(iter(given.values()))
    return _FlowMap(given)


def _mention(mention: Mention) -> object:
    if mention.entity is not None:
        return _FlowMap(name=mention.name, entity=mention.entity)
    if mention.kind is not None:
        return _FlowMap(name=mention.name, kind=mention.kind.value)
    return mention.name


def _unnamed(speaker: Unnamed) -> dict[str, str]:
    found = {"unnamed": speaker.description}
    return found if speaker.of is None else found | {"of": speaker.of}


def _records(ledger: Ledger) -> Iterable[Record]:
    yield from ledger.scopes
    yield from ledger.properties
    yield from ledger.sources
    yield from ledger.entities
    yield from ledger.claims
    yield from ledger.reviews


def _default_name(record: Record) -> str:
    origin = record.origin
    return origin.file if origin else DEFAULT_FILES[section_of(record)] + ".yaml"


def layout(
    ledger: Ledger, name_of: Callable[[Record], str] = _default_name
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The ledger as files: file name -> section -> records, in their original order."""
    files: dict[str, dict[str, list[tuple[tuple[int, str], dict[str, Any]]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    specs = PropertyBook(ledger.properties).specs
    for record in _records(ledger):
        section = section_of(record)
        origin = record.origin
        order = (origin.line if origin else 1 << 30, _sort_key(record))
        files[name_of(record)][section].append((order, record_mapping(record, specs)))
    return {
        name: {
            s: [m for _, m in sorted(sections[s], key=lambda x: x[0])]
            for s in SECTIONS
            if s in sections
        }
        for name, sections in sorted(files.items())
    }


def _sort_key(record: Record) -> str:
    return f"{record.at.isoformat()} {record.conflict}" if isinstance(record, Review) else record.id


def dumps(document: dict[str, Any], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=1 << 16,
        default_flow_style=False,
        indent=2,
    )


def dump_stream(ledger: Ledger, fmt: str = "yaml") -> str:
    """The whole ledger as one document (the files' records one after another)."""
    merged: dict[str, list[dict[str, Any]]] = {}
    for sections in layout(ledger).values():
        for section, records in sections.items():
            merged.setdefault(section, []).extend(records)
    return dumps({s: merged[s] for s in SECTIONS if s in merged}, fmt)


def write_tree(
    ledger: Ledger, out_dir: Path, fmt: str = "yaml", keep_from: Path | None = None
) -> list[Path]:
    """Writes one file per original file under ``out_dir``, at its path below the folder
    the original files share; records without a file (added from the command line or the
    database) go to sources.yaml, entities.yaml, claims.yaml or reviews.yaml at the top.
    Nothing is ever written outside ``out_dir``. A YAML file that replaces one in
    ``keep_from`` keeps what the analyst wrote there (ledger.canonical.merged_text)."""
    prefix = _common_folder([r.origin.file for r in _records(ledger) if r.origin])

    def name_of(record: Record) -> str:
        if record.origin is None:
            return DEFAULT_FILES[section_of(record)] + ".yaml"
        path = PurePosixPath(record.origin.file)
        if prefix is not None:
            return str(path.relative_to(prefix))
        return str(PurePosixPath(*path.parts[1:])) if path.is_absolute() else str(path)

    written: list[Path] = []
    for name, sections in layout(ledger, name_of).items():
        parts = [p for p in PurePosixPath(name).parts if p not in ("", ".", "..", "/")]
        target = out_dir.joinpath(*parts)
        if fmt == "json":
            target = target.with_suffix(".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        text = dumps(dict(sections), fmt)
        earlier = keep_from.joinpath(*parts) if keep_from is not None else None
        if fmt == "yaml" and earlier is not None and earlier.is_file():
            from provenance.ledger.canonical import merged_text

            text = merged_text(earlier.read_text("utf-8-sig"), text, name)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written


def _common_folder(names: Sequence[str]) -> PurePosixPath | None:
    """The folder every file is in (the deepest one), or None when they share none."""
    folders = [PurePosixPath(n).parent.parts for n in names]
    if not folders:
        return None
    common: list[str] = []
    for parts in zip(*folders, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return PurePosixPath(*common) if common and common != ["/"] else None
