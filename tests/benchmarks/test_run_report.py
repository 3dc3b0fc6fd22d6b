"""benchmarks/run.py's report: which targets a run meets, and how RESULTS.md is rewritten."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import run


def imported(seconds: float, floor: float, peak_mb: float) -> dict[str, Any]:
    half = floor / 2
    return {"seconds": seconds, "peak_mb": peak_mb, "floor": floor, "floor_parse": half,
            "floor_insert": half, "rows": 3, "files": 1}  # fmt: skip


def checked(seconds: float) -> dict[str, Any]:
    return {"seconds": seconds, "peak_mb": 100.0, "conflicts": 1, "timings": {"rule": seconds}}


def verdicts(result: Any) -> dict[tuple[str, str], str]:
    return {(row[0], row[1]): row[-1] for row in run.summary(result)}


def full_run(import_1m: float, check_1m: float, check_100k: float) -> Any:
    result = run.Run(run.FULL)
    result.imports = {100_000: imported(30, 10, 150), 1_000_000: imported(import_1m, 100, 700)}
    result.checks = {100_000: checked(check_100k), 1_000_000: checked(check_1m)}
    return result


def test_the_million_claim_targets_are_judged_and_smaller_sizes_are_not() -> None:
    found = verdicts(full_run(import_1m=190, check_1m=55, check_100k=4))
    assert found[("import (SQLite)", "1M")] == "met"
    assert found[("import (SQLite)", "100k")] == ""  # 3x its floor, but no target there
    assert found[("check (SQLite)", "1M")] == "met"
    assert found[("check growth 100k → 1M", "")] == "**missed**"  # 55 / 4: 13.75x
    found = verdicts(full_run(import_1m=201, check_1m=61, check_100k=6))
    assert found[("import (SQLite)", "1M")] == "**missed**"
    assert found[("check (SQLite)", "1M")] == "**missed**"
    assert found[("check growth 100k → 1M", "")] == "met"


def test_import_misses_when_memory_passes_two_gibibytes() -> None:
    result = full_run(import_1m=150, check_1m=50, check_100k=5)
    result.imports[1_000_000]["peak_mb"] = 2049.0
    assert verdicts(result)[("import (SQLite)", "1M")] == "**missed**"


def quality(recall: float, precision: float) -> dict[str, Any]:
    score = {"injected": 50, "found": 50, "recall": recall, "reported": 50,
             "precision": precision, "lookalikes_flagged": 0}  # fmt: skip
    perfect = dict(score, recall=1.0, precision=1.0)
    return {"claims": 100_000, "seconds": 1.0, "scores": {"a": perfect, "b": score}}


@pytest.mark.parametrize(
    ("recall", "precision", "verdict"),
    [(0.98, 0.95, "met"), (0.979, 1.0, "**missed**"), (1.0, 0.949, "**missed**")],
)
def test_quality_is_judged_by_the_worst_rule(recall: float, precision: float, verdict: str) -> None:
    result = run.Run(run.FULL)
    result.quality = quality(recall, precision)
    assert verdicts(result)[("rule quality (every rule)", "100k")] == verdict


def test_a_full_run_replaces_only_its_own_section(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    results = tmp_path / "RESULTS.md"
    results.write_text(
        f"# Benchmark results\n\nbefore\n\n{run.START}\nold figures\n{run.END}\n\nafter\n", "utf-8"
    )
    monkeypatch.setattr(run, "RESULTS", results)
    run.write_results("new figures")
    text = results.read_text("utf-8")
    assert "old figures" not in text and "new figures" in text
    assert text.startswith("# Benchmark results\n\nbefore\n\n") and text.endswith("\nafter\n")
    run.write_results("newer figures")
    assert text.replace("new figures", "newer figures") == results.read_text("utf-8")
