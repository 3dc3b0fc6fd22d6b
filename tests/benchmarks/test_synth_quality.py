"""The synthetic ledger generator (benchmarks/synth.py) and rule quality measured against its
ground truth (benchmarks/quality.py), on a small ledger with every kind of conflict injected
several times. No timing checks.

The bar (the issue's): for every rule, recall >= 0.98 and precision >= 0.95, and no
look-alike flagged; the base ledger, without injections, is conflict-free.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import quality, synth
from benchmarks import synth_words as words
from provenance import api
from provenance.checker.settings import Settings
from provenance.checks import RULES
from provenance.errors import LedgerInvalid
from provenance.importing import load_ledger

CLAIMS, SEED, RATE = 4000, 11, 0.02


@pytest.fixture(scope="module")
def injected(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth-injected")
    synth.generate(CLAIMS, folder, seed=SEED, rate=RATE, lookalikes=0.005)
    return folder


@pytest.fixture(scope="module")
def measured(injected: Path) -> object:
    return quality.measure_quality(injected)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("synth-base")
    synth.generate(CLAIMS, folder, seed=SEED, rate=0, lookalikes=0)
    return folder


def _truth(folder: Path) -> dict[str, object]:
    found = json.loads((folder / "ground_truth.json").read_text("utf-8"))
    assert isinstance(found, dict)
    return found


def test_every_rule_is_injected_several_times(injected: Path) -> None:
    truth = _truth(injected)
    assert truth["version"] == 1 and truth["seed"] == SEED
    records = truth["injected"]
    assert isinstance(records, list)
    counts = {rule.id: sum(r["rule"] == rule.id for r in records) for rule in RULES}
    assert min(counts.values()) >= 3, counts
    assert truth["short_of_quota"] == {"injected": {}, "lookalikes": {}}


@pytest.mark.parametrize("rule", [rule.id for rule in RULES])
def test_rule_meets_the_bar(measured: object, rule: str) -> None:
    score = measured.scores[rule]  # type: ignore[attr-defined]
    missed = [r for r in measured.missed if r["rule"] == rule]  # type: ignore[attr-defined]
    wrong = [c.message for c in measured.false_positives if c.rule == rule]  # type: ignore[attr-defined]
    assert score.injected >= 3
    assert score.recall >= 0.98, missed
    assert score.precision >= 0.95, wrong
    assert score.lookalikes_flagged == 0


def test_no_lookalike_is_flagged_and_planned_revisions_are_shown(measured: object) -> None:
    flagged = [(look["kind"], c.message) for look, c in measured.flagged]  # type: ignore[attr-defined]
    assert flagged == []
    revisions = measured.revisions  # type: ignore[attr-defined]
    assert revisions["expected"] >= 3
    assert revisions["expected found"] == revisions["expected"]
    assert revisions["unexpected"] == 0


def test_base_ledger_is_conflict_free(base: Path) -> None:
    result = api.check([base / "ledger"], None, Settings())
    assert [c.message for c in result.conflicts] == []


def test_lookalikes_alone_raise_nothing_but_their_revisions(tmp_path: Path) -> None:
    synth.generate(3000, tmp_path, seed=SEED + 1, rate=0, lookalikes=0.01)
    result = api.check([tmp_path / "ledger"], None, Settings())
    assert [c.message for c in result.conflicts if not c.revision] == []
    truth = _truth(tmp_path)
    lookalikes = truth["lookalikes"]
    assert isinstance(lookalikes, list)
    planned = {c for look in lookalikes if look.get("revision") for c in look["claims"]}
    assert planned and all(set(c.claims) <= planned for c in result.conflicts)


def test_base_ledger_loads_without_problems(base: Path) -> None:
    ledger = load_ledger([base / "ledger"])
    truth = _truth(base)
    assert len(ledger.claims) == truth["claims"]
    assert len(ledger.sources) > 100 and len(ledger.entities) > 100


def test_injected_ledger_is_refused_only_for_its_dangling_references(injected: Path) -> None:
    with pytest.raises(LedgerInvalid) as refused:
        load_ledger([injected / "ledger"])
    records = _truth(injected)["injected"]
    assert isinstance(records, list)
    targets = {n for r in records if r["rule"] == "dangling-reference" for n in r["names"]}
    messages = [p.message for p in refused.value.problems]
    assert len(messages) == len(targets)
    assert all(any(f"'{t}'" in m for m in messages) for t in targets)


def test_ground_truth_ids_exist_in_the_ledger(injected: Path) -> None:
    text = "\n".join(p.read_text("utf-8") for p in sorted((injected / "ledger").rglob("*.yaml")))
    truth = _truth(injected)
    for key in ("injected", "lookalikes"):
        records = truth[key]
        assert isinstance(records, list)
        for record in records:
            for claim in record["claims"]:
                assert f"{{id: {claim}," in text, (key, record)
            if record.get("source"):
                assert f"{{id: {record['source']}," in text, record


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    def files(folder: Path) -> dict[str, bytes]:
        return {
            str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        }

    synth.generate(1500, tmp_path / "a", seed=5, rate=0.02)
    synth.generate(1500, tmp_path / "b", seed=5, rate=0.02)
    synth.generate(1500, tmp_path / "c", seed=6, rate=0.02)
    first = files(tmp_path / "a")
    assert first == files(tmp_path / "b")
    assert first != files(tmp_path / "c")
    assert "ground_truth.json" in first and len(first) > 10


@pytest.mark.parametrize("kind", ["title-place", "denial-overlap", "rewording"])
def test_hard_lookalikes_are_made_and_left_alone(measured: object, kind: str) -> None:
    made, flagged = measured.lookalikes[kind]  # type: ignore[attr-defined]
    assert made >= 1 and flagged == 0


def test_hard_spellings_are_found(measured: object, injected: Path) -> None:
    made = [r for r in _truth(injected)["injected"] if r["kind"] == "syed"]  # type: ignore[union-attr]
    missed = [r for r in measured.missed if r["kind"] == "syed"]  # type: ignore[attr-defined]
    assert made and missed == []


def test_base_figures_hold_the_truth() -> None:
    """The report words the generator writes read, by the project's own parser, as an
    interval that holds the figure they were made for."""
    import random

    from provenance.quantities import overlaps, parse_quantity

    rng = random.Random(3)
    for truth in [*range(0, 60), 99, 100, 169, 250, 999, 1000, 4000, 12345]:
        for _ in range(20):
            text, span = words.figure(rng, truth, words.STYLES)
            read = parse_quantity(text)
            exact = parse_quantity(str(truth))
            assert overlaps(read, exact), (text, truth)
            assert span.holds(truth), (text, truth)


def test_rules_run_together_find_what_each_finds_alone(tmp_path: Path) -> None:
    """The group rules share one reading of the claim groups when they run together; what
    each finds must not depend on the company it keeps."""
    folder = tmp_path / "synth"
    synth.generate(2500, folder, seed=SEED, rate=0.02, lookalikes=0.005, importable=True)
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    api.import_ledger([folder / "ledger"], db)
    together = api.check([], db, Settings())
    assert len({c.rule for c in together.conflicts}) >= 8
    for rule in RULES:
        alone = api.check([], db, Settings(), only=[rule.id])
        mine = [c for c in together.conflicts if c.rule == rule.id]
        assert [(c.id, c.message) for c in alone.conflicts] == [(c.id, c.message) for c in mine]
