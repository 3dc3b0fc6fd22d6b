"""A small ledger with every relation the exchange formats carry (speakers, a quote, a
source repeating another, a superseded claim, a resolved and a disputed conflict, a figure
with a best estimate), imported into a SQLite database."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance import api
from provenance.exports.common import ExchangeData
from provenance.ledger.load import parse_paths

LEDGER = """\
sources:
  - {id: wire, title: Wire story, publisher: Wire Agency, kind: wire, reliability: B,
     published: 2017-08-06, url: 'https://wire.example/story', authors: [Ann Writer]}
  - {id: repost, title: Repost, publisher: Daily Copy, kind: news, reliability: C,
     published: 2017-08-06, derived_from: [wire]}
  - {id: radio, title: Local radio bulletin, kind: news, reliability: C, published: 2017-08-06}
  - {id: statement, title: Group statement, kind: armed-group-statement, reliability: E}
entities:
  - {id: attack, kind: event, name: Market attack}
  - {id: village, kind: place, name: Market village}
  - {id: taliban, kind: organisation, name: Taliban}
  - {id: iskp, kind: organisation, name: ISKP}
  - {id: officials, kind: organisation, name: Provincial officials}
  - {id: spokesman, kind: person, name: Zabihullah Mujahid}
claims:
  - {id: wire-killed, subject: attack, property: killed, value: over 50, unit: people,
     said_by: [officials], source: wire, quote: more than 50 people were killed}
  - {id: radio-killed-first, subject: attack, property: killed, value: 20, source: radio}
  - {id: radio-killed, subject: attack, property: killed, value: 30-40, source: radio,
     supersedes: radio-killed-first}
  - {id: repost-killed, subject: attack, property: killed, value: '50-61, best 57',
     source: repost}
  - {id: wire-date, subject: attack, property: date, value: 5 August 2017, source: wire}
  - {id: wire-where, subject: attack, property: location, value: village, source: wire}
  - {id: wire-perpetrator, subject: attack, property: perpetrator, value: iskp,
     said_by: [officials], source: wire, confidence: likely}
  - {id: radio-perpetrator, subject: attack, property: perpetrator, value: taliban,
     source: radio}
  - {id: taliban-denial, subject: attack, property: perpetrator, value: taliban,
     polarity: denied, said_by: [spokesman], source: statement,
     quote: '<script>alert(1)</script> =1+1'}
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The ledger imported, its two conflicts about the attack reviewed: the toll resolved
    in favour of the wire's figure, the perpetrator disputed."""
    folder = tmp_path_factory.mktemp("exchange")
    ledger = folder / "ledger"
    ledger.mkdir()
    (ledger / "ledger.yaml").write_text(LEDGER, "utf-8")
    url = f"sqlite:///{folder / 'ledger.db'}"
    api.import_ledger([ledger], url)
    settings = api.check_settings([ledger])
    found = api.check([ledger], None, settings)
    reviews = ["reviews:"]
    for conflict in found.conflicts:
        if conflict.revision or conflict.rule not in ("numeric-conflict", "disputed-attribution"):
            continue
        verdict = "resolved" if "wire-killed" in conflict.claims else "disputed"
        reviews += [
            f"  - conflict: {conflict.id}",
            f"    verdict: {verdict}",
            "    note: decided for the tests",
            "    reviewer: Analyst One",
            "    at: 2026-11-21T10:00:00Z",
        ]
        if verdict == "resolved":
            reviews.append("    in_favour_of: wire-killed")
    (ledger / "reviews.yaml").write_text("\n".join(reviews) + "\n", "utf-8")
    api.import_ledger([ledger], url)
    return url


def export(database: str, fmt: str) -> str:
    found = api.export_ledger(database, None, fmt)
    assert isinstance(found, str)
    return found


def parsed(tmp_path: Path) -> ExchangeData:
    """The ledger read from its file, without a database (and so without conflicts)."""
    (tmp_path / "ledger.yaml").write_text(LEDGER, "utf-8")
    found, problems = parse_paths([tmp_path])
    assert not problems, problems
    return ExchangeData(found.ledger())


@pytest.fixture(scope="module")
def ledger_dir(database: str) -> Path:
    return Path(database.removeprefix("sqlite:///")).parent / "ledger"
