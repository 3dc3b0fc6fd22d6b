"""Read models: a record together with the records needed to read it."""

from __future__ import annotations

from dataclasses import dataclass

from provenance.model import Claim, Entity, Ledger, Review, Source


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
