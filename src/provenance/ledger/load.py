"""Reads a whole ledger from files and folders, a file at a time: every problem of every file
is collected, and a ledger with any problem is refused as a whole."""

from __future__ import annotations

import re
import stat
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from provenance.errors import Problem, Problems
from provenance.ledger.reader import MAX_FILE_MB, LedgerFile, discover, read_file
from provenance.ledger.schema import ParsedLedger, parse_file
from provenance.properties import PropertyBook

Progress = Callable[[int, int], None]
"""Called after each file with (bytes read so far, bytes in all)."""


def parse_each(
    paths: Sequence[Path], problems: list[Problem], progress: Progress | None = None
) -> Iterator[ParsedLedger]:
    """The records of each file under ``paths``, a file at a time and in order; the problems
    found file by file are added to ``problems`` (the ledger as a whole, its references and
    circles, is checked by provenance.importing)."""
    files, found = discover(paths)
    problems.extend(found)
    total, done = sum(_size(file.path) for file in files), 0
    book = PropertyBook()
    for file in sorted(files, key=lambda f: not _declares(f)):
        root = read_file(file, problems)
        if root is not None:
            part = ParsedLedger()
            parse_file(root, file.name, part, problems, file.folder, book)
            yield part
        done += _size(file.path)
        if progress:
            progress(done, total)


def parse_paths(
    paths: Sequence[Path], progress: Progress | None = None
) -> tuple[ParsedLedger, list[Problem]]:
    """Every record of the files under ``paths``, and the problems found file by file."""
    parsed, problems = ParsedLedger(), Problems()
    for part in parse_each(paths, problems, progress):
        parsed.extend(part)
    return parsed, problems


_DECLARATION = re.compile(
    rb'^(?:scopes|properties|[ \t]*"scopes"|[ \t]*"properties")\s*:', re.MULTILINE
)


def _declares(file: LedgerFile) -> bool:
    """Whether a file declares scopes or properties: such files are read first, so that a
    declared property decides how every claim using it is read, whatever file it is in."""
    try:
        found = file.path.stat()
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_FILE_MB * 1024 * 1024:
            return False  # read_file refuses it, never waiting on a pipe or a device
        with file.path.open("rb") as handle:
            return _DECLARATION.search(handle.read()) is not None
    except OSError:
        return False  # read_file reports it


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
