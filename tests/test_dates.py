"""Tests for provenance.dates: parsing at each precision, errors, bounds, zones and overlap."""

from __future__ import annotations

import calendar
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.dates import (
    LANGUAGES,
    WEEKDAY_PREFIXES,
    agrees,
    bounds,
    compare_span,
    flagged,
    format_date,
    overlaps,
    parse_date,
    parse_instant,
    parse_timespan,
    sortable,
    sortable_span,
    weekday_mismatch,
)
from provenance.errors import InvalidValue
from provenance.model import PartialDate, Precision, TimeSpan

P = PartialDate
Y, M, D = Precision.YEAR, Precision.MONTH, Precision.DAY
H, MI, S = Precision.HOUR, Precision.MINUTE, Precision.SECOND

ACCEPTED: list[tuple[str | int, PartialDate, Precision]] = [
    ("2015", P(2015), Y),
    ("2015-06", P(2015, 6), M),
    ("2015-06-16", P(2015, 6, 16), D),
    ("2015-06-16T14", P(2015, 6, 16, 14), H),
    ("2015-06-16T14:30", P(2015, 6, 16, 14, 30), MI),
    ("2015-06-16T14:30:05", P(2015, 6, 16, 14, 30, 5), S),
    ("2015-06-16 14:30", P(2015, 6, 16, 14, 30), MI),
    ("2015-06-16T14:30Z", P(2015, 6, 16, 14, 30, utc_offset=0), MI),
    ("2015-06-16T14:30+04:30", P(2015, 6, 16, 14, 30, utc_offset=270), MI),
    ("2015-06-16T14:30-0500", P(2015, 6, 16, 14, 30, utc_offset=-300), MI),
    ("2015-06-16T14:30+04", P(2015, 6, 16, 14, 30, utc_offset=240), MI),
    ("2015-06-16T14:30:05-03:30", P(2015, 6, 16, 14, 30, 5, utc_offset=-210), S),
    ("2015-06-16 14:30Z", P(2015, 6, 16, 14, 30, utc_offset=0), MI),
    ("2017-08-05+04:30", P(2017, 8, 5, utc_offset=270), D),
    ("2017-08-05Z", P(2017, 8, 5, utc_offset=0), D),
    ("2017-08-05-05:00", P(2017, 8, 5, utc_offset=-300), D),
    ("5 August 2017", P(2017, 8, 5), D),
    ("5 Aug 2017", P(2017, 8, 5), D),
    ("5 aug. 2017", P(2017, 8, 5), D),
    ("August 5, 2017", P(2017, 8, 5), D),
    ("Aug 5 2017", P(2017, 8, 5), D),
    ("AUGUST 5 2017", P(2017, 8, 5), D),
    ("August 2017", P(2017, 8), M),
    ("Aug. 2017", P(2017, 8), M),
    ("aug 2017", P(2017, 8), M),
    ("Sept. 2017", P(2017, 9), M),
    ("31 December 1999", P(1999, 12, 31), D),
    ("Saturday, 5 August 2017", P(2017, 8, 5, weekday=5), D),
    ("Sat 5 Aug 2017", P(2017, 8, 5, weekday=5), D),
    ("Sat., 5 Aug. 2017", P(2017, 8, 5, weekday=5), D),
    ("saturday 5 august 2017", P(2017, 8, 5, weekday=5), D),
    ("Saturday, August 5, 2017", P(2017, 8, 5, weekday=5), D),
    ("Monday, 13 November 2017", P(2017, 11, 13, weekday=0), D),
    ("Friday, 5 August 2017", P(2017, 8, 5, weekday=4), D),  # wrong weekday is kept
    ("  5   August  2017 ", P(2017, 8, 5), D),
    ("0800", P(800), Y),
    (2017, P(2017), Y),
    (1, P(1), Y),
]


@pytest.mark.parametrize(("text", "expected", "precision"), ACCEPTED)
def test_parse_date_accepts(text: str | int, expected: PartialDate, precision: Precision) -> None:
    parsed = parse_date(text)
    assert parsed == expected
    assert parsed.precision is precision


def test_parse_date_reads_yaml_date_objects() -> None:
    assert parse_date(date(2017, 8, 5)) == P(2017, 8, 5)
    aware = datetime(2017, 8, 5, 14, 30, tzinfo=UTC)
    assert parse_date(aware) == P(2017, 8, 5, 14, 30, 0, utc_offset=0)


