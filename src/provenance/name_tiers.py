"""Which tier a compared pair of names falls in, with its calibrated score and its reasons.

Two tiers: ``confident`` (one name spelled two ways: the checker's spelling-variant
warning) and ``possible`` (likely, for the review queue, ranked by score; the checker's
info-level finding that never fails CI).  A pair
is confident when the rule matcher in provenance.names accepts it (same key, or a variant by
its token rules), or when its calibrated score reaches the warning threshold with every word
paired, every word's first letter kept, no letter outside the romanisation correspondences
(not even k/g, t/d, b/p, n/m, l/r, which also tell names apart) and no look-alike vowel
change; it is for
review when its score reaches the review threshold and the look-alike guard does not hold it
back.  Thresholds live with the weights in data/name_weights.json.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from provenance.name_edits import distance
from provenance.name_score import Signals, explain, probability, signals, weights

WARNING = "confident"
REVIEW = "possible"
CONFIDENT_WORDS = frozenset({"all paired", "reordered"})
CONFIDENT_WORST_WORD = frozenset({"exact", "0.10", "0.20"})
"""How far the most changed word may be from its pair in a confident match."""
ABJAD_MAX_RELATIVE = 0.2
"""Weighted consonant edits per letter an Arabic-script name may differ by from a Latin one."""


class Judgement(NamedTuple):
    """A tier (or None), the calibrated score (0-100) and the reasons, most decisive first."""

    tier: str | None
    score: float
    reasons: tuple[str, ...]


def tier_of(
    words_a: Sequence[str],
    words_b: Sequence[str],
    *,
    same_key: bool,
    rules_variant: bool,
    kind: str | None,
    guarded: int = 0,
) -> Judgement:
    """Score two names given as romanised words, and place them in a tier. ``guarded``: 2 when
    the rule matcher's look-alike guard refused them (no tier), 1 when it refused a change in
    a short word (for review at most)."""
    table = weights()
    first, second = sorted((tuple(words_a), tuple(words_b)))  # the same score either way round
    sig = signals(first, second, same_key, rules_variant, kind)
    score = 100.0 * probability(table.logit(sig))
    reasons = tuple(explain(sig, table))
    if same_key or rules_variant:
        return Judgement(WARNING, score, reasons)
    if score >= table.thresholds["warning"] and _confident(sig) and not guarded:
        return Judgement(WARNING, score, reasons)
    if score >= table.thresholds["review"] and reviewable(sig) and guarded < 2:
        return Judgement(REVIEW, score, reasons)
    return Judgement(None, score, reasons)


def _confident(sig: Signals) -> bool:
    lv = sig.levels
    return (
        lv["words"] in CONFIDENT_WORDS
        and lv["other letters"] == "none"
        and lv["look-alike"] == "none"
        and lv["word starts"] == "same"
        and lv["weak letters"] == "none"
        and lv["worst word"] in CONFIDENT_WORST_WORD
    )


def reviewable(sig: Signals) -> bool:
    """Not held back by the look-alike guard, and no paired word wholly different (Mohammad
    Omar / Mohammad Akbar: two people who share a given name)."""
    return not lookalike(sig) and sig.levels["worst word"] != "far"


def lookalike(sig: Signals) -> bool:
    """The look-alike guard: a~i or a~u in a short word makes another name (Hasan/Husain,
    Karim/Karam), unless a known romanisation change comes with it."""
    return sig.levels["look-alike"] != "none" and sig.levels["romanisation"] == "none"


def judge_abjad(consonants_a: str, consonants_b: str) -> Judgement:
    """An Arabic-script name (transliterated, short vowels unwritten) against a Latin one, by
    their consonants: for review only, never confident."""
    dist = distance((consonants_a,), (consonants_b,))
    closeness = max(0.0, 1.0 - dist.relative / ABJAD_MAX_RELATIVE)
    reasons = (
        f"transliterated: consonants '{consonants_a}' ~ '{consonants_b}'",
        f"weighted consonant edits per letter {dist.relative:.2f}"
        + (f" (max {ABJAD_MAX_RELATIVE})" if dist.relative > ABJAD_MAX_RELATIVE else ""),
    )
    if dist.relative <= ABJAD_MAX_RELATIVE and dist.hard <= 1:
        return Judgement(REVIEW, round(50.0 + 40.0 * closeness, 1), reasons)
    return Judgement(None, round(50.0 * closeness, 1), reasons)
