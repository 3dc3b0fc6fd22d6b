"""`check --format concise`: one line per conflict, ``path:line: rule-id message (conflict
id)``, the form editors, pre-commit and grep read; then the summary line."""

from __future__ import annotations

from provenance.reports.check.common import CheckReport, where
from provenance.reports.terminal import visible


def render(report: CheckReport) -> str:
    lines = []
    for conflict in report.shown:
        place = where(conflict) or report.target
        message = conflict.message.replace("\r", "\\r").replace("\n", "\\n")
        status = f" [reviewed: {conflict.status}]" if conflict.decided else ""
        lines.append(visible(f"{place}: {conflict.rule} {message} ({conflict.id}){status}"))
    lines.append(visible(report.summary()))
    return "\n".join(lines) + "\n"
