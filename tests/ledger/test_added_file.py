"""A record from `add` placed in a ledger file: after its section's last item, or as a new
section; shapes with no clear place refused."""

from __future__ import annotations

import pytest
import yaml

from provenance.ledger.added_file import NoPlace, with_record
from provenance.model import Entity, EntityKind

TALIBAN = Entity(id="taliban", kind=EntityKind.ORGANISATION, name="Taliban")


def test_an_empty_file_becomes_the_section() -> None:
    text, line = with_record("", TALIBAN, "added.yaml")
    assert yaml.safe_load(text) == {
        "entities": [{"id": "taliban", "kind": "organisation", "name": "Taliban"}]
    }
    assert line == 2


def test_the_record_follows_the_last_item_at_the_list_indentation() -> None:
    before = "# ours\nentities:\n- id: a  # first\n  kind: place\n  name: A\nclaims: []\n"
    text, line = with_record(before, TALIBAN, "f.yaml")
    assert text.startswith("# ours\nentities:\n- id: a  # first\n  kind: place\n  name: A\n")
    assert text.endswith("claims: []\n")
    assert [e["id"] for e in yaml.safe_load(text)["entities"]] == ["a", "taliban"]
    assert text.splitlines()[line - 1] == "- id: taliban"


def test_a_missing_section_is_added_at_the_end_keeping_line_ends() -> None:
    before = "sources:\r\n  - id: s\r\n    title: T"
    text, line = with_record(before, TALIBAN, "f.yaml")
    assert "\n" not in text.replace("\r\n", "")
    assert yaml.safe_load(text)["entities"][0]["id"] == "taliban"
    assert text.split("\r\n")[line - 1] == "  - id: taliban"


@pytest.mark.parametrize(
    "before",
    ["entities: [{id: a, kind: place, name: A}]\n", "{sources: []}\n", "a: 1\n---\nb: 2\n"],
)
def test_a_shape_without_a_clear_place_is_refused(before: str) -> None:
    with pytest.raises(NoPlace, match="cannot tell where the record goes"):
        with_record(before, TALIBAN, "f.yaml")
