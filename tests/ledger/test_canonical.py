"""The canonical form `provenance fmt` writes: keys and sections in export's order, two-space
indents, and everything the analyst wrote (comments, quoting, spelling) kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.errors import LedgerInvalid
from provenance.ledger.canonical import canonical_text, formatted

ROOT = Path(__file__).resolve().parent.parent.parent

MESSY = """\
# The wire story of 6 August
claims:
    - subject: e1
      id: c1   # first toll
      value: over 50
      property: killed
      confidence: '95%'
      source: s1
sources:
  - {title: Wire story, id: s1, kind: news}
entities:
  - id: e1
    name: Mirza Olang
    kind: place
"""

TIDY = """\
# The wire story of 6 August
sources:
  - {id: s1, title: Wire story, kind: news}
entities:
  - id: e1
    kind: place
    name: Mirza Olang
claims:
  - id: c1     # first toll
    subject: e1
    property: killed
    value: over 50
    source: s1
    confidence: '95%'
"""


def test_keys_and_sections_take_exports_order_and_comments_and_spelling_stay() -> None:
    assert canonical_text(MESSY, "a.yaml") == TIDY


def test_the_canonical_form_is_canonical() -> None:
    assert canonical_text(TIDY, "a.yaml") == TIDY


def test_the_shipped_ledger_is_in_canonical_form() -> None:
    assert [f.file.name for f in formatted([ROOT / "claims"]) if f.changed] == []


def test_a_ledger_that_does_not_read_is_not_formatted(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("claims:\n  - {id: c1, subject: e1\n", "utf-8")
    with pytest.raises(LedgerInvalid) as refused:
        formatted([tmp_path])
    assert any("a.yaml:2: not valid YAML" in line for line in refused.value.lines())
