"""The calibrated name score: explainable signals, each at a level with a fitted weight.

Two names are compared word by word after romanisation (provenance.romanisation): words that
one name has and the other lacks are set aside, and the rest, written as one word, are compared
with a weighted edit distance (provenance.name_edits) whose edits name the correspondence
(ch/sh, kh/h, a~i, ±h). Each signal falls into one level; every level has a weight in log-odds,
fitted by ``benchmarks/names_dev/fit.py`` on the dev set and stored in data/name_weights.json.
The score is the logistic of the bias plus the weights of the levels: the probability that the
two names belong to one entity, on the dev set's mix of pairs.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import permutations
from typing import Any, NamedTuple

from rapidfuzz import fuzz

from provenance.name_edits import (
    ROMANISATION,
    Distance,
    Edit,
    category,
    distance,
    edit_words,
    units,
)

SIGNALS: dict[str, tuple[str, ...]] = {
    "letters": ("exact", "0.05", "0.10", "0.15", "0.22", "0.30", "0.40", "far"),
    "worst word": ("exact", "0.10", "0.20", "0.30", "0.45", "far"),
    "other letters": ("none", "one", "two", "three or more"),
    "vowel changes": ("none", "one", "two or more"),
    "weak letters": ("none", "one", "two or more"),
    "letters left out": ("none", "one", "two or more"),
    "romanisation": ("none", "one", "two or more"),
    "word starts": ("same", "one differs", "two or more differ"),
    "words": ("all paired", "one extra", "two or more extra", "reordered"),
    "length": ("long", "short"),
    "look-alike": ("none", "vowel in a short word"),
    "folding": ("different", "same key"),
    "rules": ("no", "variant"),
    "kind": ("place", "person", "organisation", "unknown"),
}
"""Each signal and its levels, the first being the reference level (weight 0)."""
LETTER_BOUNDS = (0.0, 0.05, 0.10, 0.15, 0.22, 0.30, 0.40)
WORD_BOUNDS = (0.0, 0.10, 0.20, 0.30, 0.45)
SHORT_UNITS = 4
"""A name of this many letters or fewer, set-aside words apart, is short."""
LOOKALIKE_MAX_UNITS = 6
"""Words up to this long where a~i, a~u or i~u makes another name (Hasan/Husain, Karim/Karam,
Akhund/Akhand), for the score's look-alike signal and the rule matcher's guard alike; in
longer words it is a romanisation's vowel (Tajik o for a: Khurramobod/Khorramabad,
Torkabad/Tarkabad), which the calibrated score judges."""
PRESENT_MIN = 75.0
"""rapidfuzz partial_ratio a word needs against the other name to count as present in it."""
REORDER_PENALTY = 0.5
"""Cost added when the words of one name are compared in another order."""


@dataclass(frozen=True, slots=True)
class Signals:
    """The level of each signal for one pair, and what was compared."""

    levels: dict[str, str]
    core: tuple[str, str]
    extra: tuple[tuple[str, ...], tuple[str, ...]]
    edits: tuple[Edit, ...]
    inner_vowels: bool = False
    """Every look-alike vowel change is the only change of its word and neither its first
    nor its last letter (Posht/Pesht, Binab/Bonab; not Azad/Izad, Kota/Koti, Shir/Shahr)."""


@dataclass(frozen=True, slots=True)
class Weights:
    bias: float
    levels: dict[str, dict[str, float]]
    thresholds: dict[str, float]

    def logit(self, signals: Signals) -> float:
        return self.bias + sum(self.levels[s][lv] for s, lv in signals.levels.items())


@lru_cache(maxsize=1)
def weights() -> Weights:
    """The fitted weights and tier thresholds shipped in provenance/data/name_weights.json."""
    text = resources.files("provenance").joinpath("data/name_weights.json").read_text("utf-8")
    return weights_from(json.loads(text))


def weights_from(data: dict[str, Any]) -> Weights:
    given = data["levels"]
    levels = {
        s: {lv: float(given.get(s, {}).get(lv, 0.0)) for lv in lvs} for s, lvs in SIGNALS.items()
    }
    return Weights(
        float(data["bias"]), levels, {k: float(v) for k, v in data["thresholds"].items()}
    )


def probability(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))


def _extra(words: Sequence[str], other: Sequence[str]) -> list[int]:
    """Indexes of the words of the longer name set aside as extra: at most as many as it has
    words more, those least present in the other name (rapidfuzz partial_ratio)."""
    spare = len(words) - len(other)
    if spare <= 0:
        return []
    joined = "".join(other)
    presence = sorted((fuzz.partial_ratio(w, joined), i) for i, w in enumerate(words))
    return sorted(i for score, i in presence[:spare] if score < PRESENT_MIN)


def _level(value: float, bounds: Sequence[float], levels: Sequence[str]) -> str:
    for bound, level in zip(bounds, levels, strict=False):
        if value <= bound + 1e-9:
            return level
    return levels[-1]


def _paired(kept_a: list[str], kept_b: list[str]) -> tuple[list[str], bool]:
    """The words of b in the order that best pairs them with a's (when both have 2 or 3)."""
    if len(kept_a) != len(kept_b) or not 2 <= len(kept_a) <= 3:
        return kept_b, False
    best = max(
        permutations(kept_b),
        key=lambda order: sum(fuzz.ratio(x, y) for x, y in zip(kept_a, order, strict=True)),
    )
    return list(best), list(best) != kept_b


