"""`export --format stix`: the ledger as a STIX 2.1 bundle, built and serialised by the
`stix2` library (OASIS's reference implementation), for threat-intelligence platforms.

- each source is a `report` (name: its title; published: its date; an external reference
  with its publisher, URL and ledger id), whose `object_refs` are the notes of its claims;
  a source that repeats another is `derived-from` it (a relationship);
- each claim is a `note`: its sentence as content, its property and subject as abstract, its
  speakers' names as authors, the analyst's confidence as STIX confidence (0-100);
- each person or organisation is an `identity`, each event an `incident`;
- each review that decides claims is an `opinion` on their notes (resolved: agree with the
  claim it stands by, disagree with the others; disputed: neutral; not a conflict: agree).

Ids are derived from ledger ids (UUIDv5), and times from the ledger, so that the same
ledger exports to the same bundle."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from provenance import confidence, dates
from provenance.exports.common import ExchangeData, statement
from provenance.model import Claim, Entity, EntityKind, EntityValue, Review, Source, Verdict

NAMESPACE = uuid.UUID("6f1d3c1e-8a43-5b9e-9a37-2f6c0b1d7e55")
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
"""The time of an object the ledger gives no time for (an undated source)."""
SUFFIX = ".stix.json"
PRODUCER = "provenance-ledger"
"""The identity of the ledger itself, which a note or report with nothing else to point at
refers to."""
IDENTITY_CLASS = {EntityKind.PERSON: "individual", EntityKind.ORGANISATION: "organization"}


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}/{key}')}"


def render(data: ExchangeData) -> str:
    import stix2

    objects: list[Any] = [
        stix2.Identity(
            id=stix_id("identity", PRODUCER),
            name="the provenance ledger",
            identity_class="system",
            created=EPOCH,
            modified=EPOCH,
        )
    ]
    for entity in data.ledger.entities:
        found = _entity(stix2, entity)
        if found is not None:
            objects.append(found)
    by_source: dict[str, list[str]] = {}
    for claim in data.ledger.claims:
        objects.append(_note(stix2, claim, data))
        by_source.setdefault(claim.source, []).append(stix_id("note", claim.id))
    for source in data.ledger.sources:
        objects.append(_report(stix2, source, by_source.get(source.id, [])))
        for origin in source.derived_from:
            if origin in data.sources:
                objects.append(_derived(stix2, source, data.sources[origin]))
    objects += _opinions(stix2, data)
    bundle = stix2.Bundle(objects=objects, id=stix_id("bundle", "ledger"))
    text: str = bundle.serialize(pretty=True, ensure_ascii=False)
    return text + "\n"


def _published(source: Source) -> datetime:
    span = source.published
    if span is None or span.start is None:
        return EPOCH
    return dates.bounds(span.start)[0].astimezone(UTC)


def _entity(stix2: Any, entity: Entity) -> Any:
    if entity.kind in IDENTITY_CLASS:
        return stix2.Identity(
            id=stix_id("identity", entity.id),
            name=entity.name,
            identity_class=IDENTITY_CLASS[entity.kind],
            created=EPOCH,
            modified=EPOCH,
            **_described(entity.notes),
            external_references=[{"source_name": "provenance", "external_id": entity.id}],
        )
    if entity.kind is EntityKind.EVENT:
        return stix2.Incident(
            id=stix_id("incident", entity.id),
            name=entity.name,
            created=EPOCH,
            modified=EPOCH,
            **_described(entity.notes),
            external_references=[{"source_name": "provenance", "external_id": entity.id}],
        )
    return None


def _described(text: str | None) -> dict[str, str]:
    return {"description": text} if text else {}


def _refs(claim: Claim, data: ExchangeData) -> list[str]:
    """What a claim's note is about: its subject, the entities it names, its speakers."""
    named = [claim.subject, *claim.said_by]
    if isinstance(claim.value, EntityValue):
        named += claim.value.ids
    refs = [stix_id("report", claim.source)] if claim.source in data.sources else []
    for ident in dict.fromkeys(named):
        entity = data.entities.get(ident)
        if entity is not None and entity.kind in IDENTITY_CLASS:
            refs.append(stix_id("identity", ident))
        elif entity is not None and entity.kind is EntityKind.EVENT:
            refs.append(stix_id("incident", ident))
    return refs or [stix_id("identity", PRODUCER)]


