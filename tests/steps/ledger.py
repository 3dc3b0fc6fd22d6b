"""Steps that set up ledger files."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, then

from conftest import SHIPPED


@given("the shipped ledger in claims/", target_fixture="ledger_dir")
def the_shipped_ledger(workdir: Path) -> Path:
    target = workdir / "claims"
    shutil.copytree(SHIPPED, target)
    shipped = time.time() - SHIPPED_AGE
    for path in target.rglob("*"):
        os.utime(path, (shipped, shipped))
    return target


@given(parsers.parse('a ledger file "{name}" containing:'))
def a_ledger_file(workdir: Path, name: str, docstring: str) -> Path:
    path = workdir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(docstring + "\n", encoding="utf-8")
    _written_in_turn(workdir, path)
    return path


SHIPPED_AGE = 2 * 86400
SET_UP_AGE = 3600


def _written_in_turn(workdir: Path, path: Path) -> None:
    """Set-up happens before the user acts, and in order: the shipped ledger two days ago,
    each file the scenario gives an hour ago, a second apart in the order given, and what
    the user does now. A conflict's first place (the file changed last) then does not
    depend on the file system's clock tick."""
    given = _GIVEN.setdefault(workdir, [])
    given.append(path)
    when = time.time() - SET_UP_AGE + len(given)
    os.utime(path, (when, when))


_GIVEN: dict[Path, list[Path]] = {}


@given(parsers.parse('the file "{name}" is changed so that "{old}" reads "{new}"'))
def change_file(workdir: Path, name: str, old: str, new: str) -> None:
    path = workdir / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@given(parsers.parse('the file "{name}" is saved again unchanged'))
def save_again(workdir: Path, name: str) -> None:
    """As an editor saves a file it opened: the same bytes, a new modification time."""
    path = workdir / name
    path.write_bytes(path.read_bytes())
    now = time.time()
    os.utime(path, (now, now))


@then(parsers.parse('the folder "{left}" holds the same files as "{right}"'))
def same_files(workdir: Path, left: str, right: str) -> None:
    def tree(folder: Path) -> dict[str, str]:
        return {
            p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    ours, theirs = tree(workdir / left), tree(workdir / right)
    assert sorted(ours) == sorted(theirs)
    for name in ours:
        assert ours[name] == theirs[name], f"{name} differs"


@given("an empty working folder")
def empty_folder(workdir: Path) -> None:
    shutil.rmtree(workdir / ".provenance", ignore_errors=True)


@given(parsers.parse('the file "{name}" is removed'))
def remove_file(workdir: Path, name: str) -> None:
    (workdir / name).unlink()


@given(
    parsers.parse(
        'a review of the only conflict of "{folder}" with verdict "{verdict}" in "{name}"'
    )
)
def review_the_only_conflict(workdir: Path, folder: str, verdict: str, name: str) -> None:
    """Writes a review for the one conflict `check` finds (its id is found by running it)."""
    from provenance import api
    from provenance.checker.settings import Settings

    result = api.check([workdir / folder], None, Settings())
    [conflict] = result.conflicts
    (workdir / name).write_text(
        "reviews:\n"
        f"  - conflict: {conflict.id}\n"
        f"    verdict: {verdict}\n"
        "    note: Both accounts stand until the investigation reports.\n"
        "    reviewer: Analyst One\n"
        "    at: 2026-11-21T10:00:00Z\n",
        encoding="utf-8",
    )


@given(
    parsers.parse(
        'a review of every open conflict of "{folder}" with verdict "{verdict}" in "{name}"'
    )
)
def review_every_conflict(workdir: Path, folder: str, verdict: str, name: str) -> None:
    """Writes one review for each conflict `check` finds."""
    from provenance import api
    from provenance.checker.settings import Settings

    result = api.check([workdir / folder], None, Settings())
    reviews = "".join(
        f"  - conflict: {conflict.id}\n"
        f"    verdict: {verdict}\n"
        "    note: Looked at; different people.\n"
        "    reviewer: Analyst One\n"
        "    at: 2026-11-21T10:00:00Z\n"
        for conflict in result.conflicts
    )
    (workdir / name).write_text("reviews:\n" + reviews, encoding="utf-8")


@then(parsers.parse('the file "{name}" contains "{text}"'))
def file_contains(workdir: Path, name: str, text: str) -> None:
    content = (workdir / name).read_text(encoding="utf-8")
    assert text in content, f"{text!r} not in {name}:\n{content}"


@given(parsers.parse('git knows me as "{name}"'))
def git_user(workdir: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A repository whose git user.name is set, as it is on an analyst's machine."""
    subprocess.run(["git", "init", "-q", str(workdir)], check=True)
    subprocess.run(["git", "-C", str(workdir), "config", "user.name", name], check=True)


@given("the working folder is a git repository with everything committed")
def git_repository(workdir: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Tester",
        "GIT_AUTHOR_EMAIL": "tester@example.invalid",
        "GIT_COMMITTER_NAME": "Tester",
        "GIT_COMMITTER_EMAIL": "tester@example.invalid",
    }
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "ledger"]):
        subprocess.run(["git", *command], cwd=workdir, env=env, check=True)


@then(parsers.parse('the folder "{name}" holds files'))
def folder_holds_files(workdir: Path, name: str) -> None:
    assert any(p.is_file() for p in (workdir / name).rglob("*")), f"{name} holds no files"


@then(parsers.parse('there is no folder "{name}"'))
def no_folder(workdir: Path, name: str) -> None:
    assert not (workdir / name).exists(), f"{name} exists"


@given(parsers.parse('every file under "{name}" is cut in half'))
def cut_in_half(workdir: Path, name: str) -> None:
    found = [p for p in (workdir / name).rglob("*") if p.is_file()]
    assert found, f"no files under {name}"
    for path in found:
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
