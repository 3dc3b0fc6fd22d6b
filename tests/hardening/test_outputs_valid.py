"""Outputs are what they claim to be, whatever the ledger or the database holds: SARIF URIs
are URIs, JUnit is well-formed XML, text for people never carries a terminal control
sequence (a database written by another tool may hold one), and a ledger with a million
mistakes gets a summary rather than a million lines."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import pytest
from doors import refused, run
from sqlalchemy import create_engine, text
from test_bad_inputs import SHIPPED

from provenance import api

URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
"""RFC 3986: what a URI reference may hold (anything else percent-encoded)."""
HOSTILE = "Mirza \x1b]0;owned\x07Olang \x1b]52;c;b3duZWQ=\x07\x9b2J\r\x08 attack"
"""A name that would set the window title, write the clipboard, clear the screen and
overwrite the line, if printed raw."""
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    shutil.copytree(SHIPPED, folder)
    return folder


@pytest.mark.parametrize(
    "name", ["mirza olang attack.yaml", "50% #1 report?.yaml", "Mīrzā Ōlang.yaml", "a[1].yaml"]
)
def test_sarif_uris_are_percent_encoded(ledger: Path, name: str) -> None:
    attack = ledger / "caci-2017" / "mirza-olang-attack.yaml"
    attack.rename(attack.with_name(name))
    ran = run(["check", "claims", "--format", "sarif", "--include-reviewed"])
    assert ran.status == 1, ran.output
    uris = [
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(ran.out)["runs"][0]["results"]
        for location in result["locations"]
    ]
    assert f"claims/caci-2017/{name}" in {unquote(u) for u in uris}
    assert all(URI_REFERENCE.match(u) for u in uris), uris


def test_sarif_uris_of_absolute_paths_are_file_uris(ledger: Path) -> None:
    ran = run(["check", str(ledger.resolve()), "--format", "sarif", "--include-reviewed"])
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(ran.out)["runs"][0]["results"]
        for location in result["locations"]
    }
    assert uris and all(u.startswith("file:///") and URI_REFERENCE.match(u) for u in uris)


def test_junit_is_well_formed_with_a_control_character_in_a_file_name(ledger: Path) -> None:
    attack = ledger / "caci-2017" / "mirza-olang-attack.yaml"
    attack.rename(attack.with_name("mirza\x01olang\x1b.yaml"))
    ran = run(["check", "claims", "--format", "junit", "--include-reviewed"])
    assert ran.status == 1, ran.output
    suites = ElementTree.fromstring(ran.out)
    files = {case.get("file") for case in suites.iter("testcase")}
    assert "claims/caci-2017/mirza\\u0001olang\\u001b.yaml" in files


@pytest.fixture
def hostile_db(db_url: str) -> str:
    """The shipped ledger in a database where another tool wrote a hostile entity name."""
    api.import_ledger([SHIPPED], db_url)
    engine = create_engine(api.database_url(db_url))
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE entity SET name = :name WHERE id = 'mirza-olang-attack'"),
                {"name": HOSTILE},
            )
    finally:
        engine.dispose()
    return db_url


@pytest.mark.parametrize(
    "args",
    [
        ["show", "mirza-olang-attack"],
        ["show", "mirza-olang"],
        ["claims", "--subject", "mirza-olang-attack"],
        ["check", "--include-reviewed"],
        ["check", "--include-reviewed", "--format", "github"],
        ["check", "--include-reviewed", "--format", "junit"],
        ["report", "--include-decided"],
        ["report", "--include-decided", "--format", "markdown"],
        ["report", "--include-decided", "--format", "csv"],
        ["report", "--include-decided", "--format", "html"],
        ["review", "--list"],
    ],
    ids=" ".join,
)
def test_text_from_the_database_never_reaches_the_terminal_raw(
    hostile_db: str, workdir: Path, args: list[str]
) -> None:
    ran = run([*args, "--db", hostile_db])
    assert ran.status in (0, 1), ran.output
    assert not RAW.search(ran.out), [m.group() for m in RAW.finditer(ran.out)]
    if args[:2] == ["show", "mirza-olang-attack"]:
        assert "Mirza \\x1b]0;owned\\x07Olang" in ran.out


JSON_COMMANDS = {
    "check json": ["check", "--include-reviewed", "--format", "json"],
    "check sarif": ["check", "--include-reviewed", "--format", "sarif"],
    "report json": ["report", "--include-decided", "--format", "json"],
    "export json": ["export", "--format", "json"],
}


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


@pytest.mark.parametrize("command", JSON_COMMANDS)
def test_json_escapes_what_a_terminal_acts_on_and_keeps_the_value(
    hostile_db: str, workdir: Path, command: str
) -> None:
    ran = run([*JSON_COMMANDS[command], "--db", hostile_db])
    assert ran.status in (0, 1), ran.output
    assert not RAW.search(ran.out)
    assert any(HOSTILE in s for s in strings(json.loads(ran.out)))


def test_an_error_naming_what_was_typed_shows_its_control_characters(workdir: Path) -> None:
    api.import_ledger([SHIPPED], None)
    ran = refused(["show", "x\x1b]0;owned\x07"], "x\\x1b]0;owned\\x07")
    assert not RAW.search(ran.err)


def test_names_compare_shows_control_characters(workdir: Path) -> None:
    ran = run(["names", "compare", "Mirza\x1b[8m Olang", "Mirsa Olang", "--kind", "place"])
    assert not RAW.search(ran.out)


@pytest.mark.parametrize("items", [5_000, 1_000_000], ids=["5,000", "a million"])
def test_a_million_mistakes_are_summarised(workdir: Path, items: int) -> None:
    (workdir / "big.yaml").write_text("claims: [" + ", ".join(["1"] * items) + "]\n", "utf-8")
    ran = refused(["check", "big.yaml"], "big.yaml:1:")
    lines = [line for line in ran.err.splitlines() if not line.startswith("ledger: ")]
    assert len(lines) <= 102
    assert f"and {items - 100:,} more not shown ({items - 100:,} in big.yaml)" in ran.err
    assert f"{items:,} problems in the ledger; nothing was checked" in lines[-1]