ERRORS: list[tuple[str | int, str]] = [
    ("2017-02-30", "February 2017 has 28 days"),
    ("2016-02-30", "February 2016 has 29 days"),
    ("2100-02-29", "February 2100 has 28 days"),
    ("2017-04-31", "April 2017 has 30 days"),
    ("31 June 2017", "June 2017 has 30 days"),
    ("2017-13", "there is no month 13"),
    ("2017-00", "there is no month 0"),
    ("2017-08-00", "there is no day 0"),
    ("2017-08-05T25:00", "there is no hour 25"),
    ("2017-08-05T24:00", "there is no hour 24"),
    ("2017-08-05T14:60", "there is no minute 60"),
    ("2017-08-05T14:30:60", "there is no second 60"),
    ("2017-08-05 or so", "unexpected 'or so'"),
    ("2017?", "unexpected '?'"),
    ("2017-8-5", "unexpected '-8-5'"),
    ("2017-08-05T14:30:05.5", "unexpected '.5'"),
    ("early 2017", "'early' is not a month"),
    ("5 Agust 2017", "'Agust' is not a month"),
    ("Satur 5 Aug 2017", "'Satur' is not a weekday"),
    ("Saturday, August 2017", "a weekday needs a day"),
    ("5 August 17", "not in a form"),
    ("0000", "year 0 is out of range"),
    (0, "year 0 is out of range"),
    (10000, "year 10000 is out of range"),
    (-5, "year -5 is out of range"),
    ("", "empty"),
    ("   ", "empty"),
    ("2015/2018", "a period, not a single date"),
    ("1996-2001", "a period, not a single date"),
    ("2017-08-05T10:00+15:00", "'+15:00' is not a UTC offset"),
    ("2017-08-05-05", "zone '-05' is ambiguous"),
]


@pytest.mark.parametrize(("text", "problem"), ERRORS)
def test_parse_date_rejects(text: str | int, problem: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(text)
    assert repr(str(text)) in caught.value.message
    assert problem in caught.value.message
    assert caught.value.hint


@pytest.mark.parametrize("text", ["2017-08-05 or so", "early 2017", "2017?"])
def test_unreadable_text_hints_at_the_accepted_forms(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(text)
    assert caught.value.hint is not None
    for form in ("2017-08-05", "2017-08", "5 August 2017", "2015/2018"):
        assert form in caught.value.hint


def test_bool_is_not_a_year() -> None:
    with pytest.raises(InvalidValue):
        parse_date(True)


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        ("Monday, 13 November 2017", None),
        ("Mon 13 Nov 2017", None),
        ("Saturday, 5 August 2017", None),
        ("5 August 2017", None),
        ("Friday, 5 August 2017", "5 August 2017 was a Saturday, not a Friday"),
        ("Tue 13 Nov 2017", "13 November 2017 was a Monday, not a Tuesday"),
        ("Sun 29 Feb 2016", "29 February 2016 was a Monday, not a Sunday"),
    ],
)
def test_weekday_mismatch(text: str, mismatch: str | None) -> None:
    assert weekday_mismatch(parse_date(text)) == mismatch


SPANS: list[tuple[str | int, PartialDate | None, PartialDate | None]] = [
    ("2015/2018", P(2015), P(2018)),
    ("2015-06/2015-08", P(2015, 6), P(2015, 8)),
    ("2015/..", P(2015), None),
    ("../2018", None, P(2018)),
    ("2015 / 2018", P(2015), P(2018)),
    ("2015 to 2018", P(2015), P(2018)),
    ("from 2015 to 2018", P(2015), P(2018)),
    ("From 2015 To 2018", P(2015), P(2018)),
    ("1996-2001", P(1996), P(2001)),
    ("1996–2001", P(1996), P(2001)),
    ("1996 – 2001", P(1996), P(2001)),
    ("5 August 2017 to 10 August 2017", P(2017, 8, 5), P(2017, 8, 10)),
    ("2017-08-05/2017-08", P(2017, 8, 5), P(2017, 8)),
    ("2015/2015", P(2015), P(2015)),
    ("2015-06", P(2015, 6), P(2015, 6)),
    ("2017-08-05", P(2017, 8, 5), P(2017, 8, 5)),
    ("Saturday, 5 August 2017", P(2017, 8, 5, weekday=5), P(2017, 8, 5, weekday=5)),
    (2017, P(2017), P(2017)),
]


@pytest.mark.parametrize(("text", "start", "end"), SPANS)
def test_parse_timespan(
    text: str | int, start: PartialDate | None, end: PartialDate | None
) -> None:
    span = parse_timespan(text)
    assert span == TimeSpan(str(text), start, end)


def test_timespan_keeps_text_exactly() -> None:
    assert parse_timespan("  2015 / 2018 ").text == "  2015 / 2018 "
    assert parse_timespan(date(2017, 8, 5)).text == "2017-08-05"


