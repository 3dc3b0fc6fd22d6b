"""The stance vocabulary: which terms a free-text stance names, and how much it weighs."""

from __future__ import annotations

import pytest

from provenance import stances

CASES = [
    # (stance text, the terms it names)
    ("claimed responsibility", ("claimed-responsibility",)),
    ("Claim of responsibility (reported)", ("claimed-responsibility", "reportedly")),
    ("preliminary", ("preliminary",)),
    ("said the toll was provisional and may rise", ("provisional", "possible")),
    ("reportedly", ("reportedly",)),
    ("it seems", ("reportedly",)),
    ("alleged", ("alleged",)),
    ("US air strikes may have hit the hospital", ("possible",)),
    ("assessed", ("assessed",)),
    ("confirmed dead", ("confirmed",)),
    ("found no evidence to back the accusation", ("questioned",)),
    ("assessed not credible", ("assessed", "questioned")),
    # not a term: free text naming none of them
    ("said it was a joint attack", ()),
    ("denied co-operating with ISKP; called the allegations propaganda", ()),
    ("pledged allegiance", ()),
    ("", ()),
    (None, ()),
]


@pytest.mark.parametrize(("text", "names"), CASES)
def test_a_stance_names_the_terms_it_uses(text: str | None, names: tuple[str, ...]) -> None:
    assert stances.names(text) == names


@pytest.mark.parametrize(
    ("text", "weight"),
    [
        (None, 1.0),
        ("said it was a joint attack", 1.0),
        ("preliminary", 0.6),
        ("may have", 0.5),
        ("reportedly; preliminary", 0.6),  # the weakest term decides
        ("claimed responsibility", 1.0),
        ("unable to verify", 0.3),
    ],
)
def test_hedged_claims_weigh_less(text: str | None, weight: float) -> None:
    assert stances.weight_of(text) == weight


def test_terms_are_whole_words() -> None:
    assert stances.names("the earlyish figures") == ()
    assert stances.names("a mayor said") == ()
    assert stances.takes("Initially reported as 7", "preliminary")
