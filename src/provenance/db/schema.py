"""The database schema as typed ORM classes. Rows stay in db/; store.py converts them to and
from domain records. Every index a check relies on says which one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
ID = String(100)
SORTABLE = String(19)  # "YYYY-MM-DDTHH:MM:SS", see dates.sortable


def _ref(target: str, *, cascade: bool = False) -> ForeignKey:
    """References are checked at commit, so one import may insert rows in any order."""
    return ForeignKey(
        target, ondelete="CASCADE" if cascade else None, deferrable=True, initially="DEFERRED"
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Recorded:
    """Columns every ledger record has: a digest of its content and where it was written."""

    digest: Mapped[str] = mapped_column(String(64))
    origin_file: Mapped[str | None] = mapped_column(Text)
    origin_line: Mapped[int | None] = mapped_column(Integer)


class SourceRow(Recorded, Base):
    __tablename__ = "source"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    reliability: Mapped[str] = mapped_column(String(1))
    reliability_given: Mapped[bool] = mapped_column(Boolean, default=True)
    publisher: Mapped[str | None] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JSON)
    published: Mapped[str | None] = mapped_column(Text)
    published_start: Mapped[str | None] = mapped_column(SORTABLE)
    url: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(35))
    archive_path: Mapped[str | None] = mapped_column(Text)
    archive_sha256: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str | None] = mapped_column(Text)


class SourceDerivationRow(Base):
    """source derived_from another: circular-reporting follows these links."""

    __tablename__ = "source_derivation"

    source_id: Mapped[str] = mapped_column(_ref("source.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    derived_from_id: Mapped[str] = mapped_column(_ref("source.id"), index=True)


class SourceCitationRow(Base):
    """source cites another: their claims, repeated, count as one voice."""

    __tablename__ = "source_citation"

    source_id: Mapped[str] = mapped_column(_ref("source.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    cited_id: Mapped[str] = mapped_column(_ref("source.id"), index=True)


class SourceMentionRow(Base):
    """A name as a source spells it, outside any claim."""

    __tablename__ = "source_mention"

    source_id: Mapped[str] = mapped_column(_ref("source.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, index=True)  # spelling-variant blocking
    entity_id: Mapped[str | None] = mapped_column(_ref("entity.id"), index=True)
    kind: Mapped[str | None] = mapped_column(String(32))


class EntityRow(Recorded, Base):
    __tablename__ = "entity"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, index=True)  # spelling-variant blocking
    part_of_id: Mapped[str | None] = mapped_column(_ref("entity.id"), index=True)
    notes: Mapped[str | None] = mapped_column(Text)


class EntityAliasRow(Base):
    __tablename__ = "entity_alias"

    entity_id: Mapped[str] = mapped_column(_ref("entity.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, index=True)  # spelling-variant blocking


class EntityDistinctRow(Base):
    __tablename__ = "entity_distinct"

    entity_id: Mapped[str] = mapped_column(_ref("entity.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    other_id: Mapped[str] = mapped_column(_ref("entity.id"), index=True)


class ClaimRow(Recorded, Base):
    __tablename__ = "claim"
    __table_args__ = (
        # numeric-conflict, date-conflict, attribute-conflict, disputed-attribution and denial
        # compare claims only within one subject and property, ordered by time.
        Index("ix_claim_subject_property_as_of", "subject_id", "property", "as_of_start"),
    )

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    subject_id: Mapped[str] = mapped_column(_ref("entity.id"))
    property: Mapped[str] = mapped_column(String(100))
    value_kind: Mapped[str] = mapped_column(String(16))
    value_text: Mapped[str | None] = mapped_column(Text)  # words, date text or text
    value_low: Mapped[float | None] = mapped_column(Float)
    value_high: Mapped[float | None] = mapped_column(Float)
    value_low_open: Mapped[bool | None] = mapped_column(Boolean)
    value_high_open: Mapped[bool | None] = mapped_column(Boolean)
    value_qualifier: Mapped[str | None] = mapped_column(String(32))
    value_unit: Mapped[str | None] = mapped_column(String(32))
    value_start: Mapped[str | None] = mapped_column(SORTABLE)
    value_end: Mapped[str | None] = mapped_column(SORTABLE)
    value_best: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(Text)
    scope: Mapped[str | None] = mapped_column(Text)
    as_of: Mapped[str | None] = mapped_column(Text)
    as_of_start: Mapped[str | None] = mapped_column(SORTABLE)
    as_of_end: Mapped[str | None] = mapped_column(SORTABLE)
    period: Mapped[str | None] = mapped_column(Text)
    period_start: Mapped[str | None] = mapped_column(SORTABLE)
    period_end: Mapped[str | None] = mapped_column(SORTABLE)
    polarity: Mapped[str] = mapped_column(String(16))
    stance: Mapped[str | None] = mapped_column(Text)
    source_id: Mapped[str] = mapped_column(_ref("source.id"), index=True)
    quote: Mapped[str | None] = mapped_column(Text)
    locator: Mapped[str | None] = mapped_column(Text)
    confidence_probability: Mapped[float | None] = mapped_column(Float)
    confidence_term: Mapped[str | None] = mapped_column(String(32))
    confidence_credibility: Mapped[int | None] = mapped_column(Integer)
    confidence_estimate: Mapped[float | None] = mapped_column(Float)  # overconfidence
    supersedes_id: Mapped[str | None] = mapped_column(_ref("claim.id"), index=True)
    parts: Mapped[list[dict[str, object]] | None] = mapped_column(JSON)
    parts_complete: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


class ClaimValueEntityRow(Base):
    __tablename__ = "claim_value_entity"

    claim_id: Mapped[str] = mapped_column(_ref("claim.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(_ref("entity.id"), index=True)


class ClaimSpeakerRow(Base):
    __tablename__ = "claim_speaker"

    claim_id: Mapped[str] = mapped_column(_ref("claim.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[str] = mapped_column(_ref("entity.id"), index=True)


class ClaimMentionRow(Base):
    __tablename__ = "claim_mention"

    claim_id: Mapped[str] = mapped_column(_ref("claim.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    name_folded: Mapped[str] = mapped_column(Text, index=True)  # spelling-variant blocking
    entity_id: Mapped[str | None] = mapped_column(_ref("entity.id"), index=True)
    kind: Mapped[str | None] = mapped_column(String(32))


class ClaimUnnamedRow(Base):
    """A speaker the source describes without naming, of an organisation if it says."""

    __tablename__ = "claim_unnamed"

    claim_id: Mapped[str] = mapped_column(_ref("claim.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    description: Mapped[str] = mapped_column(Text)
    of_id: Mapped[str | None] = mapped_column(_ref("entity.id"), index=True)


class ClaimContradictionRow(Base):
    __tablename__ = "claim_contradiction"

    claim_id: Mapped[str] = mapped_column(_ref("claim.id", cascade=True), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    other_id: Mapped[str] = mapped_column(_ref("claim.id"), index=True)


class ScopeRow(Recorded, Base):
    """A scope the ledger declares (the shipped vocabulary is not stored)."""

    __tablename__ = "scope"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    within: Mapped[str | None] = mapped_column(ID)
    aliases: Mapped[list[str]] = mapped_column(JSON)
    notes: Mapped[str | None] = mapped_column(Text)


class PropertyRow(Recorded, Base):
    """A property the ledger declares, its traits as written."""

    __tablename__ = "property"

    id: Mapped[str] = mapped_column(ID, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    traits: Mapped[dict[str, object]] = mapped_column(JSON)


class ReviewRow(Base):
    """Append-only: a review is never updated or deleted; the latest for a conflict wins.
    ``in_favour_of`` is not a foreign key, so that no ledger change can take a review away."""

    __tablename__ = "review"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # digest of its content
    conflict_id: Mapped[str] = mapped_column(String(128), index=True)  # applying reviews
    verdict: Mapped[str] = mapped_column(String(32))
    in_favour_of: Mapped[str | None] = mapped_column(ID)
    entity_id: Mapped[str | None] = mapped_column(ID, index=True)  # show: accepted aliases
    alias: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    origin_file: Mapped[str | None] = mapped_column(Text)
    origin_line: Mapped[int | None] = mapped_column(Integer)
