"""Each format of the contradiction report, read back the way its reader reads it: text and
Markdown tables, JSON parsed (with a version), CSV parsed by the csv module with formulas
neutralised, and HTML parsed, with every ledger value escaped."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from provenance import api
from provenance.checker.settings import Settings
from provenance.reports.contradictions import FORMATS
from provenance.reports.contradictions.content import build
from provenance.reports.contradictions.csv_out import neutralise
from provenance.reports.contradictions.edition import Options
from provenance.views import ReportData
from steps.cli import tables

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '" onmouseover="x'
LEDGER = """\
sources:
  - {id: radio, title: Local radio, kind: news, reliability: C}
  - {id: ngo, title: NGO report, kind: ngo, reliability: C}
  - {id: un, title: UN mission report, kind: un, reliability: A}
  - {id: paper, title: Weekly paper, kind: news, reliability: B}
entities:
  - {id: attack, kind: event, name: 'Attack on <b>market</b> & square'}
  - {id: other-attack, kind: event, name: Other attack}
"""


def claim(ident: str, subject: str, value: object, source: str, **more: object) -> str:
    """One claim as a line of YAML (a JSON object is YAML too)."""
    fields = {"id": ident, "subject": subject, "property": "killed", "value": value}
    return f"  - {json.dumps({**fields, 'source': source, **more})}\n"


CLAIMS = "claims:\n" + "".join(
    [
        claim("pipe-claim", "attack", 12, "radio", quote="toll | rose | again"),
        claim("script-claim", "attack", 30, "ngo", quote=SCRIPT),
        claim("attr-claim", "attack", "about 100", "un", quote=ATTRIBUTE),
        claim("eq-claim", "other-attack", 5, "radio", quote="=1+1"),
        claim("plus-claim", "other-attack", 9, "ngo", quote="+1 555"),
        claim("minus-claim", "other-attack", 20, "un", quote="-2 dead"),
        claim("at-claim", "other-attack", 50, "paper", quote="@SUM(A1)"),
        claim(
            "formula-statement", "other-attack", "=cmd|' /C calc'!A0", "radio", property="statement"
        ),
        claim(
            "other-statement",
            "other-attack",
            "@ the market",
            "ngo",
            property="statement",
            contradicts=["formula-statement"],
        ),
    ]
)
# attack: 12, 30 and about 100 ([96, 104]) are three positions: one numeric conflict
# other attack: 5, 9, 20 and 50 are four positions: one; and one declared contradiction
CONFLICTS = 3


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> ReportData:
    folder = tmp_path_factory.mktemp("ledger")
    (folder / "ledger.yaml").write_text(LEDGER + CLAIMS, "utf-8")
    return api.report([folder], None, Settings())


def render(data: ReportData, fmt: str, maintainer: bool = False) -> str:
    return FORMATS[fmt](build(data, Options(maintainer=maintainer, date="2026-11-30")))


def test_every_format_the_command_offers_is_registered() -> None:
    assert set(FORMATS) == {"text", "markdown", "html", "json", "csv"}


def test_text_shows_the_claims_side_by_side_in_a_table(data: ReportData) -> None:
    output = render(data, "text", maintainer=True)
    claims = [row for table in tables(output) for row in table if "quote" in row]
    by_id = {row["claim"]: row for row in claims}
    assert by_id["pipe-claim"]["quote"] == "toll | rose | again"
    assert by_id["script-claim"]["quote"] == SCRIPT  # plain text needs no escaping
    assert by_id["attr-claim"]["interval"] == "[96, 104]"
    assert by_id["attr-claim"]["reliability"] == "A: completely reliable"
    assert by_id["pipe-claim"]["said by"] == "(the source itself)"
    rules = [row for table in tables(output) for row in table if "rule" in row]
    assert {"rule": "numeric-conflict", "conflicts": "2", "shown": "2"} in rules
    assert {"rule": "declared-contradiction", "conflicts": "1", "shown": "1"} in rules


def test_the_readers_text_cites_sources_words_intervals_and_drops_empty_columns(
    data: ReportData,
) -> None:
    output = render(data, "text")
    assert output.startswith("Contradiction report: ")
    assert "30 November 2026" in output.splitlines()[1]
    claims = [row for table in tables(output) for row in table if "quote" in row]
    columns = {"value", "reads as", "source", "reliability", "quote"}
    assert claims and all({"value", "source", "quote"} <= set(row) <= columns for row in claims)
    by_quote = {row["quote"]: row for row in claims}
    assert by_quote["toll | rose | again"]["source"] == "Local radio"
    assert "pipe-claim" not in output and ".yaml:" not in output  # the maintainer's view
    assert "SUMMARY" not in output and "KEY FINDINGS" in output
    words = " ".join(output.split())
    assert "- Killed of Attack on <b>market</b> & square: 3 positions. 12 (Local radio;" in words
    assert "about 100 (UN mission report; 1 independent source)." in words
    assert "- Best supported: about 100 (1 independent source)." in words


def unescaped_pipes(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_markdown_tables_keep_their_columns_whatever_a_claim_says(data: ReportData) -> None:
    output = render(data, "markdown")
    lines = output.splitlines()
    rows = 0
    for n, line in enumerate(lines):
        if line.startswith("|") and (n == 0 or not lines[n - 1].startswith("|")):
            header = unescaped_pipes(line)  # a new table
        if line.startswith("|"):
            assert unescaped_pipes(line) == header, line
            rows += 1
    assert rows > 0
    pipe_rows = [line for line in lines if "toll \\| rose \\| again" in line]
    assert len(pipe_rows) == 1  # one finding lists 12, 30 and about 100 as positions
    for row in pipe_rows:
        # value, source, reliability, quote; and how about 100 reads beside it
        assert unescaped_pipes(row) in (4 + 1, 5 + 1)


def test_markdown_keeps_markup_from_the_ledger_as_text(data: ReportData) -> None:
    output = render(data, "markdown")
    assert "<script>" not in output and "<b>" not in output
    assert "\\<script\\>alert(1)\\</script\\>" in output
    assert "## Attack on \\<b\\>market\\</b\\> \\& square" in output
    assert "](#subject-attack)" in output and '<a id="subject-attack"></a>' in output


def test_json_carries_a_version_and_the_same_content(data: ReportData) -> None:
    document = json.loads(render(data, "json"))
    assert document["version"] == 2
    assert document["date"] == "30 November 2026"
    assert document["summary"]["conflicts"] == CONFLICTS
    subjects = {s["subject"]: s for s in document["subjects"]}
    assert set(subjects) == {"attack", "other-attack"}
    attack = subjects["attack"]
    assert attack["name"] == "Attack on <b>market</b> & square"
    quotes = {c["claim"]: c["quote"] for k in attack["conflicts"] for c in k["claims"]}
    assert quotes["script-claim"] == SCRIPT and quotes["attr-claim"] == ATTRIBUTE
    [assessment] = attack["assessments"]
    # every figure apart: about 100 (A: 0.5) ahead of 12 and 30 (C: 0.3 each, by words)
    assert [c["value"] for c in assessment["candidates"]] == ["about 100", "12", "30"]
    assert assessment["best"] == "about 100"
    assert document["assessment_rule"]["margin"] == 0.15
    figures = {c["claim"]: c["figure"] for k in attack["conflicts"] for c in k["claims"]}
    assert figures["attr-claim"] == {
        "low": 96,
        "high": 104,
        "best": None,
        "low_open": False,
        "high_open": False,
        "unit": None,
    }
    assert figures["pipe-claim"]["low"] == figures["pipe-claim"]["high"] == 12
    [_, outcome] = attack["key_findings"]
    assert outcome == {
        "kind": "outcome",
        "topic": "killed of Attack on <b>market</b> & square",
        "text": "Best supported: about 100 (1 independent source).",
    }
    [chart] = attack["charts"]
    assert chart["kind"] == "figures" and len(chart["bars"]) == 3


def csv_rows(data: ReportData) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(render(data, "csv"))))


def test_csv_has_one_row_per_claim_in_a_conflict(data: ReportData) -> None:
    rows = csv_rows(data)
    # one finding per attack (3 and 4 positions) + the declared contradiction's 2
    assert len(rows) == 9  # 3 + 4 positions of two findings, 2 claims of the declared one
    assert set(rows[0]) >= {"conflict", "rule", "status", "claim", "quote", "where"}
    pipe = next(r for r in rows if r["claim"] == "pipe-claim")
    assert (pipe["reliability"], pipe["value"], pipe["status"]) == ("C", "12", "open")
    assert re.fullmatch(r".+\.yaml:\d+", pipe["where"])


def test_csv_carries_figures_as_numbers(data: ReportData) -> None:
    rows = {r["claim"]: r for r in csv_rows(data)}
    about = rows["attr-claim"]
    assert (float(about["low"]), float(about["high"]), about["best"]) == (96, 104, "")
    assert (about["low_open"], about["high_open"]) == ("false", "false")
    assert rows["pipe-claim"]["low"] == rows["pipe-claim"]["high"] == "12"
    assert rows["formula-statement"]["low"] == ""  # not a quantity


def test_csv_neutralises_spreadsheet_formulas(data: ReportData) -> None:
    rows = csv_rows(data)
    quotes = {r["claim"]: r["quote"] for r in rows}
    assert quotes["eq-claim"] == "'=1+1"
    assert quotes["plus-claim"] == "'+1 555"
    assert quotes["minus-claim"] == "'-2 dead"
    assert quotes["at-claim"] == "'@SUM(A1)"
    values = {r["claim"]: r["value"] for r in rows}
    assert values["formula-statement"] == "'=cmd|' /C calc'!A0"
    assert values["other-statement"] == "'@ the market"
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row


@pytest.mark.parametrize("cell", ["\tcmd", "\rcmd", "=1", "+1", "-1", "@x"])
def test_a_cell_starting_like_a_formula_gets_a_quote(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


def test_other_cells_stay_as_they_are() -> None:
    assert neutralise("a = b") == "a = b"
    assert neutralise("") == ""


class Page(HTMLParser):
    """Tags, attributes and text of a page as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def page(output: str) -> Page:
    parsed = Page()
    parsed.feed(output)
    parsed.close()
    return parsed


