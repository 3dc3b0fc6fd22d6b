"""What changed in a ledger kept in git: the files changed since a reference (for putting a
conflict's annotation on the change), and the ledger as it was at a reference (for failing
only on conflicts that are new since then). Git is run as a program; a ledger outside a
repository, or a reference git does not know, is a message."""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from provenance.checker import CheckResult, Conflict
from provenance.errors import ProvenanceError
from provenance.model import Origin


def _git(*args: str, what: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], capture_output=True, check=False)
    except OSError as error:
        raise ProvenanceError(f"{what}: cannot run git ({error.strerror})") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ProvenanceError(f"{what}: git says: {said[-1] if said else 'failed'}")
    return done.stdout


def changed_files(ref: str) -> set[str]:
    """The files (relative to the current folder) that differ from ``ref``, new files not
    yet committed included."""
    what = f"--diff-base {ref}"
    names = _git("diff", "--name-only", "--relative", "-z", ref, "--", what=what)
    untracked = _git("ls-files", "--others", "--exclude-standard", "-z", what=what)
    return {os.path.normpath(n) for n in (names + untracked).decode().split("\0") if n}


def uncommitted_files() -> set[str]:
    """The files (relative to the current folder) changed since the last commit, staged or
    not, and new files; none outside a git repository or before its first commit."""
    try:
        return changed_files("HEAD")
    except ProvenanceError:
        return set()


def lead_with_changes(result: CheckResult, changed: set[str] | None) -> CheckResult:
    """Each conflict with the place of its change first: a place in a changed file (when
    ``changed`` is given); else a place in a file not yet committed (in a git repository),
    else the place in the file modified last, latest line first (the claim added most
    recently); the others stay, as related places."""
    if changed is None:
        uncommitted = _uncommitted_if_needed(result)
        if uncommitted:
            return _lead(result, uncommitted, fallback=True)
    return _lead(result, changed, fallback=False)


def _uncommitted_if_needed(result: CheckResult) -> set[str]:
    """Git is asked only when a conflict spans files (the only case with a choice)."""
    if any(len({p.file for p in c.places}) > 1 for c in result.conflicts):
        return uncommitted_files()
    return set()


def _lead(result: CheckResult, changed: set[str] | None, *, fallback: bool) -> CheckResult:
    mtimes: dict[str, float] = {}

    def modified(place: Origin) -> tuple[float, int]:
        if place.file not in mtimes:
            try:
                mtimes[place.file] = os.stat(place.file).st_mtime
            except OSError:
                mtimes[place.file] = 0.0
        return (mtimes[place.file], place.line)

    def lead(conflict: Conflict) -> Conflict:
        places = conflict.places
        touched = [p for p in places if os.path.normpath(p.file) in (changed or ())]
        if changed is not None and (touched or not fallback):
            if not touched or touched[0] is places[0]:
                return conflict
            first = touched[0]
        elif len({p.file for p in places}) < 2:
            return conflict  # one file: the rule's own order
        else:
            first = max(places, key=modified)
        others = tuple(p for p in places if p is not first)
        return replace(conflict, places=(first, *others))

    return replace(result, conflicts=tuple(lead(c) for c in result.conflicts))


@contextmanager
def ledger_at(ref: str, paths: Sequence[Path]) -> Iterator[list[Path]]:
    """The ledger files and folders ``paths`` as they were at ``ref``, in a temporary
    folder that is removed afterwards (a path that did not exist then is left out)."""
    what = f"--new-since {ref}"
    prefix = _git("rev-parse", "--show-prefix", what=what).decode().strip()
    top = _git("rev-parse", "--show-toplevel", what=what).decode().strip()
    try:
        _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", what=what)
    except ProvenanceError:
        raise ProvenanceError(
            f"{what}: git knows no commit '{ref}' (fetch it, e.g. git fetch origin main)"
        ) from None
    with tempfile.TemporaryDirectory(prefix="provenance-at-") as folder:
        kept = []
        for path in paths:
            inside = os.path.normpath(os.path.join(prefix, str(path)))
            listed = _git("-C", top, "ls-tree", "--name-only", ref, "--", inside, what=what)
            if not listed.strip():
                continue
            data = _git("-C", top, "archive", "--format=tar", ref, "--", inside, what=what)
            with tarfile.open(fileobj=io.BytesIO(data)) as archive:
                archive.extractall(folder, filter="data")
            kept.append(Path(folder) / inside)
        yield kept
