"""Read a quantity in a report's own words ("over 50", "about 4,000", "30-40") as an interval.

Each qualifier has one rule, listed in ``QUALIFIERS`` and summarised here. N is the number as
written, A-B a range; a bracket includes its bound, a parenthesis excludes it, ∞ is no bound;
w is the about width (``ABOUT_WIDTH``, 4 %). The words are kept untouched in
``Quantity.words``; the rule's name goes in ``qualifier``; an unbounded end is None (its open
flag False). Case and surrounding whitespace do not matter.

    qualifier              accepted words                            interval
    ---------------------  ----------------------------------------  -----------------------
    exact                  50, 4,000, 1.5 million, ten, a dozen,     [N, N]
                           exactly, a total of
    over                   over, more than, above, in excess of,     (N, ∞)
                           upwards of, exceeding, well over, just
                           over, slightly more than, a little over
    at-least               at least, no fewer than, no less than,    [N, ∞)
                           not less than, a minimum of, N or more, N+
    under                  under, fewer than, less than, below,      [0, N); signed: (-∞, N)
                           well under, well below
    at-most                up to, at most, no more than, not more    [0, N]; signed: (-∞, N]
                           than, a maximum of, N or fewer, N or less
    almost                 almost, nearly, close to, just under,     [0.9·N, N)
                           approaching
    about                  about, around, roughly, approximately,    [N - w·N, N + w·N]
                           approx., some, (an) estimated, an         (w·N at least 1 for a
                           approximate, circa, in the region of,     count)
                           c., ~, N or so
    floor                  documented, verified, confirmed, known,   [N, ∞)
                           N confirmed, N documented, N verified,
                           N known
    as-many-as             as many as, as high as, as much as        [0.9·N, N]
    range                  30-40, 30–40, 30 — 40, 30 to 40,          [A, B]
                           between 30 and 40, from 30 to 40
    about-range            about 300-400 (any about word + range)    [A - w·A, B + w·B]
    estimate               50-61, best 57; at least 50, best 57;     [A, B] with best N
                           up to 61, best 57; best 57                (a missing end unbounded)
    exists                 some, unspecified, an unspecified         (0, ∞); count: [1, ∞),
                           number, an unknown number, a number of    shown as words
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
33.3…, two thirds 66.6…, a quarter 25, three quarters 75 ("around a third" is [32, 34.7] %).

A range whose first end has no multiplier takes the second end's when the first number is
no larger than the second's ("1 to 3 trillion", "$1 to $3 trillion"); a first end of 1,000
or more stays as written ("500,000 to 1 million"); any other ("800 to 1.2 million") is
ambiguous and rejected. A hedged range keeps both ends' words and reads as its hedge says:
"about 300-400" is about-range; "at least 1,200-1,500" and "1,200-1,500+" are [1,200, ∞)
(at-least), "more than 40-50" is (40, ∞) (over), "up to 300-400" is [0, 400] (at-most), "as
many as 300-400" is [300, 400] (range), "fewer than 30-40" is [0, 40) (under), "confirmed
30-40" is [30, ∞) (floor), and "between 40 and more than 60" (or "40 to over 60") is [40, ∞)
(at-least). Other hedges on a range ("nearly 30-40") are rejected. Negative numbers are
rejected unless the value is read as signed; readings that leave no value at all ("under
0", "almost 0") are rejected.

Counts (``count=True``) are whole: every bound is rounded inward (low up, high down) and an
open bound becomes the next whole number, closed: "over 50" is [51, ∞), "fewer than 10" is
[0, 9], "around 235" is [226, 244]; a reading with no whole number in it ("2.5") is rejected.
A value that carries a unit (%, a currency) is a measure, not a count, and is not rounded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from provenance.errors import InvalidValue
from provenance.model import Quantity

__all__ = [
    "ABOUT_WIDTH",
    "BOUNDS",
    "QUALIFIERS",
    "Qualifier",
    "about_interval",
    "about_width_for",
    "contains",
    "describe",
    "from_estimate",
    "interval_text",
    "overlaps",
    "parse_quantity",
    "rewidened",
]

ABOUT_WIDTH = 0.04
"""How far "about N" reaches on each side, as a share of N (4 %: "about 300" is [288, 312]).
A count's reach is at least 1 ("about 12" is [11, 13]). The checker may use another width
through :func:`rewidened`."""


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


_ABOUT_WORDS = (
    "about",
    "around",
    "roughly",
    "approximately",
    "approx.",
    "some",
    "an estimated",
    "estimated",
    "an approximate",
    "circa",
    "in the region of",
    "c.",
    "~",
)
_WIDTH_TEXT = f"{ABOUT_WIDTH:.0%}"

QUALIFIERS: tuple[Qualifier, ...] = (
    Qualifier("exact", ("N", "exactly N", "a total of N"), "exactly {n}", "[N, N]"),
    Qualifier(
        "over",
        (
            "over N",
            "more than N",
            "above N",
            "in excess of N",
            "upwards of N",
            "exceeding N",
            "well over N",
            "just over N",
            "slightly more than N",
            "a little over N",
        ),
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
        ("under N", "fewer than N", "less than N", "below N", "well under N", "well below N"),
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
        (*(f"{word}{'' if word == '~' else ' '}N" for word in _ABOUT_WORDS), "N or so"),
        f"{{n}} give or take {_WIDTH_TEXT} of it (at least 1 for a count)",
        f"[N - {_WIDTH_TEXT}, N + {_WIDTH_TEXT}]",
    ),
    Qualifier(
        "range",
        ("A-B", "A–B", "A — B", "A to B", "between A and B", "from A to B"),
        "from {a} to {b}, both included",
        "[A, B]",
    ),
    Qualifier(
        "floor",
        (
            "documented N",
            "verified N",
            "confirmed N",
            "known N",
            "N confirmed",
            "N documented",
            "N verified",
            "N known",
        ),
        "{n} counted one by one, so at least {n} ({n} included)",
        "[N, ∞)",
    ),
    Qualifier(
        "as-many-as",
        ("as many as N", "as high as N", "as much as N"),
        "as many as {n}: a figure near {n} and no more, within a tenth below it",
        "[0.9·N, N]",
    ),
    Qualifier(
        "about-range",
        tuple(f"{word}{'' if word == '~' else ' '}A-B" for word in _ABOUT_WORDS),
        f"from about {{a}} to about {{b}}, each end give or take {_WIDTH_TEXT} of it",
        f"[A - {_WIDTH_TEXT}, B + {_WIDTH_TEXT}]",
    ),
    Qualifier(
        "estimate",
        ("A-B, best N", "at least A, best N", "up to B, best N", "best N"),
        "a best estimate of {n}, within the low and high given",
        "[A, B], best N",
    ),
    Qualifier(
        "exists",
        ("some", "unspecified", "an unspecified number", "an unknown number", "a number of"),
        "more than none, with no number given",
        "(0, ∞); count: [1, ∞)",
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
_EXISTS = frozenset(_BY_NAME["exists"].phrases)
_ONE_NUMBER = (
    "exact",
    "over",
    "at-least",
    "under",
    "at-most",
    "as-many-as",
    "almost",
    "about",
    "floor",
)
_PREFIXES = sorted(
    (
        (p[:-1].rstrip(), name)
        for name in _ONE_NUMBER
        for p in _BY_NAME[name].phrases
        if len(p) > 1 and p.endswith("N")
    ),
    key=lambda item: -len(item[0]),
)
_SUFFIXES = sorted(
    (
        (p[1:].lstrip(), name)
        for name in _ONE_NUMBER
        for p in _BY_NAME[name].phrases
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
_ESTIMATE_HINT = "an estimate reads low <= best <= high, as in {low: 50, best: 57, high: 61}"
_WHOLE_HINT = "a count is a whole number: write 2, or a range such as 2-3"

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
_BEST = re.compile(r"(?:(?P<head>.+?),? )?best (?:estimate )?(?P<best>.+)")
_ESTIMATE_HEADS = frozenset({"range", "at-least", "at-most"})


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


class _Options(NamedTuple):
    signed: bool
    counted: bool
    width: Fraction


class _Reading(NamedTuple):
    """What the words say: the rule, its interval, the unit, the numbers as written (N, or
    A and B) and a best estimate."""

    name: str
    interval: _Interval
    unit: str | None
    stated: tuple[Fraction, ...] = ()
    best: Fraction | None = None


def _exact(n: Fraction, o: _Options) -> _Interval:
    return _Interval(n, n)


def _over(n: Fraction, o: _Options) -> _Interval:
    return _Interval(n, None, low_open=True)


def _at_least(n: Fraction, o: _Options) -> _Interval:
    return _Interval(n, None)


def _under(n: Fraction, o: _Options) -> _Interval:
    return _Interval(None if o.signed else Fraction(0), n, high_open=True)


def _at_most(n: Fraction, o: _Options) -> _Interval:
    return _Interval(None if o.signed else Fraction(0), n)


def _tenth_below(n: Fraction, o: _Options) -> Fraction:
    """A tenth short of n; for a count at least one below n ("almost 7" is 6, not an empty
    interval)."""
    near = n * 9 / 10
    return min(near, n - 1) if o.counted and n >= 1 else near


def _almost(n: Fraction, o: _Options) -> _Interval:
    """Just short of n, within a tenth of it."""
    near = _tenth_below(n, o)
    return _Interval(near, n, high_open=True) if n >= 0 else _Interval(n, near, low_open=True)


def _as_many_as(n: Fraction, o: _Options) -> _Interval:
    """A figure that reaches n, within a tenth below it: reporting writes "as many as 800
    prisoners escaped" under a headline of 800, never of 338. Not a bare ceiling, which "up
    to" and "at most" are."""
    near = _tenth_below(n, o)
    return _Interval(near, n) if n >= 0 else _Interval(n, near)


