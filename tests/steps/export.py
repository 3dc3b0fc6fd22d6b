"""Steps about the exchange formats: each read back by its own library (prov, stix2) or
expanded as JSON-LD (PyLD, with schema.org's vocabulary served locally)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pytest_bdd import parsers, then

from steps.cli import Run

SCHEMA = "https://schema.org/"


def _prov(last_run: Run) -> Any:
    import prov

    return prov.read(io.StringIO(last_run.stdout), format="json")


def _stix(last_run: Run) -> Any:
    import stix2

    return stix2.parse(last_run.stdout, allow_custom=False)


@then(parsers.parse('stdout is a PROV document with the entity "{identifier}"'))
def prov_entity(last_run: Run, identifier: str) -> None:
    from prov.model import ProvEntity

    found = {str(r.identifier) for r in _prov(last_run).get_records(ProvEntity)}
    assert identifier in found, sorted(found)[:20]


def _related(last_run: Run, kind: str, first: str, second: str, subtype: str = "") -> bool:
    import prov.model

    record_type = getattr(prov.model, kind)
    for record in _prov(last_run).get_records(record_type):
        ends = [str(v) for _, v in list(record.formal_attributes)[:2]]
        types = {str(v) for k, v in record.attributes if str(k) == "prov:type"}
        if ends == [first, second] and (not subtype or subtype in types):
            return True
    return False


@then(parsers.parse('the PROV document says "{first}" was attributed to "{second}"'))
def prov_attributed(last_run: Run, first: str, second: str) -> None:
    assert _related(last_run, "ProvAttribution", first, second)


@then(parsers.parse('the PROV document says "{first}" was quoted from "{second}"'))
def prov_quoted(last_run: Run, first: str, second: str) -> None:
    assert _related(last_run, "ProvDerivation", first, second, "prov:Quotation")


@then(parsers.parse('stdout is a STIX bundle with a report named "{name}"'))
def stix_report(last_run: Run, name: str) -> None:
    bundle = _stix(last_run)
    assert bundle.type == "bundle"
    assert name in [o.name for o in bundle.objects if o.type == "report"]


@then(parsers.parse('the STIX bundle has an identity named "{name}"'))
def stix_identity(last_run: Run, name: str) -> None:
    assert name in [o.name for o in _stix(last_run).objects if o.type == "identity"]


@then(parsers.parse("the STIX bundle has {count:d} opinions"))
def stix_opinions(last_run: Run, count: int) -> None:
    assert len([o for o in _stix(last_run).objects if o.type == "opinion"]) == count


def _schema_org(url: str, options: object = None) -> dict[str, Any]:
    assert url.rstrip("/") == SCHEMA.rstrip("/"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


@then(parsers.parse("stdout is JSON-LD of {count:d} objects of type ClaimReview"))
def claim_reviews(last_run: Run, count: int) -> None:
    from pyld import jsonld

    expanded = jsonld.expand(json.loads(last_run.stdout), {"documentLoader": _schema_org})
    assert [d["@type"] for d in expanded] == [[SCHEMA + "ClaimReview"]] * count


@then(parsers.parse('a ClaimReview of "{claim}" is rated "{rating}"'))
def claim_review_rating(last_run: Run, claim: str, rating: str) -> None:
    found = {
        d["itemReviewed"]["identifier"]: d["reviewRating"]["alternateName"]
        for d in json.loads(last_run.stdout)
    }
    assert found.get(claim) == rating, found


@then(parsers.parse('every "{column}" on stdout is a number or empty'))
def numeric_column(last_run: Run, column: str) -> None:
    for row in csv.DictReader(io.StringIO(last_run.stdout)):
        if row[column]:
            float(row[column])
