"""Folding tables and word folding for provenance.names (internal: import names, not this)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from provenance.romanisation import romanised

VOWELS = "aeiou"

# First word of a letter's Unicode name -> script label.  Anything else that is a letter is
# "Other"; non-letters (digits, marks, punctuation) have no script.
_SCRIPT_PREFIXES: dict[str, str] = {
    "LATIN": "Latin",
    "ARABIC": "Arabic",
    "CYRILLIC": "Cyrillic",
    "GREEK": "Greek",
    "HEBREW": "Hebrew",
    "SYRIAC": "Syriac",
    "THAANA": "Thaana",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "DEVANAGARI": "Devanagari",
    "BENGALI": "Bengali",
    "GURMUKHI": "Gurmukhi",
    "ETHIOPIC": "Ethiopic",
    "THAI": "Thai",
    "CJK": "Han",
    "HIRAGANA": "Hiragana",
    "KATAKANA": "Katakana",
    "HANGUL": "Hangul",
}

# Marks for ʿayn and hamza (and plain apostrophes) are deleted: "Mus'ab" = "Musab", "Qa'ida" =
# "Qaida".  Sources omit them as often as they write them.  Tatweel (U+0640) is only stretching.
_DELETE = str.maketrans(dict.fromkeys("'`´ʹʻʼʽʾʿˈˌ‘’‛′\u0640"))

# Latin letters that carry no combining mark to strip but are variants of a plain letter.
_LATIN_LETTERS = str.maketrans(
    {"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t", "ŋ": "n", "æ": "ae", "œ": "oe"}
    | {"ð": "dh", "þ": "th", "ə": "a"}  # Azerbaijani schwa: Təbriz/Tabriz
)

# Arabic-script letter variants (Arabic, Persian, Pashto, Urdu spellings of one letter).
# Harakat and other combining marks are stripped with the Latin diacritics.
_ARABIC_LETTERS = str.maketrans(
    dict.fromkeys("أإآٱٲٳ", "ا")
    | dict.fromkeys("ىیۍېےێ", "ي")  # alef maksura, Farsi/Pashto/Urdu yeh -> Arabic yeh
    | dict.fromkeys("کڪ", "ك")  # keheh, swash kaf -> kaf
    | dict.fromkeys("ةۀہۂە", "ه")  # teh marbuta and heh forms -> heh
    | {"ؤ": "و", "ئ": "ي"}
)

# Token rewrite rules for Latin-script words, each (label, pattern, replacement, needs).  Applied
# in order and repeated until nothing changes.  Every rule shortens the token or removes one of
# q, w, o, z, y, e, so the loop ends; the result is a fixed point, hence folding is idempotent.
# ``needs`` is a letter the pattern cannot match without ("" for none in particular): a word
# without it skips the rule, which is most rules for most words.
_Rule = tuple[str, re.Pattern[str], str, str]
_FINE_RULES: tuple[_Rule, ...] = (
    # Haqqani/Haqani, Mullah/Mulla, Mansoor (oo), Saeed (ee); "aa" is kept at this level so
    # that Jamaat (جماعت) and Jamiat (جمعیت) still differ in a vowel.
    ("doubled letters", re.compile(r"([b-df-hj-np-tv-z])\1+"), r"\1", ""),
    ("doubled letters", re.compile(r"([eiou])\1+"), r"\1", ""),
    ("ph/f", re.compile("ph"), "f", "p"),  # Mustapha/Mustafa
    # ج written the Russian (dzh), French (dj) or German (dsch) way: Dzhalalabad, Djelalabad
    ("dzh/j", re.compile("dzh|dsch|dj"), "j", "d"),
    ("dh/z", re.compile("dh"), "z", "d"),  # ذ: Dhabihullah/Zabihullah
    ("q/k", re.compile("q"), "k", "q"),  # ق: Qandahar/Kandahar, Qunduz/Kunduz
    ("w/v", re.compile(r"w(?=[aeiou])"), "v", "w"),  # و before a vowel: Parwan/Parvan
    ("w/u", re.compile("w"), "u", "w"),  # و after a vowel: Mawlawi/Maulvi, Lowgar/Logar
    ("o/u", re.compile("o"), "u", "o"),  # Khorasan/Khurasan, Mansour (ou), Nooristan (oo)
    ("y/i", re.compile(r"(?<=i)y(?=[aeiou])"), "", "y"),  # Paktiya/Paktia, Zakariya/Zakaria
    ("y/i", re.compile(r"(?<=[b-df-hj-np-tv-xz])y"), "i", "y"),  # Faryab/Fariab, Paktya/Paktia
    ("y/i", re.compile(r"y(?![aeiou])"), "i", "y"),  # Ghazny/Ghazni, Haybatullah/Haibatullah
    # z/s next to a consonant or at the end (Mirza/Mirsa, Ghazni, Kunduz/Kundus), but not
    # word-initially (Zaid ≠ Said), between vowels (Nazir ≠ Nasir, Nazim ≠ Nasim) or in zh (ژ).
    ("z/s", re.compile(r"(?<=[b-df-hj-np-tv-xz])z(?!h)|(?<=[aeiou])z(?![aeiouh])"), "s", "z"),
    ("final h", re.compile(r"(?<=[aeiou])h$"), "", "h"),  # Hibatullah/Hibatulla, -ollah, -ah
)
# Fold level adds the vowel merges that the fine level keeps for vowel-compatibility checks.
_FOLD_RULES: tuple[_Rule, ...] = (
    *_FINE_RULES,
    ("e/i", re.compile("e"), "i", "e"),  # Hekmatyar/Hikmatyar, Herat/Hirat, Sar-e/Sar-i
    ("doubled letters", re.compile("a{2,}"), "a", "a"),
)

# Whole-token spellings of one name, raw forms -> canonical raw form (folded at import).
_CANON_RAW: dict[str, tuple[str, ...]] = {
    "muhammad": ("mohammad", "mohammed", "mohamed", "mohamad", "muhammed", "mohd", "muhd"),
    "ahmad": ("ahmed",),
    "abdul": ("abdel", "abdal", "abdol", "abdur", "abdus", "abdush", "abdud", "abduz", "abdun"),
    "bin": ("ibn", "ben"),
    # سيد: the y after the first consonant is a consonant here, not the i of Faryab/Fariab
    "sayyid": ("syed", "seyed", "seyyed", "syyed"),
}
# Free-standing Arabic article al/el/il/ul/ol (folded forms): canonical "al" before a word.
_ARTICLES = frozenset({"al", "il", "ul"})
# Sun-letter forms (ad-Din, ar-Rahman, as-Sahab, ash-Shishani, and unhyphenated as GeoNames
# writes them: Ar Ramadi, As Samu, Adh Dhayd): only when the next word starts with the doubled
# consonant, so "As" or "An" before any other word is never taken.
_SUN_LETTERS = ("d", "dh", "r", "s", "sh", "t", "th", "z", "n")
_ASSIMILATED: dict[str, str] = {v + c: c for v in "aeou" for c in _SUN_LETTERS}


class Word(NamedTuple):
    """One folded word: comparison form, fine form (keeps e and aa), its letters' scripts, and
    the comparison form of the word rewritten the English way (provenance.romanisation)."""

    fold: str
    fine: str
    scripts: frozenset[str]
    roman: str = ""
    mute_e: bool = False  # written with a final e after a consonant (see mute_e)


class Folded(NamedTuple):
    words: tuple[Word, ...]
    rules: frozenset[str]


@lru_cache(maxsize=8192)
def script_of(ch: str) -> str | None:
    """Script label of a letter; None for anything that is not a letter."""
    if not unicodedata.category(ch).startswith("L"):
        return None
    return _SCRIPT_PREFIXES.get(unicodedata.name(ch, "").split(" ", 1)[0], "Other")


def _apply(rules: tuple[_Rule, ...], text: str, fired: set[str]) -> str:
    while True:
        before = text
        for label, pattern, repl, needs in rules:
            if needs and needs not in text:
                continue
            text, count = pattern.subn(repl, text)
            if count:
                fired.add(label)
        if text == before:
            return text


def _fold_latin_raw(word: str, fired: set[str]) -> tuple[str, str]:
    fine = _apply(_FINE_RULES, word, fired)
    return fine, _apply(_FOLD_RULES, fine, fired)


_CANON: dict[str, str] = {
    _fold_latin_raw(v, set())[1]: _fold_latin_raw(k, set())[1]
    for k, variants in _CANON_RAW.items()
    for v in variants
}


@lru_cache(maxsize=65536)
def _fold_latin(word: str) -> tuple[str, str, frozenset[str]]:
    """(fine, fold, rules fired) for one Latin-script word."""
    fired: set[str] = set()
    fine, fold = _fold_latin_raw(word, fired)
    if fold in _CANON:
        fold = fine = _CANON[fold]
        fired.add("name spellings")
    return fine, fold, frozenset(fired)


def fold_raw_token(word: str) -> str:
    """Fold a lower-case Latin token (used to build tables of titles and particles)."""
    return _fold_latin(word)[1]


def refold(word: str) -> tuple[str, str]:
    """(fine, fold) of a lower-case Latin token, e.g. of name parts written as one word."""
    fine, fold, _rules = _fold_latin(word)
    return fine, fold


def _prepare(name: str, fired: set[str]) -> str:
    stripped = name.translate(_DELETE)
    if stripped != name:
        fired.add("apostrophes")
    text = unicodedata.normalize("NFKC", stripped).casefold().translate(_DELETE)
    kept: list[str] = []
    base: str | None = None
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.category(ch).startswith("M"):
            if base is None or base in ("Latin", "Arabic"):
                fired.add("diacritics")
                continue
        else:
            base = script_of(ch)
        kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)).translate(_LATIN_LETTERS)


def _split(text: str) -> list[tuple[str, bool]]:
    """Words (letters, marks, digits) with whether a dash follows; the rest separates."""
    words: list[tuple[str, bool]] = []
    current: list[str] = []
    for ch in text + " ":
        category = unicodedata.category(ch)
        if category[0] in "LMN":
            current.append(ch)
            continue
        if current:
            words.append(("".join(current), False))
            current = []
        if category == "Pd" and words:
            words[-1] = (words[-1][0], True)
    return words


def _particles(words: list[tuple[str, bool]], fired: set[str]) -> list[str]:
    """Canonicalise the article to "al" and join "abd al" into "abdul" (Latin words only).

    Tests use folded forms ("ol" folds to "ul"), so that folding a folded name changes nothing.
    """
    out: list[str] = []
    for i, (word, _dash) in enumerate(words):
        nxt = words[i + 1][0] if i + 1 < len(words) else ""
        if nxt.isascii() and word.isascii() and nxt:
            folded = fold_raw_token(word)
            # the folded form too, so that folding a folded name finds the same article
            suns = (_ASSIMILATED.get(word), _ASSIMILATED.get(folded))
            if folded in _ARTICLES or any(s is not None and nxt.startswith(s) for s in suns):
                if word != "al":
                    fired.add("article")
                word = "al"
                if out and fold_raw_token(out[-1]) == "abd":
                    out[-1] = "abdul"
                    continue
        out.append(word)
    return out


def _fold_word(word: str, fired: set[str]) -> Word:
    scripts = frozenset(s for s in map(script_of, word) if s is not None)
    if scripts == {"Latin"}:
        fine, fold, rules = _fold_latin(word)
        fired.update(rules)
        written = romanised(word)
        roman = fine if written == word else _fold_latin(written)[0]
        return Word(fold, fine, scripts, roman, mute_e(word))
    if scripts == {"Arabic"}:
        arabic = word.translate(_ARABIC_LETTERS)
        if arabic != word:
            fired.add("Arabic letter forms")
        return Word(arabic, arabic, scripts, arabic)
    # other scripts, digits, and mixed-script words as written
    return Word(word, word, scripts, word)


MUTE_E_MIN_LEN = 4
"""Letters a word needs before its final e may be mute (not Abe, Ene)."""


def mute_e(word: str) -> bool:
    """A word written with a final e after a consonant, as French spells the end of a place's
    name (Hajine, Meyadine: Hajin, Mayadin), which is no vowel of the name; not -eh, the
    Persian ending ه (Kandeh), nor -ie, -ye."""
    return (
        len(word) >= MUTE_E_MIN_LEN
        and word.endswith("e")
        and word[-2] not in VOWELS + "yhw'"
        and word[-3] != "y"
    )


@lru_cache(maxsize=65536)
def fold_words(name: str) -> Folded:
    """Fold a name word by word, recording which rules changed something."""
    fired: set[str] = set()
    words = _particles(_split(_prepare(name, fired)), fired)
    return Folded(tuple(_fold_word(w, fired) for w in words), frozenset(fired))


def skeleton(token: str) -> str:
    """Consonant skeleton: vowels removed, repeated letters collapsed ("nangarhar" -> "ngrhr")."""
    out: list[str] = []
    for ch in token:
        if ch not in VOWELS and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


TITLES = frozenset(
    fold_raw_token(t)
    for t in (
        *("mullah", "mulla", "mullo", "molla", "maulvi", "mawlawi", "moulvi", "maulavi", "molvi"),
        *("maulana", "mawlana", "mowlana", "sheikh", "shaikh", "shaykh", "sheik", "shaik"),
        *("haji", "hajji", "alhaj", "alhaji", "qari", "mufti", "ustad", "ustaz", "hazrat"),
        *("ayatollah", "dr", "doctor", "mr", "mrs", "ms", "prof", "professor", "eng", "engineer"),
        *("gen", "general", "col", "colonel", "maj", "major", "capt", "captain", "lt", "sgt"),
        *("cmdr", "commander", "president"),
    )
)
"""Honorifics and ranks dropped from the start of person names only ("John Major" keeps
"major").  Not titles, because they are also given names: hafiz, sayed, amir, malik, agha, khan."""
COMMON_TOKENS = frozenset(
    fold_raw_token(t)
    for t in ("muhammad", "ahmad", "abdul", "abu", "bin", "khan", "gul", "jan", "ali", "shah")
)
"""Tokens shared by too many names to be a blocking key unless a name has nothing else."""

ABJADS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})
"""Scripts that leave short vowels unwritten: their names are compared by consonants."""
TRANSLITERATED = frozenset({"Arabic", "Cyrillic", "Greek", "Armenian", "Georgian"})
"""Scripts whose names are compared with Latin ones through anyascii's transliteration."""


def to_latin(name: str) -> str:
    """A name in another script written in Latin letters by anyascii (Хайбатулла ->
    Khaybatulla, ذبيح الله -> dhbyh llh); word breaks (ZWNJ, spaces) are kept."""
    from anyascii import anyascii  # imported when a name in another script is compared

    return " ".join(anyascii(word) for word, _dash in _split(_prepare(name, set())))
