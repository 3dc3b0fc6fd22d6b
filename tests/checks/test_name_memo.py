"""The name rules' memo keeps a pair in no tier as a bare mark, and still gives the whole
verdict to a rule that asks for it."""

from provenance.checks._spellings import NO_TIER, gather, matched
from provenance.checks.context import NameRow


def _spellings(*names: str):  # type: ignore[no-untyped-def]
    return {s.name: s for s in gather(NameRow(n, "mention", None, None, None, None) for n in names)}


def test_a_pair_in_no_tier_is_kept_as_a_mark_and_its_verdict_given_in_full_on_asking() -> None:
    found = _spellings("Kandahar", "Herat")
    memo: dict = {}
    first = matched(found["Kandahar"], found["Herat"], memo)
    assert first.tier is None and first.reason != NO_TIER.reason
    assert list(memo.values()) == [NO_TIER]
    again = matched(found["Kandahar"], found["Herat"], memo)
    assert again == NO_TIER  # the rules that ask for a tier get the mark
    whole = matched(found["Kandahar"], found["Herat"], memo, full=True)
    assert whole == first  # worked out again, the same verdict


def test_a_pair_in_a_tier_is_kept_whole() -> None:
    found = _spellings("Qandahar", "Kandahar")
    memo: dict = {}
    verdict = matched(found["Qandahar"], found["Kandahar"], memo)
    assert verdict.tier == "confident"
    assert list(memo.values()) == [verdict]