def _reach(n: Fraction, o: _Options) -> Fraction:
    """How far "about n" reaches on each side: a share of n, at least 1 for a count."""
    reach = abs(n) * o.width
    return max(reach, Fraction(1)) if o.counted else reach


def _about(n: Fraction, o: _Options) -> _Interval:
    return _about_range(n, n, o)


def _about_range(a: Fraction, b: Fraction, o: _Options) -> _Interval:
    low = a - _reach(a, o)
    return _Interval(low if o.signed or a < 0 else max(low, Fraction(0)), b + _reach(b, o))


_RULES: dict[str, Callable[[Fraction, _Options], _Interval]] = {
    "exact": _exact,
    "over": _over,
    "at-least": _at_least,
    "under": _under,
    "at-most": _at_most,
    "as-many-as": _as_many_as,
    "almost": _almost,
    "about": _about,
    "floor": _at_least,
}


def _hedge_low(name: str) -> Callable[[Fraction, Fraction, _Options], _Interval]:
    return lambda a, b, o: _RULES[name](a, o)


def _hedge_high(name: str) -> Callable[[Fraction, Fraction, _Options], _Interval]:
    return lambda a, b, o: _RULES[name](b, o)


_HEDGES: dict[str, tuple[str, Callable[[Fraction, Fraction, _Options], _Interval]]] = {
    "about": ("about-range", _about_range),
    "over": ("over", _hedge_low("over")),
    "at-least": ("at-least", _hedge_low("at-least")),
    "floor": ("floor", _hedge_low("floor")),
    "under": ("under", _hedge_high("under")),
    "at-most": ("at-most", _hedge_high("at-most")),
    "as-many-as": ("range", lambda a, b, o: _Interval(a, b)),
}
"""A qualifier before a range ("about 300-400", "at least 1,200-1,500"): the rule it becomes
and its interval from both ends. Qualifiers not listed here are refused on a range."""


