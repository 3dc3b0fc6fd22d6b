"""Files parsed in other processes (ledger/pool.py) give what a parse in one process gives:
the same records in the same order, the same problems in the same order, the same progress,
the same check cache entries; and through the command line, the same messages, the same
exit status and nothing written. The pool is forced on small ledgers with ``jobs=2``."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED
from provenance import caching, cli
from provenance.errors import Problems
from provenance.ledger import load, pool
from provenance.ledger.schema import ParsedLedger

pytestmark = pytest.mark.skipif(
    "fork" not in __import__("multiprocessing").get_all_start_methods(),
    reason="files are parsed in other processes only where processes can be forked",
)

CLAIM = """\
  - id: {ident}
    subject: mirza-olang-attack
    property: {prop}
    value: {value}
    source: caci-2017-11-13
    quote: on August 5
"""


Outcome = tuple[list[ParsedLedger], list[str], list[tuple[int, int]], str]


def parsed(ledger: Path, jobs: int, cache: caching.CheckCache | None = None) -> Outcome:
    """Each file's records, the problems, the progress reported, and all of it as text
    (which shows what equality passes over, such as each record's origin)."""
    problems = Problems()
    steps: list[tuple[int, int]] = []
    parts = list(
        load.parse_each([ledger], problems, lambda *s: steps.append(s), cache=cache, jobs=jobs)
    )
    shown = [str(p) for p in problems]
    return parts, shown, steps, repr((parts, list(problems), problems.dropped))


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The shipped ledger with mistakes in several files: a file that is not YAML, a claim
    with a wrong value, a claim of an id used in another file, a reference to nothing."""
    ledger = tmp_path / "claims"
    shutil.copytree(SHIPPED, ledger)
    (ledger / "aa-not-yaml.yaml").write_text("claims:\n  - id: [unclosed\n", "utf-8")
    (ledger / "bb-claims.yaml").write_text(
        "claims:\n"
        + CLAIM.format(ident="caci-mirza-olang-date", prop="killed", value="12")
        + CLAIM.format(ident="bb-wrong", prop="killed", value="a great many")
        + CLAIM.format(ident="bb-fine", prop="killed", value="over 50").replace(
            "caci-2017-11-13", "no-such-source"
        ),
        "utf-8",
    )
    return ledger


def test_the_shipped_ledger_parses_the_same_in_other_processes() -> None:
    assert parsed(SHIPPED, 2) == parsed(SHIPPED, 1)


def test_a_broken_ledger_gives_the_same_records_and_problems_in_the_same_order(
    broken: Path,
) -> None:
    alone, apart = parsed(broken, 1), parsed(broken, 2)
    assert apart == alone
    assert any("aa-not-yaml.yaml" in p for p in alone[1])
    assert any("bb-claims.yaml" in p for p in alone[1])


def test_a_file_that_declares_properties_unseen_gives_the_rest_what_one_process_would(
    tmp_path: Path,
) -> None:
    """A JSON file of one line declares a property without the key at the start of a line
    (where load._declares looks): the files after it are parsed with the property known."""
    ledger = tmp_path / "claims"
    shutil.copytree(SHIPPED, ledger)
    (ledger / "aa-declares.json").write_text(
        '{"properties": [{"id": "evacuated-on", "kind": "date"}]}', "utf-8"
    )
    (ledger / "bb-uses.yaml").write_text(
        "claims:\n" + CLAIM.format(ident="bb-date", prop="evacuated-on", value="2017-08-05"),
        "utf-8",
    )
    alone, apart = parsed(ledger, 1), parsed(ledger, 2)
    assert apart == alone
    uses = [c.record for part in alone[0] for c in part.claims if c.record.id == "bb-date"]
    assert uses and not any("bb-uses.yaml" in p for p in alone[1])


def test_the_check_cache_is_filled_and_read_the_same_from_other_processes(
    broken: Path, tmp_path: Path
) -> None:
    place = caching.CachePlace(tmp_path / "cache", asked=True)
    first = caching.CheckCache.open(place)
    assert parsed(broken, 2, first) == parsed(broken, 1)
    kept = sorted(p.name for p in first.folder.joinpath(load.FILES).iterdir())
    alone = caching.CheckCache.open(caching.CachePlace(tmp_path / "other", asked=True))
    parsed(broken, 1, alone)
    assert kept == sorted(p.name for p in alone.folder.joinpath(load.FILES).iterdir())
    again = caching.CheckCache.open(place)
    assert parsed(broken, 2, again) == parsed(broken, 1)


def test_without_jobs_a_small_ledger_is_parsed_here_and_a_large_one_apart_on_a_free_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    monkeypatch.setattr("os.getloadavg", lambda: (0.2, 0.2, 0.2))
    assert pool.parsers(None, pool.PARALLEL_FROM_BYTES - 1) == 0
    assert pool.parsers(None, pool.PARALLEL_FROM_BYTES) == 1
    assert pool.parsers(1, 10 * pool.PARALLEL_FROM_BYTES) == 0
    assert pool.parsers(2, 0) == 1
    monkeypatch.setattr("os.getloadavg", lambda: (1.0, 1.0, 1.0))  # other work on a core
    assert pool.parsers(None, pool.PARALLEL_FROM_BYTES) == 0
    assert pool.parsers(2, 0) == 1  # asked for all the same
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    monkeypatch.setattr("os.getloadavg", lambda: (0.0, 0.0, 0.0))
    assert pool.parsers(None, pool.PARALLEL_FROM_BYTES) == 0


def run(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(cli.main, list(args))
    return done.exit_code, done.stdout, done.stderr


def test_import_and_check_report_the_same_with_one_process_or_two(
    broken: Path, tmp_path: Path
) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    imported = run("import", str(broken), "--db", str(one), "--jobs", "1")
    assert imported[0] == 2
    assert run("import", str(broken), "--db", str(two), "--jobs", "2") == imported
    for db in (one, two):  # all or nothing
        with sqlite3.connect(db) as connection:
            assert connection.execute("SELECT count(*) FROM claim").fetchone() == (0,)
    checked = run("check", str(broken), "--no-cache", "--format", "json", "--jobs", "1")
    assert checked[0] == 2
    assert run("check", str(broken), "--no-cache", "--format", "json", "--jobs", "2") == checked


def test_a_sound_ledger_imports_the_same_rows_in_the_same_order(tmp_path: Path) -> None:
    """Every table, row for row: the rows made where the files were parsed
    (importing.made_rows) are those made here."""
    dumps, again = [], []
    for jobs in ("1", "2"):
        db = tmp_path / f"{jobs}.db"
        assert run("import", str(SHIPPED), "--db", str(db), "--jobs", jobs)[0] == 0
        status, out, err = run("import", str(SHIPPED), "--db", str(db), "--jobs", jobs)
        again.append((status, out.replace(str(db), "DB"), err))
        with sqlite3.connect(db) as connection:
            query = "SELECT name FROM sqlite_master WHERE type = 'table'"
            tables = [t for (t,) in connection.execute(query) if t != "alembic_version"]
            dumps.append(
                {
                    t: connection.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall()
                    for t in tables
                }
            )
    assert dumps[0] == dumps[1] and dumps[0]["claim"] and dumps[0]["claim_mention"]
    assert again[0] == again[1] and "unchanged" in again[0][1]  # compared by digest
