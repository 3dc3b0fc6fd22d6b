"""Records given as command-line options (`provenance add`), shaped as the loader sees a ledger
file: one section holding one record, every text read the way an unquoted YAML scalar is, so
that an added record is checked exactly as a file's would be."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from provenance.errors import Problem
from provenance.ledger.compose import YamlMap, YamlSeq, control_character, new_map, read_plain
from provenance.ledger.schema import Parsed, ParsedLedger

ORIGIN = "command line"
"""How messages name what was given as options."""


def document(section: str, fields: Mapping[str, object]) -> YamlMap:
    """``{section: [fields]}`` as the reader would have built it (every line 0: the command
    line). Options left out (None, or an empty repeated option) are not keys."""
    root = new_map(0)
    root[section] = _sequence([fields])
    return root


def _mapping(fields: Mapping[str, object]) -> YamlMap:
    mapping = new_map(0)
    for key, value in fields.items():
        if value is None or value == () or value == []:
            continue
        mapping[key.replace("-", "_")] = _value(value)
        if isinstance(value, str):
            mapping.raw[key] = value
    return mapping


def _sequence(values: list[object] | tuple[object, ...]) -> YamlSeq:
    items = YamlSeq(_value(v) for v in values)
    items.line, items.item_lines, items.raw = 0, [0] * len(items), {}
    return items


def _value(value: object) -> object:
    if isinstance(value, Mapping):
        return _mapping(value)
    if isinstance(value, list | tuple):
        return _sequence(value)
    return read_plain(value) if isinstance(value, str) else value


def refused_text(fields: Mapping[str, object]) -> list[Problem]:
    """Options whose text holds a control character, which a ledger file may not hold."""
    problems = []
    for key, value in fields.items():
        for text in value if isinstance(value, list | tuple) else [value]:
            found = control_character(text) if isinstance(text, str) else None
            if found is not None:
                message, hint = found
                problems.append(Problem(ORIGIN, 0, f"--{key}: {message}", hint))
    return problems


def without_origin(parsed: ParsedLedger) -> ParsedLedger:
    """The records as the database keeps a record that no file holds: without an origin
    (so that `export -o DIR` writes them to the section's own file, claims.yaml ...)."""
    bare = ParsedLedger()
    for name in ("sources", "entities", "claims"):
        getattr(bare, name).extend(
            Parsed(replace(item.record, origin=None), item.lines) for item in getattr(parsed, name)
        )
    return bare


def taken(ident: str) -> Problem:
    """The id of an added record already in the database."""
    return Problem(
        ORIGIN,
        0,
        f"id '{ident}' is already in the ledger database",
        "choose another id; `provenance show ID` shows the record that has it",
    )
