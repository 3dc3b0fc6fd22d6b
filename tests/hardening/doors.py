"""What the second hardening round's tests share: running the command line as an analyst
would (and as an analyst without root's powers), and the promises every case checks: an
exit status, a message naming the path, no traceback, no temporary file left behind."""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from provenance.cli import main

NOBODY = 65534


@dataclass(frozen=True)
class Ran:
    status: int
    out: str
    err: str

    @property
    def output(self) -> str:
        return self.out + self.err


def run(args: Sequence[str], stdin: str | None = None) -> Ran:
    """The command, in this process; a traceback fails the test at once."""
    result = CliRunner().invoke(main, list(args), input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    err = result.stderr if result.stderr_bytes is not None else ""
    return Ran(result.exit_code, result.stdout, err)


def refused(args: Sequence[str], *named: str, status: int = 2) -> Ran:
    """Runs the command and checks the promise of a refusal: the status, an error message
    on stderr naming each of ``named``, no traceback."""
    ran = run(args)
    assert ran.status == status, ran.output
    assert "Traceback" not in ran.output
    if status == 2:
        said = ran.err.split("\n", 1)[1] if ran.err.startswith("ledger: ") else ran.err
        assert said.startswith("error: ") or "Error: " in said, ran.output  # after which ledger
    for name in named:
        assert name in ran.err, ran.output
    return ran


def as_nobody(args: Sequence[str], cwd: Path) -> Ran:
    """The command as another account without root's powers (``nobody``), in ``cwd``: the
    test forks and drops to that account, so that permissions are really enforced (skipped
    unless run as root, as CI is). The command runs once as the caller first, on a copy of
    ``cwd``, so that every module it needs is loaded (the interpreter's own files may not be
    readable by nobody)."""
    if os.geteuid() != 0:
        pytest.skip("acting as another account needs root (as CI runs)")
    _rehearse(args, cwd)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - measured in the parent
        os.close(reader)
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            os.chdir(cwd)
            result = CliRunner().invoke(main, list(args))
            crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
            err = result.stderr if result.stderr_bytes is not None else ""
            trace = f"Traceback: {result.exception!r}" if crashed else ""
            payload = (result.exit_code, result.stdout, err + trace)
        except BaseException as error:
            payload = (99, "", f"Traceback: {error!r}")
        with os.fdopen(writer, "wb") as pipe:
            pickle.dump(payload, pipe)
        os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        status, out, err = pickle.load(pipe)
    os.waitpid(child, 0)
    return Ran(status, out, err)


def _rehearse(args: Sequence[str], cwd: Path) -> None:
    """Runs the command once as the caller on a copy of ``cwd`` (so with no effect on it),
    which loads every module it needs; paths in ``args`` must be relative."""
    assert not any(os.path.isabs(a) for a in args), "as_nobody takes relative paths"
    here = Path.cwd()
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "copy"
        shutil.copytree(cwd, copy, symlinks=True)
        os.chdir(copy)
        try:
            CliRunner().invoke(main, list(args))
        finally:
            os.chdir(here)


def give_to_nobody(*paths: Path) -> None:
    """Makes ``paths`` (and everything under them) belong to nobody, when run as root."""
    if os.geteuid() != 0:
        return
    for path in paths:
        for each in [path, *(path.rglob("*") if path.is_dir() else [])]:
            os.lchown(each, NOBODY, NOBODY)


def leftovers(folder: Path) -> list[str]:
    """Temporary files or folders that a failed write left behind."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.name.endswith(".partial") or p.name.endswith(".lock")
    )
