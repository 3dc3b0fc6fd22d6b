"""The real-reporting benchmark: how the converter reads the data set's neutral schema into the
ledger (times, dates, figures, speakers, stances, sources), how the scorer reads a finding's
sides, and, when the data set is present, floors under the figures the checker reaches on it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.realworld import score
from benchmarks.realworld.__main__ import DEFAULT
from benchmarks.realworld.convert import convert
from benchmarks.realworld.readings import quantity_words, read_times
from benchmarks.realworld.values import date_value, time_value
from provenance.dates import parse_timespan
from provenance.importing import load_ledger
from provenance.model import EntityValue, Polarity, Quantity

DAY_PARTS = {"evening": "19:00", "morning": "09:00"}
QUALIFIERS = {"at least": "at least", "nearly": "almost", "about": "about"}


# -- times and dates -----------------------------------------------------------------------------


def test_a_count_as_of_a_part_of_the_day_is_current_at_an_approximate_hour() -> None:
    times = read_times("as of 2020-08-02 evening", DAY_PARTS)
    assert (times.as_of, times.period) == ("around 2020-08-02T19:00", None)
    assert parse_timespan(times.as_of).approximate


def test_a_plain_date_is_the_time_counted_not_when_the_figure_was_current() -> None:
    assert read_times("2020-08-02/03").period == "2020-08-02/2020-08-03"
    assert read_times("2020-08-02/03").as_of is None
    assert read_times("before 2015-12-12").as_of == "../2015-12-12"
    only_words = read_times("retrospective")
    assert (only_words.as_of, only_words.period, only_words.note) == (None, None, "retrospective")


def test_a_solar_hijri_date_without_its_year_takes_the_year_of_the_event() -> None:
    found = date_value("16 Mehr (Friday)", "as of 2021-10-08")
    span = parse_timespan(found["value"])
    assert span.start is not None
    assert (span.start.year, span.start.month, span.start.day) == (2021, 10, 8)
    assert span.start.weekday == 4  # the Friday written beside it is kept for the checker


def test_a_month_and_day_take_the_year_of_the_month_the_claim_refers_to() -> None:
    assert date_value("13 May", "2020-05")["value"] == "13 May 2020"


def test_a_time_read_in_utc_is_preferred_and_takes_the_claims_date() -> None:
    assert time_value("22:40 local (18:10 GMT)", "2019-08-17")["value"] == "2019-08-17T18:10Z"
    assert time_value("08:22 local", "2017-05-31")["value"] == "2017-05-31T08:22"


# -- figures -------------------------------------------------------------------------------------


def test_a_figure_counted_one_by_one_is_a_floor() -> None:
    assert quantity_words({"kind": "count", "value": 80}, QUALIFIERS, floor=True) == (
        "confirmed 80",
        None,
    )


def test_a_hedge_the_ledger_refuses_on_a_range_is_kept_for_the_stance() -> None:
    words, left = quantity_words(
        {"kind": "range", "value": {"low": 30, "high": 40}, "qualifier": "nearly"}, QUALIFIERS
    )
    assert (words, left) == ("30-40", "nearly")
    assert quantity_words(
        {"kind": "range", "low": 30, "high": 40, "qualifier": "about"}, QUALIFIERS
    ) == ("about 30-40", None)


def test_a_hedge_not_in_the_mapping_is_kept_in_the_page_s_words_when_the_ledger_reads_it() -> None:
    def words(qualifier: str) -> tuple[object, str | None]:
        return quantity_words({"kind": "count", "value": 100, "qualifier": qualifier}, QUALIFIERS)

    assert words("well over") == ("well over 100", None)
    assert words("a total of") == ("a total of 100", None)
    assert words("or so") == ("100 or so", None)
    assert words("reportedly") == ("100", "reportedly")  # no reading: exact, hedge kept
    ranged = {"kind": "range", "value": {"low": 30, "high": 40}, "qualifier": "or so"}
    assert quantity_words(ranged, QUALIFIERS) == ("30-40", "or so")  # kept for the stance


def test_a_best_estimate_keeps_both_ends() -> None:
    value = {"kind": "count", "value": {"low": 50, "best": 57, "high": 61}}
    assert quantity_words(value, QUALIFIERS)[0] == {"low": 50, "best": 57, "high": 61}


# -- a small data set of the same schema ---------------------------------------------------------


def _claim(
    ident: str, prop: str, value: dict[str, Any], source: str, **more: Any
) -> dict[str, Any]:
    return {
        "id": ident,
        "subject": "Market bombing (1 May 2020)",
        "subject_key": "EV_MARKET",
        "property": prop,
        "value": value,
        "speaker": more.pop("speaker", "publication"),
        "speaker_role": more.pop("speaker_role", "publication"),
        "publication": {"source_id": source},
        "refers_to": more.pop("refers_to", "2020-05-01"),
        "polarity": more.pop("polarity", "asserted"),
        **more,
    }


SMALL = {
    "sources": [
        {
            "id": "mk_wire",
            "title": "Blast at market",
            "publisher": "Reuters",
            "date": "2020-05-01",
            "language": "en",
        },
        {
            "id": "mk_copy",
            "title": "Blast at market",
            "publisher": "Daily Mirror Site",
            "date": "2020-05-02",
            "language": "en",
            "note": "same text as mk_wire; date inferred",
        },
    ],
    "claims": [
        _claim(
            "MK001",
            "killed_total",
            {"kind": "count", "value": 40, "qualifier": "at least"},
            "mk_wire",
            speaker="an official",
            speaker_role="unnamed official",
            refers_to="as of 2020-05-01 evening",
        ),
        _claim(
            "MK002",
            "killed_total",
            {"kind": "count", "value": 45},
            "mk_wire",
            speaker="another official",
            speaker_role="unnamed official",
            refers_to="as of 2020-05-01 evening",
        ),
        _claim(
            "MK003", "claim_of_responsibility", {"kind": "text", "value": "none so far"}, "mk_wire"
        ),
        _claim(
            "MK004",
            "perpetrator",
            {"kind": "text", "value": "Islamic State"},
            "mk_copy",
            speaker="US officials",
            speaker_role="US government",
            modality="found no evidence to substantiate",
        ),
        _claim("MK005", "wounded", {"kind": "text", "value": "heavy casualties"}, "mk_copy"),
        _claim(
            "MK006",
            "killed_total",
            {"kind": "count", "value": 30},
            "mk_wire",
            note="more than 70 wounded, 12 rescued",
        ),
        _claim(
            "MK007",
            "killed_total",
            {"kind": "count", "value": 0},
            "mk_wire",
            polarity="denied",
            note="8 wounded",
        ),
    ],
    "spelling_variants": [
        {
            "entity": "the market",
            "type": "place",
            "variants": [{"form": "Mandawi market", "seen_in": [{"source_id": "mk_copy"}]}],
        },
    ],
}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("small")
    (folder / "claims.yaml").write_text(yaml.safe_dump(SMALL), "utf-8")
    converted = convert(folder / "claims.yaml", folder / "ledger")
    ledger = load_ledger([folder / "ledger"])
    return converted, ledger, {c.id: c for c in ledger.claims}


def test_an_official_and_another_official_of_one_page_are_two_unnamed_speakers(small: Any) -> None:
    _, _, claims = small
    first, second = claims["MK001"], claims["MK002"]
    assert (first.said_by, second.said_by) == ((), ())
    assert [u.description for u in first.unnamed + second.unnamed] == [
        "an official",
        "another official",
    ]


def test_ids_are_kept_as_the_data_set_writes_them(small: Any) -> None:
    _, ledger, claims = small
    assert set(claims) == {f"MK00{n}" for n in range(1, 8)} | {"MK006-wounded", "MK006-rescued"}
    assert {s.id for s in ledger.sources} == {"mk_wire", "mk_copy"}


def test_no_claim_yet_is_nobody_and_so_far_a_provisional_stance(small: Any) -> None:
    _, _, claims = small
    assert claims["MK003"].value == EntityValue(())


def test_found_no_evidence_questions_rather_than_denies(small: Any) -> None:
    _, _, claims = small
    assert claims["MK004"].polarity is Polarity.QUESTIONED
    assert claims["MK004"].value == EntityValue(("islamic-state",))


def test_words_where_a_number_was_expected_say_only_that_some_were_counted(small: Any) -> None:
    _, _, claims = small
    value = claims["MK005"].value
    assert isinstance(value, Quantity) and value.qualifier == "exists"
    assert "heavy casualties" in (claims["MK005"].notes or "")


def test_a_figure_current_in_the_evening_is_as_of_then(small: Any) -> None:
    _, _, claims = small
    as_of = claims["MK001"].as_of
    assert as_of is not None and as_of.start is not None and as_of.start.hour == 19


def test_a_figure_in_the_note_of_an_asserted_figure_is_a_claim_of_its_own(small: Any) -> None:
    converted, _ledger, claims = small
    wounded = claims["MK006-wounded"]
    assert (wounded.property, wounded.source, wounded.subject) == (
        "wounded",
        "mk_wire",
        "EV_MARKET",
    )
    assert (wounded.value.words, wounded.value.low) == ("more than 70", 71.0)
    assert claims["MK006-rescued"].property == "rescued"  # a custom property, declared
    assert converted.derived == {"mk006-wounded": "mk006", "mk006-rescued": "mk006"}  # a
    # denied figure's note says nothing of its own (MK007)


def test_a_copy_derives_from_its_original_with_its_inferred_date_and_its_spellings(
    small: Any,
) -> None:
    _, ledger, _ = small
    copy = next(s for s in ledger.sources if s.id == "mk_copy")
    assert copy.derived_from == ("mk_wire",)
    assert copy.published is not None and copy.published.inferred
    assert [m.name for m in copy.mentions] == ["Mandawi market"]
    assert not copy.reliability_given


# -- the scorer ----------------------------------------------------------------------------------


def _finding(details: dict[str, Any], claims: list[str]) -> score.Finding:
    document = {
        "conflicts": [
            {
                "id": "x",
                "rule": "numeric-conflict",
                "severity": "warning",
                "claims": claims,
                "details": details,
            }
        ]
    }
    return score.findings(document)[0]


def test_claims_in_one_position_agree_and_claims_in_two_are_linked() -> None:
    found = _finding(
        {"positions": [{"claims": ["A1", "A2"]}, {"claims": ["B1"]}]}, ["A1", "A2", "B1"]
    )
    assert found.links(["a1"], ["b1"])
    assert not found.links(["a1"], ["a2"])


def test_each_group_of_a_timeline_or_of_windows_is_a_side() -> None:
    timeline = _finding({"timeline": [["A1", "A2"], ["B1"]]}, ["A1", "A2", "B1"])
    windows = _finding(
        {"windows": [{"claims": ["A1"]}, {"claims": ["B1", "B2"]}]}, ["A1", "B1", "B2"]
    )
    assert timeline.links(["a2"], ["b1"]) and not timeline.links(["a1"], ["a2"])
    assert windows.links(["a1"], ["b2"]) and not windows.links(["b1"], ["b2"])


def test_without_groups_any_two_claims_of_a_finding_are_linked() -> None:
    found = _finding({"sequence": [{"claim": "A1"}, {"claim": "B1"}]}, ["A1", "B1"])
    assert found.links(["a1"], ["b1"])


# -- the real data set: floors under today's figures ---------------------------------------------

DATA = Path(os.environ.get("PROVENANCE_REALWORLD") or DEFAULT)
FLOORS = {  # measured with converter v1 and the checker of running counts and positions
    "should_flag_recall": 1.0,
    "recall_high": 1.0,
    "groups_matched": 15,
}
CEILINGS = {
    "false_flags": 1,
    "lookalikes_merged": 0,
    "findings_per_expected_conflict": 1.2,
    "max_findings_per_expected_conflict": 2,
}


@pytest.mark.skipif(not (DATA / "claims.yaml").is_file(), reason=f"no data set at {DATA}")
def test_the_checker_on_real_reporting_does_not_fall_below_its_measured_figures(
    tmp_path: Path,
) -> None:
    converted = convert(DATA / "claims.yaml", tmp_path / "ledger")
    document = score.check(tmp_path / "ledger")
    found, strict = score.findings(document), score.findings(document, converted.derived)
    scores = score.score(score.load_expected(DATA / "expected.yaml"), found, strict).as_dict()
    below = {k: scores[k] for k, floor in FLOORS.items() if scores[k] < floor}
    above = {k: scores[k] for k, ceiling in CEILINGS.items() if scores[k] > ceiling}
    assert (below, above) == ({}, {})
    data = yaml.safe_load((DATA / "claims.yaml").read_text("utf-8"))
    written = {
        i.casefold() for claims in converted.claims.values() for i in (c["id"] for c in claims)
    }
    originals = {c["id"].casefold() for c in data["claims"]}
    assert written - set(converted.derived) == originals  # every claim, none lost
    assert set(converted.derived.values()) <= originals  # each derived from one of them


def test_parts_given_beside_a_toll_are_read_only_when_they_add_up_to_it() -> None:
    from benchmarks.realworld.names import Gazetteer
    from benchmarks.realworld.parts import read_parts

    names = Gazetteer()
    note = "12 MSF staff and 7 patients incl. 3 children; 37 seriously injured"
    assert read_parts(note, 19, names) == {"staff": 12, "patients": 7}
    assert read_parts("15 women and one man", 16, names) == {"women": 15, "man": "one"}
    assert read_parts("43 wounded, 13 critical", 21, names) is None  # 56 is not 21
    assert read_parts("7 killed, 13 injured", 7, names) is None
