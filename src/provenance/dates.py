"""Dates and periods as analysts write them, kept at their precision and compared by overlap."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta

from provenance.errors import InvalidValue
from provenance.model import PartialDate, Precision, TimeSpan

FORMS_HINT = (
    "write 2017-08-05, 2017-08, 2017, or '5 August 2017'; "
    "use a period such as 2015/2018 for a range"
)
_MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTH_NAMES += ("August", "September", "October", "November", "December")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {n.lower(): i for i, n in enumerate(_MONTH_NAMES, 1)}
_MONTHS |= {n[:3].lower(): i for i, n in enumerate(_MONTH_NAMES, 1)} | {"sept": 9}
_WEEKDAYS = {n.lower(): i for i, n in enumerate(_WEEKDAY_NAMES)}
_WEEKDAYS |= {n[:3].lower(): i for i, n in enumerate(_WEEKDAY_NAMES)}
WEEKDAY_PREFIXES = tuple(n[:3].lower() for n in _WEEKDAY_NAMES)
"""How a date that states its weekday begins ("Sat 5 Aug 2017", "saturday, 5 August")."""
_SLACK = timedelta(hours=14)
_STEPS = {
    Precision.DAY: timedelta(days=1),
    Precision.HOUR: timedelta(hours=1),
    Precision.MINUTE: timedelta(minutes=1),
    Precision.SECOND: timedelta(seconds=1),
}

_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[Tt ](?P<hour>\d{2})(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?)?)?"
    r"(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2})?)?)?)?"
)
_WEEKDAY = r"(?:(?P<weekday>[a-z]+)\.?,?\s)?"
_HUMAN = tuple(
    re.compile(_WEEKDAY + body, re.IGNORECASE)
    for body in (
        r"(?P<day>\d{1,2})\s(?P<month>[a-z]+)\.?,?\s(?P<year>\d{4})",
        r"(?P<month>[a-z]+)\.?\s(?P<day>\d{1,2}),?\s(?P<year>\d{4})",
        r"(?P<month>[a-z]+)\.?,?\s(?P<year>\d{4})",
    )
)
_YEAR_RANGE = re.compile(r"(?P<a>\d{4})\s?[-–]\s?(?P<b>\d{4})")
_TO_RANGE = re.compile(r"(?:from\s)?(?P<a>.+?)\sto\s(?P<b>.+)", re.IGNORECASE)
_OPEN_WORDS = re.compile(r"(?P<word>from|since|until|till)\s(?P<rest>.+)", re.IGNORECASE)
_FRACTION = re.compile(r"(?<=\d\d:\d\d:\d\d)\.(\d{1,6})")


def _bad(text: str, reason: str, hint: str = FORMS_HINT) -> InvalidValue:
    return InvalidValue(f"{text!r} is not a date: {reason}", hint)


def parse_date(text: str | int | date) -> PartialDate:
    """Read one date at the precision it is written.

    ISO: ``2015``, ``2015-06``, ``2015-06-16``, ``2015-06-16T14[:30[:05]]`` (or a space for
    ``T``), with a zone on times (``Z``, ``+04:30``, ``-0500``, ``+04``) or on a bare date
    (``2017-08-05+04:30``, ``2017-08-05Z``: the calendar day in that zone). Human, any case:
    ``5 August 2017``, ``August 5, 2017``, ``Aug. 2017`` (full, 3-letter or "Sept" months),
    optionally after a weekday (``Sat 5 Aug 2017``), which is kept even when wrong (see
    :func:`weekday_mismatch`). An int is a year (YAML reads ``2017`` as one); a
    ``date``/``datetime`` (YAML reads unquoted ISO dates as those) is read from its ISO text.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | date):
        raise _bad(repr(text), "expected text such as 2017-08-05")
    if isinstance(text, int):
        return _check(PartialDate(text), str(text))
    raw = str(text)
    cleaned = " ".join(raw.split())
    if not cleaned:
        raise _bad(raw, "it is empty")
    for pattern in (_ISO, *_HUMAN):
        if match := pattern.fullmatch(cleaned):
            return _from_match(match, raw)
    raise _unreadable(raw, cleaned)


