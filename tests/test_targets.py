"""Every command finds its ledger one way: given paths or --ledger, else --db, else claims/
here, else the default database; and the index of a folder follows its files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import SHIPPED
from provenance.errors import LedgerInvalid, ProvenanceError
from provenance.indexing import fresh_index, stamp
from provenance.targets import Target, resolve


def test_the_order_of_choice(tmp_path: Path) -> None:
    assert resolve((), None, here=tmp_path) == Target((), None)
    (tmp_path / "claims").mkdir()
    assert resolve((), None, here=tmp_path) == Target((tmp_path / "claims",), None)
    assert resolve((), "team.db", here=tmp_path) == Target((), "team.db")
    other = tmp_path / "other"
    other.mkdir()
    assert resolve((), "team.db", ledger=other, here=tmp_path) == Target((other,), None)
    assert resolve((Path("x.yaml"),), "team.db", here=tmp_path).paths == (Path("x.yaml"),)


def test_a_missing_ledger_folder_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(ProvenanceError, match=r"--ledger .*: no such folder"):
        resolve((), None, ledger=tmp_path / "nowhere")


def test_what_a_command_says_it_used(workdir: Path) -> None:
    (workdir / "claims").mkdir()
    assert resolve().describe(indexed=True) == (
        "ledger: claims (files; index .provenance/ledger.db)"
    )
    assert resolve((), "team.db").describe() == "ledger: sqlite:///team.db (database)"


def test_the_index_is_rebuilt_only_when_a_file_changed(shipped_ledger: Path) -> None:
    target = resolve()
    url = fresh_index(target)
    index = Path(url.removeprefix("sqlite:///"))
    built = index.stat().st_mtime_ns
    assert fresh_index(target) == url and index.stat().st_mtime_ns == built
    first = stamp(shipped_ledger)
    extra = shipped_ledger / "extra.yaml"
    shutil.copy(SHIPPED / "reviews.yaml", extra)
    os.utime(extra, ns=(1, 1))
    assert stamp(shipped_ledger) != first
    (shipped_ledger / "extra.yaml").unlink()
    assert stamp(shipped_ledger) == first
    os.utime(shipped_ledger / "reviews.yaml", ns=(2, 2))
    fresh_index(target)
    assert index.stat().st_mtime_ns != built


def test_a_broken_folder_keeps_the_index_it_had(shipped_ledger: Path) -> None:
    target = resolve()
    index = Path(fresh_index(target).removeprefix("sqlite:///"))
    before = index.read_bytes()
    (shipped_ledger / "broken.yaml").write_text("claims: [\n", encoding="utf-8")
    with pytest.raises(LedgerInvalid):
        fresh_index(target)
    assert index.read_bytes() == before
    assert sorted(p.name for p in index.parent.iterdir()) == ["ledger.db", "ledger.db.stamp"]
