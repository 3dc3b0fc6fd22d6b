"""The ledger's vocabulary as a whole (scopes within scopes, properties within or the sum of
properties), and the parts of a figure: what is refused, at which line, and the look-alikes
that are not mistakes (a scope declared in another file, within a place, or stored earlier;
a breakdown off by rounding)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_files import load, refused_for, write
from provenance import api
from provenance.ledger.values import parts_problem
from provenance.model import Part, Quantity
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


def breakdown(whole: str, complete: bool, **parts: str) -> str | None:
    """The message for the parts of ``whole``, or None when they are sound."""
    found = parts_problem(
        count(whole), tuple(Part(s, count(w)) for s, w in parts.items()), complete
    )
    return None if found is None else found[1]


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


@pytest.mark.parametrize(
    ("whole", "complete", "parts"),
    [
        ("169", True, {"police": "100", "civilians": "70"}),  # a rounding, not an error
        ("40", False, {"police": "12"}),
        ("40", True, {"police": "12", "civilians": "about 28"}),
        ("over 40", False, {"police": "41"}),
        ("40", False, {"police": "40"}),  # all of them police
        ("40", True, {"police": "12", "civilians": "some"}),  # some: 1 or more, it may meet
        ("40", False, {"police": "30", "men": "35"}),  # not complete: parts may overlap
    ],
)
def test_breakdowns_that_can_be_true_are_read(
    whole: str, complete: bool, parts: dict[str, str]
) -> None:
    assert breakdown(whole, complete, **parts) is None


@pytest.mark.parametrize(
    ("whole", "complete", "parts", "message"),
    [
        ("40", False, {"police": "50"}, "part 'police' (50) is more than the whole (40)"),
        ("40", False, {"police": "over 40"}, "part 'police' (over 40, [41, ∞))"),
        ("40", True, {"police": "30", "civilians": "20"}, "add up to at least 50, more than"),
        ("40", True, {"police": "10", "civilians": "20"}, "add up to at most 30, less than"),
        ("about 100", True, {"a": "up to 20", "b": "up to 30"}, "at most 50, less than"),
    ],
)
def test_breakdowns_that_cannot_be_true_are_refused(
    whole: str, complete: bool, parts: dict[str, str], message: str
) -> None:
    found = breakdown(whole, complete, **parts)
    assert found is not None and message in found, found


def test_a_breakdown_is_refused_at_the_part_at_fault(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", BASE)
    name = write(
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
    refused_for(tmp_path, name, 9, "part 'police' (50) is more than the whole (40)")


def test_signed_figures_and_figures_in_other_units_are_left_to_the_checker() -> None:
    change = parse_quantity("-40", signed=True)
    assert parts_problem(change, (Part("a", parse_quantity("10", signed=True)),), True) is None
    dollars = parse_quantity("$40", signed=False)
    assert parts_problem(dollars, (Part("a", parse_quantity("50", signed=False)),), False) is None
