"""`export --format stix` parsed by the `stix2` library as a STIX 2.1 bundle: a report per
source with its address, identities for speakers, notes for claims, opinions for reviews."""

from __future__ import annotations

from typing import Any

import stix2

from exports.exchange import database, export

__all__ = ["database"]  # the fixture, shared by the exchange formats' tests


def bundle(database: str) -> Any:
    return stix2.parse(export(database, "stix"), allow_custom=False)


def of_type(found: Any, kind: str) -> list[Any]:
    return [o for o in found.objects if o.type == kind]


def test_the_bundle_parses_as_stix_2_1(database: str) -> None:
    found = bundle(database)
    assert found.type == "bundle"
    assert {o.spec_version for o in found.objects} == {"2.1"}
    reports = {r.name: r for r in of_type(found, "report")}
    assert set(reports) == {"Wire story", "Repost", "Local radio bulletin", "Group statement"}
    [reference] = reports["Wire story"].external_references
    assert (reference.source_name, reference.url) == ("Wire Agency", "https://wire.example/story")
    assert reports["Wire story"].published.isoformat().startswith("2017-08-06")


def test_speakers_are_identities_and_claims_notes_in_their_reports(database: str) -> None:
    found = bundle(database)
    identities = {i.name: i for i in of_type(found, "identity")}
    assert identities["Zabihullah Mujahid"].identity_class == "individual"
    assert identities["Provincial officials"].identity_class == "organization"
    [incident] = of_type(found, "incident")
    assert incident.name == "Market attack"
    notes = {n.external_references[0].external_id: n for n in of_type(found, "note")}
    denial = notes["taliban-denial"]
    assert denial.authors == ["Zabihullah Mujahid"]
    assert "perpetrator of Market attack: not Taliban" in denial.content
    assert notes["wire-perpetrator"].confidence == 68  # likely: the middle of 55-80 %
    wire = next(r for r in of_type(found, "report") if r.name == "Wire story")
    assert notes["wire-killed"].id in wire.object_refs
    [derived] = of_type(found, "relationship")
    assert derived.relationship_type == "derived-from"


def test_reviews_are_opinions_on_the_claims_they_decide(database: str) -> None:
    found = bundle(database)
    opinions = of_type(found, "opinion")
    stances = sorted(o.opinion for o in opinions)
    assert stances == ["agree", "disagree", "neutral"]  # resolved toll; disputed perpetrator
    agree = next(o for o in opinions if o.opinion == "agree")
    notes = {n.id: n.external_references[0].external_id for n in of_type(found, "note")}
    assert [notes[ref] for ref in agree.object_refs] == ["wire-killed"]
    assert agree.authors == ["Analyst One"]


def test_the_same_ledger_exports_to_the_same_bundle(database: str) -> None:
    assert export(database, "stix") == export(database, "stix")
