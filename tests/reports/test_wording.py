"""How the published report words figures, dates, moments and sources."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from provenance.dates import parse_timespan
from provenance.model import Reliability, Source, SourceKind
from provenance.quantities import parse_quantity
from provenance.reports.contradictions.wording import (
    citation,
    interval_words,
    minute,
    span_words,
)


@pytest.mark.parametrize(
    ("words", "count", "expected"),
    [
        ("50", True, "50"),
        ("over 50", True, "more than 50"),
        ("over 50", False, "more than 50"),
        ("at least 36", True, "at least 36"),
        ("30-40", True, "between 30 and 40"),
        ("fewer than 10", True, "fewer than 10"),
        ("fewer than 10", False, "fewer than 10"),
        ("up to 20", True, "up to 20"),
        ("about 4,000", True, "between 3,840 and 4,160"),
        ("50-61, best 57", True, "between 50 and 61, best 57"),
        ("some", True, "some (no number given)"),
        ("about 40 percent", False, "between 38.4% and 41.6%"),
        ("$1 to $3 trillion", False, "between 1,000,000,000,000 and 3,000,000,000,000 USD"),
    ],
)
def test_intervals_read_as_words(words: str, count: bool, expected: str) -> None:
    assert interval_words(parse_quantity(words, count=count)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017", "2017"),
        ("2015-06", "June 2015"),
        ("Monday, 13 November 2017", "13 November 2017"),
        ("2017-08-05T14:30+04:30", "5 August 2017, 14:30 (UTC+04:30)"),
        ("2015/2018", "2015 to 2018"),
        ("c. 2015", "around 2015"),
    ],
)
def test_dates_read_as_words(text: str, expected: str) -> None:
    assert span_words(parse_timespan(text)) == expected


def test_a_moment_to_the_minute_in_utc() -> None:
    at = datetime(2026, 11, 21, 15, 43, 14, 512, tzinfo=UTC)
    assert minute(at) == "21 November 2026, 15:43 UTC"


def test_a_source_is_cited_by_publisher_and_date_else_by_title() -> None:
    source = Source(
        "caci",
        "A title",
        SourceKind.ANALYSIS,
        Reliability.B,
        publisher="CACI Analyst",
        published=parse_timespan("13 November 2017"),
    )
    assert citation(source) == "CACI Analyst, 13 November 2017"
    assert citation(Source("r", "Local radio", SourceKind.NEWS, Reliability.C)) == "Local radio"
    assert citation(None, "gone") == "gone"
