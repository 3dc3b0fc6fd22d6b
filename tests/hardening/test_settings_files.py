"""provenance.toml (or [tool.provenance]) that cannot be read, is not UTF-8 or not TOML, or
holds values of the wrong type or out of range: a message with the file and line, exit 2;
flags out of range are refused the same way."""

from __future__ import annotations

import shutil
from pathlib import Path

import doors
import pytest
from doors import refused
from test_bad_inputs import SHIPPED


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    shutil.copytree(SHIPPED, folder)
    return folder


BAD_FILES = {
    # name: (file name, bytes, line, fragment of the message)
    "not UTF-8": ("provenance.toml", b'fail-on = "warning"\n# Kab\xfbl\n', 2, "not UTF-8"),
    "UTF-16": ("provenance.toml", '\ufefffail-on = "warning"\n'.encode("utf-16"), 1, "UTF-8"),
    "not TOML": ("provenance.toml", b'fail-on = "warning"\n[rules\n', 2, "not valid TOML"),
    "a key twice": ("provenance.toml", b'fail-on = "error"\nfail-on = "info"\n', 2, "TOML"),
    "tool.provenance a number": ("pyproject.toml", b"[tool]\nprovenance = 3\n", 2, "a table"),
    "tool.provenance a list": ("pyproject.toml", b"[tool]\nprovenance = [1]\n", 2, "a table"),
    "rules a number": ("provenance.toml", b"rules = 3\n", 1, "rules must be a table"),
    "a rule a number": ("provenance.toml", b"[rules]\ndenial = 3\n", 2, "must be a table"),
    "fail-on a number": ("provenance.toml", b"fail-on = 1\n", 1, "not a level"),
    "reviewer a number": ("provenance.toml", b"reviewer = 5\n", 1, "reviewer must be a name"),
    "severity a number": (
        "provenance.toml",
        b"[rules.denial]\nseverity = 3\n",
        2,
        "not a level",
    ),
    "tolerance text": (
        "provenance.toml",
        b'[rules.numeric-conflict]\ntolerance = "abc"\n',
        2,
        "not a number",
    ),
    "tolerance a boolean": (
        "provenance.toml",
        b"[rules.numeric-conflict]\ntolerance = true\n",
        2,
        "is not float",
    ),
    "tolerance negative": (
        "provenance.toml",
        b"[rules.numeric-conflict]\ntolerance = -1\n",
        2,
        "not a fraction from 0 to 1",
    ),
    "tolerance nan": (
        "provenance.toml",
        b"[rules.numeric-conflict]\ntolerance = nan\n",
        2,
        "not a fraction",
    ),
    "tolerance inf": (
        "provenance.toml",
        b"[rules.numeric-conflict]\ntolerance = inf\n",
        2,
        "not a fraction",
    ),
    "probability above 1": (
        "provenance.toml",
        b"[rules.overconfidence]\nmin_probability = 80\n",
        2,
        "not a fraction",
    ),
    "block size zero": (
        "provenance.toml",
        b"[rules.spelling-variant]\nmax_block = 0\n",
        2,
        "1 or more",
    ),
    "block size a fraction": (
        "provenance.toml",
        b"[rules.spelling-variant]\nmax_block = 1.5\n",
        2,
        "not a number",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
@pytest.mark.parametrize("command", ["check", "report", "review --list"])
def test_a_bad_settings_file_is_refused_at_its_line(
    ledger: Path, workdir: Path, case: str, command: str
) -> None:
    name, content, line, message = BAD_FILES[case]
    (workdir / name).write_bytes(content)
    ran = refused(
        [*command.split(), "claims"]
        if command != "review --list"
        else ["review", "--list", "--ledger", "claims"],
        f"{name}:{line}: ",
        message,
    )
    assert "problem in the settings" in ran.err


def test_a_settings_file_an_analyst_may_not_read_is_refused(shared: Path) -> None:
    shutil.copytree(SHIPPED, shared / "claims")
    (shared / "provenance.toml").write_text('fail-on = "warning"\n', "utf-8")
    (shared / "provenance.toml").chmod(0o600)  # root's
    ran = doors.as_nobody(["check", "claims"], shared)
    assert ran.status == 2, ran.output
    assert "provenance.toml" in ran.err and "cannot read the settings" in ran.err
    assert "Traceback" not in ran.output


@pytest.mark.parametrize(
    ("flag", "message"),
    [
        ("numeric-conflict.tolerance=-1", "not a fraction from 0 to 1"),
        ("numeric-conflict.tolerance=nan", "not a fraction"),
        ("numeric-conflict.tolerance=inf", "not a fraction"),
        ("numeric-conflict.tolerance=-inf", "not a fraction"),
        ("numeric-conflict.tolerance=1e999", "not a fraction"),
        ("numeric-conflict.tolerance=1.5", "not a fraction"),
        ("numeric-conflict.tolerance=abc", "not a number"),
        ("overconfidence.min_probability=80", "not a fraction"),
        ("spelling-variant.max_block=0", "1 or more"),
        ("spelling-variant.max_block=-5", "1 or more"),
        ("spelling-variant.max_block=2.5", "not a number"),
        ("numeric-conflict.tolerance=", "write RULE.SETTING=VALUE"),
        ("numeric-conflict.nonsense=1", "write RULE.SETTING=VALUE"),
    ],
)
def test_a_setting_out_of_range_on_the_command_line_is_refused(
    ledger: Path, flag: str, message: str
) -> None:
    refused(["check", "claims", "--set", flag], f"--set {flag}", message)


@pytest.mark.parametrize("flag", ["numeric-conflict.tolerance=0", "numeric-conflict.tolerance=1"])
def test_the_ends_of_a_range_are_accepted(ledger: Path, flag: str) -> None:
    ran = doors.run(["check", "claims", "--set", flag])
    assert ran.status in (0, 1), ran.output