SPAN_ERRORS: list[tuple[str, str, str]] = [
    ("../..", "both ends are open", "at least one date"),
    ("2018/2015", "ends before it starts", "2015/2018"),
    ("2017-08-06/2017-08-05", "ends before it starts", "earlier date first"),
    ("2019 to 2015", "ends before it starts", "2015/2019"),
    ("2015/", "two ends", "2015/.."),
    ("/2018", "two ends", "../2018"),
    ("2015/2016/2017", "two ends", ".."),
    ("from 2015", "open period", "2015/.."),
    ("since 2015", "open period", "2015/.."),
    ("until 2018", "open period", "../2018"),
    ("2017-02-30/2018", "February 2017 has 28 days", "28"),
    ("1996-2001 or so", "unexpected", "2015/2018"),
]


@pytest.mark.parametrize(("text", "problem", "hint"), SPAN_ERRORS)
def test_parse_timespan_rejects(text: str, problem: str, hint: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_timespan(text)
    assert problem in caught.value.message
    assert caught.value.hint is not None
    assert hint in caught.value.hint


def dt(text: str) -> datetime:
    return datetime.fromisoformat(text)


BOUNDS: list[tuple[str | int, str, str]] = [
    (2017, "2017-01-01T00:00", "2018-01-01T00:00"),
    ("2017-08", "2017-08-01T00:00", "2017-09-01T00:00"),
    ("2017-12", "2017-12-01T00:00", "2018-01-01T00:00"),
    ("2016-02", "2016-02-01T00:00", "2016-03-01T00:00"),
    ("2017-08-05", "2017-08-05T00:00", "2017-08-06T00:00"),
    ("2016-02-29", "2016-02-29T00:00", "2016-03-01T00:00"),
    ("2017-12-31", "2017-12-31T00:00", "2018-01-01T00:00"),
    ("2017-08-05T14", "2017-08-05T14:00", "2017-08-05T15:00"),
    ("2017-08-05T14:30", "2017-08-05T14:30", "2017-08-05T14:31"),
    ("2017-08-05T14:30:05", "2017-08-05T14:30:05", "2017-08-05T14:30:06"),
    ("2017-08-05T23:59:59", "2017-08-05T23:59:59", "2017-08-06T00:00:00"),
    ("2017-08-05+04:30", "2017-08-04T19:30", "2017-08-05T19:30"),
    ("2017-08-05Z", "2017-08-05T00:00", "2017-08-06T00:00"),
    ("2017-08-05T23:30-05:00", "2017-08-06T04:30", "2017-08-06T04:31"),
    ("2017-08-05T14:30:05+01:00", "2017-08-05T13:30:05", "2017-08-05T13:30:06"),
]


@pytest.mark.parametrize(("text", "start", "end"), BOUNDS)
def test_bounds(text: str | int, start: str, end: str) -> None:
    assert bounds(parse_date(text)) == (dt(start), dt(end))


def test_bounds_clamp_at_the_end_of_the_calendar() -> None:
    assert bounds(P(9999)) == (dt("9999-01-01T00:00"), datetime.max)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2015/2018", dt("2015-01-01T00:00"), dt("2019-01-01T00:00")),
        ("2015/..", dt("2015-01-01T00:00"), None),
        ("../2018-06", None, dt("2018-07-01T00:00")),
        ("August 2017", dt("2017-08-01T00:00"), dt("2017-09-01T00:00")),
    ],
)
def test_a_period_runs_from_its_starts_start_to_its_ends_end(
    text: str, start: datetime | None, end: datetime | None
) -> None:
    span = parse_timespan(text)
    first = None if span.start is None else bounds(span.start)[0]
    last = None if span.end is None else bounds(span.end)[1]
    assert (first, last) == (start, end)


OVERLAPS: list[tuple[str, str, bool]] = [
    ("August 2017", "5 Aug 2017", True),
    ("2017", "2023", False),
    ("2017", "2017-12-31T23:59", True),
    ("2017", "2018-01-01", False),  # half-open: adjacent periods share no moment
    ("2017-08-01", "2017-08-05", False),
    ("2017-08-05", "2017-08-06", False),  # both zones unknown: same local reckoning
    # one zone unknown: "2017-08-05" may be anywhere in [08-04T10:00Z, 08-06T14:00Z)
    ("2017-08-05", "2017-08-04T23:00-05:00", True),
    ("2017-08-05", "2017-08-03T12:00Z", False),
    ("2017-08-05", "2017-08-04T10:30Z", True),
    ("2017-08-05", "2017-08-04T09:30Z", False),
    ("2017-08-05", "2017-08-06T13:59Z", True),
    ("2017-08-05", "2017-08-06T14:00Z", False),
    # both zones known: compared in UTC
    ("2017-08-05T01:00+04:30", "2017-08-04T20:30Z", True),
    ("2017-08-05+04:30", "2017-08-05T19:29Z", True),
    ("2017-08-05+04:30", "2017-08-05T20:00Z", False),
    ("2017-08-05T10:00+02:00", "2017-08-05T10:00-02:00", False),
    # periods, open and closed
    ("2015/..", "2030", True),
    ("2015/..", "2014", False),
    ("../2018", "2018-12-31", True),
    ("../2018", "2019", False),
    ("2015/2018", "2016", True),
    ("2015/2018", "2010/2014", False),
    ("2015/2018", "2010/2015-01", True),
    ("2015/..", "../2014", False),
    ("2015/..", "../2015-03", True),
    ("1996-2001", "from 2001 to 2005", True),
]


