"""`report --format text`: the contradiction report for a terminal or a plain-text file:
its title, scope and date, the key findings, then one part per subject with each conflict's
claims side by side, its assessments and revisions, the housekeeping appendix, the sources
cited and the method (page.py lays it out)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from provenance.reports.contradictions import common, page
from provenance.reports.contradictions.page import Page, SubjectBlock, Table

if TYPE_CHECKING:
    from provenance.reports.contradictions.content import ContradictionReport


NOTE_WIDTH = 92


def render(report: ContradictionReport) -> str:
    laid = page.arrange(report)
    line = common.one_line
    out = [line(laid.title), f"{line(laid.scope)}, {laid.date}", laid.headline]
    if laid.summary:
        out += ["", "SUMMARY"]
        for _, counts in laid.summary:
            out += ["", table(counts)]
    out += _findings(laid)
    if laid.subjects:
        out += ["", "CONTENTS"]
        out += [f"  {n}. {line(s.heading)}: {s.count}" for n, s in enumerate(laid.subjects, 1)]
    for subject in laid.subjects:
        out += _subject(subject)
    if laid.appendix:
        out += ["", "", "APPENDIX: HOUSEKEEPING (names, references, quotes)"]
        for subject in laid.appendix:
            out += _subject(subject)
    out += _sources(laid)
    out += ["", *textwrap.wrap(f"METHOD. {laid.method}", width=NOTE_WIDTH)]
    out += ["", *textwrap.wrap(f"{common.NOTE_TITLE.upper()}. {laid.rule}", width=NOTE_WIDTH)]
    return "\n".join(out) + "\n"


def table(found: Table) -> str:
    from tabulate import tabulate  # loaded when a report is rendered, not for a check

    cells = [[common.one_line(c) for c in row] for row in found.rows]
    return tabulate(cells, headers=list(found.headers), tablefmt="simple", disable_numparse=True)


def _findings(laid: Page) -> list[str]:
    groups = [s for s in laid.subjects if s.findings]
    if not groups:
        return []
    out = ["", "KEY FINDINGS"]
    for subject in groups:
        out += ["", common.one_line(subject.heading)]
        for text in subject.findings:
            out += textwrap.wrap(
                common.one_line(text),
                width=NOTE_WIDTH,
                initial_indent="  - ",
                subsequent_indent="    ",
            )
    return out


def _sources(laid: Page) -> list[str]:
    if not laid.sources:
        return []
    out = ["", "SOURCES"]
    for s in laid.sources:
        parts = [s.citation, s.title, s.authors, s.url, s.reliability]
        if laid.maintainer:
            parts.append(s.id)
        out.append("  - " + ". ".join(common.one_line(p) for p in parts if p))
    return out


def _subject(subject: SubjectBlock) -> list[str]:
    from tabulate import tabulate

    title = common.one_line(subject.heading)
    out = ["", "", "=" * len(title), title, "=" * len(title)]
    for conflict in subject.conflicts:
        fields = [("", common.one_line(conflict.heading)), *conflict.fields]
        lines = tabulate([(k, common.one_line(v)) for k, v in fields], tablefmt="plain")
        out += ["", lines, "", table(conflict.claims)]
    for assessed in subject.assessments:
        out += ["", f"{common.one_line(assessed.heading)} (see the method at the end)"]
        out += ["", table(assessed.table), "", common.one_line(assessed.outcome)]
        out += [x for x in (assessed.weighing, assessed.set_aside) if x]
    for revision in subject.revisions:
        out += ["", revision.heading, common.one_line(revision.message), ""]
        out += [table(revision.steps)]
    return out
