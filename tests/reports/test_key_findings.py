"""Key findings from the checker's positions and a running count's timeline: one sentence
naming each position with who holds it and how many independent sources, one sentence on how
the count moved as it was reported, and the chart's bars grouped by position."""

from __future__ import annotations

from pathlib import Path

from test_contradictions import ledger, report_data

from provenance.checker import Conflict
from provenance.model import Severity
from provenance.reports.contradictions import topics
from provenance.reports.contradictions.charts import FigureChart
from provenance.reports.contradictions.findings import Held, Step, Topic, key_findings

CLAIMS = """\
claims:
  - {id: ministry-80, subject: attack, property: killed, value: 80, source: day1,
     said_by: [ministry]}
  - {id: radio-80, subject: attack, property: killed, value: about 80, source: radio}
  - {id: ngo-150, subject: attack, property: killed, value: at least 150, source: ngo}
  - {id: day2-90, subject: attack, property: killed, value: 90, source: day2}
"""


def conflict(
    rule: str, claims: tuple[str, ...], details: dict[str, object], **more: object
) -> Conflict:
    return Conflict(
        f"{rule}:0", rule, Severity.WARNING, "", "attack", claims, details=details, **more
    )  # type: ignore[arg-type]


def test_positions_are_one_sentence_with_holders_and_independent_sources(tmp_path: Path) -> None:
    data = report_data(ledger(tmp_path, CLAIMS))
    positions = [
        {
            "value": "80",
            "claims": ["ministry-80", "radio-80"],
            "independent": 2,
            "stated": ["2017-08-06"],
        },
        {"value": "at least 150", "claims": ["ngo-150"], "stated": ["undated"]},
    ]
    found = conflict(
        "numeric-conflict", ("ministry-80", "radio-80", "ngo-150"), {"positions": positions}
    )
    [(topic, charts)] = topics.topics(data, [found], {}, {})
    texts = {f.kind: f.text for f in key_findings([topic])}
    assert "values" not in texts  # the positions say it
    assert texts["positions"] == (
        "Killed of The attack: 2 positions. 80 (Ministry of the Interior and Local radio; "
        "2 independent sources; 6 August 2017); at least 150 (NGO report; 1 independent source)."
    )
    [chart] = [c for c in charts if isinstance(c, FigureChart)]
    assert {b.claim: b.position for b in chart.bars} == {
        "ministry-80": 1,
        "radio-80": 1,
        "ngo-150": 2,
    }


def test_a_running_count_is_told_as_a_timeline_even_without_a_conflict(tmp_path: Path) -> None:
    data = report_data(ledger(tmp_path, CLAIMS))
    timeline = [
        {"window": "2017-08-06", "value": "80", "claims": ["ministry-80"]},
        {"window": "2017-08-07", "value": "90", "claims": ["day2-90"]},
    ]
    revision = conflict(
        "numeric-conflict", ("ministry-80", "day2-90"), {"timeline": timeline}, revision=True
    )
    [(topic, _)] = topics.topics(data, [], {}, {}, [revision])
    [finding] = [f for f in key_findings([topic]) if f.kind == "timeline"]
    assert finding.text == (
        "Killed of The attack as reported over time: 80 (6 August 2017), then 90 "
        "(7 August 2017); the latest figure supersedes the earlier ones."
    )


def test_a_denied_position_says_who_denies_it() -> None:
    topic = Topic(
        "perpetrator of The attack",
        (),
        None,
        None,
        (
            Held("Taliban", ("Ministry",), 2, ("a", "b")),
            Held("Taliban", ("Taliban",), 1, ("c",), "6 August 2017", denied=True),
        ),
    )
    [finding] = key_findings([topic])
    assert finding.text == (
        "Perpetrator of The attack: 2 positions. Taliban (Ministry; 2 independent sources); "
        "denied by Taliban (1 independent source; 6 August 2017)."
    )


def test_one_position_or_one_step_says_nothing_new() -> None:
    topic = Topic(
        "killed of X", (), None, None, (Held("80", ("A",), 1, ("a",)),), (Step("", "80", ("a",)),)
    )
    assert key_findings([topic]) == ()
