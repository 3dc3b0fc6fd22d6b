"""A weighted edit distance between romanised names whose edits say what changed and why."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

DIGRAPHS = ("kh", "gh", "sh", "ch", "zh", "th")
VOWEL_UNITS = frozenset("aeiou")
SWAP = 0.6
"""Two neighbouring letters written the other way round (Pansi/Pasni)."""
ARTICLE = 0.15
"""Cost of each letter of a glued article al- left out."""
HARD = 0.9
"""An edit of this cost or more is not a known correspondence: another letter or a slip."""

# Letters that one romanisation writes for another's (or for a look-alike Arabic-script
# letter), with the cost of the substitution and the name given in reasons.
_CORRESPONDENCES: dict[frozenset[str], tuple[float, str]] = {
    frozenset(p): (c, label)
    for p, c, label in (
        (("k", "g"), 0.45, "k/g"),
        (("gh", "g"), 0.25, "gh/g"),
        (("gh", "k"), 0.3, "gh/q"),
        (("kh", "h"), 0.3, "kh/h"),
        (("kh", "k"), 0.4, "kh/k"),
        (("kh", "gh"), 0.45, "kh/gh"),
        (("ch", "sh"), 0.3, "ch/sh"),
        (("ch", "j"), 0.4, "ch/j"),
        (("ch", "k"), 0.45, "ch/k"),
        (("j", "zh"), 0.3, "j/zh"),
        (("j", "y"), 0.3, "j/y"),
        (("j", "g"), 0.45, "j/g"),
        (("sh", "s"), 0.35, "sh/s"),
        (("zh", "z"), 0.35, "zh/z"),
        (("zh", "s"), 0.45, "zh/z"),
        (("zh", "sh"), 0.4, "zh/sh"),
        (("z", "s"), 0.3, "z/s"),
        (("z", "d"), 0.4, "dh/d/z"),
        (("z", "j"), 0.45, "z/j"),
        (("th", "s"), 0.3, "th/s"),
        (("th", "t"), 0.25, "th/t"),
        (("c", "k"), 0.2, "c/k"),
        (("c", "j"), 0.3, "c/j"),
        (("c", "ch"), 0.2, "c/ch"),
        (("c", "s"), 0.4, "c/s"),
        (("j", "i"), 0.35, "j/y"),
        (("t", "d"), 0.4, "t/d"),
        (("b", "p"), 0.4, "b/p"),
        (("v", "b"), 0.45, "v/b"),
        (("v", "f"), 0.4, "v/f"),
        (("v", "u"), 0.3, "w/v"),
        (("y", "i"), 0.2, "y/i"),
        (("n", "m"), 0.6, "n/m"),
        (("l", "r"), 0.7, "l/r"),
    )
}
_VOWEL_SUB = {frozenset("ai"): 0.35, frozenset("au"): 0.35, frozenset("iu"): 0.35}
_VOWEL_SUB |= {frozenset("ae"): 0.2, frozenset("ei"): 0.15, frozenset("ou"): 0.15}
_SOFT_INDEL = {"h": 0.3, "y": 0.35, "v": 0.45, "'": 0.0}
_VOWEL_INDEL = 0.3
_EDGE_VOWEL_INDEL = 0.45


class Edit(NamedTuple):
    """One edit: kind ("sub", "ins"), the letters, its cost, and the unit index in the first."""

    kind: str
    first: str
    second: str
    cost: float
    label: str


ROMANISATION = 0.35
"""Correspondences up to this cost are romanisation systems' (kh/h, ch/sh, z/s, w/v);
dearer ones (k/g, t/d, n/m, l/r) also tell names apart."""


def category(edit: Edit) -> str:
    """vowel, vowel-quality (a~i, a~u, i~u), romanisation, weak, consonant (indel), hard."""
    if edit.cost >= HARD:
        return "hard"
    if edit.kind == "ins":
        unit = edit.first or edit.second
        return "vowel" if unit in VOWEL_UNITS else "consonant" if edit.cost > 0.2 else "vowel"
    if edit.label == "vowel":
        return "vowel" if edit.cost < 0.3 else "vowel-quality"
    if edit.kind == "swap":
        return "weak"
    return "romanisation" if edit.cost <= ROMANISATION else "weak"


class Distance(NamedTuple):
    cost: float
    edits: tuple[Edit, ...]
    length: int  # units of the longer name

    @property
    def relative(self) -> float:
        return self.cost / max(self.length, 1)

    @property
    def hard(self) -> int:
        return sum(e.cost >= HARD for e in self.edits)


@lru_cache(maxsize=131072)
def units(word: str) -> tuple[str, ...]:
    """A romanised word as letters, the digraphs in DIGRAPHS kept whole."""
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in DIGRAPHS:
            out.append(pair)
            i += 2
        else:
            out.append(word[i])
            i += 1
    return tuple(out)


_SUBSTITUTIONS: dict[tuple[str, str], tuple[float, str]] = {}
"""substitution's answers, kept: the distance asks for the same few hundred pairs of units
millions of times."""


def substitution(x: str, y: str) -> tuple[float, str]:
    found = _SUBSTITUTIONS.get((x, y))
    if found is None:
        found = _SUBSTITUTIONS[(x, y)] = _SUBSTITUTIONS[(y, x)] = _substitution(x, y)
    return found


def _substitution(x: str, y: str) -> tuple[float, str]:
    if x == y:
        return 0.0, ""
    if x in VOWEL_UNITS and y in VOWEL_UNITS:
        return _VOWEL_SUB.get(frozenset((x, y)), 0.35), "vowel"
    return _CORRESPONDENCES.get(frozenset((x, y)), (1.0, "letter"))


def indel(seq: tuple[str, ...], i: int) -> float:
    unit = seq[i]
    if unit in VOWEL_UNITS:
        return _EDGE_VOWEL_INDEL if i in (0, len(seq) - 1) else _VOWEL_INDEL
    if i > 0 and seq[i - 1] == unit:
        return 0.1  # the second of a doubled letter
    return _SOFT_INDEL.get(unit, 1.0)


def _units_of(words: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[int]]:
    """The units of the words written as one, and the indexes of a glued article "al" at the
    start of a word (Alshebel/Al Shibl), which cost ARTICLE to leave out."""
    out: list[str] = []
    soft: set[int] = set()
    for word in words:
        found = units(word)
        if len(found) >= 6 and found[:2] == ("a", "l"):
            soft.update((len(out), len(out) + 1))
        out.extend(found)
    return tuple(out), frozenset(soft)


@lru_cache(maxsize=131072)
def distance(first: tuple[str, ...], second: tuple[str, ...]) -> Distance:
    """Weighted Levenshtein distance between two names given as romanised words, written as one
    word each (spacing is free), with its edits."""
    (a, soft_a), (b, soft_b) = _units_of(first), _units_of(second)
    dels = [ARTICLE if i in soft_a else indel(a, i) for i in range(len(a))]
    ins = [ARTICLE if j in soft_b else indel(b, j) for j in range(len(b))]
    cost = _costs(a, b, dels, ins)
    n, m = len(a), len(b)
    return Distance(round(cost[n][m], 3), _trace(a, b, cost, dels, ins), max(n, m))


def _costs(
    a: tuple[str, ...],
    b: tuple[str, ...],
    dels: list[float],
    ins: list[float],
) -> list[list[float]]:
    """The table of least costs from a[:i] to b[:j]."""
    n, m = len(a), len(b)
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = cost[i - 1][0] + dels[i - 1]
    for j in range(1, m + 1):
        cost[0][j] = cost[0][j - 1] + ins[j - 1]
    table = _SUBSTITUTIONS
    for i in range(1, n + 1):
        row, above, x, gone = cost[i], cost[i - 1], a[i - 1], dels[i - 1]
        for j in range(1, m + 1):
            y = b[j - 1]
            if x == y:
                best = above[j - 1]
            else:
                step = table.get((x, y))
                best = above[j - 1] + (step if step is not None else substitution(x, y))[0]
            if above[j] + gone < best:
                best = above[j] + gone
            if row[j - 1] + ins[j - 1] < best:
                best = row[j - 1] + ins[j - 1]
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y and x != y:
                best = min(best, cost[i - 2][j - 2] + SWAP)
            row[j] = best
    return cost


def _trace(
    a: tuple[str, ...],
    b: tuple[str, ...],
    cost: list[list[float]],
    dels: list[float],
    ins: list[float],
) -> tuple[Edit, ...]:
    edits: list[Edit] = []
    i, j = len(a), len(b)
    while i or j:
        here = cost[i][j]
        if i and j:
            step, label = substitution(a[i - 1], b[j - 1])
            if abs(cost[i - 1][j - 1] + step - here) < 1e-9:
                if step:
                    edits.append(Edit("sub", a[i - 1], b[j - 1], step, label))
                i, j = i - 1, j - 1
                continue
        if (
            i > 1
            and j > 1
            and a[i - 1] == b[j - 2]
            and a[i - 2] == b[j - 1]
            and a[i - 1] != b[j - 1]
            and abs(cost[i - 2][j - 2] + SWAP - here) < 1e-9
        ):
            edits.append(Edit("swap", a[i - 2] + a[i - 1], b[j - 2] + b[j - 1], SWAP, "swap"))
            i, j = i - 2, j - 2
            continue
        if i and abs(cost[i - 1][j] + dels[i - 1] - here) < 1e-9:
            edits.append(Edit("ins", a[i - 1], "", dels[i - 1], "dropped"))
            i -= 1
            continue
        edits.append(Edit("ins", "", b[j - 1], ins[j - 1], "dropped"))
        j -= 1
    return tuple(reversed(edits))


def edit_words(edit: Edit) -> str:
    """ "ch/sh", "a~i", "+h", "n/r (another letter)" for reasons."""
    if edit.kind == "swap":
        return f"{edit.first}/{edit.second} (letters swapped)"
    if edit.kind == "ins":
        return f"±{edit.first or edit.second}"
    if edit.label == "vowel":
        return f"{edit.first}~{edit.second}"
    if edit.label == "letter":
        return f"{edit.first}/{edit.second} (another letter)"
    return edit.label
