"""The generated documentation: rule pages, the qualifier table and the ledger schema are
what `python -m provenance.docs` writes now, and machine output links to them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from provenance.checks import RULES
from provenance.cli import main
from provenance.docs import HOME, generate, rule_pages

ROOT = Path(__file__).resolve().parent.parent


def test_the_checked_in_documentation_is_what_the_code_generates() -> None:
    assert generate.stale(ROOT) == []


def test_the_check_says_which_file_is_out_of_date(tmp_path: Path) -> None:
    generate.write(tmp_path)
    page = tmp_path / "docs" / "rules" / f"{RULES[0].id}.md"
    page.write_text("edited by hand\n", "utf-8")
    (tmp_path / "docs" / "rules" / "retired-rule.md").write_text("gone\n", "utf-8")
    ran = subprocess.run(
        [sys.executable, "-m", "provenance.docs", "--check", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ran.returncode == 1
    assert f"docs/rules/{RULES[0].id}.md is out of date" in ran.stderr
    assert "docs/rules/retired-rule.md is out of date" in ran.stderr
    generate.write(tmp_path)
    assert generate.stale(tmp_path) == []
    assert not (tmp_path / "docs" / "rules" / "retired-rule.md").exists()


def test_a_rule_page_has_the_docstring_sections_and_the_example_as_yaml() -> None:
    for rule in RULES:
        page = rule_pages.rule_page(rule)
        assert page.splitlines()[2] == f"# {rule.id}"
        for heading in ("## Why it matters", "## Example", "## Fix"):
            assert f"\n{heading}\n" in page, (rule.id, heading)
        example = page.split("## Example\n\n", 1)[1]
        assert example.startswith("```yaml\n")


def test_a_page_with_settings_lists_them() -> None:
    page = (ROOT / "docs" / "rules" / "numeric-conflict.md").read_text("utf-8")
    assert "| `tolerance` | `0.01` |" in page
    assert "`--set numeric-conflict.SETTING=VALUE`" in page


def test_the_qualifier_table_lists_every_phrase_of_a_rule() -> None:
    table = (ROOT / "docs" / "qualifiers.md").read_text("utf-8")
    row = next(line for line in table.splitlines() if line.startswith("| over |"))
    assert "`more than N`" in row and "(N, ∞)" in row


def test_sarif_links_each_rule_to_its_page_in_the_repository(tmp_path: Path) -> None:
    shipped = str(ROOT / "claims")
    ran = CliRunner().invoke(main, ["check", shipped, "--format", "sarif"])
    driver = json.loads(ran.stdout)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == HOME
    for rule in driver["rules"]:
        prefix = f"{HOME}/blob/main/"
        assert rule["helpUri"] == f"{prefix}docs/rules/{rule['id']}.md"
        assert (ROOT / rule["helpUri"].removeprefix(prefix)).is_file()