def parse_quantity(
    words: str | int | float,
    *,
    signed: bool = False,
    count: bool = False,
    about_width: float = ABOUT_WIDTH,
) -> Quantity:
    """Read ``words`` ("over 50", "about 4,000", "30-40", 50) as a Quantity, or raise
    InvalidValue saying why and how to write it. Negative numbers need ``signed=True``;
    ``count=True`` makes every bound whole (see the module's docstring); ``about_width`` is
    the share of N that "about N" reaches on each side."""
    options = _Options(signed, count, _width(about_width))
    if isinstance(words, bool) or not isinstance(words, str | int | float):
        raise InvalidValue(f"{words!r} is not a quantity", _FORMS_HINT)
    if not isinstance(words, str):
        return _from_number(words, options)
    text = _normalised(words)
    if not text:
        raise InvalidValue("the quantity is empty", _FORMS_HINT)
    bad_comma = _BAD_COMMA.search(text)
    if bad_comma is not None:
        raise InvalidValue(
            f"'{text}' has a comma that does not separate thousands",
            "a comma must be followed by exactly three digits (4,000); "
            "write decimals with a point (1.5) and ranges with a dash (30-40)",
        )
    reading = _attempt(text, options)
    if reading is None:
        raise _not_understood(text, options)
    return _quantity(words, text, reading, options)


