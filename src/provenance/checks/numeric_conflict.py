"""The numeric-conflict rule: two figures for one subject, property, scope and time whose
intervals have no value in common; a speaker's own revisions are shown, never failing."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from provenance import dates, units
from provenance.agreement import (
    one_voice,
    quantity_pair,
    scope_key,
    times_overlap,
    words,
)
from provenance.checks._numbers import (
    Revision,
    copy_groups,
    quantity_claims,
    revisions,
    supersede_chains,
    superseded,
    value_key,
)
from provenance.checks._running_findings import Judge, running, running_findings
from provenance.checks.base import Finding, GroupRule, Groups, Option
from provenance.checks.context import Context
from provenance.errors import InvalidValue
from provenance.model import Claim, Quantity, Severity, ValueKind
from provenance.quantities import (
    ABOUT_WIDTH,
    ABOUT_WIDTH_LARGE,
    about_width_for,
    interval_text,
    overlaps,
    rewidened,
)


class NumericConflict(GroupRule):
    """Figures for one subject, property, scope and time that cannot all be true.

    Why it matters:
        "Over 50 killed" and "30-40 killed" for one attack cannot both hold: one report is
        wrong, or the two count different things. Each figure is read from the report's
        words as an interval ("over 50" is (50, ∞), "about 4,000" is [3,600, 4,400]: about
        is `about_width` wide, `about_width_large` from 1,000 on; "up to 800" is a
        ceiling, [0, 800], and "as many as 800" a figure near 800, [720, 800]), units are
        converted (10 kg and about 20 lb agree) and exact figures get `tolerance` (169 and
        170 agree). Only like is compared with like: a
        different `scope` or a unit that measures something else is left to
        scope-relation and not-comparable-figures, and denials to the `denial` rule.

        A running count (killed, wounded... any count of an event; properties.py `tally`)
        converges on one true value: figures reported on different days are a timeline,
        shown as one info finding in time order, whoever said them; figures reported in
        one `window` (the calendar day of their as_of, else of publication; or blocks of
        hours) that share no value are one finding listing each position: the figures
        that agree with each other, who holds them and how many independent sources
        (copies of one origin count once). A floor or ceiling joins the position whose
        number is within `rounding_gap` of its own; a far one is a position of its own
        that disagrees with nothing it fits. Positions apart by less than `rounding_gap`
        are info (rounding), farther a warning. A speaker saying two things in one window
        is a revision, not a conflict. A state (members, fighters, territory share) is
        compared only at overlapping as_of times, pair by pair; a speaker's own changes
        over time, or a claim that `supersedes` another, are a revision: shown as one
        info finding, never failing; only the latest figure is compared.

    Example:
        claims:
          - id: caci-killed
            subject: mirza-olang-attack
            property: killed
            value: over 50
            source: caci-2017-11-13
          - id: pajhwok-killed
            subject: mirza-olang-attack
            property: killed
            value: 30-40
            source: pajhwok

    Fix:
        Check both figures against their sources. If they count different things, give
        each a `scope` (or an `as_of` if they are for different times) and review
        `not-a-conflict`. If one report has since been corrected, record the correction as
        a claim that `supersedes` the old one. Otherwise review `disputed` to keep both
        visible, or `resolved --in-favour-of CLAIM` to name the figure that stands.
    """

    id = "numeric-conflict"
    default_severity = Severity.WARNING
    weighs_values = True
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance": Option(
            0.01,
            "relative slack on each bound before two intervals are said to have no common "
            "value (0.01: 169 and 170 agree; 0 compares exactly)",
        ),
        "about_width": Option(
            ABOUT_WIDTH,
            "how far 'about N' reaches on each side, as a share of N (0.04: 'approximately "
            "300' is 288-312 and disagrees with 'approximately 330')",
        ),
        "about_width_large": Option(
            ABOUT_WIDTH_LARGE,
            "how far 'about N' reaches for N of 1,000 and more (0.1: 'some 2,000' reaches "
            "1,800 to 2,200)",
        ),
        "rounding_gap": Option(
            0.1,
            "positions whose numbers are closer than this share of the larger are a "
            "rounding (info), farther a disagreement (warning); a bound attaches to a "
            "position only within it",
        ),
        "window": Option(
            "day",
            "how a running count's figures are grouped in time: 'day' (the calendar day "
            "reported) or a number of hours ('6h', counted in UTC)",
        ),
    }

    groups = Groups(kinds=frozenset({ValueKind.QUANTITY.value}), affirmed=True)
    _tolerance = 0.0
    _width = ABOUT_WIDTH
    _gap = 0.1
    _hours = 0
    _large = ABOUT_WIDTH_LARGE

    def begin(self, context: Context) -> None:
        tolerance = self.setting("tolerance")
        self._tolerance = tolerance if math.isfinite(tolerance) and tolerance > 0 else 0.0
        width = self.setting("about_width")
        self._width = width if 0 < width < 1 else ABOUT_WIDTH
        large = self.setting("about_width_large")
        self._large = large if 0 < large < 1 else ABOUT_WIDTH_LARGE
        gap = self.setting("rounding_gap")
        self._gap = gap if 0 <= gap < 1 else 0.1
        self._hours = _hours(str(self.settings["window"]))

    def group(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        found = quantity_claims(claims)
        if len(found) < 2:
            return iter(())
        if running(context, found[0]):
            return self._running(context, found)
        return self._group(context, found, self._tolerance)

    def _running(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        for chain in supersede_chains(claims):
            if len({(value_key(c), scope_key(c)) for c in chain}) > 1:
                yield _chain_finding(context, chain)
        replaced = superseded(claims)
        standing = [c for c in claims if c.id not in replaced]
        judge = Judge(self._tolerance, self._gap, self._width, self._hours, self._large)
        yield from running_findings(context, standing, judge)

    def _group(self, context: Context, claims: list[Claim], tolerance: float) -> Iterator[Finding]:
        if len(claims) < 2:
            return
        for chain in supersede_chains(claims):
            if len({(value_key(c), scope_key(c)) for c in chain}) > 1:
                yield _chain_finding(context, chain)
        replaced = superseded(claims)
        kept = copy_groups(context, [c for c in claims if c.id not in replaced])
        standing = [c for c in claims if c.id in kept]
        dropped: set[str] = set()
        for revision in revisions(context, standing):
            dropped |= revision.earlier
            yield _revision_finding(context, revision)
        compared = [c for c in standing if c.id not in dropped]
        for i, a in enumerate(compared):
            for b in compared[i + 1 :]:
                found = _conflict(context, a, b, tolerance, (self._width, self._large))
                if found is not None:
                    yield _with_copies(found, kept)


def _hours(window: str) -> int:
    """Hours of a window option ("6h", "6"), 0 for a calendar day."""
    text = window.strip().casefold().removesuffix("h").removesuffix("hours").strip()
    return int(text) if text.isdigit() and 0 < int(text) < 24 else 0


def _comparable(context: Context, a: Claim, b: Claim) -> bool:
    """Like with like: one scope, overlapping times, and two voices (agreement.one_voice:
    not one speaker revising itself, not copies of one origin)."""
    return scope_key(a) == scope_key(b) and times_overlap(a, b) and not one_voice(context, a, b)


def _conflict(
    context: Context, a: Claim, b: Claim, tolerance: float, widths: tuple[float, float]
) -> Finding | None:
    if not _comparable(context, a, b):
        return None
    pair = _widened(quantity_pair(a, b), widths)
    if pair is None:
        return None  # units that measure different things
    try:
        if overlaps(pair[0], pair[1], tolerance):
            return None
    except ValueError:
        return None  # a unit in the words at odds with the unit written: not comparable
    why = "no common value" + (f" even within {tolerance * 100:g}%" if tolerance else "")
    unit = units.unit_of(pair[0], a.unit) or units.unit_of(pair[1], b.unit)
    message = (
        f"{_topic(a)}: {_figure(context, a, pair[0])} vs {_figure(context, b, pair[1])}: {why}"
    )
    return Finding(
        key=(a.id, b.id),
        message=message,
        subject=a.subject,
        claims=(a.id, b.id),
        places=tuple(c.origin for c in (a, b) if c.origin),
        details={
            "scope": a.scope,
            "unit": unit,
            "tolerance": tolerance,
            "figures": [_detail(context, c, q) for c, q in ((a, pair[0]), (b, pair[1]))],
        },
    )


def _widened(
    pair: tuple[Quantity, Quantity] | None, widths: tuple[float, float]
) -> tuple[Quantity, Quantity] | None:
    """Both figures with "about" as wide as the settings and the number's size say."""
    if pair is None:
        return None
    return _rewiden(pair[0], widths), _rewiden(pair[1], widths)