class _WordLevels(NamedTuple):
    worst: float  # the worst relative cost of two paired words
    starts: int  # how many pairs start differently
    lookalike: bool | None  # a look-alike vowel change in a short word (None: not paired)
    inner: bool  # each such change alone in its word and inside it (Signals.inner_vowels)


def _word_levels(kept_a: list[str], kept_b: list[str]) -> _WordLevels:
    """The levels read word by word, when the words are paired one to one."""
    if len(kept_a) != len(kept_b):
        return _WordLevels(-1.0, 0, None, False)
    worst, starts, lookalike, inner = 0.0, 0, False, True
    for x, y in zip(kept_a, kept_b, strict=True):
        d = distance((x,), (y,))
        worst = max(worst, d.relative)
        starts += bool(d.edits) and x[:1] != y[:1] and _first_edit_changes(d)
        if _lookalike(d.edits, (x, y)):
            lookalike = True
            inner = inner and _inner_vowel(x, y, d)
    return _WordLevels(worst, starts, lookalike, inner and lookalike)


def _inner_vowel(x: str, y: str, d: Distance) -> bool:
    """The word's only change is one vowel for another, neither its first nor its last letter."""
    ux, uy = units(x), units(y)
    if len(d.edits) != 1 or len(ux) != len(uy):
        return False
    changed = [i for i, (p, q) in enumerate(zip(ux, uy, strict=True)) if p != q]
    return len(changed) == 1 and 0 < changed[0] < len(ux) - 1


def word_far_apart(words_a: Sequence[str], words_b: Sequence[str]) -> bool:
    """Whether the words left after setting extra ones aside pair one to one and, in every
    order ``signals`` may pair them in, one word is far from its pair: then the "worst word"
    signal is "far" whatever else the names share, which is cheap to know (each word's
    distance is kept) while the whole signals are not."""
    _skipped, kept_a, kept_b = _kept(words_a, words_b)
    if len(kept_a) != len(kept_b) or not kept_a:
        return False
    orders = permutations(kept_b) if 2 <= len(kept_a) <= 3 else (kept_b,)
    return all(
        any(_word_level(x, y) == "far" for x, y in zip(kept_a, order, strict=True))
        for order in orders
    )


def _word_level(x: str, y: str) -> str:
    return _level(distance((x,), (y,)).relative, WORD_BOUNDS, SIGNALS["worst word"])


def _kept(
    words_a: Sequence[str], words_b: Sequence[str]
) -> tuple[tuple[list[int], list[int]], list[str], list[str]]:
    """The indexes of each name's words set aside as extra (_extra), and the words kept."""
    skip_a, skip_b = _extra(words_a, words_b), _extra(words_b, words_a)
    kept_a = [w for i, w in enumerate(words_a) if i not in skip_a]
    kept_b = [w for i, w in enumerate(words_b) if i not in skip_b]
    return (skip_a, skip_b), kept_a, kept_b


