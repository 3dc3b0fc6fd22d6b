"""The processes that parse ledger files ahead of the one that writes them. Parsing and
validating a file is a function of its bytes, its name and folder, and the properties known
(ledger/load.py), so on a large ledger other processes can do it while this one writes the
files before; their results are taken in the files' order, so that records, problems and
progress come exactly as from a parse in one process. A small ledger is parsed here:
starting a process costs more than it saves."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

PARALLEL_FROM_BYTES = 2 * 1024 * 1024
"""Without --jobs, files of this many bytes in all (those that declare no properties) are
parsed in a second process; fewer are parsed in this one."""
AHEAD = 4
"""Files handed to each parsing process before their turn comes, at most: memory holds the
records of these, never the whole ledger's."""


def parsers(jobs: int | None, size: int) -> int:
    """How many other processes parse files of ``size`` bytes in all: ``jobs`` less this
    one; without ``jobs``, one on a machine with two cores or more for PARALLEL_FROM_BYTES
    bytes or more, else none. None where processes cannot be forked (they would have to
    import the package again, which costs more than parsing saves)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if jobs is None:
        return 1 if size >= PARALLEL_FROM_BYTES and (os.cpu_count() or 1) >= 2 else 0
    return jobs - 1


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


def result_of(found: Future[Any] | Ready, work: Callable[..., Any], *args: Any) -> Any:
    """The result of ``work(*args)``: ready here, or from the pool (raising what it
    raised); worked out here instead when the pool has not begun it, so that this process
    does not wait idle behind a process that is late."""
    if isinstance(found, tuple):
        return found[0]
    if found.cancel():
        return work(*args)
    return found.result()