def _normalised(words: str) -> str:
    return re.sub(r"\s+", " ", words.translate(_DASHES).lower()).strip()


def _width(width: float) -> Fraction:
    """The about width as an exact share ("0.04" is 1/25, not the float's binary value)."""
    if isinstance(width, bool) or not isinstance(width, int | float) or not 0 <= width < 1:
        raise InvalidValue(
            f"the about width {width!r} is not a share between 0 and 1",
            "write a share of the number such as 0.04 (4 %) or 0.1 (10 %)",
        )
    return Fraction(str(width))


def _from_number(value: int | float, options: _Options) -> Quantity:
    """A number YAML already read (value: 50); its words are its str()."""
    if not math.isfinite(value):
        raise InvalidValue(f"{value} is not a number", _FORMS_HINT)
    number = Fraction(value)
    _check_sign(number, str(value), options.signed)
    reading = _Reading("exact", _exact(number, options), None, (number,))
    return _quantity(str(value), str(value), reading, options)


def _quantity(words: str, text: str, reading: _Reading, options: _Options) -> Quantity:
    interval = reading.interval
    low, high = interval.low, interval.high
    if low is not None and high is not None and _is_empty(low, high, interval):
        raise InvalidValue(
            f"'{text}' leaves no possible value",
            "write the number itself (0) or a bound that leaves room (up to 10)",
        )
    if options.counted and reading.unit is None:
        interval = _whole(interval, text)
    try:
        return Quantity(
            words=words,
            low=None if interval.low is None else float(interval.low),
            high=None if interval.high is None else float(interval.high),
            qualifier=reading.name,
            low_open=interval.low_open,
            high_open=interval.high_open,
            unit=reading.unit,
            best=None if reading.best is None else float(reading.best),
        )
    except OverflowError:
        raise InvalidValue(f"'{text}' is too large to be a number", _FORMS_HINT) from None


def _whole(interval: _Interval, text: str) -> _Interval:
    """A count's interval: bounds rounded inward, an open bound made the next whole one."""
    low, high = interval.low, interval.high
    if low is not None:
        low = Fraction(math.floor(low) + 1 if interval.low_open else math.ceil(low))
    if high is not None:
        high = Fraction(math.ceil(high) - 1 if interval.high_open else math.floor(high))
    if low is not None and high is not None and low > high:
        raise InvalidValue(f"'{text}' leaves no whole number for a count", _WHOLE_HINT)
    return _Interval(low, high)


