"""Name folding, tokens, blocking keys and compare() on real transliteration variants."""

from __future__ import annotations

import dataclasses
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.model import EntityKind
from provenance.names import (
    KEY_MAX_LEN,
    NameMatch,
    Verdict,
    blocking_keys,
    compare,
    fold,
    scripts,
    tokens,
)

# Pairs identical after folding (verdict "same"); the comment names the rule that merges them.
SAME = [
    ("Mirza Olang", "Mirsa Olang"),  # z/s
    ("Mullah Akhtar Mohammad Mansoor", "Mullah Akhtar Mohammad Mansour"),  # oo/ou/u
    ("Abu Bakr al-Baghdadi", "Abu Bakr Al Baghdadi"),  # hyphen = space, case
    ("Abu Bakr al-Baghdadi", "Abū Bakr al-Baghdādī"),  # diacritics
    ("Abu Bakr al-Baghdadi", "Abu Bakr el-Baghdadi"),  # article spelling
    ("Sar-e Pul", "Sar-i-Pul"),  # ezafe e/i
    ("Mazar-i-Sharif", "Mazar-e Sharif"),
    ("Hekmatyar", "Hikmatyar"),  # e/i
    ("Gulbuddin Hekmatyar", "Golbuddin Hikmatyar"),
    ("Haqqani", "Haqani"),  # doubled letters
    ("Sayed Karim Popal", "Syed Karim Popal"),  # sayyid spellings
    ("Seyed Karim", "Sayyid Karim"),
    ("Sirajuddin Haqqani", "Serajuddin Haqani"),
    ("Khorasan", "Khurasan"),  # o/u
    ("Qandahar", "Kandahar"),  # q/k
    ("Ghazni", "Ghazny"),  # final y/i
    ("Hibatullah", "Hibatulla"),  # -ullah/-ulla
    ("Kunduz", "Konduz"),
    ("Kunduz", "Qunduz"),
    ("Helmand", "Hilmand"),
    ("Zabul", "Zabol"),
    ("Nuristan", "Nooristan"),
    ("Herat", "Hirat"),
    ("Khost", "Khust"),
    ("Nimroz", "Nimruz"),
    ("Paktia", "Paktiya"),  # iy before a vowel
    ("Paktia", "Paktya"),  # y after a consonant
    ("Faryab", "Fariab"),
    ("Bamyan", "Bamiyan"),
    ("Logar", "Lowgar"),  # w after a vowel
    ("Parwan", "Parvan"),  # w before a vowel
    ("Daikundi", "Daykundi"),
    ("Uruzgan", "Oruzgan"),
    ("Panjshir", "Panjsher"),
    ("Musa Qala", "Musa Qalah"),
    ("Sangin", "Sangeen"),
    ("Spin Boldak", "Spin Buldak"),
    ("Osama bin Laden", "Usama bin Ladin"),
    ("Osama bin Laden", "Usama ibn Ladin"),  # ibn/bin
    ("Abu Muhammad al-Adnani", "Abu Mohammad al-Adnani"),
    ("Mohammed", "Muhammad"),  # Mohammad family
    ("Mohamed Omar", "Muhammad Umar"),
    ("Atta Mohammad Noor", "Atta Muhammad Nur"),
    ("Ahmed Rashid", "Ahmad Rashid"),
    ("Ahmad Shah Massoud", "Ahmad Shah Masood"),
    ("Hamid Karzai", "Hamed Karzai"),
    ("Amrullah Saleh", "Amrullah Salih"),
    ("Ismail Khan", "Ismael Khan"),
    ("Abu Mus'ab al-Zarqawi", "Abu Musab al-Zarqawi"),  # ayn apostrophe
    ("Abu Musʿab al-Zarqawi", "Abu Musab al-Zarqawi"),
    ("Zabihullah", "Dhabihullah"),  # dh/z
    ("Mustafa", "Mustapha"),  # ph/f
    ("Saeed", "Said"),
    ("Abdul Rahman", "Abd al-Rahman"),
    ("Abdul Rahman", "Abd ar-Rahman"),  # sun-letter article
    ("Abdul Rahman", "Abdul-Rahman"),
    ("Al-Qaeda", "al Qaida"),
    ("Al-Qa'ida", "Al-Qaida"),
    ("Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan"),
    ("Jaish-e-Mohammed", "Jaish-e-Muhammad"),
    ("Hizb-i-Islami", "Hezb-e Islami"),
    ("  KANDAHAR ", "Kandahar"),
    # Arabic script, folded within the script
    ("محمد", "مُحَمَّد"),  # harakat
    ("محـمد", "محمد"),  # tatweel
    ("کابل", "كابل"),  # keheh/kaf
    ("علی", "علي"),  # Farsi yeh/Arabic yeh
    ("أحمد", "احمد"),  # alef with hamza
    ("حمزة", "حمزه"),  # teh marbuta
    ("ذبیح‌الله مجاهد", "ذبيح الله مجاهد"),  # ZWNJ is a word break
]