@pytest.mark.parametrize(("a", "b", "expected"), OVERLAPS)
def test_overlaps_both_ways(a: str, b: str, expected: bool) -> None:
    first, second = parse_timespan(a), parse_timespan(b)
    assert overlaps(first, second) is expected
    assert overlaps(second, first) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("August 2017", "5 Aug 2017", True),
        ("Saturday, 5 August 2017", "2017-08-05", True),
        ("2017-08-05", "2017-08-06", False),
        ("2017", "2023", False),
    ],
)
def test_agrees(a: str, b: str, expected: bool) -> None:
    assert agrees(parse_date(a), parse_date(b)) is expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2017-08", False, "2017-08-01T00:00:00"),
        ("2017-08", True, "2017-09-01T00:00:00"),
        ("2017-08-05+04:30", False, "2017-08-04T19:30:00"),
        ("2017-08-05T14:30:05", True, "2017-08-05T14:30:06"),
        ("0800", False, "0800-01-01T00:00:00"),
        ("9999", True, "9999-12-31T23:59:59"),
    ],
)
def test_sortable(text: str, end: bool, expected: str) -> None:
    assert sortable(parse_date(text), end=end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2015/..", ("2015-01-01T00:00:00", None)),
        ("../2018", (None, "2019-01-01T00:00:00")),
        ("2017-08-05", ("2017-08-05T00:00:00", "2017-08-06T00:00:00")),
    ],
)
def test_sortable_span(text: str, expected: tuple[str | None, str | None]) -> None:
    assert sortable_span(parse_timespan(text)) == expected


def utc(year: int, month: int, day: int, hour: int, minute: int = 0, micro: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, 0, micro, tzinfo=UTC)


@pytest.mark.parametrize(
    ("given_", "expected"),
    [
        ("2026-11-21T10:00:00Z", utc(2026, 11, 21, 10)),
        ("2026-11-21 10:00:00+01:00", utc(2026, 11, 21, 9)),
        ("2026-11-21T10:00", utc(2026, 11, 21, 10)),
        ("2026-11-21T23:30:00-05:00", utc(2026, 11, 22, 4, 30)),
        ("2026-11-21T10:00:00.25-05:00", utc(2026, 11, 21, 15, 0, 250000)),
        (datetime(2026, 11, 21, 10), utc(2026, 11, 21, 10)),
        (datetime(2026, 11, 21, 10, tzinfo=timezone(timedelta(hours=2))), utc(2026, 11, 21, 8)),
    ],
)
def test_parse_instant(given_: str | datetime, expected: datetime) -> None:
    instant = parse_instant(given_)
    assert instant == expected
    assert instant.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("given_", "problem"),
    [
        ("2026-11-21", "no time of day"),
        (date(2026, 11, 21), "no time of day"),
        ("2026-11-21T10", "no time of day"),
        ("yesterday", "not in a form"),
        ("2026-02-30T10:00", "February 2026 has 28 days"),
    ],
)
def test_parse_instant_rejects(given_: str | date, problem: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_instant(given_)
    assert problem in caught.value.message
    assert caught.value.hint


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (P(2017), "2017"),
        (P(800), "0800"),
        (P(2017, 8), "2017-08"),
        (P(2017, 8, 5, utc_offset=0), "2017-08-05Z"),
        (P(2017, 8, 5, 14), "2017-08-05T14"),
        (P(2017, 8, 5, 14, 30, utc_offset=270), "2017-08-05T14:30+04:30"),
        (P(2017, 8, 5, 14, 30, 5, utc_offset=-330), "2017-08-05T14:30:05-05:30"),
        (P(2017, 8, 5, weekday=5), "2017-08-05"),  # ISO has no weekday
    ],
)
def test_format_date(d: PartialDate, expected: str) -> None:
    assert format_date(d) == expected


