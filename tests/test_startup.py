"""The command line starts light: asking for help, the version or the rules loads neither the
database layer (SQLAlchemy, Alembic) nor numpy, and a check of ledger files loads none of
what only other commands use (migrations, templates, the formatter's YAML library, tables
for people). Checked by which modules a fresh interpreter has loaded once the command is
done, never by how long it took."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("sqlalchemy", "alembic", "numpy")
NOT_FOR_CHECKING = ("alembic", "jinja2", "ruamel", "tabulate", "prov", "stix2", "xml")
"""Libraries only other commands use: migrations (a check of files needs no database file),
the HTML report's templates, the formatter's YAML library, tables for people (a check's
JSON has none), the exchange formats, XML (junit output)."""
PROBE = """
import json, sys
from provenance.cli import main
libraries = set(sys.argv[1].split(","))
try:
    main(sys.argv[2:], prog_name="provenance")
except SystemExit as done:
    status = done.code
loaded = sorted({name.split(".")[0] for name in sys.modules} & libraries)
print(json.dumps({"status": status, "loaded": loaded}), file=sys.stderr)
"""


def loaded_by(*args: str, libraries: tuple[str, ...] = HEAVY) -> list[str]:
    """The ``libraries`` a fresh interpreter has loaded after running the command."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(libraries), *args],
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


@pytest.mark.parametrize("fmt", ["json", "sarif", "concise"])
def test_a_check_of_ledger_files_loads_only_what_checking_needs(fmt: str) -> None:
    loaded = loaded_by("check", "claims/", "--format", fmt, libraries=NOT_FOR_CHECKING)
    assert loaded == []


def test_the_probe_sees_what_only_other_commands_load() -> None:
    """The probe above would notice: junit output loads XML, a report's tables tabulate."""
    assert loaded_by("check", "claims/", "--format", "junit", libraries=("xml",)) == ["xml"]
    tables = ("tabulate",)
    assert loaded_by("report", "claims/", "--format", "markdown", libraries=tables) == ["tabulate"]
