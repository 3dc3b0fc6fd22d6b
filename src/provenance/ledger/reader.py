"""Reads ledger files: finds them, decodes them, and turns each into located values (see
compose.py), with every problem reported at its file and line."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from provenance.errors import Problem
from provenance.ledger.compose import (
    REFUSED,
    TOO_DEEP,
    Builder,
    SeveralDocuments,
    YamlMap,
    YamlSeq,
)

__all__ = [
    "LedgerFile",
    "YamlMap",
    "YamlSeq",
    "discover",
    "read_bytes",
    "read_data",
    "read_file",
    "read_text",
]

LEDGER_SUFFIXES = (".yaml", ".yml", ".json")


@dataclass(frozen=True, slots=True)
class LedgerFile:
    """One file of a ledger; ``name`` is how messages and origins refer to it, ``folder`` the
    ledger folder it was found in (None: a file given on its own, which is its own ledger)."""

    path: Path
    name: str
    folder: Path | None = None


def discover(paths: Sequence[Path]) -> tuple[list[LedgerFile], list[Problem]]:
    """Every ledger file under the given files and folders, in a stable order. Nothing is
    skipped silently: a folder that cannot be read, a broken link and a link that leads
    back into its own folder are problems (so that an import never takes part of a ledger
    for the whole). Symbolic links to folders are followed, each folder read once."""
    files: list[LedgerFile] = []
    problems: list[Problem] = []
    for given in paths:
        kind = _kind(given, problems)
        if kind == "folder":
            files.extend(_walk(given, problems))
        elif kind == "file":
            files.append(LedgerFile(given, _display(given)))
    seen: set[str] = set()
    unique: list[LedgerFile] = []
    for file in files:
        real = os.path.realpath(file.path)
        if real not in seen:
            seen.add(real)
            unique.append(file)
    if not unique and not problems:
        shown = ", ".join(str(p) for p in paths)
        problems.append(
            Problem(shown, 0, "no ledger files found", "ledger files end in .yaml, .yml or .json")
        )
    return unique, problems


def _kind(given: Path, problems: list[Problem]) -> str | None:
    """ "folder", "file", or None with the problem reported."""
    try:
        found = os.stat(given)
    except FileNotFoundError:
        if given.is_symlink():
            problems.append(_broken_link(given))
        else:
            problems.append(Problem(str(given), 0, "no such file or folder", "check the path"))
        return None
    except OSError as error:
        problems.append(_unreadable(str(given), error))
        return None
    if stat.S_ISDIR(found.st_mode):
        return "folder"
    if stat.S_ISREG(found.st_mode):
        return "file"
    problems.append(
        Problem(
            str(given),
            0,
            "not a ledger file or folder (a device, a pipe or a socket)",
            "give ledger files or folders",
        )
    )
    return None


def _walk(folder: Path, problems: list[Problem]) -> Iterator[LedgerFile]:
    def unreadable(error: OSError) -> None:
        problems.append(_unreadable(_display(Path(error.filename or folder)), error, "folder"))

    for directory, subdirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        here = Path(directory)
        subdirs[:] = [
            d for d in sorted(subdirs) if not d.startswith(".") and _enter(here / d, problems)
        ]
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = here / name
            ledger_like = name.lower().endswith(LEDGER_SUFFIXES) or "." not in name
            if ledger_like and path.is_symlink() and not os.path.exists(path):
                problems.append(_broken_link(path))
            elif name.lower().endswith(LEDGER_SUFFIXES):
                yield LedgerFile(path, _display(path), folder)


def _enter(path: Path, problems: list[Problem]) -> bool:
    """Whether to read the subfolder ``path``: not when it is a link back to a folder that
    holds it (a loop, reported)."""
    if not path.is_symlink():
        return True
    real = os.path.realpath(path)
    if any(os.path.realpath(up) == real for up in path.parents):
        problems.append(
            Problem(
                _display(path),
                0,
                f"a symbolic link back to {real}, a folder that holds it (a loop)",
                "remove the link: the folder is read once already",
            )
        )
        return False
    return True


def _broken_link(path: Path) -> Problem:
    try:
        os.stat(path)
        what = "which does not exist"
    except OSError as error:
        loop = error.errno == errno.ELOOP
        what = "which leads round in a loop" if loop else "which does not exist"
    return Problem(
        _display(path),
        0,
        f"a symbolic link to {os.readlink(path)}, {what}",
        "fix the link or remove it",
    )


def _unreadable(name: str, error: OSError, what: str = "") -> Problem:
    reason = (error.strerror or str(error)).lower()
    if what:
        return Problem(
            name,
            0,
            f"cannot read the {what}: {reason}",
            "check that you may read it; nothing of the ledger was read from it",
        )
    return Problem(name, 0, f"cannot read: {reason}", "check that you may read it")


def _display(path: Path) -> str:
    return str(PurePosixPath(*path.parts)) if not path.is_absolute() else path.as_posix()


MAX_FILE_MB = 64
"""Largest ledger file read. A generated ledger of a million claims spreads over files of
about 2 MB; a file this large is a mistake (a dump, a log, a data file saved as .yaml)."""


def read_file(file: LedgerFile, problems: list[Problem]) -> YamlMap | None:
    """The file's top-level mapping, or None (with problems added) when it cannot be read."""
    data = read_bytes(file, problems)
    return None if data is None else read_data(file.name, data, problems)


