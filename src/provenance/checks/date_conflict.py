"""The date-conflict rule: one event, two dates that cannot both be true at their precision;
and a stated weekday that is not the weekday of its date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from provenance import dates
from provenance.checks import _revisions as rv
from provenance.checks import _weekdays as weekdays
from provenance.checks.base import Finding, GroupRule, Groups
from provenance.checks.context import Context
from provenance.model import Claim, PartialDate, Polarity, Precision, Severity, TimeSpan, ValueKind
from provenance.properties import PROPERTIES

DATE_PROPERTIES = tuple(
    sorted(n for n, s in PROPERTIES.items() if s.single_valued and s.kind is ValueKind.DATE)
)


class DateConflict(GroupRule):
    """One event with two dates that disagree beyond their precision, or a wrong weekday.

    Why it matters:
        An event happens once. Two sources that put it on different days describe
        different events, or one of them is wrong, and everything dated from it (a
        sequence, who could have been there) depends on which. Dates are compared at the
        precision they are written: "August 2017" and "5 August 2017" agree, "2015" and
        "June 2015" agree, 5 and 6 August 2017 do not. A date with a time zone
        (`2017-08-05+04:30`, the day as read in Kabul) is compared in UTC, so two calendar
        days a day apart across zones can be the same moment. Copies of one story (sources
        that share an origin, in their own voice) are one assertion: counted once, never in
        conflict with each other. The same speaker giving a new date is a revision, shown
        in time order but never failing, as is a claim that `supersedes` another; only the
        speaker's latest date is compared with other speakers. Each milestone is its own
        question: `date`, `time`, `date-started`, `date-ended`, `date-captured`,
        `date-released`, `date-announced`, `date-of-death`, `founded` (a start is never
        compared with an end), and only affirmed claims. Two times a few minutes apart,
        or two days one day apart where a time or a zone puts the moment near a
        midnight, are reported as info: a small difference, not a dispute.
        The weekdays stated for an event (a `weekday` claim, a date written as text with
        its weekday) are compared with each other and with the weekday of its `date`,
        `time` and `date-started`: one conflict per event, one position per weekday; a
        `weekday` claim whose own as_of is a day of another weekday is flagged too.
        A weekday stated with a date ("Friday, 13 November 2017") that is not that date's
        weekday is flagged too, on claim values, `as_of` and a source's `published`: one
        of the two was mistyped, and the date may be the wrong one.

    Example:
        claims:
          - id: bbc-date
            subject: mirza-olang-attack
            property: date
            value: 5 August 2017
            source: bbc-2017
          - id: radio-date
            subject: mirza-olang-attack
            property: date
            value: July 2017
            source: local-radio

    Fix:
        Check both reports against their sources. If one was misrecorded, correct the
        claim; if a speaker corrected themselves, link the new claim with `supersedes:`.
        Then review: `resolved --in-favour-of CLAIM` names the date that stands,
        `disputed` keeps both dates visible in reports, `not-a-conflict` records that the
        two dates are compatible (e.g. one is the night of the other across a time zone
        the claims do not state: better still, add the zone), and `distinct` that the
        claims describe two different events (then split the subject). For a weekday,
        correct the weekday or the date in the ledger.
    """

    id = "date-conflict"
    default_severity = Severity.WARNING
    weighs_values = True

    groups = Groups(
        kinds=frozenset({ValueKind.DATE.value}),
        properties=frozenset(DATE_PROPERTIES),
        affirmed=True,
    )

    def end(self, context: Context) -> Iterator[Finding]:
        yield from _weekdays(context)
        yield from weekdays.findings(context)

    def group(self, context: Context, group: list[Claim]) -> Iterator[Finding]:
        dated = [
            c for c in group if c.polarity is Polarity.AFFIRMED and isinstance(c.value, TimeSpan)
        ]
        if len(dated) < 2:
            return
        reading = rv.read_group(context, dated, _disagree)
        what = f"{dated[0].property} of {context.name(dated[0].subject)}"
        for sequence in reading.revisions:
            yield rv.revision(context, sequence, what)
        standing = rv.representatives(context, reading, None)
        for a, b in rv.pairs(context, standing):
            if _disagree(a, b):
                yield _conflict(context, a, b, what)


def _span(claim: Claim) -> TimeSpan:
    assert isinstance(claim.value, TimeSpan)
    return claim.value


def _disagree(a: Claim, b: Claim) -> bool:
    return not dates.overlaps(_span(a), _span(b))


def _ends(span: TimeSpan) -> list[PartialDate]:
    return [d for d in (span.start, span.end) if d is not None]


def _zone(d: PartialDate) -> str:
    if d.utc_offset is None:
        return ""
    if d.utc_offset == 0:
        return ", UTC"
    hours, minutes = divmod(abs(d.utc_offset), 60)
    return f", UTC{'-' if d.utc_offset < 0 else '+'}{hours:02d}:{minutes:02d}"


def precision(span: TimeSpan) -> str:
    """How precisely the span is written: day, month, year... or period."""
    if span.start is None or span.end is None or span.start != span.end:
        return "period"
    return span.start.precision.name.lower() + _zone(span.start)


def _finest(a: TimeSpan, b: TimeSpan) -> str:
    found = [d.precision for d in _ends(a) + _ends(b)]
    return max(found, default=Precision.DAY).name.lower()


def _interval(span: TimeSpan) -> list[str | None]:
    start, end = dates.sortable_span(span)
    return [start, end]


def minor(first: TimeSpan, second: TimeSpan) -> bool:
    """Minutes apart in a time of day, or one day apart where a time or a zone says the
    moment may fall across a midnight: shown, as info."""
    ends = [first.start, first.end, second.start, second.end]
    if any(d is None for d in ends) or first.start != first.end or second.start != second.end:
        return False
    a, b = first.start, second.start
    assert a is not None and b is not None
    low, high = sorted((dates.bounds(a)[0], dates.bounds(b)[0]))
    if min(a.precision, b.precision) >= Precision.HOUR:
        return high - low < timedelta(hours=1)
    timed = any(d.hour is not None or d.utc_offset is not None for d in (a, b))
    days = min(a.precision, b.precision) >= Precision.DAY
    return days and timed and high - low <= timedelta(days=1)


def _conflict(context: Context, a: Claim, b: Claim, what: str) -> Finding:
    first, second = _span(a), _span(b)
    small = minor(first, second)
    return Finding(
        minor=small,
        key=(a.id, b.id),
        message=f"{what}: '{first.text}' ({precision(first)}) vs '{second.text}' "
        f"({precision(second)}): no common {_finest(first, second)}"
        + (" (a small difference: minutes, or a day across midnight)" if small else ""),
        subject=a.subject,
        claims=(a.id, b.id),
        places=tuple(c.origin for c in (a, b) if c.origin),
        details={
            "dates": [first.text, second.text],
            "intervals": [_interval(first), _interval(second)],
            "zoned": [any(d.utc_offset is not None for d in _ends(s)) for s in (first, second)],
            "sources": [a.source, b.source],
        },
    )


def _weekdays(context: Context) -> Iterator[Finding]:
    """A stated weekday that is not the date's: claim values and as_of, sources' published."""
    for source in context.sources.values():
        if source.published is not None and (wrong := _mismatch(source.published)):
            text = source.published.text
            yield Finding(
                key=(source.id, "published"),
                message=f"source {source.id}: published '{text}': {wrong}",
                places=(source.origin,) if source.origin else (),
                details={"field": "published", "date": text},
            )
    for claim in context.weekday_claims():
        fields = (("value", claim.value), ("as_of", claim.as_of))
        for name, span in fields:
            if isinstance(span, TimeSpan) and (wrong := _mismatch(span)):
                yield Finding(
                    key=(claim.id, name),
                    message=f"claim {claim.id}: {name} '{span.text}': {wrong}",
                    subject=claim.subject,
                    claims=(claim.id,),
                    places=(claim.origin,) if claim.origin else (),
                    details={"field": name, "date": span.text},
                )


def _mismatch(span: TimeSpan) -> str | None:
    found = [m for d in dict.fromkeys(_ends(span)) if (m := dates.weekday_mismatch(d))]
    return "; ".join(found) or None
