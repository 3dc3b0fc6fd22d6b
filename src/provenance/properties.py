"""The known claim properties: what kind of value each takes, whether it holds one value at a
time, whether its figures are whole counts, how they relate over time (a running count or a
state), how figures of different properties relate (killed within casualties; casualties the
sum of killed and wounded), and whether it says who did something. The vocabulary is open:
any other property works when its value says its kind, and a ledger declares its own
properties (with the same traits) in a `properties:` section."""

from __future__ import annotations

from collections.abc import Iterable

from provenance.model import PropertySpec, Tally, ValueKind

_Q, _E, _D, _T = ValueKind.QUANTITY, ValueKind.ENTITY, ValueKind.DATE, ValueKind.TEXT
_RUN, _STATE = Tally.RUNNING, Tally.STATE
_HARMED = ("casualties", "present")


def _count(
    ident: str, description: str, within: tuple[str, ...] = (), sum_of: tuple[str, ...] = ()
) -> PropertySpec:
    return PropertySpec(
        ident, _Q, description, count=True, tally=_RUN, within=within, sum_of=sum_of
    )


def _who(ident: str, description: str) -> PropertySpec:
    return PropertySpec(ident, _E, description, attribution=True)


def _milestone(ident: str, description: str) -> PropertySpec:
    return PropertySpec(ident, _D, description, single_valued=True)


KNOWN: tuple[PropertySpec, ...] = (
    _count("killed", "people killed", within=_HARMED),
    _count("wounded", "people wounded", within=_HARMED),
    _count(
        "casualties", "people killed or wounded", sum_of=("killed", "wounded"), within=("present",)
    ),
    _count("hostages", "people taken hostage", within=("present",)),
    _count("missing", "people missing"),
    _count("displaced", "people displaced"),
    _count("arrested", "people arrested or detained"),
    _count("released", "people released"),
    _count("present", "people present where an event took place"),
    _count("attackers", "the attackers who took part"),
    _count("incidents", "events of a kind, counted"),
    PropertySpec("members", _Q, "members of an organisation", count=True, tally=_STATE),
    PropertySpec("fighters", _Q, "fighters of an armed group", count=True, tally=_STATE),
    PropertySpec("troops", _Q, "soldiers of an armed force", count=True, tally=_STATE),
    PropertySpec("territory-share", _Q, "share of a territory held or contested", tally=_STATE),
    PropertySpec("population-share", _Q, "share of a population", tally=_STATE),
    PropertySpec("amount", _Q, "a sum of money or a measured amount"),
    PropertySpec("explosives", _Q, "the weight of the explosives used", tally=_RUN, unit="kg"),
    PropertySpec("duration", _Q, "how long an event lasted", tally=_RUN, unit="h"),
    _who("perpetrator", "who carried out an event"),
    _who("claimed-by", "who claimed responsibility for an event"),
    _who("planned-by", "who planned an event"),
    _who("ordered-by", "who ordered an event"),
    _who("funded-by", "who paid for an event"),
    _who("commander", "who led an operation or a unit"),
    PropertySpec("target", _E, "who or what an event was aimed at"),
    PropertySpec("location", _E, "where an event took place", single_valued=True),
    PropertySpec("leader", _E, "who leads an organisation", single_valued=True),
    PropertySpec("affiliation", _E, "the organisation a person belongs to", single_valued=True),
    PropertySpec("allegiance", _E, "whom a person or group pledged allegiance to"),
    PropertySpec("author", _E, "who wrote or issued a letter or statement"),
    PropertySpec("recipient", _E, "to whom a letter or statement was addressed"),
    PropertySpec("place-of-death", _E, "where a person died", single_valued=True),
    PropertySpec("role", _T, "a person's position", single_valued=True),
    PropertySpec("attacker-identity", _T, "who an attacker was", single_valued=True),
    PropertySpec("manner-of-death", _T, "how a person died", single_valued=True),
    PropertySpec("weekday", _T, "the day of the week an event took place", single_valued=True),
    _milestone("date", "when an event took place"),
    _milestone("time", "the time of day an event took place, with its date"),
    _milestone("date-started", "when an event began"),
    _milestone("date-ended", "when an event ended"),
    _milestone("date-captured", "when a person or place was captured"),
    _milestone("date-released", "when a person was released"),
    _milestone("date-announced", "when something was announced"),
    _milestone("date-of-death", "when a person died"),
    _milestone("founded", "when an organisation was founded"),
    PropertySpec("active-since", _D, "since when an organisation is active somewhere"),
    PropertySpec("statement", _T, "what a speaker said, in the analyst's words"),
    PropertySpec("assessment", _T, "an analytic judgement, in the analyst's words"),
    PropertySpec("status", _T, "the state of a person, group or place"),
)
PROPERTIES: dict[str, PropertySpec] = {spec.id: spec for spec in KNOWN}


class PropertyBook:
    """The properties a ledger knows: the shipped ones, and those it declares (a declared
    property of a known name refines it)."""

    def __init__(self, declared: Iterable[PropertySpec] = ()) -> None:
        self.specs: dict[str, PropertySpec] = dict(PROPERTIES)
        self.specs.update((spec.id, spec) for spec in declared)

    def get(self, name: str) -> PropertySpec | None:
        return self.specs.get(name)

    def declare(self, spec: PropertySpec) -> None:
        self.specs[spec.id] = spec

    def tally(self, name: str, subject_is_event: bool) -> Tally:
        """How the property's figures relate over time: as it says, else a running count
        when the subject is an event (it happened once) and a state otherwise."""
        spec = self.specs.get(name)
        if spec is not None and spec.tally is not None:
            return spec.tally
        return Tally.RUNNING if subject_is_event else Tally.STATE

    def within(self, name: str) -> tuple[str, ...]:
        """Every property this one is a part of, nearest first (killed: casualties, present)."""
        found: list[str] = []
        queue = list(self.specs[name].within) if name in self.specs else []
        while queue:
            current = queue.pop(0)
            if current in found or current == name:
                continue
            found.append(current)
            spec = self.specs.get(current)
            queue.extend(spec.within if spec else ())
        return tuple(found)