# Pairs that are probably one name spelled two ways (verdict "variant").
VARIANT = [
    ("Zawahri", "Zawahiri"),  # vowel dropped inside a long word
    ("Ayman al-Zawahri", "Ayman al-Zawahiri"),
    ("Sar-e Pul", "Sari Pul"),  # spacing
    ("Lashkar Gah", "Lashkargah"),
    ("Naw Abad", "Nawabad"),  # a closing w is a consonant again when the parts are joined
    ("Pul-e Khumri", "Puli Khumri"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr Albaghdadi"),
    ("Abu Bakr al-Baghdadi", "Abu Bakr Baghdadi"),  # article left out
    ("Mazar-i-Sharif", "Mazar Sharif"),  # ezafe left out
    ("Nangarhar", "Nangahar"),  # one consonant in a long word
    ("Badakhshan", "Badakshan"),
    ("Hibatullah Akhundzada", "Haibatullah Akhunzada"),
    ("Zabihullah Mujahid", "Zabiullah Mujahid"),
    ("Jalalabad", "Jelalabad"),  # e written for a
    ("Rahmatullah", "Rehmatullah"),
    ("Hussein", "Husain"),
    ("Jowzjan", "Jawzjan"),
    ("Mullah Omar", "Omar"),  # title
    ("Mawlawi Abdul Kabir", "Maulvi Abdul Kabir"),
    ("Sheikh Abdullah Azzam", "Abdullah Azzam"),
    ("Mullah Akhtar Mohammad Mansoor", "Akhtar Mansour"),  # title + left-out middle Mohammad
    ("عبدالرحمن", "عبدالرحمان"),  # one long vowel written, long word
]

POSITIVES = SAME + VARIANT

# Different names, including pairs that look alike on purpose (verdict "different").  The flag
# records whether the pair shares a blocking key: those pairs reach compare() as candidates,
# and compare() must still tell them apart.
HARD_NEGATIVES = [
    ("Mohammad Omar", "Mohammad Akbar", False),  # shared given name
    ("Mullah Omar", "Mullah Akbar", False),  # shared title only
    ("Abu Bakr al-Baghdadi", "Abu Muhammad al-Adnani", False),
    ("Sher Mohammad Ghazanfar", "Sher Mohammad Abbas Stanikzai", True),
    ("Ahmad Shah Massoud", "Ahmad Massoud", True),  # father and son
    ("Ayman al-Zawahiri", "Muhammad al-Zawahiri", True),  # brothers
    ("Osama bin Laden", "Hamza bin Laden", True),  # father and son
    ("Jalaluddin Haqqani", "Sirajuddin Haqqani", True),  # father and son
    ("Abdul Rahman", "Abdul Rahim", False),
    ("Mohammad Omar", "Omar", True),  # a shorter name is an alias question, not spelling
    ("Ashraf Ghani", "Ashraf Ghani Ahmadzai", True),  # decided: alias, see test below
    ("Ghazni", "Ghazi", False),  # place vs person name, compared without kinds
    ("Kabul", "Kabir", False),
    ("Paktia", "Paktika", False),  # two provinces, one consonant apart
    ("Kunar", "Kunduz", False),
    ("Baghlan", "Baghdad", False),
    ("Zabul", "Kabul", False),
    ("Farah", "Faryab", False),
    ("Balkh", "Balkhab", False),
    ("Khabir", "Kabir", False),  # kh is not folded to k
    ("Zaid", "Saeed", False),  # word-initial z is not folded to s
    ("Nazir", "Nasir", False),  # nor z between vowels
    ("Nazim", "Nasim", False),
    ("Hasan", "Husain", True),  # a~u distinguish names
    ("Karim", "Karam", True),  # a~i distinguish names
    ("Hamid", "Hamad", True),
    ("Karim", "Karima", True),  # feminine -a
    ("Ahmad", "Ahmadi", True),  # nisba -i
    ("Amr", "Amir", True),  # vowel inside a short word
    ("Islamic State Khorasan Province", "Islamic State West Africa Province", True),
    ("Islamic State", "Islamic State Khorasan Province", True),
    ("Jamiat-e Islami", "Jamaat-e-Islami", True),  # Afghan party vs Pakistani party
    ("Lashkar-e-Taiba", "Lashkar-e-Jhangvi", True),
]

# Real variants the rule matcher alone did not recognise; the calibrated score now finds each,
# at one tier or the other (test_known_misses_are_found).
KNOWN_MISSES = [
    ("Abu Bakr", "Abu Bakar"),  # vowel in a 4-letter word, same change as Amr/Amir
    ("Daud", "Dawood"),  # w read as v before a vowel
    ("Lashkar-e-Taiba", "Lashkar-e-Tayyiba"),  # y between vowels, same as Said/Sayyid
    ("Hibatullah Akhundzada", "Akhundzada, Hibatullah"),  # word order is not ignored
    ("Salahuddin", "Salah ad-Din"),  # fused article forms are not split
]

# Real variants the look-alike guard still keeps apart: the same change as Hasan/Husain in a
# short word. (Baradar/Biradar, once here, is found now: a~i in a word of 7 letters is a
# romanisation's vowel, judged by the score.)
GUARDED_MISSES = [("Yusuf", "Yusif")]


def test_a_vowel_in_a_long_word_is_a_romanisation() -> None:
    assert compare("Abdul Ghani Baradar", "Abdul Ghani Biradar").tier == "confident"


@pytest.mark.parametrize(("a", "b"), GUARDED_MISSES)
def test_guarded_misses_stay_visible(a: str, b: str) -> None:
    assert compare(a, b).tier is None


# Different names that spelling alone cannot separate: reported as one name.
KNOWN_FALSE_MERGES = [
    ("Hamid", "Hameed"),  # حامد and حمید are both written Hamid in English
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_same_after_folding(a: str, b: str) -> None:
    match = compare(a, b)
    assert match.verdict == Verdict.SAME, match.reason
    assert match.tier == "confident"
    assert match.similarity == 100.0 and match.score >= 90.0
    assert fold(a) == fold(b) == match.folded_a == match.folded_b


@pytest.mark.parametrize(("a", "b"), VARIANT)
def test_variant(a: str, b: str) -> None:
    match = compare(a, b)
    assert match.verdict == Verdict.VARIANT, match.reason
    assert match.tier == "confident"
    assert fold(a) != fold(b)
    assert 80.0 <= match.similarity <= 100.0


@pytest.mark.parametrize(("a", "b"), POSITIVES)
def test_positives_are_symmetric_and_share_a_blocking_key(a: str, b: str) -> None:
    assert compare(b, a).verdict == compare(a, b).verdict
    assert blocking_keys(a) & blocking_keys(b)


@pytest.mark.parametrize(("a", "b", "shares_key"), HARD_NEGATIVES)
def test_hard_negatives_are_different_even_when_they_share_a_key(
    a: str, b: str, shares_key: bool
) -> None:
    # pairs that share a key must keep sharing one; since the romanised keys ("r:", "v:"),
    # look-alikes such as Zaid/Said may share one too, and compare() keeps them apart
    if shares_key:
        assert blocking_keys(a) & blocking_keys(b)
    for x, y in ((a, b), (b, a)):
        match = compare(x, y)
        # never confident; a partial form or a short-word change may go to review
        assert match.verdict in (Verdict.DIFFERENT, Verdict.POSSIBLE), match.reason
        assert match.tier != "confident"
        assert 0.0 <= match.score <= 100.0


@pytest.mark.parametrize(("a", "b"), KNOWN_MISSES)
def test_known_misses_are_found(a: str, b: str) -> None:
    assert compare(a, b).tier in ("confident", "possible")


@pytest.mark.parametrize(("a", "b"), KNOWN_FALSE_MERGES)
def test_known_false_merges_stay_visible(a: str, b: str) -> None:
    assert compare(a, b).verdict == Verdict.SAME


@pytest.mark.parametrize(
    ("a", "b", "kind_a", "kind_b", "verdict"),
    [
        ("Ghazni", "Ghazny", "place", "place", Verdict.SAME),
        ("Ghazni", "Ghazny", None, "place", Verdict.SAME),
        ("Hibatullah Akhundzada", "Haibatullah Akhunzada", "person", None, Verdict.VARIANT),
        (
            "Islamic State Khorasan Province",
            "Islamic State Khurasan Province",
            "organisation",
            "organisation",
            Verdict.SAME,
        ),
        ("Ghazni", "Ghazi", "place", "person", Verdict.NOT_COMPARABLE),
        ("Kabul", "Kabul", "place", "organisation", Verdict.NOT_COMPARABLE),
        ("Haqqani", "Haqqani Network", "person", "organisation", Verdict.NOT_COMPARABLE),
        ("Kabul", "Kabul", EntityKind.PLACE, "place", Verdict.SAME),
        ("Kabul", "Kabul", "place", "Place", Verdict.SAME),
        ("Herat", "Hirat", "organization", "organisation", Verdict.SAME),
        # titles and left-out middle names are person rules only
        ("General Directorate", "Directorate", "organisation", None, Verdict.POSSIBLE),
        ("Akhtar Mohammad Mansour", "Akhtar Mansour", "person", "person", Verdict.VARIANT),
        ("Akhtar Mohammad Mansour", "Akhtar Mansour", "place", "place", Verdict.POSSIBLE),
    ],
)
def test_kinds(a: str, b: str, kind_a: str | None, kind_b: str | None, verdict: Verdict) -> None:
    assert compare(a, b, kind_a, kind_b).verdict == verdict


def test_different_kinds_reason_names_both() -> None:
    match = compare("Ghazni", "Ghazi", "place", "person")
    assert "place" in match.reason and "person" in match.reason
    assert match.folded_a == "ghasni"


def test_unknown_kind_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        compare("Kabul", "Kabul", "city", None)


def test_ashraf_ghani_ahmadzai_is_an_alias_not_a_spelling() -> None:
    # Same man, but "Ashraf Ghani" alone could be anyone with that given and family name: an
    # added family/tribal name is a declared-alias question.  Precision first.
    match = compare("Ashraf Ghani", "Ashraf Ghani Ahmadzai", "person", "person")
    assert match.verdict == Verdict.POSSIBLE  # for review: an added name is never confident
    assert "ahmadsai" in match.reason


def test_mixed_script_lookalike_is_not_comparable() -> None:
    cyrillic = "Mirz\u0430"  # Cyrillic small a
    assert scripts(cyrillic) == {"Latin", "Cyrillic"}
    assert fold(cyrillic) != fold("Mirza")
    assert "\u0430" in fold(cyrillic)
    match = compare(cyrillic, "Mirza")
    assert match.verdict == Verdict.NOT_COMPARABLE
    assert "mixed scripts" in match.reason
    assert compare(f"{cyrillic} Olang", "Mirza Olang").verdict == Verdict.NOT_COMPARABLE


def test_different_scripts_are_transliterated_for_review() -> None:
    assert scripts("محمد") == {"Arabic"}
    match = compare("Mohammad", "محمد")
    assert match.verdict == Verdict.POSSIBLE
    assert match.tier == "possible"
    assert "transliterated" in match.reason and "mhmd" in match.reason


def test_empty_names_are_not_comparable() -> None:
    assert compare("", "Kabul").verdict == Verdict.NOT_COMPARABLE
    assert compare(" - ", "--").verdict == Verdict.NOT_COMPARABLE


@pytest.mark.parametrize(
    ("name", "folded"),
    [
        ("Mirza Olang", "mirsa ulang"),
        ("Abū Bakr al-Baghdādī", "abu bakr al baghdadi"),
        ("Abu Bakr AL-BAGHDADI", "abu bakr al baghdadi"),
        ("Mohammed", "muhamad"),
        ("Mohamed", "muhamad"),
        ("Muhammed", "muhamad"),
        ("Hibatullah", "hibatula"),
        ("Haibatollah", "haibatula"),
        ("ash-Shishani", "al shishani"),
        ("as-Sahab", "al sahab"),
        ("Zaid", "zaid"),  # initial z kept: Zaid ≠ Said
        ("Pazhwak", "pazhvak"),  # zh (ژ) is not sh
        ("Ḥaqqānī", "hakani"),
        ("Abd al-Ghani", "abdul ghani"),
    ],
)
def test_fold(name: str, folded: str) -> None:
    assert fold(name) == folded


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mullah Akhtar Mohammad Mansoor", ("akhtar", "muhamad", "mansur")),
        ("Abu Bakr al-Baghdadi", ("abu", "bakr", "baghdadi")),
        ("Mazar-i-Sharif", ("mazar", "sharif")),
        ("General Abdul Rashid Dostum", ("abdul", "rashid", "dustum")),
        ("Dr. Ashraf Ghani", ("ashraf", "ghani")),
        ("Haji Mullah Mohammad Omar", ("muhamad", "umar")),
        ("Ahmad Khan Haji", ("ahmad", "khan", "haji")),  # titles only at the start
        ("Mullah", ("mula",)),  # a title alone is kept
        ("Osama bin Laden", ("usama", "bin", "ladin")),  # bin is kept: patronymic
    ],
)
def test_tokens(name: str, expected: tuple[str, ...]) -> None:
    assert tokens(name) == expected


