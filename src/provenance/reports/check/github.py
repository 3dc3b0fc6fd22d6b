"""`check --format github`: workflow commands that GitHub Actions shows as annotations on
the YAML file and line of each conflict."""

from __future__ import annotations

from provenance.model import Severity
from provenance.reports.check.common import LEDGER_ERROR, CheckReport, problem_text

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: CheckReport) -> str:
    lines = []
    for problem in report.problems:
        props = [
            f"file={_property(problem.file)}",
            f"line={max(problem.line, 1)}",
            f"title={_property(LEDGER_ERROR)}",
        ]
        lines.append(f"::error {','.join(props)}::{_data(problem_text(problem))}")
    for conflict in report.shown:
        props = [f"title={_property(conflict.rule + ' ' + conflict.id)}"]
        if conflict.places:
            place = conflict.places[0]
            props = [f"file={_property(place.file)}", f"line={max(place.line, 1)}", *props]
        lines.append(f"::{COMMAND[conflict.severity]} {','.join(props)}::{_data(conflict.message)}")
    lines.append(report.summary())
    return "\n".join(lines) + "\n"
