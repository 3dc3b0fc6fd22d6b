"""Import -> export -> import loses nothing: on the shipped ledger, and on generated ledgers
full of text that is hard to write back."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import SHIPPED
from provenance.importing import load_ledger
from provenance.ledger.writer import dump_stream, write_tree
from provenance.model import Ledger, Record
from strategies import ledgers


def records(ledger: Ledger) -> dict[str, list[Record]]:
    """The records by type, in id order (export groups records without an origin by file)."""

    def key(record: Record) -> str:
        return getattr(record, "id", None) or repr(record)

    return {
        "sources": sorted(ledger.sources, key=key),
        "entities": sorted(ledger.entities, key=key),
        "claims": sorted(ledger.claims, key=key),
        "reviews": sorted(ledger.reviews, key=key),
    }


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_the_shipped_ledger_survives_export_and_import(tmp_path: Path, fmt: str) -> None:
    original = load_ledger([SHIPPED])
    written = write_tree(original, tmp_path, fmt)
    assert {p.suffix for p in written} == {f".{fmt}"}
    again = load_ledger([tmp_path])
    assert again == original
    assert len(again.claims) == 93


def test_the_shipped_ledger_is_written_exactly_as_it_is_stored(tmp_path: Path) -> None:
    write_tree(load_ledger([SHIPPED]), tmp_path)
    for path in SHIPPED.rglob("*.yaml"):
        relative = path.relative_to(SHIPPED)
        assert (tmp_path / relative).read_text("utf-8") == path.read_text("utf-8"), relative


def test_one_stream_export_loads_back_as_the_same_ledger(tmp_path: Path) -> None:
    original = load_ledger([SHIPPED])
    (tmp_path / "all.yaml").write_text(dump_stream(original), "utf-8")
    assert records(load_ledger([tmp_path / "all.yaml"])) == records(original)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(ledger=ledgers())
def test_generated_ledgers_survive_export_and_import(
    tmp_path_factory: pytest.TempPathFactory, ledger: Ledger
) -> None:
    for fmt in ("yaml", "json"):
        folder = tmp_path_factory.mktemp(fmt)
        write_tree(ledger, folder, fmt)
        assert records(load_ledger([folder])) == records(ledger)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ledger=ledgers())
def test_export_is_stable(ledger: Ledger) -> None:
    """Writing what was read writes the same text again."""
    first = dump_stream(ledger)
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.yaml"
        path.write_text(first, "utf-8")
        assert dump_stream(load_ledger([path])) == first


def test_export_never_writes_outside_its_folder(tmp_path: Path) -> None:
    """Records read from absolute paths, mixed with records that have no file (added on
    the command line or stored in a database), all land inside the output folder."""
    from dataclasses import replace

    from provenance.model import Origin

    original = load_ledger([SHIPPED])
    elsewhere = [
        replace(s, origin=Origin(f"/somewhere/else/{s.id}.yaml", 2)) for s in original.sources
    ]
    homeless = [replace(e, origin=None) for e in original.entities]
    mixed = Ledger(tuple(elsewhere), tuple(homeless), original.claims, original.reviews)
    out = tmp_path / "out"
    written = write_tree(mixed, out)
    assert all(out in path.parents for path in written)
    assert (out / "entities.yaml").is_file()
    assert records(load_ledger([out])) == records(original)


REAL_REPORTING = """\
scopes:
  - {id: mothers, name: mothers in the ward, within: women, aliases: [new mothers]}
properties:
  - id: escaped
    kind: quantity
    description: prisoners who escaped
    count: true
    tally: running
    within: [present]
sources:
  - id: ZB_wire
    title: Blast in Kabul
    kind: wire
    published: {date: 2017-05-31, inferred: true}
    cites: [zb_page]
    mentions: [Zambaq Square, {name: Wazir Akhbar Khan, kind: place}]
  - {id: zb_page, title: Kabul blast, kind: news, reliability: C}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: interior, kind: organisation, name: Interior ministry}
claims:
  - id: ZB001
    subject: attack
    property: killed
    value: 40
    as_of: around 2017-05-31T18:00+04:30
    period: 2017-05-31
    polarity: questioned
    said_by: [interior, {unnamed: an official}, {unnamed: another official, of: interior}]
    source: ZB_wire
    parts: {police: 12, civilians: about 28}
    parts_complete: true
  - {id: ZB002, subject: attack, property: perpetrator, value: unknown, source: zb_page}
  - {id: ZB003, subject: attack, property: claimed-by, value: nobody, source: zb_page}
  - {id: ZB004, subject: attack, property: escaped, value: 'at least 1,200-1,500', source: zb_page}
  - {id: ZB005, subject: attack, property: wounded, source: zb_page,
     value: {low: 50, best: 57, high: 61}}
"""


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_what_real_reporting_says_survives_export_and_import(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ledger.yaml").write_text(REAL_REPORTING, "utf-8")
    original = load_ledger([tmp_path / "in"])
    assert original.sources[0].mentions[1].kind is not None
    assert original.claims[0].unnamed[1].of == "interior"
    assert original.claims[0].parts[1].value.low == 27
    write_tree(original, tmp_path / "out", fmt)
    again = load_ledger([tmp_path / "out"])
    assert records(again) == records(original)
    assert again.scopes == original.scopes and again.properties == original.properties


def test_what_real_reporting_says_survives_the_database(tmp_path: Path) -> None:
    from provenance import api

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ledger.yaml").write_text(REAL_REPORTING, "utf-8")
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    api.import_ledger([tmp_path / "in"], url)
    api.export_ledger(url, tmp_path / "out", "yaml")
    again = load_ledger([tmp_path / "out"])
    assert records(again) == records(load_ledger([tmp_path / "in"]))
