"""Which ledger a command uses, decided one way for every command: ledger files (the truth,
with a database kept beside them as their index) or a database (the truth for a team that
keeps no files).

In order: the ledger files or folders a command is given (PATHS, or ``--ledger DIR``);
else the database given by ``--db`` or $PROVENANCE_DB; else ``claims/`` in the current
folder, when there is one; else the default database, ``.provenance/provenance.db``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import ProvenanceError

LEDGER_FOLDER = "claims"
"""The ledger folder a command finds by itself in the current folder."""
INDEX_FILE = "ledger.db"
"""The index of a ledger folder: a SQLite file in ``.provenance/`` beside the folder."""


@dataclass(frozen=True, slots=True)
class Target:
    """Ledger files (``paths``; ``folder`` when they are one folder) or a database (``db``:
    a URL, or None for the default)."""

    paths: tuple[Path, ...] = ()
    db: str | None = None

    @property
    def files(self) -> bool:
        return bool(self.paths)

    @property
    def folder(self) -> Path | None:
        """The one ledger folder, whose reviews.yaml and added.yaml take what is recorded."""
        if len(self.paths) == 1 and self.paths[0].is_dir():
            return self.paths[0]
        return None

    @property
    def index(self) -> Path | None:
        """Where the files' index is kept: ``.provenance/ledger.db`` beside the folder."""
        if self.folder is None:
            return None
        return self.folder.parent / ".provenance" / INDEX_FILE

    def describe(self, *, indexed: bool = False) -> str:
        """One line saying which ledger is used: ``ledger: claims (files; index ...)``."""
        if not self.files:
            from provenance.db.engine import database_url, shown

            return f"ledger: {shown(database_url(self.db))} (database)"
        names = " ".join(str(p) for p in self.paths)
        if indexed and self.index is not None:
            return f"ledger: {names} (files; index {_short(self.index)})"
        return f"ledger: {names} (files)"


def _short(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def resolve(
    paths: Sequence[Path] = (),
    db: str | None = None,
    *,
    ledger: Path | None = None,
    here: Path | None = None,
) -> Target:
    """The ledger a command uses (see the module's documentation)."""
    if ledger is not None:
        if not ledger.is_dir():
            raise ProvenanceError(f"--ledger {ledger}: no such folder")
        paths = (*paths, ledger)
    if paths:
        return Target(tuple(paths), None)
    if db is not None:
        return Target((), db)
    found = (here or Path.cwd()) / LEDGER_FOLDER
    if found.is_dir():
        return Target((Path(LEDGER_FOLDER) if here is None else found,), None)
    return Target((), None)
