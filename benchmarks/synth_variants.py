"""Spellings of one name for the synthetic ledger: transliteration variants (another
spelling of the same name, which the spelling-variant rule must flag unless declared),
typographic forms (the same spelling, never flagged) and look-alike letters from another
script.

Each variant operation rewrites one word the way romanisations of Dari, Pashto and Arabic
differ, in the contexts the name matcher documents (src/provenance/names.py and
transliteration.py): z/s after a consonant or at the end of a word (Mirza/Mirsa, Kunduz/
Kundus), e/i (Hekmatyar/Hikmatyar), a/e (Rahman/Rehman), o/u, ou/u, oo/u (Mansour/Mansur/
Mansoor), doubled letters (Haqqani/Haqani), q/k (Qunduz/Kunduz), kh/gh inside a long word,
-ullah/-ulla and a final h after a vowel, y/i (Faryab/Fariab), w/v before a vowel
(Parwan/Parvan), Mohammad/Muhammad/Mohammed, al-/el-, and two words written as one or one
as two (Lashkar Gah/Lashkargah, Karimabad/Karim Abad).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

from benchmarks.synth_names import spelling_key
from provenance import names

VOWELS = "aeiou"
Op = Callable[[str], list[str]]


def _subs(word: str, pattern: str, repl: str) -> list[str]:
    """``word`` with one match of ``pattern`` replaced, for each match."""
    return [
        word[: m.start()] + m.expand(repl) + word[m.end() :] for m in re.finditer(pattern, word)
    ]


def _z_s(word: str) -> list[str]:
    # w and y after a vowel fold to vowels, and zz to z, before z/s is read
    return _subs(word, r"(?<=[b-df-hj-np-tvx])z(?![hz])|(?<=[aeiou])z(?![aeiouhz])", "s")


def _e_i(word: str) -> list[str]:
    return _subs(word, r"(?<=.)e", "i") + _subs(word, r"(?<=[^aeiou])i(?=[^aeiouy])", "e")


def _a_e(word: str) -> list[str]:
    return _subs(word, r"(?<=[b-df-hj-np-tvxz])a(?=[b-df-hj-np-tvxz])", "e")


def _o_u(word: str) -> list[str]:
    found = _subs(word, "ou", "u") + _subs(word, "oo", "u") + _subs(word, "(?<=.)o(?!u|o)", "u")
    return found + _subs(word, r"(?<=[b-df-hj-np-tv-z])u(?=[b-df-hj-np-tv-z])", "oo")


def _double(word: str) -> list[str]:
    undouble = _subs(word, r"([b-df-hj-np-tv-z])\1", r"\1")
    double = _subs(word, r"(?<=[aeiou])([bdfjklmnrstz])(?=[aeiou])", r"\1\1")
    return undouble + double


def _q_k(word: str) -> list[str]:
    return _subs(word, "q", "k") + _subs(word, "k(?!h)", "q")


def _kh_gh(word: str) -> list[str]:
    if len(names.fold(word)) < 10:  # one consonant may differ only in long words
        return []
    return _subs(word, "(?<=.)kh", "gh") + _subs(word, "(?<=.)gh", "kh")


def _ullah(word: str) -> list[str]:
    return (
        _subs(word, "ullah$", "ulla")
        + _subs(word, "(?<=[aeiou])h$", "")
        + _subs(word, "(?<=[b-df-hj-np-tv-z]a)$", "h")
    )


def _y_i(word: str) -> list[str]:
    return _subs(word, r"(?<=[b-df-hj-np-tv-xz])y", "i") + _subs(word, r"(?<=[a-z])iy(?=a)", "i")


def _w_v(word: str) -> list[str]:
    return _subs(word, r"(?<=.)w(?=[aeiou])", "v")


WORD_OPS: dict[str, Op] = {
    "z/s": _z_s,
    "e/i": _e_i,
    "a/e": _a_e,
    "o/u": _o_u,
    "doubled letters": _double,
    "q/k": _q_k,
    "kh/gh": _kh_gh,
    "-ullah/-ulla": _ullah,
    "y/i": _y_i,
    "w/v": _w_v,
}
MUHAMMAD = ("Mohammad", "Muhammad", "Mohammed", "Mohamad")


def _case_like(new: str, old: str) -> str:
    return new.capitalize() if old[:1].isupper() else new


def word_variants(word: str) -> list[tuple[str, str]]:
    """(operation, new word) for every way of respelling one word."""
    if word in MUHAMMAD:
        return [("Mohammad/Muhammad", m) for m in MUHAMMAD if m != word]
    if word.lower() in ("al", "el"):
        return [("al-/el-", "el" if word.lower() == "al" else "al")]
    lower = word.lower()
    found: list[tuple[str, str]] = []
    for label, op in WORD_OPS.items():
        found.extend((label, _case_like(new, word)) for new in op(lower) if new != lower)
    return found


def _split_words(name: str) -> list[str]:
    return re.split(r"([ -])", name)


def spacing_variants(name: str, kind: str) -> list[tuple[str, str]]:
    """Two words written as one, or a long word cut in two (places only)."""
    if kind != "place":
        return []
    words = name.split(" ")
    found: list[tuple[str, str]] = []
    if len(words) == 2 and "-" not in name and all(len(w) >= 3 for w in words):
        found.append(("words joined", words[0] + words[1].lower()))
    if len(words) == 1 and "-" not in name:
        for suffix in ("abad", "zai", "khel"):
            stem = name[: -len(suffix)]
            # a final h or z folds away or to s once it ends a word (Chah Ab, Hooz Zai)
            fits = len(stem) >= 3 and stem[-1] not in "hzs" + suffix[0]
            if name.lower().endswith(suffix) and fits:
                found.append(("word split", f"{stem} {suffix.capitalize()}"))
    return found


def variants(name: str, kind: str) -> list[tuple[str, str]]:
    """(operation, spelling) for every variant of ``name``: one word respelled, or the
    spacing changed; only spellings that differ beyond typography."""
    parts = _split_words(name)
    found: list[tuple[str, str]] = []
    for index, part in enumerate(parts):
        if part in (" ", "-") or not part:
            continue
        for label, new in word_variants(part):
            found.append((label, "".join([*parts[:index], new, *parts[index + 1 :]])))
    found += spacing_variants(name, kind)
    key = spelling_key(name)
    unique = {spelling: label for label, spelling in found if spelling_key(spelling) != key}
    return sorted((label, spelling) for spelling, label in unique.items())


def variant(rng: random.Random, name: str, kind: str) -> tuple[str, str] | None:
    """One variant of ``name``, chosen first by operation, then by place."""
    options = variants(name, kind)
    if not options:
        return None
    labels = sorted({label for label, _ in options})
    label = rng.choice(labels)
    return rng.choice([o for o in options if o[0] == label])


ACCENTED = {"a": "ā", "i": "ī", "u": "ū", "o": "ō"}


def typographic(rng: random.Random, name: str, kind: str) -> tuple[str, str]:
    """The same spelling in other typography: what the rule must not flag."""
    options: list[tuple[str, str]] = [("case", name.upper())]
    if "-" in name:
        options.append(("hyphen/space", name.replace("-", " ")))
    if " " in name:
        options.append(("space/hyphen", name.replace(" ", "-", 1)))
    for plain, accented in ACCENTED.items():
        if plain in name[1:]:
            index = name.index(plain, 1)
            options.append(("accent", name[:index] + accented + name[index + 1 :]))
            break
    if kind == "person":
        options.append(("title", f"{rng.choice(('Mullah', 'Maulvi', 'Haji'))} {name}"))
    return rng.choice(options)


CYRILLIC = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х"}


def mixed_script(rng: random.Random, name: str) -> str | None:
    """``name`` with one Latin letter replaced by its Cyrillic look-alike."""
    spots = [i for i, ch in enumerate(name) if ch in CYRILLIC and i > 0]
    if not spots:
        return None
    i = rng.choice(spots)
    return name[:i] + CYRILLIC[name[i]] + name[i + 1 :]
