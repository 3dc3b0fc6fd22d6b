"""The attribute-conflict rule: one person, organisation or event with two values of a
single-valued property (a role, a leader, an affiliation, a location) at the same time."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from provenance import agreement, dates, names
from provenance.checks import _revisions as rv
from provenance.checks._positions import camp_details, place, position_weight
from provenance.checks.base import Finding, GroupRule, Groups, Option
from provenance.checks.context import Context
from provenance.model import (
    Claim,
    EntityKind,
    EntityValue,
    PartialDate,
    Polarity,
    Precision,
    Severity,
    TextValue,
    TimeSpan,
    ValueKind,
)
from provenance.properties import PROPERTIES

ATTRIBUTE_PROPERTIES = tuple(
    sorted(
        name
        for name, spec in PROPERTIES.items()
        if spec.single_valued
        and spec.kind in (ValueKind.ENTITY, ValueKind.TEXT)
        and name != "weekday"  # date-conflict compares it with the event's dates
    )
)


class AttributeConflict(GroupRule):
    """One person or organisation with two values of a single-valued property at one time.

    Why it matters:
        A person holds one role at a time, an organisation has one leader, an event took
        place in one location. Two sources that give different values for the same time
        cannot both be right, and a profile, an org chart or a map built on the wrong one
        misleads. The time of a claim is its `as_of`, else the year its source was
        published (a role stated in a 2017 article is the role in 2017; the setting
        `publication_precision` narrows it to the month or day); two claims with no time at
        all are taken to hold at the same time. An event does not move: where it took place
        is compared whenever it was reported. Not a conflict: values that agree (text with
        the same words, "leader of the Taliban" and "Taliban leader"; the same entity, or
        one inside the other, a village and its district), different values at different
        times (deputy leader in 2014, leader in 2016: a change), copies of one story (one
        assertion), and the same speaker changing the value, or a claim that `supersedes`
        another: a revision, shown in time order but never failing. Only the
        single-valued entity and text properties (`role`, `leader`, `affiliation`,
        `location`, `attacker-identity`...) are compared, and only affirmed claims.
        The rule reports one conflict per subject and property with every position in
        it (speakers, sources, independent sources, weight, times), the weightiest
        first; two spellings of one name are one position (the name matcher's confident
        tier: "Zabihullah" and "Zabiullah"), and a value naming several things ("Pakistani
        and Afghan") is their set. The conflict's id is the property and its positions:
        a claim repeating a position keeps the review, a new position is new.

    Example:
        claims:
          - id: caci-mansour-role
            subject: akhtar-mohammad-mansour
            property: role
            value: deputy leader of the Taliban
            as_of: 2015-06
            source: caci-2017-11-13
          - id: gt-mansour-role
            subject: akhtar-mohammad-mansour
            property: role
            value: leader of the Taliban
            as_of: 2015
            source: globetrotter-2023

    Fix:
        Narrow the times if the sources allow it: an `as_of` on each claim (deputy leader
        until June 2015, leader from July 2015: `as_of: ../2015-06` and `2015-07/..`) turns
        a conflict into a change. If a value was misrecorded, correct it; if a speaker
        corrected themselves, link the new claim with `supersedes:`. Then review:
        `resolved --in-favour-of CLAIM` names the value that stands, `disputed` keeps both
        visible in reports, `not-a-conflict` records that both can be true (two titles of
        one position), `distinct` that the claims are about two different people or
        places sharing a name (then split the subject), `same-entity` that two entity
        values name one thing (then make one name an alias of the other).
    """

    id = "attribute-conflict"
    default_severity = Severity.WARNING
    weighs_values = True
    options: ClassVar[Mapping[str, Option]] = {
        "publication_precision": Option(
            "year",
            "how a claim without as_of is placed in time by its source's publication date: "
            "year (a role stated in a 2017 article holds in 2017), month or day; "
            "any other value reads as year",
        )
    }

    groups = Groups(
        kinds=frozenset({ValueKind.ENTITY.value, ValueKind.TEXT.value}),
        properties=frozenset(ATTRIBUTE_PROPERTIES),
    )

    def group(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        precision = _PRECISIONS.get(str(self.settings["publication_precision"]), Precision.YEAR)
        return _group(Times(context, precision), claims)


_PRECISIONS = {"year": Precision.YEAR, "month": Precision.MONTH, "day": Precision.DAY}


@dataclass(frozen=True, slots=True)
class Times:
    """When claims hold: as_of, else the source's publication at the configured precision;
    an event's attributes (where it took place) hold whenever it is reported."""

    context: Context
    precision: Precision

    def of(self, claim: Claim) -> TimeSpan | None:
        if claim.as_of is not None:
            return claim.as_of
        published = self.context.statement_time(claim)
        if published is None:
            return None
        start, end = (_coarse(d, self.precision) for d in (published.start, published.end))
        return TimeSpan(published.text, start, end)

    def timeless(self, claim: Claim) -> bool:
        subject = self.context.entities.get(claim.subject)
        return subject is not None and subject.kind is EntityKind.EVENT

    def overlap(self, a: Claim, b: Claim) -> bool:
        """Whether two claims hold at overlapping times (no time: whenever the other)."""
        if self.timeless(a):
            return True
        first, second = self.of(a), self.of(b)
        return first is None or second is None or dates.overlaps(first, second)


def _coarse(d: PartialDate | None, precision: Precision) -> PartialDate | None:
    if d is None or d.precision <= precision:
        return d
    return PartialDate(
        d.year,
        d.month if precision >= Precision.MONTH else None,
        d.day if precision >= Precision.DAY else None,
    )


def _group(times: Times, group: list[Claim]) -> Iterator[Finding]:
    context = times.context
    stated = [
        c
        for c in group
        if c.polarity is Polarity.AFFIRMED and isinstance(c.value, EntityValue | TextValue)
    ]
    if len(stated) < 2:
        return

    def disagree(a: Claim, b: Claim) -> bool:
        return times.overlap(a, b) and not same_value(context, a, b)

    reading = rv.read_group(context, stated, disagree)
    what = f"{stated[0].property} of {context.name(stated[0].subject)}"
    for sequence in reading.revisions:
        yield rv.revision(context, sequence, what)
    time = None if times.timeless(stated[0]) else times.of
    standing = rv.representatives(context, reading, time)
    involved = {c.id: c for a, b in rv.pairs(context, standing) if disagree(a, b) for c in (a, b)}
    if involved:
        live = [c for c in reading.live if c.id in involved or _joins(context, c, involved)]
        yield _conflict(times, _positions(context, sorted(live, key=place)), what)


def _joins(context: Context, claim: Claim, involved: dict[str, Claim]) -> bool:
    """A claim that repeats the value of a claim in the dispute stands with it."""
    return any(same_value(context, claim, other) for other in involved.values())


_SEPARATORS = re.compile(r"\s*(?:,|;|&|\+|\band\b)\s*", re.IGNORECASE)


def parts(text: str) -> tuple[str, ...]:
    """The things a value names: "Pakistani and Afghan" names two."""
    return tuple(p for p in _SEPARATORS.split(text) if p.strip()) or (text,)


def _one_name(context: Context, a: str, b: str) -> bool:
    if agreement.text_key(a) == agreement.text_key(b):
        return True
    return names.compare(a, b).verdict in (names.NameVerdict.SAME, names.NameVerdict.VARIANT)


def same_value(context: Context, a: Claim, b: Claim) -> bool:
    """The two values are one position: they agree (the same entity or one inside the other;
    the same words), or name the same things spelled two ways (the name matcher's confident
    tier), a value naming several things being the set of them."""
    if agreement.values_agree(context, a, b) is True:
        return True
    if not isinstance(a.value, TextValue) or not isinstance(b.value, TextValue):
        return False
    first, second = parts(a.value.text), parts(b.value.text)
    return all(any(_one_name(context, x, y) for y in second) for x in first) and all(
        any(_one_name(context, y, x) for x in first) for y in second
    )


def _positions(context: Context, claims: list[Claim]) -> list[list[Claim]]:
    """The claims grouped into positions (each joins the first position it is one with)."""
    camps: list[list[Claim]] = []
    for claim in claims:
        for camp in camps:
            if same_value(context, camp[0], claim):
                camp.append(claim)
                break
        else:
            camps.append([claim])
    return camps


def _label(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, EntityValue):
        return "+".join(sorted(set(value.ids)))
    assert isinstance(value, TextValue)
    return "+".join(sorted(" ".join(sorted(agreement.text_key(p))) for p in parts(value.text)))


def _interval(span: TimeSpan | None) -> list[str | None] | None:
    return None if span is None else list(dates.sortable_span(span))


def _conflict(times: Times, camps: list[list[Claim]], what: str) -> Finding:
    """One finding per question: its positions (the weightiest first), keyed on their
    values, so a claim repeating a position keeps the review and a new position is new."""
    context = times.context
    camps = sorted(camps, key=lambda cs: -position_weight(cs))

    def side(cs: list[Claim]) -> str:
        when = ", ".join(dict.fromkeys(rv.when(context, c) for c in cs))
        sources = ", ".join(dict.fromkeys(c.source for c in cs))
        return f"{agreement.words(context, cs[0])} ({when}, {sources})"

    def shown(claim: Claim) -> str:
        return agreement.words(context, claim)

    claims = [c for cs in camps for c in cs]
    positions = []
    for cs in camps:
        found = camp_details(context, _label(cs[0]), cs, shown)
        assert isinstance(found, dict)
        found["intervals"] = [_interval(times.of(c)) for c in cs]
        positions.append(found)
    return Finding(
        key=(claims[0].subject, claims[0].property, *sorted(_label(cs[0]) for cs in camps)),
        message=f"{what}: "
        + " vs ".join(side(cs) for cs in camps)
        + ": different values at overlapping times",
        subject=claims[0].subject,
        claims=tuple(c.id for c in claims),
        places=tuple(c.origin for c in claims if c.origin),
        details={
            "property": claims[0].property,
            "values": [agreement.words(context, cs[0]) for cs in camps],
            "times": [rv.when(context, cs[0]) for cs in camps],
            "sources": [cs[0].source for cs in camps],
            "positions": positions,
        },
    )
