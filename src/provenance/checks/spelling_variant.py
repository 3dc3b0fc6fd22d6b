"""The spelling-variant rule: two spellings of what is probably one name."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, ClassVar

from provenance import names
from provenance.checks._spellings import (
    Spelling,
    collector_paused,
    kept_apart,
    lookalike_finding,
    lookalike_key,
    matched,
    name_search,
    short_form,
    spelling_finding,
)
from provenance.checks.base import Finding, Option, Rule
from provenance.checks.context import Context
from provenance.model import Severity
from provenance.name_tiers import WARNING


class SpellingVariant(Rule):
    """Two spellings of what is probably one name that are not declared aliases.

    Every entity name, alias and claim mention is compared with the spellings it shares a
    blocking key with (never all pairs), using transliteration-aware folding (z/s, e/i,
    o/u/ou/oo, doubled letters, al-/el-/ul-, Mohammad/Muhammad, kh/gh/q, -ullah/-ulla,
    diacritics) and token-aligned fuzzy similarity. Differences of case, hyphens, spaces,
    apostrophes, accents and leading titles are one spelling, not a variant; a name that is
    part of another ("Sayad" for "Sayad district") is a short form, not a variant. Kinds
    must agree (a person is never matched with a place), two people who share only a given
    name are not matched, declared aliases and entities marked `distinct_from` each other
    are never flagged, and a conflict reviewed as `distinct` stays silent. A word mixing
    scripts (a Cyrillic "а" inside "Mirzа") is flagged as look-alike letters.

    Why it matters:
        "Mirza Olang" and "Mirsa Olang" are one village in one article; "Mansoor" and
        "Mansour" one Taliban leader in two. Unless the spellings are tied to one entity,
        claims about one thing are counted as about two, and a search for one spelling
        misses the rest. A name pasted from the web with a look-alike letter hides from
        every search.

    Example:
        entities:
          - {id: mirza-olang, kind: place, name: Mirza Olang}
        claims:
          - id: caci-joint-reported
            subject: mirza-olang-attack
            property: perpetrator
            value: [taliban, iskp]
            source: caci-2017-11-13
            mentions: [Mirsa Olang]     # flagged: looks like 'Mirza Olang'

    Fix:
        Review it. `same-entity` records the spelling as an alias of the entity (and it is
        never flagged again); `distinct` records that the names belong to different things
        (add `distinct_from` to the entities when both exist). A look-alike letter is a
        typo: correct it in the ledger.
    """

    id = "spelling-variant"
    default_severity = Severity.WARNING
    aside = True
    about_names = True
    housekeeping = True
    options: ClassVar[Mapping[str, Option]] = {
        "max_block": Option(
            300,
            "a blocking key shared by more spellings than this (a common word such as "
            "'attack' or 'province') is too common to pair on; variants still meet "
            "through their rarer keys",
        ),
    }

    def check(self, context: Context) -> Iterator[Finding]:
        with collector_paused():
            apart = context.distinct_pairs
            for a, b in name_search(context, int(self.setting("max_block"))).close():
                if a.declared_by & b.declared_by or kept_apart(apart, a, b):
                    continue
                finding = self._compare(a, b, context.name_matches)
                if finding is not None:
                    yield finding

    def _compare(
        self, a: Spelling, b: Spelling, memo: MutableMapping[Any, names.NameMatch]
    ) -> Finding | None:
        if a.kind and b.kind and a.kind != b.kind:
            return None
        if a.mixed or b.mixed:
            return (
                lookalike_finding(a, b) if lookalike_key(a.name) == lookalike_key(b.name) else None
            )
        if short_form(a, b) or a.analysis is None or b.analysis is None:
            return None
        # titles and typography set aside: the spelling keys are compared
        match = matched(a, b, memo)
        if match.tier != WARNING:  # the confident tier
            return None
        return spelling_finding(a, b, match)
