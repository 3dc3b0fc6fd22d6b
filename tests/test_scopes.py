"""Scopes and their part-of relations: a part never exceeds its whole; scopes with no relation
are not comparable; the vocabulary is extended by a ledger's own scopes."""

from __future__ import annotations

import pytest

from provenance.model import Scope
from provenance.scopes import WHOLE, Relation, ScopeBook

BOOK = ScopeBook(
    [Scope("at-one-hospital", "brought to one hospital"), Scope("afghans", "Afghans")],
    places={"kunduz-city": "kunduz-province", "kunduz-province": "afghanistan"},
)


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("civilians", None, Relation.PART),
        (None, "civilians", Relation.WHOLE),
        ("Civilian", "civilians", Relation.SAME),
        ("policemen", "security forces", Relation.PART),
        ("police", None, Relation.PART),
        ("mothers", "women", Relation.PART),
        ("fighters", "fighters and their families", Relation.PART),
        ("control", "controlled or contested", Relation.PART),
        ("at-one-hospital", None, Relation.PART),
        ("afghans", None, Relation.PART),
        ("kunduz-city", "kunduz-province", Relation.PART),
        ("kunduz-province", "kunduz-city", Relation.WHOLE),
        # siblings and free text: no relation, so not comparable
        ("civilians", "combatants", Relation.UNRELATED),
        ("police", "students", Relation.UNRELATED),
        ("all people killed, women and children included", None, Relation.UNRELATED),
    ],
)
def test_scopes_relate_by_their_part_of_chain(
    a: str | None, b: str | None, relation: Relation
) -> None:
    assert BOOK.relation(a, b) is relation


def test_a_ledger_scope_refines_the_shipped_one() -> None:
    book = ScopeBook([Scope("mothers", "mothers in the ward", within="patients")])
    assert book.relation("mothers", "patients") is Relation.PART
    assert book.relation("mothers", "women") is Relation.UNRELATED


def test_no_scope_is_the_whole_and_free_text_is_its_own_scope() -> None:
    assert BOOK.resolve(None) == WHOLE
    assert BOOK.resolve("  ") == WHOLE
    assert BOOK.resolve("Guests at the wedding") == "guests at the wedding"
    assert not BOOK.known(BOOK.resolve("Guests at the wedding"))
    assert BOOK.parents("police") == ["security-forces", "combatants", WHOLE]


def test_a_loop_in_declared_scopes_ends() -> None:
    book = ScopeBook([Scope("a", "a", within="b"), Scope("b", "b", within="a")])
    assert book.parents("a")[-1] == WHOLE