@pytest.mark.parametrize(
    ("d", "problem"),
    [
        (P(2017, 2, 30), "February 2017 has 28 days"),
        (P(2017, None, 5), "later part without an earlier one"),
        (P(2017, 8, utc_offset=60), "a time zone needs a day"),
        (P(2017, 8, 5, utc_offset=900), "not a UTC offset"),
        (P(2017, weekday=1), "a weekday needs a day"),
        (P(2017, 8, 5, 14, 75), "there is no minute 75"),
    ],
)
def test_format_date_rejects_impossible_dates(d: PartialDate, problem: str) -> None:
    with pytest.raises(InvalidValue, match=problem):
        format_date(d)


@st.composite
def partial_dates(draw: st.DrawFn, min_year: int = 1, max_year: int = 9999) -> PartialDate:
    year = draw(st.integers(min_year, max_year))
    precision = draw(st.sampled_from(Precision))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    clock = [draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))]
    known = [month, day, *clock][: precision - 1]
    parts: list[int | None] = [*known, *[None] * (5 - len(known))]
    offset = draw(st.none() | st.integers(-14 * 60, 14 * 60)) if precision >= D else None
    month_, day_, hour, minute, second = parts
    return P(year, month_, day_, hour, minute, second, utc_offset=offset)


@given(partial_dates())
def test_format_then_parse_round_trips(d: PartialDate) -> None:
    assert parse_date(format_date(d)) == d
    assert parse_timespan(format_date(d)) == TimeSpan(format_date(d), d, d)


@given(partial_dates(max_year=9998))
def test_bounds_start_before_end(d: PartialDate) -> None:
    start, end = bounds(d)
    assert start < end


@given(partial_dates(min_year=2, max_year=9998))
def test_a_date_overlaps_itself_and_its_truncations(d: PartialDate) -> None:
    span = TimeSpan(format_date(d), d, d)
    assert overlaps(span, span)
    assert agrees(d, P(d.year))
    if d.month is not None:
        assert agrees(d, P(d.year, d.month))


@given(partial_dates(min_year=2, max_year=9998), partial_dates(min_year=2, max_year=9998))
def test_sortable_orders_like_bounds(a: PartialDate, b: PartialDate) -> None:
    assert (sortable(a) < sortable(b)) == (bounds(a)[0] < bounds(b)[0])
    assert (sortable(a, end=True) < sortable(b, end=True)) == (bounds(a)[1] < bounds(b)[1])


# --- dates in the report's language ------------------------------------------------------------

LANGUAGE_DATES: list[tuple[str, PartialDate]] = [
    ("5 août 2017", P(2017, 8, 5)),
    ("5 aout 2017", P(2017, 8, 5)),  # without the accent
    ("5 AOÛT 2017", P(2017, 8, 5)),
    ("1er août 2017", P(2017, 8, 1)),
    ("le samedi 5 août 2017", P(2017, 8, 5, weekday=5)),
    ("samedi 5 août 2017", P(2017, 8, 5, weekday=5)),
    ("sam. 5 août 2017", P(2017, 8, 5, weekday=5)),
    ("5 févr. 2017", P(2017, 2, 5)),
    ("5 fevr 2017", P(2017, 2, 5)),
    ("juillet 2017", P(2017, 7)),
    ("5. August 2017", P(2017, 8, 5)),
    ("Samstag, 5. August 2017", P(2017, 8, 5, weekday=5)),
    ("Sa., 5. Aug. 2017", P(2017, 8, 5, weekday=5)),
    ("am 5. März 2017", P(2017, 3, 5)),
    ("5. Maerz 2017", None),  # "ae" is not read as "ä": refused below
    ("Dezember 2017", P(2017, 12)),
    ("5 de agosto de 2017", P(2017, 8, 5)),
    ("5 de agosto del 2017", P(2017, 8, 5)),
    ("sábado, 5 de agosto de 2017", P(2017, 8, 5, weekday=5)),
    ("sabado 5 de agosto de 2017", P(2017, 8, 5, weekday=5)),
    ("miércoles, 9 de agosto de 2017", P(2017, 8, 9, weekday=2)),
    ("1º de septiembre de 2017", P(2017, 9, 1)),
    ("agosto de 2017", P(2017, 8)),
    ("segunda-feira, 7 de agosto de 2017", P(2017, 8, 7, weekday=0)),
    ("7 de março de 2017", P(2017, 3, 7)),
    ("7 de marco de 2017", P(2017, 3, 7)),
    ("5 agosto 2017", P(2017, 8, 5)),
    ("sabato 5 agosto 2017", P(2017, 8, 5, weekday=5)),
    ("venerdì 4 agosto 2017", P(2017, 8, 4, weekday=4)),
    ("5 ott. 2017", P(2017, 10, 5)),
    ("Aug. 5, 2017", P(2017, 8, 5)),
    ("August 5th, 2017", P(2017, 8, 5)),
    ("the 5th of August 2017", P(2017, 8, 5)),
    ("Tues 8 Aug 2017", P(2017, 8, 8, weekday=1)),
]


