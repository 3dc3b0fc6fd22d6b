"""Eight analysts recording reviews into one ledger folder's reviews.yaml at once: every
review kept once, the file still a sound ledger file, and nothing left behind."""

from __future__ import annotations

import multiprocessing
import shutil
import traceback
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml
from click.testing import CliRunner
from test_bad_inputs import SHIPPED

from provenance import api
from provenance.cli import main
from provenance.model import Review, Verdict

ANALYSTS, EACH = 8, 50
START = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


def record(folder: Path, analyst: int, results: multiprocessing.Queue[list[str]]) -> None:
    """One analyst's session: EACH reviews appended to the folder's reviews.yaml."""
    failures: list[str] = []
    target = api.ReviewTarget(folder, None)
    for n in range(EACH):
        review = Review(
            conflict=f"numeric-conflict:{analyst:04x}{n:08x}",
            verdict=Verdict.DISPUTED,
            reviewer=f"analyst-{analyst}",
            at=START + timedelta(seconds=n),
            note=f"review {n} by analyst {analyst}\nsecond line of the note",
        )
        try:
            api.record_review(target, review)
        except BaseException:  # every failure is counted, whatever it is
            failures.append(traceback.format_exc())
    results.put(failures)


def test_eight_analysts_append_400_reviews_to_one_reviews_file(tmp_path: Path) -> None:
    ledger = tmp_path / "claims"
    shutil.copytree(SHIPPED, ledger)
    before = (ledger / "reviews.yaml").read_text("utf-8")
    shipped = len(yaml.safe_load(before)["reviews"])
    forked = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[list[str]] = forked.Queue()
    analysts = [forked.Process(target=record, args=(ledger, a, results)) for a in range(ANALYSTS)]
    for process in analysts:
        process.start()
    failures = [failure for _ in analysts for failure in results.get(timeout=600)]
    for process in analysts:
        process.join(timeout=60)
        assert process.exitcode == 0
    assert failures == [], failures[0]

    text = (ledger / "reviews.yaml").read_text("utf-8")
    assert text.startswith(before)  # the earlier reviews, as they were written
    kept = yaml.safe_load(text)["reviews"][shipped:]
    conflicts = [r["conflict"] for r in kept]
    assert len(conflicts) == len(set(conflicts)) == ANALYSTS * EACH == 400
    for analyst in range(ANALYSTS):  # each analyst's reviews in the order they were made
        mine = [r["note"] for r in kept if r["reviewer"] == f"analyst-{analyst}"]
        assert mine == [
            f"review {n} by analyst {analyst}\nsecond line of the note" for n in range(EACH)
        ]
    assert sorted(p.name for p in ledger.iterdir() if p.name.startswith(".")) == []
    result = CliRunner().invoke(main, ["check", str(ledger), "--include-reviewed"])
    assert result.exit_code == 1, result.output  # the ledger still reads (and has conflicts)
