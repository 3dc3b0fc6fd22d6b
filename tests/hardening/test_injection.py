"""Text pasted from the web is data: stored verbatim, and inert in every output format (no
script runs, no formula computes, no table or annotation is broken)."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select

from provenance import api
from provenance.cli import main
from provenance.db import rows

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '<img src=x onerror="alert(2)">'
LINK = "[click me](javascript:alert(3))"
FORMULA = '=HYPERLINK("http://evil.example","open")'
SQL = "'; DROP TABLE claim; --"
PIPES = "a | b || c"
NEWLINE = "first line\n::error::injected annotation"
NAME = f"Market {SCRIPT} {ATTRIBUTE} {LINK} {PIPES} bombing"
"""The subject's name, which every report shows."""

LEDGER = f"""
sources:
  - {{id: s1, title: {json.dumps(SCRIPT + " " + FORMULA)}, kind: news, reliability: B,
     publisher: {json.dumps(SQL)}}}
  - {{id: s2, title: {json.dumps(LINK + " " + ATTRIBUTE)}, kind: news, reliability: C}}
entities:
  - {{id: e1, kind: event, name: {json.dumps(NAME)}}}
  - {{id: e2, kind: place, name: Mirza Olang}}
claims:
  - {{id: c1, subject: e1, property: killed, value: 12, source: s1,
     stance: {json.dumps(FORMULA)}, notes: {json.dumps(SQL)}}}
  - {{id: c2, subject: e1, property: killed, value: 40, source: s2,
     stance: {json.dumps(PIPES + " " + SCRIPT)}, notes: {json.dumps(NEWLINE)}}}
  - {{id: c3, subject: e1, property: statement, value: {json.dumps(FORMULA)}, source: s1}}
  - {{id: c4, subject: e1, property: statement, value: {json.dumps(SQL + " " + PIPES)},
     source: s2, contradicts: [c3]}}
  - {{id: c5, subject: e1, property: location, value: e2, source: s1,
     mentions: [{json.dumps("Mirsa Olang " + ATTRIBUTE)}, {json.dumps(NEWLINE)}]}}
  - {{id: d1, subject: e1, property: statement, value: {json.dumps(NEWLINE)}, source: s1}}
  - {{id: d2, subject: e1, property: statement, value: {json.dumps(NEWLINE)}, source: s2,
     polarity: denied}}
"""


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    folder.mkdir()
    (folder / "a.yaml").write_text(LEDGER, "utf-8")
    return folder


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_text_is_stored_verbatim(ledger: Path, db_url: str) -> None:
    api.import_ledger([ledger], db_url)
    engine = create_engine(api.database_url(db_url))
    try:
        with engine.connect() as connection:
            claims = {r.id: r for r in connection.execute(select(rows.CLAIM))}
            sources = {r.id: r for r in connection.execute(select(rows.SOURCE))}
    finally:
        engine.dispose()
    assert len(claims) == 7  # the claim table is still there, and whole
    assert claims["c1"].stance == FORMULA and claims["c1"].notes == SQL
    assert claims["c2"].notes == NEWLINE
    assert sources["s1"].title == SCRIPT + " " + FORMULA and sources["s1"].publisher == SQL


class Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_the_html_report_shows_every_payload_as_text(ledger: Path) -> None:
    page = run("report", str(ledger), "--format", "html")
    parser = Tags()
    parser.feed(page)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert all(dict(attrs).get("src") is None for attrs in scripts)  # only the page's own
    assert SCRIPT not in page and "<img" not in page
    assert not [a for _, attrs in parser.tags for a, _ in attrs if a.startswith("on")]
    assert not [v for _, attrs in parser.tags for _, v in attrs if v and "javascript:" in v]
    assert NAME in "".join(parser.text)  # shown, as text


def test_the_csv_report_never_starts_a_cell_with_a_formula(ledger: Path) -> None:
    table = list(csv.reader(io.StringIO(run("report", str(ledger), "--format", "csv"))))
    cells = [cell for row in table[1:] for cell in row]
    assert any(FORMULA in cell for cell in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_markdown_tables_keep_their_columns(ledger: Path) -> None:
    page = run("report", str(ledger), "--format", "markdown")
    assert "a \\| b \\|\\| c" in page  # the pipes of the name are there, escaped
    table: list[int] = []
    for line in [*page.splitlines(), ""]:
        if line.startswith("|"):
            table.append(len(re.findall(r"(?<!\\)\|", line)))
        elif table:
            assert len(set(table)) == 1, f"a row with other columns: {table}"
            table = []
    assert not re.search(r"(?<!\\)<(script|img)", page)  # every < of the payloads escaped
    assert not re.search(r"(?<!\\)\]\(javascript:", page)  # the link's bracket is escaped


def test_json_and_sarif_are_well_formed(ledger: Path) -> None:
    found = json.loads(run("check", str(ledger), "--format", "json"))
    sarif = json.loads(run("check", str(ledger), "--format", "sarif"))
    assert len(found["conflicts"]) == len(sarif["runs"][0]["results"]) == 3
    assert any(NEWLINE in c["message"] for c in found["conflicts"])  # decoded exactly
    assert any(NEWLINE in r["message"]["text"] for r in sarif["runs"][0]["results"])


def test_the_json_report_is_well_formed_and_holds_the_text(ledger: Path) -> None:
    found = json.loads(run("report", str(ledger), "--format", "json"))
    assert f"{PIPES} {SCRIPT}" in json.dumps(found, ensure_ascii=False)  # c2's stance


def test_junit_is_well_formed_xml(ledger: Path) -> None:
    suite = ElementTree.fromstring(run("check", str(ledger), "--format", "junit"))
    assert suite.iter("testcase")


def test_github_annotations_cannot_be_forged_by_a_newline(ledger: Path) -> None:
    lines = run("check", str(ledger), "--format", "github").splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert commands, lines
    assert all(re.match(r"::(error|warning|notice) ", line) for line in commands), commands
    assert not [
        line for line in lines if "injected annotation" in line and line.startswith("::error::")
    ]
