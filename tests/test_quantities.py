"""Tests for reading a report's quantity words as intervals (provenance.quantities)."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance import quantities
from provenance.errors import InvalidValue
from provenance.model import Quantity
from provenance.quantities import (
    ABOUT_WIDTH,
    QUALIFIERS,
    about_interval,
    describe,
    from_estimate,
    interval_text,
    overlaps,
    parse_quantity,
    rewidened,
)

INF = None  # an unbounded end, for readability of the tables below
THIRD = 100 / 3


def reading(q: Quantity) -> tuple[object, ...]:
    return (q.qualifier, q.low, q.high, q.low_open, q.high_open, q.unit)


def contains(q: Quantity, x: float) -> bool:
    above_low = q.low is None or (q.low < x if q.low_open else q.low <= x)
    below_high = q.high is None or (x < q.high if q.high_open else x <= q.high)
    return above_low and below_high


def exact(value: float, unit: str | None = None) -> Quantity:
    return Quantity(str(value), value, value, "exact", unit=unit)


# --- exact numbers: [N, N] ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("50", 50),
        ("0", 0),
        ("4,000", 4000),
        ("1,234,567", 1234567),
        ("1,234.5", 1234.5),
        ("2.5", 2.5),
        (".5", 0.5),
        ("80 000", 80000),
        ("80\u00a0000", 80000),  # no-break space
        ("80\u2009000", 80000),  # thin space
        ("80\u202f000", 80000),  # narrow no-break space
        ("1 000 000", 1000000),
        ("1.5 million", 1500000),
        ("1.5 Million", 1500000),
        ("4 billion", 4000000000),
        ("1 trillion", 1000000000000),
        ("50k", 50000),
        ("50 K", 50000),
        ("3m", 3000000),
        ("3 mn", 3000000),
        ("2bn", 2000000000),
        ("2 BN", 2000000000),
        ("1 tn", 1000000000000),
        ("1.1 million", 1100000),
        ("ten", 10),
        ("Ten", 10),
        ("zero", 0),
        ("nineteen", 19),
        ("twenty", 20),
        ("ninety", 90),
        ("twenty-five", 25),
        ("twenty five", 25),
        ("ninety-nine", 99),
        ("a hundred", 100),
        ("one hundred", 100),
        ("five hundred", 500),
        ("a thousand", 1000),
        ("ten thousand", 10000),
        ("a hundred thousand", 100000),
        ("a million", 1000000),
        ("three million", 3000000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("  50  ", 50),
    ],
)
def test_exact_numbers(words: str, value: float) -> None:
    assert reading(parse_quantity(words)) == ("exact", value, value, False, False, None)


@pytest.mark.parametrize(
    ("words", "value", "unit"),
    [
        ("40 percent", 40, "%"),
        ("40 per cent", 40, "%"),
        ("40%", 40, "%"),
        ("40 %", 40, "%"),
        ("12.5%", 12.5, "%"),
        ("$50", 50, "USD"),
        ("US$50", 50, "USD"),
        ("USD 50", 50, "USD"),
        ("50 USD", 50, "USD"),
        ("$1.5 million", 1500000, "USD"),
        ("€2.5m", 2500000, "EUR"),
        ("EUR 10", 10, "EUR"),
        ("£300k", 300000, "GBP"),
        ("GBP 300", 300, "GBP"),
        ("half", 50, "%"),
        ("a half", 50, "%"),
        ("a quarter", 25, "%"),
        ("three quarters", 75, "%"),
        ("three-quarters", 75, "%"),
    ],
)
def test_units(words: str, value: float, unit: str) -> None:
    assert reading(parse_quantity(words)) == ("exact", value, value, False, False, unit)


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("a third", THIRD),
        ("one third", THIRD),
        ("two thirds", 2 * THIRD),
        ("two-thirds", 2 * THIRD),
    ],
)
def test_fractions_are_percentages(words: str, value: float) -> None:
    q = parse_quantity(words)
    assert (q.qualifier, q.unit) == ("exact", "%")
    assert q.low == q.high == pytest.approx(value)


def test_words_are_kept_exactly_as_given() -> None:
    assert parse_quantity("  Over 50 ").words == "  Over 50 "
    assert parse_quantity("80\u202f000").words == "80\u202f000"


def test_yaml_numbers() -> None:
    assert parse_quantity(50) == Quantity("50", 50, 50, "exact")
    assert parse_quantity(2.5) == Quantity("2.5", 2.5, 2.5, "exact")
    assert parse_quantity(-3, signed=True) == Quantity("-3", -3, -3, "exact")


@pytest.mark.parametrize("value", [True, None, math.nan, math.inf, -math.inf, [50]])
def test_yaml_values_that_are_not_numbers(value: object) -> None:
    with pytest.raises(InvalidValue):
        parse_quantity(value)  # type: ignore[arg-type]


# --- qualifiers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "qualifier", "low", "high", "low_open", "high_open"),
    [
        # over N → (N, ∞)
        ("over 50", "over", 50, INF, True, False),
        ("OVER 50", "over", 50, INF, True, False),
        ("  over   50 ", "over", 50, INF, True, False),
        ("more than 50", "over", 50, INF, True, False),
        ("above 50", "over", 50, INF, True, False),
        ("in excess of 50", "over", 50, INF, True, False),
        ("upwards of 50", "over", 50, INF, True, False),
        ("exceeding 50", "over", 50, INF, True, False),
        # at least N → [N, ∞)
        ("at least 50", "at-least", 50, INF, False, False),
        ("no fewer than 50", "at-least", 50, INF, False, False),
        ("no less than 50", "at-least", 50, INF, False, False),
        ("not less than 50", "at-least", 50, INF, False, False),
        ("a minimum of 50", "at-least", 50, INF, False, False),
        ("50 or more", "at-least", 50, INF, False, False),
        ("50+", "at-least", 50, INF, False, False),
        ("1,000+", "at-least", 1000, INF, False, False),
        # under N → [0, N)
        ("fewer than 200", "under", 0, 200, False, True),
        ("less than 200", "under", 0, 200, False, True),
        ("under 200", "under", 0, 200, False, True),
        ("below 200", "under", 0, 200, False, True),
        # at most N → [0, N]
        ("up to 20", "at-most", 0, 20, False, False),
        ("at most 20", "at-most", 0, 20, False, False),
        ("no more than 20", "at-most", 0, 20, False, False),
        ("not more than 20", "at-most", 0, 20, False, False),
        ("a maximum of 20", "at-most", 0, 20, False, False),
        ("20 or fewer", "at-most", 0, 20, False, False),
        ("20 or less", "at-most", 0, 20, False, False),
        # the hedges of reporting that say the same as one already read
        ("a total of 30", "exact", 30, 30, False, False),
        ("exactly 30", "exact", 30, 30, False, False),
        ("well over 100", "over", 100, INF, True, False),
        ("just over 100", "over", 100, INF, True, False),
        ("slightly more than 100", "over", 100, INF, True, False),
        ("well under 20", "under", 0, 20, False, True),
        ("100 or so", "about", 96, 104, False, False),
        ("in the region of 300", "about", 288, 312, False, False),
        # as many as N → [0.9 N, N]: a figure that reaches N, not a bare ceiling
        ("as many as 800", "as-many-as", 720, 800, False, False),
        ("as high as 80", "as-many-as", 72, 80, False, False),
        ("as much as 2 million", "as-many-as", 1_800_000, 2_000_000, False, False),
        # almost N → [0.9 N, N)
        ("almost a hundred", "almost", 90, 100, False, True),
        ("nearly 300", "almost", 270, 300, False, True),
        ("close to 300", "almost", 270, 300, False, True),
        ("just under 300", "almost", 270, 300, False, True),
        ("approaching 300", "almost", 270, 300, False, True),
        # about N → [N - 4%, N + 4%] (was ±10% before the about width)
        ("about 4,000", "about", 3840, 4160, False, False),
        ("around 4,000", "about", 3840, 4160, False, False),
        ("roughly 80,000", "about", 76800, 83200, False, False),
        ("approximately 50", "about", 48, 52, False, False),
        ("approx. 50", "about", 48, 52, False, False),
        ("some 50", "about", 48, 52, False, False),
        ("an estimated 50", "about", 48, 52, False, False),
        ("estimated 50", "about", 48, 52, False, False),
        ("an approximate 50", "about", 48, 52, False, False),
        ("circa 50", "about", 48, 52, False, False),
        ("c. 50", "about", 48, 52, False, False),
        ("c.50", "about", 48, 52, False, False),
        ("~50", "about", 48, 52, False, False),
        ("~ 50", "about", 48, 52, False, False),
        ("about 1.5 million", "about", 1440000, 1560000, False, False),
        ("about a dozen", "about", 11.52, 12.48, False, False),
        ("approximately 300", "about", 288, 312, False, False),
        ("approximately 330", "about", 316.8, 343.2, False, False),
        # floor: a verified count is at least N → [N, ∞)
        ("documented 50", "floor", 50, INF, False, False),
        ("verified 50", "floor", 50, INF, False, False),
        ("confirmed 50", "floor", 50, INF, False, False),
        ("known 50", "floor", 50, INF, False, False),
        ("50 confirmed", "floor", 50, INF, False, False),
        ("50 documented", "floor", 50, INF, False, False),
        ("50 verified", "floor", 50, INF, False, False),
        ("50 Known", "floor", 50, INF, False, False),
    ],
)
def test_qualifiers(
    words: str, qualifier: str, low: float, high: float | None, low_open: bool, high_open: bool
) -> None:
    q = parse_quantity(words)
    assert (q.qualifier, q.low_open, q.high_open, q.unit) == (qualifier, low_open, high_open, None)
    assert q.low == pytest.approx(low)
    assert q.high == (None if high is None else pytest.approx(high))


@pytest.mark.parametrize(
    ("words", "qualifier", "low", "high", "low_open", "high_open", "unit"),
    [
        ("around a third", "about", 32, 104 / 3, False, False, "%"),
        ("about 40 percent", "about", 38.4, 41.6, False, False, "%"),
        ("almost half", "almost", 45, 50, False, True, "%"),
        ("nearly two thirds", "almost", 60, 200 / 3, False, True, "%"),
        ("over half", "over", 50, INF, True, False, "%"),
        ("up to 20%", "at-most", 0, 20, False, False, "%"),
        ("over $50 million", "over", 50000000, INF, True, False, "USD"),
        ("more than €1bn", "over", 1000000000, INF, True, False, "EUR"),
    ],
)
def test_qualifiers_with_units(
    words: str,
    qualifier: str,
    low: float,
    high: float | None,
    low_open: bool,
    high_open: bool,
    unit: str,
) -> None:
    q = parse_quantity(words)
    assert (q.qualifier, q.low_open, q.high_open, q.unit) == (qualifier, low_open, high_open, unit)
    assert q.low == pytest.approx(low)
    assert q.high == (None if high is None else pytest.approx(high))


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("-5", ("exact", -5, -5, False, False, None)),
        ("−5", ("exact", -5, -5, False, False, None)),  # a minus sign
        ("over -5", ("over", -5, None, True, False, None)),
        ("under -5", ("under", None, -5, False, True, None)),
        ("fewer than 200", ("under", None, 200, False, True, None)),
        ("up to 20", ("at-most", None, 20, False, False, None)),
        ("about -50", ("about", -52, -48, False, False, None)),
        ("nearly -50", ("almost", -50, -45, True, False, None)),
        ("-10 to -5", ("range", -10, -5, False, False, None)),
        ("-10--5", ("range", -10, -5, False, False, None)),
        ("-10 - 5", ("range", -10, 5, False, False, None)),
        ("-3 to 2 million", ("range", -3000000, 2000000, False, False, None)),
    ],
)
def test_signed(words: str, expected: tuple[object, ...]) -> None:
    assert reading(parse_quantity(words, signed=True)) == expected


# --- ranges: [A, B] -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "low", "high", "unit"),
    [
        ("30-40", 30, 40, None),
        ("30–40", 30, 40, None),
        ("30 — 40", 30, 40, None),
        ("30 - 40", 30, 40, None),
        ("30 to 40", 30, 40, None),
        ("between 30 and 40", 30, 40, None),
        ("Between 30 And 40", 30, 40, None),
        ("from 30 to 40", 30, 40, None),
        ("30-30", 30, 30, None),
        ("1 to 3 trillion", 1000000000000, 3000000000000, None),
        ("$1 to $3 trillion", 1000000000000, 3000000000000, "USD"),
        ("between $1 and $3 trillion", 1000000000000, 3000000000000, "USD"),
        ("1.5-2 million", 1500000, 2000000, None),
        ("10 to 20 thousand", 10000, 20000, None),
        ("two to three hundred", 200, 300, None),
        ("five to ten thousand", 5000, 10000, None),
        ("500,000 to 1 million", 500000, 1000000, None),
        ("500 million to 1 billion", 500000000, 1000000000, None),
        ("twenty-thirty", 20, 30, None),
        ("twenty-five to thirty", 25, 30, None),
        ("30-40%", 30, 40, "%"),
        ("30% to 40%", 30, 40, "%"),
        ("4,000-5,000", 4000, 5000, None),
    ],
)
def test_ranges(words: str, low: float, high: float, unit: str | None) -> None:
    assert reading(parse_quantity(words)) == ("range", low, high, False, False, unit)


def test_range_of_fractions() -> None:
    q = parse_quantity("a third to a half")
    assert (q.qualifier, q.unit, q.high) == ("range", "%", 50)
    assert q.low == pytest.approx(THIRD)


# --- vague counts: a fixed interval each -----------------------------------------------------


@pytest.mark.parametrize(
    ("words", "qualifier", "low", "high"),
    [
        ("a few", "a-few", 2, 5),
        ("a handful", "a-handful", 2, 5),
        ("a handful of", "a-handful", 2, 5),
        ("several", "several", 3, 9),
        ("dozens", "dozens", 24, 99),
        ("Dozens of", "dozens", 24, 99),
        ("several dozen", "several-dozen", 36, 99),
        ("scores", "scores", 40, 199),
        ("scores of", "scores", 40, 199),
        ("hundreds", "hundreds", 200, 999),
        ("hundreds of", "hundreds", 200, 999),
        ("several hundred", "several-hundred", 300, 999),
        ("thousands", "thousands", 2000, 9999),
        ("several thousand", "several-thousand", 3000, 9999),
        ("tens of thousands", "tens-of-thousands", 20000, 99999),
        ("hundreds of thousands", "hundreds-of-thousands", 200000, 999999),
        ("millions", "millions", 2000000, 9999999),
        ("millions of", "millions", 2000000, 9999999),
    ],
)
def test_vague_counts(words: str, qualifier: str, low: float, high: float) -> None:
    assert reading(parse_quantity(words)) == (qualifier, low, high, False, False, None)


# --- errors -----------------------------------------------------------------------------------


def error(words: str | int | float, *, signed: bool = False) -> InvalidValue:
    with pytest.raises(InvalidValue) as caught:
        parse_quantity(words, signed=signed)
    return caught.value


@pytest.mark.parametrize(
    ("words", "hint"),
    [
        ("40-30", "write the smaller number first: 30-40"),
        ("40 to 30", "write the smaller number first: 30 to 40"),
        ("between 40 and 30", "write the smaller number first: between 30 and 40"),
        ("from 40 to 30", "write the smaller number first: from 30 to 40"),
    ],
)
def test_backwards_range(words: str, hint: str) -> None:
    problem = error(words)
    assert problem.message == f"range {words} runs backwards"
    assert problem.hint == hint


@pytest.mark.parametrize("words", ["-5", "−5", "about -50", "-10 to -5", "5--10", "under -5", -5])
def test_negative_needs_signed(words: str | int) -> None:
    problem = error(words)
    assert "negative" in problem.message
    assert problem.hint is not None and "counts cannot be negative" in problem.hint


@pytest.mark.parametrize(
    ("words", "tail"),
    [
        ("over 50 people", "people"),
        ("50 people", "people"),
        ("dozens of people", "people"),
        ("about 4,000 civilians killed", "civilians killed"),
        ("$5 million dollars", "dollars"),
    ],
)
def test_trailing_words(words: str, tail: str) -> None:
    problem = error(words)
    assert f"'{tail}'" in problem.message
    assert problem.hint is not None and "`unit` or `scope`" in problem.hint


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("lots", "cannot read 'lots' as a quantity"),
        ("many", "cannot read 'many' as a quantity"),
        ("fifty-ish", "cannot read 'fifty-ish' as a quantity"),
        ("over", "cannot read 'over' as a quantity"),
        ("wildly over 50", "'wildly' is not a known qualifier"),
        ("approximately-ish 50", "'approximately-ish' is not a known qualifier"),
        ("over several hundred", "'over' cannot qualify 'several hundred'"),
        ("at least 50+", "'at least' cannot qualify '50+'"),
        ("$40%", "cannot read '$40%' as a quantity"),
        ("1e6", "cannot read '1e6' as a quantity"),
    ],
)
def test_not_understood(words: str, message: str) -> None:
    problem = error(words)
    assert message in problem.message
    assert problem.hint is not None and "over N" in problem.hint and "30-40" in problem.hint


@pytest.mark.parametrize("words", ["", "   ", "\t\n"])
def test_empty(words: str) -> None:
    assert error(words).message == "the quantity is empty"


@pytest.mark.parametrize("words", ["4,00", "1,5", "30,40", "1,0000", "1,000,00", "2,5 million"])
def test_bad_comma(words: str) -> None:
    problem = error(words)
    assert "comma" in problem.message
    assert problem.hint is not None and "point (1.5)" in problem.hint


@pytest.mark.parametrize("words", ["nearly 30-40", "almost between 3 and 4", "just under 30 to 40"])
def test_a_qualifier_that_does_not_hedge_a_range(words: str) -> None:
    problem = error(words)
    assert problem.message == f"'{words}' puts a qualifier on a range that does not hedge it"
    assert problem.hint is not None and "(30-40)" in problem.hint


@pytest.mark.parametrize("words", ["under 0", "almost 0", "less than zero"])
def test_readings_without_any_value(words: str) -> None:
    assert "leaves no possible value" in error(words).message


@pytest.mark.parametrize("words", ["800 to 1.2 million", "3 to 1 trillion"])
def test_ambiguous_multiplier(words: str) -> None:
    problem = error(words)
    assert "ambiguous" in problem.message
    assert problem.hint is not None and "both ends" in problem.hint


def test_range_mixing_units() -> None:
    assert "mixes units (USD and EUR)" in error("$5 to €6").message


def test_too_large() -> None:
    assert "too large" in error("1" + "0" * 400).message


# --- counts are whole ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "qualifier", "low", "high"),
    [
        ("over 50", "over", 51, INF),
        ("more than 40-50", "over", 41, INF),
        ("fewer than 10", "under", 0, 9),
        ("under 9.5", "under", 0, 9),
        ("at least 2.5", "at-least", 3, INF),
        ("up to 9.5", "at-most", 0, 9),
        ("almost 50", "almost", 45, 49),
        ("around 235", "about", 226, 244),  # 235 ± 9.4, rounded inward
        ("about 12", "about", 11, 13),  # 12 ± 0.48, but at least ± 1 for a count
        ("about 1", "about", 0, 2),
        ("about 0", "about", 0, 1),
        ("approximately 300", "about", 288, 312),
        ("approximately 330", "about", 317, 343),
        ("about 300-400", "about-range", 288, 416),
        ("2.5-4.5", "range", 3, 4),
        ("50", "exact", 50, 50),
        ("dozens", "dozens", 24, 99),
        ("some", "exists", 1, INF),
        ("confirmed 12", "floor", 12, INF),
        ("50-61, best 57", "estimate", 50, 61),
    ],
)
def test_counts_are_whole(words: str, qualifier: str, low: float, high: float | None) -> None:
    q = parse_quantity(words, count=True)
    assert reading(q) == (qualifier, low, high, False, False, None)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (50, ("exact", 50, 50, False, False, None)),
        ("about 40%", ("about", 38.4, 41.6, False, False, "%")),  # a unit: a measure, not a count
        ("over $2.5 million", ("over", 2500000, None, True, False, "USD")),
    ],
)
def test_counts_leave_numbers_with_units_alone(
    words: str | int, expected: tuple[object, ...]
) -> None:
    q = parse_quantity(words, count=True)
    assert (q.qualifier, q.low, q.high, q.low_open, q.high_open, q.unit) == pytest.approx(expected)


@pytest.mark.parametrize("words", ["2.5", "between 2.3 and 2.7", "over 2 and", 2.5])
def test_a_count_with_no_whole_number_is_refused(words: str | float) -> None:
    try:
        parse_quantity(words, count=True)
    except InvalidValue as problem:
        if "whole number" in problem.message:
            assert problem.hint is not None and "a count is a whole number" in problem.hint
            return
        assert words == "over 2 and"  # not a quantity at all: its own message
        return
    pytest.fail(f"{words!r} was read as a count")


def test_the_same_words_without_count_keep_their_fractions() -> None:
    assert reading(parse_quantity("over 50")) == ("over", 50, None, True, False, None)
    assert reading(parse_quantity("fewer than 10")) == ("under", 0, 10, False, True, None)
    assert reading(parse_quantity("2.5")) == ("exact", 2.5, 2.5, False, False, None)


# --- the about width ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "width", "count", "expected"),
    [
        (300, ABOUT_WIDTH, False, (288, 312)),
        (330, ABOUT_WIDTH, False, (316.8, 343.2)),
        (12, ABOUT_WIDTH, False, (11.52, 12.48)),
        (12, ABOUT_WIDTH, True, (11, 13)),
        (235, 0.1, True, (212, 258)),
        (235, 0.1, False, (211.5, 258.5)),
        (4000, 0, False, (4000, 4000)),
        (2.5, 0.04, False, (2.4, 2.6)),
    ],
)
def test_about_interval(n: float, width: float, count: bool, expected: tuple[float, float]) -> None:
    assert about_interval(n, width, count=count) == pytest.approx(expected)


def test_about_interval_signed() -> None:
    assert about_interval(-50, signed=True) == pytest.approx((-52, -48))
    with pytest.raises(InvalidValue, match="negative"):
        about_interval(-50)


@pytest.mark.parametrize("width", [-0.1, 1, 1.5, math.nan, True])
def test_a_bad_about_width_is_refused(width: float) -> None:
    with pytest.raises(InvalidValue, match="about width") as caught:
        about_interval(300, width)
    assert caught.value.hint is not None and "0.04" in caught.value.hint
    with pytest.raises(InvalidValue, match="about width"):
        parse_quantity("about 300", about_width=width)


@pytest.mark.parametrize(
    ("words", "count", "width", "low", "high"),
    [
        ("about 300", False, 0.1, 270, 330),
        ("about 300-400", False, 0.1, 270, 440),
        ("around 235", True, 0.1, 212, 258),
        ("about 12", True, 0.0, 11, 13),  # a count's reach is at least 1 at any width
        ("about 40%", False, 0.1, 36, 44),
    ],
)
def test_rewidened(words: str, count: bool, width: float, low: float, high: float) -> None:
    q = parse_quantity(words, count=count)
    again = rewidened(q, width)
    assert (again.words, again.qualifier, again.unit) == (q.words, q.qualifier, q.unit)
    assert (again.low, again.high) == pytest.approx((low, high))
    assert rewidened(q, ABOUT_WIDTH) == q


def test_rewidened_with_count_given() -> None:
    q = parse_quantity("about 300")  # whole bounds: taken for a count unless told
    assert (rewidened(q, 0.033).low, rewidened(q, 0.033).high) == (291, 309)
    fractions = rewidened(q, 0.033, count=False)
    assert (fractions.low, fractions.high) == pytest.approx((290.1, 309.9))


@pytest.mark.parametrize("words", ["over 50", "30-40", "nearly 300", "50-61, best 57", "some"])
def test_rewidened_leaves_other_readings_alone(words: str) -> None:
    q = parse_quantity(words)
    assert rewidened(q, 0.5) is q


# --- existence without a number --------------------------------------------------------------


@pytest.mark.parametrize(
    "words",
    ["some", "Some", "unspecified", "an unspecified number", "an unknown number", "a number of"],
)
def test_existence_without_a_number(words: str) -> None:
    q = parse_quantity(words)
    assert reading(q) == ("exists", 0, None, True, False, None)
    assert interval_text(q) == f"{words} (no number given)"
    assert "at least 1" not in describe(q) and "no number given" in describe(q)


@pytest.mark.parametrize(
    ("words", "qualifier"), [("some 50", "about"), ("a number of 50", None), ("unknown", None)]
)
def test_existence_words_are_only_whole_phrases(words: str, qualifier: str | None) -> None:
    if qualifier is None:
        assert isinstance(error(words), InvalidValue)
    else:
        assert parse_quantity(words).qualifier == qualifier


def test_only_count_words_make_a_floor() -> None:
    assert "'dead'" in error("12 confirmed dead").message


# --- hedged ranges keep both ends ------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("about 300-400", ("about-range", 288, 416, False, False, None)),
        ("around 30 to 40", ("about-range", 28.8, 41.6, False, False, None)),
        ("~ between 3 and 4", ("about-range", 2.88, 4.16, False, False, None)),
        ("about 30-40%", ("about-range", 28.8, 41.6, False, False, "%")),
        ("at least 1,200-1,500", ("at-least", 1200, None, False, False, None)),
        ("1,200-1,500 or more", ("at-least", 1200, None, False, False, None)),
        ("30-40+", ("at-least", 30, None, False, False, None)),
        ("between 40 and more than 60", ("at-least", 40, None, False, False, None)),
        ("from 40 to over 60", ("at-least", 40, None, False, False, None)),
        ("40 to at least 60", ("at-least", 40, None, False, False, None)),
        ("from 90 to 120", ("range", 90, 120, False, False, None)),
        ("more than 40-50", ("over", 40, None, True, False, None)),
        ("up to 300-400", ("at-most", 0, 400, False, False, None)),
        ("as many as 300-400", ("range", 300, 400, False, False, None)),
        ("up to 30 to 40", ("at-most", 0, 40, False, False, None)),
        ("fewer than 30-40", ("under", 0, 40, False, True, None)),
        ("confirmed 30-40", ("floor", 30, None, False, False, None)),
    ],
)
def test_hedged_ranges(words: str, expected: tuple[object, ...]) -> None:
    q = parse_quantity(words)
    assert reading(q) == pytest.approx(expected)
    assert q.words == words


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("about 400-300", "range 400-300 runs backwards"),
        ("between 60 and more than 40", "range between 60 and more than 40 runs backwards"),
        ("at least $5 to €6", "mixes units (USD and EUR)"),
        ("between 40 and about 60", "cannot read"),
        ("between 40 and up to 60", "cannot read"),
    ],
)
def test_hedged_ranges_that_are_refused(words: str, message: str) -> None:
    assert message in error(words).message


# --- best estimates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("low", "best", "high", "words", "expected"),
    [
        (50, 57, 61, "50-61, best 57", ("estimate", 50, 61, 57)),
        (50, 57, None, "at least 50, best 57", ("estimate", 50, None, 57)),
        (None, 57, 61, "up to 61, best 57", ("estimate", 0, 61, 57)),
        (None, 57, None, "best 57", ("estimate", 57, 57, 57)),
        (50, None, 61, "50-61", ("range", 50, 61, None)),
        (50, None, None, "at least 50", ("at-least", 50, None, None)),
        (None, None, 61, "up to 61", ("at-most", 0, 61, None)),
        (57, 57, 57, "57-57, best 57", ("estimate", 57, 57, 57)),
        ("1,200", 1300, "1,500", "1,200-1,500, best 1,300", ("estimate", 1200, 1500, 1300)),
        (0.5, 1.25, 2, "0.5-2, best 1.25", ("estimate", 0.5, 2, 1.25)),
        (1200000, None, 1500000, "1,200,000-1,500,000", ("range", 1200000, 1500000, None)),
    ],
)
def test_estimate(
    low: float | str | None,
    best: float | None,
    high: float | str | None,
    words: str,
    expected: tuple[object, ...],
) -> None:
    q = from_estimate(low, best, high)
    assert q.words == words
    assert (q.qualifier, q.low, q.high, q.best) == expected
    assert parse_quantity(q.words) == q  # the words read back the same


def test_estimate_signed_and_count() -> None:
    assert from_estimate(-5, -4, -3, signed=True).words == "-5 to -3, best -4"
    q = from_estimate(50.5, 57, 61.5, count=True)
    assert (q.low, q.high, q.best) == (51, 61, 57)


@pytest.mark.parametrize(
    ("low", "best", "high", "message"),
    [
        (None, None, None, "an estimate needs at least one of low, best and high"),
        (60, 57, 61, "the estimate's low 60 is above its best 57"),
        (50, 70, 61, "the estimate's best 70 is above its high 61"),
        (62, None, 61, "the estimate's low 62 is above its high 61"),
        ("about 50", 57, 61, "the estimate's low 'about 50' is not a number"),
        (50, "40%", 61, "the estimate's best '40%' is not a number"),
        (50, True, 61, "the estimate's best True is not a number"),
        (50, 57, math.inf, "the estimate's high inf is not a number"),
        (-5, 57, 61, "'low -5' is negative"),
    ],
)
def test_estimate_misuse(low: object, best: object, high: object, message: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        from_estimate(low, best, high)  # type: ignore[arg-type]
    assert caught.value.message == message
    assert caught.value.hint


@pytest.mark.parametrize(
    ("words", "message"),
    [
        ("50-61, best 70", "the estimate's best 70 is above its high 61"),
        ("up to 50, best 57", "the estimate's best 57 is above its high 50"),
        ("about 50, best 57", "'about 50' is not a low and high"),
        ("50, best 57", "'50' is not a low and high"),
        ("$50-61, best €57", "mixes units (USD and EUR)"),
    ],
)
def test_estimate_words_that_are_refused(words: str, message: str) -> None:
    assert message in error(words).message


# --- the QUALIFIERS table -------------------------------------------------------------------


def test_qualifier_table_is_well_formed() -> None:
    names = [q.name for q in QUALIFIERS]
    assert len(names) == len(set(names))
    for qualifier in QUALIFIERS:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", qualifier.name)
        assert "\n" not in qualifier.rule
        assert qualifier.rule.startswith(qualifier.phrases[0] + " → ")
        assert qualifier.name in (quantities.__doc__ or "")


def test_rules_in_words() -> None:
    rules = {q.name: q.rule for q in QUALIFIERS}
    assert rules["over"] == "over N → more than N (N excluded): (N, ∞)"
    assert rules["about"] == (
        "about N → N give or take 4% of it (at least 1 for a count): [N - 4%, N + 4%]"
    )
    assert rules["floor"] == (
        "documented N → N counted one by one, so at least N (N included): [N, ∞)"
    )
    assert rules["dozens"] == "dozens → from 24 to 99 (a fixed convention): [24, 99]"


@pytest.mark.parametrize("qualifier", QUALIFIERS, ids=lambda qualifier: qualifier.name)
def test_every_documented_phrase_is_accepted(qualifier: quantities.Qualifier) -> None:
    for phrase in qualifier.phrases:
        words = phrase.replace("N", "35").replace("A", "30").replace("B", "40")
        assert parse_quantity(words).qualifier == qualifier.name, words


# --- overlaps ---------------------------------------------------------------------------------


def qty(words: str, *, signed: bool = False) -> Quantity:
    return parse_quantity(words, signed=signed)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (qty("over 50"), qty("up to 50"), False),  # (50, ∞) and [0, 50]
        (qty("over 50"), qty("50"), False),
        (qty("50"), qty("at least 50"), True),  # [50, 50] and [50, ∞)
        (qty("up to 50"), qty("at least 50"), True),  # touching closed ends
        (qty("under 50"), qty("at least 50"), False),  # [0, 50) and [50, ∞)
        (qty("under 50"), qty("over 50"), False),
        (qty("almost a hundred"), qty("100"), False),  # [90, 100) and [100, 100]
        (qty("almost a hundred"), qty("99.5"), True),
        (qty("almost a hundred"), qty("90"), True),
        (qty("about 4,000"), qty("4,160"), True),
        (qty("about 4,000"), qty("4,161"), False),
        (qty("approximately 300"), qty("approximately 330"), False),  # [288, 312], [316.8, 343.2]
        (qty("about 300"), qty("about 320"), True),  # [288, 312], [307.2, 332.8]
        (qty("50-61, best 57"), qty("60"), True),  # a best estimate does not narrow it
        (qty("50-61, best 57"), qty("62"), False),
        (qty("some"), qty("3"), True),
        (qty("some"), qty("0"), False),  # (0, ∞): some is more than none
        (qty("confirmed 12"), qty("40"), True),
        (qty("30-40"), qty("40-50"), True),
        (qty("30-40"), qty("over 40"), False),
        (qty("dozens"), qty("50"), True),
        (qty("dozens"), qty("100"), False),
        (qty("over 50"), qty("over 1 million"), True),
        (qty("under 5", signed=True), qty("at least 5"), False),  # (-∞, 5) and [5, ∞)
        (qty("up to 5", signed=True), qty("at least 5"), True),  # (-∞, 5] and [5, ∞)
        (qty("under 5", signed=True), qty("-1,000", signed=True), True),
        (qty("40%"), qty("about 40"), True),  # a missing unit compares with any
    ],
)
def test_overlaps(a: Quantity, b: Quantity, expected: bool) -> None:
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


def test_overlaps_on_empty_intervals() -> None:
    empty = Quantity("x", 5, 5, "exact", high_open=True)
    assert overlaps(empty, qty("0-10")) is False


@pytest.mark.parametrize(
    ("a", "b", "rel_tol", "expected"),
    [
        (qty("169"), qty("170"), 0.0, False),
        (qty("169"), qty("170"), 0.01, True),  # 169 → 170.69, 170 → 168.3
        (qty("100"), qty("103"), 0.01, False),  # 101 and 101.97
        (qty("100"), qty("102"), 0.01, True),  # 101 and 100.98
        (qty("over 50"), qty("up to 50"), 0.01, True),
        (qty("over 50"), qty("up to 49"), 0.01, False),  # low 49.5, high 49.49
        (qty("under 100"), qty("110"), 0.05, True),  # 105 and 104.5
    ],
)
def test_overlaps_rel_tol(a: Quantity, b: Quantity, rel_tol: float, expected: bool) -> None:
    assert overlaps(a, b, rel_tol) is expected
    assert overlaps(b, a, rel_tol=rel_tol) is expected


@pytest.mark.parametrize("rel_tol", [-0.1, math.nan])
def test_overlaps_rejects_a_bad_tolerance(rel_tol: float) -> None:
    with pytest.raises(ValueError, match="rel_tol"):
        overlaps(qty("1"), qty("1"), rel_tol)


def test_overlaps_refuses_different_units() -> None:
    with pytest.raises(ValueError, match="USD and %"):
        overlaps(qty("$40"), qty("40%"))
    with pytest.raises(ValueError, match="EUR and USD"):
        overlaps(qty("€40"), qty("$40"))


# --- interval_text and describe ------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "text"),
    [
        ("over 50", "(50, ∞)"),
        ("at least 50", "[50, ∞)"),
        ("almost a hundred", "[90, 100)"),
        ("about 4,000", "[3,840, 4,160]"),
        ("roughly 80,000", "[76,800, 83,200]"),
        ("fewer than 200", "[0, 200)"),
        ("30-40", "[30, 40]"),
        ("2.5", "2.5"),
        ("4", "4"),
        ("30-30", "30"),
        ("about 2.5", "[2.4, 2.6]"),
        ("1,234,567", "1,234,567"),
        ("1 to 3 trillion", "[1 trillion, 3 trillion]"),
        ("$1 to $3 trillion", "[1 trillion, 3 trillion] USD"),
        ("about 1.5 million", "[1.44 million, 1.56 million]"),
        ("€2.5m", "2.5 million EUR"),
        ("2bn", "2 billion"),
        ("millions", "[2 million, 9,999,999]"),
        ("around a third", "[32%, 34.7%]"),
        ("a third", "33.3%"),
        ("about 40 percent", "[38.4%, 41.6%]"),
        ("about 5.5%", "[5.28%, 5.72%]"),
        ("about 12.34%", "[11.8%, 12.8%]"),
        ("over 150%", "(150%, ∞)"),
        ("about 300-400", "[288, 416]"),
        ("50-61, best 57", "[50, 61], best 57"),
        ("at least 50, best 57", "[50, ∞), best 57"),
        ("$50-61 million, best $57 million", "[50 million, 61 million] USD, best 57 million USD"),
        ("best 57", "57"),
        ("some", "some (no number given)"),
        ("An  unknown number", "An unknown number (no number given)"),
    ],
)
def test_interval_text(words: str, text: str) -> None:
    assert interval_text(parse_quantity(words)) == text


def test_interval_text_signed_and_hand_made() -> None:
    assert interval_text(qty("under 200", signed=True)) == "(-∞, 200)"
    assert interval_text(qty("nearly -50", signed=True)) == "(-50, -45]"
    assert interval_text(Quantity("x", 1234.5678, 1234.5678, "exact")) == "1,234.568"
    assert interval_text(Quantity("x", 5, 5, "exact", high_open=True)) == "[5, 5)"
    assert interval_text(Quantity("x", 0.0, None, "over", low_open=True)) == "(0, ∞)"


@pytest.mark.parametrize(
    ("words", "line"),
    [
        ("over 50", '"over 50" read as more than 50 (50 excluded): (50, ∞)'),
        ("50", '"50" read as exactly 50'),
        ("at least 50", '"at least 50" read as 50 or more (50 included): [50, ∞)'),
        ("under 200", '"under 200" read as less than 200 (200 excluded): [0, 200)'),
        ("up to 20", '"up to 20" read as at most 20 (20 included): [0, 20]'),
        (
            "almost a hundred",
            '"almost a hundred" read as just short of 100, within a tenth of it '
            "(100 excluded): [90, 100)",
        ),
        (
            "about 4,000",
            '"about 4,000" read as 4,000 give or take 4% of it (at least 1 for a count): '
            "[3,840, 4,160]",
        ),
        ("30-40", '"30-40" read as from 30 to 40, both included: [30, 40]'),
        ("dozens", '"dozens" read as from 24 to 99 (a fixed convention): [24, 99]'),
        (
            "about 40%",
            '"about 40%" read as 40% give or take 4% of it (at least 1 for a count): '
            "[38.4%, 41.6%]",
        ),
        (
            "about 300-400",
            '"about 300-400" read as from about 300 to about 400, each end give or take 4% '
            "of it: [288, 416]",
        ),
        ("up to 300-400", '"up to 300-400" read as at most 400 (400 included): [0, 400]'),
        (
            "between 40 and more than 60",
            '"between 40 and more than 60" read as 40 or more (40 included): [40, ∞)',
        ),
        (
            "50 confirmed",
            '"50 confirmed" read as 50 counted one by one, so at least 50 (50 included): [50, ∞)',
        ),
        (
            "50-61, best 57",
            '"50-61, best 57" read as a best estimate of 57, within the low and high given: '
            "[50, 61], best 57",
        ),
        ("some", '"some" read as more than none, with no number given'),
        (
            "over $5 bn",
            '"over $5 bn" read as more than 5 billion USD (5 billion USD excluded): '
            "(5 billion, ∞) USD",
        ),
    ],
)
def test_describe(words: str, line: str) -> None:
    assert describe(parse_quantity(words)) == line


def test_describe_an_unknown_rule() -> None:
    line = describe(Quantity("50-ish", 40, 60, "fuzzy"))
    assert line == "\"50-ish\" read by an unknown rule 'fuzzy': [40, 60]"


# --- properties -------------------------------------------------------------------------------

# For each bound qualifier: is N itself in the interval, and a value the rule must admit.
RULE_FOR_N = {
    "exact": (True, 1.0),
    "over": (False, 2.0),
    "at-least": (True, 2.0),
    "under": (False, 0.5),
    "at-most": (True, 0.5),
    "almost": (False, 0.95),
    "about": (True, 1.03),
    "floor": (True, 2.0),
    "as-many-as": (True, 0.95),
}
PHRASES = [(q.name, phrase) for q in QUALIFIERS if q.name in RULE_FOR_N for phrase in q.phrases]

integers = st.integers(1, 10**12)
written_numbers = st.one_of(
    integers.map(str),
    integers.map(lambda n: f"{n:,}"),
    st.integers(1, 10**9).map(lambda n: f"{n / 100:.2f}"),
    st.integers(1, 10**9).map(lambda n: f"{n / 100:,.2f}"),
)


@given(st.sampled_from(PHRASES), written_numbers)
def test_each_rule_places_n_as_documented(phrase: tuple[str, str], number: str) -> None:
    name, words = phrase
    n = float(number.replace(",", ""))
    result = parse_quantity(words.replace("N", number))
    assert result.qualifier == name
    if result.low is not None and result.high is not None:
        assert result.low <= result.high
    includes_n, factor = RULE_FOR_N[name]
    assert contains(result, n) is includes_n
    assert contains(result, n * factor)


@given(written_numbers, written_numbers, st.sampled_from(QUALIFIERS[7].phrases))
def test_ranges_hold_both_ends(first: str, second: str, phrase: str) -> None:
    a, b = sorted((first, second), key=lambda text: float(text.replace(",", "")))
    result = parse_quantity(phrase.replace("A", a).replace("B", b))
    assert result.qualifier == "range"
    assert result.low == float(a.replace(",", ""))
    assert result.high == float(b.replace(",", ""))


@given(integers)
def test_numbers_read_exactly(n: int) -> None:
    for words in (str(n), f"{n:,}", f"{n:,}".replace(",", " ")):
        assert parse_quantity(words).low == float(n)


def check_any_words(words: str) -> None:
    try:
        result = parse_quantity(words)
    except InvalidValue as problem:
        assert problem.message
        return
    if result.low is not None and result.high is not None:
        assert result.low <= result.high
    assert overlaps(result, result)
    interval_text(result)
    describe(result)


@settings(deadline=None)
@given(st.text(max_size=40))
def test_any_text_reads_or_raises_invalid_value(words: str) -> None:
    check_any_words(words)


fragments = st.sampled_from(
    [p.replace("N", "").replace("A", "").replace("B", "") for q in QUALIFIERS for p in q.phrases]
    + ["1", "50", "4,000", "4,00", "1.5", "-", "–", " ", "to", "and", "%", "$", "€", "k", "m"]
    + ["bn", "million", "a", "half", "third", "twenty", "five", "hundred", "dozen", "+", "~"]
)


@settings(deadline=None)
@given(st.lists(fragments, max_size=8))
def test_any_mix_of_known_words_reads_or_raises_invalid_value(parts: list[str]) -> None:
    check_any_words(" ".join(parts))
    check_any_words("".join(parts))


@given(st.sampled_from(PHRASES), written_numbers, st.booleans())
def test_signed_readings_are_well_formed(phrase: tuple[str, str], number: str, neg: bool) -> None:
    words = phrase[1].replace("N", ("-" if neg else "") + number)
    try:
        result = parse_quantity(words, signed=True)
    except InvalidValue:
        return
    if result.low is not None and result.high is not None:
        assert result.low <= result.high


@pytest.mark.parametrize(
    ("n", "width"),
    [(300, 0.04), (999, 0.04), (1000, 0.1), (2000, 0.1), (-5000, 0.1)],
)
def test_about_widens_for_large_numbers(n: float, width: float) -> None:
    assert quantities.about_width_for(n) == width


def test_about_width_for_never_narrows_below_the_small_width() -> None:
    assert quantities.about_width_for(5000, 0.08, 0.05) == 0.08
