"""`report --format text`: the contradiction report for a terminal or a plain-text file:
a summary, contents, then one part per subject with each conflict's claims side by side,
its revisions and its assessments, and the assessment rule as a closing note."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tabulate import tabulate

from provenance.reports.contradictions import common
from provenance.reports.contradictions.common import Cells

if TYPE_CHECKING:
    from provenance.reports.contradictions.content import (
        Assessed,
        ConflictEntry,
        ContradictionReport,
        RevisionEntry,
        Section,
    )


NOTE_WIDTH = 92


def render(report: ContradictionReport) -> str:
    out = [f"{common.TITLE}: {common.one_line(report.target)}", common.headline(report)]
    if report.summary.conflicts:
        out += ["", "SUMMARY"]
        for what, rows in common.summary_tables(report.summary):
            out += ["", table(rows, (what, *common.COUNT_HEADERS))]
    if report.sections:
        out += ["", "CONTENTS"]
        out += [f"  {n}. {_contents_line(s)}" for n, s in enumerate(report.sections, 1)]
    for section in report.sections:
        out += _section(section)
    out += [
        "",
        *textwrap.wrap(
            f"NOTE. {common.NOTE_TITLE}. {report.assessment_rule.text}", width=NOTE_WIDTH
        ),
    ]
    return "\n".join(out) + "\n"


def table(rows: Sequence[Cells], headers: Sequence[str]) -> str:
    cells = [[common.one_line(c) for c in row] for row in rows]
    return tabulate(cells, headers=list(headers), tablefmt="simple", disable_numparse=True)


def _contents_line(section: Section) -> str:
    count = common.section_count(len(section.conflicts), len(section.revisions))
    return f"{common.one_line(section.title)}: {count}"


def _section(section: Section) -> list[str]:
    title = common.one_line(section.title)
    out = ["", "", "=" * len(title), title, "=" * len(title)]
    out += common.section_body(section, _conflict, _assessment, _revision)
    return out


def _conflict(entry: ConflictEntry) -> list[str]:
    fields = [("conflict", entry.id), *common.fields(entry)]
    lines = tabulate([(k, common.one_line(v)) for k, v in fields], tablefmt="plain")
    return ["", lines, "", table(common.claim_table(entry.claims), common.CLAIM_HEADERS)]


def _assessment(assessed: Assessed) -> list[str]:
    assessment = assessed.assessment
    out = ["", f"Assessment: {common.one_line(assessed.title)} (see the note at the end)"]
    out += ["", table(common.assessment_table(assessment), common.ASSESSMENT_HEADERS)]
    aside = common.set_aside(assessment)
    out += ["", common.one_line(assessment.verdict)] + ([aside] if aside else [])
    return out


def _revision(revision: RevisionEntry) -> list[str]:
    return [
        "",
        f"Revision {revision.id} (not a conflict; in the order stated)",
        common.one_line(revision.message),
        "",
        table(common.step_table(revision.steps), common.STEP_HEADERS),
    ]