def test_same_reason_names_the_key_and_the_rule() -> None:
    match = compare("Mirza Olang", "Mirsa Olang")
    assert "'mirsa ulang'" in match.reason and "z/s" in match.reason


def test_variant_reasons_name_the_tokens() -> None:
    consonant = compare("Nangarhar", "Nangahar")
    assert "'nangarhar' ~ 'nangahar'" in consonant.reason
    assert "≥ 90" in consonant.reason
    vowel = compare("Jalalabad", "Jelalabad")
    assert "a~e" in vowel.reason
    middle = compare("Akhtar Mohammad Mansour", "Akhtar Mansour")
    assert "muhamad" in middle.reason


def test_different_reason_names_the_mismatch() -> None:
    assert "'umar' vs 'akbar'" in compare("Mohammad Omar", "Mohammad Akbar").reason
    assert "a~i" in compare("Jamiat-e Islami", "Jamaat-e-Islami").reason
    assert "±k" in compare("Paktia", "Paktika").reason


def test_name_match_is_frozen() -> None:
    match = compare("Herat", "Hirat")
    assert isinstance(match, NameMatch)
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.score = 0.0  # type: ignore[misc]


def test_blocking_keys_are_short_and_skip_common_tokens() -> None:
    keys = blocking_keys("Sher Mohammad Abbas Stanikzai")
    assert keys and all(len(k) <= KEY_MAX_LEN for k in keys)
    assert not any(k.startswith("s:") and "mhmd" in k for k in keys)
    assert blocking_keys("Mohammad Ahmad")  # only common tokens: they are used
    assert not blocking_keys("Mohammad Omar") & blocking_keys("Mohammad Akbar")


