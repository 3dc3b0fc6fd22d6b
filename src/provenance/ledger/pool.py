"""The processes that parse ledger files ahead of the one that writes them. Parsing and
validating a file is a function of its bytes, its name and folder, and the properties known
(ledger/load.py), so on a large ledger other processes can do it while this one writes the
files before; their results are taken in the files' order, so that records, problems and
progress come exactly as from a parse in one process. A small ledger is parsed here:
starting a process costs more than it saves."""

from __future__ import annotations

import dataclasses
import functools
import multiprocessing
import operator
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.reduction import ForkingPickler
from typing import Any

PARALLEL_FROM_BYTES = 2 * 1024 * 1024
"""Without --jobs, files of this many bytes in all (those that declare no properties) are
parsed in a second process; fewer are parsed in this one."""
AHEAD = 4
"""Files handed to each parsing process before their turn comes, at most: memory holds the
records of these, never the whole ledger's."""


def parsers(jobs: int | None, size: int) -> int:
    """How many other processes parse files of ``size`` bytes in all: ``jobs`` less this
    one; without ``jobs``, one for PARALLEL_FROM_BYTES bytes or more when a second core is
    free (FREE_CORES), else none. None where processes cannot be forked (they would have to
    import the package again, which costs more than parsing saves)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if jobs is None:
        return 1 if size >= PARALLEL_FROM_BYTES and _free_cores() >= FREE_CORES else 0
    return jobs - 1


FREE_CORES = 1.5
"""Cores not busy with other work (by the load average of the last minute) that parsing
apart needs: handing records from one process to another costs about a quarter more work in
all, which pays only when the second process has a core of its own."""


def _free_cores() -> float:
    try:
        busy = os.getloadavg()[0]
    except OSError:  # not known here
        busy = 0.0
    return (os.cpu_count() or 1) - busy


def sent_by_fields(classes: Iterable[type]) -> None:
    """Has the pool send instances of these dataclasses as their class and the values of
    their fields, rebuilt by calling the class: quicker than the pickles of frozen
    dataclasses with slots, which look up their fields for each instance. Only classes
    whose fields' values rebuild them exactly (each field set by __init__, no
    __post_init__); others are pickled as usual."""
    for cls in classes:
        if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
            continue
        found = dataclasses.fields(cls)
        if not found or not all(f.init and not f.kw_only for f in found):
            continue
        values = operator.attrgetter(*(f.name for f in found))
        if len(found) == 1:
            ForkingPickler.register(cls, functools.partial(_one, values))
        else:
            ForkingPickler.register(cls, functools.partial(_several, values))


def _one(value: Callable[[Any], Any], record: Any) -> tuple[type, tuple[Any, ...]]:
    return type(record), (value(record),)


def _several(values: Callable[[Any], Any], record: Any) -> tuple[type, tuple[Any, ...]]:
    return type(record), values(record)


Ready = tuple[Any]
"""A result worked out in this process, in a 1-tuple (told apart from a Future)."""


@contextmanager
def started(workers: int) -> Iterator[Callable[..., Future[Any]]]:
    """``submit`` of a pool of ``workers`` forked processes, shut down when the block ends
    (work not begun is cancelled: the caller stopped reading)."""
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        yield pool.submit
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def result_of(found: Future[Any] | Ready) -> Any:
    """The result of work handed to the pool (raising what it raised), or of work done here."""
    return found[0] if isinstance(found, tuple) else found.result()


def take_back(waiting: Sequence[list[Any]], work: Callable[..., Any]) -> bool:
    """While the first of ``waiting`` is not done: does here the last piece of work the pool
    has not begun (each item holds its Future or result, then the arguments of ``work``),
    so that this process does not wait idle behind a pool that is late; whether it did."""
    first = waiting[0][0] if waiting else None
    if not isinstance(first, Future) or first.done():
        return False
    for item in reversed(waiting):
        if isinstance(item[0], Future) and item[0].cancel():
            item[0] = (work(*item[1]),)
            return True
    return False