def _is_empty(low: Fraction, high: Fraction, interval: _Interval) -> bool:
    return low > high or (low == high and (interval.low_open or interval.high_open))


def _check_sign(number: Fraction, text: str, signed: bool) -> None:
    if number < 0 and not signed:
        raise InvalidValue(f"'{text}' is negative", _NEGATIVE_HINT)


def _attempt(text: str, options: _Options) -> _Reading | None:
    """The reading of normalised ``text``, None when it is not understood; raises for words
    that are understood but wrong (a backwards range, a negative count)."""
    vague = _VAGUE.get(text)
    if vague is not None and vague.bounds is not None:
        low, high = vague.bounds
        return _Reading(vague.name, _Interval(Fraction(low), Fraction(high)), None)
    if text in _EXISTS:
        return _Reading("exists", _Interval(Fraction(0), None, low_open=True), None)
    best = _BEST.fullmatch(text)
    if best is not None:
        return _read_estimate(text, best["head"], best["best"], options)
    qualified = _read_qualified(text, options)
    if qualified is not None:
        return qualified
    amount = _amount(text)
    if amount is not None:
        _check_sign(amount.value, text, options.signed)
        return _Reading("exact", _exact(amount.value, options), amount.unit, (amount.value,))
    return _read_range(text, options) or _read_open_range(text, options)


def _read_qualified(text: str, options: _Options) -> _Reading | None:
    match = _match_qualifier(text)
    if match is None:
        return None
    name, rest = match
    amount = _amount(rest)
    if amount is None:
        return _read_hedged_range(text, name, rest, options)
    _check_sign(amount.value, text, options.signed)
    interval = _RULES[name](amount.value, options)
    return _Reading(name, interval, amount.unit, (amount.value,))


def _read_hedged_range(text: str, name: str, rest: str, options: _Options) -> _Reading | None:
    """A qualifier on a range ("about 300-400"), read as ``_HEDGES`` says, or refused."""
    if _split_range(rest) is None:
        return None
    hedge = _HEDGES.get(name)
    if hedge is None:
        raise InvalidValue(
            f"'{text}' puts a qualifier on a range that does not hedge it",
            "a range already says how uncertain the number is: write the range alone "
            "(30-40), or hedge it with about, at least, more than, up to or fewer than",
        )
    inner = _read_range(rest, options)
    if inner is None:
        return None
    low, high = inner.stated
    rule, interval = hedge
    return _Reading(rule, interval(low, high, options), inner.unit, inner.stated)


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
        for form, a_text, b_text in _ends(text, lead, separator):
            a, b = _amount(a_text), _amount(b_text)
            if a is not None and b is not None:
                return form, a_text, b_text, a, b
    return None


def _ends(text: str, lead: str, separator: str) -> list[tuple[str, str, str]]:
    """Each way ``text`` splits into two ends at ``separator`` after ``lead``."""
    if not text.startswith(lead):
        return []
    body = text[len(lead) :]
    form = f"{lead}{{a}}{separator.strip() if separator == '-' else separator}{{b}}"
    return [
        (form, body[: found.start()].strip(), body[found.end() :].strip())
        for found in re.finditer(re.escape(separator), body)
    ]


def _read_range(text: str, options: _Options) -> _Reading | None:
    split = _split_range(text)
    if split is None:
        return None
    form, a_text, b_text, a, b = split
    unit = _range_unit(text, a, b)
    low, high = _range_ends(text, a, b)
    _check_order(text, form, a_text, b_text, low, high, options.signed)
    return _Reading("range", _Interval(low, high), unit, (low, high))


def _range_unit(text: str, a: _Amount, b: _Amount) -> str | None:
    if a.unit is not None and b.unit is not None and a.unit != b.unit:
        raise InvalidValue(
            f"range {text} mixes units ({a.unit} and {b.unit})",
            "write both ends in the same unit",
        )
    return a.unit or b.unit


