"""A running count's finding keeps its id (and so its review) while reports join a position
it already lists, and takes a new id when a new position appears."""

from __future__ import annotations

from pathlib import Path

from provenance import api
from provenance.checker.settings import Settings

BASE = """\
sources:
  - {id: ministry, title: Ministry, kind: government, reliability: C, published: 2019-03-02}
  - {id: radio, title: Local radio, kind: news, reliability: C, published: 2019-03-02}
  - {id: agency, title: Agency wire, kind: wire, reliability: B, published: 2019-03-02}
  - {id: paper, title: Daily paper, kind: news, reliability: C, published: 2019-03-02}
entities:
  - {id: bombing, kind: event, name: The bombing}
claims:
  - {id: gov, subject: bombing, property: killed, value: 46, source: ministry}
  - {id: local, subject: bombing, property: killed, value: 80, source: radio}
"""


def _ids(folder: Path, extra: str = "") -> list[str]:
    folder.mkdir()
    (folder / "ledger.yaml").write_text(BASE + extra, "utf-8")
    result = api.check([folder], None, Settings(), only=["numeric-conflict"])
    return [c.id for c in result.conflicts]


def test_a_report_joining_a_position_keeps_the_finding_id(tmp_path: Path) -> None:
    before = _ids(tmp_path / "before")
    joined = "  - {id: wire, subject: bombing, property: killed, value: about 46, source: agency}\n"
    after = _ids(tmp_path / "after", joined)
    assert len(before) == 1
    assert after == before


def test_a_new_position_is_a_new_finding(tmp_path: Path) -> None:
    before = _ids(tmp_path / "before")
    third = "  - {id: claim, subject: bombing, property: killed, value: 300, source: paper}\n"
    after = _ids(tmp_path / "after", third)
    assert len(after) == 1
    assert after != before
