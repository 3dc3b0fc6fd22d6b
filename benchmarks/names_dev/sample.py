"""Redraw the hand-labelled sample of dev positives and check sample.csv against it.

``python -m benchmarks.names_dev.sample`` prints the rows drawn (seed 14, 420 positives) and
whether sample.csv holds exactly those rows with the same names; labels are read, not made.
"""

from __future__ import annotations

import csv
import random
import sys
from collections import Counter

from benchmarks.names_dev.devset import SAMPLE, load

SEED = 14
SIZE = 420


def drawn_rows() -> list[int]:
    positives = [p.row for p in load() if p.pair_type == "pos"]
    return random.Random(SEED).sample(positives, SIZE)


def main() -> int:
    rows = drawn_rows()
    by_row = {p.row: p for p in load()}
    with SAMPLE.open(newline="", encoding="utf-8") as f:
        stored = list(csv.DictReader(f))
    ok = [int(r["row"]) for r in stored] == rows and all(
        (r["name_a"], r["name_b"]) == (by_row[int(r["row"])].name_a, by_row[int(r["row"])].name_b)
        for r in stored
    )
    print(f"{len(rows)} rows drawn with seed {SEED}; sample.csv matches: {ok}")
    print(dict(Counter(r["label"] for r in stored)))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
