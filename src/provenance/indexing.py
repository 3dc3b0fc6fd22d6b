"""A ledger folder's index: a SQLite database beside the folder (``.provenance/ledger.db``)
that holds exactly what the files hold, for the commands that look records up (`show`,
`claims`). The files are the truth; the index is rebuilt whenever they changed.

Changed means: the list of ledger files, or any file's size or modification time, differs
from the stamp written when the index was last built (``ledger.db.stamp`` beside it). A
rebuild reads the whole folder into a new file and only then replaces the index in one
step, so a reader never sees half an index; a folder with problems is refused at their
file and line, and the index is left as it was."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from provenance.db.sessions import ledger_session
from provenance.db.sync import Syncer
from provenance.errors import LedgerInvalid
from provenance.importing import Loader
from provenance.ledger.reader import discover
from provenance.targets import Target


def stamp(folder: Path) -> str:
    """What the folder's ledger files are now: their names, sizes and modification times
    (a file is not read, so a million-claim ledger is stamped in a moment)."""
    files, problems = discover([folder])
    if problems:
        raise LedgerInvalid(problems, outcome="nothing was read")
    digest = hashlib.sha256()
    for file in files:
        status = os.stat(file.path)
        digest.update(f"{file.name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def fresh_index(target: Target) -> str | None:
    """The URL of the folder's index, rebuilt first when the files changed; None when no
    index can be written beside the folder (a read-only checkout): the caller reads the
    files for itself."""
    try:
        return _fresh(target)
    except OSError:
        return None


def _fresh(target: Target) -> str:
    folder, index = target.folder, target.index
    assert folder is not None and index is not None, "an index is kept for one folder"
    now = {"folder": str(folder.resolve()), "stamp": stamp(folder)}
    stamp_file = index.with_name(index.name + ".stamp")
    if index.exists() and _read(stamp_file) == now:
        return f"sqlite:///{index}"
    index.parent.mkdir(parents=True, exist_ok=True)
    building = index.with_name(f".{index.name}.{os.getpid()}.building")
    _remove(building)
    try:
        with ledger_session(f"sqlite:///{building}", create=True) as session:
            loader = Loader(Syncer(session))
            loader.load([folder])
            if loader.problems:
                raise LedgerInvalid(loader.problems, outcome="the index was not updated")
        os.replace(building, index)
    finally:
        _remove(building)
    stamp_file.write_text(json.dumps(now), encoding="utf-8")
    return f"sqlite:///{index}"


def _read(path: Path) -> object:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)
