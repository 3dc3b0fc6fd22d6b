"""How spelling-variant finds candidate pairs among many names, measured against the search
it avoids: rapidfuzz.process.cdist of every name with every other.

Both searches start from the same analysed spellings and keep pairs whose folded forms are
at least CLOSE_CUTOFF alike (rapidfuzz ratio), the pairs the rule judges (the review tier's
wider first look is not measured here); the blocking search only looks inside blocks that
share a blocking key. Every candidate of either search then goes through the rule's matcher,
and recall is the share of the exhaustive search's matches that the blocking search finds
too.

Names (``make_names``) come from the synthetic ledger's name makers: places, organisations
and people, about a quarter of them with a transliteration variant or two.
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from benchmarks import synth_names as sn
from benchmarks import synth_variants as sv
from provenance.checks._spellings import CLOSE_CUTOFF, Spelling, candidate_indexes, gather
from provenance.checks.context import NameRow
from provenance.checks.spelling_variant import SpellingVariant

MAX_BLOCK = int(SpellingVariant.options["max_block"].default)
CHUNK = 256  # names per cdist call: a CHUNK x N matrix of bytes at a time


def make_names(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct names, about a quarter with one or two variants."""
    rng = random.Random(seed)
    found: dict[str, None] = {}
    given, family = sn.GIVEN, sn.FAMILY
    while len(found) < count:
        kind = rng.choice(("place", "place", "person", "person", "organisation"))
        if kind == "place":
            name = sn.place_name(rng)
        elif kind == "person":
            name = sn.person_name(rng, given, family)
        else:
            name = sn.org_name(rng)
        found.setdefault(name)
        if rng.random() < 0.25:
            for _ in range(rng.choice((1, 1, 2))):
                made = sv.variant(rng, name, kind)
                if made is not None:
                    found.setdefault(made[1])
    return list(found)[:count]


def spellings_of(names: Iterable[str]) -> list[Spelling]:
    return gather(NameRow(name, "mention", None, None, None, None) for name in names)


def blocked(spellings: Sequence[Spelling]) -> tuple[set[tuple[int, int]], float]:
    """The blocking search's candidate pairs, and the seconds the search took."""
    started = time.perf_counter()
    first, second = candidate_indexes(spellings, MAX_BLOCK, CLOSE_CUTOFF)
    seconds = time.perf_counter() - started
    return set(zip(first.tolist(), second.tolist(), strict=True)), seconds


def exhaustive(folded: Sequence[str], rows: Sequence[int]) -> set[tuple[int, int]]:
    """Pairs (each once) of a name in ``rows`` with any other name, at least CLOSE_CUTOFF
    alike."""
    found: set[tuple[int, int]] = set()
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        scores = process.cdist(
            [folded[i] for i in chunk],
            folded,
            scorer=fuzz.ratio,
            score_cutoff=CLOSE_CUTOFF,
            dtype=np.uint8,
            workers=-1,
        )
        for row, column in zip(*np.nonzero(scores), strict=True):
            i, j = chunk[int(row)], int(column)
            if i != j:
                found.add(_pair(i, j))
    return found


def matches(
    spellings: Sequence[Spelling], pairs: Iterable[tuple[int, int]]
) -> set[tuple[int, int]]:
    rule = SpellingVariant()
    memo: dict = {}
    return {
        (i, j)
        for i, j in pairs
        if rule._compare(*_keyed(spellings[i], spellings[j]), memo) is not None
    }


def _keyed(a: Spelling, b: Spelling) -> tuple[Spelling, Spelling]:
    return (a, b) if a.key <= b.key else (b, a)


def _pair(i: int, j: int) -> tuple[int, int]:
    return (i, j) if i < j else (j, i)


def measure_search(names: Sequence[str], sample: int = 0) -> dict[str, Any]:
    started = time.perf_counter()
    spellings = spellings_of(names)
    analysed = time.perf_counter() - started
    by_blocks, block_seconds = blocked(spellings)
    everyone = list(range(len(spellings)))
    rows = (
        sorted(random.Random(1).sample(everyone, sample))
        if 0 < sample < len(everyone)
        else everyone
    )
    started = time.perf_counter()
    by_all = exhaustive([s.folded for s in spellings], rows)
    scale = len(spellings) / len(rows)
    exhaustive_seconds = (time.perf_counter() - started) * scale
    sampled = set(rows)
    blocked_here = {p for p in by_blocks if p[0] in sampled or p[1] in sampled}
    truth = matches(spellings, by_all)  # blocked pairs pass the same prefilter: a subset
    hit = len(truth & blocked_here)
    return {
        "names": len(names),
        "spellings": len(spellings),
        "analysis_seconds": analysed,
        "blocking_seconds": block_seconds,
        "blocking_candidates": len(by_blocks),
        "exhaustive_seconds": exhaustive_seconds,
        "exhaustive_extrapolated": scale > 1,
        "exhaustive_rows": len(rows),
        "exhaustive_candidates": len(by_all),
        "matches_exhaustive": len(truth),
        "matches_blocking": hit,
        "recall": hit / len(truth) if truth else 1.0,
        "speedup": exhaustive_seconds / block_seconds if block_seconds else float("inf"),
    }
