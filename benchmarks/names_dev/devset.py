"""Load the name-variant dev set (../shared/names-dev/pairs.csv), split it, attach hand labels.

The split: a pair belongs to the *fit* part or the *hold* part by a SHA-256 hash of its entity
(the smaller entity id of a negative). The matcher's rules and its score are developed and fitted
on *fit*, and the tier thresholds chosen there; every figure is reported on *hold* (and on all of
dev for reference). SHA-1 parity is not used: the dev/test split itself follows it, so
it would put almost every dev entity on one side.
"""

from __future__ import annotations

import csv
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "names-dev" / "pairs.csv"
SAMPLE = Path(__file__).resolve().parent / "sample.csv"
KINDS = {"org": "organisation", "place": "place", "person": "person"}


@dataclass(frozen=True, slots=True)
class DevPair:
    """One labelled pair; ``hand`` is the hand label of a sampled positive, else ""."""

    row: int
    name_a: str
    name_b: str
    label: bool
    pair_type: str
    kind: str
    source: str
    part: str
    hand: str = ""


def pairs_path() -> Path:
    """The dev pairs: $PROVENANCE_NAMES_DEV if set, else ../shared/names-dev/pairs.csv."""
    return Path(os.environ.get("PROVENANCE_NAMES_DEV", DEFAULT))


def part_of(entity_a: str, entity_b: str) -> str:
    entity = min(entity_a, entity_b)
    digest = hashlib.sha256(("names-dev:" + entity).encode()).hexdigest()
    return "fit" if int(digest, 16) % 2 == 0 else "hold"


def hand_labels(path: Path = SAMPLE) -> dict[int, str]:
    with path.open(newline="", encoding="utf-8") as f:
        return {int(r["row"]): r["label"] for r in csv.DictReader(f)}


def load(path: Path | None = None) -> list[DevPair]:
    """Every dev pair, in file order, with its part and any hand label."""
    hand = hand_labels()
    with (path or pairs_path()).open(newline="", encoding="utf-8") as f:
        return [
            DevPair(
                row=i,
                name_a=r["name_a"],
                name_b=r["name_b"],
                label=r["label"] == "1",
                pair_type=r["pair_type"],
                kind=KINDS[r["kind"]],
                source=r["source"],
                part=part_of(r["entity_a"], r["entity_b"]),
                hand=hand.get(i, ""),
            )
            for i, r in enumerate(csv.DictReader(f))
        ]
