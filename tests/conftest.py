"""Shared fixtures: a temporary ledger folder, and database URLs for SQLite always and for
PostgreSQL when PROVENANCE_TEST_PG holds a server URL (each test gets its own schema)."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from provenance.db.engine import database_url

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "claims"
PG_ENV = "PROVENANCE_TEST_PG"

pytest_plugins = [
    "steps.cli",
    "steps.ledger",
    "steps.database",
    "steps.report",
    "steps.export",
    "steps.linting",
]


def pg_server() -> str | None:
    url = os.environ.get(PG_ENV)
    return database_url(url) if url else None


needs_pg = pytest.mark.skipif(pg_server() is None, reason=f"{PG_ENV} is not set")


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh folder as the current directory, with no database configured."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PROVENANCE_DB", raising=False)
    return tmp_path


@pytest.fixture
def shared(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh folder that another account may enter (pytest's own are private to root),
    as the current directory, with no database configured."""
    folder = Path(tempfile.mkdtemp(prefix="provenance-"))
    folder.chmod(0o777)
    monkeypatch.chdir(folder)
    monkeypatch.delenv("PROVENANCE_DB", raising=False)
    try:
        yield folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            if path.is_dir() and not path.is_symlink():
                path.chmod(0o777)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def shipped_ledger(workdir: Path) -> Path:
    """A copy of the repository's claims/ in the working folder."""
    target = workdir / "claims"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a schema made for this test alone."""
    if pg_server() is None:
        pytest.skip(f"{PG_ENV} is not set")
    with pg_schema() as url:
        yield url


@contextmanager
def pg_schema() -> Iterator[str]:
    """A PostgreSQL URL whose search_path is a new schema, dropped afterwards."""
    server = pg_server()
    assert server is not None
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in server else "?"
    try:
        yield f"{server}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.postgres, needs_pg])]
)
def db_url(request: pytest.FixtureRequest) -> str:
    """Each storage test runs on SQLite, and on PostgreSQL when a server is given."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    url: str = request.getfixturevalue(name)
    return url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The bad-input corpus's count: how many bad inputs were refused as documented with the
    database left exactly as it was (tests/hardening/test_bad_inputs.py)."""
    import sys

    module = sys.modules.get("test_bad_inputs")
    tried: dict[str, list[str]] = getattr(module, "TRIED", {})
    total = len(getattr(sys.modules.get("bad_input_corpus"), "CASES", ()))
    for kind, names in sorted(tried.items()):
        terminalreporter.write_line(
            f"bad-input corpus on {kind}: {len(names)} of {total} bad inputs refused as "
            "documented; none changed the database"
        )
