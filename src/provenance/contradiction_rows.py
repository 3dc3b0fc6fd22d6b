"""The contradiction report's rows: one claim as the report shows it beside its rivals
(value in the report's words, interval, speakers, source and reliability, as_of,
confidence, quote, file:line), one review, and claims put in the order they were stated."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from provenance import confidence, dates
from provenance.assessment import value_words, weight
from provenance.errors import ProvenanceError
from provenance.model import (
    Claim,
    Entity,
    PartialDate,
    Polarity,
    Quantity,
    Review,
    Source,
    TimeSpan,
)
from provenance.quantities import interval_text

THE_SOURCE = "(the source itself)"


class Records(Protocol):
    """What a row reads besides the claim (ReportData has it)."""

    @property
    def claims(self) -> Mapping[str, Claim]: ...

    @property
    def sources(self) -> Mapping[str, Source]: ...

    @property
    def entities(self) -> Mapping[str, Entity]: ...


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim, every field as text ready to show ('' when the ledger has nothing)."""

    claim: str
    subject: str
    property: str
    polarity: str
    value: str  # the report's words; entities by name
    interval: str  # how a quantity or a date is read
    stance: str
    scope: str
    speakers: tuple[str, ...]  # names; empty: the source speaks for itself
    source: str
    source_title: str
    reliability: str  # Admiralty letter
    reliability_label: str
    as_of: str
    stated: str  # as_of, else "published ..." (when the claim was made)
    confidence: str
    weight: float  # reliability x confidence, as the assessment weighs it
    quote: str
    locator: str
    where: str  # file:line

    @builtins.property  # the field `property` hides the builtin here
    def shown_value(self) -> str:
        """The value, marked NOT when the claim denies it."""
        return ("NOT " if self.polarity == Polarity.DENIED.value else "") + self.value

    @builtins.property
    def said_by(self) -> str:
        return "; ".join(self.speakers) or THE_SOURCE


@dataclass(frozen=True, slots=True)
class ReviewRow:
    verdict: str
    reviewer: str
    at: str
    note: str
    in_favour_of: str


def rows(records: Records, ids: Sequence[str]) -> tuple[ClaimRow, ...]:
    """The rows of the claims named (a claim the ledger does not hold shows its id only)."""
    return tuple(
        row(records, records.claims[i]) if i in records.claims else _missing(i) for i in ids
    )


def row(records: Records, claim: Claim) -> ClaimRow:
    source = records.sources.get(claim.source)
    names = records.entities
    return ClaimRow(
        claim=claim.id,
        subject=claim.subject,
        property=claim.property,
        polarity=claim.polarity.value,
        value=value_words(claim, names),
        interval=_interval(claim),
        stance=claim.stance or "",
        scope=claim.scope or "",
        speakers=tuple(names[s].name if s in names else s for s in claim.said_by),
        source=claim.source,
        source_title=source.title if source else "",
        reliability=source.reliability.value if source else "",
        reliability_label=source.reliability.label if source else "unknown source",
        as_of=claim.as_of.text if claim.as_of else "",
        stated=_stated_text(claim, source),
        confidence=confidence.describe(claim.confidence) if claim.confidence else "",
        weight=weight(claim, records.sources),
        quote=claim.quote or "",
        locator=claim.locator or "",
        where=str(claim.origin) if claim.origin else "",
    )


def _missing(ident: str) -> ClaimRow:
    blank = dict.fromkeys(
        ("subject", "property", "value", "interval", "stance", "scope", "source"), ""
    )
    return ClaimRow(
        claim=ident,
        polarity=Polarity.AFFIRMED.value,
        speakers=(),
        source_title="",
        reliability="",
        reliability_label="not in the ledger",
        as_of="",
        stated="",
        confidence="",
        weight=0.0,
        quote="",
        locator="",
        where="",
        **blank,
    )


def _stated_text(claim: Claim, source: Source | None) -> str:
    if claim.as_of is not None:
        return claim.as_of.text
    if source is not None and source.published is not None:
        return f"published {source.published.text}"
    return ""


def review_row(review: Review) -> ReviewRow:
    return ReviewRow(
        verdict=review.verdict.value,
        reviewer=review.reviewer,
        at=review.at.isoformat(),
        note=review.note or "",
        in_favour_of=review.in_favour_of or "",
    )


def _interval(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Quantity):
        return interval_text(value)
    if isinstance(value, TimeSpan):
        start, end = _date(value.start), _date(value.end)
        return start if value.start == value.end else f"{start}/{end}"
    return ""


def _date(moment: PartialDate | None) -> str:
    if moment is None:
        return ".."
    try:
        return dates.format_date(moment)
    except ProvenanceError:
        return str(moment.year)


def stated(records: Records, claim: Claim) -> str:
    """When the claim was stated, sortable: its as_of, else its source's publication."""
    span = claim.as_of
    if span is None:
        source = records.sources.get(claim.source)
        span = source.published if source else None
    return (dates.sortable_span(span)[0] or "") if span else ""


def in_time_order(records: Records, ids: Sequence[str]) -> list[str]:
    """The claim ids in the order their claims were stated (ties keep the given order)."""
    position = {ident: n for n, ident in enumerate(ids)}

    def key(ident: str) -> tuple[str, int]:
        claim = records.claims.get(ident)
        return (stated(records, claim) if claim else "", position[ident])

    return sorted(dict.fromkeys(ids), key=key)