def signals(
    words_a: Sequence[str],
    words_b: Sequence[str],
    same_key: bool,
    rules_variant: bool,
    kind: str | None = None,
) -> Signals:
    """The signals for two names given as romanised words (particles and titles set aside)."""
    (skip_a, skip_b), kept_a, kept_b = _kept(words_a, words_b)
    ordered_b, turned = _paired(kept_a, kept_b)
    dist = distance(tuple(kept_a), tuple(kept_b))
    if turned:
        other = distance(tuple(kept_a), tuple(ordered_b))
        turned = other.cost + REORDER_PENALTY < dist.cost
        dist = other if turned else dist
    worst, starts, lookalike, inner = _word_levels(kept_a, ordered_b if turned else kept_b)
    if lookalike is None:
        lookalike = _lookalike(dist.edits, kept_a + kept_b)
    extra = (tuple(words_a[i] for i in skip_a), tuple(words_b[i] for i in skip_b))
    count = len(extra[0]) + len(extra[1])
    words = ("all paired", "one extra", "two or more extra")[min(count, 2)]
    core_a, core_b = "".join(kept_a), "".join(kept_b)
    levels = {
        "letters": _level(dist.relative, LETTER_BOUNDS, SIGNALS["letters"]),
        "worst word": _level(
            dist.relative if worst < 0 else worst, WORD_BOUNDS, SIGNALS["worst word"]
        ),
        "other letters": SIGNALS["other letters"][min(dist.hard, 3)],
        "vowel changes": _count(dist.edits, "vowel-quality", "vowel changes"),
        "weak letters": _count(dist.edits, "weak", "weak letters"),
        "letters left out": _count(dist.edits, "consonant", "letters left out"),
        "romanisation": _count(dist.edits, "romanisation", "romanisation"),
        "word starts": SIGNALS["word starts"][min(starts, 2)],
        "words": "reordered" if turned and not count else words,
        "length": "short" if min(len(core_a), len(core_b)) <= SHORT_UNITS else "long",
        "look-alike": "vowel in a short word" if lookalike else "none",
        "folding": "same key" if same_key else "different",
        "rules": "variant" if rules_variant else "no",
        "kind": kind if kind in SIGNALS["kind"] else "unknown",
    }
    return Signals(levels, (core_a, core_b), extra, dist.edits, inner)


def _count(edits: Sequence[Edit], kind: str, signal: str) -> str:
    return SIGNALS[signal][min(sum(category(e) == kind for e in edits), 2)]


def _lookalike(edits: Sequence[Edit], words: Sequence[str]) -> bool:
    pairs = ({"a", "i"}, {"a", "u"}, {"i", "u"})
    vowels = any(e.label == "vowel" and {e.first, e.second} in pairs for e in edits)
    return vowels and bool(words) and min(len(w) for w in words) <= LOOKALIKE_MAX_UNITS


def _first_edit_changes(dist: Distance) -> bool:
    """The word's first letter is another letter or dropped (Hazaraabad/Sarabad), not a known
    correspondence (Qandahar/Kandahar)."""
    edit = dist.edits[0]
    return edit.cost > ROMANISATION or edit.kind == "ins"


def explain(sig: Signals, table: Weights) -> list[str]:
    """Reasons, most decisive first: the edits, the words set aside, each level's weight."""
    found: list[str] = []
    if sig.edits:
        found.append("edits " + ", ".join(edit_words(e) for e in sig.edits))
    for side in sig.extra:
        if side:
            found.append("extra words " + " ".join(f"'{w}'" for w in side))
    ranked = sorted(sig.levels.items(), key=lambda kv: -abs(table.levels[kv[0]][kv[1]]))
    found += [
        f"{s}: {lv} ({table.levels[s][lv]:+.1f})"
        for s, lv in ranked
        if abs(table.levels[s][lv]) >= 0.05
    ]
    return found
