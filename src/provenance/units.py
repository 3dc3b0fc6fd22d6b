"""Units of measure: which spellings name one unit, which units measure one thing, and how
to convert between them ("10 kg" and "about 22 lb" agree). Currencies are never converted
(rates change). Counted things are units too: people (person, persons, individuals, lives)
is one; families, households, homes, vehicles, buildings... are each their own, comparable
with nothing else ("families and people measure different things"). A count with no unit
counts people (``unit_of(..., count=True)``). Durations (hours, days, weeks, months, years:
ages in years) are one dimension and convert."""

from __future__ import annotations

import difflib
from dataclasses import replace
from functools import lru_cache

from provenance.model import Quantity

_DAY = 86400.0
_YEAR = 365.2425 * _DAY  # the Gregorian calendar's mean year

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
    "min": ("duration", 60.0),
    "h": ("duration", 3600.0),
    "day": ("duration", _DAY),
    "week": ("duration", 7 * _DAY),
    "month": ("duration", _YEAR / 12),
    "year": ("duration", _YEAR),
    "%": ("share", 1.0),
    "USD": ("USD", 1.0),
    "EUR": ("EUR", 1.0),
    "GBP": ("GBP", 1.0),
    "AFN": ("AFN", 1.0),
    "PKR": ("PKR", 1.0),
}
_CURRENCY_UNITS = frozenset({"USD", "EUR", "GBP", "AFN", "PKR"})

COUNTED: dict[str, tuple[str, ...]] = {
    "people": ("person", "persons", "individual", "individuals", "lives"),
    "families": ("family",),
    "households": ("household",),
    "homes": ("home", "house", "houses", "dwelling", "dwellings"),
    "vehicles": ("vehicle",),
    "buildings": ("building",),
    "beds": ("bed",),
    "graves": ("grave",),
    "villages": ("village",),
    "schools": ("school",),
    "shops": ("shop",),
}
"""Counted things, each its own unit (its canonical name, then its other spellings): a
number of families is never compared with a number of people, or of households."""
_UNITS |= {unit: (unit, 1.0) for unit in COUNTED}

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
    "hr": "h",
    "hrs": "h",
    "minute": "min",
    "minutes": "min",
    "mins": "min",
    "days": "day",
    "weeks": "week",
    "wk": "week",
    "wks": "week",
    "months": "month",
    "mo": "month",
    "years": "year",
    "yr": "year",
    "yrs": "year",
    "years old": "year",
    "year-old": "year",
    "years of age": "year",
    "percent": "%",
    "per cent": "%",
    "percentage": "%",
    "pct": "%",
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
_SPELLINGS |= {spelling: unit for unit, spellings in COUNTED.items() for spelling in spellings}


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
    "kilograms"), or None: a word unlike any unit ("rockets") is a counting unit."""
    if is_known(unit):
        return None
    word = " ".join(unit.strip().lower().split())
    close = difflib.get_close_matches(word, [*_UNITS, *_SPELLINGS], n=1, cutoff=0.8)
    return close[0] if close else None


def is_counted(unit: str | None) -> bool:
    """A unit of counted things (people, families, homes...), whose numbers are whole."""
    return canonical(unit) in COUNTED


def unit_of(quantity: Quantity, written: str | None, *, count: bool = False) -> str | None:
    """A claim's unit: the one the analyst wrote, else the one in the report's words; a
    count (``count=True``) with neither counts people."""
    found = canonical(written) or canonical(quantity.unit)
    return "people" if found is None and count else found


def comparable(a: str | None, b: str | None, *, count: bool = False) -> bool:
    """Two units measure the same thing. A missing unit is taken to be the other's, except
    on a count (``count=True``), where it is people: families and people never compare."""
    if count:
        a, b = a or "people", b or "people"
    if a is None or b is None or a == b:
        return True
    return a in _UNITS and b in _UNITS and _UNITS[a][0] == _UNITS[b][0]


def why_not_comparable(a: str | None, b: str | None, *, count: bool = False) -> str | None:
    """Why two units cannot be compared, in words ("families and people measure different
    things"), or None when they can. Units are given canonically (see :func:`canonical`)."""
    if comparable(a, b, count=count):
        return None
    a, b = a or "people", b or "people"  # only a count leaves a missing unit incomparable
    if a in _CURRENCY_UNITS and b in _CURRENCY_UNITS:
        return f"{a} and {b} are different currencies (never converted: rates change)"
    return f"{_label(a)} and {_label(b)} measure different things"


def _label(unit: str) -> str:
    """A unit named for a message: "families", "kg (mass)"."""
    dimension = _UNITS[unit][0] if unit in _UNITS else unit
    return unit if dimension == unit else f"{unit} ({dimension})"


def convert(quantity: Quantity, unit: str | None, to: str | None) -> Quantity | None:
    """The quantity in unit ``to`` (None when the units measure different things)."""
    if unit is None or to is None or unit == to:
        return quantity
    if not comparable(unit, to):
        return None
    factor = _UNITS[unit][1] / _UNITS[to][1]

    def scaled(bound: float | None) -> float | None:
        return None if bound is None else bound * factor

    best = scaled(quantity.best)
    return replace(
        quantity, low=scaled(quantity.low), high=scaled(quantity.high), unit=to, best=best
    )
