"""Read a quantity in a report's own words ("over 50", "about 4,000", "30-40") as an interval.

Each qualifier has one rule, listed in ``QUALIFIERS`` and summarised here. N is the number as
written, A-B a range; a bracket includes its bound, a parenthesis excludes it, ∞ is no bound.
The words are kept untouched in ``Quantity.words``; the rule's name goes in ``qualifier``; an
unbounded end is None (its open flag False). Case and surrounding whitespace do not matter.

    qualifier              accepted words                            interval
    ---------------------  ----------------------------------------  -----------------------
    exact                  50, 4,000, 1.5 million, ten, a dozen      [N, N]
    over                   over, more than, above, in excess of,     (N, ∞)
                           upwards of, exceeding
    at-least               at least, no fewer than, no less than,    [N, ∞)
                           not less than, a minimum of, N or more, N+
    under                  under, fewer than, less than, below       [0, N); signed: (-∞, N)
    at-most                up to, at most, no more than, not more    [0, N]; signed: (-∞, N]
                           than, a maximum of, as many as,
                           N or fewer, N or less
    almost                 almost, nearly, close to, just under,     [0.9·N, N)
                           approaching
    about                  about, around, roughly, approximately,    [0.9·N, 1.1·N]
                           approx., some, (an) estimated, an
                           approximate, circa, c., ~
    range                  30-40, 30–40, 30 — 40, 30 to 40,          [A, B]
                           between 30 and 40, from 30 to 40
    a-few                  a few                                     [2, 5]
    a-handful              a handful (of)                            [2, 5]
    several                several                                   [3, 9]
    dozens                 dozens (of)                               [24, 99]
    several-dozen          several dozen                             [36, 99]
    scores                 scores (of)                               [40, 199]
    hundreds               hundreds (of)                             [200, 999]
    several-hundred        several hundred                           [300, 999]
    thousands              thousands (of)                            [2,000, 9,999]
    several-thousand       several thousand                          [3,000, 9,999]
    tens-of-thousands      tens of thousands (of)                    [20,000, 99,999]
    hundreds-of-thousands  hundreds of thousands (of)                [200,000, 999,999]
    millions               millions (of)                             [2,000,000, 9,999,999]

A number is digits ("50", "2.5", "4,000", "80 000", "1,234,567"; a comma must be followed by
exactly three digits, decimals take a point), or words ("ten", "twenty-five", "a hundred",
"one hundred", "a dozen"), optionally followed by a multiplier (hundred, thousand, million,
billion, trillion, dozen; k, m/mn, bn, tn). "%", "percent" or "per cent" after it gives unit
"%"; "$", "US$" or "USD" gives unit "USD", "€"/"EUR" gives "EUR", "£"/"GBP" gives "GBP"
(before the number, or a code after it). Fractions are percentages: half/a half 50, a third
33.3…, two thirds 66.6…, a quarter 25, three quarters 75 ("around a third" is [30, 36.7] %).

A range whose first end has no multiplier takes the second end's when the first number is
no larger than the second's ("1 to 3 trillion", "$1 to $3 trillion"); a first end of 1,000
or more stays as written ("500,000 to 1 million"); any other ("800 to 1.2 million") is
ambiguous and rejected. A qualifier on a range ("about 30-40") is rejected: the range
already says how uncertain the number is. Negative numbers are rejected unless the value
is read as signed; readings that leave no value at all ("under 0", "almost 0") are rejected.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from provenance.errors import InvalidValue
from provenance.model import Quantity

__all__ = ["QUALIFIERS", "Qualifier", "describe", "interval_text", "overlaps", "parse_quantity"]


@dataclass(frozen=True, slots=True)
class Qualifier:
    """One reading rule: its name (``Quantity.qualifier``), the phrases that invoke it, and
    what it means. In ``phrases`` N stands for the number (A and B for a range's ends);
    ``meaning`` has ``{n}`` (or ``{a}``, ``{b}``) where the number goes; ``interval`` is the
    interval in terms of N; ``bounds`` is the fixed interval of a vague count."""

    name: str
    phrases: tuple[str, ...]
    meaning: str
    interval: str
    bounds: tuple[int, int] | None = None

    @property
    def rule(self) -> str:
        """The rule in one line: "over N → more than N (N excluded): (N, ∞)"."""
        meaning = self.meaning.format(n="N", a="A", b="B")
        return f"{self.phrases[0]} → {meaning}: {self.interval}"


def _vague(name: str, phrases: tuple[str, ...], low: int, high: int) -> Qualifier:
    """A vague count ("dozens"), read as a fixed interval by house convention."""
    meaning = f"from {low:,} to {high:,} (a fixed convention)"
    return Qualifier(name, phrases, meaning, f"[{low:,}, {high:,}]", (low, high))


QUALIFIERS: tuple[Qualifier, ...] = (
    Qualifier("exact", ("N",), "exactly {n}", "[N, N]"),
    Qualifier(
        "over",
        ("over N", "more than N", "above N", "in excess of N", "upwards of N", "exceeding N"),
        "more than {n} ({n} excluded)",
        "(N, ∞)",
    ),
    Qualifier(
        "at-least",
        (
            "at least N",
            "no fewer than N",
            "no less than N",
            "not less than N",
            "a minimum of N",
            "N or more",
            "N+",
        ),
        "{n} or more ({n} included)",
        "[N, ∞)",
    ),
    Qualifier(
        "under",
        ("under N", "fewer than N", "less than N", "below N"),
        "less than {n} ({n} excluded)",
        "[0, N); signed: (-∞, N)",
    ),
    Qualifier(
        "at-most",
        (
            "up to N",
            "at most N",
            "no more than N",
            "not more than N",
            "a maximum of N",
            "as many as N",
            "N or fewer",
            "N or less",
        ),
        "at most {n} ({n} included)",
        "[0, N]; signed: (-∞, N]",
    ),
    Qualifier(
        "almost",
        ("almost N", "nearly N", "close to N", "just under N", "approaching N"),
        "just short of {n}, within a tenth of it ({n} excluded)",
        "[0.9·N, N)",
    ),
    Qualifier(
        "about",
        (
            "about N",
            "around N",
            "roughly N",
            "approximately N",
            "approx. N",
            "some N",
            "an estimated N",
            "estimated N",
            "an approximate N",
            "circa N",
            "c. N",
            "~N",
        ),
        "{n} give or take a tenth of it",
        "[0.9·N, 1.1·N]",
    ),
    Qualifier(
        "range",
        ("A-B", "A–B", "A — B", "A to B", "between A and B", "from A to B"),
        "from {a} to {b}, both included",
        "[A, B]",
    ),
    _vague("a-few", ("a few",), 2, 5),
    _vague("a-handful", ("a handful", "a handful of"), 2, 5),
    _vague("several", ("several",), 3, 9),
    _vague("dozens", ("dozens", "dozens of"), 24, 99),
    _vague("several-dozen", ("several dozen",), 36, 99),
    _vague("scores", ("scores", "scores of"), 40, 199),
    _vague("hundreds", ("hundreds", "hundreds of"), 200, 999),
    _vague("several-hundred", ("several hundred",), 300, 999),
    _vague("thousands", ("thousands", "thousands of"), 2000, 9999),
    _vague("several-thousand", ("several thousand",), 3000, 9999),
    _vague("tens-of-thousands", ("tens of thousands", "tens of thousands of"), 20000, 99999),
    _vague(
        "hundreds-of-thousands",
        ("hundreds of thousands", "hundreds of thousands of"),
        200_000,
        999_999,
    ),
    _vague("millions", ("millions", "millions of"), 2_000_000, 9_999_999),
)

_BY_NAME = {qualifier.name: qualifier for qualifier in QUALIFIERS}
_VAGUE = {p: q for q in QUALIFIERS if q.bounds is not None for p in q.phrases}
_PREFIXES = sorted(
    (
        (p[:-1].rstrip(), q.name)
        for q in QUALIFIERS
        for p in q.phrases
        if len(p) > 1 and p.endswith("N")
    ),
    key=lambda item: -len(item[0]),
)
_SUFFIXES = sorted(
    (
        (p[1:].lstrip(), q.name)
        for q in QUALIFIERS
        for p in q.phrases
        if len(p) > 1 and p.startswith("N")
    ),
    key=lambda item: -len(item[0]),
)

_FORMS_HINT = (
    "write a number (50, 4,000, 1.5 million, ten, 40%, $2 bn), a range (30-40), a qualifier "
    "and a number (" + ", ".join(q.phrases[0] for q in QUALIFIERS[1:7]) + "), "
    "or a vague count (a few, several, dozens, hundreds, …)"
)
_TRAILING_HINT = (
    "the value holds only the number and its qualifier (over 50): "
    "put what is counted in `unit` or `scope`"
)
_NEGATIVE_HINT = "counts cannot be negative; only a signed value (a change, a balance) can be"

_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_FRACTIONS = {
    "half": Fraction(50),
    "a half": Fraction(50),
    "one half": Fraction(50),
    "a third": Fraction(100, 3),
    "one third": Fraction(100, 3),
    "two thirds": Fraction(200, 3),
    "two-thirds": Fraction(200, 3),
    "a quarter": Fraction(25),
    "one quarter": Fraction(25),
    "three quarters": Fraction(75),
    "three-quarters": Fraction(75),
}
_SMALL_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"),
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen"),
)
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SMALL_RE = re.compile(r"\b(" + "|".join(reversed(_SMALL_WORDS)) + r")\b")
_TENS_RE = re.compile(
    r"\b(" + "|".join(_TENS_WORDS) + r")(?:[- ](" + "|".join(_SMALL_WORDS[1:10]) + r"))?\b"
)
_A_RE = re.compile(r"\ba (?=(?:hundred|thousand|million|billion|trillion|dozen)\b)")
_SCALES = {
    "dozen": 12,
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
}
_CURRENCIES = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
}
_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,3}(?: [0-9]{3})+|[0-9]+)(?:\.[0-9]+)?|\.[0-9]+"
_AMOUNT = re.compile(
    r"(?P<sign>-)? ?(?P<currency>us\$|\$|usd|€|eur|£|gbp)? ?"
    rf"(?P<number>{_NUMBER})"
    r" ?(?P<hundred>hundred)? ?(?P<scale>dozen|thousand|million|billion|trillion|k|mn|m|bn|tn)?"
    r" ?(?P<percent>%|percent|per cent)? ?(?P<code>usd|eur|gbp)?"
)
_BAD_COMMA = re.compile(r"[0-9],(?=[0-9])(?![0-9]{3}(?![0-9]))")
_RANGE_FORMS = (("between ", " and "), ("from ", " to "), ("", " to "), ("", "-"))


class _Interval(NamedTuple):
    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False


class _Amount(NamedTuple):
    coefficient: Fraction
    scale: int
    unit: str | None

    @property
    def value(self) -> Fraction:
        return self.coefficient * self.scale


_Reading = tuple[str, _Interval, str | None]


def _exact(n: Fraction, signed: bool) -> _Interval:
    return _Interval(n, n)


def _over(n: Fraction, signed: bool) -> _Interval:
    return _Interval(n, None, low_open=True)


def _at_least(n: Fraction, signed: bool) -> _Interval:
    return _Interval(n, None)


def _under(n: Fraction, signed: bool) -> _Interval:
    return _Interval(None if signed else Fraction(0), n, high_open=True)


def _at_most(n: Fraction, signed: bool) -> _Interval:
    return _Interval(None if signed else Fraction(0), n)


def _almost(n: Fraction, signed: bool) -> _Interval:
    near = n * 9 / 10
    return _Interval(near, n, high_open=True) if n >= 0 else _Interval(n, near, low_open=True)


def _about(n: Fraction, signed: bool) -> _Interval:
    ends = sorted((n * 9 / 10, n * 11 / 10))
    return _Interval(ends[0], ends[1])


_RULES: dict[str, Callable[[Fraction, bool], _Interval]] = {
    "exact": _exact,
    "over": _over,
    "at-least": _at_least,
    "under": _under,
    "at-most": _at_most,
    "almost": _almost,
    "about": _about,
}


def parse_quantity(words: str | int | float, *, signed: bool = False) -> Quantity:
    """Read ``words`` ("over 50", "about 4,000", "30-40", 50) as a Quantity, or raise
    InvalidValue saying why and how to write it. Negative numbers need ``signed=True``."""
    if isinstance(words, bool) or not isinstance(words, str | int | float):
        raise InvalidValue(f"{words!r} is not a quantity", _FORMS_HINT)
    if not isinstance(words, str):
        return _from_number(words, signed)
    text = re.sub(r"\s+", " ", words.translate(_DASHES).lower()).strip()
    if not text:
        raise InvalidValue("the quantity is empty", _FORMS_HINT)
    bad_comma = _BAD_COMMA.search(text)
    if bad_comma is not None:
        raise InvalidValue(
            f"'{text}' has a comma that does not separate thousands",
            "a comma must be followed by exactly three digits (4,000); "
            "write decimals with a point (1.5) and ranges with a dash (30-40)",
        )
    reading = _attempt(text, signed)
    if reading is None:
        raise _not_understood(text, signed)
    return _quantity(words, text, *reading)


def _from_number(value: int | float, signed: bool) -> Quantity:
    """A number YAML already read (value: 50); its words are its str()."""
    if not math.isfinite(value):
        raise InvalidValue(f"{value} is not a number", _FORMS_HINT)
    number = Fraction(value)
    _check_sign(number, str(value), signed)
    return _quantity(str(value), str(value), "exact", _exact(number, signed), None)


def _quantity(words: str, text: str, name: str, interval: _Interval, unit: str | None) -> Quantity:
    low, high = interval.low, interval.high
    if low is not None and high is not None and _is_empty(low, high, interval):
        raise InvalidValue(
            f"'{text}' leaves no possible value",
            "write the number itself (0) or a bound that leaves room (up to 10)",
        )
    try:
        return Quantity(
            words=words,
            low=None if low is None else float(low),
            high=None if high is None else float(high),
            qualifier=name,
            low_open=interval.low_open,
            high_open=interval.high_open,
            unit=unit,
        )
    except OverflowError:
        raise InvalidValue(f"'{text}' is too large to be a number", _FORMS_HINT) from None


def _is_empty(low: Fraction, high: Fraction, interval: _Interval) -> bool:
    return low > high or (low == high and (interval.low_open or interval.high_open))


def _check_sign(number: Fraction, text: str, signed: bool) -> None:
    if number < 0 and not signed:
        raise InvalidValue(f"'{text}' is negative", _NEGATIVE_HINT)


def _attempt(text: str, signed: bool) -> _Reading | None:
    """The reading of normalised ``text``, None when it is not understood; raises for words
    that are understood but wrong (a backwards range, a negative count)."""
    vague = _VAGUE.get(text)
    if vague is not None and vague.bounds is not None:
        low, high = vague.bounds
        return vague.name, _Interval(Fraction(low), Fraction(high)), None
    qualified = _read_qualified(text, signed)
    if qualified is not None:
        return qualified
    amount = _amount(text)
    if amount is not None:
        _check_sign(amount.value, text, signed)
        return "exact", _exact(amount.value, signed), amount.unit
    return _read_range(text, signed)


def _read_qualified(text: str, signed: bool) -> _Reading | None:
    match = _match_qualifier(text)
    if match is None:
        return None
    name, rest = match
    amount = _amount(rest)
    if amount is None:
        if _split_range(rest) is not None:
            raise InvalidValue(
                f"'{text}' puts a qualifier on a range",
                "a range already says how uncertain the number is: write the range alone "
                "(30-40) or the qualifier with one number (about 35)",
            )
        return None
    _check_sign(amount.value, text, signed)
    return name, _RULES[name](amount.value, signed), amount.unit


def _match_qualifier(text: str) -> tuple[str, str] | None:
    """The qualifier named by a leading or trailing phrase of ``text``, and the rest."""
    for prefix, name in _PREFIXES:
        if text.startswith(prefix) and _apart(prefix[-1], text[len(prefix) : len(prefix) + 1]):
            rest = text[len(prefix) :].strip()
            return (name, rest) if rest else None
    for suffix, name in _SUFFIXES:
        if text.endswith(suffix) and _apart(suffix[0], text[-len(suffix) - 1 : -len(suffix)]):
            rest = text[: -len(suffix)].strip()
            return (name, rest) if rest else None
    return None


def _apart(edge: str, neighbour: str) -> bool:
    """A phrase ending in a letter needs a space before the number ("over 50", not "overall")."""
    return not edge.isalnum() or neighbour == " "


def _amount(text: str) -> _Amount | None:
    """One number with its multiplier and unit ("$1.5 bn", "40%", "a dozen"), or None."""
    fraction = _FRACTIONS.get(text)
    if fraction is not None:
        return _Amount(fraction, 1, "%")
    digits = _A_RE.sub("1 ", text)
    digits = _TENS_RE.sub(lambda m: str(_tens_value(m[1], m[2])), digits)
    digits = _SMALL_RE.sub(lambda m: str(_SMALL_WORDS.index(m[1])), digits)
    match = _AMOUNT.fullmatch(digits)
    if match is None:
        return None
    units = {_CURRENCIES.get(match["currency"] or ""), _CURRENCIES.get(match["code"] or "")}
    units |= {"%" if match["percent"] else None}
    units.discard(None)
    if len(units) > 1:
        return None
    coefficient = Fraction(match["number"].replace(",", "").replace(" ", ""))
    scale = (100 if match["hundred"] else 1) * _SCALES.get(match["scale"] or "", 1)
    unit = units.pop() if units else None
    return _Amount(-coefficient if match["sign"] else coefficient, scale, unit)


def _tens_value(tens: str, ones: str | None) -> int:
    return 10 * (_TENS_WORDS.index(tens) + 2) + (_SMALL_WORDS.index(ones) if ones else 0)


def _split_range(text: str) -> tuple[str, str, str, _Amount, _Amount] | None:
    """The first way to read ``text`` as two ends: (form, end text A, end text B, A, B)."""
    for lead, separator in _RANGE_FORMS:
        if not text.startswith(lead):
            continue
        body = text[len(lead) :]
        for found in re.finditer(re.escape(separator), body):
            a_text, b_text = body[: found.start()].strip(), body[found.end() :].strip()
            a, b = _amount(a_text), _amount(b_text)
            if a is not None and b is not None:
                form = f"{lead}{{a}}{separator.strip() if separator == '-' else separator}{{b}}"
                return form, a_text, b_text, a, b
    return None


def _read_range(text: str, signed: bool) -> _Reading | None:
    split = _split_range(text)
    if split is None:
        return None
    form, a_text, b_text, a, b = split
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        raise InvalidValue(
            f"range {text} mixes units ({a.unit} and {b.unit})",
            "write both ends in the same unit",
        )
    low, high = _range_ends(text, a, b)
    _check_sign(low, text, signed)
    _check_sign(high, text, signed)
    if low > high:
        raise InvalidValue(
            f"range {text} runs backwards",
            "write the smaller number first: " + form.format(a=b_text, b=a_text),
        )
    return "range", _Interval(low, high), a.unit or b.unit


def _range_ends(text: str, a: _Amount, b: _Amount) -> tuple[Fraction, Fraction]:
    """The ends' values; a multiplier written only after B applies to A when A is no larger
    than B's number ("1 to 3 trillion"), not when A is written in full ("500,000 to 1 million")."""
    if a.scale != 1 or b.scale == 1:
        return a.value, b.value
    if a.coefficient <= b.coefficient:
        return a.coefficient * b.scale, b.value
    if abs(a.coefficient) >= 1000:
        return a.value, b.value
    raise InvalidValue(
        f"range {text} is ambiguous: does the multiplier apply to both ends?",
        "write the multiplier on both ends (800 thousand to 1.2 million) "
        "or the first number in full (800,000 to 1.2 million)",
    )


def _not_understood(text: str, signed: bool) -> InvalidValue:
    """The error for words not understood, naming the part that is when there is one."""
    words = text.split(" ")
    if 1 < len(words) <= 12:
        for end in range(len(words) - 1, 0, -1):
            if _understood(" ".join(words[:end]), signed):
                tail = " ".join(words[end:])
                return InvalidValue(
                    f"'{text}' has words after the number: '{tail}'", _TRAILING_HINT
                )
        for start in range(1, len(words)):
            if _understood(" ".join(words[start:]), signed):
                lead, tail = " ".join(words[:start]), " ".join(words[start:])
                known = any(lead == prefix for prefix, _ in _PREFIXES)
                why = f"cannot qualify '{tail}'" if known else "is not a known qualifier"
                return InvalidValue(f"cannot read '{text}': '{lead}' {why}", _FORMS_HINT)
    return InvalidValue(f"cannot read '{text}' as a quantity", _FORMS_HINT)


def _understood(text: str, signed: bool) -> bool:
    try:
        return _attempt(text, signed) is not None
    except InvalidValue:
        return False


_COMPACT = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def interval_text(q: Quantity) -> str:
    """The interval for display: "(50, ∞)", "[3,600, 4,400]", "[1 trillion, 3 trillion] USD",
    "[30%, 36.7%]". A bracket includes its bound, a parenthesis excludes it."""
    low = "(-∞" if q.low is None else ("(" if q.low_open else "[") + _number(q.low, q.unit)
    high = "∞)" if q.high is None else _number(q.high, q.unit) + (")" if q.high_open else "]")
    text = f"{low}, {high}"
    return text if q.unit in (None, "%") else f"{text} {q.unit}"


def _number(x: float, unit: str | None) -> str:
    """A bound for display: thousands separated, no ".0", millions and up as words, and
    percentages to three significant digits ("36.7")."""
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞"
    if unit == "%":
        digits = len(str(int(abs(x)))) if abs(x) >= 1 else 0
        return _grouped(x, max(0, 3 - digits)) + "%"
    for size, name in _COMPACT:
        if abs(x) >= size:
            coefficient = round(x / size, 3)
            if abs(coefficient * size - x) <= 1e-9 * abs(x):
                return f"{_grouped(coefficient, 3)} {name}"
            break
    return _grouped(x, 3)


def _grouped(x: float, decimals: int) -> str:
    text = f"{x:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def overlaps(a: Quantity, b: Quantity, rel_tol: float = 0.0) -> bool:
    """Whether the two intervals share a value, open bounds respected exactly. ``rel_tol``
    first widens each finite bound by ``rel_tol * |bound|``. Quantities in two different
    units are not comparable: ValueError (convert first); a missing unit compares with any."""
    if not rel_tol >= 0:
        raise ValueError(f"rel_tol must be zero or more, not {rel_tol}")
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        raise ValueError(f"cannot compare quantities in {a.unit} and {b.unit}")
    lows = [_lower(a, rel_tol), _lower(b, rel_tol)]
    highs = [_upper(a, rel_tol), _upper(b, rel_tol)]
    low = max(value for value, _ in lows)
    high = min(value for value, _ in highs)
    if low != high:
        return low < high
    return not any(is_open for value, is_open in lows + highs if value == low)


BOUNDS = frozenset({"over", "at-least", "under", "at-most"})
"""Qualifiers that make a figure a bound ("at least 10"), which asserts no one figure."""


def contains(outer: Quantity, inner: Quantity, rel_tol: float = 0.0) -> bool:
    """Whether every value of ``inner`` is a value of ``outer`` (widened by ``rel_tol``)."""
    if outer.unit is not None and inner.unit is not None and outer.unit != inner.unit:
        raise ValueError(f"cannot compare quantities in {outer.unit} and {inner.unit}")
    (low, low_open), (high, high_open) = _lower(outer, rel_tol), _upper(outer, rel_tol)
    (in_low, in_low_open), (in_high, in_high_open) = _lower(inner, 0.0), _upper(inner, 0.0)
    above = in_low > low or (in_low == low and (in_low_open or not low_open))
    below = in_high < high or (in_high == high and (in_high_open or not high_open))
    return above and below


def _lower(q: Quantity, rel_tol: float) -> tuple[float, bool]:
    if q.low is None:
        return -math.inf, False
    return q.low - rel_tol * abs(q.low), q.low_open


def _upper(q: Quantity, rel_tol: float) -> tuple[float, bool]:
    if q.high is None:
        return math.inf, False
    return q.high + rel_tol * abs(q.high), q.high_open


def describe(q: Quantity) -> str:
    """One line for an analyst: '"over 50" read as more than 50 (50 excluded): (50, ∞)'."""
    qualifier = _BY_NAME.get(q.qualifier)
    if qualifier is None:
        return f'"{q.words}" read by an unknown rule {q.qualifier!r}: {interval_text(q)}'
    n = _ANCHORS.get(q.qualifier, _no_anchor)(q)
    meaning = qualifier.meaning.format(
        n=_with_unit(n, q.unit), a=_with_unit(q.low, q.unit), b=_with_unit(q.high, q.unit)
    )
    return f'"{q.words}" read as {meaning}: {interval_text(q)}'


def _with_unit(x: float | None, unit: str | None) -> str:
    if x is None:
        return "?"
    text = _number(x, unit)
    return text if unit in (None, "%") else f"{text} {unit}"


def _no_anchor(q: Quantity) -> float | None:
    return None


def _middle(q: Quantity) -> float | None:
    return None if q.low is None or q.high is None else q.low / 2 + q.high / 2


def _open_end(q: Quantity) -> float | None:
    return q.high if q.high_open else q.low


_ANCHORS: dict[str, Callable[[Quantity], float | None]] = {
    "exact": lambda q: q.low,
    "over": lambda q: q.low,
    "at-least": lambda q: q.low,
    "under": lambda q: q.high,
    "at-most": lambda q: q.high,
    "almost": _open_end,
    "about": _middle,
}
