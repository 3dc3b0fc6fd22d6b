"""The name matcher's tiers, in the analyst's words, through the public Python API (the CLI's
`names compare` does not show the tier yet)."""

from __future__ import annotations

from pytest_bdd import parsers, scenarios, then, when

from provenance import compare_names
from provenance.names import NameMatch

scenarios("names.feature")


@when(
    parsers.parse('I compare the {kind} names "{first}" and "{second}"'),
    target_fixture="name_match",
)
def i_compare(kind: str, first: str, second: str) -> NameMatch:
    return compare_names(first, second, kind)


@then(parsers.parse('the tier is "{tier}"'))
def the_tier_is(name_match: NameMatch, tier: str) -> None:
    assert name_match.tier == tier, name_match.reason


@then("there is no tier")
def no_tier(name_match: NameMatch) -> None:
    assert name_match.tier is None, name_match.reason


@then(parsers.parse('the reasons mention "{text}"'))
def reasons_mention(name_match: NameMatch, text: str) -> None:
    said = " ".join((name_match.reason, *name_match.reasons))
    assert text in said, said


@then(parsers.parse("the score is between {low:d} and {high:d}"))
def score_between(name_match: NameMatch, low: int, high: int) -> None:
    assert low <= name_match.score <= high
