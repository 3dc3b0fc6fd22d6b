"""Every command that writes a file (`check -o`, `report -o`, `export -o`) writes it through one
writer: a missing or read-only folder, a folder given for a file, a full disk are messages
naming the path; devices, pipes, sockets, symbolic and hard links are written in place (never
replaced); no temporary file outlives a failure; an export is written as a whole."""

from __future__ import annotations

import errno
import os
import pathlib
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import doors
import pytest
from doors import leftovers, refused, run
from test_bad_inputs import SHIPPED

from provenance import api, writing

COMMANDS = {
    "check": ["check", "claims", "--format", "sarif", "-o"],
    "report": ["report", "claims", "--format", "html", "-o"],
}
PROVENANCE = str(Path(sys.executable).with_name("provenance"))


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    shutil.copytree(SHIPPED, folder)
    return folder


def written(command: str, target: str) -> doors.Ran:
    ran = run([*COMMANDS[command], target])
    assert ran.status == 0, ran.output
    return ran


@pytest.fixture(params=list(COMMANDS))
def command(request: pytest.FixtureRequest, ledger: Path) -> str:
    name: str = request.param
    return name


def test_a_missing_folder_is_explained(command: str, workdir: Path) -> None:
    refused([*COMMANDS[command], "nowhere/out.txt"], "nowhere/out.txt", "does not exist")
    assert not (workdir / "nowhere").exists()


def test_a_read_only_folder_is_refused(command: str, workdir: Path) -> None:
    folder = workdir / "out"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        refused([*COMMANDS[command], "out/report"], "out/report", "read-only")
    finally:
        folder.chmod(0o755)
    assert list(folder.iterdir()) == []


def test_a_folder_an_analyst_may_not_write_is_refused(shared: Path) -> None:
    shutil.copytree(SHIPPED, shared / "claims")
    (shared / "out").mkdir()  # root's folder, mode 0755
    ran = doors.as_nobody([*COMMANDS["check"], "out/results.sarif"], shared)
    assert ran.status == 2, ran.output
    assert "Traceback" not in ran.output
    assert "out/results.sarif" in ran.err
    assert list((shared / "out").iterdir()) == []


def test_a_folder_given_for_a_file_is_refused(command: str, workdir: Path) -> None:
    (workdir / "out").mkdir()
    refused([*COMMANDS[command], "out"], "out", "directory")


def test_a_file_in_the_path_is_explained(command: str, workdir: Path) -> None:
    (workdir / "notes.txt").write_text("mine\n", "utf-8")
    refused([*COMMANDS[command], "notes.txt/out"], "notes.txt/out", "not a folder")
    assert (workdir / "notes.txt").read_text("utf-8") == "mine\n"


