"""The evidence-disputed rule: a speaker questions the evidence for what another asserts."""

from __future__ import annotations

from collections.abc import Iterator

from provenance import agreement
from provenance.checks._positions import by_position, camp_details, stated_before
from provenance.checks.base import Finding, GroupRule, Groups
from provenance.checks.context import Context
from provenance.checks.denial import only_holds, stated_value, value_position
from provenance.model import Claim, EntityValue, Polarity, Severity, TextValue


class EvidenceDisputed(GroupRule):
    """A speaker questions the evidence for what another speaker asserts.

    A claim with `polarity: questioned` ("found no evidence to substantiate", "unable to
    verify", "not credible") does not say the opposite: it says the evidence does not
    hold. It is not a denial and not a conflict; the rule reports one notice per subject
    and property (info) listing who questions what and who asserts it, so the analyst
    weighs the assertion knowing it is questioned. A questioned value faces the
    affirmations it agrees with (the same entities, or one inside the other; overlapping
    figures or dates; the same words); a questioned claim with no value (nobody, or an
    `exists`, or a proposition: a text property the vocabulary does not know) faces every
    affirmation. A speaker holding that who did it is not known (`value: unknown`) after
    others named someone questions their attributions too (stated before them, it is only
    a sequence). Nothing is reported when nobody asserts what is
    questioned. The notice's id is the question and the questioned positions, so a new
    claim repeating a position keeps its review.

    Why it matters:
        An accusation that investigators could not verify, or a claim of responsibility an
        intelligence service calls not credible, is weaker than it reads on its own. A
        report that shows the assertion without the doubt overstates it; one that shows
        the doubt as a denial overstates the other side.

    Example:
        claims:
          - id: ministry-blame
            subject: market-bombing
            property: perpetrator
            value: haqqani-network
            said_by: [afghan-government]
            source: ministry-statement
          - id: un-unverified
            subject: market-bombing
            property: perpetrator
            value: haqqani-network
            polarity: questioned
            stance: unable to verify the attribution
            said_by: [united-nations]
            source: un-report

    Fix:
        Nothing needs fixing: read the assertion with its doubt. Review it `disputed` to
        keep both visible in reports, `resolved --in-favour-of CLAIM` when later evidence
        settles it, or `not-a-conflict` when the doubt concerns something else (then
        narrow the questioned claim's value or scope).
    """

    id = "evidence-disputed"
    default_severity = Severity.INFO
    weighs_values = True

    groups = Groups()

    def group(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        questioned = [c for c in claims if questions(c)]
        if not questioned:
            return
        asserted = [
            c
            for c in claims
            if c.polarity is Polarity.AFFIRMED
            and not questions(c)
            and any(_faces(context, q, c) for q in questioned)
        ]
        if asserted:
            yield _finding(context, questioned, asserted)


def questions(claim: Claim) -> bool:
    """A questioned claim, or a speaker holding that who did it is not known."""
    if claim.polarity is Polarity.QUESTIONED:
        return True
    value = claim.value
    return claim.polarity is Polarity.AFFIRMED and isinstance(value, EntityValue) and value.unknown


def _open(context: Context, claim: Claim) -> bool:
    """A questioned claim with no value (nobody; `exists`), or about a proposition (a text
    property the vocabulary does not know), questions every assertion of the property."""
    value = claim.value
    if isinstance(value, EntityValue):
        return not value.ids
    if not isinstance(value, TextValue):
        return False
    return only_holds(claim) or claim.property not in context.properties


def _faces(context: Context, questioned: Claim, asserted: Claim) -> bool:
    if agreement.scope_key(questioned) != agreement.scope_key(asserted):
        return False
    spec = context.properties.get(asserted.property)
    timeless = spec is not None and spec.attribution  # who did it does not change
    if not timeless and not agreement.times_overlap(questioned, asserted):
        return False
    if isinstance(asserted.value, EntityValue) and not asserted.value.ids:
        return False  # nobody is no assertion to question
    if questioned.polarity is Polarity.AFFIRMED:  # "not known", after it was asserted
        return not stated_before(context, questioned, asserted)
    if _open(context, questioned):
        return True
    try:
        return agreement.values_agree(context, questioned, asserted) is True
    except ValueError:
        return False


def _finding(context: Context, questioned: list[Claim], asserted: list[Claim]) -> Finding:
    first = questioned[0]
    doubts = by_position(questioned, value_position)
    claims = by_position(asserted, value_position)

    def shown(claim: Claim) -> str:
        return stated_value(context, claim)

    def texts(camps: dict[str, list[Claim]]) -> str:
        return "; ".join(
            f"{shown(cs[0])} ({', '.join(_voices(context, cs))})" for cs in camps.values()
        )

    what = f"{first.property} of {context.name(first.subject)}"
    ordered = [c for cs in doubts.values() for c in cs] + [c for cs in claims.values() for c in cs]
    return Finding(
        key=(first.subject, first.property, "questioned", *sorted(doubts)),
        message=f"{what}: evidence disputed: {texts(doubts)} questioned; asserted: {texts(claims)}",
        subject=first.subject,
        claims=tuple(c.id for c in ordered),
        places=tuple(c.origin for c in ordered if c.origin),
        details={
            "property": first.property,
            "positions": [
                camp_details(context, name, cs, shown)
                for camps in (doubts, claims)
                for name, cs in camps.items()
            ],
        },
    )


def _voices(context: Context, claims: list[Claim]) -> list[str]:
    speakers = list(dict.fromkeys(context.name(s) for c in claims for s in c.said_by))
    return speakers or list(dict.fromkeys(c.source for c in claims))
