"""`export --format prov-json`: the ledger as a W3C PROV document in PROV-JSON, built and
serialised by the `prov` library, for provenance tools and graph stores.

- each source is an entity (`source:ID`), attributed to its publisher and authors (agents),
  and `wasDerivedFrom` the sources it repeats;
- each claim is an entity (`claim:ID`) with its subject, property, value (a quantity's
  bounds as numbers) and polarity; it `wasAttributedTo` its speakers (agents), and
  `wasQuotedFrom` its source when the ledger keeps its words (else `wasDerivedFrom` it);
  a claim that supersedes another `wasRevisionOf` it;
- each review is an entity (`review:...`) attributed to its reviewer (an agent) and derived
  from the claims it decides, with its verdict, note and time;
- each entity of the ledger that is a person or an organisation is an agent
  (prov:Person, prov:Organization); events, places and others are entities (`entity:ID`)."""

from __future__ import annotations

import re
from typing import Any

from provenance.exports.common import ExchangeData, iso_start, statement, value_text
from provenance.model import Claim, EntityKind, EntityValue, Quantity, Review, Source

LEDGER = "urn:provenance:"
SUFFIX = ".prov.json"
NAMESPACES = {
    "pv": LEDGER + "vocabulary#",
    "source": LEDGER + "source:",
    "claim": LEDGER + "claim:",
    "agent": LEDGER + "agent:",
    "entity": LEDGER + "entity:",
    "review": LEDGER + "review:",
}
AGENT_TYPES = {EntityKind.PERSON: "prov:Person", EntityKind.ORGANISATION: "prov:Organization"}


def slug(text: str) -> str:
    """A name as the local part of a qualified name: "Analyst One" -> "analyst-one"."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "unnamed"


def render(data: ExchangeData) -> str:
    from prov.model import ProvDocument

    document: Any = ProvDocument()
    for prefix, uri in NAMESPACES.items():
        document.add_namespace(prefix, uri)
    agents: set[str] = set()
    for entity in data.ledger.entities:
        attributes: dict[str, Any] = {"prov:label": entity.name, "pv:kind": entity.kind.value}
        if entity.kind in AGENT_TYPES:
            document.agent(
                f"agent:{entity.id}", {**attributes, "prov:type": AGENT_TYPES[entity.kind]}
            )
            agents.add(entity.id)
        else:
            document.entity(f"entity:{entity.id}", attributes)
    for source in data.ledger.sources:
        _source(document, source, agents)
    for claim in data.ledger.claims:
        _claim(document, claim, data, agents)
    for conflict in data.conflicts:
        for n, review in enumerate(conflict.reviews, 1):
            claims = [c for c in conflict.claims if c in data.claims]
            _review(document, conflict.id, n, review, claims, agents)
    text = document.serialize(format="json", indent=2) or ""
    return text + "\n"


def _agent(document: Any, key: str, name: str, kind: str, agents: set[str]) -> str:
    """The agent for a name the ledger holds no entity for (a publisher, an author, a
    reviewer), declared once."""
    if key not in agents:
        document.agent(f"agent:{key}", {"prov:label": name, "prov:type": kind})
        agents.add(key)
    return f"agent:{key}"


def _source(document: Any, source: Source, agents: set[str]) -> None:
    attributes: dict[str, Any] = {
        "prov:label": source.title,
        "prov:type": "pv:Source",
        "pv:kind": source.kind.value,
        "pv:reliability": source.reliability.value,
    }
    if source.url:
        attributes["pv:url"] = source.url
    if source.published is not None:
        attributes["pv:published"] = iso_start(source.published) or source.published.text
    if source.publisher:
        attributes["pv:publisher"] = source.publisher
    node = f"source:{source.id}"
    document.entity(node, attributes)
    if source.publisher:
        key = "publisher-" + slug(source.publisher)
        document.wasAttributedTo(
            node, _agent(document, key, source.publisher, "prov:Organization", agents)
        )
    for author in source.authors:
        key = "author-" + slug(author)
        document.wasAttributedTo(node, _agent(document, key, author, "prov:Person", agents))
    for origin in source.derived_from:
        document.wasDerivedFrom(node, f"source:{origin}")


def _claim(document: Any, claim: Claim, data: ExchangeData, agents: set[str]) -> None:
    attributes: dict[str, Any] = {
        "prov:label": statement(claim, data.entities),
        "prov:type": "pv:Claim",
        "pv:subject": claim.subject,
        "pv:property": claim.property,
        "pv:value": value_text(claim, data.entities),
        "pv:polarity": claim.polarity.value,
    }
    value = claim.value
    if isinstance(value, Quantity):
        numbers = {"pv:low": value.low, "pv:high": value.high, "pv:best": value.best}
        attributes.update({k: _number(v) for k, v in numbers.items() if v is not None})
        attributes["pv:lowOpen"] = value.low_open
        attributes["pv:highOpen"] = value.high_open
    if isinstance(value, EntityValue):
        attributes["pv:entities"] = " ".join(value.ids)
    for key, text in (
        ("pv:unit", claim.unit),
        ("pv:scope", claim.scope),
        ("pv:stance", claim.stance),
        ("pv:quote", claim.quote),
        ("pv:locator", claim.locator),
    ):
        if text:
            attributes[key] = text
    if claim.as_of is not None:
        attributes["pv:asOf"] = iso_start(claim.as_of) or claim.as_of.text
    node = f"claim:{claim.id}"
    document.entity(node, attributes)
    for speaker in claim.said_by:
        name = data.entities[speaker].name if speaker in data.entities else speaker
        agent = (
            f"agent:{speaker}"
            if speaker in agents
            else _agent(document, speaker, name, "prov:Organization", agents)
        )
        document.wasAttributedTo(node, agent)
    if claim.quote:
        document.wasQuotedFrom(node, f"source:{claim.source}")
    else:
        document.wasDerivedFrom(node, f"source:{claim.source}")
    if claim.supersedes:
        document.wasRevisionOf(node, f"claim:{claim.supersedes}")


def _review(
    document: Any, conflict: str, n: int, review: Review, claims: list[str], agents: set[str]
) -> None:
    node = f"review:{slug(conflict)}-{n}"
    attributes: dict[str, Any] = {
        "prov:type": "pv:Review",
        "pv:conflict": conflict,
        "pv:verdict": review.verdict.value,
        "pv:at": review.at.isoformat(),
    }
    if review.note:
        attributes["prov:label"] = review.note
    if review.in_favour_of:
        attributes["pv:inFavourOf"] = f"claim:{review.in_favour_of}"
    document.entity(node, attributes)
    key = "reviewer-" + slug(review.reviewer)
    document.wasAttributedTo(node, _agent(document, key, review.reviewer, "prov:Person", agents))
    for claim in claims:
        document.wasDerivedFrom(node, f"claim:{claim}")


def _number(x: float) -> int | float:
    """A whole figure as an integer (a JSON number); PROV-JSON writes any other float as a
    typed literal, {"$": "2.5", "type": "xsd:double"}."""
    return int(x) if float(x).is_integer() else float(x)
