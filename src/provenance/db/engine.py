"""Engines: which database a command uses, and the one place where SQLite and PostgreSQL are
set up differently. Sessions on them are opened in db/sessions.py."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

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
    """The URL as messages show it: never with a password, even when it cannot be read."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _PASSWORD.sub(r"\1***@", url)


_PASSWORD = re.compile(r"^([^:/?#]+://[^:/?#@]*:)[^@/]*@")
"""scheme://user:PASSWORD@ at the start of a URL."""


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL; None for other databases and in-memory SQLite."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


GIVE = "give a file path, sqlite:///file.db or postgresql://user@host/db"


def make_engine(url: str, *, write: bool = True) -> Engine:
    """An engine on ``url``; without ``write``, a SQLite file is opened read-only (and as
    unchanging when its folder cannot be written, where SQLite could not keep its WAL)."""
    try:
        parsed = make_url(url)
        parsed.get_dialect()
    except NoSuchModuleError:  # before ArgumentError, its base
        raise DatabaseError(
            f"'{shown(url)}' is not a database URL provenance can open: no driver for "
            f"'{parsed.drivername}' ({GIVE})"
        ) from None
    except (ArgumentError, ValueError) as error:
        reason = "its port is not a number" if "int()" in str(error) else _reason(error)
        raise DatabaseError(f"'{shown(url)}' is not a database URL: {reason} ({GIVE})") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed) if write else _read_only_sqlite(parsed)
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


def _reason(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _read_only_sqlite(url: URL) -> Engine:
    """The SQLite file of ``url`` opened read-only (a URI, which SQLite reads itself)."""
    path = Path(url.database or "")
    if not url.database or url.database == ":memory:" or url.query.get("uri"):
        return _sqlite_engine(url)
    if path.is_dir():
        raise DatabaseError(
            f"cannot use the database {path}: it is a folder, not a database file "
            "(give the path of a file with --db)"
        )
    unchanging = not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists()
    mode = "immutable=1" if unchanging else "mode=ro"
    location = "file:" + quote(str(path.resolve())) + f"?{mode}"
    return _sqlite_engine(url.set(database=location, query={"uri": "true"}), read_only=True)


def _sqlite_engine(url: URL, *, read_only: bool = False) -> Engine:
    if url.database and url.database != ":memory:" and not url.query.get("uri"):
        _make_folder(Path(url.database))
    engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_MS / 1000})
    memory = not url.database or url.database == ":memory:"
    event.listen(engine, "connect", lambda conn, _: _sqlite_pragmas(conn, memory, read_only))
    begin = "BEGIN" if read_only else "BEGIN IMMEDIATE"
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql(begin))
    return engine


def _make_folder(path: Path) -> None:
    """The folder of a SQLite file, created if missing; every failure a clear message."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise DatabaseError(
            f"cannot use the database {path}: {_first_file(folder)} is a file, not a folder "
            "(give another path with --db)"
        ) from None
    except OSError as error:
        raise DatabaseError(
            f"cannot create the folder {folder} for the database {path}: "
            f"{(error.strerror or str(error)).lower()} (give another path with --db)"
        ) from None
    if path.is_dir():
        raise DatabaseError(
            f"cannot use the database {path}: it is a folder, not a database file "
            "(give the path of a file with --db)"
        )


def _first_file(folder: Path) -> Path:
    for above in (*reversed(folder.parents), folder):
        if above.exists() and not above.is_dir():
            return above
    return folder


def _sqlite_pragmas(dbapi_connection: Any, memory: bool, read_only: bool = False) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN, so a write transaction takes its lock up
    # front instead of failing half-way with "database is locked".
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_MS}")
    if not memory and not read_only:
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def has_schema(engine: Engine) -> bool:
    try:
        return inspect(engine).has_table("alembic_version")
    except SQLAlchemyDatabaseError as error:  # OperationalError, or a file that is not SQLite
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
    where = _where(engine)
    if "file is not a database" in reason.lower():
        return DatabaseError(
            f"{where} is not a ledger database: SQLite cannot read it, it is some other kind "
            f"of file or a damaged one ({reason}; give the path of a ledger database with "
            "--db, or move the file away)"
        )
    if engine.url.get_backend_name() == "sqlite":
        return DatabaseError(
            f"cannot use the database {where}: {reason} (check --db or ${ENV_VAR}, and that "
            "you may read and write the file and its folder)"
        )
    return DatabaseError(
        f"cannot use the database {where}: {reason} "
        f"(check --db or ${ENV_VAR}, and that the server is running)"
    )


def _where(engine: Engine) -> str:
    """The database as the user named it: a SQLite file's path, else the URL."""
    database = engine.url.database or ""
    if engine.url.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return shown(str(engine.url))
    if database.startswith("file:"):
        return unquote(database[len("file:") :].split("?")[0])
    return database
