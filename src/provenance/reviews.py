"""Append-only review semantics: which verdicts fit a conflict and what they mean, and what a
review of a conflict records. Where a review is kept is the caller's business (a ledger's
reviews.yaml: ledger/reviews_file.py; the database: db/sync.py)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from provenance.checks import by_id
from provenance.errors import ProvenanceError
from provenance.model import Review, Verdict

if TYPE_CHECKING:
    from provenance.checker import Conflict

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
    rule = by_id(conflict.rule)
    if rule is not None and rule.about_names:
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
    if verdict is Verdict.RESOLVED and in_favour_of is None:
        raise ProvenanceError(
            f"--verdict resolved needs --in-favour-of CLAIM, the claim that stands: one of "
            f"{', '.join(conflict.claims)} (or review disputed to keep them all open)"
        )
    if verdict is not Verdict.RESOLVED and in_favour_of is not None:
        raise ProvenanceError(
            f"--in-favour-of goes only with --verdict resolved, not {verdict.value}"
        )
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
