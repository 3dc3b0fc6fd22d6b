"""Sessions, the one place they are opened: on the ledger database (its schema brought up to
date first), on a private in-memory store for checking ledger files, and read-only for a
second checking process. Callers receive a session and hand it down; nothing else in the
project opens one."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateIndex, CreateTable

from provenance.db import migrate
from provenance.db.engine import (
    database_url,
    has_schema,
    make_engine,
    reader_engine,
    shown,
    sqlite_path,
    unreachable,
)
from provenance.db.schema import Base
from provenance.errors import DatabaseError


@contextmanager
def ledger_session(
    db: str | None, *, create: bool = False, write: bool = True
) -> Iterator[Session]:
    """A transaction on the ledger database (``--db``, else $PROVENANCE_DB, else the default
    file), its schema brought up to date first. Without ``create``, a database that does not
    exist yet is an error rather than a new file; without ``write``, a SQLite file is opened
    read-only (so that a database in a read-only folder can be read)."""
    url = database_url(db)
    path = sqlite_path(url)
    if not create and path is not None and not path.exists() and not path.is_symlink():
        raise DatabaseError(
            f"no ledger database at {path} yet "
            "(run `provenance import claims/` first, or give --db)"
        )
    engine = make_engine(url, write=write or path is None)
    try:
        if not _up_to_date(engine, url, create):
            _upgrade(engine if write or path is None else make_engine(url))
        with transaction(engine) as session:
            yield session
    except OperationalError as error:
        raise unreachable(engine, error) from None
    finally:
        engine.dispose()


def _up_to_date(engine: Engine, url: str, create: bool) -> bool:
    """Whether the schema is the newest; a database of a newer provenance is refused."""
    if not (has_schema(engine) or create):
        raise DatabaseError(f"{shown(url)} holds no ledger yet (run `provenance init`)")
    revision = migrate.current(engine)
    if revision is not None and revision != migrate.head() and not migrate.known(revision):
        raise DatabaseError(
            f"the database {shown(url)} has schema revision {revision}, which this version of "
            "provenance does not know: a newer provenance wrote it (upgrade provenance, "
            "e.g. pip install -U provenance; nothing was changed)"
        )
    return revision == migrate.head()


def _upgrade(engine: Engine) -> None:
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()


@contextmanager
def reader_session(url: str) -> Iterator[Session]:
    """A read-only session of its own on the database at ``url`` (see reader_engine)."""
    engine = reader_engine(url)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


_scratch: list[Engine] = []


def _scratch_engine() -> Engine:
    """One engine for every scratch store of the process, so that its compiled statements
    are reused; each of its connections is a new, empty in-memory database (NullPool)."""
    if not _scratch:
        _scratch.append(create_engine("sqlite://", poolclass=NullPool))
    return _scratch[0]


@contextmanager
def scratch_session() -> Iterator[Session]:
    """A session on a private in-memory database with the current schema, for checking
    ledger files without a database file. References are not enforced: a reference to
    nothing is what the dangling-reference rule reports. The database vanishes with the
    session."""
    engine = _scratch_engine()
    with engine.connect() as connection:
        for statement in _schema_ddl(engine):
            connection.exec_driver_sql(statement)
        with Session(bind=connection) as session:
            yield session


_ddl: list[str] = []


def _schema_ddl(engine: Engine) -> list[str]:
    """The schema's CREATE statements, compiled once (SQLAlchemy does not cache DDL)."""
    if not _ddl:
        for table in Base.metadata.sorted_tables:
            _ddl.append(str(CreateTable(table).compile(dialect=engine.dialect)))
            _ddl.extend(
                str(CreateIndex(index).compile(dialect=engine.dialect))
                for index in sorted(table.indexes, key=lambda i: str(i.name))
            )
    return _ddl


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One session, one transaction: committed when the block ends, rolled back on error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory.begin() as session:
        yield session
