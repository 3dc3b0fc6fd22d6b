"""The check cache: what a check of ledger files works out from content alone, kept between
runs so that a check after a small change redoes only what the change touches. Two things
are kept: each ledger file's parsed and validated records and problems, by a digest of the
file's bytes and of everything else its parsing reads (ledger/load.py), and the name
matcher's verdict on each pair of spellings it compared (checks/_spellings.py), by the two
spellings. Both are pure functions of their keys, so a check that takes them from the cache
reports exactly what a check without it reports.

The cache is safe to lose: nothing in it is needed, only reused. It is kept per version of
the tool, down to its code (a folder named by a digest of the package's files and the
versions of the libraries that compute with it), so a new version never reads an old
version's entries; those are removed. That digest is noted in the cache beside the names,
sizes and change times of the files it was taken of, and taken again only when one of those
differs: reading the whole package costs more than the rest of a small check's start.
Each entry carries a digest of its content and is written in one step (a temporary file
renamed): a truncated, corrupt or foreign entry is taken for missing and recomputed, never
believed. Entries are pickles, as trusted as the package's own ``__pycache__``: keep the
cache where only you (or your CI) write."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.errors import ProvenanceError

FORMAT = 1
"""The layout of the cache's entries; part of the tool key."""
MAGIC = b"provenance check cache\n"
DIGEST = 32
FOLDER = Path(".provenance") / "cache"
"""The default cache: beside the ledger folder, as its index is (targets.Target.index)."""
ENVIRONMENT = "PROVENANCE_CACHE"
LIBRARIES = ("rapidfuzz", "PyYAML", "numpy", "anyascii", "Babel", "convertdate")
"""The libraries whose results a cached entry may hold (parsing, names, dates)."""
PACKAGE = Path(__file__).resolve().parent


class CacheError(ProvenanceError):
    """A cache folder asked for (--cache, $PROVENANCE_CACHE) that cannot be used."""


@functools.cache
def tool_key() -> str:
    """This version of the tool, down to its code: a digest of the package's files, the
    entry format, Python's version and the versions of the libraries it computes with."""
    from importlib import metadata

    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0".encode())
    for library in LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\0".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


KEY_NOTE = "tool-key"
"""In the cache folder: the tool key, after the fingerprint of the files it was taken of."""
HEX_DIGEST = re.compile(r"[0-9a-f]{64}")


@functools.cache
def fingerprint() -> str:
    """What tool_key is taken of, as the file system describes it, without reading a file:
    each of the package's files by its name, size, modification and change time (a change
    of its bytes changes its change time, which no program sets back); the folders Python
    imports from by their times (installing, removing or upgrading a library in one changes
    its listing, and so its times); the entry format and Python's version."""
    digest = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{PACKAGE}\0".encode())
    for entry in sys.path:
        try:
            stat = os.stat(entry or ".")
            times = f"{stat.st_mtime_ns}\0{stat.st_ctime_ns}"
        except OSError:
            times = "-"
        digest.update(f"{entry}\0{times}\0".encode())
    for name, size, modified, changed in sorted(_file_stats(PACKAGE, "")):
        digest.update(f"{name}\0{size}\0{modified}\0{changed}\0".encode())
    return digest.hexdigest()


def _file_stats(folder: Path, prefix: str) -> Iterator[tuple[str, int, int, int]]:
    with os.scandir(folder) as found:
        for entry in found:
            name = prefix + entry.name
            if entry.is_dir():
                if entry.name != "__pycache__":
                    yield from _file_stats(Path(entry.path), name + "/")
            elif entry.is_file():
                stat = entry.stat()
                yield name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns


def noted_tool_key(root: Path) -> tuple[str, bool]:
    """tool_key, from the note in the cache folder ``root`` when the package's files are
    as they were when it was noted (fingerprint), else taken anew; and whether it was
    noted. A note that cannot be read or does not hold a key is taken for missing."""
    try:
        noted, key = (root / KEY_NOTE).read_text("ascii").split()
    except (OSError, ValueError, UnicodeDecodeError):
        noted = key = ""
    if noted == fingerprint() and HEX_DIGEST.fullmatch(key):
        return key, True
    return tool_key(), False


def note_tool_key(root: Path, key: str) -> None:
    """Notes ``key`` in the cache folder ``root`` with the fingerprint of the package's
    files, written in one step; a folder that takes no note is left without one."""
    try:
        handle, temporary = tempfile.mkstemp(dir=root, prefix=".partial-")
        try:
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(f"{fingerprint()} {key}\n")
            os.replace(temporary, root / KEY_NOTE)
        finally:
            if os.path.lexists(temporary):
                os.unlink(temporary)
    except OSError:
        pass


