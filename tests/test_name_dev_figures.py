"""The names dev-set figures do not regress (scores, not timings); skipped without the data."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = str(Path(__file__).resolve().parents[1])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
devset = importlib.import_module("benchmarks.names_dev.devset")
measure = importlib.import_module("benchmarks.names_dev.measure")

# Floors (and ceilings for merges) a little below the figures in benchmarks/RESULTS.md.
FLOORS = {
    "warning precision": 0.99,
    "warning recall, spelling variants": 0.69,
    "review recall, spelling variants": 0.85,
    "recall at precision 0.95": 0.72,
}
CEILINGS = {"warning hard negatives": 0.006, "review hard negatives": 0.05}


@pytest.fixture(scope="module")
def hold() -> list[object]:
    if not devset.pairs_path().exists():
        pytest.skip(f"names dev set not found at {devset.pairs_path()}")
    return [r for r in measure.score(devset.load()) if r.pair.part == "hold"]


def test_dev_figures_do_not_regress(hold: list[object]) -> None:
    got = {row[0]: float(row[2]) for row in measure.target_rows(hold)}  # type: ignore[arg-type]
    for name, floor in FLOORS.items():
        assert got[name] >= floor, (name, got[name])
    for name, ceiling in CEILINGS.items():
        assert got[name] <= ceiling, (name, got[name])


def test_the_sample_is_the_seeded_draw() -> None:
    if not devset.pairs_path().exists():
        pytest.skip("names dev set not found")
    sample = importlib.import_module("benchmarks.names_dev.sample")
    assert sample.main() == 0