def test_html_escapes_every_value_from_the_ledger_once(data: ReportData) -> None:
    output = render(data, "html")
    parsed = page(output)
    assert "script" not in parsed.tags and "b" not in parsed.tags
    assert "onmouseover" not in parsed.attributes
    text = "".join(parsed.text)
    assert SCRIPT in text and ATTRIBUTE in text  # shown as the ledger wrote it
    assert "Attack on <b>market</b> & square" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in output
    assert "&#34; onmouseover=&#34;x" in output
    assert "&amp;lt;" not in output and "&amp;#34;" not in output  # never twice


def test_html_is_one_page_with_contents_and_nothing_to_fetch(data: ReportData) -> None:
    output = render(data, "html")
    parsed = page(output)
    assert output.startswith("<!DOCTYPE html>")
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(parsed.tags)
    assert "http:" not in output and "https:" not in output and "url(" not in output
    assert parsed.tags.count("svg") == 2  # a chart of each subject's figures
    assert 'href="#subject-attack"' in output and 'id="subject-attack"' in output
    assert 'href="#subject-other-attack"' in output and 'id="subject-other-attack"' in output
    assert parsed.tags.count("table") >= 2 * 1  # claims, assessments
    assert "summary" not in output.casefold().split("<h2>")[1:]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_a_ledger_without_conflicts_gives_an_empty_report(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "ledger.yaml").write_text(
        "sources:\n  - {id: radio, title: Local radio, kind: news, reliability: C}\n"
        "entities:\n  - {id: attack, kind: event, name: The attack}\n"
        "claims:\n  - {id: c1, subject: attack, property: killed, value: 12, source: radio}\n",
        "utf-8",
    )
    output = FORMATS[fmt](build(api.report([tmp_path], None, Settings()), False))
    assert "c1" not in output
    if fmt == "json":
        assert json.loads(output)["subjects"] == []
    elif fmt == "csv":
        assert len(list(csv.reader(io.StringIO(output)))) == 1  # the header alone
    else:
        assert "No conflicts in" in output
