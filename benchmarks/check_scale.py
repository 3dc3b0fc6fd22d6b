"""`provenance check` on generated ledgers: wall time, peak memory and time per rule, with
the floor measured in the same run (reading the same files with yaml.CSafeLoader), and the
result written to benchmarks/RESULTS.md.

    python benchmarks/check_scale.py 100000          # generate (cached) and measure
    python benchmarks/check_scale.py 10000 --quick   # small, for CI
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import yaml
from tabulate import tabulate

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- check-scale:start -->", "<!-- check-scale:end -->"

CHILD = """
import json, resource, sys, time
from pathlib import Path
from provenance import api
from provenance.config import Settings
started = time.perf_counter()
result = api.check([Path(sys.argv[1])], None, Settings())
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak, "conflicts": len(result.conflicts),
                  "timings": dict(result.timings)}))
"""


def ledger_for(claims: int, seed: int) -> Path:
    folder = DATA / f"ledger-{claims}-{seed}"
    if not (folder / "sources.yaml").exists():
        subprocess.run(
            [
                sys.executable,
                str(HERE / "generate.py"),
                str(claims),
                str(folder),
                "--seed",
                str(seed),
            ],
            check=True,
        )
    return folder


def floor(folder: Path) -> float:
    """Reading every file of the ledger with libyaml's loader: nothing can be faster."""
    started = time.perf_counter()
    for path in sorted(folder.rglob("*.yaml")):
        yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
    return time.perf_counter() - started


def measure(folder: Path) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, str(folder)], check=True, capture_output=True, text=True
    )
    measured: dict[str, object] = json.loads(run.stdout)
    return measured


def report(claims: int, folder: Path, measured: dict[str, object], base: float) -> str:
    seconds = float(str(measured["seconds"]))
    timings = measured["timings"]
    assert isinstance(timings, dict)
    rows = [
        ("claims", f"{claims:,}"),
        ("files", len(list(folder.rglob("*.yaml")))),
        ("check wall time", f"{seconds:.1f} s"),
        ("peak memory (RSS)", f"{measured['peak_mb']:.0f} MB"),
        ("conflicts found", f"{measured['conflicts']:,}"),
        ("floor: read the files with CSafeLoader", f"{base:.1f} s"),
        ("check / floor", f"{seconds / base:.1f}x"),
    ]
    rows += [
        (f"  rule {rule}", f"{t:.2f} s") for rule, t in sorted(timings.items(), key=lambda x: -x[1])
    ]
    return tabulate(rows, headers=("measure", "value"), tablefmt="github")


def record(table: str, claims: int) -> None:
    machine = (
        f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )
    section = (
        f"{START}\n## check at scale\n\n`python benchmarks/check_scale.py {claims}` on "
        f"{date.today().isoformat()} ({machine}, 2 cores); generated ledger (seed 7), "
        f"checked from YAML through the in-memory store, all 11 rules.\n\n{table}\n{END}"
    )
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    if START in text:
        text = text.split(START)[0] + section + text.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(text, "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int, nargs="?", default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--quick", action="store_true", help="measure without writing RESULTS.md")
    args = parser.parse_args()
    folder = ledger_for(args.claims, args.seed)
    base = floor(folder)
    measured = measure(folder)
    table = report(args.claims, folder, measured, base)
    print(table)
    if not args.quick:
        record(table, args.claims)


if __name__ == "__main__":
    main()
