"""The disputed-attribution rule: different answers to "who did it" for one event."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from itertools import groupby
from typing import ClassVar

from provenance import agreement, stances
from provenance.checks._positions import (
    ATTRIBUTION,
    EventDates,
    Kind,
    by_position,
    dispute_finding,
    judge,
    opposing_pairs,
    revision_findings,
    sequence_finding,
)
from provenance.checks.base import Finding, Option, Rule
from provenance.checks.context import Context
from provenance.model import Claim, EntityValue, Polarity, Severity


class DisputedAttribution(Rule):
    """Different answers to who did it, for one event, from different speakers.

    Owns every attribution property: `perpetrator`, `claimed-by`, `planned-by`,
    `ordered-by`, `funded-by`, `commander`, and declared properties with `attribution:
    true`, denials of them included (the `denial` rule owns denials of every other
    property, so one disagreement is never reported twice). A claim of responsibility
    (`claimed-by`, or the stance "claimed responsibility") is an attribution by the
    claimant: it answers the same question as `perpetrator`, so "ISKP claimed it" agrees
    with officials naming ISKP, and with officials naming the Taliban and ISKP (the
    claimant says it took part, not that it acted alone), and is disputed by officials
    naming the Taliban. Each
    position is a polarity and a set of entities; the rule reports one conflict per event
    and question, with every position that takes part in a dispute, its speakers, sources,
    independent sources and weight (hedged claims weigh less: "may have", "alleged"),
    the weightiest first. The conflict's id is the question and its positions: a claim
    joining a position keeps the review, a new position is a new conflict.

    An organisation's parts (`part_of`, followed up) are inside it: an attribution to a
    branch and one to its parent are nested positions, not a dispute; a denial naming the
    parent opposes an attribution to any of its parts; a denial naming one branch says
    nothing against an attribution to another branch, or to the parent. A dispute is two
    different sets from different speakers ("the Taliban" against "the Taliban and ISKP"
    included), or a denial by one speaker of what another affirms. Not a dispute: sets
    that agree; claims from one speaker, or from copies of one source with no speaker
    named (one voice: a change of position is shown as a revision, never failing); a
    denial stated strictly before the claim it seems to contradict (as_of, else the
    source's publication date, at its precision) or before the event's own date; "nobody
    has claimed it" (`value: []`) stated before a claim of responsibility, which is a
    sequence (the setting `show_sequences` shows it in time order, as info; stated after
    the claim, it is a
    dispute; it never answers an accusation, which claims nothing); a denial of a joint
    attack against an attribution to one partner alone. `value: unknown` ("nothing is
    known about the perpetrators") and `polarity: questioned` take no position: see
    `evidence-disputed`. Claims whose value is not a list of entities are left to other
    rules.

    Why it matters:
        Who carried out an attack decides who is counted as responsible, whose capability
        is assessed and whose denial is news. When officials, witnesses and the accused
        group give different answers, a reader must see every answer with who gave it,
        not the one the analyst happened to record first.

    Example:
        claims:
          - id: officials-joint
            subject: mirza-olang-attack
            property: perpetrator
            value: [taliban, iskp]
            said_by: [afghan-government, united-nations]
            source: caci-2017-11-13
          - id: taliban-denial
            subject: mirza-olang-attack
            property: perpetrator
            value: [taliban, iskp]
            polarity: denied
            said_by: [taliban]
            source: caci-2017-11-13

    Fix:
        Check the sources and record what they support. Review the conflict: `disputed`
        keeps the competing attributions open and visible in reports, `resolved
        --in-favour-of CLAIM` names the attribution that stands, `not-a-conflict` records
        that the positions do not exclude each other (say why in the note), `same-entity`
        or `distinct` when the dispute came from two entities that are, or are not, one
        group (then declare the alias or `distinct_from`). A claim repeating a position
        keeps the review; a new position is a new conflict.
    """

    id = "disputed-attribution"
    default_severity = Severity.WARNING
    weighs_values = True
    options: ClassVar[Mapping[str, Option]] = {
        "show_sequences": Option(
            False,
            '"no group has claimed it", then a claim of responsibility: show the sequence '
            "(info, never failing) rather than nothing",
        ),
    }

    def check(self, context: Context) -> Iterator[Finding]:
        wanted = attribution_properties(context)
        events = EventDates(context)
        show = bool(self.settings["show_sequences"])
        for _, claims in groupby(context.claims_with(wanted), key=lambda c: c.subject):
            questions: dict[str, list[Claim]] = defaultdict(list)
            for claim in claims:
                questions[attribution_question(claim.property)].append(claim)
            for question, group in sorted(questions.items()):
                if len(group) > 1:
                    found = _question(context, events, group, question)
                    yield from (f for f in found if show or not _sequence(f))


def _sequence(finding: Finding) -> bool:
    return "sequence" in finding.key[2:3]


def attribution_properties(context: Context) -> frozenset[str]:
    """The entity-valued properties that say who did something, shipped or declared."""
    return frozenset(n for n, spec in context.properties.items() if spec.attribution)


def attribution_question(prop: str) -> str:
    """The question a property answers: who claimed it joins who did it."""
    return "perpetrator" if prop in ATTRIBUTION else prop


def _question(
    context: Context, events: EventDates, group: list[Claim], question: str
) -> Iterator[Finding]:
    """The dispute (and any revisions or sequences) about one attribution question."""
    camps = by_position(group, _position)
    if len(camps) < 2:
        return

    def judged(a: Claim, b: Claim) -> Kind | None:
        if _partner(context, a, b) or _partner(context, b, a):
            return None
        negative = _negative(a, b)
        news = negative is not None and negative.polarity is Polarity.AFFIRMED
        if news and not responsibility(b if negative is a else a):
            return None  # "no group has claimed it" says nothing against an accusation
        return judge(context, events, (a, b), negative, news=news, standing=True)

    def opposed(a: Claim, b: Claim) -> bool:
        return _opposed(context, a, b)

    def show(claim: Claim) -> str:
        return agreement.words(context, claim)

    pairs = opposing_pairs(camps, opposed, judged)
    finding = dispute_finding(context, pairs, _position, show, "disputed", question)
    if finding is not None:
        yield finding
    sequence = sequence_finding(context, pairs, _position, show, question)
    if sequence is not None:
        yield sequence
    yield from revision_findings(context, pairs, _position, show)


def responsibility(claim: Claim) -> bool:
    """A claim of responsibility: `claimed-by`, or the stance "claimed responsibility"."""
    return claim.property == "claimed-by" or stances.takes(claim.stance, "claimed-responsibility")


def _ids(claim: Claim) -> tuple[str, ...]:
    return claim.value.ids if isinstance(claim.value, EntityValue) else ()


def _position(claim: Claim) -> str | None:
    """polarity:sorted entity ids; None for what takes no position: not an attribution, an
    "unknown", a questioned claim (evidence-disputed), a denial naming nobody."""
    value = claim.value
    if not isinstance(value, EntityValue) or value.unknown:
        return None
    if claim.polarity is Polarity.QUESTIONED:
        return None
    if claim.polarity is Polarity.DENIED and not value.ids:
        return None
    return f"{claim.polarity.value}:" + "+".join(sorted(set(value.ids)))


def _opposed(context: Context, a: Claim, b: Claim) -> bool:
    if a.polarity is b.polarity:
        return a.polarity is Polarity.AFFIRMED and not agreement.entities_agree(
            context, _ids(a), _ids(b)
        )
    denied, affirmed = (a, b) if a.polarity is Polarity.DENIED else (b, a)
    return bool(_ids(affirmed)) and all(
        any(x == y or x in context.ancestors(y) for y in _ids(affirmed)) for x in _ids(denied)
    )


def _partner(context: Context, claim: Claim, other: Claim) -> bool:
    """A claim of responsibility naming only groups the other attribution names too: the
    claimant says it took part, not that it acted alone ("ISKP claimed it" against "the
    Taliban and ISKP")."""
    if claim.polarity is not Polarity.AFFIRMED or other.polarity is not Polarity.AFFIRMED:
        return False
    mine, theirs = _ids(claim), _ids(other)
    return (
        responsibility(claim)
        and bool(mine)
        and all(any(context.related(x, y) for y in theirs) for x in mine)
    )


def _negative(a: Claim, b: Claim) -> Claim | None:
    """The claim that says no: a denial, else "nobody"; None when both name someone."""
    for claim in (a, b):
        if claim.polarity is Polarity.DENIED:
            return claim
    for claim in (a, b):
        if not _ids(claim):
            return claim
    return None
