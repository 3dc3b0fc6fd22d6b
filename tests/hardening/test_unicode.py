"""Unicode as an analyst needs it: names in Arabic script kept exactly, ids held to one rule
wherever they appear, and look-alike letters reported rather than merged."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, select

from provenance import api
from provenance.checker.settings import Settings
from provenance.cli import main
from provenance.db import rows

NAMES = {
    "zabihullah": "ذبیح‌الله مجاهد",  # Dari, with a zero-width non-joiner
    "haqqani": "سراج الدین حقاني",
    "nangarhar": "ننګرهار",  # Pashto gaf
    "pashtun": "پښتون",  # Pashto sheen
    "kandahar": "کندهار",
    "decomposed": unicodedata.normalize("NFD", "Hérat"),  # written NFD on purpose
}


def ledger_of(names: dict[str, str]) -> str:
    lines = ["entities:"]
    lines += [f'  - {{id: {i}, kind: person, name: "{n}"}}' for i, n in names.items()]
    return "\n".join(lines) + "\n"


def test_arabic_script_names_are_stored_and_exported_exactly(workdir: Path, db_url: str) -> None:
    folder = workdir / "claims"
    folder.mkdir()
    (folder / "names.yaml").write_text(ledger_of(NAMES), "utf-8")
    api.import_ledger([folder], db_url)
    engine = create_engine(api.database_url(db_url))
    try:
        with engine.connect() as connection:
            stored = dict(connection.execute(select(rows.ENTITY.c.id, rows.ENTITY.c.name)).all())
    finally:
        engine.dispose()
    assert stored == NAMES  # byte for byte: no normalisation, no lost joiner
    out = workdir / "out"
    api.export_ledger(db_url, out)
    exported = "".join(p.read_text("utf-8") for p in sorted(out.rglob("*.yaml")))
    assert all(name in exported for name in NAMES.values())


@pytest.mark.parametrize(
    "bad_id",
    ["Mirza Olang", "mirzа-olang", "mirza\u200d-olang", "mirza-olang\u200f", "héra", "he\u0301ra"],
    ids=["a space", "cyrillic a", "zero-width joiner", "rtl mark", "nfc accent", "nfd accent"],
)
def test_an_id_is_held_to_one_rule_in_every_kind_of_record(workdir: Path, bad_id: str) -> None:
    records = {
        "source": f'sources:\n  - {{id: "{bad_id}", title: T, kind: news, reliability: B}}\n',
        "entity": f'entities:\n  - {{id: "{bad_id}", kind: place, name: Herat}}\n',
        "claim": "sources:\n  - {id: s1, title: T, kind: news, reliability: B}\n"
        "entities:\n  - {id: e1, kind: place, name: Herat}\n"
        f'claims:\n  - {{id: "{bad_id}", subject: e1, property: killed, value: 3, source: s1}}\n',
    }
    messages = set()
    for kind, text in records.items():
        (workdir / f"{kind}.yaml").write_text(text, "utf-8")
        result = CliRunner().invoke(main, ["check", f"{kind}.yaml"])
        assert result.exit_code == 2, (kind, result.output)
        first = result.output.splitlines()[1]  # after the line saying which ledger
        assert f"{kind}.yaml:" in first and "is not a valid id" in first, first
        messages.add(first.split(": ", 2)[2])
    assert len(messages) == 1  # the same words for a source, an entity and a claim


def test_a_look_alike_letter_is_reported_as_mixed_scripts_not_merged(workdir: Path) -> None:
    (workdir / "a.yaml").write_text(
        "sources:\n  - {id: s1, title: T, kind: news, reliability: B}\n"
        "entities:\n  - {id: mirza-olang, kind: place, name: Mirza Olang}\n"
        "claims:\n  - {id: c1, subject: mirza-olang, property: killed, value: 3, source: s1,\n"
        "     mentions: [Mirz\u0430 Olang]}\n",
        "utf-8",
    )
    result = api.check([workdir / "a.yaml"], None, Settings())
    found = [c for c in result.conflicts if c.rule == "spelling-variant"]
    assert len(found) == 1
    assert "mixes scripts" in found[0].message and "U+0430" in found[0].message
    assert found[0].details["verdict"] == "mixed-scripts"
    assert found[0].claims == ("c1",)
