"""Ledger files for tests: write one, load a folder as a ledger, or collect the problems for
which it is refused, and assert where a problem is and what it says."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from provenance.errors import LedgerInvalid, Problem
from provenance.importing import load_ledger
from provenance.model import Ledger


def write(root: Path, name: str, content: str | bytes) -> str:
    """Writes a ledger file (text dedented and saved as UTF-8, bytes as they are) and returns
    the name problems give it."""
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = textwrap.dedent(content).lstrip("\n").encode("utf-8")
    path.write_bytes(content)
    return path.as_posix()


def load(root: Path) -> Ledger:
    try:
        return load_ledger([root])
    except LedgerInvalid as error:
        pytest.fail("\n".join(error.lines()))


def problems(root: Path) -> list[Problem]:
    with pytest.raises(LedgerInvalid) as refused:
        load_ledger([root])
    return refused.value.problems


def only(root: Path) -> Problem:
    """The one problem for which the ledger is refused."""
    found = problems(root)
    assert len(found) == 1, "\n".join(str(p) for p in found)
    return found[0]


def check(problem: Problem, file: str, line: int, message: str, hint: str | None = None) -> None:
    """The problem is at file:line, its message holds ``message`` and its hint ``hint``."""
    assert (problem.file, problem.line) == (file, line), str(problem)
    assert message in problem.message, str(problem)
    if hint is not None:
        assert hint in (problem.hint or ""), str(problem)


def refused_for(root: Path, file: str, line: int, message: str, hint: str | None = None) -> None:
    """The ledger is refused for exactly one problem, as ``check`` describes it."""
    check(only(root), file, line, message, hint)


def refused_exactly(
    root: Path, file: str, line: int, message: str, hint: str | None = None
) -> None:
    """As refused_for, the hint being the whole hint."""
    problem = only(root)
    check(problem, file, line, message)
    if hint is not None:
        assert problem.hint == hint, str(problem)
