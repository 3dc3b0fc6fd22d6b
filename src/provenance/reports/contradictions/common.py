"""What every format of the contradiction report shares: the columns of its tables, the
cells of a claim, a review, an assessment and the summary, and its wording. Cells are plain
text here; each format escapes them for its own syntax."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from provenance import __version__

if TYPE_CHECKING:
    from provenance.reports.contradictions.assessment import Assessment
    from provenance.reports.contradictions.content import (
        Assessed,
        ConflictEntry,
        ContradictionReport,
        Count,
        RevisionEntry,
        Section,
        Summary,
    )
    from provenance.reports.contradictions.rows import ShownClaim, ShownReview

TOOL = "provenance"
VERSION = __version__
JSON_VERSION = 1
TITLE = "Contradiction report"
NOTE_TITLE = "How the assessment is made"
NOTE_ANCHOR = "note-assessment"

CLAIM_HEADERS = (
    "claim",
    "value",
    "interval",
    "said by",
    "source",
    "reliability",
    "as of",
    "confidence",
    "quote",
    "where",
)
STEP_HEADERS = tuple(["step", *("stated" if h == "as of" else h for h in CLAIM_HEADERS)])
ASSESSMENT_HEADERS = ("value", "support", "for", "against", "independent sources", "claims")
Cells = tuple[str, ...]


def one_line(text: str) -> str:
    """A cell on one line: newlines and runs of spaces become one space."""
    return " ".join(text.split())


def claim_cells(row: ShownClaim) -> Cells:
    stance = f" [{row.stance}]" if row.stance else ""
    scope = f" ({row.scope})" if row.scope else ""
    return (
        row.claim,
        row.shown_value + scope + stance,
        row.interval,
        row.said_by,
        row.source,
        f"{row.reliability}: {row.reliability_label}" if row.reliability else "",
        row.as_of,
        row.confidence,
        row.quote,
        row.where,
    )


def claim_table(rows: Sequence[ShownClaim]) -> list[Cells]:
    return [claim_cells(r) for r in rows]


def step_table(rows: Sequence[ShownClaim]) -> list[Cells]:
    """A revision's steps: when each value was stated instead of its as_of."""
    stated = CLAIM_HEADERS.index("as of")
    found: list[Cells] = []
    for n, r in enumerate(rows, 1):
        cells = list(claim_cells(r))
        cells[stated] = r.stated
        found.append((str(n), *cells))
    return found


def assessment_table(assessment: Assessment) -> list[Cells]:
    return [
        (
            c.value,
            f"{c.support:.2f}",
            f"{c.support_for:.2f}",
            f"{c.against:.2f}" + (f" ({', '.join(c.denials)})" if c.denials else ""),
            str(c.sources),
            ", ".join(c.claims),
        )
        for c in assessment.candidates
    ]


def set_aside(assessment: Assessment) -> str:
    """A line naming the claims not counted, or '' when every claim counted."""
    if not assessment.set_aside:
        return ""
    return "not counted (superseded or revised): " + ", ".join(assessment.set_aside)


def status(entry: ConflictEntry) -> str:
    return "open (not reviewed)" if entry.review is None else entry.status


def review_line(entry: ConflictEntry) -> str:
    """The latest review: verdict, who, when, in favour of what, and its history count."""
    found: ShownReview | None = entry.review
    if found is None:
        return ""
    favour = f", in favour of {found.in_favour_of}" if found.in_favour_of else ""
    history = f" (latest of {entry.reviews} reviews)" if entry.reviews > 1 else ""
    return f"{found.verdict} by {found.reviewer} at {found.at}{favour}{history}"


def note(entry: ConflictEntry) -> str:
    return entry.review.note if entry.review else ""


def fields(entry: ConflictEntry) -> list[tuple[str, str]]:
    """The labelled lines of a conflict, those with something to say."""
    found = [
        ("rule", f"{entry.rule} ({entry.severity})"),
        ("why", entry.message),
        ("status", status(entry)),
        ("review", review_line(entry)),
        ("note", note(entry)),
        ("where", entry.where),
    ]
    return [(k, v) for k, v in found if v]


def count_table(counts: Sequence[Count]) -> list[Cells]:
    return [(name, str(total), str(shown)) for name, total, shown in counts]


def summary_tables(summary: Summary) -> list[tuple[str, list[Cells]]]:
    """(what is counted, rows) for the summary's three tables."""
    return [
        ("rule", count_table(summary.by_rule)),
        ("status", count_table(summary.by_status)),
        ("subject", count_table(summary.by_subject)),
    ]


COUNT_HEADERS = ("conflicts", "shown")


def headline(report: ContradictionReport) -> str:
    """One sentence: how many conflicts, how many shown, what is left out."""
    summary = report.summary
    if not summary.conflicts and not summary.revisions:
        return f"No conflicts in {report.target}."
    plural = "s" if summary.conflicts != 1 else ""
    text = f"{summary.conflicts} conflict{plural} in {report.target}, {summary.shown} shown"
    if report.hidden:
        text += f"; {report.hidden} decided, not shown (--include-decided shows them)"
    if summary.revisions:
        text += f"; {summary.revisions} revision{'s' if summary.revisions != 1 else ''}"
    return text + "."


def section_count(conflicts: int, revisions: int) -> str:
    parts = [f"{conflicts} conflict{'s' if conflicts != 1 else ''}"] if conflicts else []
    if revisions:
        parts.append(f"{revisions} revision{'s' if revisions != 1 else ''}")
    return ", ".join(parts)


def section_body(
    section: Section,
    conflict: Callable[[ConflictEntry], list[str]],
    assessment: Callable[[Assessed], list[str]],
    revision: Callable[[RevisionEntry], list[str]],
) -> list[str]:
    """A subject's conflicts, then its assessments, then its revisions, as each format
    renders them."""
    out: list[str] = []
    for entry in section.conflicts:
        out += conflict(entry)
    for assessed in section.assessments:
        out += assessment(assessed)
    for step in section.revisions:
        out += revision(step)
    return out
