"""Field formats of sources, entities and reviews: dates, web addresses, language codes, archive
paths and digests, aliases, review verdicts and timestamps, and conflict ids."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ledger_files import load, problems, refused_for, write
from provenance.model import (
    Archive,
    PartialDate,
    Source,
    TimeSpan,
)

SOURCE = "sources:\n  - id: s\n    title: A report\n    kind: news\n    reliability: B\n"
REVIEW = "reviews:\n  - conflict: c1\n    verdict: distinct\n    reviewer: ana\n"
"""A valid source (a key appended goes on line 6) and a review without its at: (line 5)."""

SHA = "0123456789abcdef" * 4
P = PartialDate
MONDAY = P(2017, 11, 13, weekday=0)


def source_field(tmp_path: Path, field: str) -> str:
    return write(tmp_path, "a.yaml", SOURCE + f"    {field}\n")


def loaded_source(tmp_path: Path, field: str) -> Source:
    source_field(tmp_path, field)
    return load(tmp_path).sources[0]


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("yesterday", "'yesterday' is not a date", "write 2017-08-05, 2017-08, 2017"),
        ("2017-13-01", "'2017-13-01' is not a date: there is no month 13", "months run from 01"),
        ("2017-08-00", "'2017-08-00' is not a date: there is no day 0", "run from 1 to 31"),
        ("2018/2015", "'2018/2015' is not a period: it ends before it starts", "2015/2018"),
        ("since 2015", "'since' makes it an open period", "write 2015/.. for 2015 on"),
        ("0", "year 0 is out of range", "years run from 1 to 9999"),
    ],
)
def test_an_invalid_date_is_reported_at_its_key(
    tmp_path: Path, written: str, message: str, hint: str
) -> None:
    name = source_field(tmp_path, f"published: {written}")
    refused_for(tmp_path, name, 6, message, hint)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2017", TimeSpan("2017", P(2017), P(2017))),
        ("2017-08", TimeSpan("2017-08", P(2017, 8), P(2017, 8))),
        (
            "Monday, 13 November 2017",
            TimeSpan(
                "Monday, 13 November 2017", P(2017, 11, 13, weekday=0), P(2017, 11, 13, weekday=0)
            ),
        ),
        ("2015/2018", TimeSpan("2015/2018", P(2015), P(2018))),
        ("2015-06/..", TimeSpan("2015-06/..", P(2015, 6), None)),
    ],
)
def test_dates_and_periods_keep_their_words(
    tmp_path: Path, written: str, expected: TimeSpan
) -> None:
    assert loaded_source(tmp_path, f"published: {written}").published == expected


# --- web addresses and languages ------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["www.example.com", "example.org/report", "'https://example.org/a b'", "mailto:a@b"]
)
def test_a_url_needs_a_scheme_and_no_spaces(tmp_path: Path, written: str) -> None:
    name = source_field(tmp_path, f"url: {written}")
    refused_for(tmp_path, name, 6, "is not a web address", "write the full https:// address")


@pytest.mark.parametrize("written", ["https://example.org/a?b=c#d", "http://x.af", "ftp://x.org/a"])
def test_urls_that_are_accepted(tmp_path: Path, written: str) -> None:
    assert loaded_source(tmp_path, f"url: {written}").url == written


@pytest.mark.parametrize("written", ["English", "EN", "e", "en_US", "english-uk"])
def test_a_language_must_be_a_code(tmp_path: Path, written: str) -> None:
    name = source_field(tmp_path, f"language: {written}")
    refused_for(
        tmp_path, name, 6, f"'{written}' is not a language code", "use a code such as en, ps, fa-AF"
    )


@pytest.mark.parametrize("written", ["en", "ps", "prs", "fa-AF", "no"])
def test_language_codes_that_are_accepted(tmp_path: Path, written: str) -> None:
    # "no" (Norwegian) stays text: the ledger reads YAML 1.2, where it is not a boolean
    assert loaded_source(tmp_path, f"language: {written}").language == written


# --- archives -------------------------------------------------------------------------------

OUTSIDE = "keep archived texts inside the ledger folder and give a relative path"


@pytest.mark.parametrize(
    ("field", "path"),
    [
        ("archive: ../../etc/passwd", "../../etc/passwd"),
        ("archive: /etc/passwd", "/etc/passwd"),
        ("archive: ~/notes.txt", "~/notes.txt"),
        ("archive: archive/../../x.txt", "archive/../../x.txt"),
        ("archive: '..\\outside.txt'", "..\\outside.txt"),
        (f"archive: {{path: /etc/passwd, sha256: {SHA}}}", "/etc/passwd"),
    ],
)
def test_an_archive_path_outside_the_ledger_is_refused(
    tmp_path: Path, field: str, path: str
) -> None:
    name = source_field(tmp_path, field)
    refused_for(tmp_path, name, 6, f"archive path '{path}' points outside the ledger", OUTSIDE)


@pytest.mark.parametrize("written", ["'C:\\Windows\\report.txt'", "''", "'  '"])
def test_a_drive_path_or_an_empty_archive_path_is_refused(tmp_path: Path, written: str) -> None:
    name = source_field(tmp_path, f"archive: {written}")
    refused_for(tmp_path, name, 6, "archive")


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("archive: archive/caci.txt", Archive("archive/caci.txt")),
        ("archive: 'archive\\caci.txt'", Archive("archive/caci.txt")),
        ("archive: ./archive/caci.txt", Archive("archive/caci.txt")),
        (f"archive: {{path: a.txt, sha256: {SHA}}}", Archive("a.txt", SHA)),
    ],
)
def test_archives_that_are_accepted(tmp_path: Path, field: str, expected: Archive) -> None:
    assert loaded_source(tmp_path, field).archive == expected


@pytest.mark.parametrize(
    "digest",
    ["abc", SHA.upper(), SHA + "0", "123", "[" + SHA + "]"],
    ids=["short", "upper", "65", "number", "list"],
)
def test_an_archive_digest_must_be_64_hex_digits(tmp_path: Path, digest: str) -> None:
    name = source_field(tmp_path, f"archive:\n      path: a.txt\n      sha256: {digest}")
    refused_for(
        tmp_path, name, 8, "archive sha256 must be 64 lower-case hex digits", "sha256sum FILE"
    )


def test_an_unknown_key_in_an_archive_is_reported_at_its_line(tmp_path: Path) -> None:
    name = source_field(tmp_path, f"archive:\n      path: a.txt\n      sha: {SHA}")
    refused_for(tmp_path, name, 8, "unknown key 'sha' in archive", "did you mean 'sha256'?")


def test_a_bad_path_in_an_archive_mapping_is_reported_at_its_line(tmp_path: Path) -> None:
    name = source_field(tmp_path, f"archive:\n      sha256: {SHA}\n      path: ../x.txt")
    refused_for(tmp_path, name, 8, "points outside the ledger")


def test_an_archive_mapping_without_a_path_says_so(tmp_path: Path) -> None:
    name = source_field(tmp_path, f"archive: {{sha256: {SHA}}}")
    refused_for(tmp_path, name, 6, "has no path")


# --- aliases --------------------------------------------------------------------------------


def test_an_alias_repeating_the_name_or_another_alias_is_reported(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "a.yaml",
        "entities:\n  - id: sayad\n    kind: place\n    name: Sayad\n"
        "    aliases: [Sayyad, Sayad, Saiad, Sayyad]\n",
    )
    found = problems(tmp_path)
    assert [(p.file, p.line, p.message) for p in found] == [
        (name, 5, "alias 'Sayad' is listed twice or repeats the name"),
        (name, 5, "alias 'Sayyad' is listed twice or repeats the name"),
    ]
    assert {p.hint for p in found} == {"list each alias once, without the canonical name"}


# --- reviews --------------------------------------------------------------------------------


def review(tmp_path: Path, verdict: str, extra: str = "", at: str = "2026-11-21T10:00Z") -> str:
    body = REVIEW.replace("distinct", verdict) + f"    at: {at}\n{extra}"
    return write(tmp_path, "r.yaml", body)


def test_a_resolved_review_must_name_the_claim_that_stands(tmp_path: Path) -> None:
    name = review(tmp_path, "resolved")
    refused_for(
        tmp_path,
        name,
        2,
        "a 'resolved' review must say which claim stands",
        "add in_favour_of: <claim id>",
    )


def test_a_resolved_review_with_a_bad_claim_id_is_reported_once(tmp_path: Path) -> None:
    name = review(tmp_path, "resolved", "    in_favour_of: C 1\n")
    refused_for(tmp_path, name, 6, "'C 1' is not a valid id", "e.g. 'c-1'")


@pytest.mark.parametrize("verdict", ["distinct", "same-entity", "disputed", "not-a-conflict"])
def test_in_favour_of_goes_only_with_resolved(tmp_path: Path, verdict: str) -> None:
    name = review(tmp_path, verdict, "    in_favour_of: c1\n")
    refused_for(
        tmp_path,
        name,
        6,
        "in_favour_of goes only with verdict 'resolved'",
        "remove in_favour_of:, or make the verdict 'resolved'",
    )


@pytest.mark.parametrize(
    ("at", "message", "hint"),
    [
        ("2026-11-21", "'2026-11-21' is not a timestamp: it has no time of day", "2026-11-21T10"),
        ("2026-11-21T10", "it has no time of day to the minute", "write a date and time"),
        ("yesterday", "'yesterday' is not a date", None),
        ("2026-11-21T25:00Z", "there is no hour 25", "hours run from 00 to 23"),
        ("2026", "at must be a date and time, not a number", "2026-11-21T10:00:00Z"),
        ("[2026-11-21T10:00Z]", "at must be a date and time, not a list", None),
    ],
)
def test_a_review_time_must_be_a_timestamp(
    tmp_path: Path, at: str, message: str, hint: str | None
) -> None:
    name = review(tmp_path, "distinct", at=at)
    refused_for(tmp_path, name, 5, message, hint)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("2026-11-21T10:00Z", datetime(2026, 11, 21, 10, 0, tzinfo=UTC)),
        ("2026-11-21 10:00", datetime(2026, 11, 21, 10, 0, tzinfo=UTC)),
        ("2026-11-21T06:00-05:00", datetime(2026, 11, 21, 11, 0, tzinfo=UTC)),
        ("2026-11-21T10:00:30.25Z", datetime(2026, 11, 21, 10, 0, 30, 250000, tzinfo=UTC)),
    ],
)
def test_review_times_are_read_in_utc(tmp_path: Path, at: str, expected: datetime) -> None:
    review(tmp_path, "distinct", at=at)
    assert load(tmp_path).reviews[0].at == expected


@pytest.mark.parametrize("conflict", ["my conflict", "Attack:killed", "-c1", "c1/c2"])
def test_a_conflict_id_has_no_spaces_or_capitals(tmp_path: Path, conflict: str) -> None:
    body = REVIEW.replace("conflict: c1", f"conflict: '{conflict}'") + "    at: 2026-11-21T10:00Z\n"
    name = write(tmp_path, "r.yaml", body)
    refused_for(
        tmp_path,
        name,
        2,
        f"'{conflict}' is not a conflict id",
        "copy the id that `provenance check` prints",
    )
