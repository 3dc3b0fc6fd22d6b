"""`export --format claimreview`, and the same objects in the HTML report: schema.org
ClaimReview JSON-LD, expanded by a JSON-LD processor (PyLD) into objects of type
https://schema.org/ClaimReview. schema.org's context is served from here (a JSON-LD
processor would fetch it): every term in the schema.org vocabulary."""

from __future__ import annotations

import json
import re
from typing import Any

from click.testing import CliRunner
from pyld import jsonld

from conftest import SHIPPED
from exports.exchange import database, export

__all__ = ["database"]  # the fixture, shared by the exchange formats' tests
from provenance.cli import main

SCHEMA = "https://schema.org/"


def schema_org(url: str, options: object = None) -> dict[str, Any]:
    """The document loader: schema.org's context, every term in its vocabulary."""
    assert url.rstrip("/") == SCHEMA.rstrip("/"), url
    return {
        "contextUrl": None,
        "documentUrl": url,
        "document": {"@context": {"@vocab": SCHEMA}},
    }


def expanded(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = jsonld.expand(documents, {"documentLoader": schema_org})
    return found


def test_reviewed_claims_expand_as_claim_reviews(database: str) -> None:
    documents = json.loads(export(database, "claimreview"))
    found = expanded(documents)
    assert found and all(d["@type"] == [SCHEMA + "ClaimReview"] for d in found)
    reviewed: dict[str, set[str]] = {}
    for d in documents:
        rating = d["reviewRating"]["alternateName"].split(":")[0]
        reviewed.setdefault(d["itemReviewed"]["identifier"], set()).add(rating)
    assert reviewed["wire-killed"] == {"Stands"}
    assert reviewed["radio-killed"] == {"Does not stand"}  # one toll conflict, every position
    assert reviewed["taliban-denial"] == {"Disputed"}
    wire = next(d for d in found if SCHEMA + "itemReviewed" in d and "wire" in json.dumps(d))
    item = wire[SCHEMA + "itemReviewed"][0]
    assert item["@type"] == [SCHEMA + "Claim"]


def test_the_html_report_embeds_the_same_claim_reviews(tmp_path: object) -> None:
    page = CliRunner().invoke(main, ["report", str(SHIPPED), "--format", "html"]).stdout
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    documents = json.loads(block)
    assert {d["reviewRating"]["alternateName"].split(":")[0] for d in documents} == {
        "Stands",
        "Does not stand",
        "Disputed",
    }
    assert all(d["@type"] == [SCHEMA + "ClaimReview"] for d in expanded(documents))
