"""The known claim properties: what kind of value each takes and whether it holds one value
at a time. The vocabulary is open: any other property works when its value says its kind."""

from __future__ import annotations

from dataclasses import dataclass

from provenance.model import ValueKind


@dataclass(frozen=True, slots=True)
class PropertySpec:
    name: str
    kind: ValueKind
    description: str
    single_valued: bool = False
    count: bool = False


_Q, _E, _D, _T = ValueKind.QUANTITY, ValueKind.ENTITY, ValueKind.DATE, ValueKind.TEXT

PROPERTIES: dict[str, PropertySpec] = {
    spec.name: spec
    for spec in (
        PropertySpec("killed", _Q, "people killed", count=True),
        PropertySpec("wounded", _Q, "people wounded", count=True),
        PropertySpec("casualties", _Q, "people killed or wounded", count=True),
        PropertySpec("hostages", _Q, "people taken hostage", count=True),
        PropertySpec("missing", _Q, "people missing", count=True),
        PropertySpec("displaced", _Q, "people displaced", count=True),
        PropertySpec("arrested", _Q, "people arrested or detained", count=True),
        PropertySpec("released", _Q, "people released", count=True),
        PropertySpec("members", _Q, "members of an organisation", count=True),
        PropertySpec("fighters", _Q, "fighters of an armed group", count=True),
        PropertySpec("troops", _Q, "soldiers of an armed force", count=True),
        PropertySpec("incidents", _Q, "events of a kind, counted", count=True),
        PropertySpec("territory-share", _Q, "share of a territory held or contested"),
        PropertySpec("population-share", _Q, "share of a population"),
        PropertySpec("amount", _Q, "a sum of money or a measured amount"),
        PropertySpec("perpetrator", _E, "who carried out an event"),
        PropertySpec("claimed-by", _E, "who claimed responsibility for an event"),
        PropertySpec("commander", _E, "who led an operation or a unit"),
        PropertySpec("target", _E, "who or what an event was aimed at"),
        PropertySpec("location", _E, "where an event took place", single_valued=True),
        PropertySpec("leader", _E, "who leads an organisation", single_valued=True),
        PropertySpec("affiliation", _E, "the organisation a person belongs to", single_valued=True),
        PropertySpec("allegiance", _E, "whom a person or group pledged allegiance to"),
        PropertySpec("author", _E, "who wrote or issued a letter or statement"),
        PropertySpec("recipient", _E, "to whom a letter or statement was addressed"),
        PropertySpec("role", _T, "a person's position", single_valued=True),
        PropertySpec("date", _D, "when an event took place", single_valued=True),
        PropertySpec("founded", _D, "when an organisation was founded", single_valued=True),
        PropertySpec("active-since", _D, "since when an organisation is active somewhere"),
        PropertySpec("statement", _T, "what a speaker said, in the analyst's words"),
        PropertySpec("assessment", _T, "an analytic judgement, in the analyst's words"),
        PropertySpec("status", _T, "the state of a person, group or place"),
    )
}
