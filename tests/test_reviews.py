"""Review semantics: verdicts that fit, what a review records, the reviews file, the
reviewer, and reviews that are never lost (in a ledger folder or a database)."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from provenance import api, reviews
from provenance.checker import Conflict
from provenance.checker.settings import default_reviewer
from provenance.errors import LedgerInvalid, ProvenanceError
from provenance.importing import load_ledger
from provenance.ledger.load import parse_paths
from provenance.ledger.reviews_file import append_to_ledger
from provenance.model import Severity, Verdict
from steps.database import stored_ledger

NUMERIC = Conflict(
    "numeric-conflict:aaaaaaaaaaaa",
    "numeric-conflict",
    Severity.WARNING,
    "killed: '30-40' vs 'more than 50'",
    claims=("ministry-toll", "radio-toll"),
)
SPELLING = Conflict(
    "spelling-variant:bbbbbbbbbbbb",
    "spelling-variant",
    Severity.WARNING,
    "'Mirsa Olang' looks like 'Mirza Olang'",
    details={"entity": "mirza-olang", "alias": "Mirsa Olang"},
)
LEDGER = """
sources:
  - {id: ministry, title: Ministry statement, kind: government, reliability: C}
  - {id: radio, title: Local radio, kind: news, reliability: B}
entities:
  - {id: bombing, kind: event, name: Market bombing}
claims:
  - {id: ministry-toll, subject: bombing, property: killed, value: 30-40, source: ministry}
  - {id: radio-toll, subject: bombing, property: killed, value: more than 50, source: radio}
"""


@pytest.mark.parametrize(
    ("conflict", "verdicts"),
    [
        (SPELLING, [Verdict.SAME_ENTITY, Verdict.DISTINCT, Verdict.NOT_A_CONFLICT]),
        (NUMERIC, [Verdict.DISPUTED, Verdict.RESOLVED, Verdict.NOT_A_CONFLICT]),
    ],
)
def test_the_verdicts_that_fit_a_conflict(conflict: Conflict, verdicts: list[Verdict]) -> None:
    assert reviews.verdicts_for(conflict) == verdicts


def test_a_same_entity_review_records_the_alias_and_its_entity() -> None:
    at = datetime(2026, 11, 21, 10, 30, 15, 999, tzinfo=UTC)
    review = reviews.decide(SPELLING, Verdict.SAME_ENTITY, " One village. ", "Ana", at=at)
    assert (review.entity, review.alias, review.note) == (
        "mirza-olang",
        "Mirsa Olang",
        "One village.",
    )
    assert review.at == at  # to the microsecond: reviews in one second keep their order


@pytest.mark.parametrize(
    ("verdict", "note", "favoured", "message"),
    [
        (Verdict.SAME_ENTITY, "x", None, "same-entity does not fit numeric-conflict"),
        (Verdict.DISPUTED, "  ", None, "a review needs a note"),
        (
            Verdict.RESOLVED,
            "x",
            None,
            "--verdict resolved needs --in-favour-of CLAIM, the claim "
            "that stands: one of ministry-toll, radio-toll",
        ),
        (
            Verdict.DISPUTED,
            "x",
            "radio-toll",
            "--in-favour-of goes only with --verdict resolved, not disputed",
        ),
        (Verdict.RESOLVED, "x", "other", "other is not one of the claims of numeric-conflict"),
    ],
)
def test_a_review_that_does_not_fit_is_refused(
    verdict: Verdict, note: str, favoured: str | None, message: str
) -> None:
    with pytest.raises(ProvenanceError, match=message):
        reviews.decide(NUMERIC, verdict, note, "Ana", favoured)


def test_reviews_are_appended_to_the_reviews_file_and_load_back(tmp_path: Path) -> None:
    first = reviews.decide(NUMERIC, Verdict.DISPUTED, "Unclear.", "Ana")
    second = reviews.decide(NUMERIC, Verdict.RESOLVED, "Radio is final.", "Ben", "radio-toll")
    append_to_ledger(tmp_path, first)
    append_to_ledger(tmp_path, second)
    parsed, problems = parse_paths([tmp_path / "reviews.yaml"])
    assert problems == []
    loaded = [p.record for p in parsed.reviews]
    assert [(r.verdict, r.reviewer, r.in_favour_of) for r in loaded] == [
        (Verdict.DISPUTED, "Ana", None),
        (Verdict.RESOLVED, "Ben", "radio-toll"),
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["reviews.yaml"]  # nothing left behind


def test_an_empty_reviews_list_is_continued(tmp_path: Path) -> None:
    (tmp_path / "reviews.yaml").write_text("reviews: []\n", "utf-8")
    append_to_ledger(tmp_path, reviews.decide(NUMERIC, Verdict.DISPUTED, "x", "Ana"))
    assert len(load_ledger([tmp_path]).reviews) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reviews:\n  - {conflict: c, verdict: bogus}\n", "'bogus' is not a review verdict"),
        ("entities:\n  - {id: x, kind: place, name: X}\nreviews: []\n", "holds more than reviews"),
    ],
)
def test_a_reviews_file_that_is_not_sound_is_left_untouched(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "reviews.yaml").write_text(text, "utf-8")
    with pytest.raises(LedgerInvalid) as refused:
        append_to_ledger(tmp_path, reviews.decide(NUMERIC, Verdict.DISPUTED, "x", "Ana"))
    assert any(message in p.message for p in refused.value.problems)
    assert refused.value.outcome == "the review was not recorded"
    assert (tmp_path / "reviews.yaml").read_text("utf-8") == text


def test_the_reviewer_is_configured_else_git_else_the_account(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("USER", "account-name")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "no-global"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    assert default_reviewer("Configured One", tmp_path) == "Configured One"
    assert default_reviewer(None, tmp_path) == "account-name"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "config", "user.name", "From Git"], check=True)
    assert default_reviewer(None, tmp_path) == "From Git"


def test_the_review_target(tmp_path: Path) -> None:
    assert api.review_target(None, "x.db", here=tmp_path).db == "x.db"
    assert api.review_target(None, None, here=tmp_path).ledger is None
    (tmp_path / "claims").mkdir()
    assert api.review_target(None, None, here=tmp_path).ledger == tmp_path / "claims"
    assert api.review_target(None, "x.db", here=tmp_path).ledger is None
    with pytest.raises(ProvenanceError, match="no such folder"):
        api.review_target(tmp_path / "missing", None)


def test_database_reviews_are_never_lost(db_url: str, tmp_path: Path) -> None:
    """Two reviews of one conflict stay in its history; importing the ledger again keeps
    them; export writes them back to YAML."""
    folder = tmp_path / "claims"
    folder.mkdir()
    (folder / "ledger.yaml").write_text(LEDGER, "utf-8")
    api.import_ledger([folder], db_url)
    target = api.ReviewTarget(None, db_url)
    settings = api.check_settings([])
    [conflict] = api.check([], db_url, settings).conflicts
    api.review(target, conflict, Verdict.DISPUTED, "Unclear for now.", "Ana")
    api.review(target, conflict, Verdict.RESOLVED, "Radio is final.", "Ben", "radio-toll")
    api.import_ledger([folder], db_url)
    history = [(r.verdict, r.reviewer) for r in stored_ledger(db_url).reviews]
    assert history == [(Verdict.DISPUTED, "Ana"), (Verdict.RESOLVED, "Ben")]
    [again] = api.check([], db_url, settings).conflicts
    assert again.status == "resolved"
    exported = tmp_path / "exported"
    api.export_ledger(db_url, exported)
    assert [r.reviewer for r in load_ledger([exported]).reviews] == ["Ana", "Ben"]
