"""Compare names across transliterated spellings: folding, tokens, blocking keys, verdicts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from itertools import product
from typing import NamedTuple

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from provenance import name_acronyms, name_designators, name_scripts, name_tiers
from provenance.name_score import LOOKALIKE_MAX_UNITS
from provenance.romanisation import key_skeleton, romanised, systems_in
from provenance.transliteration import (
    COMMON_TOKENS,
    TITLES,
    VOWELS,
    fold_raw_token,
    fold_words,
    refold,
    skeleton,
)

__all__ = [
    "Analysis",
    "NameMatch",
    "NameVerdict",
    "Verdict",
    "analyse",
    "blocking_keys",
    "compare",
    "compare_analysed",
    "fold",
    "keys_of",
    "scripts",
    "tokens",
    "tokens_of",
]

LONG_TOKEN_MIN_LEN = 7
"""Folded length both tokens need before one consonant may differ (Nangarhar/Nangahar,
Zabihullah/Zabiullah); shorter tokens differing in a consonant are different names
(Paktia/Paktika, Ghazni/Ghazi, Kabul/Kabir, Zabul/Kabul)."""
CONSONANT_MIN_RATIO = 90.0
"""rapidfuzz ``fuzz.ratio`` of the folded tokens required on top of a one-consonant difference."""
VOWEL_INDEL_MIN_LEN = 5
"""Folded length the shorter token needs before a vowel may be dropped (Zawahri/Zawahiri); in
shorter tokens a vowel makes another name (Amr/Amir, Bakr/Bakir, Nasr/Nasir)."""
MAX_VOWEL_INDELS = 1
"""Vowels that may be dropped or inserted inside one token (never at its start or end)."""
MAX_VOWEL_EDITS = 2
"""Vowel edits (compatible substitutions plus indels) allowed inside one token."""
KEY_MAX_LEN = 24
"""Longest blocking key, so that keys fit an indexed column."""

COMPATIBLE_VOWELS = frozenset({frozenset("ae"), frozenset("ei"), frozenset("iy"), frozenset("ey")})
"""Vowels one transliteration writes for another: e stands for fatha (Ahmed/Ahmad, Rehman/Rahman)
and for kasra (Hekmatyar/Hikmatyar).  a~i and a~u stay distinct: Karim/Karam, Hasan/Husain."""
CLOSE_CONSONANTS = frozenset({frozenset("kg"), frozenset("sz"), frozenset("td"), frozenset("bp")})
"""Consonants that may replace each other in a long token (kh/gh, s/z, t/d, b/p)."""

EZAFE = frozenset({fold_raw_token("i"), fold_raw_token("ye"), fold_raw_token("je")})
"""The Persian ezafe between two words, dropped from identity tokens: -e/-i (Mazar-i-Sharif,
Sar-e Pul) and -ye after a vowel (Qal'eh-ye Now, Kafeh-ye Baluchi)."""

OPTIONAL_MIDDLE = frozenset({fold_raw_token("muhammad")})
"""Person-name parts a report may leave out between the first and last token
("Akhtar Mohammad Mansour" / "Akhtar Mansour").  No other part may be missing."""


class NameVerdict(StrEnum):
    """same: identical after folding; variant: confidently one name spelled two ways (both the
    confident tier); possible: likely one name, for review (the possible tier)."""

    SAME = "same"
    VARIANT = "variant"
    POSSIBLE = "possible"
    DIFFERENT = "different"
    NOT_COMPARABLE = "not-comparable"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A verdict, its tier ("confident", "possible" or None), the calibrated
    score (0-100: the chance, on the dev set's mix of pairs, that both names are one entity's),
    a one-line reason an analyst can check, both folded forms, the reasons behind the score
    (edits, words set aside, each signal's weight), and the rule matcher's similarity (0-100)."""

    verdict: NameVerdict
    score: float
    reason: str
    folded_a: str
    folded_b: str
    tier: str | None = None
    reasons: tuple[str, ...] = ()
    similarity: float = 0.0


class _Tok(NamedTuple):
    fold: str
    fine: str
    roman: str = ""
    mute_e: bool = False


class _TokMatch(NamedTuple):
    ok: bool
    score: float
    note: str


class Analysis(NamedTuple):
    """What comparing a name needs, worked out once: its folded form, identity tokens and
    scripts. Callers that compare many names keep these rather than the names."""

    folded: str
    identity: tuple[_Tok, ...]  # particles dropped, titles kept
    n_titles: int  # leading identity tokens that are titles
    scripts: frozenset[str]
    mixed: tuple[str, ...]  # words mixing scripts
    rules: frozenset[str]

    def toks(self, drop_titles: bool) -> tuple[_Tok, ...]:
        if drop_titles and self.n_titles < len(self.identity):
            return self.identity[self.n_titles :]
        return self.identity


@lru_cache(maxsize=65536)
def _analyse(name: str) -> Analysis:
    words, rules = fold_words(name)
    last = len(words) - 1
    identity = tuple(
        _Tok(w.fold, w.fine, w.roman, w.mute_e)
        for i, w in enumerate(words)
        # the article before a word, and the ezafe (Mazar-i-Sharif, Qal'eh-ye Now) between words
        if not ((w.fold == "al" and i < last) or (w.fold in EZAFE and 0 < i < last))
    )
    n_titles = 0
    while n_titles < len(identity) and identity[n_titles].fold in TITLES:
        n_titles += 1
    return Analysis(
        folded=" ".join(w.fold for w in words),
        identity=identity,
        n_titles=n_titles,
        scripts=frozenset().union(*(w.scripts for w in words)),
        mixed=tuple(w.fold for w in words if len(w.scripts) > 1),
        rules=rules,
    )


def fold(name: str) -> str:
    """Comparison key: folded words joined by single spaces; idempotent.

    NFKC and case-fold; ʿayn/hamza apostrophes deleted; hyphens and punctuation separate words.
    Latin words: diacritics stripped, then the rule table in provenance.transliteration (doubled
    letters, ph/f, dh/z, q/k, w/v/u, o/u, y/i, z/s, final h, e/i), Mohammad/Ahmad/Abdul/ibn
    spellings merged, and al/el/ul (and hyphenated ad-/ar-/as-/ash-... before their letter) made
    "al".  Arabic-script words: harakat and tatweel removed, alef, yeh, kaf and heh forms merged,
    never transliterated.  Words mixing scripts and other scripts are only case-folded.
    """
    return _analyse(name).folded


def scripts(name: str) -> frozenset[str]:
    """Scripts of the letters in a name, e.g. {"Latin"}, {"Arabic"}, {"Latin", "Cyrillic"}."""
    return _analyse(name).scripts


def analyse(name: str) -> Analysis:
    """The name's analysis (cached for the names seen most recently)."""
    return _analyse(name)


def tokens(name: str) -> tuple[str, ...]:
    """Folded identity tokens: the article "al", the ezafe (EZAFE) and leading titles dropped."""
    return tokens_of(_analyse(name))


def tokens_of(an: Analysis) -> tuple[str, ...]:
    return tuple(t.fold for t in an.toks(drop_titles=True))


def blocking_keys(name: str) -> frozenset[str]:
    """Keys shared by two spellings of one name whenever compare() can call them a variant.

    "=" + the folded name without spaces, and the same for its identity tokens (catches
    Lashkar Gah/Lashkargah, Albaghdadi); "s:" + the consonant skeleton of each distinctive token,
    prefixed by "'" if it starts with a vowel (catches vowel-only differences); for tokens of
    LONG_TOKEN_MIN_LEN letters or more, "d:" + the skeleton and each one-letter deletion of it
    (catches the one-consonant differences compare() accepts).  Tokens in COMMON_TOKENS and
    tokens under 3 letters give no key unless the name has no other token.  "w:" + the
    skeleton of all its tokens written as one word: a key shared only by names whose every part
    differs by vowels or spacing, which still pairs them when each part is too common a key to
    pair on (Gul Rashid Amiri/Gul Reshid Amiri, Nur Zai/Noorzai, Kali/Keeli).  A Latin-script name
    of several parts, none in COMMON_TOKENS, also gets the "s:" and "d:" keys of its parts
    written as one word, which compare() falls back on when two names have different numbers
    of parts (Kuh-i-Dasht/Kuhdasht, Sir Avand/Siravan). Latin names also get the "r:" and "v:"
    keys of _romanised_keys, for the matches of the calibrated score.
    """
    return keys_of(_analyse(name))


def keys_of(an: Analysis) -> frozenset[str]:
    """The blocking keys of an analysed name (see blocking_keys)."""
    toks = [t.fold for t in an.toks(drop_titles=True)]
    keys = {"=" + an.folded.replace(" ", ""), "=" + "".join(toks)}
    latin = an.scripts == {"Latin"}
    whole = _joined_fold(tuple(toks)) if latin and len(toks) > 1 else "".join(toks)
    keys.add("w:" + skeleton(whole))
    distinctive = [t for t in toks if len(t) >= 3 and t not in COMMON_TOKENS]
    for tok in distinctive or [t for t in toks if len(t) >= 3]:
        keys |= _token_keys(tok)
    if latin:
        for parts in {tuple(toks), tuple(t.fold for t in an.identity)}:
            if len(parts) > 1 and _joinable(parts):
                keys |= _token_keys(_joined_fold(parts))
        keys |= _romanised_keys(an)
    return frozenset(k[:KEY_MAX_LEN] for k in keys if k not in ("=", "d:", "w:", "r:", "v:"))


def _romanised_keys(an: Analysis) -> set[str]:
    """ "r:" + the romanised skeleton (romanisation.key_skeleton: gh/q, kh/h, sh/s merged) of
    each distinctive word, and "v:" + that of the whole name written as one word: the keys
    the score's confident matches share (Sar Bagh/Sar-e Baaq, Chahabad/Chaikhabad)."""
    romans = [romanised(t.fold) for t in an.toks(drop_titles=True)]  # from the fold alone
    keys = {"v:" + k for k in key_skeleton("".join(romans))}
    if len(romans) > 1:  # the parts' own skeletons: "ghek kalay" is "kkl", not "kl"
        per_word = ["".join(parts) for parts in product(*(key_skeleton(r) for r in romans))]
        keys.update("v:" + k for k in per_word[:4])
    distinctive = [r for r in romans if len(r) >= 3 and r not in COMMON_TOKENS]
    keys.update("r:" + k for r in distinctive for k in key_skeleton(r))
    return keys


def _token_keys(tok: str) -> set[str]:
    """ "s:" + consonant skeleton; for long tokens, "d:" + it and each one-letter deletion."""
    keys: set[str] = set()
    skel = skeleton(tok)
    if skel:
        keys.add("s:" + ("'" if tok[0] in VOWELS else "") + skel)
    if len(tok) >= LONG_TOKEN_MIN_LEN:
        keys.update("d:" + skel[:i] + skel[i + 1 :] for i in range(len(skel)))
        keys.add("d:" + skel)
    return keys


def _joinable(folds: tuple[str, ...]) -> bool:
    """Parts compare() may write as one word: none in COMMON_TOKENS, 3 letters or more."""
    return not any(f in COMMON_TOKENS for f in folds) and len("".join(folds)) >= 3


def _joined_fold(folds: tuple[str, ...]) -> str:
    """Folded name parts written as one word, folded again (the letters now meet)."""
    return refold(_glue(folds))[1]


def _glue(parts: tuple[str, ...]) -> str:
    """Name parts written as one word. A part's closing w, folded to "u" after a vowel, is
    a consonant again before a vowel: Naw Abad -> "nau" + "abad" -> "navabad", as Nawabad."""
    glued = [
        part[:-1] + "v"
        if part[-1:] == "u" and part[-2:-1] in VOWELS and after[:1] in VOWELS
        else part
        for part, after in zip(parts, (*parts[1:], ""), strict=True)
    ]
    return "".join(glued)


def _vowel_variant(short: _Tok, long: _Tok, score: float) -> _TokMatch:
    """Same consonants: accept compatible vowel substitutions and one interior vowel indel."""
    ops = Levenshtein.editops(short.fine, long.fine)
    edits: list[str] = []
    for op in ops:
        if op.tag == "replace":
            pair = "~".join(sorted((short.fine[op.src_pos], long.fine[op.dest_pos])))
            if frozenset(pair.split("~")) not in COMPATIBLE_VOWELS:
                seen = f"{short.fine}/{long.fine}"
                if len(short.fold) > LOOKALIKE_MAX_UNITS:
                    return _TokMatch(False, score, f"vowels {pair} differ in a long word ({seen})")
                return _TokMatch(False, score, f"vowels {pair} distinguish names ({seen})")
            edits.append(pair)
            continue
        pos, word = (op.dest_pos, long.fine) if op.tag == "insert" else (op.src_pos, short.fine)
        if word[pos] not in VOWELS + "y":
            return _TokMatch(False, score, f"a letter '{word[pos]}' left out")
        if pos in (0, len(word) - 1):
            return _TokMatch(False, score, "a vowel at the start or end makes another name")
        edits.append("±" + word[pos])
    indels = sum(e.startswith("±") for e in edits)
    if indels > MAX_VOWEL_INDELS or len(edits) > MAX_VOWEL_EDITS:
        return _TokMatch(False, score, "too many vowels differ")
    if indels and len(short.fold) < VOWEL_INDEL_MIN_LEN:
        return _TokMatch(False, score, f"too short (<{VOWEL_INDEL_MIN_LEN}) to drop a vowel")
    return _TokMatch(True, score, f"vowels {' '.join(edits)}" if edits else "")


def _consonant_variant(short: _Tok, long: _Tok, score: float) -> _TokMatch:
    """Consonants differ: accept one indel or close substitution in long, similar tokens."""
    skel_s, skel_l = skeleton(short.fold), skeleton(long.fold)
    ops = Levenshtein.editops(skel_s, skel_l)
    if len(ops) > 1:
        return _TokMatch(False, score, f"consonants '{skel_s}' and '{skel_l}' differ")
    if len(short.fold) < LONG_TOKEN_MIN_LEN:
        return _TokMatch(
            False, score, f"a consonant differs in a short (<{LONG_TOKEN_MIN_LEN}) word"
        )
    if short.fold[0] != long.fold[0]:
        return _TokMatch(False, score, "first letters differ")
    op = next(iter(ops))
    if op.tag == "replace":
        pair = frozenset((skel_s[op.src_pos], skel_l[op.dest_pos]))
        if pair not in CLOSE_CONSONANTS:
            return _TokMatch(False, score, f"consonants {'/'.join(sorted(pair))} differ")
    if score < CONSONANT_MIN_RATIO:
        return _TokMatch(False, score, f"ratio {score:.0f} < {CONSONANT_MIN_RATIO:.0f}")
    return _TokMatch(True, score, f"one consonant, ratio {score:.0f} ≥ {CONSONANT_MIN_RATIO:.0f}")


@lru_cache(maxsize=262144)
def _match_tokens(a: _Tok, b: _Tok) -> _TokMatch:
    if a.fold == b.fold:
        return _TokMatch(True, 100.0, "")
    short, long = sorted((a, b), key=lambda t: (len(t.fold), t.fold))
    score = fuzz.ratio(a.fold, b.fold)
    if long.fold[:-1] == short.fold and long.fold[-1] in VOWELS:
        if short.fold.endswith("i") and long.fold.endswith("ia"):
            return _TokMatch(False, score, ENDING_IYA)
        return _TokMatch(False, score, f"a final -{long.fold[-1]} {FINAL_VOWEL_NOTE}")
    if skeleton(a.fold) == skeleton(b.fold):
        return _vowel_variant(short, long, score)
    return _consonant_variant(short, long, score)


def _align(
    tx: tuple[_Tok, ...], ty: tuple[_Tok, ...], person_like: bool
) -> tuple[list[tuple[_Tok, _Tok]], str]:
    """Pair tokens in order; a person name may leave out OPTIONAL_MIDDLE parts."""
    if len(tx) == len(ty):
        return list(zip(tx, ty, strict=True)), ""
    swap = len(tx) > len(ty)
    short, long = (ty, tx) if swap else (tx, ty)
    dropped = [t.fold for t in long[1:-1] if t.fold in OPTIONAL_MIDDLE]
    reduced = (long[0], *(t for t in long[1:-1] if t.fold not in OPTIONAL_MIDDLE), long[-1])
    if not person_like or len(short) < 2 or len(reduced) != len(short):
        extra = " ".join(t.fold for t in long if t not in short)
        return [], f"{len(short)} vs {len(long)} name parts: '{extra}' has no counterpart"
    pairs = list(zip(reduced, short, strict=True) if swap else zip(short, reduced, strict=True))
    return pairs, f"left-out middle name '{' '.join(dropped)}'"


def _compare_tokens(x: Analysis, y: Analysis, person_like: bool) -> NameMatch:
    tx, ty = x.toks(person_like), y.toks(person_like)
    loose = fuzz.ratio(x.folded, y.folded)
    if x.folded.replace(" ", "") == y.folded.replace(" ", ""):
        return _match(
            NameVerdict.VARIANT, loose, x, y, "same letters; only spacing or hyphens differ"
        )
    if "".join(t.fold for t in tx) == "".join(t.fold for t in ty):
        reason = (
            f"same name parts '{' '.join(t.fold for t in tx)}'; titles, particles or spacing differ"
        )
        return _match(NameVerdict.VARIANT, 100.0, x, y, reason)
    pairs, note = _align(tx, ty, person_like)
    if not pairs:
        return _compare_joined(x, y, (tx, ty), loose, note)
    matches = [_match_tokens(p, q) for p, q in pairs]
    if not person_like:
        matches = _place_word_forms(pairs, matches)
    for (p, q), m in zip(pairs, matches, strict=True):
        if not m.ok:
            reason = f"'{p.fold}' vs '{q.fold}' do not match ({m.note}; ratio {m.score:.0f})"
            return _match(NameVerdict.DIFFERENT, loose, x, y, reason)
    score = sum(m.score for m in matches) / len(matches)
    found = [
        f"'{p.fold}' ~ '{q.fold}' ({m.note})"
        for (p, q), m in zip(pairs, matches, strict=True)
        if m.note
    ]
    found += [note] if note else []
    return _match(
        NameVerdict.VARIANT,
        score,
        x,
        y,
        f"token-aligned similarity {score:.0f}: {', '.join(found)}",
    )


def _place_word_forms(pairs: list[tuple[_Tok, _Tok]], matches: list[_TokMatch]) -> list[_TokMatch]:
    """Paired words of names that are not people's, accepted when a word carries the ezafe
    before the next word (Sultane Bakwa / Soltan Bakvah), an ending of another language
    (Idlibas / Idlib) or the French mute e (Meyadine / Meyadin)."""
    found: list[_TokMatch] = []
    for i, ((p, q), m) in enumerate(zip(pairs, matches, strict=True)):
        ezafe = _glued_ezafe(p, q) if i < len(pairs) - 1 else None
        found.append(ezafe or (m if m.ok else _case_ending(p, q) or _mute_e(p, q) or m))
    return found


def _mute_e(a: _Tok, b: _Tok) -> _TokMatch | None:
    """A word of a place's name written with the French mute final e (Hajine, Meyadine)
    against the word without it. Not for people: Turkish writes a woman's name so (Cemile,
    Halime: Jamila, Halima), which the look-alike guard keeps apart from Jamil, Halim."""
    short, long = sorted((a, b), key=lambda t: len(t.fold))
    if long.mute_e and long.fold[:-1] == short.fold:
        return _TokMatch(True, fuzz.ratio(a.fold, b.fold), MUTE_E_NOTE)
    return None


def _glued_ezafe(a: _Tok, b: _Tok) -> _TokMatch | None:
    """A word of a place's name before another, with the ezafe written on it (Sultane Bakwa,
    Hukumati Shinkay, Kaluai Kuf) against the word without it: the same word."""
    short, long = sorted((a, b), key=lambda t: len(t.fold))
    if long.fold == short.fold + "i" and long.fine[-1:] in ("e", "i") and len(short.fold) >= 3:
        return _TokMatch(True, fuzz.ratio(a.fold, b.fold), f"ezafe glued to '{long.fine}'")
    return None


CASE_ENDINGS = {fold_raw_token(end): end for end in ("as", "o")}
"""Endings other languages put on a place's name (Lithuanian Idlibas, Esperanto Hajderabado)."""
CASE_ENDING_STEM = 4
"""Letters the name needs without its ending (Mardanas/Mardan, Kermano/Kirman)."""


def _case_ending(a: _Tok, b: _Tok) -> _TokMatch | None:
    """A place's name with a Lithuanian or Esperanto ending against the name without it, the
    rest being the same word by the token rules."""
    short, long = sorted((a, b), key=lambda t: len(t.fold))
    for end, written in CASE_ENDINGS.items():
        stem = long.fold[: -len(end)]
        if long.fold.endswith(end) and len(stem) >= CASE_ENDING_STEM and len(short.fold) >= 4:
            inner = _match_tokens(short, _Tok(stem, long.fine[: -len(end)]))
            if inner.ok:
                said = (f"ending -{written} of another language", inner.note)
                note = "; ".join(n for n in said if n)
                return _TokMatch(True, fuzz.ratio(a.fold, b.fold), note)
    return None


def _joined(toks: tuple[_Tok, ...]) -> _Tok:
    """Name parts written as one word: fold as blocking_keys() does, fine for the vowels."""
    return _Tok(
        _joined_fold(tuple(t.fold for t in toks)), refold(_glue(tuple(t.fine for t in toks)))[0]
    )


def _compare_joined(
    x: Analysis, y: Analysis, toks: tuple[tuple[_Tok, ...], ...], loose: float, note: str
) -> NameMatch:
    """One name is one word and the other has several parts: compare the Latin parts written
    as one word, with the rules for one token (Kabudarahang/Kabud Rahang, Deh-e Molla/Dehmolla).
    Not when a part is in COMMON_TOKENS ("Abdul Rahim" is not "Abdulrahman" with a space), nor
    between two names of several parts, where one letter more can be a whole word."""
    joinable = all(_joinable(tuple(t.fold for t in side)) for side in toks)
    if x.scripts != {"Latin"} or not joinable or min(map(len, toks)) > 1:
        return _match(NameVerdict.DIFFERENT, loose, x, y, note)
    jx, jy = _joined(toks[0]), _joined(toks[1])
    m = _match_tokens(jx, jy)
    if not m.ok:
        return _match(NameVerdict.DIFFERENT, loose, x, y, note)
    found = f"; {m.note}" if m.note else ""
    reason = f"spacing differs: joined '{jx.fold}' ~ '{jy.fold}' (ratio {m.score:.0f}{found})"
    return _match(NameVerdict.VARIANT, m.score, x, y, reason)


def _match(verdict: NameVerdict, score: float, x: Analysis, y: Analysis, reason: str) -> NameMatch:
    """A rule-matcher result; compare_analysed() adds the tier and the calibrated score."""
    tier = name_tiers.WARNING if verdict in (NameVerdict.SAME, NameVerdict.VARIANT) else None
    score = round(float(score), 1)
    return NameMatch(verdict, score, reason, x.folded, y.folded, tier, (), score)


_KINDS = frozenset({"person", "organisation", "place", "event", "other"})


def _kind(kind: str | None) -> str | None:
    if kind is None or kind in _KINDS:
        return kind
    value = {"organization": "organisation"}.get(
        str(kind).strip().lower(), str(kind).strip().lower()
    )
    if value not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(_KINDS)} or None")
    return value


def _mixed(a: str, b: str, x: Analysis, y: Analysis) -> str | None:
    for name, an in ((a, x), (b, y)):
        if an.mixed:
            mix = "+".join(sorted(an.scripts))
            return (
                f"mixed scripts: '{name}' mixes {mix} letters inside '{an.mixed[0]}' (look-alikes?)"
            )
    return None


def compare(a: str, b: str, kind_a: str | None = None, kind_b: str | None = None) -> NameMatch:
    """Compare two names; kinds are person/organisation/place/event/other or None (unknown)."""
    return compare_analysed((a, _analyse(a)), (b, _analyse(b)), kind_a, kind_b)


def compare_analysed(
    first: tuple[str, Analysis],
    second: tuple[str, Analysis],
    kind_a: str | None = None,
    kind_b: str | None = None,
    *,
    ranked: bool = True,
) -> NameMatch:
    """compare() for names already analysed, each given as (name, analysis); names of places
    and buildings that match in no tier are compared once more without their generic words
    (name_designators: "Zanbaq Square" / "Sanbak-Platz"), at the possible tier at most.
    ``ranked=False`` spares the score of pairs that no tier can take (a word wholly unlike
    its pair, however the words are paired): they get score 0, the tier is the same (the
    checker's rules, which only keep tiered pairs, ask so)."""
    found = _compare_whole(first, second, kind_a, kind_b, ranked)
    if found.tier is not None or "person" in (kind_a, kind_b) or found.reason.startswith("diff"):
        return found
    cores = name_designators.comparable_cores(first[0], second[0])
    if cores is None:
        return found
    x, y = cores
    inner = compare(x.core, y.core, kind_a, kind_b)
    if inner.tier is None:
        return found
    said = (
        "generic words set aside ("
        + " / ".join(dict.fromkeys([*x.words, *y.words]))
        + f"): '{x.core}' / '{y.core}': {inner.reason}"
    )
    return NameMatch(
        NameVerdict.POSSIBLE,
        inner.score,
        said,
        found.folded_a,
        found.folded_b,
        name_tiers.REVIEW,
        (said, *inner.reasons),
        found.similarity,
    )


def _compare_whole(
    first: tuple[str, Analysis],
    second: tuple[str, Analysis],
    kind_a: str | None = None,
    kind_b: str | None = None,
    ranked: bool = True,
) -> NameMatch:
    (a, x), (b, y) = first, second
    ka, kb = _kind(kind_a), _kind(kind_b)
    if ka is not None and kb is not None and ka != kb:
        return _match(NameVerdict.NOT_COMPARABLE, 0.0, x, y, f"different kinds: {ka} vs {kb}")
    if not x.folded or not y.folded:
        return _match(
            NameVerdict.NOT_COMPARABLE, 0.0, x, y, "nothing left to compare after folding"
        )
    acronym = name_acronyms.match(a, b)
    if acronym is not None:
        return _acronym(acronym, x, y)
    if x.folded == y.folded:
        rules = sorted(x.rules ^ y.rules) or sorted(x.rules | y.rules)
        how = f" ({', '.join(rules)})" if rules else " (case and spacing only)"
        same = _match(
            NameVerdict.SAME, 100.0, x, y, f"'{a}' and '{b}' fold to the same key '{x.folded}'{how}"
        )
        return _scored(same, x, y, ka or kb, a, b, ranked)
    problem = _mixed(a, b, x, y)
    if problem is not None:
        return _match(NameVerdict.NOT_COMPARABLE, fuzz.ratio(x.folded, y.folded), x, y, problem)
    if x.scripts != y.scripts:
        return name_scripts.across(a, b, x, y, ka or kb)
    rule = _compare_tokens(x, y, (ka or kb) in (None, "person"))
    return _scored(rule, x, y, ka or kb, a, b, ranked)


def romanised_words(an: Analysis, person_like: bool) -> tuple[str, ...]:
    """The name's identity words (titles set aside for people), romanised."""
    return tuple(t.roman or t.fold for t in an.toks(person_like))


class ScoreInputs(NamedTuple):
    """What the calibrated score of a Latin-script pair is computed from."""

    words_a: tuple[str, ...]
    words_b: tuple[str, ...]
    same_key: bool
    rules_variant: bool
    kind: str | None


def score_inputs(rule: NameMatch, x: Analysis, y: Analysis, kind: str | None) -> ScoreInputs:
    person_like = kind in (None, "person")
    return ScoreInputs(
        romanised_words(x, person_like),
        romanised_words(y, person_like),
        rule.verdict is NameVerdict.SAME,
        rule.verdict is NameVerdict.VARIANT,
        kind,
    )


GUARD_NOTES = ("distinguish names", "makes another name")
"""Reasons of the rule matcher's look-alike guard (Hasan/Husain, Karim/Karam, Ahmad/Ahmadi):
such a pair is in no tier."""
SHORT_NOTES = ("short", "first letters differ")
"""Reasons for refusing a change in a short word (Paktia/Paktika, Ghazni/Gazni): such a pair
is confident only when the change is a romanisation correspondence (name_tiers.confident)."""
VOWEL_SHORT_NOTE = "to drop a vowel"
"""A vowel dropped in a word under VOWEL_INDEL_MIN_LEN letters (Amr/Amir, Bakr/Bakir): review
at most."""


MUTE_E_NOTE = "a final mute -e, as French writes the end of a name"
ENDING_IYA = "-i against -ia: a feminine name, or the ending -ieh / -iya spelled two ways"
"""Fauzi and Fauzia are two people; Fatemieh and Fatimiya mosque one place (ـیه written the
Persian and the Arabic way). For people, and names of unknown kind, the look-alike guard
holds; for places and other things the pair may be reviewed."""


FINAL_VOWEL_NOTE = "makes another name (nisba -i, feminine -a)"
PLACE_VOWELS = (
    (f"a final -a {FINAL_VOWEL_NOTE}", name_tiers.GUARD_NONE),
    (f"a final -i {FINAL_VOWEL_NOTE}", name_tiers.GUARD_REVIEW),
    ("distinguish names", name_tiers.GUARD_SHORT),
)
"""What the look-alike guard allows for the name of a place, whose vowels no naming tradition
fixes: a final -a is the Arabic ending ة written or left out (Qara Chaqa / Qareh Chak), to be
scored; a final -i (Persian -eh or a nisba: Hajine / Hajin, but Dasht / Dashti) and a~i, a~u,
i~u in a short word (unwritten Persian vowels: Posht / Pesht, but Buni / Bannu) for review."""


def guarded_by_rules(rule: NameMatch, kind: str | None = None) -> int:
    """How the rule matcher's refusal limits the tiers (name_tiers.GUARD_*): APART when its
    look-alike guard refused the pair (less for places: PLACE_VOWELS), REVIEW for a vowel
    dropped in a very short word (or an -i/-ia ending of a name that is not a person's),
    SHORT for another change in a short word, else NONE."""
    if rule.verdict is not NameVerdict.DIFFERENT:
        return name_tiers.GUARD_NONE
    if ENDING_IYA in rule.reason:
        return name_tiers.GUARD_APART if kind in (None, "person") else name_tiers.GUARD_REVIEW
    if kind == "place":
        for note, guard in PLACE_VOWELS:
            if note in rule.reason:
                return guard
    if any(note in rule.reason for note in GUARD_NOTES):
        return name_tiers.GUARD_APART
    if VOWEL_SHORT_NOTE in rule.reason:
        return name_tiers.GUARD_REVIEW
    if any(note in rule.reason for note in SHORT_NOTES):
        return name_tiers.GUARD_SHORT
    return name_tiers.GUARD_NONE


def rule_match(a: str, b: str, kind: str | None = None) -> tuple[NameMatch, ScoreInputs | None]:
    """The rule matcher's verdict alone (no score, no tier) for two names of one kind, and the
    score's inputs when both are in Latin script (benchmarks/names_dev/fit.py fits on them)."""
    x, y = _analyse(a), _analyse(b)
    if not x.folded or not y.folded or x.scripts != {"Latin"} or y.scripts != {"Latin"}:
        return compare(a, b, kind, kind), None
    if x.folded == y.folded:
        rule = _match(NameVerdict.SAME, 100.0, x, y, "same key")
    else:
        rule = _compare_tokens(x, y, kind in (None, "person"))
    return rule, score_inputs(rule, x, y, _kind(kind))


def _scored(
    rule: NameMatch,
    x: Analysis,
    y: Analysis,
    kind: str | None,
    a_name: str = "",
    b_name: str = "",
    ranked: bool = True,
) -> NameMatch:
    """The rule matcher's result with the calibrated score, its reasons and the tier."""
    if x.scripts != {"Latin"} or y.scripts != {"Latin"}:
        return rule
    inputs = score_inputs(rule, x, y, kind)
    judged = name_tiers.tier_of(
        inputs.words_a,
        inputs.words_b,
        same_key=inputs.same_key,
        rules_variant=inputs.rules_variant,
        kind=kind,
        guarded=guarded_by_rules(rule, kind),
        ranked=ranked,
    )
    if inputs.words_a == inputs.words_b and not judged.reasons[:1]:
        systems = systems_in(a_name) + systems_in(b_name)
        said = f"romanised alike: '{' '.join(inputs.words_a)}' ({', '.join(systems) or 'spelling'})"
        judged = judged._replace(reasons=(said, *judged.reasons))
    return _tiered(rule, judged)


def _tiered(rule: NameMatch, judged: name_tiers.Judgement, prefix: str = "") -> NameMatch:
    verdict, reason = rule.verdict, rule.reason
    if verdict not in (NameVerdict.SAME, NameVerdict.VARIANT):
        verdict = {
            name_tiers.WARNING: NameVerdict.VARIANT,
            name_tiers.REVIEW: NameVerdict.POSSIBLE,
        }.get(judged.tier or "", NameVerdict.DIFFERENT)
        if judged.tier is not None:
            reason = f"{prefix}score {judged.score:.0f}: {'; '.join(judged.reasons[:3])}"
    return NameMatch(
        verdict,
        round(judged.score, 1),
        reason,
        rule.folded_a,
        rule.folded_b,
        judged.tier,
        judged.reasons,
        rule.similarity,
    )


def _acronym(found: name_acronyms.AcronymMatch, x: Analysis, y: Analysis) -> NameMatch:
    how = "its initials" if found.exact else f"the first initials of '{found.initials}'"
    reason = f"acronym: '{found.acronym}' is {how}"
    tier = name_tiers.WARNING if found.exact else name_tiers.REVIEW
    verdict = NameVerdict.VARIANT if found.exact else NameVerdict.POSSIBLE
    score = 99.0 if found.exact else 80.0
    return NameMatch(verdict, score, reason, x.folded, y.folded, tier, (reason,), 0.0)


Verdict = NameVerdict
"""Deprecated: the old name of NameVerdict, kept while other modules still import it."""
