"""A claim's value in YAML, both ways. A known property decides the kind of a plain value
(``killed: over 50`` is a quantity); any property takes an explicit kind
(``value: {quantity: over 50}``, ``{entity: taliban}``, ``{date: 2017-08}``, ``{text: ...}``).
A best estimate is a mapping of low, best and high (``{low: 50, best: 57, high: 61}``), a
date may say it is approximate or inferred (``{date: 2020-03-25, inferred: true}``)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from provenance import dates, units
from provenance.errors import InvalidValue
from provenance.ledger import fields as f
from provenance.ledger.reader import YamlMap
from provenance.model import (
    EntityValue,
    Part,
    PropertySpec,
    Quantity,
    TextValue,
    TimeSpan,
    Value,
    ValueKind,
    value_kind,
)
from provenance.properties import PROPERTIES
from provenance.quantities import from_estimate, parse_quantity

KIND_KEYS: dict[str, ValueKind] = {
    "entity": ValueKind.ENTITY,
    "entities": ValueKind.ENTITY,
    "quantity": ValueKind.QUANTITY,
    "date": ValueKind.DATE,
    "text": ValueKind.TEXT,
}
ESTIMATE_KEYS = ("low", "best", "high")
_EXPLICIT = "value: {quantity: ...}, {entity: ...}, {date: ...} or {text: ...}"
_ESTIMATE_HINT = "write value: {low: 50, best: 57, high: 61} (any of them, at least one)"


NOBODY = ("nobody", "none", "no one")
UNKNOWN = "unknown"
"""Words an entity value may be instead of ids: no entity ("no group has claimed it"), or
not known ("nothing is known about the perpetrators"). They are not ids."""


def parse_value(
    cell: f.Cell,
    prop: str,
    prop_line: int,
    unit: str | None = None,
    specs: Mapping[str, PropertySpec] = PROPERTIES,
) -> Value:
    """The value of a claim whose property is ``prop`` (written at ``prop_line``); ``unit``
    is the claim's unit, which makes a quantity a count when it counts things (families);
    ``specs`` the properties known (the shipped ones and those the ledger declares)."""
    spec = specs.get(prop)
    count = bool(spec and spec.count) or units.is_counted(unit)
    if isinstance(cell.value, YamlMap):
        kind, inner = _explicit(cell)
        if spec is not None and spec.kind != kind:
            raise InvalidValue(
                f"property '{prop}' takes {_a(spec.kind)} value, not {_a(kind)}",
                f"write the value as {_a(spec.kind)}, or use another property",
            )
    elif spec is None:
        close = f.did_you_mean(prop, specs)
        raise f.FieldError(
            f"'{prop}' is not a known property, so its value must say what kind it is",
            f"{close + ' Or write ' if close else 'write '}{_EXPLICIT}, or declare the "
            "property under properties:",
            prop_line,
        )
    else:
        kind, inner = spec.kind, cell
    return _build(kind, inner, count)


def _a(kind: ValueKind) -> str:
    return {
        ValueKind.ENTITY: "an entity",
        ValueKind.QUANTITY: "a quantity",
        ValueKind.DATE: "a date",
        ValueKind.TEXT: "a text",
    }[kind]


def _explicit(cell: f.Cell) -> tuple[ValueKind, f.Cell]:
    """The kind a value mapping names, and the cell holding the value itself: an estimate
    and a date with its flags are the whole mapping."""
    mapping = cell.value
    assert isinstance(mapping, YamlMap)
    keys = list(mapping)
    if keys and any(key in ESTIMATE_KEYS for key in keys):
        return ValueKind.QUANTITY, cell
    if "date" in keys and any(key in dates.SPAN_FLAGS for key in keys):
        return ValueKind.DATE, cell
    if len(keys) != 1 or keys[0] not in KIND_KEYS:
        unknown = next((k for k in keys if k not in KIND_KEYS), None)
        raise InvalidValue(
            f"a value mapping holds exactly one of {', '.join(KIND_KEYS)}"
            + (f" (found '{unknown}')" if unknown else ""),
            (f.did_you_mean(unknown, [*KIND_KEYS, *ESTIMATE_KEYS]) if unknown else None)
            or (
                "inside {...} a comma starts a new key: put text with commas in quotes"
                if len(keys) > 1
                else _EXPLICIT
            ),
        )
    return KIND_KEYS[keys[0]], f.Cell.of(mapping, keys[0])


def _build(kind: ValueKind, cell: f.Cell, count: bool) -> Value:
    if kind is ValueKind.ENTITY:
        return _entities(cell)
    if kind is ValueKind.QUANTITY:
        return _quantity(cell, count)
    if kind is ValueKind.DATE:
        return _date(cell)
    return TextValue(f.text(cell))


_BARE_TIME = re.compile(r"^(?:around |about |c\. ?|~)?[0-2]?[0-9][:.h][0-5][0-9](?::[0-5][0-9])?$")


def _date(cell: f.Cell) -> TimeSpan:
    """A date value; a time of day written without its date is explained."""
    if isinstance(cell.value, str) and _BARE_TIME.match(cell.value.strip().lower()):
        raise InvalidValue(
            f"'{cell.value}' is a time without its date",
            f"write the date with it: '{cell.value.strip()} on 31 May 2017', or "
            "2017-05-31T18:00+04:30 with the zone where it was read",
        )
    return f.timespan(cell)


def _entities(cell: f.Cell) -> EntityValue:
    value = cell.value
    if isinstance(value, str) and value.strip().casefold() == UNKNOWN:
        return EntityValue((), unknown=True)
    if isinstance(value, str) and value.strip().casefold() in NOBODY:
        return EntityValue(())
    ids = f.identifiers(cell)
    word = next((i for i in ids if i.casefold() in (UNKNOWN, *NOBODY)), None)
    if word is not None:
        raise InvalidValue(
            f"'{word}' stands alone: it cannot be listed with entities",
            f"write value: {word.casefold()} on its own, or list only entity ids",
        )
    return EntityValue(ids)


def _quantity(cell: f.Cell, count: bool) -> Quantity:
    value = cell.value
    if isinstance(value, YamlMap) and any(key in ESTIMATE_KEYS for key in value):
        return _estimate(value, count)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidValue(
            f"a quantity must be a number or words such as 'over 50', not {f.kind_name(value)}",
            "write value: over 50",
        )
    words: str | int | float = cell.raw if isinstance(value, int | float) and cell.raw else value
    return parse_quantity(words, signed=not count, count=count)


def _estimate(mapping: YamlMap, count: bool) -> Quantity:
    """``{low: 50, best: 57, high: 61}``: a best estimate with its ends (any, at least one)."""
    for key in mapping:
        if key not in ESTIMATE_KEYS:
            hint = f.did_you_mean(key, ESTIMATE_KEYS) or _ESTIMATE_HINT
            raise f.FieldError(f"unknown key '{key}' in an estimate", hint, mapping.line_of(key))
    numbers = {key: f.inner(mapping, key, _estimate_number) for key in mapping}
    return from_estimate(**numbers, signed=not count, count=count)


def _estimate_number(cell: f.Cell) -> float | str:
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidValue(
            f"the estimate's {cell.key} must be a number, not {f.kind_name(value)}",
            _ESTIMATE_HINT,
        )
    return value


def parse_parts(cell: f.Cell, count: bool) -> tuple[Part, ...]:
    """``parts: {police: 12, civilians: 28}``: figures for parts of a claim's value, by
    scope, given in the same statement ("40 killed, of whom 12 police")."""
    mapping = cell.value
    if isinstance(mapping, YamlMap) and not mapping:
        raise InvalidValue("parts is empty", "write parts: {police: 12, civilians: 28}, or remove")
    if not isinstance(mapping, YamlMap):
        raise InvalidValue(
            f"parts must be a mapping of scope to figure, not {f.kind_name(mapping)}",
            "write parts: {police: 12, civilians: 28}",
        )
    return tuple(
        Part(scope, f.inner(mapping, scope, lambda c: _part(c, count))) for scope in mapping
    )


def _part(cell: f.Cell, count: bool) -> Quantity:
    try:
        return _quantity(cell, count)
    except InvalidValue as error:
        raise InvalidValue(f"parts: {cell.key}: {error.message}", error.hint) from error


def parts_to_yaml(parts: tuple[Part, ...]) -> dict[str, object]:
    return {part.scope: number_or_text(part.value.words) for part in parts}


def value_to_yaml(
    prop: str, value: Value, specs: Mapping[str, PropertySpec] = PROPERTIES
) -> object:
    """The shortest form that reads back as the same value, given the properties known."""
    spec = specs.get(prop)
    plain = _plain(value)
    if isinstance(plain, dict) or (spec is not None and spec.kind == value_kind(value)):
        return plain
    key = "entities" if isinstance(value, EntityValue) and len(value.ids) > 1 else value_kind(value)
    return {str(key): plain}


def _plain(value: Value) -> object:
    if isinstance(value, EntityValue):
        if not value.ids:
            return UNKNOWN if value.unknown else NOBODY[0]
        return value.ids[0] if len(value.ids) == 1 else list(value.ids)
    if isinstance(value, Quantity):
        return number_or_text(value.words)
    if isinstance(value, TimeSpan):
        return timespan_to_yaml(value)
    return value.text


def timespan_to_yaml(span: TimeSpan) -> object:
    """A date or period as written; flags its text does not carry (``approximate``,
    ``inferred``) make it a mapping: {date: 2020-03-25, inferred: true}."""
    written = number_or_text(span.text)
    said = dates.parse_timespan(span.text) if span.approximate else None
    flags = {
        "approximate": span.approximate and said is not None and not said.approximate,
        "inferred": span.inferred,
    }
    if not any(flags.values()):
        return written
    return {"date": written} | {key: True for key, on in flags.items() if on}


def number_or_text(words: str) -> object:
    """Plain digits are written back as a number, as analysts write them (value: 50)."""
    if words.isascii() and words.isdigit() and str(int(words)) == words:
        return int(words)
    return words
