"""Reads a whole ledger from files and folders, a file at a time: every problem of every file
is collected, and a ledger with any problem is refused as a whole."""

from __future__ import annotations

import re
import stat
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from provenance import model
from provenance.errors import Problem, Problems
from provenance.ledger import pool
from provenance.ledger.reader import (
    MAX_FILE_MB,
    LedgerFile,
    YamlMap,
    discover,
    read_bytes,
    read_data,
    read_file,
)
from provenance.ledger.schema import Broken, Parsed, ParsedLedger, parse_file
from provenance.model import PropertySpec
from provenance.properties import PropertyBook

Progress = Callable[[int, int], None]
"""Called after each file with (bytes read so far, bytes in all)."""
FILES = "files"
"""The kind of the cache entries that hold a file's records and problems."""


class PartCache(Protocol):
    """Where each file's records and problems are kept by the digest of what made them
    (caching.CheckCache)."""

    def get(self, kind: str, key: str) -> Any | None: ...

    def put(self, kind: str, key: str, value: object) -> None: ...


def parse_each(
    paths: Sequence[Path],
    problems: list[Problem],
    progress: Progress | None = None,
    cache: PartCache | None = None,
    jobs: int | None = None,
) -> Iterator[ParsedLedger]:
    """The records of each file under ``paths``, a file at a time and in order; the problems
    found file by file are added to ``problems`` (the ledger as a whole, its references and
    circles, is checked by provenance.importing). With a ``cache``, a file parsed before
    with the same bytes, name, folder and known properties is taken from it (see _cached).
    Files that declare no properties are parsed ahead in other processes when ``jobs`` (or,
    without it, the ledger's size) asks for them (ledger/pool.py); the result is the same."""
    for part, _ in parse_prepared(paths, problems, progress, cache, jobs):
        yield part


Prepare = Callable[[ParsedLedger], object]
"""What the reader of the records does next with a file's records, a function of them
alone: done where the file is parsed (in another process, when there is one)."""


def parse_prepared(
    paths: Sequence[Path],
    problems: list[Problem],
    progress: Progress | None = None,
    cache: PartCache | None = None,
    jobs: int | None = None,
    prepare: Prepare | None = None,
) -> Iterator[tuple[ParsedLedger, object | None]]:
    """parse_each, with each file's records ``prepare``d where another process parsed them
    (None where this one did, or they came from the cache: to be done here)."""
    files, found = discover(paths)
    problems.extend(found)
    total, done = sum(_size(file.path) for file in files), 0
    book = PropertyBook()
    ordered = sorted(((file, _declares(file)) for file in files), key=lambda f: not f[1])
    declaring = [file for file, declares in ordered if declares]
    plain = [file for file, declares in ordered if not declares]
    for file in declaring:
        part = _parsed(file, book, problems)
        if part is not None:
            yield part, None
        done += _size(file.path)
        if progress:
            progress(done, total)
    workers = pool.parsers(jobs, sum(_size(file.path) for file in plain)) if plain else 0
    here = not workers
    parts = _here(plain, book, cache) if here else _ahead(plain, book, cache, workers, prepare)
    for file, part, own, prepared in parts:
        problems.extend(own)
        if part is not None:
            yield part, prepared
        done += _size(file.path)
        if progress:
            progress(done, total)


FileRecords = tuple[LedgerFile, ParsedLedger | None, list[Problem], object | None]
"""A file, its records (None: it could not be read), its problems and what was prepared of
its records (None: nothing yet)."""
SENT = (
    *(v for v in vars(model).values() if isinstance(v, type) and v.__module__ == model.__name__),
    Parsed,
    Broken,
    Problem,
)
"""What a parsing process sends back (pool.sent_by_fields)."""


def _here(
    files: Sequence[LedgerFile], book: PropertyBook, cache: PartCache | None
) -> Iterator[FileRecords]:
    """Each file parsed in this process, in order."""
    for file in files:
        own: list[Problem] = []
        part = _cached(file, book, own, cache) if cache is not None else _parsed(file, book, own)
        yield file, part, own, None


def _ahead(
    files: Sequence[LedgerFile],
    book: PropertyBook,
    cache: PartCache | None,
    workers: int,
    prepare: Prepare | None,
) -> Iterator[FileRecords]:
    """Each file parsed (and its records prepared) by ``workers`` other processes, a few
    files ahead of the one taken, and taken in order; while the next is not ready, this
    process parses the last one handed out that has not begun. A file found in the cache
    is not handed out. Should a file change the properties known after all (declaring them
    where _declares does not look), the files after it are parsed here, with them, as a
    parse in one process would."""
    known = _known(book)
    pool.sent_by_fields(SENT)
    with pool.started(workers) as submit:
        waiting: deque[tuple[LedgerFile, str | None, list[Problem]]] = deque()
        parses: deque[list[Any]] = deque()  # [the parse, handed out or done, its arguments]
        rest = iter(files)

        def hand_out() -> None:
            file = next(rest, None)
            if file is not None:
                key, own, parse = _handed(file, book, known, cache, submit, prepare)
                waiting.append((file, key, own))
                parses.append(parse)

        for _ in range(workers * pool.AHEAD):
            hand_out()
        while waiting:
            file, key, own = waiting.popleft()
            hand_out()  # before waiting for this one: the pool is never left idle
            while pool.take_back(parses, parse_apart):
                pass
            part, found, specs, archived, prepared = pool.result_of(parses.popleft()[0])
            own.extend(found)
            if specs is not None:  # the file declared properties: the rest see them
                book.specs = specs
                yield file, part, own, prepared
                yield from _here([f for f, *_ in waiting] + list(rest), book, cache)
                return
            if key is not None and cache is not None and not archived:
                cache.put(FILES, key, (part, found))
            yield file, part, own, prepared


