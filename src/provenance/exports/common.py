"""What every exchange format reads: the whole ledger and the conflicts the checker finds in
it, with their reviews; and the small conversions they share (a date as ISO text, a claim as
one sentence, a speaker's kind)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from provenance import dates
from provenance.errors import ProvenanceError
from provenance.model import (
    Claim,
    Entity,
    EntityKind,
    EntityValue,
    Ledger,
    PartialDate,
    Polarity,
    Quantity,
    Source,
    TimeSpan,
)

if TYPE_CHECKING:
    from provenance.checker import Conflict


@dataclass(frozen=True)
class ExchangeData:
    """A ledger to export, and the conflicts found in it (each with its reviews)."""

    ledger: Ledger
    conflicts: tuple[Conflict, ...] = ()

    @cached_property
    def sources(self) -> Mapping[str, Source]:
        return {s.id: s for s in self.ledger.sources}

    @cached_property
    def entities(self) -> Mapping[str, Entity]:
        return {e.id: e for e in self.ledger.entities}

    @cached_property
    def claims(self) -> Mapping[str, Claim]:
        return {c.id: c for c in self.ledger.claims}


def iso(moment: PartialDate | None) -> str | None:
    """ISO 8601 text at the date's own precision ("2017", "2017-08", "2017-08-05")."""
    if moment is None:
        return None
    try:
        return dates.format_date(moment)
    except ProvenanceError:
        return f"{moment.year:04d}"


def iso_start(span: TimeSpan | None) -> str | None:
    return iso(span.start) if span is not None else None


def name_of(ident: str, entities: Mapping[str, Entity]) -> str:
    found = entities.get(ident)
    return found.name if found else ident


def is_person(ident: str, entities: Mapping[str, Entity]) -> bool:
    found = entities.get(ident)
    return found is not None and found.kind is EntityKind.PERSON


def value_text(claim: Claim, entities: Mapping[str, Entity]) -> str:
    value = claim.value
    if isinstance(value, EntityValue):
        return " + ".join(name_of(e, entities) for e in value.ids) or "nobody"
    if isinstance(value, Quantity):
        return value.words + (f" {claim.unit}" if claim.unit else "")
    if isinstance(value, TimeSpan):
        return value.text
    return value.text


def statement(claim: Claim, entities: Mapping[str, Entity]) -> str:
    """The claim as one sentence: "killed of Mirza Olang attack: over 50 people"; a denial
    "perpetrator of Mirza Olang attack: not Taliban + ISKP"."""
    scope = f" ({claim.scope})" if claim.scope else ""
    negation = "not " if claim.polarity is Polarity.DENIED else ""
    subject = name_of(claim.subject, entities)
    return f"{claim.property}{scope} of {subject}: {negation}{value_text(claim, entities)}"
