"""`report --format markdown`: the contradiction report as GitHub-flavoured Markdown, to
publish in a repository, a wiki or an issue: the same content as the HTML page (title, scope
and date, key findings, subjects, appendix, sources, method), laid out by page.py, without
the charts, which the tables and findings already say in words.

Every value taken from the ledger is escaped: Markdown's own characters (``\\ ` * _ [ ] < >
| # ~ &``) get a backslash, so that a `|` in a quote cannot break a table row, a `<script>`
stays text and an underscore stays an underscore; newlines inside a value become spaces."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.reports.contradictions import common, page
from provenance.reports.contradictions.page import Page, SubjectBlock, Table

if TYPE_CHECKING:
    from provenance.reports.contradictions.content import ContradictionReport


_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~&])")


def escape(value: str) -> str:
    """A value as literal Markdown text on one line."""
    return _SPECIAL.sub(r"\\\1", common.one_line(value))


def render(report: ContradictionReport) -> str:
    laid = page.arrange(report)
    out = [f"# {escape(laid.title)}", "", f"*{escape(laid.scope)} · {escape(laid.date)}*"]
    out += ["", escape(laid.headline)]
    if laid.summary:
        out += ["", "## Summary"]
        for _, counts in laid.summary:
            out += ["", table(counts)]
    out += _findings(laid)
    if laid.subjects:
        out += ["", "## Contents", ""]
        out += [
            f"{n}. [{escape(s.heading)}](#{s.anchor}): {s.count}"
            for n, s in enumerate(laid.subjects, 1)
        ]
    for subject in laid.subjects:
        out += _subject(subject, 2)
    if laid.appendix:
        out += ["", '<a id="appendix"></a>', "", "## Appendix: housekeeping"]
        for subject in laid.appendix:
            out += _subject(subject, 3)
    out += _sources(laid)
    out += ["", f'<a id="{laid.method_anchor}"></a>', "", "## Method", ""]
    out += [f"{escape(laid.method)} [The rule in full](#{laid.rule_anchor})."]
    out += ["", f'<a id="{laid.rule_anchor}"></a>', "", f"### {common.NOTE_TITLE}", ""]
    out += [escape(laid.rule)]
    return "\n".join(out) + "\n"


def table(found: Table) -> str:
    from tabulate import tabulate  # loaded when a report is rendered, not for a check

    cells = [[escape(c) for c in row] for row in found.rows]
    return tabulate(
        cells,
        headers=[escape(h) for h in found.headers],
        tablefmt="github",
        disable_numparse=True,
    )


def _findings(laid: Page) -> list[str]:
    groups = [s for s in laid.subjects if s.findings]
    if not groups:
        return []
    out = ["", "## Key findings"]
    for subject in groups:
        out += ["", f"**[{escape(subject.heading)}](#{subject.anchor})**", ""]
        out += [f"- {escape(text)}" for text in subject.findings]
    return [*out, "", f"How the assessments are made: [method](#{laid.method_anchor})."]


def _sources(laid: Page) -> list[str]:
    if not laid.sources:
        return []
    out = ["", '<a id="sources"></a>', "", "## Sources", ""]
    for s in laid.sources:
        parts = [escape(s.citation), f"*{escape(s.title)}*"]
        parts += [escape(p) for p in (s.authors, s.reliability) if p]
        if s.url:
            parts.append(f"<{s.url}>" if _plain_url(s.url) else escape(s.url))
        if laid.maintainer:
            parts.append(f"`{s.id}`")
        out.append("1. " + ". ".join(parts))
    return out


def _plain_url(url: str) -> bool:
    return re.fullmatch(r"https?://[^\s<>\\`|\[\]]+", url) is not None


def _subject(subject: SubjectBlock, level: int) -> list[str]:
    hashes = "#" * level
    out = ["", f'<a id="{subject.anchor}"></a>', "", f"{hashes} {escape(subject.heading)}"]
    for conflict in subject.conflicts:
        out += ["", f"{hashes}# {escape(conflict.heading)}", ""]
        out += [f"- **{name}:** {escape(value)}" for name, value in conflict.fields]
        out += ["", table(conflict.claims)]
    for assessed in subject.assessments:
        out += ["", f"{hashes}## {escape(assessed.heading)} ([how](#{common.NOTE_ANCHOR}))"]
        out += ["", table(assessed.table), "", f"**{escape(assessed.outcome)}**"]
        out += [x for w in (assessed.weighing, assessed.set_aside) if w for x in ("", escape(w))]
    for revision in subject.revisions:
        out += ["", f"{hashes}## {escape(revision.heading)}", "", escape(revision.message)]
        out += ["", table(revision.steps)]
    return out
