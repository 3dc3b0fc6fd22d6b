"""Storage on SQLite, and on PostgreSQL when PROVENANCE_TEST_PG is set: imports are one
transaction, idempotent, update in place, never lose reviews; the schema comes from the
migrations and matches the models; the indexes the checks need exist."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlalchemy.orm import Session

from conftest import SHIPPED
from provenance import api
from provenance.db import migrate, sync
from provenance.db.engine import database_url, make_engine
from provenance.db.schema import Base
from provenance.errors import LedgerInvalid
from provenance.importing import load_ledger
from provenance.model import Quantity
from steps.database import snapshot, stored_ledger

SHIPPED_REVIEWS = 4  # claims/reviews.yaml: one per conflict of the shipped ledger

REVIEW = """
reviews:
  - conflict: spelling-variant:0000aaaa
    verdict: distinct
    note: Two different villages.
    reviewer: Analyst One
    at: 2026-11-20T09:00:00Z
"""


@pytest.fixture
def ledger_copy(tmp_path: Path) -> Path:
    target = tmp_path / "claims"
    shutil.copytree(SHIPPED, target)
    return target


def test_import_stores_the_whole_shipped_ledger(db_url: str) -> None:
    result = api.import_ledger([SHIPPED], db_url)
    assert result.totals == {"sources": 2, "entities": 42, "claims": 93, "reviews": SHIPPED_REVIEWS}
    assert result.counts.total("added") == 2 + 42 + 93


def test_the_database_gives_back_exactly_the_ledger_it_was_given(db_url: str) -> None:
    api.import_ledger([SHIPPED], db_url)
    stored, original = stored_ledger(db_url), load_ledger([SHIPPED])
    assert stored == original
    assert [c.origin for c in stored.claims] == [c.origin for c in original.claims]


def test_importing_the_same_ledger_again_changes_nothing(db_url: str) -> None:
    api.import_ledger([SHIPPED], db_url)
    before = snapshot(db_url)
    again = api.import_ledger([SHIPPED], db_url)
    assert again.counts.total("added") == again.counts.total("changed") == 0
    assert again.counts.total("unchanged") == 2 + 42 + 93
    assert snapshot(db_url) == before


def test_a_changed_ledger_updates_in_place_and_keeps_reviews(
    db_url: str, ledger_copy: Path
) -> None:
    (ledger_copy / "more-reviews.yaml").write_text(REVIEW, "utf-8")
    api.import_ledger([ledger_copy], db_url)
    attack = ledger_copy / "caci-2017" / "mirza-olang-attack.yaml"
    attack.write_text(attack.read_text("utf-8").replace("value: over 50", "value: at least 60"))
    (ledger_copy / "more-reviews.yaml").unlink()

    result = api.import_ledger([ledger_copy], db_url)

    assert result.counts.changed == {
        "scopes": 0,
        "properties": 0,
        "sources": 0,
        "entities": 0,
        "claims": 1,
    }
    assert result.totals["reviews"] == SHIPPED_REVIEWS + 1
    killed = next(c for c in stored_ledger(db_url).claims if c.id == "caci-mirza-olang-killed")
    assert isinstance(killed.value, Quantity)
    assert (killed.value.words, killed.value.low, killed.value.low_open) == (
        "at least 60",
        60,
        False,
    )


def test_moving_a_record_within_its_file_updates_only_its_line(
    db_url: str, ledger_copy: Path
) -> None:
    api.import_ledger([ledger_copy], db_url)
    places = ledger_copy / "entities" / "places.yaml"
    places.write_text(places.read_text("utf-8").replace("entities:\n", "entities:\n\n\n", 1))
    result = api.import_ledger([ledger_copy], db_url)
    assert result.counts.total("changed") == 0
    kabul = next(e for e in stored_ledger(db_url).entities if e.id == "kabul")
    original = next(e for e in load_ledger([places]).entities if e.id == "kabul")
    assert kabul.origin is not None and original.origin is not None
    assert kabul.origin.line == original.origin.line


def test_a_refused_ledger_writes_nothing(db_url: str, ledger_copy: Path) -> None:
    api.import_ledger([ledger_copy], db_url)
    before = snapshot(db_url)
    (ledger_copy / "new.yaml").write_text(
        "claims:\n  - id: new-claim\n    subject: mirza-olang-attack\n    property: killed\n"
        "    value: 52\n    source: nowhere\n",
        "utf-8",
    )
    with pytest.raises(LedgerInvalid) as refused:
        api.import_ledger([ledger_copy], db_url)
    assert [str(p) for p in refused.value.problems] == [
        f"{ledger_copy.as_posix()}/new.yaml:6: source: unknown source 'nowhere' "
        "(add it under sources: or fix the id)"
    ]
    assert snapshot(db_url) == before


def test_a_failure_while_writing_rolls_everything_back(
    db_url: str, ledger_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.import_ledger([ledger_copy], db_url)
    before = snapshot(db_url)
    attack = ledger_copy / "caci-2017" / "mirza-olang-attack.yaml"
    attack.write_text(attack.read_text("utf-8").replace("value: over 50", "value: at least 60"))
    (ledger_copy / "more-reviews.yaml").write_text(REVIEW, "utf-8")
    real_add_reviews = sync.add_reviews

    def fail_after_the_claims_are_written(session: Session, reviews: object) -> int:
        real_add_reviews(session, reviews)  # type: ignore[arg-type]
        raise RuntimeError("disk full")

    monkeypatch.setattr(sync, "add_reviews", fail_after_the_claims_are_written)
    with pytest.raises(RuntimeError, match="disk full"):
        api.import_ledger([ledger_copy], db_url)
    assert snapshot(db_url) == before


def test_references_may_point_at_records_already_stored(db_url: str, tmp_path: Path) -> None:
    first, second = tmp_path / "sources.yaml", tmp_path / "claims.yaml"
    first.write_text(
        "sources:\n  - {id: wire, title: Wire story, kind: wire, reliability: C}\n"
        "entities:\n  - {id: village, kind: place, name: Mirza Olang}\n",
        "utf-8",
    )
    second.write_text(
        "claims:\n  - {id: wire-killed, subject: village, property: killed,"
        " value: dozens, source: wire}\n",
        "utf-8",
    )
    api.import_ledger([first], db_url)
    assert api.import_ledger([second], db_url).totals["claims"] == 1
    with pytest.raises(LedgerInvalid):  # --prune keeps only what is imported: nothing to refer to
        api.import_ledger([second], db_url, prune=True)


def test_prune_removes_what_the_files_no_longer_hold_but_never_reviews(
    db_url: str, ledger_copy: Path
) -> None:
    (ledger_copy / "more-reviews.yaml").write_text(REVIEW, "utf-8")
    api.import_ledger([ledger_copy], db_url)
    shutil.rmtree(ledger_copy / "globetrotter-2023")
    (ledger_copy / "more-reviews.yaml").unlink()
    result = api.import_ledger([ledger_copy], db_url, prune=True)
    assert result.counts.removed == {
        "scopes": 0,
        "properties": 0,
        "sources": 0,
        "entities": 0,
        "claims": 51,
    }
    assert result.totals == {
        "sources": 2,
        "entities": 42,
        "claims": 42,
        "reviews": SHIPPED_REVIEWS + 1,
    }


def test_reviews_are_stored_once_each(db_url: str, ledger_copy: Path) -> None:
    (ledger_copy / "more-reviews.yaml").write_text(REVIEW, "utf-8")
    api.import_ledger([ledger_copy], db_url)
    later = REVIEW.replace("distinct", "same-entity").replace("09:00", "10:00")
    (ledger_copy / "more-reviews.yaml").write_text(
        REVIEW + later.replace("reviews:\n", ""), "utf-8"
    )
    result = api.import_ledger([ledger_copy], db_url)
    assert (result.counts.reviews_added, result.totals["reviews"]) == (1, SHIPPED_REVIEWS + 2)
    ours = [r for r in stored_ledger(db_url).reviews if r.conflict == "spelling-variant:0000aaaa"]
    assert [r.verdict.value for r in ours] == ["distinct", "same-entity"]


def test_the_migrated_schema_matches_the_models(db_url: str) -> None:
    api.init(db_url)
    engine = create_engine(database_url(db_url))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, Base.metadata) == []
            assert context.get_current_revision() == migrate.head()
    finally:
        engine.dispose()


def test_the_indexes_the_checks_rely_on_exist(db_url: str) -> None:
    api.init(db_url)
    engine = make_engine(database_url(db_url))
    try:
        inspector = inspect(engine)

        def indexed(table: str) -> list[list[str | None]]:
            return [list(ix["column_names"]) for ix in inspector.get_indexes(table)]

        assert ["subject_id", "property", "as_of_start"] in indexed("claim")
        assert ["name_folded"] in indexed("entity")
        assert ["name_folded"] in indexed("entity_alias")
        assert ["name_folded"] in indexed("claim_mention")
        assert ["conflict_id"] in indexed("review")
    finally:
        engine.dispose()


def test_init_twice_keeps_the_schema_and_the_data(db_url: str) -> None:
    api.import_ledger([SHIPPED], db_url)
    before = snapshot(db_url)
    assert api.init(db_url).revision == migrate.head()
    assert snapshot(db_url) == before


def test_an_older_database_is_upgraded_in_place(db_url: str, ledger_copy: Path) -> None:
    """A database made by the first release (revision 0001) keeps its ledger and reviews
    when a newer release opens it."""
    engine = make_engine(database_url(db_url))
    try:
        migrate.upgrade(engine, "0001")
        with engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO review (id, conflict_id, verdict, reviewer, at) VALUES "
                "('r1', 'spelling-variant:0000aaaa0000', 'distinct', 'ana', "
                "'2026-11-20 09:00:00+00:00')"
            )
        assert migrate.current(engine) == "0001"
    finally:
        engine.dispose()
    result = api.import_ledger([ledger_copy], db_url)
    assert result.totals["reviews"] == SHIPPED_REVIEWS + 1
    [review] = [r for r in stored_ledger(db_url).reviews if r.conflict.endswith("0000aaaa0000")]
    assert (review.conflict, review.verdict.value, review.entity, review.alias) == (
        "spelling-variant:0000aaaa0000",
        "distinct",
        None,
        None,
    )
    engine = make_engine(database_url(db_url))
    try:
        assert migrate.current(engine) == migrate.head()
    finally:
        engine.dispose()
