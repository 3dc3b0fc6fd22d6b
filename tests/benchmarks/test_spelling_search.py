"""The blocking benchmark's measurement on a handful of names: it runs the rule's matcher the
way the check does, so a change to the rule's signature breaks this test, not the CI run."""

from benchmarks.spelling_search import matches, measure_search, spellings_of


def test_the_matcher_finds_a_transliteration_pair_and_keeps_apart_different_names() -> None:
    spellings = spellings_of(["Mohammad Yusuf", "Muhammad Yousuf", "Kandahar"])
    index = {s.name: i for i, s in enumerate(spellings)}
    pair = tuple(sorted((index["Mohammad Yusuf"], index["Muhammad Yousuf"])))
    other = tuple(sorted((index["Mohammad Yusuf"], index["Kandahar"])))
    assert matches(spellings, [pair, other]) == {pair}


def test_blocking_finds_every_match_the_exhaustive_search_finds_on_a_small_list() -> None:
    names = ["Mohammad Yusuf", "Muhammad Yousuf", "Kandahar", "Qandahar", "Herat", "Kabul"]
    figures = measure_search(names)
    assert figures["matches_exhaustive"] >= 2
    assert figures["recall"] == 1.0
