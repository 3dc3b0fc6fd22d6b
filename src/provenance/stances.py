"""The stances the checker weighs: a small vocabulary (claimed responsibility, preliminary,
provisional, reportedly, alleged, possibly, assessed, questioned, confirmed) read from a claim's
`stance`, which stays free text ("said the toll was preliminary and may rise").

Each stance says what it means and how much a claim taking it counts in an assessment: a
figure given as preliminary, or an attribution hedged with "may have", weighs less than one
stated plainly. A stance names the terms it finds anywhere in the text (whole words, case
ignored); a stance that names none counts in full. The rules that list positions
(disputed-attribution, denial, attribute-conflict) give each position the weight of its
strongest claim and list the weightiest first."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Stance:
    """One term of the vocabulary: its ``name``, the ``phrases`` that name it in a stance
    text, its ``weight`` in assessments (1.0: as stated) and what it ``means``."""

    name: str
    phrases: tuple[str, ...]
    weight: float
    means: str


STANCES: tuple[Stance, ...] = (
    Stance(
        "claimed-responsibility",
        (
            "claimed responsibility",
            "claim of responsibility",
            "claimed the attack",
            "took responsibility",
            "claimed",
        ),
        1.0,
        "the speaker says it did it: an attribution by the claimant, who may exaggerate",
    ),
    Stance(
        "preliminary",
        ("preliminary", "initial", "initially", "first reports", "early figure", "early"),
        0.6,
        "a first figure or account, expected to change",
    ),
    Stance(
        "provisional",
        (
            "provisional",
            "so far",
            "currently estimated",
            "expected to rise",
            "may rise",
            "could rise",
            "likely to rise",
            "not final",
        ),
        0.7,
        "a figure the speaker says is not final",
    ),
    Stance(
        "reportedly",
        (
            "reportedly",
            "reported",
            "according to reports",
            "it seems",
            "it appears",
            "apparently",
            "is said to",
            "said to be",
            "unconfirmed",
        ),
        0.7,
        "second-hand or unconfirmed: the speaker passes on what others say",
    ),
    Stance(
        "alleged",
        (
            "alleged",
            "allegedly",
            "accused",
            "accuses",
            "blamed",
            "blames",
            "hinted",
            "implied",
            "suggested",
        ),
        0.7,
        "an accusation: the speaker assigns blame without stating proof",
    ),
    Stance(
        "possible",
        ("may", "might", "may have", "might have", "could have", "possibly", "perhaps", "possible"),
        0.5,
        "a possibility, not an assertion",
    ),
    Stance(
        "assessed",
        (
            "assessed",
            "assessment",
            "assesses",
            "believed",
            "believes",
            "believe",
            "likely",
            "probably",
            "suspected",
            "suspects",
            "convinced",
            "concluded",
        ),
        0.8,
        "an analytic judgement rather than a direct report",
    ),
    Stance(
        "questioned",
        (
            "found no evidence",
            "no evidence",
            "unable to verify",
            "could not verify",
            "could not be verified",
            "could not confirm",
            "not credible",
            "unsubstantiated",
        ),
        0.3,
        "the speaker doubts the evidence for the value: write polarity: questioned",
    ),
    Stance(
        "confirmed",
        ("confirmed", "verified", "documented", "officially"),
        1.0,
        "the speaker says the figure or fact is verified",
    ),
)
BY_NAME = {stance.name: stance for stance in STANCES}


@lru_cache(maxsize=4096)
def read(text: str | None) -> tuple[Stance, ...]:
    """The vocabulary's stances named in a stance text, in vocabulary order."""
    if not text:
        return ()
    return tuple(s for s in STANCES if _PATTERNS[s.name].search(text))


def names(text: str | None) -> tuple[str, ...]:
    return tuple(s.name for s in read(text))


def weight_of(text: str | None) -> float:
    """How much a claim with this stance counts: its weakest stance's weight, 1.0 when it
    names none."""
    found = read(text)
    return min((s.weight for s in found), default=1.0)


def takes(text: str | None, name: str) -> bool:
    """Whether the stance text names the vocabulary term ``name``."""
    return any(s.name == name for s in read(text))


def _pattern(stance: Stance) -> re.Pattern[str]:
    phrases = sorted(stance.phrases, key=len, reverse=True)
    alternatives = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


_PATTERNS = {stance.name: _pattern(stance) for stance in STANCES}