@pytest.mark.parametrize(("text", "expected"), [c for c in LANGUAGE_DATES if c[1] is not None])
def test_month_and_weekday_names_in_the_reports_language(text: str, expected: PartialDate) -> None:
    assert parse_date(text) == expected
    assert parse_timespan(text) == TimeSpan(text, expected, expected)


@pytest.mark.parametrize(
    ("text", "mismatch"),
    [
        ("samedi 5 août 2017", None),
        ("vendredi 5 août 2017", "5 August 2017 was a Saturday, not a Friday"),
        ("Freitag, 5. August 2017", "5 August 2017 was a Saturday, not a Friday"),
        ("domingo, 5 de agosto de 2017", "5 August 2017 was a Saturday, not a Sunday"),
        ("Friday, 16 Mehr 1400", None),
        ("Saturday, 16 Mehr 1400", "8 October 2021 was a Friday, not a Saturday"),
        ("Jome 16 Mehr 1400", None),
        ("جمعه ۱۶ مهر ۱۴۰۰", None),
    ],
)
def test_weekdays_in_any_language_are_checked(text: str, mismatch: str | None) -> None:
    assert weekday_mismatch(parse_date(text)) == mismatch


@pytest.mark.parametrize(
    ("text", "problem", "hint"),
    [
        ("5 Agosti 2017", "'Agosti' is not a month", "5 August 2017"),
        ("5. Maerz 2017", "'Maerz' is not a month", "5 August 2017"),
        ("Samedo, 5 août 2017", "'Samedo' is not a weekday", "leave it out"),
        ("5 août", "it has no year", "add the year, as in 5 August 2017"),
        ("August 5", "it has no year", "add the year"),
        ("16 Mehr", "it has no year", "add the Solar Hijri year, as in 16 Mehr 1400"),
        ("Friday, 16 Mizan", "it has no year", "16 Mehr 1400"),
        ("Mehr", "it has no year", "16 Mehr 1400"),
        ("12 Ramadan", "it has no year", "add the Islamic year, as in 12 Ramadan 1442"),
        ("16 Mehr 2021", "2021 is not a year of the Solar Hijri calendar", "16 Mehr 1400"),
        ("31 Mehr 1400", "that Solar Hijri month has 30 days", "1 to 30"),
        ("30 Esfand 1400", "that Solar Hijri month has 29 days", "1 to 29"),
        ("16 Mehr 1400 AH", "a month of the Solar Hijri calendar", "16 Mehr 1400"),
        ("12 Ramadan 1442 SH", "a month of the Islamic calendar", "12 Ramadan 1442"),
        ("5 August 2017 AH", "a month of the Gregorian calendar", "5 August 2017"),
        ("Mehr 1400", "is not a single date", "give the day"),
    ],
)
def test_dates_in_other_languages_and_calendars_that_are_refused(
    text: str, problem: str, hint: str
) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_date(text)
    assert problem in caught.value.message
    assert caught.value.hint is not None and hint in caught.value.hint


@pytest.mark.parametrize("text", ["8/4/2022", "08/04/2022", "8.4.2022", "08.04.22", "8-4-2022"])
def test_ambiguous_numeric_dates_are_refused(text: str) -> None:
    with pytest.raises(InvalidValue) as caught:
        parse_timespan(text)
    assert caught.value.message == f"{text!r} is ambiguous: day/month or month/day"
    assert caught.value.hint == "write the date as 2017-08-12 or '12 August 2017'"


