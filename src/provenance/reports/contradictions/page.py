"""The contradiction report laid out for people, once for every format that people read
(text, Markdown, HTML): every heading, sentence and table cell as plain text, columns with
nothing to show dropped, the maintainer's ids, rules and file:line only in the maintainer's
view. Each format escapes the text for its own syntax (the HTML template by autoescaping)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.reports.contradictions import common

if TYPE_CHECKING:
    from provenance.reports.contradictions.charts import Chart
    from provenance.reports.contradictions.content import (
        Assessed,
        ConflictEntry,
        ContradictionReport,
        RevisionEntry,
        Section,
    )
    from provenance.reports.contradictions.rows import ShownClaim

Cells = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[Cells, ...]


@dataclass(frozen=True, slots=True)
class ConflictBlock:
    anchor: str
    heading: str
    fields: tuple[tuple[str, str], ...]  # (label, text), only those with something to say
    status: str  # open, disputed, resolved... (for styling)
    claims: Table


@dataclass(frozen=True, slots=True)
class AssessmentBlock:
    heading: str
    table: Table
    outcome: str  # follows the analyst's reviews
    weighing: str  # the weighing alone, when a review decided otherwise or said more
    set_aside: str


@dataclass(frozen=True, slots=True)
class RevisionBlock:
    heading: str
    message: str
    steps: Table


@dataclass(frozen=True, slots=True)
class SubjectBlock:
    anchor: str
    heading: str
    count: str
    findings: tuple[str, ...]
    conflicts: tuple[ConflictBlock, ...]
    charts: tuple[Chart, ...]
    assessments: tuple[AssessmentBlock, ...]
    revisions: tuple[RevisionBlock, ...]


@dataclass(frozen=True, slots=True)
class SourceLine:
    citation: str
    title: str
    authors: str
    url: str
    reliability: str
    id: str  # shown in the maintainer's view


@dataclass(frozen=True, slots=True)
class Page:
    title: str
    scope: str
    date: str
    headline: str
    maintainer: bool
    summary: tuple[tuple[str, Table], ...]  # the maintainer's counts
    subjects: tuple[SubjectBlock, ...]
    appendix: tuple[SubjectBlock, ...]
    sources: tuple[SourceLine, ...]
    method: str  # the short note
    rule: str  # the assessment rule in full
    method_anchor: str = common.NOTE_ANCHOR
    rule_anchor: str = common.RULE_ANCHOR


def arrange(report: ContradictionReport) -> Page:
    maintainer = report.edition.maintainer
    summary = (
        tuple(
            (what, Table((what, *common.COUNT_HEADERS), tuple(rows)))
            for what, rows in common.summary_tables(report.summary)
        )
        if maintainer and report.summary.conflicts
        else ()
    )
    return Page(
        title=report.edition.title,
        scope=report.edition.scope,
        date=report.edition.date,
        headline=common.headline(report),
        maintainer=maintainer,
        summary=summary,
        subjects=tuple(_subject(s, maintainer) for s in report.sections),
        appendix=tuple(_subject(s, maintainer) for s in report.appendix),
        sources=tuple(
            SourceLine(
                s.citation,
                s.title,
                ", ".join(s.authors),
                s.url,
                f"{s.reliability}: {s.reliability_label}",
                s.id,
            )
            for s in report.sources
        ),
        method=common.METHOD,
        rule=report.assessment_rule.text,
    )


BLANK = frozenset({"", common.THE_SOURCE})
"""Cells that say nothing a reader misses when the whole column says it."""


def without_empty(
    headers: Sequence[str], rows: Sequence[Cells], blank: frozenset[str] = BLANK
) -> Table:
    """The table without the columns no row has anything in (for a reader, a "said by"
    column where every claim is the source's own voice too)."""
    keep = [n for n in range(len(headers)) if any(row[n].strip() not in blank for row in rows)]
    return Table(
        tuple(headers[n] for n in keep), tuple(tuple(row[n] for n in keep) for row in rows)
    )


CLAIM_HEADERS = (
    "claim",
    "value",
    "reads as",
    "interval",
    "said by",
    "source",
    "reliability",
    "stated",
    "confidence",
    "quote",
    "where",
)
MAINTAINER_ONLY = frozenset({"claim", "interval", "where"})


def claim_cells(row: ShownClaim, maintainer: bool, stated: str | None = None) -> Cells:
    stance = f" [{row.stance}]" if row.stance else ""
    scope = f" ({row.scope})" if row.scope else ""
    reads_as = row.reads_as if row.reads_as and row.reads_as not in row.value else ""
    return (
        row.claim,
        row.shown_value + scope + stance,
        reads_as,
        row.interval,
        row.said_by,
        row.source if maintainer else row.citation,
        f"{row.reliability}: {row.reliability_label}" if row.reliability else "",
        (row.as_of if maintainer else row.stated_words) if stated is None else stated,
        row.confidence,
        row.quote,
        row.where,
    )


def claim_table(rows: Sequence[ShownClaim], maintainer: bool, steps: bool = False) -> Table:
    headers = [h for h in CLAIM_HEADERS if maintainer or h not in MAINTAINER_ONLY]
    kept = [n for n, h in enumerate(CLAIM_HEADERS) if h in headers]
    cells: list[Cells] = []
    for n, row in enumerate(rows, 1):
        stated = (row.stated if maintainer else row.stated_words) if steps else None
        every = claim_cells(row, maintainer, stated)
        found = tuple(every[i] for i in kept)
        cells.append((str(n), *found) if steps else found)
    if maintainer and not steps:
        headers = ["as of" if h == "stated" else h for h in headers]
    blank = frozenset({""}) if maintainer else BLANK
    return without_empty(["step", *headers] if steps else headers, cells, blank)


def _subject(section: Section, maintainer: bool) -> SubjectBlock:
    return SubjectBlock(
        anchor=section.anchor,
        heading=section.title if maintainer else section.name,
        count=common.section_count(len(section.conflicts), len(section.revisions)),
        findings=tuple(f.text for f in section.findings),
        conflicts=tuple(_conflict(c, maintainer) for c in section.conflicts),
        charts=section.charts,
        assessments=tuple(_assessment(a, maintainer) for a in section.assessments),
        revisions=tuple(_revision(r, maintainer) for r in section.revisions),
    )


def conflict_anchor(conflict_id: str) -> str:
    return "conflict-" + "".join(c if c.isalnum() or c == "-" else "-" for c in conflict_id)


def _conflict(entry: ConflictEntry, maintainer: bool) -> ConflictBlock:
    kind = entry.rule.replace("-", " ")
    if maintainer:
        heading = f"Conflict {entry.id}"
    else:
        heading = f"{common.capital(entry.topic)}: {kind}" if entry.topic else common.capital(kind)
    fields = common.fields(entry)
    if not maintainer:
        hidden = ("rule", "where", "why") if entry.topic else ("rule", "where")
        fields = [(k, v) for k, v in fields if k not in hidden]
    return ConflictBlock(
        anchor=conflict_anchor(entry.id),
        heading=heading,
        fields=tuple(fields),
        status=entry.status,
        claims=claim_table(entry.claims, maintainer),
    )


ASSESSMENT_HEADERS = ("value", "support", "for", "against", "independent sources", "claims")


def _assessment(assessed: Assessed, maintainer: bool) -> AssessmentBlock:
    assessment = assessed.assessment
    rows = common.assessment_rows(assessment, maintainer)
    headers = ASSESSMENT_HEADERS if maintainer else ASSESSMENT_HEADERS[:-1]
    table = Table(headers, tuple(r[: len(headers)] for r in rows))
    weighing = ""
    if assessed.decision is not None:
        weighing = f"The weighing alone: {assessment.verdict}."
    return AssessmentBlock(
        heading=f"Assessment: {assessed.title}",
        table=table,
        outcome=assessed.outcome,
        weighing=weighing,
        set_aside=common.set_aside(assessment, maintainer),
    )


def _revision(revision: RevisionEntry, maintainer: bool) -> RevisionBlock:
    heading = (
        f"Revision {revision.id} (not a conflict; in the order stated)"
        if maintainer
        else "A revision, not a conflict (in the order stated)"
    )
    return RevisionBlock(heading, revision.message, claim_table(revision.steps, maintainer, True))
