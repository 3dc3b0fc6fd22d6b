"""Tests for units (provenance.units): spellings, counted things as units of their own,
durations, comparability with the reason in words, and conversion."""

from __future__ import annotations

import pytest

from provenance import units
from provenance.model import Quantity
from provenance.quantities import parse_quantity


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("people", "people"),
        ("People", "people"),
        ("persons", "people"),
        ("person", "people"),
        ("individuals", "people"),
        ("lives", "people"),
        ("families", "families"),
        ("family", "families"),
        ("Households", "households"),
        ("household", "households"),
        ("homes", "homes"),
        ("houses", "homes"),
        ("house", "homes"),
        ("vehicles", "vehicles"),
        ("buildings", "buildings"),
        ("beds", "beds"),
        ("graves", "graves"),
        ("years", "year"),
        ("year", "year"),
        ("yrs", "year"),
        ("years old", "year"),
        ("months", "month"),
        ("weeks", "week"),
        ("days", "day"),
        ("hours", "h"),
        # regressions: spellings that were known before keep their unit
        ("kilograms", "kg"),
        ("$", "USD"),
        ("per cent", "%"),
        ("  square   miles ", "mi2"),
        ("rockets", "rockets"),  # an unknown word is kept, lower-cased
        (None, None),
        ("  ", None),
    ],
)
def test_canonical(written: str | None, canonical: str | None) -> None:
    assert units.canonical(written) == canonical


@pytest.mark.parametrize(
    ("unit", "counted"),
    [
        ("people", True),
        ("families", True),
        ("house", True),
        ("graves", True),
        ("years", False),
        ("kg", False),
        ("%", False),
        ("rockets", False),  # unknown: not known to be whole
        (None, False),
    ],
)
def test_is_counted(unit: str | None, counted: bool) -> None:
    assert units.is_counted(unit) is counted


@pytest.mark.parametrize(
    ("a", "b", "count", "expected"),
    [
        ("people", "people", False, True),
        ("families", "families", False, True),
        ("families", "people", False, False),
        ("households", "families", False, False),
        ("homes", "buildings", False, False),
        ("vehicles", "people", False, False),
        ("year", "day", False, True),
        ("month", "week", False, True),
        ("year", "people", False, False),
        ("kg", "lb", False, True),
        ("kg", "m", False, False),
        ("USD", "EUR", False, False),
        ("rockets", "people", False, False),
        # a missing unit is the other's, except on a count, where it is people
        (None, "families", False, True),
        (None, "families", True, False),
        (None, "people", True, True),
        (None, None, True, True),
        ("families", None, True, False),
        ("kg", None, False, True),
    ],
)
def test_comparable(a: str | None, b: str | None, count: bool, expected: bool) -> None:
    assert units.comparable(a, b, count=count) is expected
    assert units.comparable(b, a, count=count) is expected


@pytest.mark.parametrize(
    ("a", "b", "count", "reason"),
    [
        ("families", "people", False, "families and people measure different things"),
        ("households", "families", False, "households and families measure different things"),
        (None, "homes", True, "people and homes measure different things"),
        ("year", "people", False, "year (duration) and people measure different things"),
        ("kg", "m", False, "kg (mass) and m (length) measure different things"),
        (
            "USD",
            "EUR",
            False,
            "USD and EUR are different currencies (never converted: rates change)",
        ),
        ("rockets", "people", False, "rockets and people measure different things"),
        ("people", "people", False, None),
        ("year", "day", False, None),
        (None, "families", False, None),
    ],
)
def test_why_not_comparable(a: str | None, b: str | None, count: bool, reason: str | None) -> None:
    assert units.why_not_comparable(a, b, count=count) == reason


@pytest.mark.parametrize(
    ("written", "words", "count", "unit"),
    [
        (None, "50", True, "people"),  # a count with no unit counts people
        (None, "50", False, None),
        ("families", "50", True, "families"),
        ("persons", "50", True, "people"),
        (None, "$50", False, "USD"),
        (None, "40%", True, "%"),
    ],
)
def test_unit_of(written: str | None, words: str, count: bool, unit: str | None) -> None:
    assert units.unit_of(parse_quantity(words), written, count=count) == unit


@pytest.mark.parametrize(
    ("words", "unit", "to", "low", "high"),
    [
        ("25", "year", "day", 25 * 365.2425, 25 * 365.2425),
        ("2 to 3", "week", "day", 14, 21),
        ("18", "month", "year", 1.5, 1.5),
        ("22", "lb", "kg", 9.97903214, 9.97903214),
    ],
)
def test_convert(words: str, unit: str, to: str, low: float, high: float) -> None:
    converted = units.convert(parse_quantity(words), unit, to)
    assert converted is not None and converted.unit == to
    assert (converted.low, converted.high) == pytest.approx((low, high))


def test_convert_keeps_a_best_estimate_in_step() -> None:
    q = Quantity("1-3, best 2", 1, 3, "estimate", best=2)
    converted = units.convert(q, "week", "day")
    assert converted is not None and converted.best == pytest.approx(14)


@pytest.mark.parametrize(
    ("unit", "to"), [("families", "people"), ("year", "people"), ("USD", "EUR")]
)
def test_convert_refuses_different_things(unit: str, to: str) -> None:
    assert units.convert(parse_quantity("50"), unit, to) is None


@pytest.mark.parametrize(
    ("unit", "meant"),
    [("familes", "families"), ("housholds", "households"), ("yaers", "years"), ("rockets", None)],
)
def test_near_miss(unit: str, meant: str | None) -> None:
    assert units.near_miss(unit) == meant
