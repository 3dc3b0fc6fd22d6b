"""Command-line behaviour that scenarios do not show: the progress bar, the environment
variable, export to standard output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED
from provenance import cli
from provenance.cli import ledger_commands
from provenance.importing import load_ledger


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_slow_import_on_a_terminal_shows_a_progress_bar(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_commands, "on_terminal", lambda: True)
    monkeypatch.setattr(ledger_commands._Progress, "DELAY", 0.0)
    status, _, stderr = invoke("import", str(SHIPPED))
    assert status == 0
    assert stderr.startswith("reading ledger")  # click draws the bar itself on a real terminal


def test_a_quick_import_shows_no_progress_bar(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_commands, "on_terminal", lambda: True)
    status, _, stderr = invoke("import", str(SHIPPED))
    assert status == 0
    assert "reading ledger" not in stderr


def test_no_progress_bar_when_output_is_not_a_terminal(
    workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ledger_commands._Progress, "DELAY", 0.0)
    status, _, stderr = invoke("import", str(SHIPPED))
    assert status == 0
    assert "reading ledger" not in stderr


def test_provenance_db_chooses_the_database(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROVENANCE_DB", str(workdir / "elsewhere.db"))
    status, stdout, _ = invoke("import", str(SHIPPED))
    assert status == 0
    assert f"into sqlite:///{workdir / 'elsewhere.db'}" in stdout
    assert (workdir / "elsewhere.db").exists()
    assert not (workdir / ".provenance").exists()


def test_export_without_a_folder_writes_one_loadable_document(workdir: Path) -> None:
    invoke("import", str(SHIPPED))
    status, stdout, _ = invoke("export")
    assert status == 0
    (workdir / "all.yaml").write_text(stdout, "utf-8")
    assert len(load_ledger([workdir / "all.yaml"]).claims) == 93


def test_a_usage_mistake_exits_2_with_click_s_message(workdir: Path) -> None:
    status, _, stderr = invoke("export", "--format", "xml")
    assert status == 2
    assert "'xml' is not one of 'yaml', 'json'" in stderr


def test_python_m_provenance_is_the_command_line() -> None:
    import subprocess
    import sys

    from provenance import __version__

    run = subprocess.run(
        [sys.executable, "-m", "provenance", "--version"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == f"provenance, version {__version__}\n"


def test_check_json_is_the_same_on_every_run_and_timings_come_on_request(workdir: Path) -> None:
    shipped = str(SHIPPED)
    runs = [CliRunner().invoke(cli.main, ["check", shipped, "--format", "json"]) for _ in range(2)]
    assert runs[0].exit_code == 0, runs[0].output
    assert runs[0].stdout == runs[1].stdout
    assert "timings" not in json.loads(runs[0].stdout)
    timed = CliRunner().invoke(cli.main, ["check", shipped, "--format", "json", "--timings"])
    assert "numeric-conflict" in json.loads(timed.stdout)["timings"]
    text = CliRunner().invoke(cli.main, ["check", shipped, "--timings"])
    assert re.search(r"^timing: numeric-conflict \d+\.\d{3} s$", text.stdout, re.M), text.stdout
