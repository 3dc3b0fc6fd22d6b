"""The ledger's vocabulary as a whole (scopes within scopes, properties within or the sum of
properties), and the parts of a figure: what is refused, at which line, and the look-alikes
that are not mistakes (a scope declared in another file, within a place, or stored earlier;
a breakdown off by rounding)."""

from __future__ import annotations

from pathlib import Path

from ledger_files import load, refused_for, write
from provenance import api
from provenance.model import Quantity
from provenance.quantities import parse_quantity

BASE = """\
sources:
  - {id: src, title: A report, kind: news}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: kabul, kind: place, name: Kabul}
"""


def count(words: str) -> Quantity:
    return parse_quantity(words, signed=False, count=True)


def test_a_scope_may_be_within_a_scope_of_another_file_a_place_or_a_shipped_one(
    tmp_path: Path,
) -> None:
    write(tmp_path, "a.yaml", BASE)
    write(tmp_path, "b.yaml", "scopes:\n  - {id: night-nurses, within: night-shift}\n")
    write(tmp_path, "c.yaml", "scopes:\n  - {id: night-shift, within: medical-staff}\n")
    write(tmp_path, "d.yaml", "scopes:\n  - {id: kabul-civilians, within: kabul}\n")
    assert {s.id for s in load(tmp_path).scopes} == {
        "night-nurses",
        "night-shift",
        "kabul-civilians",
    }


def test_a_scope_within_an_unknown_scope_is_refused_at_its_within(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", "scopes:\n  - id: nurses\n    within: medical-staf\n")
    refused_for(tmp_path, name, 3, "within: 'medical-staf' is not a known scope",
                "did you mean 'medical-staff'?")  # fmt: skip


def test_a_circle_through_a_shipped_scope_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", "scopes:\n  - {id: women, within: mothers}\n")
    refused_for(tmp_path, name, 2, "circle: mothers -> women -> mothers")


def test_a_scope_stored_earlier_may_be_named_by_a_later_import(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    write(tmp_path / "first", "scopes.yaml", "scopes:\n  - {id: night-shift, within: staff}\n")
    api.import_ledger([tmp_path / "first"], url)
    write(tmp_path / "later", "more.yaml", "scopes:\n  - {id: night-nurses, within: night-shift}\n")
    api.import_ledger([tmp_path / "later"], url)  # refused, it would raise


def test_a_property_within_and_the_sum_of_declared_or_shipped_properties(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", BASE)
    write(
        tmp_path,
        "p.yaml",
        """\
        properties:
          - {id: escaped, kind: quantity, count: true, within: [present]}
          - {id: held, kind: quantity, count: true, sum_of: [escaped, released]}
        """,
    )
    assert [p.id for p in load(tmp_path).properties] == ["escaped", "held"]


def test_an_unknown_property_in_sum_of_is_refused_at_its_item(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "p.yaml",
        """\
        properties:
          - id: held
            kind: quantity
            sum_of:
              - escaped
              - relased
        """,
    )
    write(tmp_path, "q.yaml", "properties:\n  - {id: escaped, kind: quantity}\n")
    refused_for(tmp_path, name, 6, "sum_of: 'relased' is not a known property",
                "did you mean 'released'?")  # fmt: skip


def test_a_circle_of_sums_is_refused(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "p.yaml",
        """\
        properties:
          - {id: a-total, kind: quantity, sum_of: [b-total]}
          - {id: b-total, kind: quantity, sum_of: [a-total]}
        """,
    )
    refused_for(tmp_path, name, 2, "sum_of goes round in a circle: a-total -> b-total -> a-total")


def test_a_breakdown_that_does_not_add_up_is_read_for_the_checker(tmp_path: Path) -> None:
    """A source whose own parts exceed its figure is recorded as it is: the scope-relation
    rule judges it, the reader does not refuse it."""
    write(tmp_path, "a.yaml", BASE)
    write(
        tmp_path,
        "c.yaml",
        """\
        claims:
          - id: c
            subject: attack
            property: killed
            value: 40
            source: src
            parts:
              civilians: 12
              police: 50
        """,
    )
    [claim] = [c for c in load(tmp_path).claims if c.id == "c"]
    assert {p.scope for p in claim.parts} == {"civilians", "police"}
