"""The contradiction report's content (contradictions.build) and its assessment: which
conflicts are shown, revisions in time order, and the best-supported value counted over
independent sources, weighted by reliability and confidence, with denials against."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from provenance import api
from provenance.checker.settings import Settings
from provenance.model import (
    Claim,
    Confidence,
    Entity,
    EntityKind,
    EntityValue,
    Polarity,
    Reliability,
    Source,
    SourceKind,
)
from provenance.quantities import parse_quantity
from provenance.reports.contradictions.assessment import (
    Assessment,
    Question,
    assess,
    families,
    weight,
)
from provenance.reports.contradictions.charts import FigureChart, MatrixChart
from provenance.reports.contradictions.content import ContradictionReport, Section, build
from provenance.reports.contradictions.edition import Edition, Options
from provenance.views import ReportData

ROOT = Path(__file__).resolve().parents[2]

SOURCES = """\
sources:
  - {id: wire, title: Wire story, kind: wire, reliability: C}
  - {id: radio, title: Local radio, kind: news, reliability: C}
  - {id: ngo, title: NGO report, kind: ngo, reliability: C}
  - {id: un, title: UN mission report, kind: un, reliability: A}
  - {id: paper, title: Weekly paper, kind: news, reliability: B}
  - {id: day1, title: First day, kind: news, reliability: C, published: 2017-08-06}
  - {id: day2, title: Second day, kind: news, reliability: C, published: 2017-08-07}
  - {id: group-statement, title: Group statement, kind: armed-group-statement, reliability: C}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: other-attack, kind: event, name: The other attack}
  - {id: taliban, kind: organisation, name: Taliban}
  - {id: iskp, kind: organisation, name: ISKP}
  - {id: ministry, kind: organisation, name: Ministry of the Interior}
"""


def ledger(tmp_path: Path, claims: str, extra: str = "") -> Path:
    folder = tmp_path / "ledger"
    folder.mkdir(exist_ok=True)
    (folder / "sources.yaml").write_text(SOURCES, "utf-8")
    if extra:
        (folder / "more-sources.yaml").write_text("sources:\n" + extra, "utf-8")
    (folder / "claims.yaml").write_text(claims, "utf-8")
    return folder


def report_data(folder: Path) -> ReportData:
    return api.report([folder], None, Settings())


def make(folder: Path, include_decided: bool = False) -> ContradictionReport:
    return build(report_data(folder), include_decided)


def only_assessment(report: ContradictionReport) -> Assessment:
    found = [a.assessment for s in report.sections for a in s.assessments]
    assert len(found) == 1, found
    return found[0]


def candidate_claims(assessment: Assessment) -> list[set[str]]:
    return [set(c.claims) for c in assessment.candidates]


COPIES = "".join(
    f"  - {{id: copy-{n}, title: Repost {n}, kind: news, reliability: C, derived_from: [wire]}}\n"
    for n in range(1, 11)
)
COPIED_CLAIMS = "claims:\n" + "".join(
    f"  - {{id: copy-{n}-killed, subject: attack, property: killed, value: 12, source: copy-{n}}}\n"
    for n in range(1, 11)
)


def test_ten_copies_of_one_wire_story_count_once_and_two_independent_sources_twice(
    tmp_path: Path,
) -> None:
    claims = COPIED_CLAIMS + (
        "  - {id: radio-killed, subject: attack, property: killed, value: 30, source: radio}\n"
        "  - {id: ngo-killed, subject: attack, property: killed, value: about 30, source: ngo}\n"
    )
    found = only_assessment(make(ledger(tmp_path, claims, COPIES)))
    best, copied = found.candidates
    # every claim is C (0.6) with no confidence (0.5): 0.3 each
    assert set(best.claims) == {"radio-killed", "ngo-killed"}  # 30 and about 30 agree
    assert (best.sources, best.support) == (2, pytest.approx(0.6))
    assert set(copied.claims) == {f"copy-{n}-killed" for n in range(1, 11)}
    assert (copied.sources, copied.support) == (1, pytest.approx(0.3))
    assert found.best == best
    assert found.verdict.startswith("best supported: ")
    assert "(support 0.60 from 2 independent sources)" in found.verdict


def test_two_sources_that_repeat_one_origin_are_one_source(tmp_path: Path) -> None:
    extra = (
        "  - {id: radio-copy, title: Radio repost, kind: news, reliability: C, "
        "derived_from: [radio]}\n"
    )
    claims = COPIED_CLAIMS + (
        "  - {id: radio-killed, subject: attack, property: killed, value: 30, source: radio}\n"
        "  - {id: copy-killed, subject: attack, property: killed, value: 30, source: radio-copy}\n"
    )
    found = only_assessment(make(ledger(tmp_path, claims, COPIES + extra)))
    assert [(c.sources, c.support) for c in found.candidates] == [(1, 0.3), (1, 0.3)]
    assert found.best is None  # one source of evidence against one: a tie
    assert found.verdict.startswith("undecided: ")


def test_reliability_and_confidence_weigh_a_claim(tmp_path: Path) -> None:
    claims = """\
