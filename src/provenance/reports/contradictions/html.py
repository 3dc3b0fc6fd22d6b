"""`report --format html`: the contradiction report as one self-contained page, to open in
a browser or publish: inline CSS, no script, no font, nothing fetched (a Content Security
Policy forbids it), a table of contents linking to each subject.

Every value taken from the ledger (ids, names, quotes, notes, messages) is escaped with
html.escape before it is placed in the page, in text and in attributes alike; tables are
rendered by tabulate's `unsafehtml` format, which adds no escaping of its own, so that
nothing is escaped twice (its `html` format would escape the escaped text again)."""

from __future__ import annotations

import html
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


POLICY = "default-src 'none'; style-src 'unsafe-inline'"
CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 84rem;
       padding: 0 1rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.6rem; } h2 { border-bottom: 2px solid #ccd; padding-bottom: .2rem; }
h3 { margin-top: 1.6rem; } code { font-size: .92em; }
nav ol { columns: 2; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #ccd; padding: .25rem .45rem; text-align: left;
         vertical-align: top; }
th { background: #eef0f6; }
.table { overflow-x: auto; }
dl { display: grid; grid-template-columns: max-content auto; gap: .15rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
.status { padding: .05rem .4rem; border-radius: .3rem; background: #eee; }
.status-open { background: #fde2c8; } .status-disputed { background: #f9d0d0; }
.verdict { font-weight: 600; }
article.conflict, section.assessment, section.revision { padding-left: .8rem;
       border-left: 4px solid #ccd; margin-left: .2rem; }
section.assessment { border-color: #9bc; } section.revision { border-color: #bbb; }
footer { margin-top: 3rem; font-size: .92rem; }
"""


def e(value: str) -> str:
    """Ledger text made safe for HTML text and attribute values."""
    return html.escape(value, quote=True)


def render(report: ContradictionReport) -> str:
    title = f"{common.TITLE}: {report.target}"
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{e(POLICY)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{e(title)}</h1><p>{e(common.headline(report))}</p></header>",
        *_contents(report),
        *_summary(report),
    ]
    for section in report.sections:
        out += _section(section)
    out += [
        f'<footer id="{common.NOTE_ANCHOR}"><h2>{e(common.NOTE_TITLE)}</h2>',
        f"<p>{e(report.assessment_rule.text)}</p></footer>",
        "</body>",
        "</html>",
    ]
    return "\n".join(out) + "\n"


def table(rows: Sequence[Cells], headers: Sequence[str]) -> str:
    cells = [[e(c) for c in row] for row in rows]
    found = tabulate(
        cells, headers=[e(h) for h in headers], tablefmt="unsafehtml", disable_numparse=True
    )
    return f'<div class="table">{found}</div>'


def _contents(report: ContradictionReport) -> list[str]:
    if not report.sections:
        return []
    items = [
        f'<li><a href="#{e(s.anchor)}">{e(s.title)}</a>: '
        f"{e(common.section_count(len(s.conflicts), len(s.revisions)))}</li>"
        for s in report.sections
    ]
    return ['<nav aria-label="Contents"><h2>Contents</h2><ol>', *items, "</ol></nav>"]


def _summary(report: ContradictionReport) -> list[str]:
    if not report.summary.conflicts:
        return []
    out = ['<section id="summary"><h2>Summary</h2>']
    for what, rows in common.summary_tables(report.summary):
        out.append(table(rows, (what, *common.COUNT_HEADERS)))
    return [*out, "</section>"]


def _section(section: Section) -> list[str]:
    out = [
        f'<section class="subject" id="{e(section.anchor)}">',
        f"<h2>{e(section.title)}</h2>",
    ]
    out += common.section_body(section, _conflict, _assessment, _revision)
    return [*out, "</section>"]


def conflict_anchor(conflict_id: str) -> str:
    return "conflict-" + re.sub(r"[^A-Za-z0-9-]+", "-", conflict_id)


def _conflict(entry: ConflictEntry) -> list[str]:
    status = f'<span class="status status-{e(entry.status)}">{e(common.status(entry))}</span>'
    items = [
        f"<dt>{e(name)}</dt><dd>{status if name == 'status' else e(value)}</dd>"
        for name, value in common.fields(entry)
    ]
    return [
        f'<article class="conflict" id="{e(conflict_anchor(entry.id))}">',
        f"<h3>Conflict <code>{e(entry.id)}</code></h3>",
        "<dl>",
        *items,
        "</dl>",
        table(common.claim_table(entry.claims), common.CLAIM_HEADERS),
        "</article>",
    ]


def _assessment(assessed: Assessed) -> list[str]:
    assessment = assessed.assessment
    aside = common.set_aside(assessment)
    return [
        '<section class="assessment">',
        f"<h3>Assessment: {e(assessed.title)} "
        f'<small>(<a href="#{common.NOTE_ANCHOR}">how it is made</a>)</small></h3>',
        table(common.assessment_table(assessment), common.ASSESSMENT_HEADERS),
        f'<p class="verdict">{e(assessment.verdict)}</p>',
        *([f"<p>{e(aside)}</p>"] if aside else []),
        "</section>",
    ]


def _revision(revision: RevisionEntry) -> list[str]:
    return [
        '<section class="revision">',
        f"<h3>Revision <code>{e(revision.id)}</code> "
        "<small>(not a conflict; in the order stated)</small></h3>",
        f"<p>{e(revision.message)}</p>",
        table(common.step_table(revision.steps), common.STEP_HEADERS),
        "</section>",
    ]