def _note(stix2: Any, claim: Claim, data: ExchangeData) -> Any:
    source = data.sources.get(claim.source)
    when = _published(source) if source else EPOCH
    extra: dict[str, Any] = {}
    estimate = confidence.estimate(claim.confidence) if claim.confidence else None
    if estimate is not None:
        extra["confidence"] = round(estimate * 100)
    speakers = [data.entities[s].name if s in data.entities else s for s in claim.said_by]
    if speakers:
        extra["authors"] = speakers
    content = statement(claim, data.entities)
    if claim.quote:
        content += f' (quote: "{claim.quote}")'
    return stix2.Note(
        id=stix_id("note", claim.id),
        abstract=f"{claim.property} of {claim.subject}",
        content=content,
        object_refs=_refs(claim, data),
        created=when,
        modified=when,
        external_references=[{"source_name": "provenance", "external_id": claim.id}],
        **extra,
    )


def _report(stix2: Any, source: Source, notes: list[str]) -> Any:
    reference: dict[str, str] = {
        "source_name": source.publisher or source.title,
        "external_id": source.id,
    }
    if source.url:
        reference["url"] = source.url
    when = _published(source)
    described = source.notes or ""
    if source.published is None:
        described = ("Publication date not known. " + described).strip()
    return stix2.Report(
        id=stix_id("report", source.id),
        name=source.title,
        published=when,
        created=when,
        modified=when,
        report_types=["threat-report"],
        object_refs=notes or [stix_id("identity", PRODUCER)],
        external_references=[reference],
        **_described(described),
        labels=[source.kind.value, f"reliability-{source.reliability.value}"],
    )


def _derived(stix2: Any, source: Source, origin: Source) -> Any:
    when = _published(source)
    return stix2.Relationship(
        id=stix_id("relationship", f"{source.id}/derived-from/{origin.id}"),
        relationship_type="derived-from",
        source_ref=stix_id("report", source.id),
        target_ref=stix_id("report", origin.id),
        created=when,
        modified=when,
    )


def _opinions(stix2: Any, data: ExchangeData) -> list[Any]:
    found = []
    for conflict in data.conflicts:
        review = conflict.review
        claims = [c for c in conflict.claims if c in data.claims]
        if review is None or not claims:
            continue
        for stance, chosen in _stances(review, claims).items():
            if chosen:
                found.append(_opinion(stix2, conflict.id, review, stance, chosen))
    return found


def _stances(review: Review, claims: list[str]) -> Mapping[str, list[str]]:
    if review.verdict is Verdict.RESOLVED:
        favoured = review.in_favour_of
        return {
            "agree": [c for c in claims if c == favoured],
            "disagree": [c for c in claims if c != favoured],
        }
    if review.verdict is Verdict.DISPUTED:
        return {"neutral": claims}
    if review.verdict is Verdict.NOT_A_CONFLICT:
        return {"agree": claims}
    return {}


def _opinion(stix2: Any, conflict: str, review: Review, stance: str, claims: list[str]) -> Any:
    return stix2.Opinion(
        id=stix_id("opinion", f"{conflict}/{review.at.isoformat()}/{stance}"),
        opinion=stance,
        authors=[review.reviewer],
        explanation=f"{review.verdict.value} ({conflict})"
        + (f": {review.note}" if review.note else ""),
        object_refs=[stix_id("note", c) for c in claims],
        created=review.at,
        modified=review.at,
    )
