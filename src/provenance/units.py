"""Units of measure: which spellings name one unit, which units measure one thing, and how
to convert between them ("10 kg" and "about 20 lb" agree). Currencies are never converted
(rates change); counting words such as "people" and "persons" are one unit."""

from __future__ import annotations

import difflib
from dataclasses import replace
from functools import lru_cache

from provenance.model import Quantity

# unit -> (dimension, size in the dimension's base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "kg": ("mass", 1.0),
    "g": ("mass", 0.001),
    "t": ("mass", 1000.0),
    "lb": ("mass", 0.45359237),
    "oz": ("mass", 0.028349523125),
    "m": ("length", 1.0),
    "km": ("length", 1000.0),
    "cm": ("length", 0.01),
    "mi": ("length", 1609.344),
    "ft": ("length", 0.3048),
    "yd": ("length", 0.9144),
    "km2": ("area", 1e6),
    "m2": ("area", 1.0),
    "ha": ("area", 1e4),
    "mi2": ("area", 2589988.110336),
    "l": ("volume", 1.0),
    "gal": ("volume", 3.785411784),
    "h": ("duration", 3600.0),
    "min": ("duration", 60.0),
    "day": ("duration", 86400.0),
    "%": ("share", 1.0),
    "people": ("people", 1.0),
    "USD": ("USD", 1.0),
    "EUR": ("EUR", 1.0),
    "GBP": ("GBP", 1.0),
    "AFN": ("AFN", 1.0),
    "PKR": ("PKR", 1.0),
}
_SPELLINGS: dict[str, str] = {
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "gram": "g",
    "grams": "g",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "ounce": "oz",
    "ounces": "oz",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "centimetre": "cm",
    "mile": "mi",
    "miles": "mi",
    "foot": "ft",
    "feet": "ft",
    "yard": "yd",
    "yards": "yd",
    "sq km": "km2",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "km²": "km2",
    "hectare": "ha",
    "hectares": "ha",
    "sq mi": "mi2",
    "square miles": "mi2",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "gallon": "gal",
    "gallons": "gal",
    "hour": "h",
    "hours": "h",
    "minute": "min",
    "minutes": "min",
    "days": "day",
    "percent": "%",
    "per cent": "%",
    "percentage": "%",
    "pct": "%",
    "persons": "people",
    "person": "people",
    "individuals": "people",
    "lives": "people",
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "eur": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "afghani": "AFN",
    "afghanis": "AFN",
    "afn": "AFN",
    "pkr": "PKR",
    "rupees": "PKR",
}


def canonical(unit: str | None) -> str | None:
    """The unit's canonical name; an unknown unit is kept, lower-cased and trimmed."""
    if unit is None or not unit.strip():
        return None
    text = " ".join(unit.strip().split())
    if text in _UNITS:
        return text
    lowered = text.lower()
    return _SPELLINGS.get(lowered) or (lowered.upper() if lowered.upper() in _UNITS else lowered)


def is_known(unit: str) -> bool:
    """A unit this module can compare and convert (any spelling of it)."""
    return canonical(unit) in _UNITS


@lru_cache(maxsize=4096)
def near_miss(unit: str) -> str | None:
    """The known spelling an unknown unit was probably meant to be ("kilogramms" ->
    "kilograms"), or None: a word unlike any unit ("households") is a counting unit."""
    if is_known(unit):
        return None
    word = " ".join(unit.strip().lower().split())
    close = difflib.get_close_matches(word, [*_UNITS, *_SPELLINGS], n=1, cutoff=0.8)
    return close[0] if close else None


def unit_of(quantity: Quantity, written: str | None) -> str | None:
    """A claim's unit: the one the analyst wrote, else the one in the report's words."""
    return canonical(written) or canonical(quantity.unit)


def comparable(a: str | None, b: str | None) -> bool:
    """Two units measure the same thing (a missing unit is taken to be the other's)."""
    if a is None or b is None or a == b:
        return True
    return a in _UNITS and b in _UNITS and _UNITS[a][0] == _UNITS[b][0]


def convert(quantity: Quantity, unit: str | None, to: str | None) -> Quantity | None:
    """The quantity in unit ``to`` (None when the units measure different things)."""
    if unit is None or to is None or unit == to:
        return quantity
    if not comparable(unit, to):
        return None
    factor = _UNITS[unit][1] / _UNITS[to][1]

    def scaled(bound: float | None) -> float | None:
        return None if bound is None else bound * factor

    return replace(quantity, low=scaled(quantity.low), high=scaled(quantity.high), unit=to)
