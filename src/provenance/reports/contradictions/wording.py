"""How the published report words what the ledger holds: an interval as a reader says it
("more than 50", "between 30 and 40", "50", "some (no number given)"), a date in words, a
moment to the minute, a source cited by publisher and date."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from provenance.model import PartialDate, Quantity, Source, TimeSpan

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NO_NUMBER = "no number given"


def number(x: float, unit: str | None = None) -> str:
    """A figure for a reader: thousands separated, no ".0", a percentage with its sign."""
    if not math.isfinite(x):
        return "no limit"
    text = f"{x:,.3f}".rstrip("0").rstrip(".")
    text = "0" if text == "-0" else text
    return text + "%" if unit == "%" else text


def interval_words(q: Quantity) -> str:
    """The interval as a sentence would give it: "50", "more than 50", "at least 36",
    "fewer than 10", "up to 20", "between 30 and 40", "between 50 and 61, best 57", "some (no
    number given)". A count rounded to whole numbers is worded as the report worded it:
    "over 50", read [51, ∞), is "more than 50"."""
    if q.qualifier == "exists":
        return f"{' '.join(q.words.split())} ({NO_NUMBER})"
    unit = q.unit if q.unit not in (None, "%") else None
    text = _bounds_words(q)
    if q.best is not None and not (q.low == q.high == q.best):
        text += f", best {number(q.best, q.unit)}"
    return f"{text} {unit}" if unit else text


def _bounds_words(q: Quantity) -> str:
    low, high, u = q.low, q.high, q.unit
    if low is not None and low == high and not (q.low_open or q.high_open):
        return number(low, u)
    lower = _lower(q) if low is not None and low > 0 else ""
    upper = _upper(q) if high is not None else ""
    if lower and upper:
        if not q.low_open and not q.high_open and low is not None and high is not None:
            return f"between {number(low, u)} and {number(high, u)}"
        return f"{lower} and {upper}"
    if lower:
        return lower
    if upper:
        return upper
    if low is not None and low == 0 and not q.low_open:
        return "any number (no upper limit)"
    return "any number"


def _lower(q: Quantity) -> str:
    assert q.low is not None
    if q.low_open:
        return f"more than {number(q.low, q.unit)}"
    if q.qualifier == "over" and float(q.low).is_integer():  # a count: over 50 is [51, ∞)
        return f"more than {number(q.low - 1, q.unit)}"
    return f"at least {number(q.low, q.unit)}"


def _upper(q: Quantity) -> str:
    assert q.high is not None
    if q.high_open:
        return f"fewer than {number(q.high, q.unit)}"
    if q.qualifier == "under" and float(q.high).is_integer():  # fewer than 10 is [0, 9]
        return f"fewer than {number(q.high + 1, q.unit)}"
    return f"up to {number(q.high, q.unit)}"


def date_words(d: PartialDate) -> str:
    """ "13 November 2017", "November 2017", "2017", "5 August 2017, 14:30 (UTC+04:30)"."""
    if d.month is None or not 1 <= d.month <= 12:
        return str(d.year)
    text = f"{MONTHS[d.month - 1]} {d.year}"
    if d.day is None:
        return text
    text = f"{d.day} {text}"
    if d.hour is None:
        return text
    text += f", {d.hour:02d}:{d.minute or 0:02d}"
    if d.utc_offset is not None:
        text += f" ({zone(d.utc_offset)})"
    return text


def zone(offset: int) -> str:
    if offset == 0:
        return "UTC"
    hours, minutes = divmod(abs(offset), 60)
    return f"UTC{'-' if offset < 0 else '+'}{hours:02d}:{minutes:02d}"


def span_words(span: TimeSpan | None) -> str:
    """A date or period in words ("2015", "June 2015 to 2017"); '' when none."""
    if span is None:
        return ""
    start, end = span.start, span.end
    about = "around " if span.approximate else ""
    if start is not None and start == end:
        return about + date_words(start)
    if start is None and end is None:
        return span.text
    if start is None:
        return f"{about}until {date_words(end)}" if end else span.text
    if end is None:
        return f"{about}from {date_words(start)}"
    return f"{about}{date_words(start)} to {date_words(end)}"


def minute(moment: datetime) -> str:
    """A moment to the minute, in UTC: "21 November 2026, 15:43 UTC"."""
    at = moment.astimezone(UTC) if moment.utcoffset() is not None else moment
    return f"{at.day} {MONTHS[at.month - 1]} {at.year}, {at:%H:%M} UTC"


def citation(source: Source | None, ident: str = "") -> str:
    """A source as a reader cites it: "Publisher, 13 November 2017" (the title when no
    publisher is known; the id when the ledger does not hold the source)."""
    if source is None:
        return ident
    who = source.publisher or source.title or source.id
    when = span_words(source.published)
    return f"{who}, {when}" if when else who