def test_month_names_are_read_without_loading_babel_for_english() -> None:
    code = (
        "import sys; from provenance.dates import parse_timespan; "
        "parse_timespan('Saturday, 5 August 2017'); parse_timespan('2017-08-05'); "
        "print('babel' in sys.modules, 'convertdate' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.split() == ["False", "False"], result.stderr


def test_every_weekday_name_has_its_prefix() -> None:
    from babel import Locale

    for code in LANGUAGES:
        days = Locale.parse(code).days
        for width in ("wide", "abbreviated"):
            for name in days["format"][width].values():
                for spelling in {name, name + " ", name + ","}:
                    assert spelling.lower()[:3] in WEEKDAY_PREFIXES, (code, name)


# --- Solar Hijri and Islamic dates ----------------------------------------------------------

HIJRI: list[tuple[str, PartialDate, PartialDate, bool]] = [
    ("16 Mehr 1400", P(2021, 10, 8), P(2021, 10, 8), False),
    ("16 Mizan 1400", P(2021, 10, 8), P(2021, 10, 8), False),
    ("16 mizan 1400", P(2021, 10, 8), P(2021, 10, 8), False),
    ("26 Asad 1398", P(2019, 8, 17), P(2019, 8, 17), False),
    ("26 Mordad 1398", P(2019, 8, 17), P(2019, 8, 17), False),
    ("Friday, 16 Mehr 1400", P(2021, 10, 8, weekday=4), P(2021, 10, 8, weekday=4), False),
    ("1 Hamal 1400", P(2021, 3, 21), P(2021, 3, 21), False),
    ("1 Farvardin 1400", P(2021, 3, 21), P(2021, 3, 21), False),
    ("10 Saur 1400", P(2021, 4, 30), P(2021, 4, 30), False),
    ("10 Sawr 1400", P(2021, 4, 30), P(2021, 4, 30), False),
    ("24 Sonbola 1400", P(2021, 9, 15), P(2021, 9, 15), False),
    ("24 Sunbula 1400", P(2021, 9, 15), P(2021, 9, 15), False),
    ("30 Esfand 1399", P(2021, 3, 20), P(2021, 3, 20), False),  # a leap year
    ("29 Hut 1400", P(2022, 3, 20), P(2022, 3, 20), False),
    ("16 Mehr 1400 SH", P(2021, 10, 8), P(2021, 10, 8), False),
    ("16 Mehr 1400 HS", P(2021, 10, 8), P(2021, 10, 8), False),
    ("۱۶ مهر ۱۴۰۰", P(2021, 10, 8), P(2021, 10, 8), False),
    ("16 میزان 1400", P(2021, 10, 8), P(2021, 10, 8), False),
    ("Mehr 1400", P(2021, 9, 23), P(2021, 10, 22), False),
    ("Asad 1398", P(2019, 7, 23), P(2019, 8, 22), False),
    ("Hamal 1400/Sawr 1400", P(2021, 3, 21), P(2021, 5, 21), False),
    ("12 Ramadan 1442", P(2021, 4, 24), P(2021, 4, 24), True),
    ("12 Ramazan 1442 AH", P(2021, 4, 24), P(2021, 4, 24), True),
    ("10 Dhu al-Hijjah 1442", P(2021, 7, 20), P(2021, 7, 20), True),
    ("10 Dhul Hijjah 1442", P(2021, 7, 20), P(2021, 7, 20), True),
    ("1 Muharram 1443", P(2021, 8, 10), P(2021, 8, 10), True),  # tabular; seen on the 9th
    ("Rabi al-Awwal 1442", P(2020, 10, 18), P(2020, 11, 16), True),
]


@pytest.mark.parametrize(("text", "start", "end", "approximate"), HIJRI)
def test_hijri_dates_are_read_as_the_gregorian_day(
    text: str, start: PartialDate, end: PartialDate, approximate: bool
) -> None:
    assert parse_timespan(text) == TimeSpan(text, start, end, approximate=approximate)


# --- approximate and inferred times -----------------------------------------------------------

APPROXIMATE: list[tuple[str, PartialDate]] = [
    ("around 2017-05-31T18:00+04:30", P(2017, 5, 31, 18, 0, utc_offset=270)),
    ("about 18:00 on 31 May 2017", P(2017, 5, 31, 18, 0)),
    ("approximately 31 May 2017", P(2017, 5, 31)),
    ("roughly May 2017", P(2017, 5)),
    ("c. 2015", P(2015)),
    ("c.2015", P(2015)),
    ("ca. 2015", P(2015)),
    ("circa 2015", P(2015)),
    ("Circa 2015", P(2015)),
    ("~2015", P(2015)),
    ("~ 2015", P(2015)),
]


@pytest.mark.parametrize(("text", "expected"), APPROXIMATE)
def test_approximate_dates(text: str, expected: PartialDate) -> None:
    assert parse_timespan(text) == TimeSpan(text, expected, expected, approximate=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("18:00 on 31 May 2017", P(2017, 5, 31, 18, 0)),
        ("18:00, 31 May 2017", P(2017, 5, 31, 18, 0)),
        ("31 May 2017, 18:00", P(2017, 5, 31, 18, 0)),
        ("31 May 2017 at 18:30:15", P(2017, 5, 31, 18, 30, 15)),
        ("31 May 2017, 18:00 UTC", P(2017, 5, 31, 18, 0, utc_offset=0)),
        ("31 May 2017 18:00+04:30", P(2017, 5, 31, 18, 0, utc_offset=270)),
        ("May 31, 2017 at 6:05", P(2017, 5, 31, 6, 5)),
        # regressions: exact dates stay exact
        ("2017-05-31", P(2017, 5, 31)),
        ("31 May 2017", P(2017, 5, 31)),
    ],
)
def test_times_of_day_with_a_written_date(text: str, expected: PartialDate) -> None:
    assert parse_timespan(text) == TimeSpan(text, expected, expected)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("around", "not in a form"),
        ("c. early 2017", "'early' is not a month"),
        ("about 25:00 on 31 May 2017", "there is no hour 25"),
        ("around 2017/2015", "ends before it starts"),
    ],
)
def test_approximate_dates_that_are_refused(text: str, problem: str) -> None:
    with pytest.raises(InvalidValue, match=problem):
        parse_timespan(text)


