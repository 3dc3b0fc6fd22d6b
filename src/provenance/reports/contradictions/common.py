"""What every format of the contradiction report shares: the columns of its tables, the
cells of a claim, a review, an assessment and the summary, and its wording. Cells are plain
text here; each format escapes them for its own syntax."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from provenance import __version__

if TYPE_CHECKING:
    from provenance.reports.contradictions.assessment import Assessment
    from provenance.reports.contradictions.content import (
        ConflictEntry,
        ContradictionReport,
        Count,
        Summary,
    )
    from provenance.reports.contradictions.rows import ShownReview

TOOL = "provenance"
VERSION = __version__
JSON_VERSION = 2  # 2: edition, key findings, charts, appendix, sources, figures
TITLE = "Contradiction report"
NOTE_TITLE = "How the assessment is made"
NOTE_ANCHOR = "note-assessment"
THE_SOURCE = "(the source itself)"

RULE_ANCHOR = "assessment-rule"
METHOD = (
    "Each assessment weighs the claims about one question: a claim counts its source's "
    "reliability times the analyst's confidence, copies of one story count once, and a value "
    "is best supported only when it clearly leads. Where the analyst has decided a conflict, "
    "the assessment says so."
)
"""The short method note; the rule in full closes the report."""
Cells = tuple[str, ...]


def one_line(text: str) -> str:
    """A cell on one line: newlines and runs of spaces become one space."""
    return " ".join(text.split())


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def assessment_rows(assessment: Assessment, maintainer: bool = True) -> list[Cells]:
    """value, support, for, against (with the denials' ids for the maintainer),
    independent sources, claims."""
    return [
        (
            c.value,
            f"{c.support:.2f}",
            f"{c.support_for:.2f}",
            f"{c.against:.2f}" + (f" ({', '.join(c.denials)})" if c.denials and maintainer else ""),
            str(c.sources),
            ", ".join(c.claims),
        )
        for c in assessment.candidates
    ]


def set_aside(assessment: Assessment, maintainer: bool = True) -> str:
    """A line naming (for the maintainer) or counting the claims not counted, or '' when
    every claim counted."""
    found = assessment.set_aside
    if not found:
        return ""
    if maintainer:
        return "not counted (superseded or revised): " + ", ".join(found)
    plural = "s" if len(found) != 1 else ""
    return f"{len(found)} earlier value{plural} not counted (superseded or revised)"


def status(entry: ConflictEntry) -> str:
    return "open (not reviewed)" if entry.review is None else entry.status


def review_line(entry: ConflictEntry) -> str:
    """The latest review: verdict, who, when, in favour of what, and its history count."""
    found: ShownReview | None = entry.review
    if found is None:
        return ""
    favour = f", in favour of claim {found.in_favour_of}" if found.in_favour_of else ""
    history = f" (latest of {entry.reviews} reviews)" if entry.reviews > 1 else ""
    return f"{found.verdict} by {found.reviewer}, {found.when}{favour}{history}"


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
