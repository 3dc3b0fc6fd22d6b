"""docs/ledger.schema.json: a JSON Schema of ledger files, written from the field
definitions the reader itself uses (ledger.schema's SECTIONS and REQUIRED, ledger.fields'
patterns and choices), so that an editor completes and validates what the reader accepts.

The schema knows each field's type and shape; what only the reader can judge (whether a
date exists, whether words make a figure, whether an id is known) it leaves to the reader."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from enum import StrEnum
from typing import Any

from provenance import dates
from provenance.ledger import fields as f
from provenance.ledger.schema import PARTS, REQUIRED, SECTIONS, SINGULAR, VALUE
from provenance.ledger.values import ESTIMATE_KEYS, KIND_KEYS

Schema = dict[str, Any]
ID = "https://example.invalid/provenance/ledger.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _pattern(regex: re.Pattern[str]) -> str:
    return regex.pattern


TEXT: Schema = {"anyOf": [{"type": "string", "pattern": r"\S"}, {"type": "number"}]}
IDENTIFIER: Schema = {"type": "string", "pattern": _pattern(f.ID_PATTERN)}
PROPERTY: Schema = {"type": "string", "pattern": _pattern(f.PROPERTY_PATTERN)}
FLAG: Schema = {"type": "boolean"}
NULL: Schema = {"type": "null"}


def one_or_list(item: Schema) -> Schema:
    """A field that takes one item or a list of them."""
    return {"anyOf": [item, {"type": "array", "items": item}]}


def closed(properties: dict[str, Schema], required: tuple[str, ...] = ()) -> Schema:
    """A mapping with only these keys."""
    schema: Schema = {"type": "object", "properties": properties, "additionalProperties": False}
    if required:
        schema["required"] = list(required)
    return schema


def either_case(word: str) -> str:
    """A regular expression for ``word`` in any letter case (JSON Schema has no flags)."""
    return "".join(
        f"[{c.upper()}{c.lower()}]" if c.upper() != c.lower() else re.escape(c) for c in word
    )


def choice_of(parse: Callable[..., object]) -> Schema:
    """The words a ``fields.choice`` parser takes: its enum's values and synonyms, in any
    case, with spaces around them, as the reader takes them."""
    found = inspect.getclosurevars(parse).nonlocals
    enum: type[StrEnum] = found["enum"]
    words = [m.value for m in enum] + list(found.get("synonyms") or {})
    alternatives = "|".join(either_case(w) for w in words)
    return {"type": "string", "pattern": rf"^\s*(?:{alternatives})\s*$", "examples": words}


DATE_WORDS: Schema = {"type": ["string", "integer"]}
TIMESPAN: Schema = {
    "anyOf": [
        DATE_WORDS,
        closed({"date": DATE_WORDS, **dict.fromkeys(dates.SPAN_FLAGS, FLAG)}, ("date",)),
    ]
}
ARCHIVE: Schema = {
    "anyOf": [
        {"type": "string", "pattern": r"\S"},
        closed(
            {
                "path": {"type": "string", "pattern": r"\S"},
                "sha256": {"type": "string", "pattern": _pattern(f.SHA256_PATTERN)},
            },
            ("path",),
        ),
    ]
}
MENTION: Schema = {
    "anyOf": [
        TEXT,
        closed({"name": TEXT, "entity": IDENTIFIER, "kind": choice_of(f.ENTITY_KIND)}, ("name",)),
    ]
}
SPEAKER: Schema = {"anyOf": [IDENTIFIER, closed({"unnamed": TEXT, "of": IDENTIFIER}, ("unnamed",))]}
CONFIDENCE: Schema = {
    "anyOf": [
        {"type": "number"},
        {"type": "string", "pattern": r"\S"},
        {
            **closed(
                {
                    "probability": {"type": "number"},
                    "term": TEXT,
                    "credibility": {"type": "integer"},
                }
            ),
            "minProperties": 1,
        },
    ]
}
FIGURE: Schema = {"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"\S"}]}
VALUE_SCHEMA: Schema = {
    "description": "Words or a number, entity ids, a date; or a mapping naming the kind "
    f"({', '.join(KIND_KEYS)}), or an estimate ({', '.join(ESTIMATE_KEYS)}).",
    "anyOf": [
        {"type": ["string", "number"]},
        {"type": "array", "items": {"type": ["string", "number"]}},
        {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "propertyNames": {"enum": list(KIND_KEYS)},
        },
        {**closed(dict.fromkeys(ESTIMATE_KEYS, FIGURE)), "minProperties": 1},
        closed({"date": DATE_WORDS, **dict.fromkeys(dates.SPAN_FLAGS, FLAG)}, ("date",)),
    ],
}
PARTS_SCHEMA: Schema = {
    "description": "The parts of a figure: a mapping of scope to figure.",
    "type": "object",
    "additionalProperties": FIGURE,
}

PARSERS: dict[object, Schema] = {
    f.identifier: IDENTIFIER,
    f.identifiers: one_or_list(IDENTIFIER),
    f.text: TEXT,
    f.texts: one_or_list(TEXT),
    f.timespan: TIMESPAN,
    f.url: {"type": "string", "pattern": _pattern(f.URL_PATTERN)},
    f.reliability: choice_of(f._GRADE),
    f.language: {"type": "string", "pattern": _pattern(f.LANGUAGE_PATTERN)},
    f.archive: ARCHIVE,
    f.mentions: one_or_list(MENTION),
    f.quote: {
        "anyOf": [
            {"type": "string", "pattern": r"\S", "maxLength": f.MAX_QUOTE},
            {"type": "number"},
        ]
    },
    f.speaker_refs: one_or_list(SPEAKER),
    f.confidence: CONFIDENCE,
    f.flag: FLAG,
    f.property_name: PROPERTY,
    f.conflict_reference: {"type": "string", "pattern": _pattern(f.CONFLICT_ID_PATTERN)},
    f.instant: {"type": "string", "pattern": r"\S"},
    f.ENTITY_KIND: choice_of(f.ENTITY_KIND),
}
SPECIAL = {VALUE: VALUE_SCHEMA, PARTS: PARTS_SCHEMA}
"""Fields the reader parses with more than their cell (the claim's property decides)."""


def field_schema(section: str, key: str, parse: Callable[..., object]) -> Schema:
    if section == "claims" and key in SPECIAL:
        return SPECIAL[key]
    if parse in PARSERS:
        return PARSERS[parse]
    if "enum" in inspect.getclosurevars(parse).nonlocals:
        return choice_of(parse)
    if "f.property_name(c) for c in cell.items()" in inspect.getsource(parse):
        return one_or_list(PROPERTY)  # a list of property names, parsed in place
    raise LookupError(f"no JSON Schema for {section}.{key}: describe its parser in PARSERS")


def record(section: str) -> Schema:
    """One record of a section: its keys in the reader's order, the required ones present
    and not empty; an optional key may be left empty (the reader reads it as absent)."""
    properties = {}
    for key, parse in SECTIONS[section].items():
        schema = field_schema(section, key, parse)
        optional = key not in REQUIRED[section]
        properties[key] = {"anyOf": [schema, NULL]} if optional else schema
    return {"title": SINGULAR[section], **closed(properties, tuple(REQUIRED[section]))}


def schema() -> Schema:
    return {
        "$schema": DIALECT,
        "$id": ID,
        "title": "provenance ledger file",
        "description": "A file of a provenance ledger: any of its sections, each a list "
        "of records. Generated by `python -m provenance.docs` from the reader's field "
        "definitions; do not edit.",
        "type": "object",
        "properties": {
            section: {"anyOf": [{"type": "array", "items": {"$ref": f"#/$defs/{section}"}}, NULL]}
            for section in SECTIONS
        },
        "additionalProperties": False,
        "$defs": {section: record(section) for section in SECTIONS},
    }


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"