COMPARED: list[tuple[str, PartialDate | None, PartialDate | None]] = [
    ("about 18:00 on 31 May 2017", P(2017, 5, 31, 17, 0), P(2017, 5, 31, 19, 0)),
    ("around 2017-05-31T23:30+04:30", P(2017, 5, 31, 22, 30, utc_offset=270),
     P(2017, 6, 1, 0, 30, utc_offset=270)),
    ("around 2017-05-31T18", P(2017, 5, 31, 17), P(2017, 5, 31, 19)),
    ("around 31 May 2017", P(2017, 5, 30), P(2017, 6, 1)),
    ("around Saturday, 5 August 2017", P(2017, 8, 4), P(2017, 8, 6)),
    ("around January 2017", P(2016, 12), P(2017, 2)),
    ("c. 2015", P(2014), P(2016)),
    ("c. 2015/2018", P(2014), P(2019)),
    ("c. 2015/..", P(2014), None),
    ("c. 9999", P(9998), P(9999)),
    ("c. 0001", P(1), P(2)),
    ("12 Ramadan 1442", P(2021, 4, 23), P(2021, 4, 25)),
    # regressions: an exact span is compared as it is
    ("31 May 2017", P(2017, 5, 31), P(2017, 5, 31)),
    ("2015/2018", P(2015), P(2018)),
]  # fmt: skip


@pytest.mark.parametrize(("text", "start", "end"), COMPARED)
def test_compare_span_widens_an_approximate_span(
    text: str, start: PartialDate | None, end: PartialDate | None
) -> None:
    span = parse_timespan(text)
    widened = compare_span(span)
    assert (widened.start, widened.end) == (start, end)
    assert (widened.text, widened.approximate) == (span.text, span.approximate)


@pytest.mark.parametrize(
    ("a", "b", "plain", "compared"),
    [
        ("about 18:00 on 31 May 2017", "2017-05-31T19:00", False, True),
        ("about 18:00 on 31 May 2017", "2017-05-31T19:30", False, False),
        ("around 31 May 2017", "2017-06-01", False, True),
        ("c. 2015", "2016", False, True),
        ("c. 2015", "2017", False, False),
        ("2015", "2016", False, False),  # regression: exact years stay apart
    ],
)
def test_approximate_spans_meet_their_neighbours_when_compared(
    a: str, b: str, plain: bool, compared: bool
) -> None:
    first, second = parse_timespan(a), parse_timespan(b)
    assert overlaps(first, second) is plain
    assert overlaps(compare_span(first), compare_span(second)) is compared


def test_with_flags() -> None:
    span = parse_timespan("2020-03-25")
    assert flagged(span, inferred=True) == replace(span, inferred=True)
    assert flagged(span, approximate=True, inferred=False) == replace(span, approximate=True)
    approximate = parse_timespan("c. 2015")
    assert flagged(approximate, approximate=True) == approximate
    with pytest.raises(InvalidValue, match="approximate as written") as caught:
        flagged(approximate, approximate=False)
    assert caught.value.hint is not None and "remove approximate: false" in caught.value.hint


DATE_WORDS = """
5 16 2017 1400 1442 August août Mehr Asad Ramadan Dhu al-Hijjah de del of the le am 5. 1er
Saturday sábado, c. ~ about 18:00 on at , / .. to from AH SH - UTC +04:30 Z T 8/4/2022
۱۴۰۰ مهر Sa. Jome
"""
date_fragments = st.sampled_from(DATE_WORDS.split())


@settings(deadline=None)
@given(st.lists(date_fragments, max_size=8), st.booleans())
def test_any_mix_of_date_words_reads_or_raises_invalid_value(parts: list[str], join: bool) -> None:
    text = ("" if join else " ").join(parts)
    try:
        span = parse_timespan(text)
    except InvalidValue as problem:
        assert problem.message and problem.hint
        return
    widened = compare_span(span)
    assert span.start is None or span.end is None or overlaps(widened, span)


@settings(deadline=None)
@given(st.text(max_size=40))
def test_any_text_reads_as_a_date_or_raises_invalid_value(text: str) -> None:
    try:
        parse_timespan(text)
    except InvalidValue as problem:
        assert problem.message
