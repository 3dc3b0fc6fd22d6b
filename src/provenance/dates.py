"""Dates and periods as analysts write them, kept at their precision and compared by overlap.

Month and weekday names are read in English, French, German, Spanish, Portuguese and
Italian (CLDR names through Babel, with or without accents), and in the Solar Hijri calendar
of Afghan and Iranian reporting ("16 Mehr 1400", "26 Asad 1398") and the Islamic (lunar)
calendar ("12 Ramadan 1442"), converted to the Gregorian day with convertdate. A date may be
approximate ("around 18:00 on 31 May 2017", "c. 2015"): :func:`compare_span` widens it.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import NamedTuple

from provenance.errors import InvalidValue
from provenance.model import PartialDate, Precision, TimeSpan

FORMS_HINT = (
    "write 2017-08-05, 2017-08, 2017, or '5 August 2017'; "
    "use a period such as 2015/2018 for a range"
)
LANGUAGES = ("en", "fr", "de", "es", "pt", "it")
"""The languages whose month and weekday names are read (CLDR data, through Babel)."""
SPAN_FLAGS = ("approximate", "inferred")
"""What a date may say about itself beside its text: {date: 2020-03-25, inferred: true}."""

_MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
_MONTH_NAMES += ("August", "September", "October", "November", "December")
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = {n.lower(): i for i, n in enumerate(_MONTH_NAMES, 1)}
_MONTHS |= {n[:3].lower(): i for i, n in enumerate(_MONTH_NAMES, 1)} | {"sept": 9}
_WEEKDAYS = {n.lower(): i for i, n in enumerate(_WEEKDAY_NAMES)}
_WEEKDAYS |= {n[:3].lower(): i for i, n in enumerate(_WEEKDAY_NAMES)}
_WEEKDAYS |= {"tues": 1, "wednes": 2, "thur": 3, "thurs": 3}
_PERSIAN_WEEKDAYS = {
    "shanbe": 5,
    "shanbeh": 5,
    "yekshanbe": 6,
    "yekshanbeh": 6,
    "doshanbe": 0,
    "doshanbeh": 0,
    "seshanbe": 1,
    "seshanbeh": 1,
    "sehshanbe": 1,
    "chaharshanbe": 2,
    "chaharshanbeh": 2,
    "panjshanbe": 3,
    "panjshanbeh": 3,
    "jome": 4,
    "jomeh": 4,
    "jumah": 4,
    "juma": 4,
    "jumma": 4,
    "شنبه": 5,
    "یکشنبه": 6,
    "دوشنبه": 0,
    "سهشنبه": 1,
    "چهارشنبه": 2,
    "پنجشنبه": 3,
    "جمعه": 4,
}
WEEKDAY_PREFIXES = (
    *("cha", "di ", "di,", "di.", "die", "dim", "do ", "do,", "do.", "dom", "don", "dos"),
    *("fr ", "fr,", "fr.", "fre", "fri", "gio", "jeu", "jom", "jue", "jum", "lun", "mar"),
    *("mer", "mi ", "mi,", "mi.", "mie", "mit", "mié", "mo ", "mo,", "mo.", "mon", "pan"),
    *("qua", "qui", "sa ", "sa,", "sa.", "sab", "sam", "sat", "seg", "ses", "sex", "sha"),
    *("so ", "so,", "so.", "son", "sun", "sáb", "ter", "thu", "tue", "ven", "vie", "wed"),
    *("yek", "جمع", "دوش", "سهش", "سه\u200cش", "شنب", "پنج", "چها", "یکش"),
)
"""How a date that states its weekday begins, lower-cased, first three characters ("sat",
"sáb", "sa." for "Sa., 5. August 2017"): every weekday name read here has its prefix here."""

# Solar Hijri months as Iranian (Farvardin...) and Afghan Dari (Hamal...) reporting writes
# them, with common transliterations and the Persian-script names.
_SOLAR_HIJRI: tuple[tuple[str, ...], ...] = (
    ("farvardin", "farwardin", "hamal", "haml", "فروردین", "حمل"),
    ("ordibehesht", "ordibehesht", "urdibihisht", "sawr", "saur", "sowr", "sor", "اردیبهشت", "ثور"),
    ("khordad", "khurdad", "jawza", "jauza", "jowza", "jawzā", "jauzā", "خرداد", "جوزا"),
    ("tir", "saratan", "sarataan", "تیر", "سرطان"),
    ("mordad", "amordad", "murdad", "asad", "مرداد", "اسد"),
    (
        "shahrivar",
        "shahriwar",
        "shahrewar",
        "sonbola",
        "sunbula",
        "sunbulah",
        "sombola",
        "sumbula",
        "sonbula",
        "شهریور",
        "سنبله",
    ),
    ("mehr", "mihr", "mizan", "meezan", "مهر", "میزان"),
    ("aban", "abaan", "aqrab", "akrab", "aqrāb", "آبان", "عقرب"),
    ("azar", "aazar", "qaws", "qaus", "kaus", "qos", "آذر", "قوس"),
    ("dey", "dei", "jadi", "jaddi", "jadey", "دی", "جدی"),
    ("bahman", "dalw", "dalv", "dalwa", "بهمن", "دلو"),
    ("esfand", "esfund", "isfand", "asfand", "hut", "hoot", "حوت", "اسفند"),
)
# Islamic (lunar) Hijri months, with common transliterations.
_ISLAMIC: tuple[tuple[str, ...], ...] = (
    ("muharram", "muharam", "moharram"),
    ("safar", "saphar"),
    ("rabi al awwal", "rabi ul awwal", "rabiul awwal", "rabi al aval", "rabi i", "rabi 1"),
    (
        "rabi al thani",
        "rabi al akhir",
        "rabi ul akhir",
        "rabi us sani",
        "rabi ul sani",
        "rabi ii",
        "rabi 2",
    ),
    ("jumada al awwal", "jumada al ula", "jumada ul awwal", "jamadi ul awwal", "jumada i"),
    (
        "jumada al thani",
        "jumada al akhirah",
        "jumada al akhira",
        "jumada ul akhir",
        "jamadi us sani",
        "jumada ii",
    ),
    ("rajab",),
    ("shaban", "shaaban"),
    ("ramadan", "ramadhan", "ramazan", "ramzan"),
    ("shawwal", "shawal"),
    (
        "dhu al qadah",
        "dhu al qidah",
        "dhul qadah",
        "dhul qidah",
        "dhu al qada",
        "dhul qada",
        "zul qadah",
        "zulqadah",
        "zil qad",
        "dhu l qada",
    ),
    (
        "dhu al hijjah",
        "dhu al hijja",
        "dhul hijjah",
        "dhul hijja",
        "zul hijjah",
        "zulhijjah",
        "zil hajj",
        "dhu l hijja",
    ),
)
_CALENDAR_NAMES = {"gregorian": "", "persian": "Solar Hijri", "islamic": "Islamic"}
_ERAS = {"ah": "islamic", "sh": "persian", "hs": "persian", "ap": "persian"}
_ERAS |= {"ad": "gregorian", "ce": "gregorian"}
_EXAMPLES = {"gregorian": "5 August 2017", "persian": "16 Mehr 1400", "islamic": "12 Ramadan 1442"}
_HIJRI_YEARS = range(1, 1700)  # a Gregorian year here (16 Mehr 2021) is a mistake
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
_ARTICLE = r"(?:(?:le|el|il|am|den|the)\s)?"
_WEEKDAY = (
    _ARTICLE
    + r"(?:(?!(?:le|el|il|am|den|the|de|of)\s)(?P<weekday>[^\W\d_][\w'’\u200c-]*)\.?,?\s)?"
    + _ARTICLE
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|e|º|°|ª)?\.?"
_MONTH = r"(?!(?:de|del|of)\s)(?P<month>[^\W\d_][^\d,]*?)\.?"
_ERA = "|".join(r"\.?\s?".join(era) for era in _ERAS)  # AH, A.H., A. H. ...
_YEAR = r",?(?:\s(?:de|del|of))?\s(?P<year>\d{4})(?:\s(?P<era>(?:" + _ERA + r")\.?))?"
_TIME = (
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\s?(?P<zone>z|utc|gmt|[+-]\d{2}(?::?\d{2})?))?"
)
_DAY_MONTH = _WEEKDAY + _DAY + r"(?:\s(?:de|of))?\s" + _MONTH + _YEAR
_MONTH_DAY = _WEEKDAY + _MONTH + r"\s" + _DAY + _YEAR
_HUMAN_FORMS = (
    *(dated for dated in (_DAY_MONTH, _MONTH_DAY)),
    *(_TIME + r",?\s(?:on\s)?" + dated for dated in (_DAY_MONTH, _MONTH_DAY)),
    *(dated + r"(?:,|\sat)?\s" + _TIME for dated in (_DAY_MONTH, _MONTH_DAY)),
    _WEEKDAY + _MONTH + _YEAR,
)
_YEARLESS_FORMS = tuple(
    _WEEKDAY + body
    for body in (_DAY + r"(?:\s(?:de|of))?\s" + _MONTH, _MONTH + r"\s" + _DAY, _MONTH)
)
_YEAR_RANGE = re.compile(r"(?P<a>\d{4})\s?[-–]\s?(?P<b>\d{4})")
_TO_RANGE = re.compile(r"(?:from\s)?(?P<a>.+?)\sto\s(?P<b>.+)", re.IGNORECASE)
_OPEN_WORDS = re.compile(r"(?P<word>from|since|until|till)\s(?P<rest>.+)", re.IGNORECASE)
_FRACTION = re.compile(r"(?<=\d\d:\d\d:\d\d)\.(\d{1,6})")
_APPROXIMATE = re.compile(
    r"(?:(?:about|around|approximately|roughly|circa)\s|(?:approx\.|ca\.|c\.|~)\s?)(?P<rest>.+)",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


class _Month(NamedTuple):
    calendar: str
    number: int


class _Read(NamedTuple):
    """One written date as its first and last day: the same day but for a Hijri month,
    which runs across two Gregorian months; ``lunar`` for the Islamic calendar."""

    start: PartialDate
    end: PartialDate
    lunar: bool = False


@cache
def _patterns(forms: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The human forms, compiled on first use (the command line starts without them)."""
    return tuple(re.compile(form, re.IGNORECASE) for form in forms)


