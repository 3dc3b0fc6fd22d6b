"""Generic words in names of places and buildings ("Square", "place", "Platz", "ساحة"; "mosque",
"masjid", "مسجد"): reporting in several languages translates them while it only re-spells the
name itself, so "Zanbaq Square", "place Zanbaq" and "Sanbak-Platz" are one name with its
generic word in three languages.

A name's *designators* are its words found in DESIGNATORS, each read as its class (square,
mosque, city...), with the words in QUALIFIERS that say what kind of one it is (national,
central, maternity...); its *core* is what remains. Two names whose designators share a class and
whose cores match are likely one name (the name matcher gives them its possible tier); names
whose designators share no class (a mosque and a hospital of one name) are left alone, as are
people, whose names carry no such words."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from provenance.transliteration import fold_raw_token

DESIGNATORS: dict[str, tuple[str, ...]] = {
    # class: the word in English, French, German, Spanish, Portuguese, Italian, and the forms
    # Dari, Pashto and Arabic reporting uses (in Arabic script and romanised)
    "square": (
        "square", "place", "platz", "plaza", "praca", "piazza", "maidan", "meydan", "midan",
        "chowk", "chok", "chaharrahi", "chaharrah", "ساحة", "میدان", "ميدان", "چهارراه", "چوک",
    ),
    "mosque": (
        "mosque", "mosquee", "moschee", "mezquita", "mesquita", "moschea", "masjid", "masjed",
        "مسجد",
    ),
    "hospital": (
        "hospital", "hopital", "krankenhaus", "hospitale", "ospedale", "klinik", "clinic",
        "shafakhana", "bimarestan", "mustashfa", "شفاخانه", "بیمارستان", "مستشفى",
    ),
    "city": (
        "city", "town", "ville", "stadt", "ciudad", "cidade", "citta", "shahr", "شهر", "مدينة",
    ),
    # a venue for weddings and gatherings is called a hall, a hotel or a palace by turns
    "venue": (
        "hall", "salon", "saal", "talar", "تالار", "قاعة", "قاعه",
        "hotel", "هتل", "فندق", "palace", "palais", "palast", "palacio", "palazzo", "qasr",
        "kasr", "قصر", "wedding", "عروسی",
    ),
    "prison": (
        "prison", "jail", "gaol", "gefangnis", "prision", "carcere", "zindan", "zendan",
        "زندان", "سجن",
    ),
    "university": (
        "university", "universite", "universitat", "universidad", "universidade",
        "universita", "daneshgah", "pohantun", "دانشگاه", "پوهنتون", "جامعة",
    ),
    "district": ("district", "woluswali", "wuluswali", "ولسوالی", "مديرية"),
    "province": ("province", "provinz", "provincia", "wilayat", "velayat", "ولایت", "ولاية"),
    "quarter": ("quarter", "quartier", "viertel", "barrio", "gozar", "guzar", "quzar", "گذر"),
    "market": (
        "bazaar", "bazar", "market", "marche", "markt", "mercado", "mercato", "بازار", "سوق",
    ),
    "street": (
        "street", "road", "rue", "strasse", "calle", "rua", "via", "sarak", "سرک", "شارع", "جاده",
    ),
}  # fmt: skip

QUALIFIERS = frozenset(
    fold_raw_token(w)
    for w in (
        # what kind of hospital, prison or mosque it is, not which: "Barchi National
        # Hospital" is the hospital of Dasht-e-Barchi; set aside only beside a generic word
        "national", "central", "general", "regional", "provincial", "public", "civil",
        "civilian", "military", "main", "grand", "international", "municipal", "maternity",
        "teaching", "trauma", "emergency", "referral", "milli", "markazi",
    )
)  # fmt: skip
_LINK = frozenset(fold_raw_token(w) for w in ("e", "i", "ye", "de", "du", "la", "of", "der"))
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)


def _key(word: str) -> str:
    return fold_raw_token(word.casefold())


_CLASS_OF: dict[str, str] = {_key(w): cls for cls, words in DESIGNATORS.items() for w in words}
_EZAFE = ("i", "e")
"""A generic word may carry the Persian link to the name it governs: Kasri Dubai is Qasr-e
Dubai, Shahri Naw is Shahr-e Naw."""


def _class_of(word: str) -> str | None:
    key = _key(word)
    found = _CLASS_OF.get(key)
    if found is None and len(key) > 4 and key.endswith(_EZAFE):
        found = _CLASS_OF.get(key[:-1])
    return found


class Designated(NamedTuple):
    core: str  # the name without its generic words and the links between them ("Zanbaq")
    classes: frozenset[str]  # the classes of its generic words ({"square"})
    words: tuple[str, ...]  # the generic words as written ("Platz",)


@lru_cache(maxsize=65536)
def designated(name: str) -> Designated:
    """The name's core and generic words."""
    words = _WORDS.findall(name)
    generic = [w for w in words if _class_of(w)]
    if not generic:
        return Designated(name, frozenset(), ())
    aside = _LINK | QUALIFIERS
    kept = [w for w in words if not _class_of(w) and _key(w) not in aside]
    qualifiers = [w for w in words if _key(w) in QUALIFIERS]
    classes = frozenset(c for c in map(_class_of, generic) if c)
    return Designated(" ".join(kept), classes, (*generic, *qualifiers))


def comparable_cores(a: str, b: str) -> tuple[Designated, Designated] | None:
    """Both names' cores when both carry generic words of a common class, the cores are not
    empty and setting the words aside changes something; else None."""
    x, y = designated(a), designated(b)
    if not (x.classes & y.classes) or not x.core or not y.core:
        return None
    if (x.core, y.core) == (a, b):
        return None
    return x, y
