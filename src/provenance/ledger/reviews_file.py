"""A ledger's reviews file: a review appended to reviews.yaml without touching anything else in
the ledger, the file replaced in one step so that it is never half-written."""

from __future__ import annotations

import tempfile
from pathlib import Path

from provenance.errors import LedgerInvalid, Problem
from provenance.ledger.load import parse_paths
from provenance.ledger.writer import dumps, record_mapping
from provenance.model import Review

REVIEWS_FILE = "reviews.yaml"


def append_to_ledger(folder: Path, review: Review) -> Path:
    """Adds the review to the ledger's reviews file (created if missing), leaving every
    other file alone; the file is replaced in one step so that it is never half-written."""
    path = folder / REVIEWS_FILE
    entry = dumps({"reviews": [record_mapping(review)]}, "yaml").split("\n", 1)[1]
    if path.exists():
        text = path.read_text("utf-8")
        _only_reviews(path)
        new = text if text.endswith("\n") else text + "\n"
        new = new.replace("reviews: []\n", "reviews:\n") + entry
    else:
        new = "reviews:\n" + entry
    with tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=folder, delete=False, prefix=".reviews-", suffix=".partial"
    ) as partial:
        partial.write(new)
    Path(partial.name).replace(path)
    return path


def _only_reviews(path: Path) -> None:
    """The reviews file must be sound and hold only reviews before anything is added."""
    parsed, problems = parse_paths([path])
    if problems:
        raise LedgerInvalid(problems, outcome="the review was not recorded")
    if parsed.sources or parsed.entities or parsed.claims:
        raise LedgerInvalid(
            [
                Problem(
                    str(path),
                    0,
                    "the reviews file holds more than reviews",
                    "move the other records to another file",
                )
            ],
            outcome="the review was not recorded",
        )
