"""The contradiction report's rows: one claim as the report shows it beside its rivals
(value in the report's words, interval in numbers and in words, speakers, source cited by
publisher and date, reliability, as_of, confidence, quote, file:line), one review, and claims
put in the order they were stated."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass

from provenance import confidence, dates, units
from provenance.errors import ProvenanceError
from provenance.model import (
    Claim,
    PartialDate,
    Polarity,
    Quantity,
    Review,
    Source,
    TimeSpan,
)
from provenance.quantities import interval_text
from provenance.reports.contradictions import common, wording
from provenance.reports.contradictions.assessment import value_words, weight
from provenance.views import ReportData

THE_SOURCE = common.THE_SOURCE


@dataclass(frozen=True, slots=True)
class Figure:
    """A quantity's interval as numbers for programs: ``low``/``high`` None when unbounded,
    ``best`` when the source gives a best estimate, open flags excluding a bound."""

    low: float | None
    high: float | None
    best: float | None
    low_open: bool
    high_open: bool
    unit: str | None


@dataclass(frozen=True, slots=True)
class ShownClaim:
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
    citation: str = ""  # "Publisher, 13 November 2017"
    url: str = ""
    reads_as: str = ""  # the interval in words: "more than 50", "between 30 and 40"
    stated_words: str = ""  # when it was stated, in words
    figure: Figure | None = None  # a quantity's interval as numbers
    speaker_ids: tuple[str, ...] = ()

    @builtins.property  # the field `property` hides the builtin here
    def shown_value(self) -> str:
        """The value, marked NOT when the claim denies it."""
        return ("NOT " if self.polarity == Polarity.DENIED.value else "") + self.value

    @builtins.property
    def said_by(self) -> str:
        return "; ".join(self.speakers) or THE_SOURCE


@dataclass(frozen=True, slots=True)
class ShownReview:
    verdict: str
    reviewer: str
    at: str  # ISO 8601, as stored
    note: str
    in_favour_of: str
    when: str = ""  # to the minute, in words: "21 November 2026, 15:43 UTC"


def shown_claims(data: ReportData, ids: Sequence[str]) -> tuple[ShownClaim, ...]:
    """The rows of the claims named (a claim the ledger does not hold shows its id only)."""
    return tuple(
        shown_claim(data, data.claims[i]) if i in data.claims else _missing(i) for i in ids
    )


def shown_claim(data: ReportData, claim: Claim) -> ShownClaim:
    source = data.sources.get(claim.source)
    names = data.entities
    return ShownClaim(
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
        weight=weight(claim, data.sources),
        quote=claim.quote or "",
        locator=claim.locator or "",
        where=str(claim.origin) if claim.origin else "",
        citation=wording.citation(source, claim.source),
        url=(source.url or "") if source else "",
        reads_as=_reads_as(claim),
        stated_words=_stated_words(claim, source),
        figure=figure(claim.value, claim.unit) if isinstance(claim.value, Quantity) else None,
        speaker_ids=claim.said_by,
    )


def figure(q: Quantity, unit: str | None = None) -> Figure:
    """The numbers of a quantity, with the claim's unit (else the one its words carry)."""
    return Figure(q.low, q.high, q.best, q.low_open, q.high_open, units.unit_of(q, unit))


def _reads_as(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Quantity):
        return wording.interval_words(value)
    if isinstance(value, TimeSpan):
        return wording.span_words(value)
    return ""


def _stated_words(claim: Claim, source: Source | None) -> str:
    if claim.as_of is not None:
        return wording.span_words(claim.as_of)
    if source is not None and source.published is not None:
        return f"published {wording.span_words(source.published)}"
    return ""


def _missing(ident: str) -> ShownClaim:
    return ShownClaim(
        claim=ident,
        subject="",
        property="",
        polarity=Polarity.AFFIRMED.value,
        value="",
        interval="",
        stance="",
        scope="",
        speakers=(),
        source="",
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
    )


def _stated_text(claim: Claim, source: Source | None) -> str:
    if claim.as_of is not None:
        return claim.as_of.text
    if source is not None and source.published is not None:
        return f"published {source.published.text}"
    return ""


def shown_review(review: Review) -> ShownReview:
    return ShownReview(
        verdict=review.verdict.value,
        reviewer=review.reviewer,
        at=review.at.isoformat(),
        note=review.note or "",
        in_favour_of=review.in_favour_of or "",
        when=wording.minute(review.at),
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


def stated(data: ReportData, claim: Claim) -> str:
    """When the claim was stated, sortable: its as_of, else its source's publication."""
    span = claim.as_of
    if span is None:
        source = data.sources.get(claim.source)
        span = source.published if source else None
    return (dates.sortable_span(span)[0] or "") if span else ""


def in_time_order(data: ReportData, ids: Sequence[str]) -> list[str]:
    """The claim ids in the order their claims were stated (ties keep the given order)."""
    position = {ident: n for n, ident in enumerate(ids)}

    def key(ident: str) -> tuple[str, int]:
        claim = data.claims.get(ident)
        return (stated(data, claim) if claim else "", position[ident])

    return sorted(dict.fromkeys(ids), key=key)
