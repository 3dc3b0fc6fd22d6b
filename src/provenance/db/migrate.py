"""Creates and upgrades the schema through Alembic migrations (never drop-and-recreate)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from provenance.db.engine import unreachable

SCRIPT_LOCATION = "provenance.db:migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def head() -> str:
    revision = ScriptDirectory.from_config(_config()).get_current_head()
    assert revision is not None
    return revision


def current(engine: Engine) -> str | None:
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except OperationalError as error:
        raise unreachable(engine, error) from None


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Brings the schema to a revision (the newest by default); returns it."""
    config = _config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except OperationalError as error:
        raise unreachable(engine, error) from None
    return head() if revision == "head" else revision
