"""Steps about the contradiction report: a file it wrote, its JSON and CSV read back as a
program or a spreadsheet would read them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pytest_bdd import parsers, then

from steps.cli import Run


@then(parsers.parse('the file "{name}" contains "{text}"'))
def file_contains(workdir: Path, name: str, text: str) -> None:
    written = (workdir / name).read_text("utf-8")
    assert text in written, f"{text!r} not in {name}:\n{written}"


@then(parsers.parse('the file "{name}" does not contain "{text}"'))
def file_lacks(workdir: Path, name: str, text: str) -> None:
    written = (workdir / name).read_text("utf-8")
    assert text not in written, f"{text!r} in {name}"


@then(parsers.parse("stdout is a JSON report with version {version:d}"))
def json_report(last_run: Run, version: int) -> None:
    document = json.loads(last_run.stdout)
    assert document["version"] == version


@then(parsers.parse('the JSON report assesses "{title}" as "{verdict}"'))
def json_assessment(last_run: Run, title: str, verdict: str) -> None:
    document = json.loads(last_run.stdout)
    found = {a["title"]: a["verdict"] for s in document["subjects"] for a in s["assessments"]}
    assert found.get(title) == verdict, found


@then(parsers.parse('the CSV on stdout has a row where "{column}" reads "{value}"'))
def csv_row(last_run: Run, column: str, value: str) -> None:
    rows = list(csv.DictReader(io.StringIO(last_run.stdout)))
    assert any(row[column] == value for row in rows), f"no {column} {value!r} in {rows}"
