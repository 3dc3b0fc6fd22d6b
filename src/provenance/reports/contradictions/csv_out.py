"""`report --format csv`: one row per claim in a conflict shown (and per step of a revision,
with status `revision`; the housekeeping appendix last), for a spreadsheet. A quantity's
figures are numbers in their own columns: low, high (empty when unbounded), best (when the
source gives one), low_open / high_open (true when the bound itself is excluded) and unit.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab or a carriage
return) as a formula, so such a cell gets a leading single quote: a quote from a ledger
such as `=HYPERLINK(...)` is shown, never run."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.reports.contradictions.content import ContradictionReport
    from provenance.reports.contradictions.rows import ShownClaim


HEADERS = (
    "conflict",
    "rule",
    "status",
    "subject",
    "claim",
    "property",
    "polarity",
    "value",
    "interval",
    "low",
    "high",
    "best",
    "low_open",
    "high_open",
    "unit",
    "said_by",
    "source",
    "reliability",
    "as_of",
    "confidence",
    "quote",
    "where",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def render(report: ContradictionReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADERS)
    for section in (*report.sections, *report.appendix):
        for entry in section.conflicts:
            for row in entry.claims:
                writer.writerow(_cells(entry.id, entry.rule, entry.status, row))
        for revision in section.revisions:
            for row in revision.steps:
                writer.writerow(_cells(revision.id, revision.rule, "revision", row))
    return buffer.getvalue()


def _cells(conflict: str, rule: str, status: str, row: ShownClaim) -> list[object]:
    text = (
        conflict,
        rule,
        status,
        row.subject,
        row.claim,
        row.property,
        row.polarity,
        row.value,
        row.interval,
    )
    rest = (
        "; ".join(row.speakers),
        row.source,
        row.reliability,
        row.as_of,
        row.confidence,
        row.quote,
        row.where,
    )
    return [*(neutralise(c) for c in text), *_figure(row), *(neutralise(c) for c in rest)]


def _figure(row: ShownClaim) -> list[object]:
    """low, high, best, low_open, high_open, unit: numbers as numbers, '' for none."""
    found = row.figure
    if found is None:
        return ["", "", "", "", "", ""]
    flags = [str(found.low_open).lower(), str(found.high_open).lower()]
    return [_number(found.low), _number(found.high), _number(found.best), *flags, found.unit or ""]


def _number(x: float | None) -> object:
    if x is None:
        return ""
    return int(x) if float(x).is_integer() else x
