"""What the contradiction report's pictures show, as data (svg.py draws them): for a
numeric disagreement, each claim's interval on a time axis of when it was stated, with the
best-supported band; for a disputed attribution, speakers against candidates, denials marked.
Built once per question; every format may use them, the HTML page draws them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from provenance.model import Claim, Entity, EntityValue, Polarity, Quantity
from provenance.reports.contradictions.rows import ShownClaim

AFFIRMED = "affirmed"
DENIED = "denied"


@dataclass(frozen=True, slots=True)
class Bar:
    """One claim's figure: from ``low`` to ``high`` (None: unbounded), a mark at ``exact``
    (a single value, or the best estimate), placed at ``when`` (sortable ISO text of when it
    was stated; None when undated)."""

    claim: str
    label: str  # who holds it, and where: "Afghan officials (CACI Analyst, 13 November 2017)"
    words: str  # the report's words and the interval in words
    low: float | None
    high: float | None
    low_open: bool
    high_open: bool
    exact: float | None
    when: str | None
    when_label: str
    denied: bool
    position: int | None = None  # the position it belongs to (1, 2, ...), when known


@dataclass(frozen=True, slots=True)
class FigureChart:
    """The figures of one question, the best-supported band shaded (None: no value is)."""

    title: str
    unit: str
    bars: tuple[Bar, ...]
    band: tuple[float, float] | None
    band_label: str


@dataclass(frozen=True, slots=True)
class Mark:
    row: int
    column: int
    kind: str  # AFFIRMED or DENIED


@dataclass(frozen=True, slots=True)
class MatrixChart:
    """Who names whom: speakers (rows) against candidates (columns)."""

    title: str
    speakers: tuple[str, ...]
    candidates: tuple[str, ...]
    marks: tuple[Mark, ...]


Chart = FigureChart | MatrixChart


def holder(row: ShownClaim) -> str:
    """Who holds a claim, and where it was reported."""
    cited = row.citation or row.source
    return f"{'; '.join(row.speakers)} ({cited})" if row.speakers else cited


def figure_chart(
    title: str,
    claims: Sequence[tuple[Claim, ShownClaim, str | None]],
    band_claims: Sequence[Claim],
    band_label: str,
    positions: Mapping[str, int] | None = None,
) -> FigureChart | None:
    """The chart of the quantities among ``claims`` (claim, its row, when stated), the band
    where the ``band_claims`` agree, each bar marked with its position (``positions``: claim
    id to 1, 2, ...); None with fewer than two figures."""
    bars = []
    units = set()
    for claim, row, when in claims:
        q = claim.value
        if not isinstance(q, Quantity) or q.qualifier == "exists":
            continue
        exact = q.low if q.low == q.high and q.low is not None else q.best
        units.add(claim.unit or q.unit or "")
        bars.append(
            Bar(
                claim=claim.id,
                label=holder(row),
                words=row.shown_value + (f" ({row.reads_as})" if row.reads_as else ""),
                low=q.low,
                high=q.high,
                low_open=q.low_open,
                high_open=q.high_open,
                exact=exact,
                when=when,
                when_label=row.stated_words or "undated",
                denied=claim.polarity is Polarity.DENIED,
                position=(positions or {}).get(claim.id),
            )
        )
    if len(bars) < 2:
        return None
    bars.sort(key=lambda b: (b.when is None, b.when or "", b.position or 0, b.claim))
    band = _band([c.value for c in band_claims if isinstance(c.value, Quantity)])
    unit = " / ".join(sorted(u for u in units if u)) or "people"
    return FigureChart(title, unit, tuple(bars), band, band_label if band else "")


def _band(figures: Sequence[Quantity]) -> tuple[float, float] | None:
    """Where every figure agrees (their common part), else the span they cover; an
    unbounded end stops at the largest bound the figures give."""
    if not figures:
        return None
    lows = [q.low if q.low is not None else 0.0 for q in figures]
    finite = [b for q in figures for b in (q.low, q.high) if b is not None]
    top = max(finite) if finite else 0.0
    highs = [q.high if q.high is not None else top for q in figures]
    low, high = max(lows), min(highs)
    if low > high:
        low, high = min(lows), max(highs)
    return (low, high)


def matrix_chart(
    title: str,
    claims: Sequence[tuple[Claim, ShownClaim]],
    entities: Mapping[str, Entity],
) -> MatrixChart | None:
    """Speakers against the entities they name, for the entity values among ``claims``;
    None when fewer than two claims name entities."""
    named = [(c, r) for c, r in claims if isinstance(c.value, EntityValue) and c.value.ids]
    if len(named) < 2:
        return None
    speakers: list[str] = []
    candidates: list[str] = []
    marks: dict[tuple[int, int], str] = {}
    for claim, row in named:
        assert isinstance(claim.value, EntityValue)
        who = list(row.speakers) or [row.citation or row.source]
        for speaker in who:
            if speaker not in speakers:
                speakers.append(speaker)
            for ident in claim.value.ids:
                name = entities[ident].name if ident in entities else ident
                if name not in candidates:
                    candidates.append(name)
                key = (speakers.index(speaker), candidates.index(name))
                kind = DENIED if claim.polarity is Polarity.DENIED else AFFIRMED
                marks[key] = DENIED if marks.get(key) == DENIED else kind
    found = tuple(Mark(r, c, k) for (r, c), k in sorted(marks.items()))
    return MatrixChart(title, tuple(speakers), tuple(candidates), found)