claims:
  - {id: un-killed, subject: attack, property: killed, value: 12, source: un, confidence: unlikely}
  - {id: radio-killed, subject: attack, property: killed, value: 30, source: radio, confidence: 0.9}
"""
    found = only_assessment(make(ledger(tmp_path, claims)))
    # A (1.0) x unlikely (0.20-0.45: 0.325) against C (0.6) x 0.9 = 0.54
    assert dict(found.weights) == {"un-killed": 0.325, "radio-killed": 0.54}
    assert found.best is not None and found.best.claims == ("radio-killed",)
    assert [c.support for c in found.candidates] == [0.54, 0.325]


PERPETRATORS = """\
claims:
  - {id: paper-taliban, subject: attack, property: perpetrator, value: taliban, source: paper,
     confidence: likely}
  - {id: radio-iskp, subject: attack, property: perpetrator, value: iskp, source: radio}
"""
DENIAL = (
    "  - {id: taliban-denies, subject: attack, property: perpetrator, value: taliban, "
    "polarity: denied, said_by: [taliban], source: group-statement}\n"
)


def test_without_a_denial_the_stronger_attribution_is_best_supported(tmp_path: Path) -> None:
    found = only_assessment(make(ledger(tmp_path, PERPETRATORS)))
    # B (0.8) x likely (0.675) = 0.54 against C (0.6) x 0.5 = 0.3
    assert found.best is not None and found.best.claims == ("paper-taliban",)
    assert found.best.support == 0.54


def test_a_denial_counts_against_the_value_it_denies(tmp_path: Path) -> None:
    found = only_assessment(make(ledger(tmp_path, PERPETRATORS + DENIAL)))
    by_claims = {c.claims: c for c in found.candidates}
    taliban = by_claims[("paper-taliban",)]
    assert taliban.denials == ("taliban-denies",)
    assert (taliban.support_for, taliban.against, taliban.support) == (0.54, 0.3, 0.24)
    assert by_claims[("radio-iskp",)].against == 0.0
    # ISKP 0.30 now leads Taliban 0.24 by less than the margin
    assert found.candidates[0].claims == ("radio-iskp",)
    assert found.best is None


def test_a_tie_is_undecided(tmp_path: Path) -> None:
    claims = """\
claims:
  - {id: radio-killed, subject: attack, property: killed, value: 12, source: radio}
  - {id: ngo-killed, subject: attack, property: killed, value: 30, source: ngo}
"""
    found = only_assessment(make(ledger(tmp_path, claims)))
    assert [c.support for c in found.candidates] == [0.3, 0.3]
    assert found.best is None
    assert "less than 0.15 apart" in found.verdict


REVISED = """\
claims:
  - {id: ministry-second, subject: attack, property: killed, value: 40, said_by: [ministry],
     source: day2}
  - {id: ministry-first, subject: attack, property: killed, value: 25, said_by: [ministry],
     source: day1}
  - {id: un-killed, subject: attack, property: killed, value: about 100, source: un}
"""


def test_a_revision_is_a_sequence_in_time_order_not_a_conflict(tmp_path: Path) -> None:
    report = make(ledger(tmp_path, REVISED))
    [section] = report.sections
    [revision] = section.revisions
    # listed second-day first in the file; stated on 6 August, then on 7 August
    assert [step.claim for step in revision.steps] == ["ministry-first", "ministry-second"]
    assert {c.rule for c in section.conflicts} == {"numeric-conflict"}
    assert all("ministry-first" not in {r.claim for r in c.claims} for c in section.conflicts)
    assert (report.summary.conflicts, report.summary.revisions) == (1, 1)


def test_a_speakers_revised_value_is_not_counted(tmp_path: Path) -> None:
    found = only_assessment(make(ledger(tmp_path, REVISED)))
    assert found.set_aside == ("ministry-first",)
    assert candidate_claims(found) == [{"un-killed"}, {"ministry-second"}]
    # A x 0.5 = 0.5 against C x 0.5 = 0.3: 0.2 apart
    assert found.best is not None and found.best.claims == ("un-killed",)


def test_figures_that_agree_are_one_candidate(tmp_path: Path) -> None:
    claims = """\
