"""Links that must not go round: derived_from, part_of and supersedes circles, each reported
once at the line of the link of its smallest id; records that refer to themselves; revisions of
a claim about something else; and find_cycles on small graphs."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from ledger_files import only, problems, write
from provenance.errors import LedgerInvalid, Problem
from provenance.graphs import Tangle, find_cycles
from provenance.importing import load_ledger

BASE = """
sources:
  - {id: src, title: A report, kind: news, reliability: B}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: other-attack, kind: event, name: Another attack}
  - {id: kabul, kind: place, name: Kabul}
"""


def with_base(root: Path, content: str, name: str = "test.yaml") -> str:
    write(root, "base.yaml", BASE)
    return write(root, name, content)


def source(ident: str, derived_from: str) -> str:
    """A source on five lines, its derived_from on the fifth."""
    return (
        f"  - id: {ident}\n    title: Copy\n    kind: news\n    reliability: D\n"
        f"    derived_from: [{derived_from}]\n"
    )


def claim(ident: str, supersedes: str, subject: str = "attack", prop: str = "killed") -> str:
    """A claim on six lines, its supersedes on the sixth."""
    return (
        f"  - id: {ident}\n    subject: {subject}\n    property: {prop}\n    value: 52\n"
        f"    source: src\n    supersedes: {supersedes}\n"
    )


# --- circles --------------------------------------------------------------------------------


def test_a_derived_from_circle_of_three_starts_at_its_smallest_id(tmp_path: Path) -> None:
    # s-c is written first, but the circle is named from s-a, at s-a's derived_from
    body = "sources:\n" + source("s-c", "s-a") + source("s-a", "s-b") + source("s-b", "s-c")
    name = with_base(tmp_path, body)
    assert only(tmp_path) == Problem(
        name,
        11,
        "derived_from goes round in a circle: s-a -> s-b -> s-c -> s-a",
        "remove one of these derived_from links",
    )


def test_a_circle_across_files_is_reported_in_the_file_of_its_smallest_id(tmp_path: Path) -> None:
    write(tmp_path, "base.yaml", BASE)
    first = write(tmp_path, "z.yaml", "sources:\n" + source("a-copy", "b-copy"))
    write(tmp_path, "y.yaml", "sources:\n" + source("b-copy", "a-copy"))
    problem = only(tmp_path)
    assert (problem.file, problem.line) == (first, 6)
    assert problem.message == "derived_from goes round in a circle: a-copy -> b-copy -> a-copy"


def test_a_part_of_circle_is_reported_once(tmp_path: Path) -> None:
    name = with_base(
        tmp_path,
        """
        entities:
          - {id: upper, kind: place, name: Upper, part_of: lower}
          - id: lower
            kind: place
            name: Lower
            part_of: upper
        """,
    )
    assert only(tmp_path) == Problem(
        name,
        6,
        "part_of goes round in a circle: lower -> upper -> lower",
        "remove one of these part_of links",
    )


def test_a_supersedes_circle_is_reported_once(tmp_path: Path) -> None:
    name = with_base(tmp_path, "claims:\n" + claim("c2", "c1") + claim("c1", "c2"))
    assert only(tmp_path) == Problem(
        name,
        13,
        "supersedes goes round in a circle: c1 -> c2 -> c1",
        "remove one of these supersedes links",
    )


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("sources:\n" + source("s-a", "s-a"), 6, "derived_from goes round in a circle: s-a -> s-a"),
        (
            "entities:\n  - {id: e, kind: place, name: E, part_of: e}\n",
            2,
            "part_of goes round in a circle: e -> e",
        ),
        ("claims:\n" + claim("c1", "c1"), 7, "supersedes goes round in a circle: c1 -> c1"),
    ],
    ids=["derived_from", "part_of", "supersedes"],
)
def test_a_link_to_itself_is_a_circle_of_one(
    tmp_path: Path, content: str, line: int, message: str
) -> None:
    name = with_base(tmp_path, content)
    problem = only(tmp_path)
    assert (problem.file, problem.line, problem.message) == (name, line, message)


def test_a_chain_into_a_circle_and_a_second_circle_are_each_reported_once(tmp_path: Path) -> None:
    body = (
        "sources:\n"
        + source("tail", "s-a")
        + source("s-a", "s-b")
        + source("s-b", "s-a")
        + source("x-1", "x-2")
        + source("x-2", "x-1")
    )
    name = with_base(tmp_path, body)
    assert [(p.file, p.line, p.message) for p in problems(tmp_path)] == [
        (name, 11, "derived_from goes round in a circle: s-a -> s-b -> s-a"),
        (name, 21, "derived_from goes round in a circle: x-1 -> x-2 -> x-1"),
    ]


@pytest.mark.parametrize(
    ("content", "line", "key", "ident"),
    [
        (
            "entities:\n  - id: herat\n    kind: place\n    name: Herat\n"
            "    distinct_from: [kabul, herat]\n",
            5,
            "distinct_from",
            "herat",
        ),
        (
            "claims:\n" + claim("c1", "c0").replace("supersedes: c0", "contradicts: [c1]"),
            7,
            "contradicts",
            "c1",
        ),
    ],
    ids=["distinct_from", "contradicts"],
)
def test_a_record_cannot_refer_to_itself(
    tmp_path: Path, content: str, line: int, key: str, ident: str
) -> None:
    name = with_base(tmp_path, content)
    assert only(tmp_path) == Problem(
        name, line, f"{key}: '{ident}' refers to itself", f"remove '{ident}' from {key}"
    )


# --- revisions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("subject", "prop", "about"),
    [
        ("attack", "wounded", "attack wounded"),
        ("other-attack", "killed", "other-attack killed"),
    ],
    ids=["other-property", "other-subject"],
)
def test_a_revision_replaces_a_claim_about_the_same_thing(
    tmp_path: Path, subject: str, prop: str, about: str
) -> None:
    body = "claims:\n" + claim("c1", "c0", subject, prop).replace("    supersedes: c0\n", "")
    name = with_base(tmp_path, body + claim("c2", "c1"))
    assert only(tmp_path) == Problem(
        name,
        12,
        f"supersedes: 'c1' is about {about}, not attack killed",
        "a revision replaces a claim about the same subject and property",
    )


def test_a_revision_of_the_same_subject_and_property_loads(tmp_path: Path) -> None:
    body = "claims:\n" + claim("c1", "c0").replace("    supersedes: c0\n", "")
    with_base(tmp_path, body + claim("c2", "c1"))
    assert [c.supersedes for c in load_ledger([tmp_path]).claims] == [None, "c1"]


# --- find_cycles ----------------------------------------------------------------------------

GRAPHS: list[tuple[str, Mapping[str, tuple[str, ...]], list[Tangle]]] = [
    ("empty", {}, []),
    ("chain", {"a": ("b",), "b": ("c",), "c": ()}, []),
    ("diamond-without-return", {"a": ("b", "c"), "b": ("d",), "c": ("d",), "d": ()}, []),
    ("link-out-of-the-graph", {"a": ("missing",)}, []),
    ("self-loop", {"a": ("a",)}, [Tangle(("a",))]),
    (
        "two-disjoint",
        {"d": ("c",), "c": ("d",), "b": ("a",), "a": ("b",)},
        [Tangle(("a", "b")), Tangle(("c", "d"))],
    ),
    ("reached-from-outside", {"a": ("b",), "b": ("c",), "c": ("b",)}, [Tangle(("b", "c"))]),
    ("turned-to-smallest", {"z": ("y",), "y": ("x",), "x": ("z",)}, [Tangle(("x", "z", "y"))]),
    ("figure-eight", {"a": ("b",), "b": ("a", "c"), "c": ("b",)}, [Tangle(("a", "b"), ("c",))]),
    ("self-loop-in-a-circle", {"a": ("a", "b"), "b": ("a",)}, [Tangle(("a",), ("b",))]),
]


@pytest.mark.parametrize(("graph", "tangles"), [pytest.param(g, c, id=i) for i, g, c in GRAPHS])
def test_find_cycles(graph: Mapping[str, tuple[str, ...]], tangles: list[Tangle]) -> None:
    assert find_cycles(graph) == tangles


def test_two_circles_through_one_node_are_one_tangle_naming_every_id() -> None:
    """Listing every circle can take exponential time; one report per tangle names a
    shortest circle and every other id caught in it, so nothing stays hidden."""
    graph = {"a": ("b", "c"), "b": ("d",), "c": ("d",), "d": ("a",)}
    assert find_cycles(graph) == [Tangle(("a", "b", "d"), ("c",))]


def test_a_tangle_is_reported_with_the_ids_caught_in_it(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(
        "sources:\n"
        "  - {id: a, title: A, kind: news, reliability: C, derived_from: [b, c]}\n"
        "  - {id: b, title: B, kind: news, reliability: C, derived_from: [d]}\n"
        "  - {id: c, title: C, kind: news, reliability: C, derived_from: [d]}\n"
        "  - {id: d, title: D, kind: news, reliability: C, derived_from: [a]}\n",
        "utf-8",
    )
    with pytest.raises(LedgerInvalid) as refused:
        load_ledger([tmp_path])
    assert [p.message for p in refused.value.problems] == [
        "derived_from goes round in a circle: a -> b -> d -> a (c also in this tangle)"
    ]


def test_find_cycles_is_fast_on_a_long_chain() -> None:
    graph = {f"n{i:05d}": (f"n{i + 1:05d}",) for i in range(20_000)}
    graph["n20000"] = ("n00000",)
    [tangle] = find_cycles(graph)
    assert len(tangle.circle) == 20_001 and tangle.circle[0] == "n00000"
    assert tangle.others == ()
