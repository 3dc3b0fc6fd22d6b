"""Rows straight from the driver, for the reads that touch every claim or source: at a
million rows, SQLAlchemy's per-row work costs more than the database's. Queries are still
built with SQLAlchemy Core and compiled for the dialect in use."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import count
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

BATCH = 5_000
_CURSORS = count()


def raw_rows(session: Session, query: Select[Any], batch: int = BATCH) -> Iterator[Any]:
    """The rows of ``query`` as the driver gives them (tuples, values unconverted), a batch
    at a time; on PostgreSQL from a server-side cursor, so memory holds a batch."""
    cursor = _executed(session, query)
    try:
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


def records(session: Session, query: Select[Any], batch: int = BATCH) -> Iterator[dict[str, Any]]:
    """The rows of ``query`` as dicts by column name, with each column type's conversion
    (JSON, booleans) applied where the dialect needs one."""
    dialect = session.connection().dialect
    columns = list(query.selected_columns)
    names = [str(column.key) for column in columns]
    cursor = _executed(session, query)
    try:
        codes = [item[1] for item in cursor.description]
        convert: list[tuple[str, Callable[[Any], Any]]] = []
        for column, name, code in zip(columns, names, codes, strict=True):
            found = column.type.dialect_impl(dialect).result_processor(dialect, code)
            if found is not None:
                convert.append((name, found))
        while rows := cursor.fetchmany(batch):
            for values in rows:
                row = dict(zip(names, values, strict=True))
                for name, process in convert:
                    row[name] = process(row[name])
                yield row
    finally:
        cursor.close()


def _executed(session: Session, query: Select[Any]) -> Any:
    connection = session.connection()
    dialect = connection.dialect
    compiled = query.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positiontup is not None:
        params = tuple(compiled.params[name] for name in compiled.positiontup)
    driver = connection.connection.driver_connection
    assert driver is not None
    if dialect.name == "postgresql":
        cursor = driver.cursor(name=f"provenance_{next(_CURSORS)}")  # server-side
    else:
        cursor = driver.cursor()
    cursor.execute(str(compiled), params)
    return cursor
