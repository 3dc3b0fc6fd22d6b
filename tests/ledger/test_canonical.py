"""The canonical form `provenance fmt` writes: keys and sections in export's order, two-space
indents, and everything the analyst wrote (comments, quoting, spelling) kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.errors import LedgerInvalid
from provenance.ledger.canonical import canonical_text, formatted, merged_text

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


OLD = """\
# The wire story
sources:
  - {id: s1, title: Wire story, kind: news}   # a wire
entities:
  - {id: e1, kind: place, name: Mirza Olang}
claims:
  - id: c1
    subject: e1     # the attack
    property: killed
    value: over 50
    source: s1
    confidence: 95%       # the desk's judgement
  - id: c2
    subject: e1
    property: wounded
    value: 'about 20'   # first day
    source: s1
    confidence: '80%'   # the desk's judgement
"""


def exported(**changes: str) -> str:
    """The file as export writes it (no comments, its own quoting), with some changes."""
    c2 = {"value": "about 20", **changes}
    return (
        "sources:\n  - id: s1\n    title: Wire story\n    kind: news\n"
        "entities:\n  - id: e1\n    kind: place\n    name: Mirza Olang\n"
        "claims:\n"
        "  - id: c1\n    subject: e1\n    property: killed\n    value: over 50\n"
        "    source: s1\n    confidence: 95%\n"
        f"  - id: c2\n    subject: e1\n    property: wounded\n    value: {c2['value']}\n"
        "    source: s1\n    confidence: 80%\n"
    )


def test_an_export_of_unchanged_records_over_their_file_is_the_file() -> None:
    assert merged_text(OLD, exported(), "a.yaml") == OLD


def test_a_changed_value_is_written_and_the_rest_of_its_record_kept_as_written() -> None:
    merged = merged_text(OLD, exported(value="about 25"), "a.yaml")
    assert merged == OLD.replace("    value: 'about 20'   # first day\n", "    value: about 25\n")


def test_a_file_that_no_longer_reads_is_simply_replaced() -> None:
    assert merged_text("claims: [\n", exported(), "a.yaml") == exported()
