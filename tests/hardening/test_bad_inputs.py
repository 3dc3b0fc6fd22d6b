"""Every case of the bad-input corpus, run as an analyst would (`provenance import`) against a
database that already holds the shipped ledger: the exit status, a message naming the file
and line and what to do, never a traceback, and the database exactly as it was."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bad_input_corpus import CASES, Case
from click.testing import CliRunner
from sqlalchemy import create_engine, select

from provenance import api
from provenance.cli import main
from provenance.db.schema import Base

SHIPPED = Path(__file__).resolve().parents[2] / "claims"
TRIED: dict[str, list[str]] = {}
"""Cases tried, by database, for the summary line (tests/conftest.py prints it)."""


def snapshot(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in a stable order."""
    engine = create_engine(api.database_url(url))
    try:
        with engine.connect() as connection:
            return {
                table.name: sorted(
                    (tuple(row) for row in connection.execute(select(table))), key=repr
                )
                for table in Base.metadata.sorted_tables
            }
    finally:
        engine.dispose()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, str, object]]:
    """(database kind, URL, its content): the shipped ledger imported once per module."""
    from conftest import pg_schema, pg_server

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'ledger.db'}"
        api.import_ledger([SHIPPED], url)
        yield "sqlite", url, snapshot(url)
        return
    if pg_server() is None:
        pytest.skip("PROVENANCE_TEST_PG is not set")
    with pg_schema() as url:
        api.import_ledger([SHIPPED], url)
        yield "postgresql", url, snapshot(url)


def write(case: Case, folder: Path) -> None:
    ledger = folder / "ledger"
    ledger.mkdir()
    for name, content in case.files.items():
        path = ledger / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, "utf-8")
        if case.pad_to:
            line = b"# " + b"padding " * 12 + b"\n"
            with path.open("ab") as padded:
                padded.write(line * ((case.pad_to - path.stat().st_size) // len(line) + 1))
    for name, target in case.symlinks.items():
        link = ledger / name
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(target)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_bad_input_is_refused_clearly_and_changes_nothing(
    case: Case, seeded: tuple[str, str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind, url, before = seeded
    write(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROVENANCE_DB", raising=False)
    args = list(case.args) if case.args else ["import", "ledger", "--db", url]
    result = CliRunner().invoke(main, args)
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    assert result.exit_code == case.status, output
    if case.status == 2:
        assert output.startswith("error: ") or "\nerror: " in output or "Error: " in output
        assert case.hint.lower() in output.lower(), output
    shown = f"ledger{os.sep}{case.file}"
    if case.status == 2 and case.files and not case.args:
        assert f"{shown}:" in output, output  # every ledger mistake names its file
    if case.lines:
        where = "|".join(str(n) for n in case.lines)
        assert re.search(rf"{re.escape(shown)}:({where})\b", output), output
    assert snapshot(url) == before, "the database changed"
    TRIED.setdefault(kind, []).append(case.name)


def test_the_corpus_is_large_and_its_cases_distinct() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)
    assert len({(tuple(sorted(c.files.items())), c.args) for c in CASES}) == len(CASES)
    unplaced = [c.name for c in CASES if c.status == 2 and c.files and not c.args and not c.lines]
    assert unplaced == [], "every mistake in a ledger file is placed on a line"


@pytest.mark.parametrize("unit", ["households", "kg", "kilograms", "people"])
def test_counting_words_and_known_units_are_not_mistaken_for_misspellings(
    unit: str, workdir: Path
) -> None:
    from bad_input_corpus import claim

    (workdir / "a.yaml").write_text(claim(value="10", unit=unit), "utf-8")
    result = CliRunner().invoke(main, ["check", "a.yaml"])
    assert result.exit_code == 0, result.output


def test_an_archive_linked_elsewhere_inside_the_ledger_is_accepted(workdir: Path) -> None:
    # The bound is the ledger folder (as quote-not-found reads it), not the declaring file's.
    ledger = workdir / "ledger"
    (ledger / "shared").mkdir(parents=True)
    (ledger / "shared" / "report.txt").write_text("Twelve people were killed.\n", "utf-8")
    (ledger / "caci" / "archive").mkdir(parents=True)
    (ledger / "caci" / "archive" / "report.txt").symlink_to(ledger / "shared" / "report.txt")
    (ledger / "caci" / "a.yaml").write_text(
        "sources:\n  - {id: s1, title: T, kind: news, reliability: B,"
        " archive: archive/report.txt}\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["check", "ledger"])
    assert result.exit_code == 0, result.output
