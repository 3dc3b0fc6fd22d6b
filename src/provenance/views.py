"""Read models: a record together with the records needed to read it; a conflict with its
history; a check result with the records a contradiction report shows; what an import did."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from provenance.model import Claim, Entity, Ledger, Review, Source

if TYPE_CHECKING:
    from provenance.checker import CheckResult, Conflict


@dataclass(frozen=True, slots=True)
class ClaimView:
    claim: Claim
    context: Ledger  # the records the claim refers to, and the claims that refer to it


@dataclass(frozen=True, slots=True)
class EntityView:
    entity: Entity
    about: tuple[Claim, ...]  # claims whose subject it is
    naming: tuple[Claim, ...]  # claims that name it as value, speaker or mention
    context: Ledger
    accepted: tuple[Review, ...] = ()  # same-entity reviews giving it an alias


@dataclass(frozen=True, slots=True)
class SourceView:
    source: Source
    claims: tuple[Claim, ...]
    context: Ledger


@dataclass(frozen=True, slots=True)
class ClaimList:
    claims: tuple[Claim, ...]
    context: Ledger


View = ClaimView | EntityView | SourceView


@dataclass(frozen=True, slots=True)
class ConflictView:
    """A conflict id with what is known of it: the conflict as the checker finds it now
    (None when it no longer exists) and every review of it, oldest first."""

    id: str
    conflict: Conflict | None
    reviews: tuple[Review, ...]


@dataclass(frozen=True)
class ReportData:
    """A check result and the records it names.

    ``claims`` holds every claim of every (subject, property) that a conflict in the result
    is about, not only the claims in conflict, so that an assessment can weigh them all;
    ``origins`` maps each of their sources to the sources it ultimately repeats (itself when
    it repeats none): sources sharing an origin are one source of evidence.
    """

    result: CheckResult
    claims: Mapping[str, Claim]
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    origins: Mapping[str, frozenset[str]]
    target: str


@dataclass(frozen=True, slots=True)
class SyncCounts:
    """What an import did, per record type ("sources", "entities", "claims")."""

    added: dict[str, int]
    changed: dict[str, int]
    unchanged: dict[str, int]
    removed: dict[str, int]
    reviews_added: int

    def total(self, what: str) -> int:
        counts: dict[str, int] = getattr(self, what)
        return sum(counts.values())


@dataclass(frozen=True, slots=True)
class ImportResult:
    database: str
    counts: SyncCounts
    totals: dict[str, int]


@dataclass(frozen=True, slots=True)
class InitResult:
    database: str
    revision: str