def _from_match(match: re.Match[str], text: str) -> PartialDate:
    parts = match.groupdict()

    def number(name: str) -> int | None:
        value = parts.get(name)
        return None if value is None else int(value)

    month = parts["month"]
    weekday = parts.get("weekday")
    found = PartialDate(
        year=int(parts["year"]),
        month=None if month is None else _month(month, text),
        day=number("day"),
        hour=number("hour"),
        minute=number("minute"),
        second=number("second"),
        utc_offset=_offset(parts.get("zone"), text, timed=parts.get("hour") is not None),
        weekday=None if weekday is None else _weekday(weekday, text),
    )
    return _check(found, text)


def _month(word: str, text: str) -> int:
    if word.isdigit():
        return int(word)
    if (number := _MONTHS.get(word.lower())) is None:
        raise _bad(text, f"{word!r} is not a month")
    return number


def _weekday(word: str, text: str) -> int:
    if (number := _WEEKDAYS.get(word.lower())) is None:
        raise _bad(text, f"{word!r} is not a weekday", "write Saturday or Sat, or leave it out")
    return number


def _offset(zone: str | None, text: str, *, timed: bool) -> int | None:
    if zone is None:
        return None
    if zone.upper() == "Z":
        return 0
    if not timed and not re.fullmatch(r"[+-]\d\d:\d\d", zone):
        raise _bad(text, f"the zone {zone!r} is ambiguous on a date", "write 2017-08-05+04:30")
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if minutes > 59 or hours * 60 + minutes > 14 * 60:
        raise _bad(text, f"{zone!r} is not a UTC offset", "offsets run from -14:00 to +14:00")
    return (hours * 60 + minutes) * (-1 if zone[0] == "-" else 1)


def _check(d: PartialDate, text: str) -> PartialDate:
    """Return ``d`` if it is a real date, else raise InvalidValue naming what is wrong."""
    known = [part is not None for part in (d.month, d.day, d.hour, d.minute, d.second)]
    if known != sorted(known, reverse=True):
        raise _bad(text, "it gives a later part without an earlier one")
    if not 1 <= d.year <= 9999:
        raise _bad(text, f"year {d.year} is out of range", "years run from 1 to 9999")
    if d.month is not None and not 1 <= d.month <= 12:
        raise _bad(text, f"there is no month {d.month}", "months run from 01 to 12")
    if d.month is not None and d.day is not None:
        last = calendar.monthrange(d.year, d.month)[1]
        name = f"{_MONTH_NAMES[d.month - 1]} {d.year}"
        if not 1 <= d.day <= last:
            reason = f"{name} has {last} days" if d.day > last else f"there is no day {d.day}"
            raise _bad(text, reason, f"days in {name} run from 1 to {last}")
    for value, unit, top in (
        (d.hour, "hour", 23),
        (d.minute, "minute", 59),
        (d.second, "second", 59),
    ):
        if value is not None and not 0 <= value <= top:
            raise _bad(text, f"there is no {unit} {value}", f"{unit}s run from 00 to {top}")
    _check_extras(d, text)
    return d


def _check_extras(d: PartialDate, text: str) -> None:
    if d.utc_offset is not None and d.day is None:
        raise _bad(text, "a time zone needs a day", "write 2017-08-05Z or leave the zone out")
    if d.utc_offset is not None and abs(d.utc_offset) > 14 * 60:
        raise _bad(text, f"{d.utc_offset} minutes is not a UTC offset", "offsets run to ±14:00")
    if d.weekday is not None and d.day is None:
        raise _bad(text, "a weekday needs a day", "write 'Sat 5 Aug 2017' or drop the weekday")
    if d.weekday is not None and not 0 <= d.weekday <= 6:
        raise _bad(text, f"there is no weekday {d.weekday}", "weekdays run from 0 (Monday) to 6")