def _rewiden(q: Quantity, widths: tuple[float, float]) -> Quantity:
    if q.qualifier not in ("about", "about-range") or q.low is None or q.high is None:
        return q
    width = about_width_for((q.low + q.high) / 2, *widths)
    return q if width == ABOUT_WIDTH else rewidened(q, width)


def _with_copies(finding: Finding, kept: dict[str, list[str]]) -> Finding:
    copies = {c: kept[c] for c in finding.claims if kept.get(c)}
    if not copies:
        return finding
    return replace(finding, details={**finding.details, "copies": copies})


def _topic(claim: Claim) -> str:
    scope = f" ({claim.scope})" if claim.scope else ""
    return f"{claim.property} of {claim.subject}{scope}"


def _figure(context: Context, claim: Claim, compared: Quantity) -> str:
    """ "'over 50' people (50, ∞) [Afghan officials via caci]", with the interval in the
    other figure's unit too when it was converted."""
    own = claim.value if isinstance(claim.value, Quantity) else compared
    text = f"{words(context, claim)} {interval_text(own)}"
    if (compared.low, compared.high) != (own.low, own.high):
        text += f" = {interval_text(compared)}"
    who = ", ".join(context.name(s) for s in claim.said_by)
    return f"{text} [{who + ' via ' if who else ''}{claim.source}]"


