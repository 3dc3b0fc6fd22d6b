"""Import -> export -> import loses nothing: on the shipped ledger, and on generated ledgers
full of text that is hard to write back."""

from __future__ import annotations

import tempfile
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
  - {id: night-shift, within: medical-staff, notes: nurses on duty that night}
properties:
  - id: escaped
    kind: quantity
    description: prisoners who escaped
    count: true
    tally: running
    within: [present]
  - {id: detained-total, kind: quantity, count: true, tally: state, sum_of: [arrested, escaped]}
  - {id: fuel, kind: quantity, unit: litres, single_valued: true}
  - {id: financed-by, kind: entity, attribution: true, description: who paid}
  - {id: cause, kind: text, single_valued: true}
  - {id: evacuated-on, kind: date}
sources:
  - id: ZB_wire
    title: Blast in Kabul
    kind: wire
    published: {date: 2017-05-31, inferred: true}
    cites: [zb_page]
    mentions: [Zambaq Square, {name: Wazir Akhbar Khan, kind: place}]
  - {id: zb_page, title: Kabul blast, kind: news, reliability: C}
  - id: zb-repost
    title: Kabul blast (repost)
    kind: social-media
    reliability: E
    published: {date: 2017-06, approximate: true}
    derived_from: [zb_page]
    mentions: [{name: Zanbaq Sq., entity: attack}]
  - {id: zb-fr, title: Attentat à Kaboul, kind: news, reliability: B, language: fr,
     published: 'mercredi 31 mai 2017', url: 'https://example.org/kaboul',
     archive: {path: archive/zb-fr.txt,
       sha256: abababababababababababababababababababababababababababababababab}}
  - {id: zb-dari, title: Kabul blast in Dari, kind: news, published: 10 Jawza 1396}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: interior, kind: organisation, name: Interior ministry}
  - {id: kabul, kind: place, name: Kabul}
  - {id: envoy, kind: person, name: The envoy}
  - {id: kabul-district, kind: place, name: Kabul district, part_of: kabul,
     distinct_from: [kabul]}
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
  - {id: ZB006, subject: attack, property: wounded, value: about 300-400, source: zb-fr}
  - {id: ZB007, subject: attack, property: wounded, value: between 40 and more than 60,
     source: zb-fr, as_of: 1 juin 2017}
  - {id: ZB008, subject: attack, property: wounded, value: up to 300-400, source: zb-fr}
  - {id: ZB009, subject: attack, property: wounded, value: more than 40-50, source: zb-dari}
  - {id: ZB010, subject: attack, property: wounded, value: {best: 57}, source: zb-dari}
  - {id: ZB011, subject: attack, property: killed, value: over 50, scope: civilians,
     source: zb-dari, stance: said the toll was preliminary and may rise}
  - {id: ZB012, subject: attack, property: killed, value: 4, scope: foreigners, source: zb-dari}
  - {id: ZB013, subject: attack, property: killed, value: documented 12, source: zb-dari}
  - {id: ZB014, subject: attack, property: killed, value: 12 confirmed, source: zb-dari}
  - {id: ZB015, subject: attack, property: killed, value: verified 7, scope: police,
     source: zb-dari}
  - {id: ZB016, subject: attack, property: killed, value: known 3, scope: journalists,
     source: zb-dari}
  - {id: ZB017, subject: attack, property: killed, value: some, scope: children, source: zb_page}
  - {id: ZB018, subject: attack, property: killed, value: some, scope: children, source: zb-fr,
     polarity: denied, said_by: [interior]}
  - {id: ZB019, subject: attack, property: wounded, value: 70, source: zb-fr,
     polarity: unverified, stance: reportedly}
  - {id: ZB020, subject: attack, property: wounded, value: 80, source: zb-fr,
     polarity: unsubstantiated}
  - {id: ZB021, subject: attack, property: displaced, value: about 120, unit: families,
     source: zb_page}
  - {id: ZB022, subject: attack, property: displaced, value: 35, unit: households,
     source: zb_page, scope: night-shift}
  - {id: ZB023, subject: envoy, property: age, value: {quantity: 54}, unit: years,
     source: zb_page}
  - {id: ZB024, subject: attack, property: date-started, value: 31 May 2017, source: zb-fr}
  - {id: ZB025, subject: attack, property: date-ended, value: '5. Juni 2017', source: zb-fr}
  - {id: ZB026, subject: envoy, property: date-captured, value: 2 de junio de 2017,
     source: zb-fr}
  - {id: ZB027, subject: envoy, property: date-released, value: 3 de junho de 2017,
     source: zb-fr}
  - {id: ZB028, subject: attack, property: date-announced, value: 4 giugno 2017,
     source: zb-fr}
  - {id: ZB029, subject: envoy, property: date-of-death, value: 12 Ramadan 1438,
     source: zb-dari}
  - {id: ZB030, subject: envoy, property: place-of-death, value: kabul, source: zb-dari}
  - {id: ZB031, subject: envoy, property: manner-of-death, value: shot, source: zb-dari}
  - {id: ZB032, subject: attack, property: time, value: '08:20 on 31 May 2017',
     source: zb_page}
  - {id: ZB033, subject: attack, property: weekday, value: Wednesday, source: zb_page}
  - {id: ZB034, subject: attack, property: date, value: {date: 2017-05-31, approximate: true,
     inferred: true}, source: zb_page}
  - {id: ZB035, subject: attack, property: date, value: c. 2017, source: zb-repost}
  - {id: ZB036, subject: attack, property: financed-by, value: [envoy, interior],
     source: zb-repost, said_by: [{unnamed: witnesses}]}
  - {id: ZB037, subject: attack, property: cause, value: a truck bomb, source: zb-repost}
  - {id: ZB038, subject: attack, property: evacuated-on, value: Mehr 1396, source: zb-dari}
  - {id: ZB039, subject: attack, property: fuel, value: 'about 1,500', source: zb-dari}
  - {id: ZB040, subject: interior, property: detained-total, value: 900, source: zb-dari,
     as_of: 2017-06/2017-07, period: 2017}
  - {id: ZB041, subject: attack, property: killed, value: documented 14, source: zb-dari,
     supersedes: ZB013, contradicts: [ZB014]}
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


