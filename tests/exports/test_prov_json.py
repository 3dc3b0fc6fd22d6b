"""`export --format prov-json` read back by the `prov` library: sources and claims as
entities, speakers, publishers and reviewers as agents, and the relations between them."""

from __future__ import annotations

import io
import json
from pathlib import Path

import prov.model
from prov.model import ProvDocument

from exports.exchange import database, export, parsed
from provenance.exports import prov_json

__all__ = ["database"]  # the fixture, shared by the exchange formats' tests


def document(database: str) -> ProvDocument:
    found = prov.read(io_text(export(database, "prov-json")), format="json")
    assert isinstance(found, ProvDocument)
    return found


def io_text(text: str) -> io.StringIO:
    return io.StringIO(text)


def relations(doc: ProvDocument, kind: type) -> set[tuple[str, str]]:
    found = set()
    for record in doc.get_records(kind):
        first, second = (str(v) for _, v in list(record.formal_attributes)[:2])
        found.add((first, second))
    return found


def test_prov_reads_the_export_back_without_error(database: str) -> None:
    doc = document(database)
    entities = {str(r.identifier) for r in doc.get_records(prov.model.ProvEntity)}
    agents = {str(r.identifier) for r in doc.get_records(prov.model.ProvAgent)}
    assert {"source:wire", "source:repost", "claim:wire-killed", "entity:attack"} <= entities
    assert {"agent:officials", "agent:spokesman", "agent:reviewer-analyst-one"} <= agents
    assert "agent:publisher-wire-agency" in agents and "agent:author-ann-writer" in agents


def test_claims_are_attributed_quoted_derived_and_revised(database: str) -> None:
    doc = document(database)
    attributed = relations(doc, prov.model.ProvAttribution)
    assert ("claim:wire-killed", "agent:officials") in attributed
    assert ("claim:taliban-denial", "agent:spokesman") in attributed
    assert ("source:wire", "agent:publisher-wire-agency") in attributed
    derivations = relations(doc, prov.model.ProvDerivation)
    assert ("claim:wire-killed", "source:wire") in derivations  # quoted: a derivation too
    assert ("claim:radio-killed", "source:radio") in derivations
    assert ("source:repost", "source:wire") in derivations
    assert ("claim:radio-killed", "claim:radio-killed-first") in derivations
    kinds = {
        str(a)
        for r in doc.get_records(prov.model.ProvDerivation)
        for k, a in r.attributes
        if str(k) == "prov:type"
    }
    assert {"prov:Quotation", "prov:Revision"} <= kinds


def attributes(doc: ProvDocument, identifier: str) -> dict[str, object]:
    [record] = [r for r in doc.get_records() if str(r.identifier) == identifier]
    return {str(k): v for k, v in record.attributes}


def test_figures_are_numbers_and_reviews_are_attributed(database: str) -> None:
    doc = document(database)
    repost = attributes(doc, "claim:repost-killed")
    assert (repost["pv:low"], repost["pv:high"]) == (50, 61)  # xsd:int, read back as int
    wire = attributes(doc, "claim:wire-killed")
    assert wire["pv:low"] == 51 and "pv:high" not in wire
    raw = json.loads(export(database, "prov-json"))
    assert raw["entity"]["claim:wire-killed"]["pv:low"] == {"$": "51", "type": "xsd:int"}
    reviews = {k: v for k, v in raw["entity"].items() if k.startswith("review:")}
    verdicts = sorted(v["pv:verdict"] for v in reviews.values())
    assert verdicts == ["disputed", "resolved"]  # the toll's positions, the perpetrator
    attributed = relations(doc, prov.model.ProvAttribution)
    assert all((k, "agent:reviewer-analyst-one") in attributed for k in reviews)


def test_a_best_estimate_is_a_number_of_its_own(tmp_path: Path) -> None:
    doc = prov.read(io_text(prov_json.render(parsed(tmp_path))), format="json")
    repost = attributes(doc, "claim:repost-killed")
    assert (repost["pv:low"], repost["pv:best"], repost["pv:high"]) == (50, 57, 61)
