"""Steps about what the database holds."""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers, then
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.orm import Session

from provenance.db import store
from provenance.db.engine import database_url
from provenance.db.schema import Base
from provenance.model import Ledger
from steps.cli import Run, run_cli


def snapshot(url: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted: two equal snapshots mean an unchanged database."""
    engine = create_engine(database_url(url))
    try:
        tables: dict[str, list[tuple[Any, ...]]] = {}
        with engine.connect() as connection:
            names = set(inspect(connection).get_table_names())
            for table in Base.metadata.sorted_tables:
                if table.name in names:
                    rows = connection.execute(select(table)).all()
                    tables[table.name] = sorted((tuple(r) for r in rows), key=repr)
        return tables
    finally:
        engine.dispose()


@given("the database holds the sample ledger", target_fixture="before")
def sample_database(workdir: object, request: Any) -> dict[str, list[tuple[Any, ...]]]:
    run: Run = run_cli("provenance import claims/", request)
    assert run.result.exit_code == 0, run.stderr
    return snapshot()


@then("the database is unchanged")
def database_unchanged(before: dict[str, list[tuple[Any, ...]]]) -> None:
    assert snapshot() == before


def stored_ledger(url: str | None = None) -> Ledger:
    engine = create_engine(database_url(url))
    try:
        with Session(engine) as session:
            return store.ledger(session)
    finally:
        engine.dispose()


@then(parsers.parse('the database "{path}" holds the same records as the default database'))
def same_records(path: str) -> None:
    ours, theirs = stored_ledger(path), stored_ledger()
    assert len(ours) == len(theirs) > 0
    assert ours == theirs
