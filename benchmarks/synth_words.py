"""Report words for the synthetic ledger: figures as reports write them ("over 50", "at least
36", "about 4,000", "30-40", "dozens") with the interval each stands for, chosen so that the
interval holds the true figure; dates at several precisions and in several styles; and
confidences.

The intervals follow the qualifier table of provenance.quantities (README "Quantities"):
"over N" (N, ∞), "at least N" [N, ∞), "fewer than N" [0, N), "up to N" [0, N], "almost N"
[0.9N, N), "about N" N give or take the about width (4 %, at least 1 for a count, as
quantities.about_interval reads it), "A-B" [A, B], "dozens" [24, 99] and so on. A figure is
only written when the truth sits inside its interval with room to spare (never on an open
bound, never at the edge of a band), so no reading of the words can exclude it.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from provenance.quantities import about_interval

INF = math.inf
SMALL = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
VAGUE = (
    ("a few", 2, 5),
    ("several", 3, 9),
    ("dozens", 24, 99),
    ("scores", 40, 199),
    ("hundreds", 200, 999),
    ("several hundred", 300, 999),
    ("thousands", 2000, 9999),
)
STYLES = ("exact", "lower", "upper", "about", "almost", "range", "vague")
BOUNDED = ("exact", "upper", "about", "range")


@dataclass(frozen=True, slots=True)
class Span:
    """An interval; an open end excludes its bound."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def holds(self, x: float) -> bool:
        above = x > self.low if self.low_open else x >= self.low
        below = x < self.high if self.high_open else x <= self.high
        return above and below

    def meets(self, other: Span, slack: float = 0.0) -> bool:
        """Whether the two share a value once each bound is widened by ``slack`` (relative)."""
        low = max(self.low - slack * abs(self.low), other.low - slack * abs(other.low))
        high = min(self.high + slack * abs(self.high), other.high + slack * abs(other.high))
        return low <= high


def number(n: int, *, spelled: bool = False) -> str:
    if spelled and n == 12:
        return "a dozen"
    if spelled and n <= 20:
        return SMALL[n]
    return f"{n:,}"


def _round(x: float) -> int:
    """A figure a report would write: whole, rounded to 5 or 10 when large."""
    if x >= 1000:
        return int(round(x, -2))
    if x >= 100:
        return int(round(x / 10) * 10)
    if x >= 30:
        return int(round(x / 5) * 5)
    return round(x)


def _lower(rng: random.Random, t: int) -> tuple[str, Span] | None:
    n = _round(t * rng.uniform(0.5, 0.95))
    if rng.random() < 0.5 and 0 < n < t:
        return f"{rng.choice(('over', 'more than'))} {number(n)}", Span(n, INF, low_open=True)
    if n <= t:
        return f"at least {number(n)}", Span(n, INF)
    return None


def _upper(rng: random.Random, t: int) -> tuple[str, Span] | None:
    n = _round(t * rng.uniform(1.1, 1.6)) + 1
    if rng.random() < 0.5:
        return f"up to {number(n)}", Span(0, n)
    return f"fewer than {number(n)}", Span(0, n, high_open=True)


def _about(rng: random.Random, t: int) -> tuple[str, Span] | None:
    n = _round(t * rng.uniform(0.975, 1.025))
    if t < 10 or not 0.97 * n <= t <= 1.03 * n:
        return None
    word = rng.choice(("about", "around", "roughly", "some"))
    return f"{word} {number(n)}", Span(*about_interval(n, count=True))


def _almost(rng: random.Random, t: int) -> tuple[str, Span] | None:
    n = _round(t * rng.uniform(1.02, 1.08))
    if t < 20 or not 0.92 * n <= t < n:
        return None
    return f"{rng.choice(('almost', 'nearly'))} {number(n)}", Span(0.9 * n, n, high_open=True)


