"""One measurement per process, printed as JSON, for benchmarks/run.py: a fresh process
for each, so that its peak memory is its own.

    python -m benchmarks.measure parse-floor FOLDER
    python -m benchmarks.measure insert-floor SOURCE_DB TARGET_DB
    python -m benchmarks.measure import FOLDER DB_URL
    python -m benchmarks.measure check DB_URL | FOLDER [CACHE_FOLDER]
    python -m benchmarks.measure spelling NAMES_FILE [--sample N]
    python -m benchmarks.measure quality FOLDER
    python -m benchmarks.measure names COUNT FILE [--seed N]

Times are wall-clock seconds of the work itself (imports and start-up excluded); ``peak_mb``
is the process's peak resident set, start-up included, plus that of a second checking
process if the check started one (see _peak_mb).
"""

from __future__ import annotations

import hashlib
import json
import resource
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

Result = dict[str, Any]


def _peak_mb() -> float:
    """This process's peak resident set plus that of the largest process it started (the
    second process of a check on two cores): an upper bound of their peak together."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + started) / 1024


def parse_floor(folder: str) -> Result:
    """Reading every ledger file with libyaml's loader: the parsing half of the floor."""
    from provenance.ledger.reader import discover

    files, _ = discover([Path(folder)])
    started = time.perf_counter()
    for file in files:
        yaml.load(file.path.read_bytes(), Loader=yaml.CSafeLoader)
    return {"seconds": time.perf_counter() - started, "files": len(files)}


def insert_floor(source_db: str, target_db: str) -> Result:
    """Inserting the rows an import stored, with bare sqlite3 executemany in one transaction
    into the same tables and indexes: the writing half of the floor. The rows are read
    from ``source_db`` first, untimed."""
    source = sqlite3.connect(source_db)
    ddl = [
        sql
        for kind, sql in source.execute(
            "SELECT type, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type DESC"
        )
        if kind in ("table", "index")
    ]
    tables = [
        name for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    ]
    rows = {table: source.execute(f'SELECT * FROM "{table}"').fetchall() for table in tables}
    source.close()
    Path(target_db).unlink(missing_ok=True)
    target = sqlite3.connect(target_db, isolation_level=None)
    for sql in ddl:
        target.execute(sql)
    started = time.perf_counter()
    target.execute("BEGIN")
    for table, found in rows.items():
        if found:
            marks = ", ".join("?" * len(found[0]))
            target.executemany(f'INSERT INTO "{table}" VALUES ({marks})', found)
    target.execute("COMMIT")
    seconds = time.perf_counter() - started
    target.close()
    return {"seconds": seconds, "rows": sum(len(found) for found in rows.values())}


def import_(folder: str, db: str) -> Result:
    from provenance import api

    started = time.perf_counter()
    result = api.import_ledger([Path(folder)], db)
    return {
        "seconds": time.perf_counter() - started,
        "peak_mb": _peak_mb(),
        "claims": result.totals.get("claims", 0),
    }


def check(target: str, cache: str | None = None) -> Result:
    """`check` of a database (a URL) or of ledger files (a folder), every rule; through the
    check cache in the folder ``cache``, when given. ``digest`` is of everything reported
    (ids, severities, messages, places, claims, reviews), to compare two checks by."""
    from provenance import api
    from provenance.caching import CachePlace
    from provenance.checker.settings import Settings

    paths = [Path(target)] if Path(target).exists() else []
    db = None if paths else target
    kept = CachePlace(Path(cache), asked=True) if cache else None
    started = time.perf_counter()
    result = api.check(paths, db, Settings(), cache=kept)
    seconds = time.perf_counter() - started
    reported = [
        (c.id, c.severity.value, c.message, [str(p) for p in c.places], c.claims, c.status)
        for c in result.conflicts
    ]
    return {
        "seconds": seconds,
        "peak_mb": _peak_mb(),
        "conflicts": len(result.conflicts),
        "timings": dict(result.timings),
        "digest": hashlib.sha256(json.dumps(reported).encode()).hexdigest(),
    }


def spelling(names_file: str, sample: int = 0) -> Result:
    """spelling-variant's candidate search (blocking keys, then the prefilter inside each
    block) against an exhaustive rapidfuzz cdist of every name with every other at the same
    prefilter; both sets of candidates then go through the matcher, and recall is the share
    of the exhaustive search's matches that the blocking search also finds. With ``sample``
    the exhaustive search runs for that many names against all (its time is scaled up to
    all names and marked as extrapolated); recall is then over pairs with a sampled name."""
    from benchmarks.spelling_search import measure_search

    names = Path(names_file).read_text("utf-8").splitlines()
    return measure_search(names, sample)


def names(count: str, path: str, seed: int = 7) -> Result:
    """Writes ``count`` distinct names (benchmarks/spelling_search.make_names), one a line."""
    from benchmarks.spelling_search import make_names

    made = make_names(int(count), seed)
    Path(path).write_text("\n".join(made) + "\n", "utf-8")
    return {"names": len(made)}


def quality(folder: str) -> Result:
    from benchmarks.quality import measure_quality

    found = measure_quality(Path(folder))
    return {
        "seconds": found.seconds,
        "scores": {
            rule: {
                "injected": s.injected,
                "found": s.found,
                "recall": s.recall,
                "reported": s.reported,
                "precision": s.precision,
                "lookalikes_flagged": s.lookalikes_flagged,
            }
            for rule, s in found.scores.items()
        },
        "lookalikes": found.lookalikes,
        "revisions": found.revisions,
    }


TASKS: dict[str, Callable[..., Result]] = {
    "parse-floor": parse_floor,
    "insert-floor": insert_floor,
    "import": import_,
    "check": check,
    "spelling": spelling,
    "quality": quality,
    "names": names,
}


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in TASKS:
        sys.exit(__doc__)
    task, *args = sys.argv[1:]
    options = [a for a in args if a.startswith("--")]
    positional = [a for a in args if not a.startswith("--")]
    kwargs: dict[str, Any] = {}
    for option in options:
        name, _, value = option[2:].partition("=")
        kwargs[name] = int(value)
    print(json.dumps(TASKS[task](*positional, **kwargs)))


if __name__ == "__main__":
    main()
