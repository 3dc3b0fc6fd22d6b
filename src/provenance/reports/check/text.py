"""`check --format text`: a table for people, one conflict a line with its message last
(so that it can be read in a terminal and searched with grep), then a summary line. On a
terminal (CheckReport.display) severities are coloured and long messages wrap to its width;
anywhere else the text is plain and each conflict stays on one line."""

from __future__ import annotations

from provenance.model import Severity
from provenance.reports.check.common import CheckReport, Display, timing_lines, where
from provenance.reports.terminal import visible

COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
"""ANSI SGR colours: red errors, yellow warnings, cyan information."""
HEADERS = ("where", "severity", "id", "conflict")
NARROWEST = 30
"""The message column is never wrapped narrower than this, however narrow the terminal."""


def paint(text: str, code: str, display: Display) -> str:
    """``text`` in an ANSI colour when the display takes colour."""
    return f"\x1b[{code}m{text}\x1b[0m" if display.colour else text


def render(report: CheckReport) -> str:
    display = report.display
    rows = [
        (
            visible(where(c)),
            c.severity.value + (" (revision)" if c.revision else ""),
            visible(c.id),
            visible(c.message) + ("" if not c.decided else f" [reviewed: {c.status}]"),
        )
        for c in report.shown
    ]
    out = [f"error: {problem}" for problem in report.problems]
    if rows:
        out.append(_table(rows, report, display))
    for review in report.result.stale_reviews:
        out.append(
            visible(
                f"info: the review of {review.conflict} ({review.verdict.value}, "
                f"{review.reviewer}) decides a conflict that no longer exists"
            )
        )
    out.extend(timing_lines(report))
    summary = visible(report.summary())
    out.append(paint(summary, "1", display) if report.failing else summary)
    return "\n".join(out) + "\n"


def _table(rows: list[tuple[str, str, str, str]], report: CheckReport, display: Display) -> str:
    from tabulate import tabulate  # loaded when there is a table to show

    widths: list[int | None] = [None, None, None, None]
    if display.width is not None:
        fixed = sum(max(len(row[n]) for row in [*rows, HEADERS]) for n in range(3)) + 6
        widths[3] = max(NARROWEST, display.width - fixed)
    table = tabulate(
        rows,
        headers=HEADERS,
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=widths,
    )
    return _coloured(table, display) if display.colour else table


def _coloured(table: str, display: Display) -> str:
    """The table with each severity cell coloured, found by its column (not by its word,
    which a message may also hold)."""
    lines = table.split("\n")
    dashes = lines[1]
    start = dashes.index(" ", 0) + 2  # the severity column follows the first one
    end = dashes.index(" ", start)
    levels = {s.value: s for s in Severity}
    for n in range(2, len(lines)):
        cell = lines[n][start:end]
        level = levels.get(cell.split(" ")[0])
        if level is not None:
            word = cell.rstrip()
            padding = cell[len(word) :]
            lines[n] = (
                lines[n][:start] + paint(word, COLOUR[level], display) + padding + lines[n][end:]
            )
    return "\n".join(lines)
