"""Eight analysts recording reviews into one database at once: every review stored once, none
lost, and no "database is locked" reaching anyone."""

from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select
from test_bad_inputs import SHIPPED, snapshot

from provenance import api
from provenance.cli import main
from provenance.db import engine as engine_module
from provenance.db import rows
from provenance.model import Review, Verdict

ANALYSTS, EACH = 8, 200
START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def record(url: str, analyst: int, results: multiprocessing.Queue[list[str]]) -> None:
    """One analyst's session: EACH reviews, one command's transaction each."""
    failures: list[str] = []
    target = api.ReviewTarget(None, url)
    for n in range(EACH):
        review = Review(
            conflict=f"numeric-conflict:{analyst:04x}{n:08x}",
            verdict=Verdict.DISPUTED,
            reviewer=f"analyst-{analyst}",
            at=START + timedelta(seconds=n),
            note=f"review {n} by analyst {analyst}",
        )
        try:
            api.record_review(target, review)
        except BaseException:  # every failure is counted, whatever it is
            failures.append(traceback.format_exc())
    results.put(failures)


def test_eight_analysts_record_1600_reviews_at_once(db_url: str) -> None:
    api.import_ledger([SHIPPED], db_url)
    forked = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[list[str]] = forked.Queue()
    analysts = [forked.Process(target=record, args=(db_url, a, results)) for a in range(ANALYSTS)]
    for process in analysts:
        process.start()
    failures = [failure for _ in analysts for failure in results.get(timeout=600)]
    for process in analysts:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert failures == [], failures[0]

    engine = create_engine(api.database_url(db_url))
    try:
        with engine.connect() as connection:
            table = rows.REVIEW
            ours = table.c.conflict_id.like("numeric-conflict:%")
            stored = connection.execute(select(func.count()).where(ours)).scalar_one()
            distinct = connection.execute(
                select(func.count(func.distinct(table.c.conflict_id))).where(ours)
            ).scalar_one()
            by_analyst = dict(
                connection.execute(
                    select(table.c.reviewer, func.count()).where(ours).group_by(table.c.reviewer)
                ).all()
            )
    finally:
        engine.dispose()
    assert stored == distinct == ANALYSTS * EACH == 1600
    assert by_analyst == {f"analyst-{a}": EACH for a in range(ANALYSTS)}


def test_a_writer_kept_waiting_too_long_gets_a_clear_message_and_nothing_is_written(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.import_ledger([SHIPPED], sqlite_url)
    before = snapshot(sqlite_url)
    ledger = tmp_path / "claims"
    shutil.copytree(SHIPPED, ledger)
    (ledger / "more.yaml").write_text(
        "sources:\n  - {id: late-wire, title: Late wire, kind: wire, reliability: C}\n", "utf-8"
    )
    monkeypatch.setattr(engine_module, "SQLITE_BUSY_MS", 300)  # the wait, made short
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another analyst's import, mid-write
    try:
        result = CliRunner().invoke(main, ["import", str(ledger), "--db", sqlite_url])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 2, result.output
    assert "stayed busy with another writer for 0.3 s" in result.output
    assert "run the command again" in result.output
    assert "Traceback" not in result.output
    assert snapshot(sqlite_url) == before