def test_a_device_is_written_in_place(command: str) -> None:
    written(command, "/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_standard_output_is_written_in_place_never_replaced(ledger: Path) -> None:
    """As root, the first writer renamed a temporary file over /dev/stdout."""
    done = subprocess.run(
        [PROVENANCE, "check", "claims", "--format", "json", "-o", "/dev/stdout"],
        cwd=ledger.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"version"' in done.stdout
    assert os.path.islink("/dev/stdout")


def test_a_pipe_is_written_in_place(command: str, workdir: Path) -> None:
    fifo = workdir / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    written(command, "out.fifo")
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].strip()


def test_a_socket_is_refused(command: str, workdir: Path) -> None:
    listening = socket.socket(socket.AF_UNIX)
    listening.bind("out.sock")
    try:
        refused([*COMMANDS[command], "out.sock"], "out.sock")
    finally:
        listening.close()
    assert stat.S_ISSOCK((workdir / "out.sock").lstat().st_mode)


def test_a_symbolic_link_stays_a_link_and_its_file_is_written(command: str, workdir: Path) -> None:
    (workdir / "kept").mkdir()
    (workdir / "kept" / "report").write_text("old\n", "utf-8")
    (workdir / "kept" / "report").chmod(0o640)
    (workdir / "latest").symlink_to("kept/report")
    written(command, "latest")
    assert (workdir / "latest").is_symlink()
    assert (workdir / "kept" / "report").read_text("utf-8") != "old\n"
    assert stat.S_IMODE((workdir / "kept" / "report").stat().st_mode) == 0o640
    assert leftovers(workdir) == []


def test_a_link_to_a_file_not_there_yet_creates_it(command: str, workdir: Path) -> None:
    (workdir / "latest").symlink_to("report.out")
    written(command, "latest")
    assert (workdir / "latest").is_symlink()
    assert (workdir / "report.out").stat().st_size > 0


def test_a_hard_linked_file_is_written_in_place(command: str, workdir: Path) -> None:
    (workdir / "report").write_text("old\n", "utf-8")
    os.link(workdir / "report", workdir / "other-name")
    written(command, "report")
    assert (workdir / "other-name").read_bytes() == (workdir / "report").read_bytes() != b"old\n"


def test_a_read_only_file_is_refused_and_kept(command: str, workdir: Path) -> None:
    (workdir / "report").write_text("old\n", "utf-8")
    (workdir / "report").chmod(0o444)
    refused([*COMMANDS[command], "report"], "report", "read-only")
    assert (workdir / "report").read_text("utf-8") == "old\n"


def test_a_full_disk_leaves_the_earlier_file_and_no_temporary_file(
    command: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (workdir / "report").write_text("old\n", "utf-8")

    def full(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writing.os, "write", full)
    ran = refused([*COMMANDS[command], "report"], "report", "disk is full")
    assert "unchanged" in ran.err
    assert (workdir / "report").read_text("utf-8") == "old\n"
    assert leftovers(workdir) == []


def test_an_interrupted_write_leaves_no_temporary_file(
    command: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(descriptor: int, data: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(writing.os, "write", interrupted)
    run([*COMMANDS[command], "report"])
    assert not (workdir / "report").exists()
    assert leftovers(workdir) == []


def _small_files() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def test_a_file_larger_than_the_system_allows_is_a_message(ledger: Path) -> None:
    """A real limit rather than a simulated one: the process may write 2,000 bytes a file."""
    out = ledger.parent / "results.sarif"
    out.write_text("old\n", "utf-8")
    done = subprocess.run(
        [PROVENANCE, "check", "claims", "--format", "sarif", "-o", "results.sarif"],
        cwd=ledger.parent,
        capture_output=True,
        text=True,
        preexec_fn=_small_files,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "results.sarif" in done.stderr and "larger than allowed" in done.stderr
    assert "Traceback" not in done.stderr
    assert out.read_text("utf-8") == "old\n"
    assert leftovers(ledger.parent) == []


# export -o DIR: a set of files, written as a whole


@pytest.fixture
def stored(db_url: str, workdir: Path) -> str:
    api.import_ledger([SHIPPED], db_url)
    return db_url


def export(url: str, out: str = "out") -> list[str]:
    return ["export", "-o", out, "--db", url]


def tree(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_an_export_into_a_file_is_refused(stored: str, workdir: Path) -> None:
    (workdir / "out").write_text("mine\n", "utf-8")
    refused(export(stored), "out", "is a file")
    assert (workdir / "out").read_text("utf-8") == "mine\n"


def test_an_export_into_a_read_only_folder_is_refused(stored: str, workdir: Path) -> None:
    (workdir / "out").mkdir()
    (workdir / "out").chmod(0o555)
    try:
        refused(export(stored), "out", "read-only")
    finally:
        (workdir / "out").chmod(0o755)
    assert list((workdir / "out").iterdir()) == []


def test_an_export_on_a_full_disk_leaves_the_earlier_export(
    stored: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(export(stored)).status == 0
    before = tree(workdir / "out")
    calls = {"n": 0}
    real = pathlib.Path.write_text

    def fills_up(self: Path, *args: object, **kwargs: object) -> int:
        calls["n"] += 1
        if calls["n"] > 3:  # the fourth file meets a full disk
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pathlib.Path, "write_text", fills_up)
    ran = refused(export(stored), "out", "disk is full")
    assert "nothing was written" in ran.err
    assert tree(workdir / "out") == before
    assert leftovers(workdir) == []


def test_an_export_into_a_new_folder_that_fails_leaves_no_folder(
    stored: str, workdir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(self: Path, *args: object, **kwargs: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))

    monkeypatch.setattr(pathlib.Path, "write_text", full)
    refused(export(stored, "new/out"), "new/out", "disk is full")
    assert not (workdir / "new").exists()


def test_files_of_an_earlier_export_are_pointed_out(stored: str, workdir: Path) -> None:
    assert run(export(stored)).status == 0
    (workdir / "out" / "caci-2017" / "removed-since.yaml").write_text("sources: []\n", "utf-8")
    (workdir / "out" / "README.txt").write_text("not a ledger file\n", "utf-8")
    ran = run(export(stored))
    assert ran.status == 0, ran.output
    assert "out/caci-2017/removed-since.yaml" in ran.err
    assert "left from an earlier export" in ran.err
    assert "README.txt" not in ran.err
    assert (workdir / "out" / "caci-2017" / "removed-since.yaml").exists()  # never deleted


def test_an_export_never_follows_a_link_out_of_its_folder(stored: str, workdir: Path) -> None:
    assert run(export(stored)).status == 0
    outside = workdir / "elsewhere.yaml"
    outside.write_text("mine\n", "utf-8")
    (workdir / "out" / "sources.yaml").unlink()
    (workdir / "out" / "sources.yaml").symlink_to(outside)
    before = tree(workdir / "out")
    refused(export(stored), "out/sources.yaml", "outside")
    assert outside.read_text("utf-8") == "mine\n"
    assert tree(workdir / "out") == before
    assert leftovers(workdir) == []


def test_an_export_to_a_new_nested_folder_creates_it(stored: str, workdir: Path) -> None:
    ran = run(export(stored, "a/b/out"))
    assert ran.status == 0, ran.output
    assert (workdir / "a" / "b" / "out" / "sources.yaml").is_file()
    assert leftovers(workdir) == []
