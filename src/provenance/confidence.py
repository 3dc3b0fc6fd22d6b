"""Confidence as analysts write it: a probability, an ICD 203 term, an Admiralty credibility.

What the analyst wrote is kept; the rest is derived from it:

| ICD 203 term          | also accepted          | probability  | Admiralty credibility |
| --------------------- | ---------------------- | ------------ | --------------------- |
| almost no chance      | remote                 | 0.01 – 0.05  |                       |
| very unlikely         | highly improbable      | 0.05 – 0.20  | 5 improbable          |
| unlikely              | improbable             | 0.20 – 0.45  | 4 doubtful            |
| roughly even chance   | roughly even odds      | 0.45 – 0.55  | 3 possibly true       |
| likely                | probable               | 0.55 – 0.80  | 2 probably true       |
| very likely           | highly probable        | 0.80 – 0.95  |                       |
| almost certain        | nearly certain         | 0.95 – 0.99  | 1 confirmed           |

Credibility 6 ("truth cannot be judged") has no probability. The credibility column is
this project's reading of the Admiralty scale, used only where no probability or term
was given.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from provenance.errors import InvalidValue
from provenance.model import Confidence


@dataclass(frozen=True, slots=True)
class Band:
    term: str
    synonyms: tuple[str, ...]
    low: float
    high: float


BANDS: tuple[Band, ...] = (
    Band("almost no chance", ("remote",), 0.01, 0.05),
    Band("very unlikely", ("highly improbable",), 0.05, 0.20),
    Band("unlikely", ("improbable",), 0.20, 0.45),
    Band("roughly even chance", ("roughly even odds",), 0.45, 0.55),
    Band("likely", ("probable",), 0.55, 0.80),
    Band("very likely", ("highly probable",), 0.80, 0.95),
    Band("almost certain", ("nearly certain",), 0.95, 0.99),
)

CREDIBILITY: dict[int, tuple[str, str | None]] = {
    1: ("confirmed by other sources", "almost certain"),
    2: ("probably true", "likely"),
    3: ("possibly true", "roughly even chance"),
    4: ("doubtful", "unlikely"),
    5: ("improbable", "very unlikely"),
    6: ("truth cannot be judged", None),
}

_BY_WORD = {word: band for band in BANDS for word in (band.term, *band.synonyms)}
_BY_TERM = {band.term: band for band in BANDS}


def band_for_term(term: str) -> Band:
    """The ICD 203 band a term (or its accepted synonym) names."""
    word = " ".join(term.lower().split())
    band = _BY_WORD.get(word)
    if band is None:
        close = difflib.get_close_matches(word, list(_BY_WORD), n=1)
        options = "use one of: " + ", ".join(b.term for b in BANDS) + ", or a probability 0-1"
        raise InvalidValue(
            f"'{term}' is not an ICD 203 confidence term",
            f"did you mean '{close[0]}'?" if close else options,
        )
    return band


def term_for(probability: float) -> str:
    """The ICD 203 term whose band holds a probability (bands share their edges upward)."""
    for band in BANDS:
        if probability < band.high:
            return band.term
    return BANDS[-1].term


def band(confidence: Confidence) -> tuple[float, float] | None:
    """The probability interval the confidence stands for, from the most precise field."""
    if confidence.probability is not None:
        return (confidence.probability, confidence.probability)
    if confidence.term is not None:
        found = band_for_term(confidence.term)
        return (found.low, found.high)
    if confidence.credibility is not None:
        term = CREDIBILITY[confidence.credibility][1]
        return None if term is None else (_BY_TERM[term].low, _BY_TERM[term].high)
    return None


def estimate(confidence: Confidence) -> float | None:
    """One probability to weigh the claim with: the probability, else the band's middle."""
    interval = band(confidence)
    return None if interval is None else round((interval[0] + interval[1]) / 2, 4)


def readable_estimate(confidence: Confidence | None) -> float | None:
    """The probability a confidence stands for; none when none is stated or it cannot be
    read (an unreadable confidence is the ledger's problem, reported where it is read)."""
    if confidence is None:
        return None
    try:
        return estimate(confidence)
    except (InvalidValue, KeyError):
        return None


def describe(confidence: Confidence) -> str:
    """What the analyst wrote, then what it is read as: "likely (0.55-0.80)"."""
    parts: list[str] = []
    if confidence.probability is not None:
        parts.append(f"{confidence.probability:g} ({term_for(confidence.probability)})")
    if confidence.term is not None:
        found = band_for_term(confidence.term)
        parts.append(f"{confidence.term} ({found.low:.2f}-{found.high:.2f})")
    if confidence.credibility is not None:
        label = CREDIBILITY[confidence.credibility][0]
        parts.append(f"credibility {confidence.credibility}: {label}")
    return "; ".join(parts)


def make_confidence(
    probability: float | None = None, term: str | None = None, credibility: int | None = None
) -> Confidence:
    """Validate the parts an analyst wrote and keep them as written."""
    if probability is not None and not 0.0 <= probability <= 1.0:
        percent = 1 < probability <= 100 and probability == int(probability)
        raise InvalidValue(
            f"confidence {probability:.3g} is not a probability",
            f"for a percentage write '{int(probability)}%'"
            if percent
            else "write a probability between 0 and 1, an ICD 203 term such as 'likely', "
            "or Admiralty credibility as {credibility: 2}",
        )
    if term is not None:
        found = band_for_term(term)
        if probability is not None and not found.low <= probability <= found.high:
            raise InvalidValue(
                f"confidence {probability:g} does not fall in '{term}' "
                f"({found.low:.2f}-{found.high:.2f})",
                "keep the probability or the term that you mean, or make them agree",
            )
    if credibility is not None and credibility not in CREDIBILITY:
        raise InvalidValue(
            f"credibility {credibility} is not on the Admiralty scale",
            "use 1 (confirmed) to 6 (cannot be judged)",
        )
    return Confidence(probability=probability, term=term, credibility=credibility)
