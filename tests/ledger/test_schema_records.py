"""Whole records: a complete source, entity and review read into exactly the expected objects,
and every problem of a ledger reported at once, in file and line order."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ledger_files import load, problems, write
from provenance.model import (
    Archive,
    Entity,
    EntityKind,
    Origin,
    PartialDate,
    Reliability,
    Review,
    Source,
    SourceKind,
    TimeSpan,
    Verdict,
)

SHA = "0123456789abcdef" * 4
P = PartialDate


# --- every problem, in line order ---------------------------------------------------------


def test_every_problem_of_every_file_is_reported_in_line_order(tmp_path: Path) -> None:
    second = write(tmp_path, "b.yaml", "entities:\n  - id: x\n    kind: plac\n    name: X\n")
    first = write(
        tmp_path,
        "a.yaml",
        """
        reviews:
          - conflict: c
            verdict: resolved
            reviewer: ana
            at: 2026-11-21
        entities:
          - id: e1
            kind: place
            name: E
            nmae: F
        sources:
          - id: s1
            title: [x]
            kind: news
            reliability: G
        """,
    )
    assert [(p.file, p.line) for p in problems(tmp_path)] == [
        (first, 2),  # resolved without in_favour_of
        (first, 5),  # at without a time
        (first, 10),  # nmae
        (first, 13),  # title
        (first, 15),  # reliability
        (second, 3),  # plac
    ]


# --- complete records -----------------------------------------------------------------------


def test_a_complete_source_is_read_exactly(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "sources.yaml",
        f"""
        sources:
          - id: caci-2017-11-13
            title: 'Are We Seeing the Beginning of ISIS-Taliban Collaboration?'
            publisher: The Central Asia-Caucasus Analyst
            authors: [Sudha Ramachandran, A. N. Other]
            published: Monday, 13 November 2017
            url: https://www.cacianalyst.org/publications/item/13483
            kind: analysis
            reliability: b
            language: en
            archive:
              path: archive/caci-2017-11-13.txt
              sha256: {SHA}
            derived_from: [un-report]
            notes: 'Graded B: names its speakers.'
          - id: un-report
            title: UN report
            kind: UN
            reliability: A
        """,
    )
    monday = P(2017, 11, 13, weekday=0)
    sources = load(tmp_path).sources
    assert sources == (
        Source(
            id="caci-2017-11-13",
            title="Are We Seeing the Beginning of ISIS-Taliban Collaboration?",
            kind=SourceKind.ANALYSIS,
            reliability=Reliability.B,
            publisher="The Central Asia-Caucasus Analyst",
            authors=("Sudha Ramachandran", "A. N. Other"),
            published=TimeSpan("Monday, 13 November 2017", monday, monday),
            url="https://www.cacianalyst.org/publications/item/13483",
            language="en",
            archive=Archive("archive/caci-2017-11-13.txt", SHA),
            derived_from=("un-report",),
            notes="Graded B: names its speakers.",
        ),
        Source("un-report", "UN report", SourceKind.UN, Reliability.A),
    )
    assert [s.origin for s in sources] == [Origin(name, 2), Origin(name, 16)]


def test_a_complete_entity_is_read_exactly(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "places.yaml",
        """
        entities:
          - id: sar-e-pul-province
            kind: place
            name: Sar-e Pul
          - id: sayad-district
            kind: place
            name: Sayad
            aliases: [Sayyad, Saiad]
            part_of: sar-e-pul-province
            distinct_from: [sayad-village]
            notes: A district of Sar-e Pul province.
          - {id: sayad-village, kind: place, name: Sayad}
        """,
    )
    entities = load(tmp_path).entities
    assert entities == (
        Entity("sar-e-pul-province", EntityKind.PLACE, "Sar-e Pul"),
        Entity(
            id="sayad-district",
            kind=EntityKind.PLACE,
            name="Sayad",
            aliases=("Sayyad", "Saiad"),
            distinct_from=("sayad-village",),
            part_of="sar-e-pul-province",
            notes="A district of Sar-e Pul province.",
        ),
        Entity("sayad-village", EntityKind.PLACE, "Sayad"),
    )
    assert [e.origin for e in entities] == [Origin(name, 2), Origin(name, 5), Origin(name, 12)]


def test_a_complete_review_is_read_exactly(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "reviews.yaml",
        """
        sources: [{id: src, title: A report, kind: news, reliability: B}]
        entities: [{id: attack, kind: event, name: The attack}]
        claims:
          - {id: c1, subject: attack, property: killed, value: 52, source: src}
          - {id: c2, subject: attack, property: killed, value: 60, source: src}
        reviews:
          - conflict: attack.killed:c1-c2
            verdict: Resolved
            in_favour_of: c1
            note: The later report corrects the earlier one.
            reviewer: ana
            at: 2026-11-21T14:30:00+04:30
        """,
    )
    reviews = load(tmp_path).reviews
    assert reviews == (
        Review(
            conflict="attack.killed:c1-c2",
            verdict=Verdict.RESOLVED,
            reviewer="ana",
            at=datetime(2026, 11, 21, 10, 0, tzinfo=UTC),
            note="The later report corrects the earlier one.",
            in_favour_of="c1",
        ),
    )
    assert reviews[0].origin == Origin(name, 7)
