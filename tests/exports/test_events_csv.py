"""`export --format events-csv`: one row per event and source, in the habit of UCDP's GED
and ACLED, with the toll as numbers (low / best / high), dates with their precision, actors
and those denied, and nothing a spreadsheet would run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from exports.exchange import database, export, parsed
from provenance.exports import events_csv

__all__ = ["database"]  # the fixture, shared by the exchange formats' tests


def rows(database: str) -> dict[str, dict[str, str]]:
    table = list(csv.DictReader(io.StringIO(export(database, "events-csv"))))
    assert all(row["event_id"] == "attack" for row in table)
    return {row["source_id"]: row for row in table}


def test_one_row_per_event_and_source_with_the_toll_as_numbers(database: str) -> None:
    found = rows(database)
    assert set(found) == {"wire", "repost", "radio", "statement"}
    repost = found["repost"]
    assert (float(repost["deaths_low"]), float(repost["deaths_high"])) == (50, 61)
    assert found["radio"]["deaths_best"] == ""  # 30-40: no best estimate given
    wire = found["wire"]
    assert (float(wire["deaths_low"]), wire["deaths_high"]) == (51, "")  # over 50: no top
    assert (wire["deaths_low_open"], wire["deaths_high_open"]) == ("false", "false")
    assert wire["deaths_words"] == "over 50"


def test_dates_with_their_precision_places_and_actors(database: str) -> None:
    found = rows(database)
    wire = found["wire"]
    assert (wire["date_start"], wire["date_precision"], wire["where"]) == (
        "2017-08-05",
        "day",
        "Market village",
    )
    assert wire["actors"] == "ISKP" and found["radio"]["actors"] == "Taliban"
    assert found["statement"]["actors_denied"] == "Taliban"
    assert (wire["source_publisher"], wire["source_url"]) == (
        "Wire Agency",
        "https://wire.example/story",
    )


def test_a_best_estimate_is_a_number_of_its_own(tmp_path: Path) -> None:
    table = list(csv.DictReader(io.StringIO(events_csv.render(parsed(tmp_path)))))
    repost = next(row for row in table if row["source_id"] == "repost")
    low, best, high = (float(repost[k]) for k in ("deaths_low", "deaths_best", "deaths_high"))
    assert (low, best, high) == (50, 57, 61)
    denial = next(row for row in table if row["source_id"] == "statement")
    assert denial["claims"] == "taliban-denial"