def _range(rng: random.Random, t: int) -> tuple[str, Span] | None:
    a = _round(t * rng.uniform(0.7, 0.98))
    b = _round(t * rng.uniform(1.02, 1.3)) + 1
    if not a <= t <= b or a == b:
        return None
    return f"{number(a)}-{number(b)}", Span(a, b)


def _vague(rng: random.Random, t: int) -> tuple[str, Span] | None:
    fits = [(w, lo, hi) for w, lo, hi in VAGUE if lo < t < hi]
    if not fits:
        return None
    words, low, high = rng.choice(fits)
    return words, Span(low, high)


def _exact(rng: random.Random, t: int) -> tuple[str, Span]:
    return number(t, spelled=rng.random() < 0.2), Span(t, t)


MAKERS = {
    "lower": _lower,
    "upper": _upper,
    "about": _about,
    "almost": _almost,
    "range": _range,
    "vague": _vague,
}


def figure(rng: random.Random, truth: int, styles: tuple[str, ...] = STYLES) -> tuple[str, Span]:
    """Words for a figure whose interval holds ``truth``, in one of ``styles``."""
    style = rng.choice(styles)
    made = MAKERS[style](rng, truth) if style in MAKERS else None
    return made if made is not None else _exact(rng, truth)


def outside(spans: list[Span], truth: int, slack: float) -> tuple[str, Span] | None:
    """An exact figure that shares no value with any of ``spans`` even with ``slack``
    (relative), far from ``truth``: a figure that cannot be true."""
    for candidate in (truth * 3 + 12, truth * 6 + 40, max(0, truth // 4 - 3), 0):
        span = Span(candidate, candidate)
        if candidate != truth and not any(span.meets(s, slack + 0.02) for s in spans):
            return number(candidate), span
    return None


def bounded_outside(spans: list[Span], truth: int) -> tuple[str, Span] | None:
    """An exact figure none of ``spans`` reaches, on either side of ``truth``."""
    for candidate in (truth * 4 + 20, truth * 8 + 50):
        span = Span(candidate, candidate)
        if not any(span.meets(s, 0.02) for s in spans):
            return number(candidate), span
    return None


MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_text(d: date, style: str) -> str:
    """One day as a report writes it."""
    if style == "iso":
        return d.isoformat()
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "short":
        return f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}"
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "kabul":
        return f"{d.isoformat()}+04:30"
    raise ValueError(style)


def wrong_weekday(d: date) -> str:
    """The day with a weekday that is not its own."""
    wrong = WEEKDAYS[(d.weekday() + 3) % 7]
    return f"{wrong}, {d.day} {MONTHS[d.month - 1]} {d.year}"


def month_text(d: date, style: str = "long") -> str:
    return f"{MONTHS[d.month - 1]} {d.year}" if style == "long" else f"{d.year}-{d.month:02d}"


def event_date_text(rng: random.Random, d: date) -> str:
    """The day of an event at some precision: the day in one of several styles, its month,
    or (rarely) the year."""
    roll = rng.random()
    if roll < 0.7:
        return day_text(d, rng.choice(("iso", "long", "short", "weekday", "us", "kabul")))
    if roll < 0.95:
        return month_text(d, rng.choice(("long", "iso")))
    return str(d.year)


def later(d: date, low: int, high: int, rng: random.Random) -> date:
    return d + timedelta(days=rng.randint(low, high))


HIGH = ("almost certain", "very likely", 0.9, "95%", "{credibility: 1}")
MODEST = ("likely", "roughly even chance", 0.6, "{credibility: 2}", "{credibility: 3}")


def confidence(rng: random.Random, reliability: str) -> str | None:
    """The analyst's confidence in a claim: none half the time, high only on reliable
    sources (A-C)."""
    roll = rng.random()
    if roll < 0.5:
        return None
    if reliability in "ABC" and roll < 0.75:
        return str(rng.choice(HIGH))
    return str(rng.choice(MODEST))
