"""An import killed at a random moment (SIGKILL: no handler, no clean-up) leaves the database
holding the ledger it held before, intact."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_bad_inputs import SHIPPED, snapshot

from benchmarks import synth
from provenance import api

TRIALS = 20
PROVENANCE = str(Path(sys.executable).with_name("provenance"))


def import_command(ledger: Path, url: str) -> list[str]:
    return [PROVENANCE, "import", str(ledger), "--db", url]


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("large")
    synth.generate(6000, out, seed=3, importable=True)
    return out / "ledger"


def test_an_import_killed_at_random_moments_leaves_the_previous_ledger_intact(
    large: Path, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    url = f"sqlite:///{db}"
    api.import_ledger([SHIPPED], url)
    before = snapshot(url)
    backup = tmp_path / "backup.db"
    shutil.copy(db, backup)

    # how long a whole import takes here, on a scratch copy
    scratch = tmp_path / "scratch.db"
    shutil.copy(backup, scratch)
    started = time.perf_counter()
    subprocess.run(import_command(large, f"sqlite:///{scratch}"), check=True, capture_output=True)
    whole = time.perf_counter() - started
    imported = counts(snapshot(f"sqlite:///{scratch}"))

    rng = random.Random(20261121)
    killed = finished = 0
    while killed < TRIALS:
        assert finished < TRIALS, "the import keeps finishing before it is killed"
        process = subprocess.Popen(
            import_command(large, url), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.05, 0.95) * whole)
        process.send_signal(signal.SIGKILL)
        status = process.wait()
        with sqlite3.connect(db) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        now = snapshot(url)
        if now == before:
            assert status == -signal.SIGKILL
            killed += 1
            continue
        # Only a whole import may have landed: one that committed before the kill (or ended).
        assert counts(now) == imported, f"after {killed} trials: a half-written import"
        finished += 1
        for stale in tmp_path.glob("ledger.db*"):
            stale.unlink()
        shutil.copy(backup, db)
    assert killed == TRIALS


def counts(tables: dict[str, list[tuple[object, ...]]]) -> dict[str, int]:
    return {name: len(found) for name, found in tables.items()}