claims:
  - {id: radio-killed, subject: attack, property: killed, value: over 50, source: radio}
  - {id: ngo-killed, subject: attack, property: killed, value: about 55, source: ngo}
  - {id: paper-killed, subject: attack, property: killed, value: 30-40, source: paper}
"""
    found = only_assessment(make(ledger(tmp_path, claims)))
    assert candidate_claims(found) == [{"radio-killed", "ngo-killed"}, {"paper-killed"}]
    assert found.candidates[0].value == "about 55 / over 50"  # ties by claim id


def reviewed(tmp_path: Path, verdicts: Mapping[str, str]) -> Path:
    """Two conflicts about two attacks, each reviewed with the verdict for its subject."""
    claims = """\
claims:
  - {id: radio-killed, subject: attack, property: killed, value: 12, source: radio}
  - {id: ngo-killed, subject: attack, property: killed, value: 30, source: ngo}
  - {id: radio-other, subject: other-attack, property: killed, value: 5, source: radio}
  - {id: ngo-other, subject: other-attack, property: killed, value: 9, source: ngo}
"""
    folder = ledger(tmp_path, claims)
    lines = ["reviews:"]
    for conflict in report_data(folder).result.conflicts:
        verdict = verdicts[conflict.subject or ""]
        lines += [
            f"  - conflict: {conflict.id}",
            f"    verdict: {verdict}",
            f"    note: reviewed {verdict}",
            "    reviewer: Analyst One",
            "    at: 2026-11-21T10:00:00Z",
        ]
        if verdict == "resolved":
            radio = next(c for c in conflict.claims if c.startswith("radio-"))
            lines.append(f"    in_favour_of: {radio}")
    (folder / "reviews.yaml").write_text("\n".join(lines) + "\n", "utf-8")
    return folder


def subjects(report: ContradictionReport) -> list[str | None]:
    return [s.subject for s in report.sections]


def test_open_disputed_and_resolved_conflicts_are_shown_and_other_decisions_when_asked(
    tmp_path: Path,
) -> None:
    folder = reviewed(tmp_path, {"attack": "disputed", "other-attack": "not-a-conflict"})
    shown = make(folder)
    assert subjects(shown) == ["attack"]
    [entry] = shown.sections[0].conflicts
    assert (entry.status, entry.reviews) == ("disputed", 1)
    assert entry.review is not None and entry.review.note == "reviewed disputed"
    assert shown.hidden == 1
    everything = make(folder, include_decided=True)
    assert subjects(everything) == ["attack", "other-attack"]


def test_a_resolution_is_a_finding_the_report_shows_and_its_assessment_follows(
    tmp_path: Path,
) -> None:
    folder = reviewed(tmp_path, {"attack": "disputed", "other-attack": "resolved"})
    report = make(folder)
    assert subjects(report) == ["attack", "other-attack"]
    other = report.sections[1]
    [entry] = other.conflicts
    assert entry.review is not None
    assert (entry.status, entry.review.in_favour_of) == ("resolved", "radio-other")
    [assessed] = other.assessments
    assert assessed.assessment.best is None  # the weighing alone: 5 and 9 tie
    assert assessed.decision is not None and assessed.decision.claim == "radio-other"
    assert assessed.outcome == (
        "Resolved by the analyst in favour of claim radio-other: 5, Local radio."
    )
    [disputed] = report.sections[0].assessments
    assert disputed.outcome == "Disputed: the analyst keeps the competing accounts open."


def test_the_summary_counts_by_rule_status_and_subject(tmp_path: Path) -> None:
    folder = reviewed(tmp_path, {"attack": "disputed", "other-attack": "not-a-conflict"})
    summary = make(folder).summary
    assert summary.by_rule == (("numeric-conflict", 2, 1),)
    assert summary.by_status == (("disputed", 1, 1), ("not-a-conflict", 1, 0))
    assert summary.by_subject == (
        ("The attack (attack)", 1, 1),
        ("The other attack (other-attack)", 1, 0),
    )


def test_conflicts_without_a_subject_come_last(tmp_path: Path) -> None:
    extra = (
        "  - {id: misdated, title: Misdated, kind: news, reliability: C, "
        "published: 'Friday, 13 November 2017'}\n"
    )
    claims = """\
