"""The denial rule: one speaker denies what another affirms."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from provenance import agreement, dates, units
from provenance.checks._positions import (
    ATTRIBUTION,
    EventDates,
    Kind,
    by_position,
    dispute_finding,
    judge,
    opposing_pairs,
    revision_findings,
)
from provenance.checks.base import Finding, GroupRule, Groups, Option
from provenance.checks.context import Context
from provenance.errors import ProvenanceError
from provenance.model import (
    Claim,
    EntityValue,
    PartialDate,
    Polarity,
    Quantity,
    Severity,
    TextValue,
    TimeSpan,
)
from provenance.quantities import BOUNDS, contains, interval_text


class Denial(GroupRule):
    """One speaker denies what another affirms, for the same subject, property and time.

    Owns denials (`polarity: denied`) of every property except the attribution properties
    (`perpetrator`, `claimed-by`, `planned-by`... and declared ones with `attribution:
    true`), whose denials belong to `disputed-attribution`, so one disagreement is never
    reported twice. A questioned claim (`polarity: questioned`) is no denial: see
    `evidence-disputed`.

    A *proposition* is denied whatever its wording: a text property the vocabulary does not
    know names what is asserted (`fighters-inside-hospital`), so every affirmation of it is
    one position and every denial the other ("insurgents sheltered there" against "no armed
    men were inside"); for a known text property, a denial whose value is only `exists`
    denies every affirmation of it. A denial contradicts an affirmation when the two
    values are the same thing in the shared reading of agreement: quantities whose
    intervals overlap (units converted; `tolerance` widens them), dates that overlap at
    their precision, text with the same words, the same entity or one inside the other. The
    rule reports one conflict per subject and property, with every position involved, its
    speakers and its sources.

    Not a denial of it: values that do not agree (a denial of "30" against "over 50"); a
    bound ("at least 10") against a denial that does not cover all of it ("not 52": both
    can hold; "not more than 5" would cover it); a
    different scope (civilians against all killed) or an as_of that does not overlap; the
    same speaker, or copies of one source with no speaker named (one voice: affirming then
    denying is a retraction, shown as a revision, never failing); a denial stated strictly
    before the affirmation (as_of, else the source's publication date) or before the
    event's own date, which is a sequence. Values of different kinds, or in units that
    measure different things, are not compared.

    Why it matters:
        A denial is evidence too: a figure or an account one party affirms and another
        denies is contested, and a reader who sees only the affirmation is misled. The
        analyst must see both sides, with who said what and where.

    Example:
        claims:
          - id: ministry-hostages
            subject: mirza-olang-attack
            property: hostages
            value: around 235
            said_by: [afghan-government]
            source: ministry-statement
          - id: taliban-hostages-denied
            subject: mirza-olang-attack
            property: hostages
            value: 235
            polarity: denied
            said_by: [taliban]
            source: taliban-statement

    Fix:
        Check both statements against their sources. Review the conflict: `disputed` keeps
        the affirmation and the denial open and visible in reports, `resolved
        --in-favour-of CLAIM` names the one that stands, `not-a-conflict` records that the
        denial is about something else (then narrow its value, scope or as_of). A claim
        repeating a position keeps the review; a new position is a new conflict.
    """

    id = "denial"
    default_severity = Severity.WARNING
    weighs_values = True
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance": Option(
            0.0, "relative tolerance when reading a denied and an affirmed figure as the same"
        ),
    }

    groups = Groups(with_denial=True)

    def group(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        spec = context.properties.get(claims[0].property)
        if claims[0].property in ATTRIBUTION or (spec is not None and spec.attribution):
            return iter(())
        tolerance = max(0.0, self.setting("tolerance"))
        return _question(context, EventDates(context), claims, tolerance)


def _question(
    context: Context, events: EventDates, group: list[Claim], tolerance: float
) -> Iterator[Finding]:
    """The denials (and any retractions) about one subject and property."""
    proposition = is_proposition(context, group)

    def label(claim: Claim) -> str | None:
        if claim.polarity is Polarity.QUESTIONED:
            return None  # evidence-disputed reads it
        return proposition_position(claim) if proposition else value_position(claim)

    camps = by_position(group, label)

    def opposed(a: Claim, b: Claim) -> bool:
        if a.polarity is b.polarity or agreement.scope_key(a) != agreement.scope_key(b):
            return False
        if proposition:
            return True
        try:
            agree = agreement.values_agree(context, a, b, tolerance) is True
            return agree and not _bound_left_standing(a, b, tolerance)
        except ValueError:  # units the shared reading cannot reconcile: not comparable
            return False

    def judged(a: Claim, b: Claim) -> Kind | None:
        if not agreement.times_overlap(a, b):
            return None
        denied = a if a.polarity is Polarity.DENIED else b
        return judge(context, events, (a, b), denied)

    def shown(claim: Claim) -> str:
        return stated_value(context, claim)

    pairs = opposing_pairs(camps, opposed, judged)
    finding = dispute_finding(context, pairs, label, shown, "denied")
    if finding is not None:
        yield finding
    yield from revision_findings(context, pairs, label, shown)


PROPOSITION_WORDS = frozenset({"", "exists", "yes", "true", "it happened"})
"""A text value that asserts only that the property holds: "denied it", whatever wording."""


def is_proposition(context: Context, group: list[Claim]) -> bool:
    """Whether the property is a proposition rather than a value to compare word by word: a
    text property the vocabulary does not know (its name says what is asserted, the value
    is the report's wording: `fighters-inside-hospital`), or a group in which a denial's
    value is only that it holds (no words, or `exists`)."""
    texts = [c for c in group if isinstance(c.value, TextValue)]
    if not texts:
        return False
    if all(isinstance(c.value, TextValue) for c in group) and (
        group[0].property not in context.properties
    ):
        return True
    return any(c.polarity is Polarity.DENIED and only_holds(c) for c in texts)


def only_holds(claim: Claim) -> bool:
    """A text value that says only that the property holds."""
    assert isinstance(claim.value, TextValue)
    return " ".join(claim.value.text.casefold().split()) in PROPOSITION_WORDS


def proposition_position(claim: Claim) -> str | None:
    """polarity|scope|*: every affirmation of a proposition holds one position, whatever
    its words, and every denial of it the other."""
    if not isinstance(claim.value, TextValue):
        return None
    return f"{claim.polarity.value}|{agreement.scope_key(claim)}|*"


def _bound_left_standing(a: Claim, b: Claim, tolerance: float) -> bool:
    """An affirmed bound ("at least 10") that the denial does not cover entirely: it
    asserts no one figure, so denying one inside it ("not 52") leaves it standing."""
    affirmed, denied = (a, b) if a.polarity is Polarity.AFFIRMED else (b, a)
    if not isinstance(affirmed.value, Quantity) or affirmed.value.qualifier not in BOUNDS:
        return False
    pair = agreement.quantity_pair(affirmed, denied)
    return pair is not None and not contains(pair[1], pair[0], tolerance)


def value_position(claim: Claim) -> str:
    """polarity|scope|the value read canonically (interval, dates, words, entities)."""
    return f"{claim.polarity.value}|{agreement.scope_key(claim)}|{_canonical(claim)}"


def _canonical(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Quantity):
        unit = units.unit_of(value, claim.unit)
        text = interval_text(value)
        return text if unit is None or unit == value.unit else f"{text} {unit}"
    if isinstance(value, TimeSpan):
        return _span(value)
    if isinstance(value, EntityValue):
        return "+".join(sorted(set(value.ids)))
    return " ".join(sorted(agreement.text_key(value.text)))


def stated_value(context: Context, claim: Claim) -> str:
    """The value in the report's words, then as an interval or dates when that adds."""
    said = agreement.words(context, claim)
    if isinstance(claim.value, Quantity):
        return f"{said} {interval_text(claim.value)}"
    if isinstance(claim.value, TimeSpan):
        read = _span(claim.value)
        return said if read == claim.value.text else f"{said} ({read})"
    return said


def _span(span: TimeSpan) -> str:
    start, end = _date(span.start), _date(span.end)
    return start if span.start == span.end else f"{start}/{end}"


def _date(moment: PartialDate | None) -> str:
    if moment is None:
        return ".."
    try:
        return dates.format_date(moment)
    except ProvenanceError:  # not a real date: shown as stored rather than raising
        return repr(moment)
