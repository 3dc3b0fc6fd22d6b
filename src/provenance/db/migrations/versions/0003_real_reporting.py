"""What real reporting says: best estimates, periods, parts, unnamed speakers, questioned
polarity (a value, no column), sources' citations and mentions, and the scopes and
properties a ledger declares.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ID = sa.String(length=100)


def _ref(table: str, column: str, target: str, *, cascade: bool = False) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete="CASCADE" if cascade else None,
        initially="DEFERRED",
        deferrable=True,
    )


def _recorded() -> list[sa.Column[object]]:
    return [
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("origin_file", sa.Text(), nullable=True),
        sa.Column("origin_line", sa.Integer(), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("source") as batch:
        batch.add_column(
            sa.Column("reliability_given", sa.Boolean(), nullable=False, server_default=sa.true())
        )
    with op.batch_alter_table("claim") as batch:
        batch.add_column(sa.Column("value_best", sa.Float(), nullable=True))
        batch.add_column(sa.Column("period", sa.Text(), nullable=True))
        batch.add_column(sa.Column("period_start", sa.String(length=19), nullable=True))
        batch.add_column(sa.Column("period_end", sa.String(length=19), nullable=True))
        batch.add_column(sa.Column("parts", sa.JSON(), nullable=True))
        batch.add_column(
            sa.Column("parts_complete", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("claim_mention") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=32), nullable=True))

    op.create_table(
        "source_citation",
        sa.Column("source_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("cited_id", ID, nullable=False),
        _ref("source_citation", "cited_id", "source"),
        _ref("source_citation", "source_id", "source", cascade=True),
        sa.PrimaryKeyConstraint("source_id", "position", name=op.f("pk_source_citation")),
    )
    op.create_index(op.f("ix_source_citation_cited_id"), "source_citation", ["cited_id"])
    op.create_table(
        "source_mention",
        sa.Column("source_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_folded", sa.Text(), nullable=False),
        sa.Column("entity_id", ID, nullable=True),
        sa.Column("kind", sa.String(length=32), nullable=True),
        _ref("source_mention", "entity_id", "entity"),
        _ref("source_mention", "source_id", "source", cascade=True),
        sa.PrimaryKeyConstraint("source_id", "position", name=op.f("pk_source_mention")),
    )
    op.create_index(op.f("ix_source_mention_name_folded"), "source_mention", ["name_folded"])
    op.create_index(op.f("ix_source_mention_entity_id"), "source_mention", ["entity_id"])
    op.create_table(
        "claim_unnamed",
        sa.Column("claim_id", ID, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("of_id", ID, nullable=True),
        _ref("claim_unnamed", "claim_id", "claim", cascade=True),
        _ref("claim_unnamed", "of_id", "entity"),
        sa.PrimaryKeyConstraint("claim_id", "position", name=op.f("pk_claim_unnamed")),
    )
    op.create_index(op.f("ix_claim_unnamed_of_id"), "claim_unnamed", ["of_id"])
    op.create_table(
        "scope",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("within", ID, nullable=True),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=True),
        *_recorded(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scope")),
    )
    op.create_table(
        "property",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("traits", sa.JSON(), nullable=False),
        *_recorded(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_property")),
    )


def downgrade() -> None:
    for table in ("property", "scope", "claim_unnamed", "source_mention", "source_citation"):
        op.drop_table(table)
    with op.batch_alter_table("claim_mention") as batch:
        batch.drop_column("kind")
    with op.batch_alter_table("claim") as batch:
        for column in ("parts_complete", "parts", "period_end", "period_start", "period"):
            batch.drop_column(column)
        batch.drop_column("value_best")
    with op.batch_alter_table("source") as batch:
        batch.drop_column("reliability_given")
