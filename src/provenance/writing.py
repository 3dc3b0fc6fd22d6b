"""Every file the program writes goes through here (reports, check results, exports, a
ledger's reviews.yaml), written one way: never seen half-written, never leaving a temporary
file behind, and every failure a message naming the path, what is wrong and what to do.

A regular file is written to a temporary file in its own folder and renamed over the old
one in one step, keeping the old file's mode (a new file gets the usual mode, 0666 less the
umask). A symbolic link is followed and its target replaced (the link stays a link); a device,
a pipe, a socket and a file with several hard links are written in place, never replaced.
A file or folder with no write permission at all is refused even for root, so that making a
file read-only keeps it as it is."""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import ProvenanceError

TEMPORARY = ".partial"
"""The suffix of a temporary file or folder (which also starts with a dot, so that reading a
ledger skips it)."""

IN_PLACE_ROOTS = ("/dev/", "/proc/")
"""Paths that name a stream of the system (/dev/stdout, /proc/self/fd/1): always written in
place, whatever they lead to."""

REASONS = {
    errno.ENOSPC: ("the disk is full", "free some space, or write elsewhere"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or write elsewhere"),
    errno.EFBIG: ("the file would be larger than allowed here", "write it elsewhere"),
    errno.EROFS: ("the file system is read-only", "write elsewhere"),
    errno.EACCES: ("permission denied", "check the permissions, or write elsewhere"),
    errno.EPERM: ("permission denied", "check the permissions, or write elsewhere"),
    errno.ENOENT: ("the folder does not exist", "create the folder first, or write elsewhere"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "check the path"),
    errno.EISDIR: ("it is a folder", "give a file name"),
    errno.ENAMETOOLONG: ("the name is too long", "choose a shorter path"),
    errno.ELOOP: ("a symbolic link in the path leads round in a loop", "fix the link"),
    errno.ENXIO: ("nothing is reading from it (a socket, or a pipe without a reader)", ""),
    errno.EIO: ("the device reported an input/output error", "check the disk"),
}


class CannotWrite(ProvenanceError):
    """A file or folder that cannot be written; nothing was written."""


def failure(path: Path | str, error: OSError, doing: str = "write") -> CannotWrite:
    """The message for ``error`` met while doing something to ``path``."""
    reason, hint = REASONS.get(error.errno or 0, (error.strerror or str(error), ""))
    text = f"cannot {doing} {path}: {reason}"
    return CannotWrite(f"{text} ({hint})" if hint else text)


def write_file(path: Path, text: str) -> None:
    """Writes ``text`` (UTF-8) to ``path``: replaced in one step, or written in place when
    ``path`` is a device, a pipe or a hard-linked file (see the module's docstring)."""
    data = text.encode("utf-8")
    target, in_place = destination(path)
    if in_place:
        _write_in_place(path, data)
    else:
        replace_file(target, data, shown=path)


def destination(path: Path) -> tuple[Path, bool]:
    """The file to write for ``path`` and whether to write it in place; refuses a folder, a
    missing folder, and a read-only file or folder."""
    try:
        found = os.stat(path)
    except FileNotFoundError:
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        writable_folder(target.parent, path)
        return target, False
    except OSError as error:
        raise failure(path, error) from None
    if stat.S_ISDIR(found.st_mode):
        raise CannotWrite(f"cannot write {path}: it is a folder (give a file name inside it)")
    if not stat.S_ISREG(found.st_mode) or found.st_nlink > 1 or _names_a_stream(path):
        return path, True
    target = Path(os.path.realpath(path))
    writable_folder(target.parent, path)
    return target, False


def _names_a_stream(path: Path) -> bool:
    absolute = os.path.abspath(path)
    return absolute.startswith(IN_PLACE_ROOTS) or os.path.realpath(path).startswith(IN_PLACE_ROOTS)


def writable_folder(folder: Path, shown: Path | None = None) -> None:
    """Refuses a missing folder, a path that is not a folder, and a read-only folder."""
    about = shown if shown is not None else folder
    try:
        found = os.stat(folder)
    except FileNotFoundError:
        raise CannotWrite(
            f"cannot write {about}: the folder {folder} does not exist "
            "(create it first, or write elsewhere)"
        ) from None
    except OSError as error:
        raise failure(about, error) from None
    if not stat.S_ISDIR(found.st_mode):
        raise CannotWrite(f"cannot write {about}: {folder} is not a folder (check the path)")
    if not _may_write(folder, found):
        raise CannotWrite(
            f"cannot write {about}: the folder {folder} is read-only "
            "(make it writable, or write elsewhere)"
        )


def _may_write(path: Path, found: os.stat_result) -> bool:
    """Write permission: someone's write bit, and the access check (root passes it anyway)."""
    return bool(stat.S_IMODE(found.st_mode) & 0o222) and os.access(path, os.W_OK)


def replace_file(path: Path, data: bytes, *, shown: Path | None = None) -> None:
    """Replaces (or creates) the regular file ``path`` with ``data`` in one step, through a
    temporary file in its folder that is removed on any failure; the old mode is kept."""
    about = shown if shown is not None else path
    try:
        old: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        old = None
    except OSError as error:
        raise failure(about, error) from None
    if old is not None and not _may_write(path, old):
        raise CannotWrite(
            f"cannot write {about}: the file is read-only "
            f"(make it writable, e.g. chmod u+w {about}; nothing was written)"
        )
    kept = "; the earlier file is unchanged" if old is not None else ""
    temporary: str | None = None
    try:
        descriptor, temporary = _temporary_file(path)
        try:
            if old is not None:
                _keep_mode(descriptor, old)
            _write_all(descriptor, data)
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise _with(failure(about, error), kept) from None
    finally:
        if temporary is not None:
            with suppress(OSError):
                os.unlink(temporary)
    _sync_folder(path.parent)


def _with(error: CannotWrite, more: str) -> CannotWrite:
    return CannotWrite(f"{error}{more}") if more else error


def _temporary_file(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, created with mode 0666 less the umask."""
    for _ in range(100):
        name = path.with_name(f".{path.name}.{os.urandom(4).hex()}{TEMPORARY}")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), str(name)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path))


def _keep_mode(descriptor: int, old: os.stat_result) -> None:
    os.fchmod(descriptor, stat.S_IMODE(old.st_mode))
    if os.geteuid() == 0:  # only root can give the file back to its owner
        with suppress(OSError):
            os.fchown(descriptor, old.st_uid, old.st_gid)


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _sync_folder(folder: Path) -> None:
    """Makes the rename itself durable, where the system allows it."""
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _write_in_place(path: Path, data: bytes) -> None:
    """A device, pipe or hard-linked file: opened and written, never replaced."""
    try:
        found = os.stat(path)
        if stat.S_ISREG(found.st_mode) and not _may_write(path, found):
            raise CannotWrite(
                f"cannot write {path}: the file is read-only (make it writable, or write "
                "elsewhere; nothing was written)"
            )
        flags = os.O_WRONLY | (os.O_TRUNC if stat.S_ISREG(found.st_mode) else 0)
        descriptor = os.open(path, flags)
        try:
            _write_all(descriptor, data)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise failure(path, error) from None


@dataclass(frozen=True, slots=True)
class FolderWritten:
    """What write_folder wrote, and the files it found there that it did not write."""

    written: list[Path]
    others: list[Path]


def write_folder(
    folder: Path, fill: Callable[[Path], Sequence[Path]], kinds: tuple[str, ...]
) -> FolderWritten:
    """Writes a set of files under ``folder`` as a whole: ``fill`` writes them into an empty
    temporary folder (inside ``folder``) and returns their paths; only when every one is
    written, and every place it goes checked, are they moved into place. A failure (a full
    disk, a permission) leaves no temporary file behind, and when it comes before the moves
    (as a full disk does) the folder as it was. ``others``: files ending in ``kinds`` that
    ``folder`` holds besides the set (left from an earlier export?)."""
    created = _make_folder(folder)
    staging: Path | None = None
    moved = 0
    try:
        staging = Path(tempfile.mkdtemp(prefix=".export-", suffix=TEMPORARY, dir=folder))
        relative = [Path(p).relative_to(staging) for p in fill(staging)]
        plan = [(staging / r, *_export_destination(folder, r)) for r in relative]
        for staged, _, _ in plan:
            _sync_file(staged)
        for staged, target, in_place in plan:
            _place(staged, target, in_place)
            moved += 1
    except BaseException as error:
        if created is not None and not moved:
            shutil.rmtree(created, ignore_errors=True)
        if isinstance(error, OSError):
            outcome = f"{moved} of the files were replaced" if moved else "nothing was written"
            raise _with(failure(folder, error), f"; {outcome}") from None
        raise
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return FolderWritten([folder / r for r in relative], _others(folder, set(relative), kinds))


def _make_folder(folder: Path) -> Path | None:
    """Creates ``folder`` (and missing folders above it); returns the topmost one created."""
    missing = [p for p in (*reversed(folder.parents), folder) if not os.path.lexists(p)]
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise CannotWrite(f"cannot write to {folder}: it is a file, not a folder") from None
    except OSError as error:
        raise failure(folder, error, "create the folder") from None
    writable_folder(folder)
    return missing[0] if missing else None


def _export_destination(folder: Path, relative: Path) -> tuple[Path, bool]:
    """Where an exported file goes; a symbolic link there must stay inside ``folder``."""
    path = folder / relative
    if not os.path.lexists(path) and not path.parent.is_dir():
        return path, False  # a new file in a folder made when it is moved there
    target, in_place = destination(path)
    inside = os.path.realpath(folder)
    if path.is_symlink() and not os.path.realpath(path).startswith(inside + os.sep):
        raise CannotWrite(
            f"cannot write {path}: it is a symbolic link to {os.path.realpath(path)}, outside "
            f"{folder} (remove the link, or export elsewhere; nothing was written)"
        )
    return target, in_place


def _sync_file(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _place(staged: Path, target: Path, in_place: bool) -> None:
    if in_place:
        _write_in_place(target, staged.read_bytes())
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with suppress(FileNotFoundError):
        os.chmod(staged, stat.S_IMODE(os.stat(target).st_mode))
    os.replace(staged, target)


def _others(folder: Path, written: set[Path], kinds: tuple[str, ...]) -> list[Path]:
    found: list[Path] = []
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(directory, name)
            fresh = path.relative_to(folder) in written
            if name.endswith(kinds) and not name.startswith(".") and not fresh:
                found.append(path)
    return found