def _check_order(
    text: str, form: str, a_text: str, b_text: str, low: Fraction, high: Fraction, signed: bool
) -> None:
    _check_sign(low, text, signed)
    _check_sign(high, text, signed)
    if low > high:
        raise InvalidValue(
            f"range {text} runs backwards",
            "write the smaller number first: " + form.format(a=b_text, b=a_text),
        )


def _read_open_range(text: str, options: _Options) -> _Reading | None:
    """A range whose far end is open ("between 40 and more than 60", "40 to over 60"):
    [A, ∞), read as at-least from its first end."""
    for lead, separator in _RANGE_FORMS[:3]:
        for form, a_text, b_text in _ends(text, lead, separator):
            a, far = _amount(a_text), _read_qualified(b_text, options)
            if a is None or far is None or far.name not in ("over", "at-least"):
                continue
            b = far.stated[0]
            unit = _range_unit(text, a, _Amount(b, 1, far.unit))
            _check_order(text, form, a_text, b_text, a.value, b, options.signed)
            return _Reading("at-least", _Interval(a.value, None), unit, (a.value, b))
    return None


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


def _read_estimate(text: str, head: str | None, best_text: str, o: _Options) -> _Reading | None:
    """A best estimate with the low and high ends it is given ("50-61, best 57")."""
    best = _amount(best_text)
    if best is None:
        return None
    _check_sign(best.value, text, o.signed)
    if head is None:
        return _Reading("estimate", _exact(best.value, o), best.unit, (best.value,), best.value)
    around = _attempt(head, o)
    if around is None or around.name not in _ESTIMATE_HEADS:
        raise InvalidValue(
            f"cannot read '{text}' as an estimate: '{head}' is not a low and high",
            "write the low and high before the best: 50-61, best 57; at least 50, best 57; "
            "up to 61, best 57",
        )
    if best.unit is not None and around.unit is not None and best.unit != around.unit:
        raise InvalidValue(
            f"estimate {text} mixes units ({around.unit} and {best.unit})",
            "write the best estimate in the unit of the low and high",
        )
    _check_estimate(around.interval.low, best.value, around.interval.high, _plain)
    unit = best.unit or around.unit
    return _Reading("estimate", around.interval, unit, around.stated, best.value)


def _check_estimate(
    low: Fraction | None,
    best: Fraction | None,
    high: Fraction | None,
    show: Callable[[Fraction], str],
) -> None:
    """Refuse an estimate whose low, best and high are out of order."""
    pairs = (("low", low, "best", best), ("best", best, "high", high), ("low", low, "high", high))
    for small_name, small, large_name, large in pairs:
        if small is not None and large is not None and small > large:
            raise InvalidValue(
                f"the estimate's {small_name} {show(small)} is above its {large_name} "
                f"{show(large)}",
                _ESTIMATE_HINT,
            )


def from_estimate(
    low: float | str | None = None,
    best: float | str | None = None,
    high: float | str | None = None,
    *,
    signed: bool = False,
    count: bool = False,
) -> Quantity:
    """A best estimate with its low and high ends, as UCDP writes it ({low: 50, best: 57,
    high: 61}): [low, high] with ``best``; a missing end is unbounded (low 0 unless signed),
    and a best alone is [best, best]. Its words are made to read back the same: "50-61, best
    57", "at least 50, best 57", "up to 61, best 57", "best 57" (without a best, "50-61" is a
    plain range). Each of them is a number (or a number in words, "1,200"); at least one is
    given, and low <= best <= high, else InvalidValue."""
    given = {"low": low, "best": best, "high": high}
    numbers = {key: _estimate_number(key, value) for key, value in given.items()}
    if all(n is None for n in numbers.values()):
        raise InvalidValue("an estimate needs at least one of low, best and high", _ESTIMATE_HINT)
    for key, number in numbers.items():
        if number is not None:
            _check_sign(number, f"{key} {_plain(number)}", signed)
    _check_estimate(numbers["low"], numbers["best"], numbers["high"], _plain)
    words = _estimate_words(numbers["low"], numbers["best"], numbers["high"])
    return parse_quantity(words, signed=signed, count=count)


