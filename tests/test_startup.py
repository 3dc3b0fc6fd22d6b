"""The command line starts light: asking for help, the version or the rules loads neither the
database layer (SQLAlchemy, Alembic) nor numpy. Checked by which modules a fresh interpreter
has loaded once the command is done, never by how long it took."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("sqlalchemy", "alembic", "numpy")
PROBE = f"""
import json, sys
from provenance.cli import main
try:
    main(sys.argv[1:], prog_name="provenance")
except SystemExit as done:
    status = done.code
loaded = sorted({{name.split(".")[0] for name in sys.modules}} & set({HEAVY!r}))
print(json.dumps({{"status": status, "loaded": loaded}}), file=sys.stderr)
"""


def loaded_by(*args: str) -> list[str]:
    """The heavy libraries a fresh interpreter has loaded after running the command."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["status"] == 0, done.stderr
    loaded: list[str] = report["loaded"]
    return loaded


@pytest.mark.parametrize(
    "args",
    [("--help",), ("--version",), ("rules",), ("rules", "spelling-variant"), ("check", "--help")],
    ids=" ".join,
)
def test_help_version_and_rules_load_no_database_layer_and_no_numpy(args: tuple[str, ...]) -> None:
    assert loaded_by(*args) == []


def test_the_probe_sees_what_a_check_loads() -> None:
    """A check of ledger files does load SQLAlchemy (its in-memory store): the probe above
    would notice a heavy library."""
    assert "sqlalchemy" in loaded_by("check", "claims/")
