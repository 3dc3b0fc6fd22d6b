"""Steps that run the checker where linters run: the pre-commit hook this repository
provides (.pre-commit-hooks.yaml) and the steps of its GitHub Action (action.yml), each run
the way pre-commit or the Actions runner would run it, with the installed `provenance`."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from click.testing import Result
from pytest_bdd import parsers, then, when

from conftest import ROOT
from steps.cli import Run

BIN = Path(sys.executable).parent
"""Where the installed `provenance` is: the hook's and the action's environment."""
EXPRESSION = re.compile(r"\$\{\{\s*([^}]+?)\s*\}\}")


@dataclass
class Completed:
    """A finished process, read as the CLI steps read a click Result."""

    exit_code: int
    stdout: str
    stderr: str


def as_run(command: str, done: subprocess.CompletedProcess[str]) -> Run:
    return Run(command, cast(Result, Completed(done.returncode, done.stdout, done.stderr)))


def hook(hook_id: str) -> dict[str, Any]:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    return next(h for h in hooks if h["id"] == hook_id)


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}", **(extra or {})}


@when(parsers.parse('the pre-commit hook "{hook_id}" runs'), target_fixture="last_run")
def run_hook(hook_id: str, workdir: Path) -> Run:
    """As pre-commit runs a hook of language python: the entry split as a shell would,
    then the hook's args, then (if it takes them) the files matching its pattern."""
    found = hook(hook_id)
    assert found["language"] == "python"
    words = [*shlex.split(found["entry"]), *found.get("args", [])]
    if found.get("pass_filenames", True):
        pattern = re.compile(found.get("files", ""))
        words += sorted(
            p.relative_to(workdir).as_posix()
            for p in workdir.rglob("*")
            if p.is_file() and pattern.search(p.as_posix())
        )
    done = subprocess.run(
        words, cwd=workdir, env=environment(), capture_output=True, text=True, check=False
    )
    return as_run(" ".join(words), done)


@when(
    parsers.parse('pre-commit tries the hook "{hook_id}" from this repository'),
    target_fixture="last_run",
)
def try_repo(hook_id: str, workdir: Path) -> Run:
    """pre-commit itself, as a ledger repository's CI runs it: it installs this repository
    (its working tree, uncommitted changes included) into an environment of its own and
    runs the hook on every file git tracks. Environments are kept for the test run."""
    home = Path(tempfile.gettempdir()) / "provenance-tests-pre-commit"
    words = [str(BIN / "pre-commit"), "try-repo", str(ROOT), hook_id, "--all-files"]
    done = subprocess.run(
        words,
        cwd=workdir,
        env=environment({"PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}),
        capture_output=True,
        text=True,
        check=False,
    )
    return as_run(" ".join(words), done)


@dataclass
class Workflow:
    """What the runner keeps between an action's steps: the inputs and each step's outputs."""

    action: dict[str, Any]
    outputs: dict[str, dict[str, str]] = field(default_factory=dict)

    def value(self, expression: str) -> str:
        """An expression as the runner resolves it: inputs (their defaults), step outputs."""
        if expression.startswith("inputs."):
            return str(self.action["inputs"][expression.removeprefix("inputs.")]["default"])
        step, _, name = expression.removeprefix("steps.").partition(".outputs.")
        return self.outputs.get(step, {}).get(name, "")

    def resolve(self, text: str) -> str:
        return EXPRESSION.sub(lambda m: self.value(m.group(1)), text)


@when("the action runs in the working folder", target_fixture="workflow")
def the_action(workdir: Path) -> Workflow:
    return Workflow(yaml.safe_load((ROOT / "action.yml").read_text("utf-8")))


@when(parsers.parse('the action\'s step "{name}" runs'), target_fixture="last_run")
def run_step(name: str, workflow: Workflow, workdir: Path) -> Run:
    step = next(s for s in workflow.action["runs"]["steps"] if s["name"] == name)
    assert step["shell"] == "bash" and "run" in step
    outputs = workdir / "github-output"
    outputs.write_text("", "utf-8")
    env = {key: workflow.resolve(str(value)) for key, value in step.get("env", {}).items()}
    done = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=workdir,
        env=environment({**env, "GITHUB_OUTPUT": str(outputs)}),
        capture_output=True,
        text=True,
        check=False,
    )
    lines = outputs.read_text("utf-8").splitlines()
    workflow.outputs[step.get("id", name)] = dict(line.split("=", 1) for line in lines if line)
    return as_run(step["run"], done)


@then(parsers.parse('the step "{step}" has the output {name} = "{value}"'))
def step_output(workflow: Workflow, step: str, name: str, value: str) -> None:
    assert workflow.outputs[step].get(name) == value, workflow.outputs


@then(parsers.parse('the SARIF report "{path}" has a {rule} result at {place}'))
def sarif_result(workdir: Path, path: str, rule: str, place: str) -> None:
    run = json.loads((workdir / path).read_text("utf-8"))["runs"][0]
    found = {
        (
            r["ruleId"],
            "{uri}:{startLine}".format(
                uri=r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                startLine=r["locations"][0]["physicalLocation"]["region"]["startLine"],
            ),
        )
        for r in run["results"]
    }
    assert (rule, place) in found, found
    assert run["invocations"][0]["executionSuccessful"] is True


VALIDATOR = ROOT / ".ci" / "sarif" / "node_modules" / ".bin" / "sarif-multitool"
"""Microsoft's SARIF Multitool, pinned in .ci/sarif/package-lock.json; .ci/run installs it
(`npm ci --prefix .ci/sarif`)."""


@then(parsers.parse('the SARIF report "{path}" passes the SARIF validator'))
def sarif_valid(workdir: Path, path: str) -> None:
    """The SARIF 2.1.0 schema and the specification's rules, as code-scanning uploads need
    them. The validator exits 0 whatever it finds, so its own log is read."""
    if not VALIDATOR.exists():
        pytest.skip("the SARIF validator is not installed (npm ci --prefix .ci/sarif; CI does)")
    log = workdir / "validation.sarif"
    done = subprocess.run(
        [str(VALIDATOR), "validate", "--output", str(log), str(workdir / path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found = json.loads(log.read_text("utf-8"))["runs"][0].get("results", [])
    said = [f"{r.get('level')}: {r['message'].get('text', r['message'])}" for r in found]
    assert not [r for r in found if r.get("level", "warning") in ("error", "warning")], said


@then(parsers.parse('the JSON on stdout lists the {key} "{ids}"'))
def json_lists(last_run: Run, key: str, ids: str) -> None:
    document = json.loads(last_run.stdout)
    assert [record["id"] for record in document[key]] == ids.split(", ")
