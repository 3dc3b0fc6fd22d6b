"""`report --format markdown`: the contradiction report as GitHub-flavoured Markdown, to
publish in a repository, a wiki or an issue.

Every value taken from the ledger is escaped: Markdown's own characters (``\\ ` * _ [ ] < >
| # ~ &``) get a backslash, so that a `|` in a quote cannot break a table row, a `<script>`
stays text and an underscore stays an underscore; newlines inside a value become spaces."""

from __future__ import annotations

import re
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


_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")


def escape(value: str) -> str:
    """A value as literal Markdown text on one line."""
    return _SPECIAL.sub(r"\\\1", common.one_line(value))


def render(report: ContradictionReport) -> str:
    out = [f"# {common.TITLE}: {escape(report.target)}", "", escape(common.headline(report))]
    if report.summary.conflicts:
        out += ["", "## Summary"]
        for what, rows in common.summary_tables(report.summary):
            out += ["", table(rows, (what, *common.COUNT_HEADERS))]
    if report.sections:
        out += ["", "## Contents", ""]
        out += [f"{n}. {_contents_line(s)}" for n, s in enumerate(report.sections, 1)]
    for section in report.sections:
        out += _section(section)
    out += ["", f'<a id="{common.NOTE_ANCHOR}"></a>', "", f"## {common.NOTE_TITLE}", ""]
    out += [escape(report.assessment_rule.text)]
    return "\n".join(out) + "\n"


def table(rows: Sequence[Cells], headers: Sequence[str]) -> str:
    cells = [[escape(c) for c in row] for row in rows]
    return tabulate(
        cells, headers=[escape(h) for h in headers], tablefmt="github", disable_numparse=True
    )


def _contents_line(section: Section) -> str:
    count = common.section_count(len(section.conflicts), len(section.revisions))
    return f"[{escape(section.title)}](#{section.anchor}): {count}"


def _section(section: Section) -> list[str]:
    out = ["", f'<a id="{section.anchor}"></a>', "", f"## {escape(section.title)}"]
    out += common.section_body(section, _conflict, _assessment, _revision)
    return out


def _conflict(entry: ConflictEntry) -> list[str]:
    out = ["", f"### Conflict {escape(entry.id)}", ""]
    out += [f"- **{name}:** {escape(value)}" for name, value in common.fields(entry)]
    return [*out, "", table(common.claim_table(entry.claims), common.CLAIM_HEADERS)]


def _assessment(assessed: Assessed) -> list[str]:
    assessment = assessed.assessment
    title = f"#### Assessment: {escape(assessed.title)} ([how](#{common.NOTE_ANCHOR}))"
    out = ["", title, "", table(common.assessment_table(assessment), common.ASSESSMENT_HEADERS)]
    out += ["", f"**{escape(assessment.verdict)}**"]
    aside = common.set_aside(assessment)
    return out + (["", escape(aside)] if aside else [])


def _revision(revision: RevisionEntry) -> list[str]:
    return [
        "",
        f"#### Revision {escape(revision.id)} (not a conflict; in the order stated)",
        "",
        escape(revision.message),
        "",
        table(common.step_table(revision.steps), common.STEP_HEADERS),
    ]