LATIN_NOISE = st.text(
    alphabet=st.sampled_from(
        [*"abdeghiklmnoqrstuwyzAEIOUKZ -'’ʿ", *"āīūḥṣḍṭẓéİıßøðæ", "\u0301", "\u0308", "\u0430"]
    ),
    max_size=24,
)
ARABIC = st.text(
    alphabet=st.sampled_from([*"ابتثجحخدذرسشصضطظعغفقكلمنهويأإآةىیکپچژگ ", "\u064e", "\u0651"]),
    min_size=1,
    max_size=20,
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=30), LATIN_NOISE, ARABIC))
def test_fold_is_idempotent(name: str) -> None:
    folded = fold(name)
    assert fold(folded) == folded


@settings(max_examples=200, deadline=None)
@given(LATIN_NOISE)
def test_blocking_keys_depend_only_on_the_fold(name: str) -> None:
    assert blocking_keys(fold(name)) == blocking_keys(name)
    if fold(name):
        assert blocking_keys(name)


@settings(max_examples=200, deadline=None)
@given(ARABIC)
def test_arabic_script_stays_arabic(name: str) -> None:
    folded = fold(name)
    assert scripts(folded) <= {"Arabic"}
    assert all(ch == " " or unicodedata.name(ch).startswith("ARABIC LETTER") for ch in folded)
    if any(unicodedata.category(ch).startswith("L") for ch in name):
        assert scripts(name) == {"Arabic"}


ALL_NAMES = sorted({n for pair in POSITIVES for n in pair} | {p[0] for p in HARD_NEGATIVES})


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ALL_NAMES), st.sampled_from(ALL_NAMES))
def test_compare_is_symmetric_and_bounded(a: str, b: str) -> None:
    ab, ba = compare(a, b), compare(b, a)
    assert ab.verdict == ba.verdict
    assert ab.score == ba.score
    assert 0.0 <= ab.score <= 100.0
    assert ab.reason and "\n" not in ab.reason
