"""Names for the synthetic ledger (benchmarks/synth.py): Afghan and Arabic-style people,
places and organisations that are all different names, their real-looking transliteration
variants, and spellings that differ only in typography.

Every entity name and alias goes through a ``Registry`` that refuses a name that is a
variant of one already taken (``provenance.names.compare`` on the pairs that share a
blocking key, as the spelling-variant rule pairs them), so that two entities of the base
ledger are never spelled like one name unless the generator says so (``distinct_from``).
People need no comparison: their names are built slot by slot (given name, family name,
optionally a first part such as Mohammad or Abu) from lists whose words are pairwise
different names, so two people share a name only by sharing every word, which the
registry refuses by key.

A *variant* changes one word the way transliterations do (z/s, e/i, a/e, o/u/ou/oo,
doubled letters, q/k, kh/gh in long words, -ullah/-ulla, final h, y/i, w/v,
Mohammad/Muhammad, al-/el-, one word written as two or two as one); a *typographic*
spelling changes only case, hyphens, spaces, accents, apostrophes or a leading title,
which the rule reads as one spelling.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable

from rapidfuzz import fuzz

from provenance import names

TITLES = ("mullah", "maulvi", "mawlawi", "haji", "sheikh", "qari", "mufti", "commander", "dr")
_FOLDED_TITLES = frozenset(names.fold(t) for t in TITLES)
MAX_BLOCK = 300  # as the spelling-variant rule: a key shared by more names is not paired on


def _word_list(text: str) -> tuple[str, ...]:
    return tuple(text.split())


GIVEN = _word_list(
    "Akhtar Hibatullah Zabihullah Sirajuddin Gulbuddin Jalaluddin Amir Rahim Karim Hamid "
    "Nasir Yusuf Qasim Omar Akbar Rashid Saifullah Aziz Bashir Wahid Jamil Kabir Latif "
    "Mujib Najib Qadir Sadiq Shafiq Tariq Wali Zahir Faizullah Ismail Ibrahim Idris Khalid "
    "Mahmud Masud Mirwais Obaidullah Rafiq Salim Shamsuddin Tahir Zakir Anwar Asad Daud "
    "Habib Haroon Jawad Kamal Malang Nabi Qudratullah Rauf Sami Fida Nematullah Aminullah "
    "Atiqullah Dost Haidar Sardar Nazar Samiullah Lutfullah Hekmat Sharif Baz Jabbar"
)
# Sayed (سيد, a descendant of the Prophet) starts many names: three times as likely here.
FIRST = _word_list("Mohammad Abdul Sher Noor Gul Ghulam Mir Sayed Sayed Sayed Abu")
FAMILY = _word_list(
    "Haqqani Akhundzada Noorzai Achakzai Barakzai Popalzai Alizai Ishaqzai Kakar Wardak "
    "Zadran Mangal Stanikzai Hekmatyar Mujahid Mansour Ghazanfar Baradar Muttaqi Omari "
    "Rahmani Hashimi Sadat Safi Mohmand Shinwari Afridi Yousafzai Durrani Ghilzai Tokhi "
    "Hotak Kharoti Niazi Khattak Ludin Samadi Farooqi Ansari Qureshi Siddiqi Hakimi "
    "Nuristani Panjshiri Badakhshi Kandahari Logari Khosti Ahmadzai Naseri Habibi Amiri "
    "Jalali Azizi Sharifi Mohseni Haidari Sultani Taraki Masoudi Dostum Ismaili Uzbekyar "
    "al-Khorasani al-Muhajir al-Afghani al-Logari al-Kunari"
)
PROVINCES = _word_list(
    "Kabul Kandahar Helmand Herat Balkh Nangarhar Kunduz Ghazni Paktia Paktika Khost Kunar "
    "Nuristan Badakhshan Takhar Baghlan Samangan Sar-e_Pul Jowzjan Faryab Badghis Ghor "
    "Daykundi Uruzgan Zabul Farah Nimruz Bamyan Parwan Kapisa Panjshir Laghman Logar Wardak"
)
ROOTS = _word_list(
    "Karim Rahim Nazar Sher Mir Hazar Dasht Sang Bagh Chah Kariz Nad Bala Pain Sorkh Safed "
    "Siah Kohna Naw Zard Jangal Shor Tor Spin Garm Sard Khwaja Pir Sultan Malik Mullah Bibi "
    "Ghazi Baba Lal Sabz Qara Ak Ab Kamar Tangi Darra Deh Kol Sar Pul Rud Chinar Toot Anar "
    "Angur Badam Gulab Murgh Shahr Zaman Amin Hakim Qadir Sadiq Kabir Tajik Hazara Uzbek "
    "Baluch Pashtun Nur Rustam Zaranj Murad Bahar Sayed Jalal Kamal"
)
PLACE_PATTERNS = (
    "{r}abad",
    "{r} Khel",
    "Deh-e {r}",
    "Qala-e {r}",
    "{r}zai",
    "Kariz-e {r}",
    "{r} Kalay",
    "Chah-e {r}",
    "{r}",
    "{r} Bagh",
    "Sar-e {r}",
    "{r}i",
)
ONSETS: tuple[str, ...] = (
    "b",
    "d",
    "g",
    "gh",
    "h",
    "j",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "p",
    "q",
    "r",
    "s",
    "sh",
)
ONSETS += ("t", "z", "ch", "f", "w", "y", "")
NUCLEI = ("a", "e", "i", "o", "u", "aa", "ai", "ee", "oo", "ou")
CODAS = ("", "", "n", "r", "l", "m", "sh", "d", "b", "z", "k", "ng", "st", "kh")
ORG_PATTERNS = (
    "{r} Front",
    "Jamaat-e {r}",
    "Lashkar-e {r}",
    "Jaish-e {r}",
    "Tehrik-e {r}",
    "{r} Mahaz",
    "Harakat-e {r}",
    "{r} Brigade",
)


def spelling_key(name: str) -> str:
    """A name less its typography (case, accents, hyphens, spaces, apostrophes, a leading
    title): two names with one key are one spelling, as the spelling-variant rule reads them."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['`´ʹʻʼʽʾʿ‘’]", "", text)
    words = re.findall(r"\w+", text)
    while len(words) > 1 and names.fold(words[0]) in _FOLDED_TITLES:
        words = words[1:]
    return " ".join(words)


def slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def pairwise_different(words: tuple[str, ...], kind: str) -> tuple[str, ...]:
    """The words, less any that the matcher reads as a variant of an earlier one."""
    kept: list[str] = []
    for word in words:
        if all(
            names.compare(word, other, kind, kind).verdict is names.Verdict.DIFFERENT
            for other in kept
        ):
            kept.append(word)
    return tuple(kept)


class Registry:
    """Every spelling taken, by key, and the names of each kind by blocking key."""

    def __init__(self) -> None:
        self.keys: dict[str, str] = {}  # spelling key -> owner (entity id)
        self.blocks: dict[tuple[str, str], list[tuple[str, str, str]]] = defaultdict(list)

    def clashes(self, name: str, kind: str, owner: str = "") -> bool:
        """Whether another owner's name is this one, or looks like it: compared as the
        spelling-variant rule compares, on pairs sharing a blocking key of a block it does
        not skip, at least 60 alike once folded."""
        key = spelling_key(name)
        if self.keys.get(key, owner) != owner:
            return True
        folded = names.fold(name)
        for block in names.blocking_keys(name):
            members = self.blocks.get((kind, block), ())
            if len(members) >= MAX_BLOCK:
                continue
            for other, who, other_folded in members:
                if who == owner or fuzz.ratio(folded, other_folded) < 60:
                    continue
                verdict = names.compare(name, other, kind, kind).verdict
                if verdict in (names.Verdict.SAME, names.Verdict.VARIANT):
                    return True
        return False

    def take(
        self, name: str, kind: str, owner: str, *, check: bool = True, index: bool = True
    ) -> bool:
        """Registers the name for ``owner`` unless it is another owner's or (``check``)
        looks like one; ``index``: others are compared with it."""
        key = spelling_key(name)
        if self.keys.get(key, owner) != owner or (check and self.clashes(name, kind, owner)):
            return False
        self.keys[key] = owner
        if index:
            folded = names.fold(name)
            for block in names.blocking_keys(name):
                self.blocks[(kind, block)].append((name, owner, folded))
        return True

    def free(self, name: str) -> bool:
        return spelling_key(name) not in self.keys


def syllable_word(rng: random.Random, parts: int) -> str:
    word = "".join(
        rng.choice(ONSETS) + rng.choice(NUCLEI) + rng.choice(CODAS) for _ in range(parts)
    )
    return word.capitalize()


_PARTICLES = frozenset(names.fold(w) for w in ("al", "el", "ul", "il", "i", "ye", "e"))


def plain_words(name: str) -> bool:
    """Every word of the name (but an ezafe "-e") is a word the matcher reads as a name
    part: three letters or more once folded, not an article (al/ul/il), not an ezafe (i,
    ye), not a title (a name starting "Mullah" is read by the spelling-variant rule without
    it, whatever its kind: see the report)."""
    words = [w for w in re.split(r"[ -]", name) if w and w != "e"]
    folded = [names.fold(w) for w in words]
    return (
        bool(words)
        and folded[0] not in _FOLDED_TITLES
        and all(len(f) >= 3 and f not in _PARTICLES for f in folded)
    )


def place_name(rng: random.Random) -> str:
    while True:
        pick = rng.random() < 0.45
        root = rng.choice(ROOTS) if pick else syllable_word(rng, rng.choice((1, 2)))
        name = rng.choice(PLACE_PATTERNS).format(r=root)
        if plain_words(name):
            return name


def org_name(rng: random.Random) -> str:
    while True:
        name = rng.choice(ORG_PATTERNS).format(r=syllable_word(rng, rng.choice((2, 2, 3))))
        if plain_words(name):
            return name


def person_name(rng: random.Random, given: tuple[str, ...], family: tuple[str, ...]) -> str:
    parts = [rng.choice(given), rng.choice(family)]
    if rng.random() < 0.4:
        parts.insert(0, rng.choice(FIRST))
    return " ".join(parts)


def fresh_name(make: Callable[[], str], registry: Registry, kind: str) -> str:
    """A name from ``make`` that no entity's name is, or (but for people) looks like."""
    for _ in range(500):
        name = make()
        if registry.free(name) and (kind == "person" or not registry.clashes(name, kind)):
            return name
    raise RuntimeError(f"no free {kind} name after 500 tries")