def _unreadable(text: str, cleaned: str) -> InvalidValue:
    if "/" in cleaned or _YEAR_RANGE.fullmatch(cleaned) or _TO_RANGE.fullmatch(cleaned):
        return _bad(text, "it is a period, not a single date", "write one date, such as 2017-08-05")
    prefixes = (m.group() for p in (_ISO, *_HUMAN) if (m := p.match(cleaned)))
    if longest := max(prefixes, key=len, default=""):
        return _bad(text, f"unexpected {cleaned[len(longest) :].strip()!r} after {longest!r}")
    return _bad(text, "it is not in a form that can be read")


_SLASHED = re.compile(r"^\d{1,2}/\d{1,2}/\d{2,4}$")


def parse_timespan(text: str | int | date) -> TimeSpan:
    """Read a date (start == end) or a period, keeping ``text`` exactly as given.

    Periods: ISO ``2015/2018``, ``2015-06/2015-08``, open ``2015/..`` and ``../2018``, and
    ``2015 to 2018``, ``from 2015 to 2018``, ``1996-2001``, ``1996–2001`` (years only).
    """
    raw = text if isinstance(text, str) else str(text)
    if _SLASHED.match(raw.strip()):
        raise InvalidValue(
            f"{raw!r} is ambiguous: day/month or month/day",
            "write the date as 2017-08-12 or '12 August 2017'",
        )
    ends = _period_ends(" ".join(raw.split())) if isinstance(text, str) else None
    if ends is None:
        _reject_open_words(raw)
        single = parse_date(text)
        return TimeSpan(raw, single, single)
    if "" in ends:
        raise InvalidValue(
            f"{raw!r} is not a period: it needs two ends, each a date or '..'",
            "write 2015/.. or ../2018",
        )
    if ends == ("..", ".."):
        raise InvalidValue(f"{raw!r} is not a period: both ends are open", "give at least one date")
    start, end = (None if part == ".." else parse_date(part) for part in ends)
    if start is not None and end is not None and not _ends_after(start, end):
        raise InvalidValue(
            f"{raw!r} is not a period: it ends before it starts",
            f"write the earlier date first: {ends[1]}/{ends[0]}",
        )
    return TimeSpan(raw, start, end)


def _period_ends(cleaned: str) -> tuple[str, str] | None:
    if "/" in cleaned:
        left, _, right = cleaned.partition("/")
        return left.strip(), right.strip() if "/" not in right else ""
    for pattern in (_YEAR_RANGE, _TO_RANGE):
        if match := pattern.fullmatch(cleaned):
            return match["a"].strip(), match["b"].strip()
    return None


def _reject_open_words(text: str) -> None:
    if match := _OPEN_WORDS.fullmatch(" ".join(text.split())):
        rest = match["rest"]
        until = match["word"].lower() in ("until", "till")
        hint = f"write ../{rest} for up to {rest}" if until else f"write {rest}/.. for {rest} on"
        raise _bad(text, f"{match['word']!r} makes it an open period", hint)


def _shift(moment: datetime, delta: timedelta) -> datetime:
    try:
        return moment + delta
    except OverflowError:
        return datetime.max if delta > timedelta(0) else datetime.min


def bounds(d: PartialDate) -> tuple[datetime, datetime]:
    """The half-open interval [start, end) that ``d`` covers at its precision.

    Naive datetimes, in UTC when ``d.utc_offset`` is known, else in floating local time.
    Ends beyond year 9999 are clamped to ``datetime.max`` (and before year 1 to ``.min``).
    """
    start = datetime(d.year, d.month or 1, d.day or 1, d.hour or 0, d.minute or 0, d.second or 0)
    step = _STEPS.get(d.precision)
    if step is not None:
        end = _shift(start, step)
    else:
        year, month = divmod(start.year * 12 + start.month + (11 if d.month is None else 0), 12)
        end = datetime(year, month + 1, 1) if year <= 9999 else datetime.max
    if d.utc_offset:
        to_utc = timedelta(minutes=-d.utc_offset)
        start, end = _shift(start, to_utc), _shift(end, to_utc)
        if end <= start:  # all of it before year 1 in UTC: clamped, it must not vanish
            end = start + timedelta(microseconds=1)
    return start, end


