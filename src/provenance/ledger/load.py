"""Reads a whole ledger from files and folders: every problem of every file is collected, and
a ledger with any problem is refused as a whole."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from provenance.errors import Problem
from provenance.ledger.reader import discover, read_file
from provenance.ledger.schema import ParsedLedger, parse_file

Progress = Callable[[int, int], None]
"""Called after each file with (bytes read so far, bytes in all)."""


def parse_paths(
    paths: Sequence[Path], progress: Progress | None = None
) -> tuple[ParsedLedger, list[Problem]]:
    """Every record of the files under ``paths``, and the problems found file by file (the
    ledger as a whole, its references and circles, is checked by provenance.loading)."""
    files, problems = discover(paths)
    parsed = ParsedLedger()
    total = sum(_size(file.path) for file in files)
    done = 0
    for file in files:
        root = read_file(file, problems)
        if root is not None:
            parse_file(root, file.name, parsed, problems, file.folder)
        done += _size(file.path)
        if progress:
            progress(done, total)
    return parsed, problems


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
