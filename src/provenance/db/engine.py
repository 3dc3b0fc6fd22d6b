"""Engines: which database a command uses, and the one place where SQLite and PostgreSQL are
set up differently. Sessions on them are opened in db/sessions.py."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from provenance.errors import DatabaseError

ENV_VAR = "PROVENANCE_DB"
DEFAULT_PATH = Path(".provenance") / "provenance.db"
SQLITE_BUSY_MS = 30_000


def database_url(given: str | None = None) -> str:
    """The --db option, else $PROVENANCE_DB, else a SQLite file in ./.provenance/.
    A plain path means a SQLite file; postgresql:// uses the psycopg driver."""
    url = given or os.environ.get(ENV_VAR) or str(DEFAULT_PATH)
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def shown(url: str) -> str:
    """The URL as messages show it: never with a password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except NoSuchModuleError:  # before ArgumentError, its base
        raise DatabaseError(
            f"'{url}' is not a database URL provenance can open: no driver for "
            f"'{parsed.drivername}' (give a file path, sqlite:///file.db or "
            "postgresql://user@host/db)"
        ) from None
    except ArgumentError as error:
        raise DatabaseError(f"'{url}' is not a database URL: {error}") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except ModuleNotFoundError as error:
        raise DatabaseError(
            f"the driver for {parsed.get_backend_name()} is not installed ({error.name}); "
            "for PostgreSQL: pip install 'provenance[postgres]'"
        ) from None


def reader_engine(url: str) -> Engine:
    """An engine that only reads, for a second process beside one that holds a
    transaction: SQLite without the up-front write lock (WAL lets it read meanwhile)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return make_engine(url)
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_MS / 1000})

    def pragmas(dbapi_connection: Any, _: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA query_only = ON")
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
        cursor.close()

    event.listen(engine, "connect", pragmas)
    return engine


def _sqlite_engine(url: URL) -> Engine:
    if url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
    memory = not url.database or url.database == ":memory:"
    event.listen(engine, "connect", lambda conn, _: _sqlite_pragmas(conn, memory))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def _sqlite_pragmas(dbapi_connection: Any, memory: bool) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN, so a write transaction takes its lock up
    # front instead of failing half-way with "database is locked".
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
    if not memory:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def has_schema(engine: Engine) -> bool:
    try:
        return inspect(engine).has_table("alembic_version")
    except OperationalError as error:
        raise unreachable(engine, error) from None


BUSY = ("database is locked", "database is busy", "lock timeout", "could not obtain lock")
"""How drivers say another writer kept the database past the wait (SQLite's busy timeout,
PostgreSQL's lock_timeout, whose length is the server's setting, not ours)."""


def unreachable(engine: Engine, error: Exception) -> DatabaseError:
    reason = str(getattr(error, "orig", error)).strip().splitlines()[0]
    if any(words in reason.lower() for words in BUSY):
        waited = SQLITE_BUSY_MS / 1000 if engine.url.get_backend_name() == "sqlite" else None
        return DatabaseError(
            f"the database {shown(str(engine.url))} stayed busy with another writer"
            f"{f' for {waited:g} s' if waited else ''} (an import or a review by someone "
            "else?); nothing was written (run the command again when the other one has finished)"
        )
    return DatabaseError(
        f"cannot use the database {shown(str(engine.url))}: {reason} "
        f"(check --db or ${ENV_VAR}, and that the server is running)"
    )