def _ends_after(first: PartialDate | None, last: PartialDate | None) -> bool:
    """Whether ``last`` ends after ``first`` begins (an open end always does)."""
    if first is None or last is None:
        return True
    low, high = bounds(first)[0], bounds(last)[1]
    if first.utc_offset is None and last.utc_offset is not None:
        low = _shift(low, -_SLACK)
    elif first.utc_offset is not None and last.utc_offset is None:
        high = _shift(high, _SLACK)
    return low < high


def overlaps(a: TimeSpan, b: TimeSpan) -> bool:
    """Whether the two spans share any moment, each date covering its whole precision.

    Zone rule: when both dates compared have a UTC offset they are compared in UTC; when
    both have none they are compared as the same floating local time; when only one has
    none, that one is widened by 14 hours on each side (real offsets run from -12 to +14),
    so "2017-08-05" overlaps "2017-08-04T23:00-05:00". Open ends reach indefinitely.
    """
    return _ends_after(a.start, b.end) and _ends_after(b.start, a.end)


def agrees(a: PartialDate, b: PartialDate) -> bool:
    """Whether two single dates can be the same time (:func:`overlaps` for two dates)."""
    return overlaps(TimeSpan("", a, a), TimeSpan("", b, b))


def weekday_mismatch(d: PartialDate) -> str | None:
    """A message when the stated weekday is not the date's weekday, else None."""
    if d.weekday is None or d.month is None or d.day is None:
        return None
    actual = date(d.year, d.month, d.day).weekday()
    if actual == d.weekday:
        return None
    said = f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}"
    return f"{said} was a {_WEEKDAY_NAMES[actual]}, not a {_WEEKDAY_NAMES[d.weekday]}"


def sortable(d: PartialDate, *, end: bool = False) -> str:
    """``YYYY-MM-DDTHH:MM:SS`` of the start (or exclusive end) of ``d``'s bounds."""
    moment = bounds(d)[1 if end else 0]
    return f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S}"


def sortable_span(span: TimeSpan) -> tuple[str | None, str | None]:
    """:func:`sortable` of the span's start and of its end's end; None for an open end."""
    start = None if span.start is None else sortable(span.start)
    end = None if span.end is None else sortable(span.end, end=True)
    return start, end


def parse_instant(text: str | date) -> datetime:
    """Read a full timestamp (to the minute at least) as an aware datetime in UTC.

    A timestamp without a zone is read as UTC; a ``datetime`` is accepted as it is.
    """
    if isinstance(text, datetime):
        return text.replace(tzinfo=UTC) if text.utcoffset() is None else text.astimezone(UTC)
    raw = str(text)
    cleaned = raw.strip()
    micro = 0
    if fraction := _FRACTION.search(cleaned):
        micro = int(fraction[1].ljust(6, "0"))
        cleaned = cleaned[: fraction.start()] + cleaned[fraction.end() :]
    moment = parse_date(cleaned)
    if moment.precision < Precision.MINUTE:
        raise InvalidValue(
            f"{raw!r} is not a timestamp: it has no time of day to the minute",
            "write a date and time, such as 2026-11-21T10:00:00Z",
        )
    return bounds(moment)[0].replace(microsecond=micro, tzinfo=UTC)


def format_date(d: PartialDate) -> str:
    """Canonical ISO text for ``d`` ("2017-08", "2017-08-05T14:30+04:30").

    A stated weekday has no ISO spelling and is left out; an invalid date raises.
    """
    text = f"{d.year:04d}"
    parts = (("-", d.month), ("-", d.day), ("T", d.hour), (":", d.minute), (":", d.second))
    for sep, part in parts:
        if part is None:
            break
        text += f"{sep}{part:02d}"
    if d.utc_offset is not None:
        hours, minutes = divmod(abs(d.utc_offset), 60)
        sign = "-" if d.utc_offset < 0 else "+"
        text += "Z" if d.utc_offset == 0 else f"{sign}{hours:02d}:{minutes:02d}"
    _check(d, text)
    return text
