"""How long the command line takes to start and to check the shipped ledger: wall time of
`provenance --help`, `--version`, `rules` and `check claims/` (each run several times, in
fresh interpreters), and the slowest imports of each by ``python -X importtime``.

    .venv/bin/python benchmarks/startup.py [--runs N]

Prints a Markdown table; nothing is written. The figures in RESULTS.md ("Start-up") come
from it. Timings are measured here, never asserted by tests (tests/test_startup.py checks
which libraries a command loads instead)."""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = (("--help",), ("--version",), ("rules",), ("check", "claims/"))
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def wall(args: tuple[str, ...]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "provenance", *args], cwd=ROOT, capture_output=True, check=False
    )
    return time.perf_counter() - started


def slowest_imports(args: tuple[str, ...], count: int) -> list[tuple[str, float]]:
    """The top-level imports that took longest (cumulative), in milliseconds."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "provenance", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    found = []
    for match in IMPORT_LINE.finditer(done.stderr):
        cumulative, indent, name = int(match[2]), len(match[3]), match[4]
        if indent <= 1:  # imported by the program itself, not by another import
            found.append((name, cumulative / 1000))
    return sorted(found, key=lambda item: -item[1])[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--imports", type=int, default=4, help="slowest imports shown")
    options = parser.parse_args()
    print("| command | wall, s (min / median / max) | slowest imports, ms (cumulative) |")
    print("| --- | --- | --- |")
    for args in COMMANDS:
        times = sorted(wall(args) for _ in range(options.runs))
        spread = f"{times[0]:.2f} / {statistics.median(times):.2f} / {times[-1]:.2f}"
        imports = ", ".join(f"{n} {ms:.0f}" for n, ms in slowest_imports(args, options.imports))
        print(f"| `provenance {' '.join(args)}` | {spread} | {imports} |")


if __name__ == "__main__":
    main()
