"""Alembic environment: runs migrations on the connection the caller hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from provenance.db.schema import Base


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("provenance migrations run through provenance.db.migrate")
run(connection)
