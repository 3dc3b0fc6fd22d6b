"""Weekdays stated about an event, for date-conflict: a `weekday` claim, a date written as
text with its weekday ("26 Asad (Saturday night)"), and the weekday of each dated claim,
gathered per event into positions (one per weekday) so that two days for one event show."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from itertools import groupby

from provenance import agreement
from provenance.checks._positions import camp_details
from provenance.checks.base import Finding
from provenance.checks.context import Context
from provenance.model import Claim, Polarity, TextValue, TimeSpan

NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_NAME = re.compile(r"\b(" + "|".join(NAMES) + r")\b", re.IGNORECASE)
DATED = ("date", "time", "date-started")
"""The properties whose day is the event's day (a start, not an end, of a long event)."""


def _texted(prop: str) -> bool:
    """A property that writes the event's date as text (a declared `date-as-written`)."""
    return prop == "weekday" or (prop.startswith(("date", "time")) and prop not in _OTHER)


_OTHER = frozenset(
    {"date-ended", "date-captured", "date-released", "date-announced", "date-of-death"}
)


def said_weekday(claim: Claim) -> int | None:
    """The weekday a claim's words state, when they state exactly one."""
    if claim.polarity is not Polarity.AFFIRMED or not isinstance(claim.value, TextValue):
        return None
    found = {m.group(1).capitalize() for m in _NAME.finditer(claim.value.text)}
    return NAMES.index(found.pop()) if len(found) == 1 else None


def dated_weekday(claim: Claim) -> int | None:
    """The weekday of a claim's date, when it is one day (a stated weekday is not read:
    a wrong one is flagged on its own)."""
    span = claim.value
    if claim.polarity is not Polarity.AFFIRMED or not isinstance(span, TimeSpan):
        return None
    d = span.start
    if d is None or span.end != d or d.month is None or d.day is None or span.approximate:
        return None
    return date(d.year, d.month, d.day).weekday()


def findings(context: Context) -> Iterator[Finding]:
    """One finding per event whose stated weekdays are not one day."""
    texted = [p for p in context.properties if _texted(p)]
    for subject, claims in groupby(context.claims_with(texted), key=lambda c: c.subject):
        said = [(c, w) for c in claims if (w := said_weekday(c)) is not None]
        if not said:
            continue
        yield from _own_day(context, said)
        dated = [
            (c, w)
            for prop in DATED
            for c in context.claims_of(subject, prop)
            if (w := dated_weekday(c)) is not None
        ]
        camps: dict[int, list[Claim]] = defaultdict(list)
        for claim, weekday in said + dated:
            camps[weekday].append(claim)
        if len(camps) > 1 and len({w for _, w in said}) + len({w for _, w in dated}) > 1:
            yield _finding(context, subject, camps)


def _own_day(context: Context, said: list[tuple[Claim, int]]) -> Iterator[Finding]:
    """A `weekday` claim whose as_of is one day of another weekday: the claim says the
    event fell on one day and dates it to another."""
    for claim, weekday in said:
        if claim.property != "weekday" or claim.as_of is None:
            continue
        actual = dated_weekday(replace(claim, value=claim.as_of))
        if actual is None or actual == weekday:
            continue
        yield Finding(
            key=(claim.id, "weekday", "as_of"),
            message=f"claim {claim.id}: weekday '{NAMES[weekday]}' but its as_of "
            f"'{claim.as_of.text}' was a {NAMES[actual]}",
            subject=claim.subject,
            claims=(claim.id,),
            places=(claim.origin,) if claim.origin else (),
            details={"field": "value", "date": claim.as_of.text},
        )


def _finding(context: Context, subject: str, camps: dict[int, list[Claim]]) -> Finding:
    def shown(claim: Claim) -> str:
        return agreement.words(context, claim)

    def text(weekday: int) -> str:
        sources = ", ".join(dict.fromkeys(c.source for c in camps[weekday]))
        return f"{NAMES[weekday]} ({', '.join(shown(c) for c in camps[weekday])}; {sources})"

    def rank(weekday: int) -> tuple[int, bool, int]:  # most claims, then backed by a date
        dated = any(isinstance(c.value, TimeSpan) for c in camps[weekday])
        return -len(camps[weekday]), not dated, weekday

    order = sorted(camps, key=rank)
    claims = [c for w in order for c in camps[w]]
    return Finding(
        key=(subject, "weekday", *sorted(NAMES[w] for w in camps)),
        message=f"weekday of {context.name(subject)}: " + " vs ".join(text(w) for w in order),
        subject=subject,
        claims=tuple(c.id for c in claims),
        places=tuple(c.origin for c in claims if c.origin),
        details={
            "property": "weekday",
            "positions": [camp_details(context, NAMES[w], camps[w], shown) for w in order],
        },
    )