def _when(context: Context, claim: Claim) -> str:
    """When the claim was stated, at its own precision: as_of, else publication."""
    span = context.statement_time(claim)
    if span is None:
        return "undated"
    if span.start is not None and span.start == span.end:
        try:
            return dates.format_date(span.start)
        except InvalidValue:
            return span.text
    return span.text


def _detail(context: Context, claim: Claim, compared: Quantity) -> dict[str, object]:
    own = claim.value if isinstance(claim.value, Quantity) else compared
    return {
        "claim": claim.id,
        "words": own.words,
        "interval": interval_text(own),
        "compared_as": interval_text(compared),
        "low": compared.low,
        "best": compared.best,
        "high": compared.high,
        "low_open": compared.low_open,
        "high_open": compared.high_open,
        "unit": units.unit_of(own, claim.unit),
        "as_of": claim.as_of.text if claim.as_of else None,
        "stated": _when(context, claim),
        "source": claim.source,
        "said_by": list(claim.said_by),
    }


def _sequence(context: Context, claims: Sequence[Claim], ids: bool) -> str:
    return " -> ".join(
        f"{words(context, c)} ({_when(context, c)}{', ' + c.id if ids else ''})" for c in claims
    )


def _revision_finding(context: Context, revision: Revision) -> Finding:
    first = revision.sequence[0]
    speakers = ", ".join(context.name(s) for s in revision.speakers)
    return Finding(
        key=("revision", first.subject, first.property, revision.scope, *revision.speakers),
        message=f"{_topic(first)}: revision by {speakers}: "
        + _sequence(context, revision.sequence, ids=False),
        subject=first.subject,
        claims=tuple(c.id for c in revision.sequence),
        places=tuple(c.origin for c in reversed(revision.sequence) if c.origin),
        revision=True,
        details={
            "speakers": list(revision.speakers),
            "scope": first.scope,
            "sequence": [_detail(context, c, _own(c)) for c in revision.sequence],
        },
    )


def _chain_finding(context: Context, chain: Sequence[Claim]) -> Finding:
    first = chain[0]
    return Finding(
        key=("revision", "supersedes", first.id),
        message=f"{_topic(chain[-1])}: revised by supersedes: "
        + _sequence(context, chain, ids=True),
        subject=first.subject,
        claims=tuple(c.id for c in chain),
        places=tuple(c.origin for c in reversed(chain) if c.origin),
        revision=True,
        details={"sequence": [_detail(context, c, _own(c)) for c in chain]},
    )


def _own(claim: Claim) -> Quantity:
    value = claim.value
    return value if isinstance(value, Quantity) else Quantity("", None, None, "unknown")
