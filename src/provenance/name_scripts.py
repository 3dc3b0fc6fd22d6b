"""Names in two scripts: transliterate to Latin with anyascii, then compare, for review.

A Cyrillic (or Greek, Armenian, Georgian) name is written in Latin letters and compared like
a Latin name; when the two then fold to one key the pair is a confident spelling variant,
otherwise it can reach the review tier at most. An Arabic-script name (Arabic, Dari, Pashto,
Urdu) leaves short vowels unwritten, so it is compared with the other name by consonants
(name_tiers.judge_abjad), for review only. Every reason starts with "transliterated".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance import name_tiers
from provenance.transliteration import ABJADS, TRANSLITERATED, to_latin

if TYPE_CHECKING:
    from provenance.names import Analysis, NameMatch

_NOT_CONSONANTS = re.compile("[aeiouyvw]")


def _latin(name: str, an: Analysis) -> str:
    return name if an.scripts == {"Latin"} else to_latin(name)


def consonants(words: tuple[str, ...]) -> str:
    """The consonants of romanised words written as one: vowels, and the letters Arabic script
    also writes for long vowels (y, w/v), left out."""
    return _NOT_CONSONANTS.sub("", "".join(words))


def across(a: str, b: str, x: Analysis, y: Analysis, kind: str | None) -> NameMatch:
    """Compare two names written in different scripts."""
    from provenance import names  # names imports this module

    usable = x.scripts | y.scripts <= TRANSLITERATED | {"Latin"}
    if not usable or not x.scripts or not y.scripts:
        sx, sy = "+".join(sorted(x.scripts)) or "none", "+".join(sorted(y.scripts)) or "none"
        reason = f"different scripts ({sx} vs {sy}); no transliteration for them"
        return names._match(names.NameVerdict.NOT_COMPARABLE, 0.0, x, y, reason)
    la, lb = _latin(a, x), _latin(b, y)
    lx, ly = names.analyse(la), names.analyse(lb)
    shown = f"transliterated '{la}' / '{lb}': "
    if lx.folded == ly.folded:
        reason = f"{shown}fold to the same key '{lx.folded}'"
        return names.NameMatch(
            names.NameVerdict.VARIANT, 99.0, reason, x.folded, y.folded,
            name_tiers.WARNING, (reason,), 100.0,
        )  # fmt: skip
    person_like = kind in (None, "person")
    wx, wy = names.romanised_words(lx, person_like), names.romanised_words(ly, person_like)
    if (x.scripts | y.scripts) & ABJADS:
        judged = name_tiers.judge_abjad(consonants(wx), consonants(wy))
        verdict = names.NameVerdict.POSSIBLE if judged.tier else names.NameVerdict.DIFFERENT
        return names.NameMatch(
            verdict, judged.score, shown + "; ".join(judged.reasons), x.folded, y.folded,
            judged.tier, judged.reasons, 0.0,
        )  # fmt: skip
    rule = names.compare_analysed((la, lx), (lb, ly), kind, kind)
    judged = name_tiers.tier_of(
        wx, wy, same_key=False, rules_variant=rule.verdict is names.NameVerdict.VARIANT, kind=kind
    )
    if judged.tier == name_tiers.WARNING:
        judged = judged._replace(tier=name_tiers.REVIEW)  # confident only when exact
    capped = names.NameMatch(
        names.NameVerdict.DIFFERENT, rule.score, rule.reason, x.folded, y.folded, None, (), 0.0
    )
    return names._tiered(capped, judged, shown)
