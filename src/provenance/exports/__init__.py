"""The ledger in the field's exchange formats (`provenance export --format ...`): one module
per format, each rendering an ExchangeData with the format's own library, registered in
FORMATS. A format's module, and its library, load only when that format is asked for."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.exports.common import ExchangeData


@dataclass(frozen=True, slots=True)
class ExchangeFormat:
    """One exchange format: the module that renders it, and the file name it is written to
    under `export -o DIR`."""

    module: str
    file_name: str
    summary: str

    def render(self, data: ExchangeData) -> str:
        found: str = importlib.import_module(self.module).render(data)
        return found


FORMATS: dict[str, ExchangeFormat] = {
    "prov-json": ExchangeFormat(
        "provenance.exports.prov_json",
        "ledger.prov.json",
        "W3C PROV-JSON: sources, claims and reviews as entities, speakers and reviewers as agents",
    ),
    "stix": ExchangeFormat(
        "provenance.exports.stix",
        "ledger.stix.json",
        "a STIX 2.1 bundle: a report per source, identities, notes, opinions",
    ),
    "claimreview": ExchangeFormat(
        "provenance.exports.claimreview",
        "ledger.claimreview.jsonld",
        "schema.org ClaimReview JSON-LD for the claims an analyst's review decided",
    ),
    "events-csv": ExchangeFormat(
        "provenance.exports.events_csv",
        "events.csv",
        "an event table: one row per event and source, figures as numbers",
    ),
}
"""format name -> how it is rendered and named."""
