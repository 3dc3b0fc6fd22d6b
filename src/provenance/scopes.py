"""Scopes: who or what a figure counts ("civilians", "police", "fighters and families"), with
the part-of relations the checker reasons with: a part can never exceed its whole, and two
scopes with no relation are not comparable.

A claim's `scope` is free text; when it names a scope of the vocabulary (by id, name or
alias, case and plural ignored) the relations apply. The shipped vocabulary (DEFAULTS) covers
the populations reporting counts; a ledger adds or refines scopes in a `scopes:` section. A
claim without a scope counts the whole (everyone, for a count of people)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum

from provenance.model import Scope

WHOLE = "everyone"
"""The scope of a figure that names none: the whole of what is counted."""


def _s(ident: str, within: str | None, *aliases: str) -> Scope:
    return Scope(ident, ident.replace("-", " "), within, tuple(aliases))


DEFAULTS: tuple[Scope, ...] = (
    _s("civilians", None, "civilian", "non-combatants"),
    _s("combatants", None, "fighters on all sides", "armed men"),
    _s("security-forces", "combatants", "security personnel", "government forces"),
    _s("police", "security-forces", "policemen", "police officers", "policemen killed"),
    _s("soldiers", "security-forces", "troops", "army", "servicemen"),
    _s(
        "attackers",
        "combatants",
        "assailants",
        "gunmen",
        "militants",
        "insurgents",
        "suicide bombers",
        "bombers",
        "terrorists",
    ),
    _s("fighters-and-families", None, "fighters and their families", "members and families"),
    _s("fighters", "fighters-and-families", "fighter"),
    _s("children", None, "child", "minors", "newborns", "babies"),
    _s("women", None, "woman", "female"),
    _s("mothers", "women", "mother", "new mothers"),
    _s("foreigners", None, "foreign nationals", "foreign citizens", "expatriates"),
    _s("staff", None, "employees", "workers", "personnel"),
    _s("medical-staff", "staff", "health workers", "medical workers", "nurses", "doctors"),
    _s("aid-workers", "civilians", "humanitarian workers"),
    _s("journalists", "civilians", "reporters", "media workers"),
    _s("patients", "civilians", "patient"),
    _s("students", "civilians", "student", "pupils"),
    _s("worshippers", "civilians", "worshipers", "congregation"),
    _s("guests", None, "wedding guests", "visitors"),
    _s("prisoners", None, "inmates", "detainees"),
    _s("guards", None, "guard", "security guards"),
    _s(
        "control-or-contested",
        None,
        "controlled or contested",
        "control or influence",
        "controlled or influenced",
    ),
    _s("control", "control-or-contested", "controlled", "under control", "full control"),
)


class Relation(StrEnum):
    SAME = "same"
    PART = "part"  # the first is a part of the second
    WHOLE = "whole"  # the second is a part of the first
    UNRELATED = "unrelated"


class ScopeBook:
    """The scopes a ledger knows (the shipped vocabulary and its own), and the part-of
    relations between any two scope texts. ``places`` maps an entity id to the entity it sits
    inside (part_of), so that a district scope is a part of its province's."""

    def __init__(
        self,
        declared: Iterable[Scope] = (),
        places: Mapping[str, str | None] | None = None,
    ) -> None:
        self.scopes: dict[str, Scope] = {s.id: s for s in DEFAULTS}
        self.scopes.update((s.id, s) for s in declared)
        self.places = dict(places or {})
        self._names: dict[str, str] = {}
        for scope in self.scopes.values():
            for name in (scope.id, scope.name, *scope.aliases):
                self._names.setdefault(_key(name), scope.id)

    def resolve(self, text: str | None) -> str:
        """The scope a claim's scope text names: a vocabulary id, a place entity id, the
        whole (no text), or the text itself folded (a scope of its own)."""
        if text is None or not text.strip():
            return WHOLE
        key = _key(text)
        if key in self._names:
            return self._names[key]
        if text in self.places:
            return text
        return key

    def parents(self, scope: str) -> list[str]:
        """The scopes this one sits inside, nearest first, ending with the whole."""
        chain: list[str] = []
        current: str | None = scope
        while current is not None and current != WHOLE:
            known = self.scopes.get(current)
            if known is not None:
                current = known.within
            elif current in self.places:
                current = self.places[current]
            else:
                current = None
            if current is not None and current not in chain:
                chain.append(current)
            elif current is not None:
                break
        chain.append(WHOLE)
        return chain

    def relation(self, a: str | None, b: str | None) -> Relation:
        """How scope texts ``a`` and ``b`` relate."""
        first, second = self.resolve(a), self.resolve(b)
        if first == second:
            return Relation.SAME
        if self.known(first) and second in self.parents(first):
            return Relation.PART
        if self.known(second) and first in self.parents(second):
            return Relation.WHOLE
        return Relation.UNRELATED

    def known(self, scope: str) -> bool:
        """Whether a resolved scope has relations (a vocabulary scope or a place), rather
        than being free text of its own."""
        return scope == WHOLE or scope in self.scopes or scope in self.places

    def name(self, scope: str | None) -> str:
        resolved = self.resolve(scope)
        if resolved == WHOLE:
            return "everyone counted"
        found = self.scopes.get(resolved)
        return found.name if found else (scope or resolved)


def _key(text: str) -> str:
    """Case, spacing, hyphens and a plural -s ignored: "Policemen" and "policeman" differ,
    "civilians" and "Civilian" do not."""
    words = re.sub(r"[\s_-]+", " ", text.strip().casefold())
    return words[:-1] if words.endswith("s") and len(words) > 3 else words
