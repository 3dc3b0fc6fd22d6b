"""A check of a shared database on two cores: some rules run in a second process, and the
result is the same as in one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import synth
from provenance import api
from provenance.checker import CheckResult, lanes
from provenance.checker.settings import Settings
from provenance.checks.spelling_variant import SpellingVariant


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth")
    synth.generate(3000, out, seed=5, rate=0.02, importable=True)
    return out / "ledger"


@pytest.fixture
def starts(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The rules each second process was started with."""
    started: list[tuple[str, ...]] = []
    real = lanes.start

    def spy(url: str, roots: Any, rules: Any) -> lanes.Lane:
        started.append(tuple(rule.id for rule in rules))
        return real(url, roots, rules)

    monkeypatch.setattr(lanes, "start", spy)
    return started


def seen(result: CheckResult) -> list[tuple[str, str, tuple[str, ...], str]]:
    return [(c.id, c.message, c.claims, str(c.places)) for c in result.conflicts]


def test_two_processes_find_what_one_finds(
    generated: Path, db_url: str, starts: list[tuple[str, ...]]
) -> None:
    api.import_ledger([generated], db_url)
    alone = api.check([], db_url, Settings(), jobs=1)
    assert starts == []
    shared = api.check([], db_url, Settings(), jobs=2)
    assert starts == [("spelling-variant", "possible-variant")]
    assert len(alone.conflicts) > 50
    assert {c.rule for c in alone.conflicts} >= {"spelling-variant", "quote-not-found"}
    assert seen(shared) == seen(alone)
    assert set(shared.timings) == set(alone.timings)


def test_a_small_ledger_or_a_private_store_is_checked_in_one_process(
    generated: Path, sqlite_url: str, starts: list[tuple[str, ...]]
) -> None:
    api.import_ledger([generated], sqlite_url)
    api.check([], sqlite_url, Settings())  # 3,000 claims: under PARALLEL_FROM
    api.check([generated], None, Settings(), jobs=2)  # files: an in-memory store
    assert starts == []


def test_a_rule_failing_in_the_second_process_fails_the_check(
    generated: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    api.import_ledger([generated], sqlite_url)

    def broken(self: SpellingVariant, context: object) -> Any:
        raise ValueError("the matcher broke")

    monkeypatch.setattr(SpellingVariant, "check", broken)  # the fork inherits it
    with pytest.raises(RuntimeError, match=r"(?s)second checking process.*the matcher broke"):
        api.check([], sqlite_url, Settings(), jobs=2)
