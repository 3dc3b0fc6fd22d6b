"""Creates and upgrades the schema through Alembic migrations (never drop-and-recreate)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

from provenance.db.engine import unreachable

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "provenance.db:migrations"
# Alembic is imported where it is used: checking ledger files never migrates anything.


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def head() -> str:
    from alembic.script import ScriptDirectory

    revision = ScriptDirectory.from_config(_config()).get_current_head()
    assert revision is not None
    return revision


def known(revision: str) -> bool:
    """Whether ``revision`` is one of this version's migrations."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def current(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    except DatabaseError as error:  # OperationalError, or a file that is not SQLite
        raise unreachable(engine, error) from None


def upgrade(engine: Engine, revision: str = "head") -> str:
    """Brings the schema to a revision (the newest by default); returns it."""
    from alembic import command

    config = _config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except OperationalError as error:
        raise unreachable(engine, error) from None
    return head() if revision == "head" else revision
