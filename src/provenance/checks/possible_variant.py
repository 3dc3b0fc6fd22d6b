"""The possible-variant rule: two spellings that are likely one name, ranked for review."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from dataclasses import replace
from typing import Any, ClassVar

from provenance import names
from provenance.checks._spellings import (
    Spelling,
    collector_paused,
    kept_apart,
    matched,
    name_search,
    short_form,
    spelling_finding,
)
from provenance.checks.base import Finding, Option, Rule
from provenance.checks.context import Context
from provenance.model import Severity
from provenance.name_tiers import REVIEW, WARNING

WITHIN_NAMES = frozenset({"event", "other"})
"""Kinds whose names hold other names ("Mirza Olang attack", "witnesses at Mirza Olang"):
a short form of one is that other name, not a variant of it. An organisation's short form
is usually the organisation it is a branch of, so organisations get no short forms."""
SHORT_FORM_COVERAGE = 0.3
"""The share of a longer name's words a short form must hold ("Teekh" of "Kariz-e Teekh")."""


class PossibleVariant(Rule):
    """Two spellings that are likely one name, for the review queue (never fails a check).

    Where `spelling-variant` is confident, this rule lists the pairs the name matcher
    finds likely but not certain: a changed consonant between romanisation systems
    (Khogyani / Khugyani / Khogianai), a name in Arabic or Persian script and its Latin
    spelling ("transliterated"), an acronym and the name it abbreviates, one word written
    as two, and a short form of a longer name that a source spells on its own ("Sayed Abad"
    for "Sayed Abad mosque"). A pair the matcher is sure of but that reads far apart at a
    first look (Nayak / Neyak, one name with its words in another order) is listed here
    too, not warned about. Each finding gives the calibrated score (0-100) and the
    signals that decided it, so the queue can be worked from the most likely pair down.
    Declared aliases, entities `distinct_from` each other and `distinct` reviews are never
    listed, as for `spelling-variant`.

    Why it matters:
        Real reporting spells one spokesman, one mosque, one village a dozen ways across
        outlets and scripts. Most of those spellings are too far apart to be matched with
        confidence, and too close to be left alone: someone has to look. Listing them,
        likeliest first, turns a search through every page into a short queue.

    Example:
        sources:
          - id: jp_tolo
            title: Jalalabad prison attack
            kind: news
            mentions: [Attaullah Khogianai, عطاء الله خوگیانی]
        entities:
          - {id: khogyani, kind: person, name: Attaullah Khogyani}

    Fix:
        Review each pair: `same-entity` makes the spelling an alias of the entity, so it is
        never listed again; `distinct` records that the names belong to different people,
        places or groups.
    """

    id = "possible-variant"
    default_severity = Severity.INFO
    aside = True
    about_names = True
    housekeeping = True
    options: ClassVar[Mapping[str, Option]] = {
        "max_block": Option(
            300,
            "a blocking key shared by more spellings than this is too common to pair on",
        ),
    }

    def check(self, context: Context) -> Iterator[Finding]:
        with collector_paused():
            apart = context.distinct_pairs
            for (a, b), warned in name_search(context, int(self.setting("max_block"))).marked():
                if a.declared_by and b.declared_by:
                    continue  # two entities' own names: their likeness is spelling-variant's
                if a.entities & b.entities:
                    continue  # a mention the analyst already tied to the entity
                if kept_apart(apart, a, b):
                    continue
                if a.mixed or b.mixed or a.analysis is None or b.analysis is None:
                    continue  # look-alike letters are spelling-variant's
                if a.kind and b.kind and a.kind != b.kind:
                    continue
                found = self._compare(a, b, context.name_matches, warned)
                if found is not None:
                    yield found

    def _compare(
        self,
        a: Spelling,
        b: Spelling,
        memo: MutableMapping[Any, names.NameMatch],
        warned: bool = True,
    ) -> Finding | None:
        """The finding for one pair, if any; ``warned``: spelling-variant judges the pair (a
        confident one is its warning, not a review; a confident pair it does not judge, too
        far apart at the first look, is reviewed here)."""
        assert a.analysis is not None and b.analysis is not None
        match = matched(a, b, memo, full=short_form(a, b))
        longer = a if len(a.words) > len(b.words) else b if len(b.words) > len(a.words) else None
        if longer is not None and longer.kind in WITHIN_NAMES:
            return None  # an event's or a group's name holds a place's: not a variant of it
        if short_form(a, b):
            if _coverage(a, b) < SHORT_FORM_COVERAGE:
                return None  # two words inside a long string of others say nothing
            if "organisation" in (a.kind, b.kind):
                return None  # "Al-Qaeda in the Indian Subcontinent" is a branch of al-Qaeda
            return spelling_finding(a, b, _short(a, b, match))
        if match.tier == REVIEW or (match.tier == WARNING and not warned):
            return spelling_finding(a, b, match)
        return None


def _coverage(a: Spelling, b: Spelling) -> float:
    """How much of the longer name the shorter one is, by words."""
    short, long = sorted((len(a.words), len(b.words)))
    return short / max(long, 1)


def _short(a: Spelling, b: Spelling, match: names.NameMatch) -> names.NameMatch:
    """A short form as a review-tier match: the shorter name's words all in the longer."""
    short, long = (a, b) if len(a.words) < len(b.words) else (b, a)
    score = round(100.0 * _coverage(a, b), 1)
    reason = f"'{short.name}' is a short form of '{long.name}' (its words all in it)"
    return replace(
        match,
        verdict=names.NameVerdict.POSSIBLE,
        tier=REVIEW,
        score=score,
        reason=reason,
        reasons=("short form", *match.reasons),
    )
