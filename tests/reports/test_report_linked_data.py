"""The HTML report's JSON-LD block: the analyst's decisions as schema.org ClaimReview data,
never a way out of the block, whatever a note or a quote holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from provenance.cli import main
from provenance.reports.contradictions.html import linked_data

SCRIPT = "</script><script>alert(1)</script>"
LEDGER = f"""\
sources:
  - {{id: radio, title: {json.dumps(SCRIPT)}, kind: news, reliability: C}}
  - {{id: ngo, title: NGO report, kind: ngo, reliability: C, url: 'https://ngo.example/a?b=1&c=2'}}
entities:
  - {{id: attack, kind: event, name: {json.dumps("Attack " + SCRIPT)}}}
claims:
  - {{id: radio-killed, subject: attack, property: killed, value: 12, source: radio,
     quote: {json.dumps(SCRIPT)}}}
  - {{id: ngo-killed, subject: attack, property: killed, value: 30, source: ngo}}
"""


def test_a_closing_tag_in_the_ledger_cannot_end_the_block(tmp_path: Path) -> None:
    folder = tmp_path / "ledger"
    folder.mkdir()
    (folder / "a.yaml").write_text(LEDGER, "utf-8")
    runner = CliRunner()
    found = runner.invoke(main, ["check", str(folder), "--format", "json"])
    [conflict] = json.loads(found.stdout)["conflicts"]
    (folder / "reviews.yaml").write_text(
        "reviews:\n"
        f"  - conflict: {conflict['id']}\n"
        "    verdict: disputed\n"
        f"    note: {json.dumps(SCRIPT)}\n"
        f"    reviewer: {json.dumps(SCRIPT)}\n"
        "    at: 2026-11-21T10:00:00Z\n",
        "utf-8",
    )
    page = runner.invoke(main, ["report", str(folder), "--format", "html"]).stdout
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert len(blocks) == 1
    assert "<" not in blocks[0] and ">" not in blocks[0]
    documents = json.loads(blocks[0])
    assert {d["reviewBody"] for d in documents} == {SCRIPT}  # the note, whole, as data
    assert page.count("<script") == 1


def test_the_json_is_escaped_for_a_script_block() -> None:
    text = linked_data([{"a": "</script> & <!--"}])
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == [{"a": "</script> & <!--"}]
