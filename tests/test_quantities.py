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
    QUALIFIERS,
    describe,
    interval_text,
    overlaps,
    parse_quantity,
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
        ("as many as 20", "at-most", 0, 20, False, False),
        ("20 or fewer", "at-most", 0, 20, False, False),
        ("20 or less", "at-most", 0, 20, False, False),
        # almost N → [0.9 N, N)
        ("almost a hundred", "almost", 90, 100, False, True),
        ("nearly 300", "almost", 270, 300, False, True),
        ("close to 300", "almost", 270, 300, False, True),
        ("just under 300", "almost", 270, 300, False, True),
        ("approaching 300", "almost", 270, 300, False, True),
        # about N → [0.9 N, 1.1 N]
        ("about 4,000", "about", 3600, 4400, False, False),
        ("around 4,000", "about", 3600, 4400, False, False),
        ("roughly 80,000", "about", 72000, 88000, False, False),
        ("approximately 50", "about", 45, 55, False, False),
        ("approx. 50", "about", 45, 55, False, False),
        ("some 50", "about", 45, 55, False, False),
        ("an estimated 50", "about", 45, 55, False, False),
        ("estimated 50", "about", 45, 55, False, False),
        ("an approximate 50", "about", 45, 55, False, False),
        ("circa 50", "about", 45, 55, False, False),
        ("c. 50", "about", 45, 55, False, False),
        ("c.50", "about", 45, 55, False, False),
        ("~50", "about", 45, 55, False, False),
        ("~ 50", "about", 45, 55, False, False),
        ("about 1.5 million", "about", 1350000, 1650000, False, False),
        ("about a dozen", "about", 10.8, 13.2, False, False),
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
        ("around a third", "about", 30, 110 / 3, False, False, "%"),
        ("about 40 percent", "about", 36, 44, False, False, "%"),
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
        ("about -50", ("about", -55, -45, False, False, None)),
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
        ("well over 50", "'well' is not a known qualifier"),
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


@pytest.mark.parametrize("words", ["about 30-40", "up to 30 to 40", "30-40+", "~ between 3 and 4"])
def test_qualifier_on_range(words: str) -> None:
    assert error(words).message == f"'{words}' puts a qualifier on a range"


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
    assert rules["about"] == "about N → N give or take a tenth of it: [0.9·N, 1.1·N]"
    assert rules["dozens"] == "dozens → from 24 to 99 (a fixed convention): [24, 99]"


@pytest.mark.parametrize("qualifier", QUALIFIERS, ids=lambda qualifier: qualifier.name)
def test_every_documented_phrase_is_accepted(qualifier: quantities.Qualifier) -> None:
    for phrase in qualifier.phrases:
        words = phrase.replace("N", "50").replace("A", "30").replace("B", "40")
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
        (qty("about 4,000"), qty("4,400"), True),
        (qty("about 4,000"), qty("4,401"), False),
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
        ("about 4,000", "[3,600, 4,400]"),
        ("roughly 80,000", "[72,000, 88,000]"),
        ("fewer than 200", "[0, 200)"),
        ("30-40", "[30, 40]"),
        ("2.5", "[2.5, 2.5]"),
        ("about 2.5", "[2.25, 2.75]"),
        ("1,234,567", "[1,234,567, 1,234,567]"),
        ("1 to 3 trillion", "[1 trillion, 3 trillion]"),
        ("$1 to $3 trillion", "[1 trillion, 3 trillion] USD"),
        ("about 1.5 million", "[1.35 million, 1.65 million]"),
        ("€2.5m", "[2.5 million, 2.5 million] EUR"),
        ("2bn", "[2 billion, 2 billion]"),
        ("millions", "[2 million, 9,999,999]"),
        ("around a third", "[30%, 36.7%]"),
        ("a third", "[33.3%, 33.3%]"),
        ("about 40 percent", "[36%, 44%]"),
        ("about 5.5%", "[4.95%, 6.05%]"),
        ("about 12.34%", "[11.1%, 13.6%]"),
        ("over 150%", "(150%, ∞)"),
    ],
)
def test_interval_text(words: str, text: str) -> None:
    assert interval_text(parse_quantity(words)) == text


def test_interval_text_signed_and_hand_made() -> None:
    assert interval_text(qty("under 200", signed=True)) == "(-∞, 200)"
    assert interval_text(qty("nearly -50", signed=True)) == "(-50, -45]"
    assert interval_text(Quantity("x", 1234.5678, 1234.5678, "exact")) == "[1,234.568, 1,234.568]"
    assert interval_text(Quantity("x", 0.0, None, "over", low_open=True)) == "(0, ∞)"


@pytest.mark.parametrize(
    ("words", "line"),
    [
        ("over 50", '"over 50" read as more than 50 (50 excluded): (50, ∞)'),
        ("50", '"50" read as exactly 50: [50, 50]'),
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
            '"about 4,000" read as 4,000 give or take a tenth of it: [3,600, 4,400]',
        ),
        ("30-40", '"30-40" read as from 30 to 40, both included: [30, 40]'),
        ("dozens", '"dozens" read as from 24 to 99 (a fixed convention): [24, 99]'),
        ("about 40%", '"about 40%" read as 40% give or take a tenth of it: [36%, 44%]'),
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
    "about": (True, 1.05),
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
