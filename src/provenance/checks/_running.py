"""Running counts judged like an analyst: each figure in a window (the calendar day it was
reported), and inside one window the figures in positions (sets of mutually consistent
figures), so that one disagreement is one finding however many reports repeat each side.

Windows. A figure's time is its `as_of`, else its source's publication time. A time known to
the day or finer falls in the calendar day it was written in (a time with a zone is on its
local day: "2017-05-31T23:00+04:30" is 31 May). With ``hours`` set, a time known to the hour
with its zone falls in a block of that many hours counted in UTC. A coarser time (a month,
a year, or a day under ``hours``) joins every window it overlaps, and stands alone when it
overlaps none. An undated figure is compared with other undated
figures only when the group has no dated figure. Otherwise it is compared once: in the
latest window holding a figure it agrees with, else in the latest window (the count that
reporting settled on); it stays out of the timeline, since nothing says when it held.

Positions. Figures that are bounded on both sides are clustered: a figure joins a position
when it shares a value with every figure already there (tolerance applied). A floor ("at
least 46", "over 50") or a ceiling ("up to 300", "fewer than 20") attaches to the position
it is consistent with whose anchor is nearest its own number, if that anchor is within the
rounding gap of it; otherwise it is a position of its own. A position made only of bounds
never makes a disagreement by itself: a window has one when two positions share no value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from provenance import dates
from provenance.model import Claim, Precision, Quantity, TimeSpan
from provenance.quantities import BOUNDS, overlaps

UNDATED = "undated"
FLOORS = frozenset({"over", "at-least", "floor"})
CEILINGS = frozenset({"under", "at-most"})


@dataclass(frozen=True, slots=True)
class Window:
    """A stretch of time figures are compared in: its label and sortable ends."""

    label: str
    start: str
    end: str


@dataclass(frozen=True, slots=True)
class CountFigure:
    """A claim's figure as compared: in the group's unit, with the number its words state."""

    claim: Claim
    value: Quantity
    anchor: float

    @property
    def kind(self) -> str:
        if self.value.qualifier in FLOORS or (self.value.high is None):
            return "floor"
        if self.value.qualifier in CEILINGS:
            return "ceiling"
        return "value"


@dataclass(slots=True)
class Position:
    """Mutually consistent figures: their common interval and the number they stand for."""

    figures: list[CountFigure] = field(default_factory=list)
    common: Quantity | None = None

    @property
    def anchor(self) -> float:
        values = [f.anchor for f in self.figures if f.kind == "value"]
        chosen = values or [f.anchor for f in self.figures]
        return sorted(chosen)[len(chosen) // 2]

    @property
    def bound_only(self) -> bool:
        return all(f.kind != "value" for f in self.figures)

    def add(self, figure: CountFigure) -> None:
        self.figures.append(figure)
        self.common = figure.value if self.common is None else _meet(self.common, figure.value)


def fine_window(span: TimeSpan, hours: int) -> Window | None:
    """The one window a time falls in, or None when it is coarser than a window."""
    if span.start is None or span.end is None or span.start.precision < Precision.DAY:
        return None
    start, end = dates.bounds(span.start)[0], dates.bounds(span.end)[1]
    if hours and span.start.precision >= Precision.HOUR and span.start.utc_offset is not None:
        moment = start.replace(tzinfo=None) if start.tzinfo else start
        block = (moment.hour // hours) * hours
        label = f"{moment:%Y-%m-%d}T{block:02d}:00Z+{hours}h"
        return Window(label, f"{moment:%Y-%m-%d}T{block:02d}:00:00", "")
    day = f"{span.start.year:04d}-{span.start.month or 1:02d}-{span.start.day or 1:02d}"
    if (end - start).total_seconds() > 86400:
        return None
    return Window(day, day + "T00:00:00", day + "T23:59:59")


def windows(
    claims: Sequence[Claim], when: Callable[[Claim], TimeSpan | None], hours: int = 0
) -> dict[Window, list[Claim]]:
    """The claims of each window, coarse times joining the windows they overlap."""
    found: dict[Window, list[Claim]] = defaultdict(list)
    coarse: list[tuple[Claim, TimeSpan]] = []
    for claim in claims:
        span = when(claim)
        if span is None:
            found[Window(UNDATED, "", "")].append(claim)
            continue
        window = fine_window(span, hours)
        if window is None:
            coarse.append((claim, span))
        else:
            found[window].append(claim)
    fine = [w for w in found if w.label != UNDATED]
    for claim, span in coarse:
        start, end = dates.sortable_span(span)
        joined = [w for w in fine if (start or "") <= w.start and w.start < (end or "~")]
        if not joined:
            own = Window(span.text, start or "", end or "~")
            found[own].append(claim)
        for window in joined:
            found[window].append(claim)
    return dict(found)


def positions(figures: Sequence[CountFigure], tolerance: float, gap: float) -> list[Position]:
    """The figures of one window in positions (see the module's docstring), by anchor."""
    bounded = sorted(
        (f for f in figures if f.kind == "value"), key=lambda f: (f.value.low or 0.0, f.anchor)
    )
    found: list[Position] = []
    for figure in bounded:
        current = found[-1] if found else None
        if (
            current is not None
            and current.common is not None
            and figures_agree(current.common, figure.value, tolerance)
        ):
            current.add(figure)
            continue
        found.append(Position())
        found[-1].add(figure)
    for figure in sorted((f for f in figures if f.kind != "value"), key=lambda f: f.anchor):
        _attach(found, figure, tolerance, gap)
    return sorted(found, key=lambda p: (p.anchor, p.bound_only))


def _attach(found: list[Position], figure: CountFigure, tolerance: float, gap: float) -> None:
    near = [
        p
        for p in found
        if p.common is not None
        and figures_agree(p.common, figure.value, tolerance)
        and relative_gap(p.anchor, figure.anchor) <= gap
        and (not p.bound_only or p.figures[0].kind == figure.kind)
    ]
    if near:
        min(near, key=lambda p: abs(p.anchor - figure.anchor)).add(figure)
        return
    found.append(Position())
    found[-1].add(figure)


def disagreeing(found: Sequence[Position], tolerance: float) -> list[tuple[Position, Position]]:
    """Pairs of positions that share no value."""
    pairs = []
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            if (
                a.common is not None
                and b.common is not None
                and not figures_agree(a.common, b.common, tolerance)
            ):
                pairs.append((a, b))
    return pairs


def interval_gap(a: Position, b: Position) -> float:
    """How far apart two positions' common values are, as a share of the larger near end
    ("about 2,000" [1,920, 2,080] and 1,793 are 6.6 % apart)."""
    if a.common is None or b.common is None:
        return 0.0
    low, high = (a.common, b.common) if a.anchor <= b.anchor else (b.common, a.common)
    if low.high is None or high.low is None:
        return 0.0
    return relative_gap(low.high, high.low) if high.low > low.high else 0.0


def relative_gap(a: float, b: float) -> float:
    """How far apart two numbers are, as a share of the larger (0 when both are 0)."""
    top = max(abs(a), abs(b))
    return abs(a - b) / top if top else 0.0


def anchor_of(q: Quantity) -> float | None:
    """The number a figure's words stand for: the value, the middle of a range or an about,
    the number of a bound; None when it gives none ("some")."""
    if q.qualifier == "exists" or (q.low is None and q.high is None):
        return None
    if q.best is not None:
        return q.best
    if q.qualifier in FLOORS or q.high is None:
        return q.low
    if q.qualifier in CEILINGS or q.low is None:
        return q.high
    return (q.low + q.high) / 2


def is_bound(q: Quantity) -> bool:
    return q.qualifier in BOUNDS or q.low is None or q.high is None


ABOUT = frozenset({"about", "about-range"})


def figures_agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    """The two share a value; the tolerance is for exact figures, not added to the width
    two "about" figures already give themselves ("approximately 300" and "approximately
    330" disagree)."""
    slack = 0.0 if a.qualifier in ABOUT and b.qualifier in ABOUT else tolerance
    try:
        return overlaps(a, b, slack)
    except ValueError:
        return False


def _meet(a: Quantity, b: Quantity) -> Quantity:
    """The values two consistent figures share (their intervals' intersection)."""
    lows = [(x.low, x.low_open) for x in (a, b) if x.low is not None]
    highs = [(x.high, x.high_open) for x in (a, b) if x.high is not None]
    low = max(lows, key=lambda v: (v[0], v[1])) if lows else (None, False)
    high = min(highs, key=lambda v: (v[0], not v[1])) if highs else (None, False)
    if low[0] is not None and high[0] is not None and low[0] > high[0]:
        return a  # within tolerance only: keep the first
    qualifier = "about" if a.qualifier in ABOUT and b.qualifier in ABOUT else "range"
    return Quantity(a.words, low[0], high[0], qualifier, low[1], high[1], a.unit)