def read_bytes(file: LedgerFile, problems: list[Problem]) -> bytes | None:
    """The bytes of a regular ledger file, or None (with the problem added) for anything
    else: a device, a file over MAX_FILE_MB, one that cannot be read."""
    try:
        found = file.path.stat()
        size = found.st_size
        if not stat.S_ISREG(found.st_mode):
            problems.append(
                Problem(
                    file.name,
                    0,
                    "not a regular file (a device, a pipe or a socket)",
                    "a ledger holds files; remove it or rename it",
                )
            )
            return None
        if size > MAX_FILE_MB * 1024 * 1024:
            problems.append(
                Problem(
                    file.name,
                    1,
                    f"file is {size / 1024 / 1024:,.0f} MB, over the {MAX_FILE_MB} MB a ledger "
                    "file may hold",
                    "split it into several files (a folder of files is one ledger)",
                )
            )
            return None
        return file.path.read_bytes()
    except OSError as error:
        problems.append(
            Problem(
                file.name,
                0,
                f"cannot read: {error.strerror}",
                "check that the file exists and that you may read it",
            )
        )
        return None


def read_data(name: str, data: bytes, problems: list[Problem]) -> YamlMap | None:
    """The top-level mapping of a ledger file's bytes, or None (with problems added)."""
    text = _decode(name, data, problems)
    return None if text is None else read_text(name, text, problems)


def read_text(name: str, text: str, problems: list[Problem]) -> YamlMap | None:
    """The top-level mapping of a ledger file's text, or None (with problems added)."""
    file = LedgerFile(Path(name), name)
    try:
        value = Builder(file.name, problems).build(text)
    except SeveralDocuments as error:
        problems.append(
            Problem(
                file.name,
                error.line,
                "not valid YAML: a second document",
                "keep one YAML document per file (remove the '---' separators)",
            )
        )
        return None
    except yaml.MarkedYAMLError as error:
        line, hint = _where(error, text)
        if _too_deep(error):
            problems.append(Problem(file.name, line, *TOO_DEEP))
        else:
            problems.append(Problem(file.name, line, f"not valid YAML: {error.problem}", hint))
        return None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        problems.append(
            Problem(
                file.name,
                line,
                f"not valid YAML: {error.reason}",
                "remove the control character, or save the file as UTF-8",
            )
        )
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(file.name, 0, f"not valid YAML: {error}", None))
        return None
    if value is None or value is REFUSED:
        return None
    if not isinstance(value, YamlMap):
        problems.append(
            Problem(
                file.name,
                1,
                "a ledger file must be a mapping",
                "start the file with sources:, entities:, claims: or reviews:",
            )
        )
        return None
    return value


def _decode(name: str, data: bytes, problems: list[Problem]) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(Problem(name, 1, "UTF-16 text, not UTF-8", "save the file as UTF-8"))
        return None
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        problems.append(
            Problem(
                name,
                line,
                "binary data (a NUL byte), not a text ledger",
                "remove the file, or save it again as UTF-8 text",
            )
        )
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(
            Problem(name, line, f"not UTF-8 text (byte {error.start})", "save the file as UTF-8")
        )
        return None


def _too_deep(error: yaml.MarkedYAMLError) -> bool:
    """Whether the parser itself refused the nesting: libyaml (from the one bundled with
    PyYAML 6.0.4 on) stops at its own depth limit before the builder's MAX_DEPTH guard sees
    the events, and the user gets the same message whichever of the two notices first."""
    return "nesting depth" in (error.problem or "")


def _where(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line to report and a hint. At the end of the file libyaml points past the last
    line; the place where the unclosed thing opened says more."""
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    if line > lines and error.context_mark is not None:
        line = error.context_mark.line + 1
    line = min(line, max(lines, 1))
    source = text.splitlines()[line - 1] if 0 < line <= len(text.splitlines()) else ""
    indentation = source[: len(source) - len(source.lstrip())]
    if "\t" in (error.problem or "") or "\t" in indentation:
        return line, "indent with spaces, not tabs"
    return line, "check the indentation and quoting near this line"
