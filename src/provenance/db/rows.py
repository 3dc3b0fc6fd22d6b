"""Records as rows and rows as records: the only place that knows both the domain model and
the table layout. A record becomes one main row plus rows in its link tables, with a digest
of their content (the origin excluded) so that an import can tell what changed."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import Table

from provenance import confidence as conf
from provenance import dates
from provenance.db import schema as s
from provenance.model import (
    Archive,
    Claim,
    Confidence,
    Entity,
    EntityKind,
    EntityValue,
    Mention,
    Origin,
    Polarity,
    Quantity,
    Reliability,
    Review,
    Source,
    SourceKind,
    TextValue,
    TimeSpan,
    Value,
    ValueKind,
    Verdict,
    value_kind,
)
from provenance.names import fold

Row = dict[str, Any]
SOURCE = cast(Table, s.SourceRow.__table__)
ENTITY = cast(Table, s.EntityRow.__table__)
CLAIM = cast(Table, s.ClaimRow.__table__)
REVIEW = cast(Table, s.ReviewRow.__table__)
DERIVATION = cast(Table, s.SourceDerivationRow.__table__)
ALIAS = cast(Table, s.EntityAliasRow.__table__)
DISTINCT = cast(Table, s.EntityDistinctRow.__table__)
VALUE_ENTITY = cast(Table, s.ClaimValueEntityRow.__table__)
SPEAKER = cast(Table, s.ClaimSpeakerRow.__table__)
MENTION = cast(Table, s.ClaimMentionRow.__table__)
CONTRADICTION = cast(Table, s.ClaimContradictionRow.__table__)
CHILDREN: dict[Table, tuple[Table, ...]] = {
    SOURCE: (DERIVATION,),
    ENTITY: (ALIAS, DISTINCT),
    CLAIM: (VALUE_ENTITY, SPEAKER, MENTION, CONTRADICTION),
}
PARENT_KEY = {
    DERIVATION: "source_id",
    ALIAS: "entity_id",
    DISTINCT: "entity_id",
    VALUE_ENTITY: "claim_id",
    SPEAKER: "claim_id",
    MENTION: "claim_id",
    CONTRADICTION: "claim_id",
}


@dataclass
class RowSet:
    """One record as rows: its main row and the rows of its link tables."""

    table: Table
    main: Row
    children: dict[Table, list[Row]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.main["id"])

    def seal(self, origin: Origin | None) -> RowSet:
        content = json.dumps(
            [self.main, {t.name: rows for t, rows in self.children.items()}],
            sort_keys=True,
            default=str,
            ensure_ascii=False,
        )
        self.main["digest"] = hashlib.sha256(content.encode()).hexdigest()
        self.main["origin_file"] = origin.file if origin else None
        self.main["origin_line"] = origin.line if origin else None
        return self


def _links(parent: str, ident: str, column: str, values: Sequence[str]) -> list[Row]:
    return [{parent: ident, "position": i, column: v} for i, v in enumerate(values)]


def source_rows(source: Source) -> RowSet:
    start, _ = dates.sortable_span(source.published) if source.published else (None, None)
    main: Row = {
        "id": source.id,
        "title": source.title,
        "kind": source.kind.value,
        "reliability": source.reliability.value,
        "publisher": source.publisher,
        "authors": list(source.authors),
        "published": source.published.text if source.published else None,
        "published_start": start,
        "url": source.url,
        "language": source.language,
        "archive_path": source.archive.path if source.archive else None,
        "archive_sha256": source.archive.sha256 if source.archive else None,
        "notes": source.notes,
    }
    links = _links("source_id", source.id, "derived_from_id", source.derived_from)
    return RowSet(SOURCE, main, {DERIVATION: links}).seal(source.origin)


def entity_rows(entity: Entity) -> RowSet:
    main: Row = {
        "id": entity.id,
        "kind": entity.kind.value,
        "name": entity.name,
        "name_folded": fold(entity.name),
        "part_of_id": entity.part_of,
        "notes": entity.notes,
    }
    aliases = [
        {"entity_id": entity.id, "position": i, "name": a, "name_folded": fold(a)}
        for i, a in enumerate(entity.aliases)
    ]
    distinct = _links("entity_id", entity.id, "other_id", entity.distinct_from)
    return RowSet(ENTITY, main, {ALIAS: aliases, DISTINCT: distinct}).seal(entity.origin)


def claim_rows(claim: Claim) -> RowSet:
    as_of_start, as_of_end = dates.sortable_span(claim.as_of) if claim.as_of else (None, None)
    estimate = conf.estimate(claim.confidence) if claim.confidence else None
    main: Row = {
        "id": claim.id,
        "subject_id": claim.subject,
        "property": claim.property,
        **_value_columns(claim.value),
        "unit": claim.unit,
        "scope": claim.scope,
        "as_of": claim.as_of.text if claim.as_of else None,
        "as_of_start": as_of_start,
        "as_of_end": as_of_end,
        "polarity": claim.polarity.value,
        "stance": claim.stance,
        "source_id": claim.source,
        "quote": claim.quote,
        "locator": claim.locator,
        **_confidence_columns(claim.confidence),
        "confidence_estimate": estimate,
        "supersedes_id": claim.supersedes,
        "notes": claim.notes,
    }
    entities = claim.value.ids if isinstance(claim.value, EntityValue) else ()
    mentions = [
        {
            "claim_id": claim.id,
            "position": i,
            "name": m.name,
            "name_folded": fold(m.name),
            "entity_id": m.entity,
        }
        for i, m in enumerate(claim.mentions)
    ]
    return RowSet(
        CLAIM,
        main,
        {
            VALUE_ENTITY: _links("claim_id", claim.id, "entity_id", entities),
            SPEAKER: _links("claim_id", claim.id, "entity_id", claim.said_by),
            MENTION: mentions,
            CONTRADICTION: _links("claim_id", claim.id, "other_id", claim.contradicts),
        },
    ).seal(claim.origin)


_EMPTY_VALUE: Row = {
    "value_text": None,
    "value_low": None,
    "value_high": None,
    "value_low_open": None,
    "value_high_open": None,
    "value_qualifier": None,
    "value_unit": None,
    "value_start": None,
    "value_end": None,
}


def _value_columns(value: Value) -> Row:
    row = {**_EMPTY_VALUE, "value_kind": value_kind(value).value}
    if isinstance(value, Quantity):
        row.update(
            value_text=value.words,
            value_low=value.low,
            value_high=value.high,
            value_low_open=value.low_open,
            value_high_open=value.high_open,
            value_qualifier=value.qualifier,
            value_unit=value.unit,
        )
    elif isinstance(value, TimeSpan):
        row["value_text"] = value.text
        row["value_start"], row["value_end"] = dates.sortable_span(value)
    elif isinstance(value, TextValue):
        row["value_text"] = value.text
    return row


def _confidence_columns(confidence: Confidence | None) -> Row:
    return {
        "confidence_probability": confidence.probability if confidence else None,
        "confidence_term": confidence.term if confidence else None,
        "confidence_credibility": confidence.credibility if confidence else None,
    }


def review_row(review: Review) -> Row:
    at = review.at.astimezone(UTC)
    parts = [
        review.conflict,
        review.verdict.value,
        review.in_favour_of,
        review.note,
        review.reviewer,
        at.isoformat(),
    ]
    if review.entity is not None or review.alias is not None:
        parts += [review.entity, review.alias]  # absent from older reviews: their ids stay
    content = json.dumps(parts, ensure_ascii=False)
    return {
        "id": hashlib.sha256(content.encode()).hexdigest(),
        "conflict_id": review.conflict,
        "verdict": review.verdict.value,
        "in_favour_of": review.in_favour_of,
        "entity_id": review.entity,
        "alias": review.alias,
        "note": review.note,
        "reviewer": review.reviewer,
        "at": at,
        "origin_file": review.origin.file if review.origin else None,
        "origin_line": review.origin.line if review.origin else None,
    }


def _origin(row: Mapping[Any, Any]) -> Origin | None:
    file, line = row["origin_file"], row["origin_line"]
    return Origin(file, line) if file is not None and line is not None else None


@lru_cache(maxsize=65_536)
def parsed_span(text: str) -> TimeSpan:
    """Dates repeat across claims (a day, a month): each text is read once per process."""
    return dates.parse_timespan(text)


def _span(text: str | None) -> TimeSpan | None:
    return parsed_span(text) if text is not None else None


@lru_cache(maxsize=4_096)
def _confidence(probability: float | None, term: str | None, credibility: int | None) -> Confidence:
    return conf.make_confidence(probability, term, credibility)


_POLARITY = {p.value: p for p in Polarity}
_SOURCE_KIND = {k.value: k for k in SourceKind}
_RELIABILITY = {g.value: g for g in Reliability}
_ENTITY_KIND = {k.value: k for k in EntityKind}
_VALUE_KIND = {k.value: k for k in ValueKind}


def to_source(row: Mapping[Any, Any], derived_from: Sequence[str]) -> Source:
    archive = Archive(row["archive_path"], row["archive_sha256"]) if row["archive_path"] else None
    return Source(
        id=row["id"],
        title=row["title"],
        kind=_SOURCE_KIND[row["kind"]],
        reliability=_RELIABILITY[row["reliability"]],
        publisher=row["publisher"],
        authors=tuple(row["authors"]),
        published=_span(row["published"]),
        url=row["url"],
        language=row["language"],
        archive=archive,
        derived_from=tuple(derived_from),
        notes=row["notes"],
        origin=_origin(row),
    )


def to_entity(row: Mapping[Any, Any], aliases: Sequence[str], distinct: Sequence[str]) -> Entity:
    return Entity(
        id=row["id"],
        kind=_ENTITY_KIND[row["kind"]],
        name=row["name"],
        aliases=tuple(aliases),
        distinct_from=tuple(distinct),
        part_of=row["part_of_id"],
        notes=row["notes"],
        origin=_origin(row),
    )


@dataclass(frozen=True, slots=True)
class ClaimLinks:
    value_entities: Sequence[str] = ()
    said_by: Sequence[str] = ()
    mentions: Sequence[Mention] = ()
    contradicts: Sequence[str] = ()


def to_claim(row: Mapping[Any, Any], links: ClaimLinks) -> Claim:
    probability, term, credibility = (
        row["confidence_probability"],
        row["confidence_term"],
        row["confidence_credibility"],
    )
    given = (probability, term, credibility) != (None, None, None)
    return Claim(
        id=row["id"],
        subject=row["subject_id"],
        property=row["property"],
        value=_value(row, links.value_entities),
        source=row["source_id"],
        unit=row["unit"],
        scope=row["scope"],
        as_of=_span(row["as_of"]),
        polarity=_POLARITY[row["polarity"]],
        stance=row["stance"],
        said_by=tuple(links.said_by),
        quote=row["quote"],
        locator=row["locator"],
        mentions=tuple(links.mentions),
        confidence=_confidence(probability, term, credibility) if given else None,
        contradicts=tuple(links.contradicts),
        supersedes=row["supersedes_id"],
        notes=row["notes"],
        origin=_origin(row),
    )


def _value(row: Mapping[Any, Any], entities: Sequence[str]) -> Value:
    kind = _VALUE_KIND[row["value_kind"]]
    if kind is ValueKind.ENTITY:
        return EntityValue(tuple(entities))
    if kind is ValueKind.QUANTITY:
        return Quantity(
            words=row["value_text"],
            low=row["value_low"],
            high=row["value_high"],
            qualifier=row["value_qualifier"],
            low_open=bool(row["value_low_open"]),
            high_open=bool(row["value_high_open"]),
            unit=row["value_unit"],
        )
    if kind is ValueKind.DATE:
        return parsed_span(row["value_text"])
    return TextValue(row["value_text"])


def to_review(row: Mapping[Any, Any]) -> Review:
    at: datetime = row["at"]
    return Review(
        conflict=row["conflict_id"],
        verdict=Verdict(row["verdict"]),
        reviewer=row["reviewer"],
        at=at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC),
        note=row["note"],
        in_favour_of=row["in_favour_of"],
        entity=row["entity_id"],
        alias=row["alias"],
        origin=_origin(row),
    )