def _bad(text: str, reason: str, hint: str = FORMS_HINT) -> InvalidValue:
    return InvalidValue(f"{text!r} is not a date: {reason}", hint)


def _fold(word: str) -> str:
    """A name for lookup: no case, accents, apostrophes or dots; hyphens as spaces."""
    word = word.lower().replace("ي", "ی").replace("ك", "ک")
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    plain = re.sub(r"['’ʿʾ`.\u200c]", "", plain).replace("-", " ")
    return " ".join(plain.split())


def _table(rows: tuple[tuple[str, ...], ...]) -> dict[str, int]:
    return {_fold(name): number for number, names in enumerate(rows, 1) for name in names}


_CALENDARS = {"persian": _table(_SOLAR_HIJRI), "islamic": _table(_ISLAMIC)}


@cache
def _cldr_names() -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday names in ``LANGUAGES`` (full and abbreviated, folded); a name that
    means two different months or days in two languages is left out."""
    from babel import Locale  # CLDR data: loaded only for a name that is not English

    months: dict[str, set[int]] = defaultdict(set)
    weekdays: dict[str, set[int]] = defaultdict(set)
    for code in LANGUAGES:
        locale = Locale.parse(code)
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in locale.months[context][width].items():
                    months[_fold(name)].add(int(number))
                for number, name in locale.days[context][width].items():
                    weekdays[_fold(name)].add(int(number))
    return (
        {name: found.pop() for name, found in months.items() if len(found) == 1},
        {name: found.pop() for name, found in weekdays.items() if len(found) == 1},
    )


def _month_of(word: str) -> _Month | None:
    """The calendar and number of a month name in any language or calendar read here."""
    key = _fold(word)
    if key in _MONTHS:
        return _Month("gregorian", _MONTHS[key])
    for name, table in _CALENDARS.items():
        if key in table:
            return _Month(name, table[key])
    number = _cldr_names()[0].get(key)
    return None if number is None else _Month("gregorian", number)


def _weekday_of(word: str) -> int | None:
    key = _fold(word)
    found = _WEEKDAYS.get(key, _PERSIAN_WEEKDAYS.get(key))
    return found if found is not None else _cldr_names()[1].get(key)


def parse_date(text: str | int | date) -> PartialDate:
    """Read one date at the precision it is written.

    ISO: ``2015``, ``2015-06``, ``2015-06-16``, ``2015-06-16T14[:30[:05]]`` (or a space for
    ``T``), with a zone on times (``Z``, ``+04:30``, ``-0500``, ``+04``) or on a bare date
    (``2017-08-05+04:30``, ``2017-08-05Z``: the calendar day in that zone). Human, any case:
    ``5 August 2017``, ``August 5, 2017``, ``Aug. 2017`` (full, 3-letter or "Sept" months),
    optionally after a weekday (``Sat 5 Aug 2017``), which is kept even when wrong (see
    :func:`weekday_mismatch`), and with a time before or after (``18:00 on 31 May 2017``,
    ``31 May 2017, 18:00 UTC``). Month and weekday names may be French, German, Spanish,
    Portuguese or Italian, with or without accents and their usual particles (``5 août
    2017``, ``5. August 2017``, ``sábado, 5 de agosto de 2017``), or Solar Hijri (``16 Mehr
    1400``, ``26 Asad 1398``) or Islamic (``12 Ramadan 1442``) with the year of that
    calendar, read as the Gregorian day. An int is a year (YAML reads ``2017`` as one); a
    ``date``/``datetime`` (YAML reads unquoted ISO dates as those) is read from its ISO text.
    """
    if isinstance(text, bool) or not isinstance(text, str | int | date):
        raise _bad(repr(text), "expected text such as 2017-08-05")
    if isinstance(text, int):
        return _check(PartialDate(text), str(text))
    read = _read(str(text))
    if read.start != read.end:
        raise _bad(
            str(text),
            "a month of the Solar Hijri or Islamic calendar is not a single date",
            "give the day (16 Mehr 1400), or write the month as a period (date: Mehr 1400)",
        )
    return read.start


def _read(raw: str) -> _Read:
    """One written date, as its first and last day (see :class:`_Read`)."""
    cleaned = " ".join(raw.split())
    if not cleaned:
        raise _bad(raw, "it is empty")
    if match := _ISO.fullmatch(cleaned):
        return _from_match(match, raw)
    for pattern in _patterns(_HUMAN_FORMS):
        if match := pattern.fullmatch(cleaned):
            return _from_match(match, raw)
    raise _unreadable(raw, cleaned)


def _from_match(match: re.Match[str], text: str) -> _Read:
    parts = match.groupdict()

    def number(name: str) -> int | None:
        value = parts.get(name)
        return None if value is None else int(value)

    weekday, month_word = _weekday_or_month(parts.get("weekday"), parts["month"])
    month = _month(month_word, parts.get("era"), text)
    found = PartialDate(
        year=int(parts["year"]),
        month=None if month is None else month.number,
        day=number("day"),
        hour=number("hour"),
        minute=number("minute"),
        second=number("second"),
        utc_offset=_offset(parts.get("zone"), text, timed=parts.get("hour") is not None),
        weekday=None if weekday is None else _weekday(weekday, text),
    )
    if month is None or month.calendar == "gregorian":
        checked = _check(found, text)
        return _Read(checked, checked)
    return _from_hijri(found, month.calendar, text)


def _weekday_or_month(weekday: str | None, month: str | None) -> tuple[str | None, str | None]:
    """A month of several words ("Rabi al-Awwal 1442") whose first word the pattern took
    for a weekday: given back to the month."""
    if weekday is None or month is None or _weekday_of(weekday) is not None:
        return weekday, month
    joined = f"{weekday} {month}"
    return (None, joined) if _month_of(joined) is not None else (weekday, month)


def _month(word: str | None, era: str | None, text: str) -> _Month | None:
    if word is None:
        return None
    if word.isdigit():
        return _Month("gregorian", int(word))
    month = _month_of(word)
    if month is None:
        raise _bad(text, f"{word!r} is not a month")
    said = None if era is None else _ERAS.get(re.sub(r"[\s.]", "", era.lower()))
    if era is not None and said is None:
        raise _bad(text, f"{era!r} is not a calendar's era", "write AH, SH or CE, or nothing")
    if said is not None and said != month.calendar:
        raise _bad(
            text,
            f"{word!r} is a month of the {_calendar_label(month.calendar)} calendar, "
            f"not of the one {era!r} names",
            f"write the date as in {_EXAMPLES[month.calendar]}",
        )
    return month


def _calendar_label(name: str) -> str:
    return _CALENDAR_NAMES[name] or "Gregorian"


def _weekday(word: str, text: str) -> int:
    if (number := _weekday_of(word)) is None:
        raise _bad(text, f"{word!r} is not a weekday", "write Saturday or Sat, or leave it out")
    return number


def _from_hijri(d: PartialDate, name: str, text: str) -> _Read:
    """A Solar Hijri or Islamic date as its Gregorian day (or a month as its first and last
    day), keeping the time of day, zone and stated weekday."""
    from convertdate import islamic, persian  # loaded only for a Hijri date

    module = persian if name == "persian" else islamic
    label = _calendar_label(name)
    month = d.month or 1
    if d.year not in _HIJRI_YEARS:
        raise _bad(
            text,
            f"{d.year} is not a year of the {label} calendar",
            f"write the {label} year, as in {_EXAMPLES[name]}",
        )
    last = int(module.month_length(d.year, month))
    if d.day is not None and not 1 <= d.day <= last:
        raise _bad(text, f"that {label} month has {last} days", f"days run from 1 to {last}")

    def gregorian(day: int, source: PartialDate) -> PartialDate:
        year, month_, day_ = module.to_gregorian(d.year, month, day)
        return _check(replace(source, year=year, month=month_, day=day_), text)

    if d.day is not None:
        single = gregorian(d.day, d)
        return _Read(single, single, lunar=name == "islamic")
    plain = PartialDate(d.year, month, 1)
    return _Read(gregorian(1, plain), gregorian(last, plain), lunar=name == "islamic")


def _offset(zone: str | None, text: str, *, timed: bool) -> int | None:
    if zone is None:
        return None
    if zone.upper() in ("Z", "UTC", "GMT"):
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
    yearless = _yearless(cleaned)
    if yearless is not None:
        return _bad(
            text,
            "it has no year",
            f"add the {_CALENDAR_NAMES[yearless] + ' ' if _CALENDAR_NAMES[yearless] else ''}"
            f"year, as in {_EXAMPLES[yearless]}",
        )
    patterns = (_ISO, *_patterns(_HUMAN_FORMS))
    prefixes = (m.group() for p in patterns if (m := p.match(cleaned)))
    if longest := max(prefixes, key=len, default=""):
        return _bad(text, f"unexpected {cleaned[len(longest) :].strip()!r} after {longest!r}")
    return _bad(text, "it is not in a form that can be read")


def _yearless(cleaned: str) -> str | None:
    """The calendar of a date written without its year ("16 Mehr", "5 August"), else None."""
    for pattern in _patterns(_YEARLESS_FORMS):
        if (match := pattern.fullmatch(cleaned)) and (month := _month_of(match["month"])):
            return month.calendar
    return None


def parse_timespan(text: str | int | date) -> TimeSpan:
    """Read a date (start == end) or a period, keeping ``text`` exactly as given.

    Periods: ISO ``2015/2018``, ``2015-06/2015-08``, open ``2015/..`` and ``../2018``, and
    ``2015 to 2018``, ``from 2015 to 2018``, ``1996-2001``, ``1996–2001`` (years only); a
    Hijri month (``Mehr 1400``) is the period of its days. A leading ``about``, ``around``,
    ``approximately``, ``circa``, ``c.``, ``ca.`` or ``~`` makes the span approximate, and so
    does an Islamic date (the observed month may begin a day apart from the reckoned one).
    Numeric dates with slashes, dots or dashes (``8/4/2022``) are refused as ambiguous.
    """
    raw = text if isinstance(text, str) else str(text)
    approximate = _APPROXIMATE.fullmatch(" ".join(raw.split())) if isinstance(text, str) else None
    body = approximate["rest"] if approximate else raw
    if _NUMERIC.fullmatch(body.strip()):
        raise InvalidValue(
            f"{raw!r} is ambiguous: day/month or month/day",
            "write the date as 2017-08-12 or '12 August 2017'",
        )
    ends = _period_ends(" ".join(body.split())) if isinstance(text, str) else None
    if ends is None:
        _reject_open_words(raw)
        if not isinstance(text, str):
            single = parse_date(text)
            return TimeSpan(raw, single, single)
        read = _read(body)
        return TimeSpan(raw, read.start, read.end, approximate=bool(approximate) or read.lunar)
    return _period(raw, ends, bool(approximate))


def _period(raw: str, ends: tuple[str, str], approximate: bool) -> TimeSpan:
    if "" in ends:
        raise InvalidValue(
            f"{raw!r} is not a period: it needs two ends, each a date or '..'",
            "write 2015/.. or ../2018",
        )
    if ends == ("..", ".."):
        raise InvalidValue(f"{raw!r} is not a period: both ends are open", "give at least one date")
    first, last = (None if part == ".." else _read(part) for part in ends)
    start = None if first is None else first.start
    end = None if last is None else last.end
    if start is not None and end is not None and not _ends_after(start, end):
        raise InvalidValue(
            f"{raw!r} is not a period: it ends before it starts",
            f"write the earlier date first: {ends[1]}/{ends[0]}",
        )
    lunar = any(read is not None and read.lunar for read in (first, last))
    return TimeSpan(raw, start, end, approximate=approximate or lunar)


def flagged(
    span: TimeSpan, *, approximate: bool | None = None, inferred: bool | None = None
) -> TimeSpan:
    """``span`` marked approximate or inferred as the ledger's mapping form says
    ({date: 2020-03-25, approximate: true, inferred: true}); a date whose words already make
    it approximate ("c. 2015") cannot be marked ``approximate: false``."""
    if approximate is False and span.approximate:
        raise InvalidValue(
            f"{span.text!r} is approximate as written, but approximate: false says it is not",
            "remove approximate: false, or write the date without about, around, c. or ~",
        )
    return replace(
        span,
        approximate=span.approximate or bool(approximate),
        inferred=span.inferred or bool(inferred),
    )


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


def compare_span(span: TimeSpan) -> TimeSpan:
    """The span to compare: an approximate one widened by one step of its precision at each
    end (a time of day by an hour, a day by a day, a month by a month, a year by a year), so
    "around 18:00" meets "19:00" and "c. 2015" meets "2016"; any other span as it is. Use
    it on both sides before :func:`overlaps`."""
    if not span.approximate:
        return span
    start = None if span.start is None else _step(span.start, -1)
    end = None if span.end is None else _step(span.end, 1)
    return replace(span, start=start, end=end)


def _step(d: PartialDate, sign: int) -> PartialDate:
    """``d`` moved one step of its precision (an hour for a time of day) earlier (-1) or
    later (1), kept within years 1 to 9999; a stated weekday no longer applies."""
    if d.precision <= Precision.MONTH:
        months = d.year * 12 + (d.month or 1) - 1 + sign * (12 if d.month is None else 1)
        year, month = divmod(months, 12)
        if not 1 <= year <= 9999:
            return replace(d, weekday=None)
        return replace(d, year=year, month=None if d.month is None else month + 1, weekday=None)
    step = timedelta(days=1) if d.precision is Precision.DAY else timedelta(hours=1)
    moment = datetime(d.year, d.month or 1, d.day or 1, d.hour or 0, d.minute or 0)
    moved = _shift(moment, step * sign)
    if moved in (datetime.min, datetime.max):
        return replace(d, weekday=None)
    return replace(
        d,
        year=moved.year,
        month=moved.month,
        day=moved.day,
        hour=None if d.hour is None else moved.hour,
        weekday=None,
    )


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
