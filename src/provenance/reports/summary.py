"""The summary printed after an import: what the database now holds and what changed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tabulate import tabulate

from provenance.views import ImportResult

RECORDS = ("sources", "entities", "claims")


def render_import(paths: Sequence[Path], result: ImportResult) -> str:
    counts = result.counts
    rows: list[tuple[object, ...]] = [
        (
            name,
            result.totals[name],
            counts.added.get(name, 0),
            counts.changed.get(name, 0),
            counts.unchanged.get(name, 0),
            counts.removed.get(name, 0),
        )
        for name in RECORDS
    ]
    rows.append(("reviews", result.totals["reviews"], counts.reviews_added, 0, "", 0))
    table = tabulate(
        rows,
        headers=("record", "stored", "added", "changed", "unchanged", "removed"),
        tablefmt="simple",
    )
    given = " ".join(str(p) for p in paths)
    return f"imported {given} into {result.database}\n{table}"
