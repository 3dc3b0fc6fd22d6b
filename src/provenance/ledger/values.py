"""A claim's value in YAML, both ways. A known property decides the kind of a plain value
(``killed: over 50`` is a quantity); any property takes an explicit kind
(``value: {quantity: over 50}``, ``{entity: taliban}``, ``{date: 2017-08}``, ``{text: ...}``)."""

from __future__ import annotations

from provenance.errors import InvalidValue
from provenance.ledger import fields as f
from provenance.ledger.reader import YamlMap
from provenance.model import (
    EntityValue,
    Quantity,
    TextValue,
    TimeSpan,
    Value,
    ValueKind,
    value_kind,
)
from provenance.properties import PROPERTIES, PropertySpec
from provenance.quantities import parse_quantity

KIND_KEYS: dict[str, ValueKind] = {
    "entity": ValueKind.ENTITY,
    "entities": ValueKind.ENTITY,
    "quantity": ValueKind.QUANTITY,
    "date": ValueKind.DATE,
    "text": ValueKind.TEXT,
}
_EXPLICIT = "value: {quantity: ...}, {entity: ...}, {date: ...} or {text: ...}"


def parse_value(cell: f.Cell, prop: str, prop_line: int) -> Value:
    """The value of a claim whose property is ``prop`` (written at ``prop_line``)."""
    spec = PROPERTIES.get(prop)
    if isinstance(cell.value, YamlMap):
        kind, inner = _explicit(cell.value)
        if spec is not None and spec.kind != kind:
            raise InvalidValue(
                f"property '{prop}' takes {_a(spec.kind)} value, not {_a(kind)}",
                f"write the value as {_a(spec.kind)}, or use another property",
            )
    elif spec is None:
        close = f.did_you_mean(prop, PROPERTIES)
        raise f.FieldError(
            f"'{prop}' is not a known property, so its value must say what kind it is",
            f"{close + ' Or write ' if close else 'write '}{_EXPLICIT}",
            prop_line,
        )
    else:
        kind, inner = spec.kind, cell
    return _build(kind, inner, spec)


def _a(kind: ValueKind) -> str:
    return {
        ValueKind.ENTITY: "an entity",
        ValueKind.QUANTITY: "a quantity",
        ValueKind.DATE: "a date",
        ValueKind.TEXT: "a text",
    }[kind]


def _explicit(mapping: YamlMap) -> tuple[ValueKind, f.Cell]:
    keys = list(mapping)
    if len(keys) != 1 or keys[0] not in KIND_KEYS:
        unknown = next((k for k in keys if k not in KIND_KEYS), None)
        raise InvalidValue(
            f"a value mapping holds exactly one of {', '.join(KIND_KEYS)}"
            + (f" (found '{unknown}')" if unknown else ""),
            (f.did_you_mean(unknown, KIND_KEYS) if unknown else None)
            or (
                "inside {...} a comma starts a new key: put text with commas in quotes"
                if len(keys) > 1
                else _EXPLICIT
            ),
        )
    return KIND_KEYS[keys[0]], f.Cell.of(mapping, keys[0])


def _build(kind: ValueKind, cell: f.Cell, spec: PropertySpec | None) -> Value:
    if kind is ValueKind.ENTITY:
        return EntityValue(f.identifiers(cell))
    if kind is ValueKind.QUANTITY:
        value = cell.value
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise InvalidValue(
                f"a quantity must be a number or words such as 'over 50', not {f.kind_name(value)}",
                "write value: over 50",
            )
        words: str | int | float = (
            cell.raw if isinstance(value, int | float) and cell.raw else value
        )
        return parse_quantity(words, signed=not (spec and spec.count))
    if kind is ValueKind.DATE:
        return f.timespan(cell)
    return TextValue(f.text(cell))


def value_to_yaml(prop: str, value: Value) -> object:
    """The shortest form that reads back as the same value."""
    spec = PROPERTIES.get(prop)
    plain = _plain(value)
    if spec is not None and spec.kind == value_kind(value):
        return plain
    key = "entities" if isinstance(value, EntityValue) and len(value.ids) > 1 else value_kind(value)
    return {str(key): plain}


def _plain(value: Value) -> object:
    if isinstance(value, EntityValue):
        return value.ids[0] if len(value.ids) == 1 else list(value.ids)
    if isinstance(value, Quantity):
        return number_or_text(value.words)
    if isinstance(value, TimeSpan):
        return number_or_text(value.text)
    return value.text


def number_or_text(words: str) -> object:
    """Plain digits are written back as a number, as analysts write them (value: 50)."""
    if words.isascii() and words.isdigit() and str(int(words)) == words:
        return int(words)
    return words
