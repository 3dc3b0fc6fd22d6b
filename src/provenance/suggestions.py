"""Suggestions for a mistyped id, property, rule or filter value, "did you mean ...?": the
closest known words by edit similarity (rapidfuzz over the candidates once, linear in their
number, run only when a word is not found); and picking by a unique prefix of an id."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process, utils

CUTOFF = 60.0
"""Similarity (0-100) below which a known word is no suggestion at all."""
MARGIN = 10.0
"""Runners-up are suggested too only when they are this close to the best."""
T = TypeVar("T")


def closest_words(word: str, candidates: Iterable[str], limit: int = 3) -> list[str]:
    """The known words most like ``word``, best first (case and punctuation aside)."""
    choices = sorted(set(candidates))
    found = process.extract(
        word,
        choices,
        scorer=fuzz.ratio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=CUTOFF,
    )
    best = found[0][1] if found else 0.0
    return [choice for choice, score, _index in found if score >= best - MARGIN]


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """``did you mean 'x'?`` (or 'x' or 'y'), or None when nothing known is close."""
    found = closest_words(word, candidates)
    if not found:
        return None
    return "did you mean " + " or ".join(f"'{c}'" for c in found) + "?"


def by_prefix(prefix: str, items: Sequence[T], key: str = "id") -> tuple[list[T], bool]:
    """The items whose ``key`` is ``prefix`` or starts with it, and whether one is exact."""
    exact = [item for item in items if getattr(item, key) == prefix]
    if exact:
        return exact, True
    return [item for item in items if str(getattr(item, key)).startswith(prefix)], False
