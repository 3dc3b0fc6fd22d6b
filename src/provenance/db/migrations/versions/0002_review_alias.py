"""Reviews record the entity and the spelling a same-entity verdict accepts as an alias.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.add_column(sa.Column("entity_id", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("alias", sa.Text(), nullable=True))
        batch.create_index(batch.f("ix_review_entity_id"), ["entity_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review") as batch:
        batch.drop_index(batch.f("ix_review_entity_id"))
        batch.drop_column("alias")
        batch.drop_column("entity_id")
