"""Initial schema: sources, entities, claims, their links, and reviews.

Revision ID: 0001
Revises:
Create Date: 2026-11-21 14:20:42.961380
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "entity",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_folded", sa.Text(), nullable=False),
        sa.Column("part_of_id", sa.String(length=100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("origin_file", sa.Text(), nullable=True),
        sa.Column("origin_line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["part_of_id"],
            ["entity.id"],
            name=op.f("fk_entity_part_of_id_entity"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity")),
    )
    op.create_index(op.f("ix_entity_name_folded"), "entity", ["name_folded"], unique=False)
    op.create_index(op.f("ix_entity_part_of_id"), "entity", ["part_of_id"], unique=False)

    op.create_table(
        "review",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("conflict_id", sa.String(length=128), nullable=False),
        sa.Column("verdict", sa.String(length=32), nullable=False),
        sa.Column("in_favour_of", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("origin_file", sa.Text(), nullable=True),
        sa.Column("origin_line", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review")),
    )
    op.create_index(op.f("ix_review_conflict_id"), "review", ["conflict_id"], unique=False)

    op.create_table(
        "source",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("reliability", sa.String(length=1), nullable=False),
        sa.Column("publisher", sa.Text(), nullable=True),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("published_start", sa.String(length=19), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("language", sa.String(length=35), nullable=True),
        sa.Column("archive_path", sa.Text(), nullable=True),
        sa.Column("archive_sha256", sa.String(length=64), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("origin_file", sa.Text(), nullable=True),
        sa.Column("origin_line", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_source")),
    )
    op.create_table(
        "claim",
        sa.Column("id", sa.String(length=100), nullable=False),
        sa.Column("subject_id", sa.String(length=100), nullable=False),
        sa.Column("property", sa.String(length=100), nullable=False),
        sa.Column("value_kind", sa.String(length=16), nullable=False),
        sa.Column("value_text", sa.Text(), nullable=True),
        sa.Column("value_low", sa.Float(), nullable=True),
        sa.Column("value_high", sa.Float(), nullable=True),
        sa.Column("value_low_open", sa.Boolean(), nullable=True),
        sa.Column("value_high_open", sa.Boolean(), nullable=True),
        sa.Column("value_qualifier", sa.String(length=32), nullable=True),
        sa.Column("value_unit", sa.String(length=32), nullable=True),
        sa.Column("value_start", sa.String(length=19), nullable=True),
        sa.Column("value_end", sa.String(length=19), nullable=True),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("scope", sa.Text(), nullable=True),
        sa.Column("as_of", sa.Text(), nullable=True),
        sa.Column("as_of_start", sa.String(length=19), nullable=True),
        sa.Column("as_of_end", sa.String(length=19), nullable=True),
        sa.Column("polarity", sa.String(length=16), nullable=False),
        sa.Column("stance", sa.Text(), nullable=True),
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("locator", sa.Text(), nullable=True),
        sa.Column("confidence_probability", sa.Float(), nullable=True),
        sa.Column("confidence_term", sa.String(length=32), nullable=True),
        sa.Column("confidence_credibility", sa.Integer(), nullable=True),
        sa.Column("confidence_estimate", sa.Float(), nullable=True),
        sa.Column("supersedes_id", sa.String(length=100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("origin_file", sa.Text(), nullable=True),
        sa.Column("origin_line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_claim_source_id_source"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["entity.id"],
            name=op.f("fk_claim_subject_id_entity"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["claim.id"],
            name=op.f("fk_claim_supersedes_id_claim"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claim")),
    )
    op.create_index(op.f("ix_claim_source_id"), "claim", ["source_id"], unique=False)
    op.create_index(op.f("ix_claim_supersedes_id"), "claim", ["supersedes_id"], unique=False)
    op.create_index(
        "ix_claim_subject_property_as_of",
        "claim",
        ["subject_id", "property", "as_of_start"],
        unique=False,
    )

    op.create_table(
        "entity_alias",
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_folded", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_entity_alias_entity_id_entity"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("entity_id", "position", name=op.f("pk_entity_alias")),
    )
    op.create_index(
        op.f("ix_entity_alias_name_folded"), "entity_alias", ["name_folded"], unique=False
    )

    op.create_table(
        "entity_distinct",
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_entity_distinct_entity_id_entity"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["entity.id"],
            name=op.f("fk_entity_distinct_other_id_entity"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("entity_id", "position", name=op.f("pk_entity_distinct")),
    )
    op.create_index(
        op.f("ix_entity_distinct_other_id"), "entity_distinct", ["other_id"], unique=False
    )

    op.create_table(
        "source_derivation",
        sa.Column("source_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("derived_from_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["derived_from_id"],
            ["source.id"],
            name=op.f("fk_source_derivation_derived_from_id_source"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["source.id"],
            name=op.f("fk_source_derivation_source_id_source"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("source_id", "position", name=op.f("pk_source_derivation")),
    )
    op.create_index(
        op.f("ix_source_derivation_derived_from_id"),
        "source_derivation",
        ["derived_from_id"],
        unique=False,
    )

    op.create_table(
        "claim_contradiction",
        sa.Column("claim_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_contradiction_claim_id_claim"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["other_id"],
            ["claim.id"],
            name=op.f("fk_claim_contradiction_other_id_claim"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_contradiction")),
    )
    op.create_index(
        op.f("ix_claim_contradiction_other_id"), "claim_contradiction", ["other_id"], unique=False
    )

    op.create_table(
        "claim_mention",
        sa.Column("claim_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_folded", sa.Text(), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_mention_claim_id_claim"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_claim_mention_entity_id_entity"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_mention")),
    )
    op.create_index(
        op.f("ix_claim_mention_entity_id"), "claim_mention", ["entity_id"], unique=False
    )
    op.create_index(
        op.f("ix_claim_mention_name_folded"), "claim_mention", ["name_folded"], unique=False
    )

    op.create_table(
        "claim_speaker",
        sa.Column("claim_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_speaker_claim_id_claim"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_claim_speaker_entity_id_entity"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_speaker")),
    )
    op.create_index(
        op.f("ix_claim_speaker_entity_id"), "claim_speaker", ["entity_id"], unique=False
    )

    op.create_table(
        "claim_value_entity",
        sa.Column("claim_id", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"],
            ["claim.id"],
            name=op.f("fk_claim_value_entity_claim_id_claim"),
            ondelete="CASCADE",
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entity.id"],
            name=op.f("fk_claim_value_entity_entity_id_entity"),
            initially="DEFERRED",
            deferrable=True,
        ),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_value_entity")),
    )
    op.create_index(
        op.f("ix_claim_value_entity_entity_id"), "claim_value_entity", ["entity_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_claim_value_entity_entity_id"), table_name="claim_value_entity")

    op.drop_table("claim_value_entity")
    op.drop_index(op.f("ix_claim_speaker_entity_id"), table_name="claim_speaker")

    op.drop_table("claim_speaker")
    op.drop_index(op.f("ix_claim_mention_name_folded"), table_name="claim_mention")
    op.drop_index(op.f("ix_claim_mention_entity_id"), table_name="claim_mention")

    op.drop_table("claim_mention")
    op.drop_index(op.f("ix_claim_contradiction_other_id"), table_name="claim_contradiction")

    op.drop_table("claim_contradiction")
    op.drop_index(op.f("ix_source_derivation_derived_from_id"), table_name="source_derivation")

    op.drop_table("source_derivation")
    op.drop_index(op.f("ix_entity_distinct_other_id"), table_name="entity_distinct")

    op.drop_table("entity_distinct")
    op.drop_index(op.f("ix_entity_alias_name_folded"), table_name="entity_alias")

    op.drop_table("entity_alias")
    op.drop_index("ix_claim_subject_property_as_of", table_name="claim")
    op.drop_index(op.f("ix_claim_supersedes_id"), table_name="claim")
    op.drop_index(op.f("ix_claim_source_id"), table_name="claim")

    op.drop_table("claim")
    op.drop_table("source")
    op.drop_index(op.f("ix_review_conflict_id"), table_name="review")

    op.drop_table("review")
    op.drop_index(op.f("ix_entity_part_of_id"), table_name="entity")
    op.drop_index(op.f("ix_entity_name_folded"), table_name="entity")

    op.drop_table("entity")
