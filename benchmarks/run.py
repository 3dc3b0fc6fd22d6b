"""Every scale benchmark in one run: import, check, the spelling-variant candidate search and
rule quality on generated ledgers, each against a baseline measured in the same run; prints
a table and writes it to benchmarks/RESULTS.md.

    python benchmarks/run.py            # the full run: 10k, 100k and 1M claims (about 20 min)
    python benchmarks/run.py --quick    # small sizes, under 2 minutes; prints only

Both end with the real-reporting benchmark's figures (benchmarks/realworld, a few seconds).

Ledgers come from the ground-truth generator (benchmarks/synth.py, seed 7) and are kept
under benchmarks/.data/ between runs. Every measurement runs in a process of its own
(benchmarks/measure.py), so its peak memory is its own. PostgreSQL is measured in a scratch
database, ``provenance_bench``, on the server of ``PROVENANCE_BENCH_PG`` (default
postgresql://127.0.0.1:5432/test, which is only used to create and drop it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from tabulate import tabulate

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DATA = HERE / ".data"
RESULTS = HERE / "RESULTS.md"
START, END = "<!-- scale:start -->", "<!-- scale:end -->"
PG_DEFAULT = "postgresql://127.0.0.1:5432/test"
PG_DATABASE = "provenance_bench"
GiB = 1024.0

Result = dict[str, Any]


@dataclass(frozen=True)
class Plan:
    """The sizes one run measures."""

    imports: tuple[int, ...]  # import and check from the database
    yaml_checks: tuple[int, ...]  # check from the ledger files
    names: tuple[tuple[int, int], ...]  # (distinct names, exhaustive rows sampled; 0: all)
    quality: int
    postgres: int
    incremental: tuple[int, ...] = ()  # check of files, cold and warm after a one-file change
    seed: int = 7


FULL = Plan(
    (10_000, 100_000, 1_000_000),
    (10_000, 100_000),
    ((10_000, 0), (100_000, 2_000)),
    100_000,
    100_000,
    (10_000, 100_000),
)
QUICK = Plan((2_000, 10_000), (2_000, 10_000), ((2_000, 0), (10_000, 0)), 10_000, 10_000, (2_000,))


@dataclass
class Run:
    """Everything one run measured, by benchmark."""

    plan: Plan
    imports: dict[int, Result] = field(default_factory=dict)
    checks: dict[int, Result] = field(default_factory=dict)
    yaml_checks: dict[int, Result] = field(default_factory=dict)
    spelling: dict[int, Result] = field(default_factory=dict)
    incremental: dict[int, Result] = field(default_factory=dict)
    quality: Result | None = None
    postgres: Result | None = None
    shipped: Result | None = None
    notes: list[str] = field(default_factory=list)


# -- running one measurement ------------------------------------------------------------------


def measure(task: str, *args: str) -> Result:
    """One measurement in a process of its own (benchmarks/measure.py)."""
    command = [sys.executable, "-m", "benchmarks.measure", task, *args]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command)}\n{done.stderr}")
    result: Result = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def ledger(claims: int, seed: int, importable: bool) -> Path:
    """A generated ledger (its folder holds ledger/ and ground_truth.json), made once."""
    folder = DATA / f"synth-{claims}-{seed}{'i' if importable else ''}"
    if not (folder / "ground_truth.json").exists():
        say(f"generating {claims:,} claims into {folder.relative_to(ROOT)}")
        command = [sys.executable, "-m", "benchmarks.synth", str(claims), str(folder)]
        command += ["--seed", str(seed), *(["--importable"] if importable else [])]
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return folder


def names_file(count: int, seed: int) -> Path:
    path = DATA / f"names-{count}-{seed}.txt"
    if not path.exists():
        measure("names", str(count), str(path), f"--seed={seed}")
    return path


def scratch(name: str) -> Path:
    path = DATA / "work" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in path.parent.glob(path.name + "*"):  # the database and its -wal/-shm
        stale.unlink()
    return path


# -- the benchmarks ---------------------------------------------------------------------------


def bench_import(run: Run, claims: int) -> None:
    """`import` of the ledger into a new SQLite file, against the floor: libyaml parsing the
    same files plus bare sqlite3 executemany of the same rows in one transaction."""
    folder = ledger(claims, run.plan.seed, importable=True) / "ledger"
    db = scratch(f"import-{claims}.db")
    say(f"import {claims:,}")
    found = measure("import", str(folder), f"sqlite:///{db}")
    say(f"floor {claims:,}: parse")
    parse = measure("parse-floor", str(folder))
    say(f"floor {claims:,}: insert")
    insert = measure("insert-floor", str(db), str(scratch(f"floor-{claims}.db")))
    found["floor_parse"], found["floor_insert"] = parse["seconds"], insert["seconds"]
    found["floor"] = parse["seconds"] + insert["seconds"]
    found["rows"], found["files"] = insert["rows"], parse["files"]
    found["db"] = str(db)
    run.imports[claims] = found


def bench_check(run: Run, claims: int) -> None:
    db = run.imports[claims]["db"]
    say(f"check {claims:,} from the database")
    run.checks[claims] = measure("check", f"sqlite:///{db}")


def bench_yaml_check(run: Run, claims: int) -> None:
    folder = ledger(claims, run.plan.seed, importable=True) / "ledger"
    say(f"check {claims:,} from YAML")
    run.yaml_checks[claims] = measure("check", str(folder))


def bench_incremental(run: Run, claims: int) -> None:
    """A check of ledger files through the check cache: the full check without a cache (the
    baseline), the cold check that fills the cache, then one claims file changed (a claim
    added), and the warm check after it against a full check of the changed ledger; the
    warm and full checks must report the same (``same``: the digests of what they report)."""
    source = ledger(claims, run.plan.seed, importable=True) / "ledger"
    work = DATA / "work" / f"incremental-{claims}"
    shutil.rmtree(work, ignore_errors=True)
    folder, cache = work / "ledger", work / "cache"
    shutil.copytree(source, folder)
    say(f"check {claims:,} from YAML: full, cold with the cache, warm after a one-file change")
    full = measure("check", str(folder))
    cold = measure("check", str(folder), str(cache))
    changed = one_file_changed(folder)
    warm = measure("check", str(folder), str(cache))
    after = measure("check", str(folder))
    run.incremental[claims] = {
        "full": full,
        "cold": cold,
        "warm": warm,
        "after": after,
        "changed": str(changed.relative_to(folder)),
        "same": warm["digest"] == after["digest"],
    }
    if not run.incremental[claims]["same"]:
        raise SystemExit(f"the warm check of {claims:,} claims differs from the full check")
    shutil.rmtree(work, ignore_errors=True)


def one_file_changed(folder: Path) -> Path:
    """Adds to the first claims file a copy of its last claim under a new id."""
    path = sorted((folder / "claims").rglob("*.yaml"))[0]
    text = path.read_text("utf-8")
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    copy = last.replace("{id: ", "{id: bench-edit-", 1)
    path.write_text(text.rstrip("\n") + "\n" + copy + "\n", "utf-8")
    return path


def bench_spelling(run: Run, count: int, sample: int) -> None:
    say(f"spelling-variant search over {count:,} names")
    path = names_file(count, run.plan.seed)
    run.spelling[count] = measure("spelling", str(path), f"--sample={sample}")


def bench_quality(run: Run) -> None:
    folder = ledger(run.plan.quality, run.plan.seed, importable=False)
    say(f"rule quality at {run.plan.quality:,}")
    run.quality = measure("quality", str(folder)) | {"claims": run.plan.quality}


def bench_postgres(run: Run) -> None:
    """Import and check in a scratch PostgreSQL database, dropped afterwards."""
    server = os.environ.get("PROVENANCE_BENCH_PG", PG_DEFAULT)
    try:
        import psycopg
    except ImportError:
        run.notes.append("PostgreSQL not measured: psycopg is not installed")
        return
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.Error as error:
        run.notes.append(f"PostgreSQL not measured: {server} does not answer ({error})")
        return
    claims = run.plan.postgres
    folder = ledger(claims, run.plan.seed, importable=True) / "ledger"
    url = server.rsplit("/", 1)[0] + f"/{PG_DATABASE}"
    with admin:
        try:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
            admin.execute(f"CREATE DATABASE {PG_DATABASE}")
        except psycopg.Error as error:
            run.notes.append(f"PostgreSQL not measured: cannot create {PG_DATABASE} ({error})")
            return
        try:
            say(f"import {claims:,} into PostgreSQL")
            imported = measure("import", str(folder), url)
            say(f"check {claims:,} on PostgreSQL")
            checked = measure("check", url)
            version = admin.execute("SHOW server_version").fetchone()
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE}")
    run.postgres = {
        "claims": claims,
        "import": imported,
        "check": checked,
        "version": version[0] if version else "?",
    }


def bench_shipped(run: Run, repeats: int = 5) -> None:
    """`provenance check claims/` as an analyst runs it: the whole command, start-up included."""
    command = [str(Path(sys.executable).with_name("provenance")), "check", "claims/"]
    walls: list[float] = []
    for _ in range(repeats):
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
        walls.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise SystemExit(f"`provenance check claims/` exited {done.returncode}")
    run.shipped = {"seconds": statistics.median(walls), "repeats": repeats}


def measure_all(plan: Plan) -> Run:
    run = Run(plan)
    bench_shipped(run)
    for claims in plan.imports:
        bench_import(run, claims)
        bench_check(run, claims)
    for claims in plan.yaml_checks:
        bench_yaml_check(run, claims)
    for claims in plan.incremental:
        bench_incremental(run, claims)
    for count, sample in plan.names:
        bench_spelling(run, count, sample)
    bench_quality(run)
    bench_postgres(run)
    return run


# -- reporting --------------------------------------------------------------------------------


def size(n: int) -> str:
    for unit, scale in (("M", 1_000_000), ("k", 1_000)):
        if n >= scale and n % scale == 0:
            return f"{n // scale}{unit}"
    return f"{n:,}"


def verdict(met: bool | None) -> str:
    return "" if met is None else ("met" if met else "**missed**")


def summary(run: Run) -> list[list[str]]:
    """Rows: benchmark, size, wall, peak, baseline, ratio, target, met."""
    rows: list[list[str]] = []
    largest = max(run.plan.imports)

    def row(
        what: str,
        n: str,
        wall: float,
        peak: float | None,
        base: str = "",
        ratio: str = "",
        target: str = "",
        met: bool | None = None,
    ) -> None:
        peak_text = f"{peak:,.0f} MB" if peak is not None else ""
        rows.append([what, n, f"{wall:,.1f} s", peak_text, base, ratio, target, verdict(met)])

    if run.shipped:
        wall = run.shipped["seconds"]
        row("check claims/ (shipped, CLI)", "93", wall, None, "", "", "≤ 1 s", wall <= 1.0)
    for n, found in run.imports.items():
        ratio = found["seconds"] / found["floor"]
        base = f"floor {found['floor']:.1f} s"
        is_target = n == largest and n >= 1_000_000
        met = ratio <= 2.0 and found["peak_mb"] <= 2 * GiB if is_target else None
        target = "≤ 2× floor, ≤ 2 GiB" if is_target else ""
        row(
            "import (SQLite)",
            size(n),
            found["seconds"],
            found["peak_mb"],
            base,
            f"{ratio:.2f}×",
            target,
            met,
        )
    for n, found in run.checks.items():
        is_target = n == largest and n >= 1_000_000
        met = found["seconds"] <= 60 if is_target else None
        row(
            "check (SQLite)",
            size(n),
            found["seconds"],
            found["peak_mb"],
            "",
            "",
            "≤ 60 s" if is_target else "",
            met,
        )
    sizes = sorted(run.checks)
    if len(sizes) >= 2:
        small, big = sizes[-2], sizes[-1]
        growth = run.checks[big]["seconds"] / run.checks[small]["seconds"]
        is_target = big == 10 * small and big >= 1_000_000
        rows.append(
            [
                f"check growth {size(small)} → {size(big)}",
                "",
                "",
                "",
                f"{big // small}× the claims",
                f"{growth:.1f}×",
                "≤ 12×" if is_target else "",
                verdict(growth <= 12 if is_target else None),
            ]
        )
    for n, found in run.yaml_checks.items():
        row("check (YAML files)", size(n), found["seconds"], found["peak_mb"])
    for n, found in run.incremental.items():
        cold, warm, after = found["cold"]["seconds"], found["warm"]["seconds"], found["after"]
        is_target = n >= 1_000_000
        row(
            "check (YAML), cold, filling the cache",
            size(n),
            cold,
            found["cold"]["peak_mb"],
            f"no cache {found['full']['seconds']:.1f} s",
            f"{cold / found['full']['seconds']:.2f}×",
        )
        row(
            "check (YAML), warm, one file changed",
            size(n),
            warm,
            found["warm"]["peak_mb"],
            f"full {after['seconds']:.1f} s",
            f"{100 * warm / after['seconds']:.0f} %; " + ("same" if found["same"] else "DIFFERS"),
            "≤ 5 s and ≤ 5 %" if is_target else "",
            warm <= 5 and warm <= 0.05 * after["seconds"] if is_target else None,
        )
    for n, found in run.spelling.items():
        speedup = found["speedup"]
        loss = 100 * (1 - found["recall"])
        extrapolated = " (extrapolated)" if found["exhaustive_extrapolated"] else ""
        is_target = n >= 100_000
        met = speedup >= 20 and loss <= 1 if is_target else None
        row(
            f"spelling search, {size(n)} names",
            size(n),
            found["blocking_seconds"],
            None,
            f"cdist {found['exhaustive_seconds']:.1f} s{extrapolated}",
            f"{speedup:.0f}× faster; recall {found['recall']:.3f}",
            "≥ 20×, loss ≤ 1 pt" if is_target else "",
            met,
        )
    if run.quality:
        scores = run.quality["scores"]
        worst_recall = min(s["recall"] for s in scores.values())
        worst_precision = min(s["precision"] for s in scores.values())
        is_target = run.quality["claims"] >= 100_000
        met = worst_recall >= 0.98 and worst_precision >= 0.95 if is_target else None
        row(
            "rule quality (every rule)",
            size(run.quality["claims"]),
            run.quality["seconds"],
            None,
            "ground truth",
            f"worst recall {worst_recall:.3f}, precision {worst_precision:.3f}",
            "recall ≥ 0.98, precision ≥ 0.95" if is_target else "",
            met,
        )
    if run.postgres:
        found, n = run.postgres, run.postgres["claims"]
        row("import (PostgreSQL)", size(n), found["import"]["seconds"], found["import"]["peak_mb"])
        row("check (PostgreSQL)", size(n), found["check"]["seconds"], found["check"]["peak_mb"])
    return rows


def rule_times(run: Run) -> tuple[list[str], list[list[str]]]:
    """Seconds per rule, by check (database at each size, YAML, PostgreSQL)."""
    columns: list[tuple[str, Result]] = [(f"DB {size(n)}", r) for n, r in run.checks.items()]
    columns += [(f"YAML {size(n)}", r) for n, r in run.yaml_checks.items()]
    if run.postgres:
        columns.append((f"PG {size(run.postgres['claims'])}", run.postgres["check"]))
    names = sorted(
        {rule for _, r in columns for rule in r["timings"]},
        key=lambda rule: -max(r["timings"].get(rule, 0.0) for _, r in columns),
    )
    rows = [[rule, *(f"{r['timings'].get(rule, 0.0):.2f}" for _, r in columns)] for rule in names]
    rows.append(["conflicts found", *(f"{r['conflicts']:,}" for _, r in columns)])
    return ["rule (seconds)", *(name for name, _ in columns)], rows


def quality_rows(run: Run) -> list[list[str]]:
    if not run.quality:
        return []
    return [
        [
            rule,
            s["injected"],
            s["found"],
            f"{s['recall']:.3f}",
            s["reported"],
            f"{s['precision']:.3f}",
            s["lookalikes_flagged"],
        ]
        for rule, s in sorted(run.quality["scores"].items())
    ]


def import_rows(run: Run) -> list[list[str]]:
    return [
        [
            size(n),
            f"{r['files']:,}",
            f"{r['rows']:,}",
            f"{r['seconds']:.1f}",
            f"{r['floor_parse']:.1f}",
            f"{r['floor_insert']:.1f}",
            f"{r['seconds'] / r['floor']:.2f}×",
            f"{r['peak_mb']:,.0f}",
        ]
        for n, r in run.imports.items()
    ]


def spelling_rows(run: Run) -> list[list[str]]:
    return [
        [
            size(n),
            f"{r['spellings']:,}",
            f"{r['analysis_seconds']:.1f}",
            f"{r['blocking_seconds']:.2f}",
            f"{r['blocking_candidates']:,}",
            f"{r['exhaustive_seconds']:.1f}{'*' if r['exhaustive_extrapolated'] else ''}",
            f"{r['exhaustive_rows']:,}",
            f"{r['matches_exhaustive']:,}",
            f"{r['recall']:.3f}",
            f"{r['speedup']:.0f}×",
        ]
        for n, r in run.spelling.items()
    ]


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass

    def version(package: str) -> str:
        try:
            return metadata.version(package)
        except metadata.PackageNotFoundError:
            return "-"

    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    return {
        "machine": f"{platform.machine()}, {cpu}, {os.cpu_count()} cores, {memory} RAM",
        "system": platform.platform(),
        "python": f"CPython {platform.python_version()}",
        "sqlite": sqlite3.sqlite_version,
        "packages": ", ".join(
            f"{p} {version(p)}" for p in ("SQLAlchemy", "PyYAML", "rapidfuzz", "numpy", "psycopg")
        ),
        "commit": commit or "?",
    }


def render(run: Run, command: str, fmt: str) -> str:
    """The run as text (``fmt`` "simple") or as a RESULTS.md section ("github")."""
    info = machine()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    pg = f"PostgreSQL {run.postgres['version']}" if run.postgres else "PostgreSQL not measured"
    head = [
        f"`{command}` on {when}, commit {info['commit']}.",
        "",
        f"- machine: {info['machine']} ({info['system']})",
        f"- {info['python']}, SQLite {info['sqlite']}, {pg}",
        f"- {info['packages']}",
        f"- ledgers: generated by benchmarks/synth.py, seed {run.plan.seed}",
    ]
    parts = ["\n".join(head)]
    parts.append(
        tabulate(
            summary(run),
            ["benchmark", "size", "wall", "peak RSS", "baseline", "ratio", "target", ""],
            tablefmt=fmt,
            disable_numparse=True,
        )
    )
    parts.append(
        "Import against its floor (seconds; the floor is parse + insert, measured in this run):\n\n"
        + tabulate(
            import_rows(run),
            ["claims", "files", "rows", "import", "parse", "insert", "import / floor", "peak MB"],
            tablefmt=fmt,
            disable_numparse=True,
        )
    )
    headers, rows = rule_times(run)
    parts.append(
        "Time per rule (seconds; reading the claim groups is shared by six rules; from 50,000 "
        "claims a database check runs spelling-variant, quote-not-found and dangling-reference "
        "in a second process meanwhile, so the times add up to more than the wall time):\n\n"
        + tabulate(rows, headers, tablefmt=fmt, disable_numparse=True)
    )
    parts.append(
        "spelling-variant candidate search against exhaustive `rapidfuzz.process.cdist` "
        "(* extrapolated from the sampled rows to all; recall is over pairs with a sampled "
        "name):\n\n"
        + tabulate(
            spelling_rows(run),
            [
                "names",
                "spellings",
                "analysis s",
                "blocking s",
                "candidates",
                "cdist s",
                "cdist rows",
                "true matches",
                "recall",
                "speed-up",
            ],
            tablefmt=fmt,
            disable_numparse=True,
        )
    )
    if run.quality:
        parts.append(
            f"Rule quality against the ground truth at {size(run.quality['claims'])} claims:\n\n"
            + tabulate(
                quality_rows(run),
                [
                    "rule",
                    "injected",
                    "found",
                    "recall",
                    "reported",
                    "precision",
                    "look-alikes flagged",
                ],
                tablefmt=fmt,
                disable_numparse=True,
            )
        )
    if run.notes:
        parts.append("\n".join(f"- {note}" for note in run.notes))
    return "\n\n".join(parts)


def write_results(section: str) -> None:
    text = RESULTS.read_text("utf-8") if RESULTS.exists() else "# Benchmark results\n"
    block = f"{START}\n## Scale\n\n{section}\n{END}"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    RESULTS.write_text(text, "utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes; print, do not write")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    plan = QUICK if args.quick else FULL
    command = "python benchmarks/run.py" + (" --quick" if args.quick else "")
    started = time.perf_counter()
    run = measure_all(plan)
    print(render(run, command, "simple"))
    if args.json:
        args.json.write_text(json.dumps(run.__dict__, default=_plain, indent=1), "utf-8")
    if not args.quick:
        write_results(render(run, command, "github"))
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    print("\nreal reporting (python -m benchmarks.realworld):\n" + real_reporting())
    say(f"done in {time.perf_counter() - started:.0f} s")


def real_reporting() -> str:
    """The real-reporting benchmark's figures (benchmarks/realworld), as it prints them; a
    missing data set is a note."""
    found = subprocess.run(
        [sys.executable, "-m", "benchmarks.realworld", "--skip-missing"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return found.stdout.rstrip()


def _plain(value: object) -> object:
    if isinstance(value, Plan):
        return value.__dict__
    raise TypeError(type(value).__name__)


if __name__ == "__main__":
    main()
