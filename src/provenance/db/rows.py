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
    Part,
    Polarity,
    PropertySpec,
    Quantity,
    Reliability,
    Review,
    Scope,
    Source,
    SourceKind,
    Tally,
    TextValue,
    TimeSpan,
    Unnamed,
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
CITATION = cast(Table, s.SourceCitationRow.__table__)
SOURCE_MENTION = cast(Table, s.SourceMentionRow.__table__)
UNNAMED = cast(Table, s.ClaimUnnamedRow.__table__)
SCOPE = cast(Table, s.ScopeRow.__table__)
PROPERTY = cast(Table, s.PropertyRow.__table__)
CHILDREN: dict[Table, tuple[Table, ...]] = {
    SOURCE: (DERIVATION, CITATION, SOURCE_MENTION),
    ENTITY: (ALIAS, DISTINCT),
    CLAIM: (VALUE_ENTITY, SPEAKER, MENTION, CONTRADICTION, UNNAMED),
    SCOPE: (),
    PROPERTY: (),
}
PARENT_KEY = {
    CITATION: "source_id",
    SOURCE_MENTION: "source_id",
    UNNAMED: "claim_id",
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

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its tables by name (another process made it: ledger/pool.py)."""
        children = {table.name: rows for table, rows in self.children.items()}
        return _rowset, (self.table.name, self.main, children)

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


def _rowset(table: str, main: Row, children: dict[str, list[Row]]) -> RowSet:
    tables = s.Base.metadata.tables
    return RowSet(tables[table], main, {tables[name]: rows for name, rows in children.items()})


def _links(parent: str, ident: str, column: str, values: Sequence[str]) -> list[Row]:
    return [{parent: ident, "position": i, column: v} for i, v in enumerate(values)]


def source_rows(source: Source) -> RowSet:
    start, _ = dates.sortable_span(source.published) if source.published else (None, None)
    main: Row = {
        "id": source.id,
        "title": source.title,
        "kind": source.kind.value,
        "reliability": source.reliability.value,
        "reliability_given": source.reliability_given,
        "publisher": source.publisher,
        "authors": list(source.authors),
        "published": span_text(source.published),
        "published_start": start,
        "url": source.url,
        "language": source.language,
        "archive_path": source.archive.path if source.archive else None,
        "archive_sha256": source.archive.sha256 if source.archive else None,
        "notes": source.notes,
    }
    links = _links("source_id", source.id, "derived_from_id", source.derived_from)
    cites = _links("source_id", source.id, "cited_id", source.cites)
    mentions = _mention_rows("source_id", source.id, source.mentions)
    children = {DERIVATION: links, CITATION: cites, SOURCE_MENTION: mentions}
    return RowSet(SOURCE, main, children).seal(source.origin)


def _mention_rows(parent: str, ident: str, mentions: Sequence[Mention]) -> list[Row]:
    return [
        {
            parent: ident,
            "position": i,
            "name": m.name,
            "name_folded": fold(m.name),
            "entity_id": m.entity,
            "kind": m.kind.value if m.kind else None,
        }
        for i, m in enumerate(mentions)
    ]


def span_text(span: TimeSpan | None) -> str | None:
    """A date as stored: its words, or (when flags its words do not carry mark it) the
    mapping form as JSON, {"date": "2020-03-25", "inferred": true}."""
    if span is None:
        return None
    said = parsed_span(span.text)
    flags = {
        "approximate": span.approximate and not said.approximate,
        "inferred": span.inferred,
    }
    if not any(flags.values()):
        return span.text
    return json.dumps({"date": span.text} | {k: True for k, on in flags.items() if on})


def scope_row(scope: Scope) -> RowSet:
    main: Row = {
        "id": scope.id,
        "name": scope.name,
        "within": scope.within,
        "aliases": list(scope.aliases),
        "notes": scope.notes,
    }
    return RowSet(SCOPE, main, {}).seal(scope.origin)


def property_row(spec: PropertySpec) -> RowSet:
    traits: Row = {
        "description": spec.description,
        "single_valued": spec.single_valued,
        "count": spec.count,
        "tally": spec.tally.value if spec.tally else None,
        "within": list(spec.within),
        "sum_of": list(spec.sum_of),
        "attribution": spec.attribution,
        "unit": spec.unit,
    }
    return RowSet(PROPERTY, {"id": spec.id, "kind": spec.kind.value, "traits": traits}, {}).seal(
        spec.origin
    )


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
    period_start, period_end = dates.sortable_span(claim.period) if claim.period else (None, None)
    estimate = conf.estimate(claim.confidence) if claim.confidence else None
    main: Row = {
        "id": claim.id,
        "subject_id": claim.subject,
        "property": claim.property,
        **_value_columns(claim.value),
        "unit": claim.unit,
        "scope": claim.scope,
        "as_of": span_text(claim.as_of),
        "as_of_start": as_of_start,
        "as_of_end": as_of_end,
        "period": span_text(claim.period),
        "period_start": period_start,
        "period_end": period_end,
        "polarity": claim.polarity.value,
        "stance": claim.stance,
        "source_id": claim.source,
        "quote": claim.quote,
        "locator": claim.locator,
        **_confidence_columns(claim.confidence),
        "confidence_estimate": estimate,
        "supersedes_id": claim.supersedes,
        "parts": [_part(p) for p in claim.parts] or None,
        "parts_complete": claim.parts_complete,
        "notes": claim.notes,
    }
    entities = claim.value.ids if isinstance(claim.value, EntityValue) else ()
    mentions = _mention_rows("claim_id", claim.id, claim.mentions)
    unnamed = [
        {"claim_id": claim.id, "position": i, "description": u.description, "of_id": u.of}
        for i, u in enumerate(claim.unnamed)
    ]
    return RowSet(
        CLAIM,
        main,
        {
            VALUE_ENTITY: _links("claim_id", claim.id, "entity_id", entities),
            SPEAKER: _links("claim_id", claim.id, "entity_id", claim.said_by),
            MENTION: mentions,
            CONTRADICTION: _links("claim_id", claim.id, "other_id", claim.contradicts),
            UNNAMED: unnamed,
        },
    ).seal(claim.origin)


def _part(part: Part) -> Row:
    return {"scope": part.scope, **_quantity_row(part.value)}


def _quantity_row(value: Quantity) -> Row:
    return {
        "words": value.words,
        "low": value.low,
        "high": value.high,
        "low_open": value.low_open,
        "high_open": value.high_open,
        "qualifier": value.qualifier,
        "unit": value.unit,
        "best": value.best,
    }


def _quantity_of(row: Mapping[str, Any]) -> Quantity:
    return Quantity(
        words=row["words"],
        low=row["low"],
        high=row["high"],
        qualifier=row["qualifier"],
        low_open=bool(row["low_open"]),
        high_open=bool(row["high_open"]),
        unit=row["unit"],
        best=row.get("best"),
    )


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
    "value_best": None,
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
            value_best=value.best,
        )
    elif isinstance(value, EntityValue) and value.unknown:
        row["value_text"] = "unknown"
    elif isinstance(value, TimeSpan):
        row["value_text"] = span_text(value)
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
    """A stored date: its words, or the mapping form as JSON (see span_text)."""
    if text is None:
        return None
    if not text.startswith("{"):
        return parsed_span(text)
    mapping = json.loads(text)
    flags = {k: bool(mapping.get(k)) or None for k in dates.SPAN_FLAGS}
    return dates.flagged(parsed_span(mapping["date"]), **flags)


@lru_cache(maxsize=4_096)
def _confidence(probability: float | None, term: str | None, credibility: int | None) -> Confidence:
    return conf.make_confidence(probability, term, credibility)


_POLARITY = {p.value: p for p in Polarity}
_SOURCE_KIND = {k.value: k for k in SourceKind}
_RELIABILITY = {g.value: g for g in Reliability}
_ENTITY_KIND = {k.value: k for k in EntityKind}
_VALUE_KIND = {k.value: k for k in ValueKind}


@dataclass(frozen=True, slots=True)
class SourceLinks:
    derived_from: Sequence[str] = ()
    cites: Sequence[str] = ()
    mentions: Sequence[Mention] = ()


def to_source(row: Mapping[Any, Any], links: SourceLinks) -> Source:
    archive = Archive(row["archive_path"], row["archive_sha256"]) if row["archive_path"] else None
    return Source(
        id=row["id"],
        title=row["title"],
        kind=_SOURCE_KIND[row["kind"]],
        reliability=_RELIABILITY[row["reliability"]],
        reliability_given=bool(row["reliability_given"]),
        publisher=row["publisher"],
        authors=tuple(row["authors"]),
        published=_span(row["published"]),
        url=row["url"],
        language=row["language"],
        archive=archive,
        derived_from=tuple(links.derived_from),
        cites=tuple(links.cites),
        mentions=tuple(links.mentions),
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
    unnamed: Sequence[Unnamed] = ()


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
        period=_span(row["period"]),
        polarity=_POLARITY[row["polarity"]],
        stance=row["stance"],
        said_by=tuple(links.said_by),
        unnamed=tuple(links.unnamed),
        quote=row["quote"],
        locator=row["locator"],
        mentions=tuple(links.mentions),
        confidence=_confidence(probability, term, credibility) if given else None,
        contradicts=tuple(links.contradicts),
        supersedes=row["supersedes_id"],
        parts=tuple(Part(p["scope"], _quantity_of(p)) for p in row["parts"] or ()),
        parts_complete=bool(row["parts_complete"]),
        notes=row["notes"],
        origin=_origin(row),
    )


def to_scope(row: Mapping[Any, Any]) -> Scope:
    return Scope(
        id=row["id"],
        name=row["name"],
        within=row["within"],
        aliases=tuple(row["aliases"]),
        notes=row["notes"],
        origin=_origin(row),
    )


def to_property(row: Mapping[Any, Any]) -> PropertySpec:
    traits = row["traits"]
    return PropertySpec(
        id=row["id"],
        kind=_VALUE_KIND[row["kind"]],
        description=traits.get("description") or "",
        single_valued=bool(traits.get("single_valued")),
        count=bool(traits.get("count")),
        tally=Tally(traits["tally"]) if traits.get("tally") else None,
        within=tuple(traits.get("within") or ()),
        sum_of=tuple(traits.get("sum_of") or ()),
        attribution=bool(traits.get("attribution")),
        unit=traits.get("unit"),
        origin=_origin(row),
    )


def _value(row: Mapping[Any, Any], entities: Sequence[str]) -> Value:
    kind = _VALUE_KIND[row["value_kind"]]
    if kind is ValueKind.ENTITY:
        return EntityValue(tuple(entities), unknown=row["value_text"] == "unknown")
    if kind is ValueKind.QUANTITY:
        return Quantity(
            words=row["value_text"],
            low=row["value_low"],
            high=row["value_high"],
            qualifier=row["value_qualifier"],
            low_open=bool(row["value_low_open"]),
            high_open=bool(row["value_high_open"]),
            unit=row["value_unit"],
            best=row["value_best"],
        )
    if kind is ValueKind.DATE:
        span = _span(row["value_text"])
        assert span is not None
        return span
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
