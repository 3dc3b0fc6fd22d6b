"""The linter conventions' files hold together: the pre-commit manifest has what pre-commit
requires, the Action's inputs are the ones the README's workflow passes, and the SARIF
upload is skipped only when the check wrote no report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from provenance.cli import main

ROOT = Path(__file__).resolve().parent.parent


def readme_yaml(containing: str) -> Any:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = [part.split("```")[0] for part in text.split("```yaml\n")[1:]]
    return yaml.safe_load(next(b for b in blocks if containing in b))


def action() -> Any:
    return yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))


def test_the_hook_manifest_has_what_pre_commit_requires() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    (hook,) = hooks
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert hook["entry"].split()[:2] == ["provenance", "check"]
    assert hook["pass_filenames"] is False  # conflicts are between files: the whole ledger


def test_the_readme_config_names_the_hook_the_manifest_provides() -> None:
    config = readme_yaml("provenance-check")
    assert config["repos"][0]["hooks"][0]["id"] == "provenance-check"


def test_the_readme_workflow_uses_the_action_with_its_own_inputs() -> None:
    workflow = readme_yaml("security-events: write")
    assert workflow["permissions"]["security-events"] == "write"
    steps = workflow["jobs"]["check"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@")
    assert set(steps[1]["with"]) <= set(action()["inputs"])


def test_the_action_is_composite_and_uploads_whenever_a_report_was_written() -> None:
    runs = action()["runs"]
    assert runs["using"] == "composite"
    names = [s["name"] for s in runs["steps"]]
    assert names == [
        "Set up Python",
        "Install provenance",
        "Check the ledger",
        "Upload to code scanning",
        "Fail on unreviewed conflicts",
    ]
    upload = runs["steps"][3]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "always()" in upload["if"] and "exit-code != '2'" in upload["if"]
    install = runs["steps"][1]["run"]
    assert "-c" in install.split() and ".ci/constraints.txt" in install


def test_sarif_invocations_carry_the_exit_status_and_the_times(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    for extra, status in (([], 1), (["--exit-zero"], 0)):
        args = ["check", str(tmp_path / "claims"), "--include-reviewed", "--format", "sarif"]
        ran = CliRunner().invoke(main, [*args, *extra])
        (invocation,) = json.loads(ran.stdout)["runs"][0]["invocations"]
        assert ran.exit_code == invocation["exitCode"] == status
        assert invocation["executionSuccessful"] is True
        assert invocation["startTimeUtc"] <= invocation["endTimeUtc"]
        assert invocation["endTimeUtc"].endswith("Z")


def test_the_sarif_validator_step_fails_on_a_log_the_schema_refuses(tmp_path: Path) -> None:
    """The validator exits 0 whatever it finds: the step must read its findings."""
    import pytest

    from steps.linting import VALIDATOR, sarif_valid

    if not VALIDATOR.exists():
        pytest.skip("the SARIF validator is not installed (npm ci --prefix .ci/sarif; CI does)")
    (tmp_path / "bad.sarif").write_text(
        json.dumps({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}), "utf-8"
    )
    with pytest.raises(AssertionError, match="error"):
        sarif_valid(tmp_path, "bad.sarif")
