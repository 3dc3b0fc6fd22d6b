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

from provenance.name_edits import category, distance
from provenance.name_score import (
    SIGNALS,
    Signals,
    explain,
    probability,
    signals,
    weights,
    word_far_apart,
)

WARNING = "confident"
REVIEW = "possible"
CONFIDENT_WORDS = frozenset({"all paired", "reordered"})
CONFIDENT_WORST_WORD = frozenset({"exact", "0.10", "0.20"})
"""How far the most changed word may be from its pair in a confident match."""
GUARD_NONE, GUARD_SHORT, GUARD_REVIEW, GUARD_APART = 0, 1, 2, 3
"""How the rule matcher's refusal of a pair limits its tier (names.guarded_by_rules): not at
all; a change in a short word, confident only as a romanisation correspondence; review at
most; no tier (the look-alike guard)."""
LETTERS_APART = frozenset({"z/s", "sh/s"})
"""Correspondences between two letters of the Arabic script that also tell names apart
(ز/س Zaid/Said, Nazir/Nasir; ش/س Shir/Siar): in a short word, never confident."""
CONFIDENT_WEAK = frozenset({"b/p", "t/d", "k/g", "ch/j", "kh/k", "v/b", "j/g", "swap"})
"""Dearer changes one of which a confident pair may have: a consonant voiced or not (Idlib/
Idlip, Khandud/Khandut, Mashgenan/Moshkenan, Tasuj/Tasuch: final devoicing in Russian, German
and Turkish spellings, Persian گ and ک), one language's letter for another's (Kharak/Karak,
Bilberdi/Bil'verdy, Dastgird/Dastjerd), two letters written the other way round in a long
name (Hraytan/Haritan). Not l/r or n/m, which tell names apart (Kotli/Kotri, Jan/Jam)."""
SWAP_MIN_UNITS = 6
"""Letters a name needs before swapped neighbours may be confident (Saouda/Souada: two names)."""
SHORT_MAX_EDITS = 2
"""Edits a short name (name_score.SHORT_UNITS letters or fewer) may have in a confident pair:
three changes in four letters make another name (Kesr/Kuhsar, Avaz/Ahvazo)."""
NON_ROMANISATION = ("other letters", "letters left out", "weak letters")
"""Signals counting changes that are no romanisation correspondence."""
MAX_OTHER_CHANGES = 1
"""How many such changes a pair for review may have."""
PARENT_MIN_WORDS = 3
"""Words a person's name needs before a given name in front of it makes it a child's name: a
chain of given name, father's name and family name (Zia Agha / Ahmad Zia Agha may be one
person's short and full name)."""
UNRANKED = "worst word: far, however the words are paired (not scored)"
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
    ranked: bool = True,
) -> Judgement:
    """Score two names given as romanised words, and place them in a tier. ``guarded``: how
    the rule matcher's refusal limits the tier (GUARD_*). Unless ``ranked``, a pair that no
    tier can take because a word is far from its pair however they are paired (both tiers
    need its worst word nearer) is not scored."""
    table = weights()
    first, second = sorted((tuple(words_a), tuple(words_b)))  # the same score either way round
    if not (ranked or same_key or rules_variant) and word_far_apart(first, second):
        return Judgement(None, 0.0, (UNRANKED,))
    sig = signals(first, second, same_key, rules_variant, kind)
    score = 100.0 * probability(table.logit(sig))
    reasons = tuple(explain(sig, table))
    if same_key or rules_variant:
        return Judgement(WARNING, score, reasons)
    if score >= table.thresholds["warning"] and confident(sig, guarded):
        return Judgement(WARNING, score, reasons)
    guarded = guard(first, second, kind, guarded)
    if score >= table.thresholds["review"] and reviewable(sig) and guarded < GUARD_APART:
        return Judgement(REVIEW, score, reasons)
    return Judgement(None, score, reasons)


def confident(sig: Signals, guarded: int = 0) -> bool:
    """Signals that allow the confident tier: every word paired, every word's first letter
    kept, no letter outside the romanisation correspondences, no look-alike vowel change.
    A change in a short word the rule matcher refused (GUARD_SHORT) may be confident too
    when it is only such a correspondence (Ghazni/Gazni, Hukumat/Khukumat, Chaqqa/Shaqqa),
    but not one between two letters that tell names apart (LETTERS_APART: Zaid/Said)."""
    lv = sig.levels
    if guarded > GUARD_SHORT or (guarded and any(e.label in LETTERS_APART for e in sig.edits)):
        return False
    if lv["length"] == "short" and len(sig.edits) > SHORT_MAX_EDITS:
        return False
    return (
        lv["words"] in CONFIDENT_WORDS
        and lv["other letters"] == "none"
        and (lv["look-alike"] == "none" or (lv["kind"] == "place" and sig.inner_vowels))
        and lv["word starts"] == "same"
        and _weak_allowed(sig, guarded)
        and lv["worst word"] in CONFIDENT_WORST_WORD
    )


def _weak_allowed(sig: Signals, guarded: int) -> bool:
    """No dearer change, or one of CONFIDENT_WEAK (a swap only in a long name) in words the
    rule matcher did not refuse as short (Khabir/Kabir, Kushk/Kushg are other words)."""
    weak = [e for e in sig.edits if category(e) == "weak"]
    if not weak:
        return True
    if guarded or len(weak) > 1 or weak[0].label not in CONFIDENT_WEAK:
        return False
    return weak[0].label != "swap" or min(map(len, sig.core)) >= SWAP_MIN_UNITS


def reviewable(sig: Signals) -> bool:
    """Not held back by the look-alike guard, no paired word wholly different (Mohammad
    Omar / Mohammad Akbar: two people who share a given name), and at most one change that is
    no romanisation correspondence (another letter, a consonant left out, k/g, t/d, n/m, l/r):
    two such changes make another name (Dunbeni/Durbini is one, Sepidar/Sepidan one, Dohak/
    Dudhak two), and so does another letter that changes a word's first letter (Malekan/
    Jallekan, Zanjireh/Anjireh)."""
    lv = sig.levels
    others = sum(SIGNALS[s].index(lv[s]) for s in NON_ROMANISATION)
    return (
        (not lookalike(sig) or lv["kind"] == "place")
        and lv["worst word"] != "far"
        and others <= MAX_OTHER_CHANGES
        and not (lv["other letters"] != "none" and lv["word starts"] != "same")
    )


def guard(words_a: Sequence[str], words_b: Sequence[str], kind: str | None, guarded: int) -> int:
    """The rule matcher's guard, raised to GUARD_APART for a parent's and a child's name."""
    if kind in (None, "person") and parent_and_child(words_a, words_b):
        return GUARD_APART
    return guarded


def parent_and_child(first: Sequence[str], second: Sequence[str]) -> bool:
    """One person's whole name with another given name in front: in an Arabic name chain the
    child's name (Qusay Saddam Hussein al-Tikriti / Saddam Hussein al-Tikriti), not a spelling
    or a short form of one name."""
    short, long = sorted((tuple(first), tuple(second)), key=len)
    return len(short) >= PARENT_MIN_WORDS and len(long) == len(short) + 1 and long[1:] == short


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
