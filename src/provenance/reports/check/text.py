"""`check --format text`: a table for people, one conflict a line with its message last
(so that it can be read in a terminal and searched with grep), then a summary line."""

from __future__ import annotations

from tabulate import tabulate

from provenance.reports.check.common import CheckReport, timing_lines, where


def render(report: CheckReport) -> str:
    rows = [
        (
            where(c),
            c.severity.value + (" (revision)" if c.revision else ""),
            c.id,
            c.message + ("" if not c.decided else f" [reviewed: {c.status}]"),
        )
        for c in report.shown
    ]
    out = [f"error: {problem}" for problem in report.problems]
    if rows:
        out.append(
            tabulate(
                rows,
                headers=("where", "severity", "id", "conflict"),
                tablefmt="simple",
                disable_numparse=True,
            )
        )
    for review in report.result.stale_reviews:
        out.append(
            f"info: the review of {review.conflict} ({review.verdict.value}, "
            f"{review.reviewer}) decides a conflict that no longer exists"
        )
    out.extend(timing_lines(report))
    out.append(report.summary())
    return "\n".join(out) + "\n"