def _handed(
    file: LedgerFile,
    book: PropertyBook,
    known: str,
    cache: PartCache | None,
    submit: Callable[..., Any],
    prepare: Prepare | None,
) -> tuple[str | None, list[Problem], list[Any]]:
    """A file's cache key (None: not to be kept), the problems found reading it here, and
    its parse with what the parse is given (parse_apart): handed to the pool, or done
    (read from the cache, or unreadable)."""
    own: list[Problem] = []
    args: tuple[Any, ...]
    if cache is None:
        args = (file, None, book.specs, prepare)
        return None, own, [submit(parse_apart, *args), args]
    data, key, found = _looked_up(file, known, cache, own)
    if data is None:
        return None, own, [((None, [], None, False, None),), ()]
    if found is not None:
        return None, own, [((found[0], found[1], None, False, None),), ()]
    args = (file, data, book.specs, prepare)
    return key, own, [submit(parse_apart, *args), args]


def parse_apart(
    file: LedgerFile,
    data: bytes | None,
    specs: dict[str, PropertySpec],
    prepare: Prepare | None = None,
) -> tuple[ParsedLedger | None, list[Problem], dict[str, PropertySpec] | None, bool, object]:
    """In a parsing process: the records and problems of a file (of ``data``, its bytes
    as read, else read here) with the properties ``specs`` known; the properties known
    after it, when it changed them; whether its sources name an archive (see ARCHIVE); and
    its records ``prepare``d (None without)."""
    own: list[Problem] = []
    book = PropertyBook()
    book.specs = dict(specs)
    root = read_data(file.name, data, own) if data is not None else read_file(file, own)
    part = _records(root, file, book, own)
    changed = book.specs if book.specs != specs else None
    prepared = prepare(part) if prepare is not None and part is not None else None
    return part, own, changed, _names_archive(root), prepared


def _parsed(file: LedgerFile, book: PropertyBook, problems: list[Problem]) -> ParsedLedger | None:
    return _records(read_file(file, problems), file, book, problems)


def _records(
    root: YamlMap | None, file: LedgerFile, book: PropertyBook, problems: list[Problem]
) -> ParsedLedger | None:
    """The records of a file's top-level mapping (None when it could not be read)."""
    if root is None:
        return None
    part = ParsedLedger()
    parse_file(root, file.name, part, problems, file.folder, book)
    return part


ARCHIVE = "archive"
"""A file whose sources name an archived text is parsed every time (never kept): whether the
text's path leads out of the ledger folder is a question for the file system, not for the
file's bytes."""


def _cached(
    file: LedgerFile, book: PropertyBook, problems: list[Problem], cache: PartCache
) -> ParsedLedger | None:
    """The file's records and problems as parsing them gives them, from the cache when the
    same bytes were parsed under the same name, in the same folder, with the same properties
    known. Parsing is a function of exactly these (a file that declares properties, which
    changes what is known, or whose sources name an archive, is never kept), so what the
    cache holds is what parsing would give."""
    known = _known(book)
    data, key, found = _looked_up(file, known, cache, problems)
    if data is None:
        return None
    if found is not None:
        problems.extend(found[1])
        return found[0]
    own: list[Problem] = []
    root = read_data(file.name, data, own)
    part = _records(root, file, book, own)
    problems.extend(own)
    if _known(book) == known and not _names_archive(root):  # a function of the key alone
        cache.put(FILES, key, (part, own))
    return part


def _looked_up(
    file: LedgerFile, known: str, cache: PartCache, problems: list[Problem]
) -> tuple[bytes | None, str, tuple[ParsedLedger | None, list[Problem]] | None]:
    """The file's bytes (None: unreadable, a problem added), its key in the cache with the
    properties ``known``, and what the cache holds under that key (None: nothing sound)."""
    data = read_bytes(file, problems)
    if data is None:
        return None, "", None
    from provenance.caching import content_key

    key = content_key(file.name, str(file.folder), known, data)
    return data, key, _entry(cache.get(FILES, key))


def _names_archive(root: YamlMap | None) -> bool:
    """Whether any source of the file has an archive field (see ARCHIVE)."""
    sources = root.get("sources") if root is not None else None
    if not isinstance(sources, list):
        return False
    return any(isinstance(item, dict) and ARCHIVE in item for item in sources)


def _known(book: PropertyBook) -> str:
    """The properties known, as text that is the same in every process."""
    return repr(sorted(book.specs.items()))


def _entry(found: object) -> tuple[ParsedLedger | None, list[Problem]] | None:
    """A cache entry with the shape of a file's records and problems, or None."""
    if not (isinstance(found, tuple) and len(found) == 2):
        return None
    part, own = found
    if part is not None and not isinstance(part, ParsedLedger):
        return None
    if not (isinstance(own, list) and all(isinstance(p, Problem) for p in own)):
        return None
    return part, own


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
