"""Romanisation-neutral forms of name words: one spelling across transliteration systems."""

from __future__ import annotations

import re

# Spellings of one sound in the romanisation systems reports follow (German, Polish, French,
# Russian, Turkish/Azerbaijani), rewritten the English way before a Latin word is folded.
_SYSTEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile("tsch|tch|cz"), "ch"),  # Tchoban, Czabahar
    (re.compile("sch|sz"), "sh"),  # Schiras, Szahr
    (re.compile("x"), "kh"),  # Xomeyni (Azerbaijani, Uzbek)
    (re.compile("ck"), "k"),
)
_LABELS = ("tsch/tch/cz/ch", "sch/sz/sh", "x/kh", "ck/k")

ABBREVIATIONS: dict[str, str] = {
    "co": "company",
    "cos": "companies",
    "corp": "corporation",
    "ltd": "limited",
    "inc": "incorporated",
    "intl": "international",
    "est": "establishment",
    "cantt": "cantonment",
}
"""Abbreviations written for whole words in organisation and place names (Co./Company)."""


def systems_in(name: str) -> list[str]:
    """The romanisation rewrites (and abbreviations) romanised() makes in a name's words."""
    words = re.findall(r"[a-z]+", name.casefold())
    found = [
        label
        for (p, _r), label in zip(_SYSTEMS, _LABELS, strict=True)
        if any(p.search(w) for w in words)
    ]
    return found + [f"{w}/{ABBREVIATIONS[w]}" for w in words if w in ABBREVIATIONS]


def romanised(word: str) -> str:
    """A lower-case Latin word rewritten the English way (Schiras -> shiras, Xomeyni ->
    khomeyni); abbreviations in ABBREVIATIONS written out. A c that may be k, j, ch or s
    stays c: the edit distance knows its correspondences."""
    word = ABBREVIATIONS.get(word, word)
    if not any(ch in word for ch in "cxsz"):
        return word
    for pattern, repl in _SYSTEMS:
        word = pattern.sub(repl, word)
    return word


_KEY_CLASSES = (
    ("cs", "c"),
    ("gh", "k"),
    ("g", "k"),
    ("ch", "s"),
    ("sh", "s"),
    ("zh", "j"),
    ("th", "s"),
    ("z", "s"),
)
_AMBIGUOUS = (("kh", "k", ""), ("j", "j", ""))
"""Letters read two ways in keys: kh as k or h (dropped), j as j or y (dropped)."""


def key_skeleton(word: str) -> tuple[str, ...]:
    """Blocking keys for romanised words: cs/c (folded cz), gh/g/q/k, ch/sh/s, zh/j, th/s and
    z/s merged, then h, vowels and y/w/v dropped and repeats collapsed (Baaq, Bagh -> "bk");
    a word with kh or j gets a key for each reading of them (Chaikhabad -> "cbd" as
    Chahabad)."""
    readings = [word]
    for letters, *ways in _AMBIGUOUS:
        if any(letters in r for r in readings):
            readings = [r.replace(letters, way) for r in readings for way in ways]
    found: list[str] = []
    for reading in readings:
        text = reading
        for old, new in _KEY_CLASSES:
            text = text.replace(old, new)
        found.append(_skeleton(text))
    return tuple(dict.fromkeys(found))


def _skeleton(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if ch not in "aeiouhyvw" and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)