claims:
  - {id: radio-killed, subject: attack, property: killed, value: 12, source: radio}
  - {id: ngo-killed, subject: attack, property: killed, value: 30, source: ngo}
"""
    report = make(ledger(tmp_path, claims, extra))
    assert subjects(report) == ["attack", None]
    last: Section = report.sections[-1]
    assert (last.name, last.anchor) == ("Conflicts without a subject", "no-subject")
    assert [c.rule for c in last.conflicts] == ["date-conflict"]
    assert last.assessments == ()


def test_the_shipped_ledger_weighs_the_disputed_attribution() -> None:
    report = build(report_data(ROOT / "claims"), True)
    by_subject = {s.subject: s for s in report.sections}
    assert set(by_subject) == {"akhtar-mohammad-mansour", "mirza-olang-attack"}
    [assessed] = by_subject["mirza-olang-attack"].assessments
    [joint] = assessed.assessment.candidates
    assert joint.value == "Taliban + Islamic State Khorasan Province"
    # one source (CACI, B = 0.8): officials 'likely' (0.675) = 0.54; the denial 0.4
    assert (joint.support_for, joint.against, joint.sources) == (0.54, 0.4, 1)
    assert assessed.assessment.best is None  # 0.14 is under the margin
    assert assessed.outcome.startswith("Disputed")


def test_housekeeping_goes_to_the_appendix() -> None:
    """Spellings are the ledger's upkeep, not a disagreement: reviewed ones only with
    --include-decided, and then in the appendix, never beside the real disagreements."""
    assert build(report_data(ROOT / "claims")).appendix == ()
    report = build(report_data(ROOT / "claims"), True)
    assert {s.subject for s in report.appendix} == {"akhtar-mohammad-mansour", "mirza-olang"}
    assert {c.rule for s in report.appendix for c in s.conflicts} == {"spelling-variant"}
    assert not [c for s in report.sections for c in s.conflicts if c.rule == "spelling-variant"]


def test_the_shipped_ledger_has_key_findings_and_a_matrix_of_who_names_whom() -> None:
    report = build(report_data(ROOT / "claims"))
    attack = next(s for s in report.sections if s.subject == "mirza-olang-attack")
    positions, outcome = attack.findings
    assert positions.kind == "positions" and outcome.kind == "outcome"
    assert positions.text.startswith(
        "Perpetrator of Mirza Olang attack: 2 positions. Taliban + Islamic State Khorasan "
        "Province (Afghan government, United Nations, local witnesses at Mirza Olang and "
        "The Central Asia-Caucasus Analyst (CACI Analyst), 13 November 2017; 1 independent source"
    )
    assert "; denied by Taliban (1 independent source" in positions.text
    assert outcome.text == "Disputed: the analyst keeps the competing accounts open."
    [matrix] = attack.charts
    assert isinstance(matrix, MatrixChart)
    assert matrix.candidates == ("Taliban", "Islamic State Khorasan Province")
    taliban = matrix.speakers.index("Taliban")
    assert {(m.column, m.kind) for m in matrix.marks if m.row == taliban} == {
        (0, "denied"),
        (1, "denied"),
    }
    mansour = next(s for s in report.sections if s.subject == "akhtar-mohammad-mansour")
    assert mansour.findings[-1].text.startswith(
        "Resolved by the analyst in favour of claim caci-mansour-role: deputy leader of the Taliban"
    )


def test_a_numeric_disagreement_is_charted_with_its_best_supported_band(tmp_path: Path) -> None:
    claims = """\
claims:
  - {id: un-killed, subject: attack, property: killed, value: over 50, source: un}
  - {id: radio-killed, subject: attack, property: killed, value: 30-40, source: radio}
  - {id: day1-killed, subject: attack, property: killed, value: 57, source: day1}
