"""`add` on a ledger kept in files: the record is written into one of the folder's files
(``--file``, else ``added.yaml``) and the folder is read again as `check` reads it; any
problem of the new record (an id already used, a reference to nothing) is reported at the
file and line where it was written, and the file is put back as it was."""

from __future__ import annotations

import os
from pathlib import Path

from provenance.db.sessions import scratch_session
from provenance.db.sync import Syncer
from provenance.errors import LedgerInvalid, Problem, Problems, ProvenanceError
from provenance.importing import Loader
from provenance.ledger.added_file import ADDED_FILE, with_record
from provenance.ledger.reader import LEDGER_SUFFIXES
from provenance.locking import exclusive
from provenance.model import Claim, Entity, Source
from provenance.targets import Target
from provenance.writing import replace_file, writable_folder

NOT_ADDED = "nothing was added"


def add_to_files(target: Target, record: Source | Entity | Claim, file: Path | None) -> Path:
    """Writes ``record`` into the ledger folder's file and returns that file's path."""
    folder = target.folder
    if folder is None:
        raise ProvenanceError("`add` writes into one ledger folder: give --ledger DIR")
    path = _chosen(folder, file)
    writable_folder(path.parent, path)
    with exclusive(path.with_name(f".{path.name}.lock"), path):
        before = path.read_bytes() if path.exists() else None
        text, line = with_record((before or b"").decode("utf-8-sig"), record, str(path))
        replace_file(path, text.encode("utf-8"), shown=path)
        try:
            _validate(folder, path, line, record.id)
        except BaseException:
            _restore(path, before)
            raise
    return path


def _chosen(folder: Path, file: Path | None) -> Path:
    path = file if file is not None else folder / ADDED_FILE
    if not path.name.lower().endswith(LEDGER_SUFFIXES) or path.suffix.lower() == ".json":
        raise ProvenanceError(f"--file {path}: a ledger file to add to ends in .yaml or .yml")
    inside = os.path.realpath(path.parent).startswith(os.path.realpath(folder) + os.sep)
    if not (inside or os.path.realpath(path.parent) == os.path.realpath(folder)):
        raise ProvenanceError(
            f"--file {path}: not inside the ledger folder {folder} (`check {folder}` would "
            "not read it)"
        )
    if path.is_dir():
        raise ProvenanceError(f"--file {path}: a folder, not a file")
    return path


def _validate(folder: Path, path: Path, line: int, ident: str) -> None:
    """The folder read as `check` reads it; the problems of the file written, from the new
    record's line on, refuse it (the ledger's older problems are check's to report), and so
    does its id when a record read before it holds the id already."""
    with scratch_session() as session:
        loader = Loader(Syncer(session))
        loader.load([folder])
    name = path.as_posix()
    mine = loader.problems.where(lambda p: _same(p.file, name) and p.line >= line)
    taken = f"id '{ident}' is already used"
    doubled = [p for p in loader.problems if p.message.startswith(taken)]
    if doubled:
        _, first_file, first_line, _ = loader.seen[("record", ident.casefold())]
        if _same(first_file, name) and first_line >= line:  # the new record was read first
            other = next((p for p in doubled if p not in mine), doubled[0])
            first_file, first_line = other.file, other.line
        held = Problem(
            name,
            line,
            f"id '{ident}' is already in the ledger at {first_file}:{first_line}",
            "choose another id",
        )
        mine = Problems([held, *(p for p in mine if not p.message.startswith(taken))])
    if mine:
        raise LedgerInvalid(mine, outcome=NOT_ADDED)


def _same(shown: str, name: str) -> bool:
    return shown == name or os.path.realpath(shown) == os.path.realpath(name)


def _restore(path: Path, before: bytes | None) -> None:
    if before is None:
        path.unlink(missing_ok=True)
    else:
        replace_file(path, before, shown=path)