def _through_database(ledger_folder: Path, url: str, out: Path) -> dict[str, str]:
    """Imports the folder into the database at ``url``, exports it to ``out``: the text of
    each file written, by its path under ``out``."""
    from provenance import api

    api.import_ledger([ledger_folder], url)
    api.export_ledger(url, out, "yaml")
    return {str(p.relative_to(out)): p.read_text("utf-8") for p in sorted(out.rglob("*.yaml"))}


def test_what_real_reporting_says_survives_the_database(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ledger.yaml").write_text(REAL_REPORTING, "utf-8")
    original = load_ledger([tmp_path / "in"])
    exported = _through_database(tmp_path / "in", f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "a")
    again = load_ledger([tmp_path / "a"])
    assert records(again) == records(original)
    assert again.scopes == original.scopes and again.properties == original.properties
    # The files the database gives back are the files the ledger itself writes, and a
    # second pass through another database writes them again, unchanged.
    write_tree(original, tmp_path / "direct")
    assert exported == {"ledger.yaml": (tmp_path / "direct" / "ledger.yaml").read_text("utf-8")}
    second = _through_database(tmp_path / "a", f"sqlite:///{tmp_path / 'b.db'}", tmp_path / "b")
    assert second == exported


def test_every_field_of_the_format_is_round_tripped() -> None:
    """The shipped ledger and REAL_REPORTING together use every key of every section, so the
    round-trip tests above cover the whole format (a new field must join them)."""
    from provenance.ledger.schema import SECTIONS
    from provenance.ledger.writer import layout

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "a.yaml").write_text(REAL_REPORTING, "utf-8")
        ledgers = (load_ledger([Path(folder)]), load_ledger([SHIPPED]))
    used: dict[str, set[str]] = {section: set() for section in SECTIONS}
    for ledger in ledgers:
        for sections in layout(ledger).values():
            for section, mappings in sections.items():
                used[section].update(key for mapping in mappings for key in mapping)
    missing = {s: sorted(set(keys) - used[s]) for s, keys in SECTIONS.items()}
    assert {s: keys for s, keys in missing.items() if keys} == {}


def test_what_real_reporting_says_means_the_same_after_the_database(tmp_path: Path) -> None:
    """Spot checks of meaning, read from the files the database gives back."""
    from provenance.model import EntityValue, Polarity, Quantity, TimeSpan

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ledger.yaml").write_text(REAL_REPORTING, "utf-8")
    _through_database(tmp_path / "in", f"sqlite:///{tmp_path / 'a.db'}", tmp_path / "a")
    back = load_ledger([tmp_path / "a"])
    claims = {c.id: c for c in back.claims}
    sources = {s.id: s for s in back.sources}

    def figure(ident: str) -> Quantity:
        value = claims[ident].value
        assert isinstance(value, Quantity)
        return value

    def span(ident: str) -> TimeSpan:
        value = claims[ident].value
        assert isinstance(value, TimeSpan)
        return value

    assert (figure("ZB005").low, figure("ZB005").best, figure("ZB005").high) == (50, 57, 61)
    assert (figure("ZB006").low, figure("ZB006").high) == (288, 416)  # about 300-400
    assert (figure("ZB007").low, figure("ZB007").high) == (40, None)  # between 40 and more than 60
    assert (figure("ZB011").low, figure("ZB011").low_open) == (51, False)  # a count: whole
    assert (figure("ZB012").low, figure("ZB012").high, figure("ZB012").words) == (4, 4, "4")
    assert (figure("ZB013").low, figure("ZB013").high) == (12, None)  # verified: a floor
    assert claims["ZB018"].polarity is Polarity.DENIED and figure("ZB018").qualifier == "exists"
    assert {claims[i].polarity for i in ("ZB001", "ZB019", "ZB020")} == {Polarity.QUESTIONED}
    assert claims["ZB002"].value == EntityValue((), unknown=True)
    assert claims["ZB003"].value == EntityValue(())
    assert span("ZB034").approximate and span("ZB034").inferred
    assert sources["ZB_wire"].published is not None and sources["ZB_wire"].published.inferred
    assert not sources["ZB_wire"].reliability_given
    ramadan = span("ZB029")  # 12 Ramadan 1438: 7 June 2017, give or take the moon
    assert ramadan.start is not None and ramadan.approximate
    assert (ramadan.start.year, ramadan.start.month, ramadan.start.day) == (2017, 6, 7)
    mehr = span("ZB038")  # Mehr 1396: 23 September to 22 October 2017
    assert mehr.start is not None and mehr.end is not None
    assert (mehr.start.month, mehr.start.day, mehr.end.month, mehr.end.day) == (9, 23, 10, 22)
    published = sources["zb-dari"].published  # 10 Jawza 1396
    assert published is not None and published.start is not None
    assert (published.start.month, published.start.day) == (5, 31)
    assert claims["ZB001"].period is not None and claims["ZB001"].as_of is not None
    assert claims["ZB001"].as_of.approximate and claims["ZB001"].parts_complete