"""
    report = make(ledger(tmp_path, claims))
    [section] = report.sections
    [chart] = section.charts
    assert isinstance(chart, FigureChart)
    bars = {b.claim: b for b in chart.bars}
    assert (bars["un-killed"].low, bars["un-killed"].high) == (51, None)
    assert (bars["radio-killed"].low, bars["radio-killed"].high) == (30, 40)
    assert bars["day1-killed"].exact == 57
    assert bars["day1-killed"].when == "2017-08-06T00:00:00"
    assert chart.bars[0].claim == "day1-killed"  # dated first, then the undated
    assert chart.band == (57, 57)  # where the two that agree meet
    assert chart.band_label == "best supported"
    values = section.findings[0].text
    assert values.startswith("Killed of The attack: 3 positions.")
    assert "30-40 (Local radio; 1 independent source)" in values
    assert "over 50 (UN mission report; 1 independent source)" in values
    assert section.findings[1].text.startswith("Best supported: over 50 / 57")


def test_an_edition_has_a_title_a_scope_and_a_date_always(tmp_path: Path) -> None:
    folder = ledger(tmp_path, "claims: []\n")
    default = build(report_data(folder), Options(), today=datetime(2026, 11, 30, tzinfo=UTC))
    assert default.edition.title == "Contradiction report: " + str(folder)
    assert default.edition.date == "30 November 2026"
    assert default.edition.scope == f"Every subject in {folder}"
    given = build(
        report_data(folder),
        Options(title="Mirza Olang", scope="Sar-e Pul, 2017", date="2017-11-20", maintainer=True),
    )
    assert given.edition == Edition("Mirza Olang", "Sar-e Pul, 2017", "20 November 2017", True)


# the rule on hand-made claims -------------------------------------------------------------


@dataclass
class Records:
    sources: dict[str, Source] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    origins: dict[str, frozenset[str]] = field(default_factory=dict)


def source(ident: str, reliability: Reliability, *derived: str) -> Source:
    return Source(ident, ident, SourceKind.NEWS, reliability, derived_from=derived)


def test_weights_follow_the_reliability_scale_and_the_confidence() -> None:
    sources = {s.id: s for s in (source("a", Reliability.A), source("f", Reliability.F))}

    def claim(src: str, given: Confidence | None) -> Claim:
        return Claim("c", "attack", "killed", parse_quantity("12"), src, confidence=given)

    assert weight(claim("a", None), sources) == 0.5
    assert weight(claim("a", Confidence(term="almost certain")), sources) == 0.97
    assert weight(claim("f", Confidence(probability=0.8)), sources) == 0.24
    assert weight(claim("unknown", None), sources) == 0.15  # read as F
    assert weight(claim("a", Confidence(credibility=6)), sources) == 0.5  # cannot be judged


def test_sources_whose_origins_meet_are_one_family() -> None:
    claims = [
        Claim(n, "attack", "killed", parse_quantity("12"), s)
        for n, s in (("1", "x"), ("2", "y"), ("3", "z"), ("4", "w"))
    ]
    origins = {
        "x": frozenset({"wire"}),
        "y": frozenset({"wire", "agency"}),
        "z": frozenset({"agency"}),
        "w": frozenset({"w"}),
    }
    found = families(claims, origins)
    assert found["1"] == found["2"] == found["3"] != found["4"]


def test_a_denial_of_an_organisation_counts_against_a_joint_attribution() -> None:
    records = Records(
        sources={"s": source("s", Reliability.B), "t": source("t", Reliability.C)},
        origins={"s": frozenset({"s"}), "t": frozenset({"t"})},
    )
    joint = Claim("joint", "attack", "perpetrator", EntityValue(("taliban", "iskp")), "s")
    denied = Claim(
        "denied", "attack", "perpetrator", EntityValue(("taliban",)), "t", polarity=Polarity.DENIED
    )
    found = assess(Question("attack", "perpetrator"), [joint, denied], frozenset(), records)
    [candidate] = found.candidates
    assert candidate.denials == ("denied",)
    assert (candidate.support_for, candidate.against) == (0.4, 0.3)


def test_entities_inside_one_another_are_one_candidate() -> None:
    records = Records(
        sources={"s": source("s", Reliability.B), "t": source("t", Reliability.C)},
        entities={
            "village": Entity("village", EntityKind.PLACE, "Village", part_of="district"),
            "district": Entity("district", EntityKind.PLACE, "District"),
        },
        origins={"s": frozenset({"s"}), "t": frozenset({"t"})},
    )
    claims = [
        Claim("a", "attack", "location", EntityValue(("village",)), "s"),
        Claim("b", "attack", "location", EntityValue(("district",)), "t"),
    ]
    found = assess(Question("attack", "location"), claims, frozenset(), records)
    [candidate] = found.candidates
    assert (candidate.value, candidate.sources, candidate.support) == ("Village / District", 2, 0.7)