def content_key(*parts: bytes | str) -> str:
    """A digest of the parts, each told apart from the next."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class CachePlace:
    """Where a check keeps its cache; ``asked`` when the user named it (--cache or
    $PROVENANCE_CACHE), so that a folder that cannot be used is said, not passed over."""

    folder: Path
    asked: bool


def cache_place(
    paths: Sequence[Path], given: Path | None, *, off: bool = False
) -> CachePlace | None:
    """The cache of a check of ``paths``: ``given``, else $PROVENANCE_CACHE, else
    ``.provenance/cache`` beside the (first) ledger folder; None with ``off``."""
    if off:
        return None
    if given is not None:
        return CachePlace(given, True)
    named = os.environ.get(ENVIRONMENT)
    if named:
        return CachePlace(Path(named), True)
    if not paths:
        return None
    first = paths[0]
    beside = first.parent if first.is_dir() else first.parent.parent
    return CachePlace(beside / FOLDER, False)


class CheckCache:
    """The entries of one version of the tool in one cache folder."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.key, self.noted = noted_tool_key(root)
        self.folder = root / f"check-{self.key[:24]}"
        self.writable = True
        self.used: set[Path] = set()

    @classmethod
    def open(cls, where: CachePlace | None) -> CheckCache | None:
        """The cache at ``where``, its folder made; None when there is to be none, or when
        the default folder cannot be made (a read-only checkout is checked in full). A
        folder the user named that cannot be used is a CacheError."""
        if where is None:
            return None
        cache = cls(where.folder)
        try:
            cache.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=cache.folder, prefix=".probe-"):
                pass  # a folder that takes no file is no cache
        except OSError as error:
            if not where.asked:
                return None
            reason = (error.strerror or str(error)).lower()
            raise CacheError(
                f"cannot keep the check cache in {where.folder}: {reason} (give a folder you "
                "may write to with --cache DIR, or check without one with --no-cache)"
            ) from None
        if not cache.noted:
            note_tool_key(cache.root, cache.key)
        return cache

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key

    def get(self, kind: str, key: str) -> Any | None:
        """The entry, or None when it is missing or cannot be trusted."""
        path = self._path(kind, key)
        self.used.add(path)
        try:
            data = path.read_bytes()
        except OSError:  # missing, a folder, unreadable: recomputed
            return None
        head = len(MAGIC) + DIGEST
        if len(data) < head or not data.startswith(MAGIC):
            return None
        payload = data[head:]
        if hashlib.sha256(payload).digest() != data[len(MAGIC) : head]:
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # an entry of another layout: recomputed
            return None

    def put(self, kind: str, key: str, value: object) -> None:
        """Keeps an entry, written in one step; a cache that cannot be written is left
        alone for the rest of the run (the check goes on without it)."""
        path = self._path(kind, key)
        self.used.add(path)
        if not self.writable:
            return
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        data = MAGIC + hashlib.sha256(payload).digest() + payload
        try:
            path.parent.mkdir(exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".partial-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(data)
                os.replace(temporary, path)
            finally:
                if os.path.lexists(temporary):
                    os.unlink(temporary)
        except OSError:
            self.writable = False

    def prune(self, kind: str) -> None:
        """Removes the entries of ``kind`` this run did not use, and the folders of other
        versions of the tool."""
        if not self.writable:
            return
        for stale in _entries(self.folder / kind):
            if stale not in self.used:
                _remove(stale)
        try:
            others = [p for p in self.root.iterdir() if p.name.startswith("check-")]
        except OSError:
            return
        for other in others:
            if other != self.folder:
                _remove(other)


def _entries(folder: Path) -> Iterator[Path]:
    try:
        yield from folder.iterdir()
    except OSError:
        return


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink()
    except OSError:
        pass


@dataclass
class Memo(MutableMapping[Any, Any]):
    """The results of a pure function by its arguments: those kept by an earlier run, and
    those worked out in this one. What this run did not ask for is not kept again."""

    stored: dict[Any, Any] = field(default_factory=dict)
    used: dict[Any, Any] = field(default_factory=dict)
    added: bool = False

    def __getitem__(self, key: Any) -> Any:
        if key in self.used:
            return self.used[key]
        value = self.stored[key]  # KeyError when neither run has it
        self.used[key] = value
        return value

    def __setitem__(self, key: Any, value: Any) -> None:
        self.used[key] = value
        self.added = True

    def __delitem__(self, key: Any) -> None:
        self.used.pop(key, None)
        self.stored.pop(key, None)

    def __iter__(self) -> Iterator[Any]:
        return iter(self.used)

    def __len__(self) -> int:
        return len(self.used)

    @property
    def changed(self) -> bool:
        return self.added or len(self.used) != len(self.stored)


NAMES = "names"
MATCHES = "matches"


def name_memo(cache: CheckCache | None) -> Memo:
    """The name matcher's verdicts kept by the last run (none without a cache)."""
    found = cache.get(NAMES, MATCHES) if cache is not None else None
    return Memo(found if isinstance(found, dict) else {})


def keep_name_memo(cache: CheckCache | None, memo: Memo) -> None:
    """Keeps the verdicts this run asked for, when they differ from those it found."""
    if cache is not None and memo.changed:
        cache.put(NAMES, MATCHES, memo.used)
