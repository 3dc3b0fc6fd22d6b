"""spelling-variant's candidate search: exactly the pairs that share a small enough block and
pass the prefilter, found the same way whether numpy lays them out (a large ledger) or Python
walks them (a small one)."""

from __future__ import annotations

from itertools import combinations
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from provenance.checks import _spellings
from provenance.checks._spellings import (
    Spelling,
    candidate_indexes,
    candidate_pairs,
    gather,
    walked_indexes,
)
from provenance.checks.context import NameRow

WORDS = ["Rashid", "Reshid", "Amiri", "Ammiri", "Gul", "Nur", "Zai", "Noorzai", "Kali", "Keeli"]
WORDS += ["Wardak", "Wardaq", "Jabbar", "Jebbar", "Karimi", "Kabul", "Khan", "Omar", "Akbar"]


def spellings(names: list[str]) -> list[Spelling]:
    return gather(NameRow(name, "mention", None, None, None, None) for name in names)


def by_hand(found: list[Spelling], max_block: int, cutoff: float) -> set[tuple[str, str]]:
    """The definition, pair by pair."""
    members: dict[str, int] = {}
    for spelling in found:
        for block in spelling.blocks:
            members[block] = members.get(block, 0) + 1
    return {
        tuple(sorted((a.key, b.key)))  # type: ignore[misc]
        for a, b in combinations(found, 2)
        if any(2 <= members[k] <= max_block for k in a.blocks & b.blocks)
        and fuzz.ratio(a.folded, b.folded) >= cutoff
    }


def searched(found: list[Spelling], max_block: int, cutoff: float) -> set[tuple[str, str]]:
    pairs = [(a.key, b.key) for a, b in candidate_pairs(found, max_block, cutoff)]
    assert all(a <= b for a, b in pairs), "each pair comes in the order of its keys"
    assert len(pairs) == len(set(pairs)), "each pair comes once"
    return set(pairs)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
        min_size=0,
        max_size=40,
    ),
    st.integers(min_value=2, max_value=12),
    st.sampled_from([0.0, 60.0, 70.0, 90.0]),
)
def test_the_search_finds_exactly_the_pairs_its_definition_names(
    names: list[str], max_block: int, cutoff: float
) -> None:
    found = spellings(names)
    assert searched(found, max_block, cutoff) == by_hand(found, max_block, cutoff)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join),
        min_size=0,
        max_size=60,
    ),
    st.integers(min_value=2, max_value=12),
    st.sampled_from([0.0, 60.0, 70.0, 90.0]),
)
def test_numpy_and_python_find_the_same_pairs_in_the_same_order(
    names: list[str], max_block: int, cutoff: float
) -> None:
    found = spellings(names)
    first, second = candidate_indexes(found, max_block, cutoff)
    laid_out = list(zip(first.tolist(), second.tolist(), strict=True))
    assert walked_indexes(found, max_block, cutoff) == laid_out


def test_variants_meet_even_when_every_part_is_too_common_a_key() -> None:
    # Each part of these names is shared by more names than a block may hold; the names
    # still meet on the skeleton of the whole name.
    crowd = [f"{given} {family}" for given in ("Gul", "Nur") for family in WORDS if family]
    crowd += [f"{given} Rashid {family}" for given in ("Gul", "Abu", "Nur") for family in WORDS]
    crowd += [f"Kali {word}" for word in WORDS] + [f"{word} Amiri" for word in WORDS]
    pairs = searched(
        spellings([*crowd, "Gul Rashid Amiri", "Gul Reshid Amiri", "Kali", "Keeli"]),
        max_block=8,
        cutoff=70.0,
    )
    assert ("gul rashid amiri", "gul reshid amiri") in pairs
    assert ("kali", "keeli") in pairs


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from([*WORDS, "ISKP", "Islamic State Khorasan Province"]),
            min_size=1,
            max_size=3,
        ).map(" ".join),
        min_size=0,
        max_size=40,
    ),
)
def test_the_pairs_the_warning_judges_are_marked_alike_pair_by_pair_or_in_numpy(
    names: list[str],
) -> None:
    found = spellings(names)
    search = _spellings.searched(found, 12)
    expected = [
        (i, j) in search.acronyms
        or fuzz.ratio(found[i].folded, found[j].folded) >= _spellings.CLOSE_CUTOFF
        for i, j in search.pairs
    ]
    assert [near for _, near in search.marked()] == expected  # walked: a small search
    laid_out = _spellings.NameSearch(search.spellings, search.pairs, search.acronyms)
    with patch.object(_spellings, "WALKED", -1):
        assert [near for _, near in laid_out.marked()] == expected  # numpy's cpdist
