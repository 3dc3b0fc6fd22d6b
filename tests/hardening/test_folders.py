"""A ledger folder is read whole or refused: a folder that cannot be read, a broken link, a
link that loops, a pipe or a device among the files is a problem naming its path; symbolic
links to folders are followed, each file read once; `import --prune` never prunes what it
could not read."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import doors
import pytest
from doors import refused, run
from test_bad_inputs import SHIPPED, snapshot

from provenance import api

EXTRA = """sources:
  - {id: extra-wire, title: Extra wire, kind: wire, reliability: C}
"""


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    shutil.copytree(SHIPPED, folder)
    return folder


def check_refused(*named: str) -> None:
    ran = refused(["check", "claims"], *named)
    assert "nothing was checked" in ran.err


def test_a_link_back_to_a_folder_that_holds_it_is_a_loop(ledger: Path) -> None:
    (ledger / "caci-2017" / "again").symlink_to("..")
    check_refused("claims/caci-2017/again", "loop")


def test_a_link_to_itself_is_a_loop(ledger: Path) -> None:
    (ledger / "self.yaml").symlink_to("self.yaml")
    check_refused("claims/self.yaml", "loop")


def test_a_broken_link_is_reported(ledger: Path) -> None:
    (ledger / "moved-away").symlink_to("../nowhere")
    check_refused("claims/moved-away", "does not exist")


def test_a_linked_folder_is_read(ledger: Path, workdir: Path, db_url: str) -> None:
    (workdir / "shared-sources").mkdir()
    (workdir / "shared-sources" / "extra.yaml").write_text(EXTRA, "utf-8")
    (ledger / "shared").symlink_to(workdir / "shared-sources")
    ran = run(["import", "claims", "--db", db_url])
    assert ran.status == 0, ran.output
    assert api.show(db_url, "extra-wire") is not None


def test_a_folder_linked_twice_is_read_once(ledger: Path, workdir: Path) -> None:
    (workdir / "shared-sources").mkdir()
    (workdir / "shared-sources" / "extra.yaml").write_text(EXTRA, "utf-8")
    (ledger / "one").symlink_to(workdir / "shared-sources")
    (ledger / "two").symlink_to(workdir / "shared-sources")
    ran = run(["check", "claims"])
    assert ran.status == 0, ran.output  # no "id already used" from reading it twice


def test_a_pipe_among_the_files_is_refused_not_waited_on(ledger: Path) -> None:
    os.mkfifo(ledger / "incoming.yaml")
    check_refused("claims/incoming.yaml", "not a regular file")


def test_a_device_among_the_files_is_refused(ledger: Path) -> None:
    (ledger / "zero.yaml").symlink_to("/dev/zero")  # would be read for ever
    check_refused("claims/zero.yaml", "not a regular file")


@pytest.mark.parametrize("given", ["/dev/null", "/dev/zero"])
def test_a_device_given_as_the_ledger_is_refused(workdir: Path, given: str) -> None:
    refused(["check", given], given, "not a ledger file or folder")


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch, ledger: Path) -> Iterator[Path]:
    """claims/caci-2017 cannot be listed (as for an analyst without permission to)."""
    folder = ledger / "caci-2017"
    listing = os.scandir

    def scandir(path: object = ".") -> object:
        if os.path.realpath(str(path)) == os.path.realpath(folder):
            raise PermissionError(13, "Permission denied", str(path))
        return listing(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    yield folder


def test_a_folder_that_cannot_be_read_is_reported(unreadable: Path) -> None:
    check_refused("claims/caci-2017", "cannot read the folder: permission denied")


def test_prune_refuses_when_part_of_the_ledger_could_not_be_read(
    db_url: str, unreadable: Path
) -> None:
    api.import_ledger([SHIPPED], db_url)
    before = snapshot(db_url)
    ran = refused(["import", "claims", "--prune", "--db", db_url], "claims/caci-2017")
    assert "nothing was written" in ran.err
    assert snapshot(db_url) == before


def test_prune_refuses_when_an_analyst_may_not_read_a_folder(shared: Path) -> None:
    """The same with real permissions: the folder is root's, mode 0700, the analyst not."""
    ledger = shared / "claims"
    shutil.copytree(SHIPPED, ledger)
    url = "sqlite:///ledger.db"
    api.import_ledger([SHIPPED], f"sqlite:///{shared / 'ledger.db'}")
    doors.give_to_nobody(shared / "ledger.db")
    before = snapshot(f"sqlite:///{shared / 'ledger.db'}")
    (ledger / "caci-2017").chmod(0o700 if os.geteuid() == 0 else 0o000)
    ran = doors.as_nobody(["import", "claims", "--prune", "--db", url], shared)
    assert ran.status == 2, ran.output
    assert "Traceback" not in ran.output
    assert "claims/caci-2017: cannot read the folder" in ran.err
    assert snapshot(f"sqlite:///{shared / 'ledger.db'}") == before
