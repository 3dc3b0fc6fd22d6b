"""An exclusive lock on a file, held across processes, for changes that read a file and write
it back (a review appended to a ledger's reviews.yaml): whoever holds it is the only one
reading and replacing the file; the others wait their turn, up to a limit, then are told.
POSIX flock (Windows: msvcrt.locking) on a lock file that exists only while it is held."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from provenance.errors import ProvenanceError
from provenance.writing import failure

WAIT_S = 30.0
"""How long to wait for another process to finish before giving up (as SQLite waits)."""
POLL_S = 0.01


class Busy(ProvenanceError):
    """Another process held the lock for longer than the wait; nothing was written."""


@contextmanager
def exclusive(lock_file: Path, guarded: Path, wait_s: float | None = None) -> Iterator[None]:
    """Holds the lock ``lock_file`` while the block runs. The file is created to take the
    lock and removed before the lock is let go; whoever took the lock on a file that was
    removed meanwhile sees that its inode is no longer the path's, and takes it again."""
    wait = WAIT_S if wait_s is None else wait_s
    deadline = time.monotonic() + wait
    while True:
        descriptor = _open(lock_file, guarded)
        try:
            while not _try_lock(descriptor):
                if time.monotonic() > deadline:
                    raise Busy(
                        f"{guarded} stayed locked by another writer for {wait:g} s (a review "
                        "by someone else?); nothing was written (run the command again when "
                        "the other one has finished)"
                    )
                time.sleep(POLL_S)
            if _still_there(descriptor, lock_file):
                try:
                    yield
                finally:
                    if sys.platform != "win32":
                        with suppress(OSError):
                            os.unlink(lock_file)
                return
        finally:
            os.close(descriptor)  # closing lets the lock go


def _open(lock_file: Path, guarded: Path) -> int:
    try:
        return os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise failure(guarded, error, "lock") from None


def _still_there(descriptor: int, lock_file: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(descriptor), os.stat(lock_file))
    except FileNotFoundError:
        return False


if sys.platform == "win32":  # pragma: no cover - the tests run on Linux
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True
