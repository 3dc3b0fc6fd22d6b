"""Acronyms and the names they abbreviate: ISKP, IS-K and ISIS-K against their full names."""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

MIN_LETTERS = 2
MAX_LETTERS = 10
MIN_PREFIX = 3
"""Letters an acronym must have to match only the first initials of a name (IS-K for Islamic
State Khorasan Province, the last word left out)."""
STOP_WORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "al", "el", "ul", "e", "i", "ye", "wa", "va", "de"}
)
"""Words whose initial an acronym may leave out (Islamic State of Iraq and Syria: ISIS)."""


class AcronymMatch(NamedTuple):
    """``exact``: the acronym is the name's initials; else it is their first letters."""

    acronym: str
    initials: str
    exact: bool


def acronym_letters(name: str) -> str | None:
    """The letters of a name written as an acronym (ISKP, IS-K, I.S.K.P., ISIS-K, LeT), else
    None: 2 to 10 capital letters, which dots, hyphens or spaces may separate, or single
    lower-case letters of particles (LeT: Lashkar-e-Taiba) may join."""
    text = unicodedata.normalize("NFKC", name).strip()
    if re.fullmatch(r"[A-Z](?:[a-z]?[A-Z])+", text):  # LeT, JeM, HuJI: the particles' letters
        text = re.sub("[a-z]", "", text)
    if not text or not re.fullmatch(r"[A-Z](?:[.\- ]?[A-Z])+\.?", text):
        return None
    if " " in text and not re.fullmatch(r"(?:[A-Z]\.? ?)+", text):
        return None  # "IS K" is an acronym, "ISIS FIGHTERS" two words
    letters = re.sub(r"[^A-Z]", "", text)
    return letters if MIN_LETTERS <= len(letters) <= MAX_LETTERS else None


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return [w for w in re.split(r"[^\w']+", text) if w]


def initials(name: str) -> tuple[str, str]:
    """(initials of the words that are not STOP_WORDS, initials of every word), upper case."""
    words = _words(name)
    content = "".join(w[0] for w in words if w.lower() not in STOP_WORDS).upper()
    return content, "".join(w[0] for w in words).upper()


def match(first: str, second: str) -> AcronymMatch | None:
    """Whether one name is an acronym of the other's words (either way round)."""
    for short, full in ((first, second), (second, first)):
        letters = acronym_letters(short)
        if letters is None or len(_words(full)) < 2 or acronym_letters(full) is not None:
            continue
        for found in initials(full):
            if letters == found:
                return AcronymMatch(letters, found, True)
        content = initials(full)[0]
        prefix = len(content) == len(letters) + 1 and content.startswith(letters)
        if len(letters) >= MIN_PREFIX and prefix:
            return AcronymMatch(letters, content, False)
    return None


def keys(name: str) -> frozenset[str]:
    """Blocking keys that pair an acronym with the names it abbreviates: "a:" + an acronym's
    letters, or "a:" + a name's initials (with and without STOP_WORDS, and without its last
    word), so that ISKP, IS-K and Islamic State Khorasan Province meet."""
    letters = acronym_letters(name)
    if letters is not None:
        return frozenset({"a:" + letters})
    if len(_words(name)) < 2:
        return frozenset()
    content, every = initials(name)
    found = {content, every} | ({content[:-1]} if len(content) > MIN_PREFIX else set())
    return frozenset("a:" + k for k in found if len(k) >= MIN_LETTERS)
