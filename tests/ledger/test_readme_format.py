"""The README's format reference keeps up with the format: every key of every section is
named there, and its YAML examples are ledger files that read without a problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.ledger.load import parse_paths
from provenance.ledger.schema import SECTIONS

README = Path(__file__).resolve().parents[2] / "README.md"


def format_reference() -> str:
    """The README's section on the ledger format, up to the next section."""
    text = README.read_text("utf-8")
    return text.split("## The ledger format", 1)[1].split("\n## ", 1)[0]


@pytest.mark.parametrize("section", list(SECTIONS))
def test_every_key_of_the_format_is_documented(section: str) -> None:
    reference = format_reference()
    missing = [
        key
        for key in SECTIONS[section]
        if f"`{key}`" not in reference
        and f"`{key}:" not in reference
        and f" {key}:" not in reference
    ]
    assert missing == [], f"the format reference does not name {section} keys {missing}"


def test_the_format_reference_examples_read_without_a_problem(tmp_path: Path) -> None:
    blocks = [part.split("```")[0] for part in format_reference().split("```yaml\n")[1:]]
    assert len(blocks) >= 3
    for n, block in enumerate(blocks):
        (tmp_path / f"example-{n}.yaml").write_text(block, "utf-8")
    parsed, problems = parse_paths([tmp_path])
    assert [str(p) for p in problems] == []
    ledger = parsed.ledger()
    assert {s.id for s in ledger.scopes} >= {"night-shift"}
    assert {p.id for p in ledger.properties} >= {"escaped", "detained-total"}