def _estimate_number(key: str, value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return Fraction(str(value)) if isinstance(value, float) else Fraction(value)
    amount = _amount(_normalised(value)) if isinstance(value, str) else None
    if amount is None or amount.unit is not None:
        raise InvalidValue(
            f"the estimate's {key} {value!r} is not a number",
            "each of low, best and high is one number, such as 57 or 1,200",
        )
    return amount.value


def _estimate_words(low: Fraction | None, best: Fraction | None, high: Fraction | None) -> str:
    if low is not None and high is not None:
        negative = low < 0 or high < 0
        head = f"{_plain(low)}{' to ' if negative else '-'}{_plain(high)}"
    elif low is not None:
        head = f"at least {_plain(low)}"
    elif high is not None:
        head = f"up to {_plain(high)}"
    else:
        head = ""
    tail = "" if best is None else f"best {_plain(best)}"
    return ", ".join(part for part in (head, tail) if part)


def _plain(x: Fraction) -> str:
    """A number written so that it reads back exactly: 57, 1,200, 2.5, -3."""
    if x.denominator == 1:
        return f"{x.numerator:,}"
    return f"{Decimal(x.numerator) / Decimal(x.denominator):,f}"


def about_interval(
    n: float, width: float = ABOUT_WIDTH, *, count: bool = False, signed: bool = False
) -> tuple[float, float]:
    """The interval "about ``n``" stands for at ``width``: n give or take ``width`` of it
    (at least 1 for a count, whose ends are then whole; below 0 only when signed)."""
    words = f"about {_plain(Fraction(str(n)))}" if math.isfinite(n) else repr(n)
    q = parse_quantity(words, signed=signed, count=count, about_width=width)
    assert q.low is not None and q.high is not None
    return q.low, q.high


ABOUT_WIDTH_LARGE = 0.1
"""How far "about N" reaches for a large N (``LARGE_FROM`` and up): reports round large
numbers coarsely ("some 2,000 prisoners" for 1,793), small ones closely ("approximately
300" and "approximately 330" disagree)."""
LARGE_FROM = 1000.0


def about_width_for(
    n: float, width: float = ABOUT_WIDTH, large: float = ABOUT_WIDTH_LARGE
) -> float:
    """The about width for the number ``n``: ``width`` below ``LARGE_FROM``, ``large`` from
    it on (never narrower than ``width``)."""
    return max(width, large) if abs(n) >= LARGE_FROM else width


def rewidened(q: Quantity, width: float, *, count: bool | None = None) -> Quantity:
    """``q`` read again with another about width: an ``about`` or ``about-range`` quantity
    gets the interval its words have at ``width``; any other is returned unchanged. A count
    is recognised by whole bounds and no unit; pass ``count`` when it is known."""
    if q.qualifier not in ("about", "about-range"):
        return q
    if count is None:
        count = q.unit is None and all(
            bound is None or float(bound).is_integer() for bound in (q.low, q.high)
        )
    again = parse_quantity(q.words, signed=not count, count=count, about_width=width)
    return Quantity(
        q.words, again.low, again.high, q.qualifier, again.low_open, again.high_open, q.unit
    )


def _not_understood(text: str, options: _Options) -> InvalidValue:
    """The error for words not understood, naming the part that is when there is one."""
    words = text.split(" ")
    if 1 < len(words) <= 12:
        for end in range(len(words) - 1, 0, -1):
            if _understood(" ".join(words[:end]), options):
                tail = " ".join(words[end:])
                return InvalidValue(
                    f"'{text}' has words after the number: '{tail}'", _TRAILING_HINT
                )
        for start in range(1, len(words)):
            if _understood(" ".join(words[start:]), options):
                lead, tail = " ".join(words[:start]), " ".join(words[start:])
                known = any(lead == prefix for prefix, _ in _PREFIXES)
                why = f"cannot qualify '{tail}'" if known else "is not a known qualifier"
                return InvalidValue(f"cannot read '{text}': '{lead}' {why}", _FORMS_HINT)
    return InvalidValue(f"cannot read '{text}' as a quantity", _FORMS_HINT)


def _understood(text: str, options: _Options) -> bool:
    try:
        return _attempt(text, options) is not None
    except InvalidValue:
        return False


_COMPACT = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"))


def interval_text(q: Quantity) -> str:
    """The interval for display: "(50, ∞)", "[3,840, 4,160]", "[1 trillion, 3 trillion] USD",
    "[30%, 36.7%]"; one value is shown as the number ("4"), a best estimate after the interval
    ("[50, 61], best 57"), and a number that exists but is not given in words ("some (no
    number given)"). A bracket includes its bound, a parenthesis excludes it."""
    if q.qualifier == "exists":
        return f"{' '.join(q.words.split())} (no number given)"
    if q.low is not None and q.low == q.high and not (q.low_open or q.high_open):
        text = _number(q.low, q.unit)
    else:
        low = "(-∞" if q.low is None else ("(" if q.low_open else "[") + _number(q.low, q.unit)
        high = "∞)" if q.high is None else _number(q.high, q.unit) + (")" if q.high_open else "]")
        text = f"{low}, {high}"
    text = text if q.unit in (None, "%") else f"{text} {q.unit}"
    if q.best is None or q.low == q.high == q.best:
        return text
    return f"{text}, best {_with_unit(q.best, q.unit)}"


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
    units are not comparable: ValueError (convert first); a missing unit compares with any.
    A best estimate does not narrow its interval."""
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


BOUNDS = frozenset({"over", "at-least", "under", "at-most", "floor", "exists"})
"""Qualifiers that make a figure a bound ("at least 10", "confirmed 10", "some"), which
asserts no one figure."""


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
    """One line for an analyst: '"over 50" read as more than 50 (50 excluded): (50, ∞)'.
    The numbers in the meaning are the ones the words state (not the rounded bounds of a
    count); a single value ("50") or a number not given ("some") says the interval once."""
    qualifier = _BY_NAME.get(q.qualifier)
    if qualifier is None:
        return f'"{q.words}" read by an unknown rule {q.qualifier!r}: {interval_text(q)}'
    n, a, b = _anchors(q)
    meaning = qualifier.meaning.format(
        n=_with_unit(n, q.unit), a=_with_unit(a, q.unit), b=_with_unit(b, q.unit)
    )
    if q.qualifier == "exact" or q.qualifier == "exists":
        return f'"{q.words}" read as {meaning}'
    return f'"{q.words}" read as {meaning}: {interval_text(q)}'


def _with_unit(x: float | None, unit: str | None) -> str:
    if x is None:
        return "?"
    text = _number(x, unit)
    return text if unit in (None, "%") else f"{text} {unit}"


def _anchors(q: Quantity) -> tuple[float | None, float | None, float | None]:
    """The numbers the words state (N, A, B), read again from the words; for a hand-made
    quantity whose words do not read, taken from its bounds."""
    if q.qualifier == "estimate":
        return q.best, q.low, q.high
    stated = _stated(q.words)
    if not stated:
        return _ANCHORS.get(q.qualifier, _no_anchor)(q), q.low, q.high
    first, last = float(stated[0]), float(stated[-1])
    return (last if q.qualifier in ("under", "at-most", "as-many-as") else first), first, last


def _stated(words: str) -> tuple[Fraction, ...]:
    try:
        reading = _attempt(_normalised(words), _Options(True, False, _width(ABOUT_WIDTH)))
    except InvalidValue:
        return ()
    return () if reading is None else reading.stated


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
    "floor": lambda q: q.low,
    "under": lambda q: q.high,
    "at-most": lambda q: q.high,
    "as-many-as": lambda q: q.high,
    "almost": _open_end,
    "about": _middle,
}
