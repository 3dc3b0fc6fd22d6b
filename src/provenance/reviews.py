"""Append-only review semantics: which verdicts fit a conflict, what a review records, who
the reviewer is, and how a review is added to a ledger's reviews file without touching
anything else in the ledger."""

from __future__ import annotations

import getpass
import os
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from provenance.checker import Conflict
from provenance.errors import LedgerInvalid, Problem, ProvenanceError
from provenance.ledger.load import parse_paths
from provenance.ledger.writer import dumps, record_mapping
from provenance.model import Review, Verdict

REVIEWS_FILE = "reviews.yaml"
NAME_RULES = frozenset({"spelling-variant"})
"""Conflicts between names, for which same-entity and distinct are the verdicts."""

MEANING = {
    Verdict.SAME_ENTITY: "one name: the spelling becomes an alias of the entity",
    Verdict.DISTINCT: "different things: never flagged again",
    Verdict.DISPUTED: "a real disagreement: kept visible in reports, no longer failing CI",
    Verdict.RESOLVED: "one claim stands (say which)",
    Verdict.NOT_A_CONFLICT: "the rule was wrong here",
}


def verdicts_for(conflict: Conflict) -> list[Verdict]:
    """The verdicts that make sense for a conflict: names are the same or distinct; claims
    are disputed or resolved; anything can be not-a-conflict."""
    if conflict.rule in NAME_RULES:
        return [Verdict.SAME_ENTITY, Verdict.DISTINCT, Verdict.NOT_A_CONFLICT]
    found = [Verdict.DISPUTED]
    if len(conflict.claims) > 1:
        found.append(Verdict.RESOLVED)
    return [*found, Verdict.NOT_A_CONFLICT]


def decide(
    conflict: Conflict,
    verdict: Verdict,
    note: str,
    reviewer: str,
    in_favour_of: str | None = None,
    at: datetime | None = None,
) -> Review:
    """A review of the conflict, checked against it."""
    allowed = verdicts_for(conflict)
    if verdict not in allowed:
        raise ProvenanceError(
            f"{verdict.value} does not fit {conflict.rule} conflict {conflict.id} "
            f"(use {', '.join(v.value for v in allowed)})"
        )
    if not note.strip():
        raise ProvenanceError("a review needs a note saying why (--note TEXT)")
    if (verdict is Verdict.RESOLVED) != (in_favour_of is not None):
        raise ProvenanceError("--in-favour-of CLAIM goes with --verdict resolved, and only with it")
    if in_favour_of is not None and in_favour_of not in conflict.claims:
        raise ProvenanceError(
            f"{in_favour_of} is not one of the claims of {conflict.id} "
            f"({', '.join(conflict.claims)})"
        )
    entity, alias = _alias(conflict) if verdict is Verdict.SAME_ENTITY else (None, None)
    # full precision: two reviews of one conflict in the same second must still be ordered
    moment = (at or datetime.now(UTC)).astimezone(UTC)
    return Review(conflict.id, verdict, reviewer, moment, note.strip(), in_favour_of, entity, alias)


def _alias(conflict: Conflict) -> tuple[str | None, str | None]:
    """The entity a spelling joins and the spelling, from a spelling conflict's details."""
    entity, alias = conflict.details.get("entity"), conflict.details.get("alias")
    if isinstance(entity, str) and isinstance(alias, str) and alias:
        return entity, alias
    return None, None


def default_reviewer(configured: str | None = None, folder: Path | None = None) -> str:
    """The configured reviewer, else git's user.name, else the account name."""
    if configured:
        return configured
    try:
        found = subprocess.run(
            ["git", "config", "user.name"],
            capture_output=True,
            text=True,
            cwd=folder,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    return found or os.environ.get("USER") or getpass.getuser()


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
