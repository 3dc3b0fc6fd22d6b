"""The report's charts drawn as inline SVG: no script, no font, nothing fetched, so they sit
inside the page's Content Security Policy. Every text placed in a chart is escaped here; the
charts say nothing the tables beside them do not, so a reader without pictures loses nothing.

- figures (charts.FigureChart): one vertical bar per claim from its low to its high bound,
  in the order the claims were stated along the horizontal axis, an arrow where a bound is
  open-ended, a dot at an exact figure or best estimate, a dashed red bar for a denial, and
  the best-supported band shaded across the plot; numbered bars, keyed below, each bar in the
  colour of its position (the groups of figures that agree) with the position named in the key;
- a matrix (charts.MatrixChart): speakers down, candidates across, a filled dot where a
  speaker names a candidate, a red cross where a speaker denies it."""

from __future__ import annotations

import html
import math
from collections.abc import Callable

from provenance.reports.contradictions import wording
from provenance.reports.contradictions.charts import (
    DENIED,
    Bar,
    Chart,
    FigureChart,
    MatrixChart,
)

WIDTH = 640
LEFT, RIGHT, TOP, BOTTOM = 64, 24, 28, 44
PLOT_HEIGHT = 200
LINE = 16  # the height of one line of the key
CHAR = 6.6  # the width of a character at the charts' font size, roughly
BAR = "#2f6db0"
POSITIONS = ("#2f6db0", "#6a3d9a", "#1b7f5a", "#b35806", "#4d4d4d")
"""One colour per position, in order (the sixth reuses the first); denials stay red."""
DENIAL = "#b03a2e"
BAND = "#f4c542"
INK = "#1b1b1b"
GRID = "#d5d8e0"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def e(text: str) -> str:
    return html.escape(text, quote=True)


def draw(chart: Chart) -> str:
    return figures(chart) if isinstance(chart, FigureChart) else matrix(chart)


def _open(width: float, height: float, label: str, kind: str) -> str:
    return (
        f'<svg class="chart chart-{kind}" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f"{FONT}><title>{e(label)}</title>"
        f'<rect class="chart-background" width="100%" height="100%" fill="#ffffff"/>'
    )


def _scale(chart: FigureChart) -> tuple[float, float]:
    bounds = [b for bar in chart.bars for b in (bar.low, bar.high, bar.exact) if b is not None]
    if chart.band:
        bounds += list(chart.band)
    low = min([0.0, *bounds])
    high = max(bounds) if bounds else 1.0
    high = high * 1.15 if high > 0 else 1.0
    return low, high if high > low else low + 1.0


def _ticks(low: float, high: float) -> list[float]:
    step = 10 ** math.floor(math.log10((high - low) / 4 or 1))
    for factor in (1, 2, 5, 10):
        if (high - low) / (step * factor) <= 5:
            step *= factor
            break
    first = math.ceil(low / step) * step
    return [first + n * step for n in range(int((high - first) / step) + 1)]


def figures(chart: FigureChart) -> str:
    """The figures of one question on a time axis, the best-supported band shaded."""
    low, high = _scale(chart)
    height = TOP + PLOT_HEIGHT + BOTTOM + LINE * (len(chart.bars) + bool(chart.band)) + 8
    bottom = TOP + PLOT_HEIGHT

    def y(v: float) -> float:
        return bottom - (v - low) / (high - low) * PLOT_HEIGHT

    out = [_open(WIDTH, height, f"Figures for {chart.title}", "figures")]
    heading = _fit(f"{chart.title} ({chart.unit})", WIDTH - 16)
    out.append(f'<text x="8" y="16" font-weight="600">{e(heading)}</text>')
    for tick in _ticks(low, high):
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="{GRID}"/><text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end">'
            f"{e(wording.number(tick))}</text>"
        )
    if chart.band:
        top_, base = y(chart.band[1]), y(chart.band[0])
        out.append(
            f'<rect class="chart-band" x="{LEFT}" y="{top_:.1f}" width="{WIDTH - LEFT - RIGHT}" '
            f'height="{max(base - top_, 3):.1f}" fill="{BAND}" fill-opacity="0.45">'
            f"<title>{e(chart.band_label)}</title></rect>"
        )
    slots = list(dict.fromkeys((b.when, b.when_label) for b in chart.bars))
    width = (WIDTH - LEFT - RIGHT) / len(slots)
    for n, (when, label) in enumerate(slots):
        centre = LEFT + width * (n + 0.5)
        out.append(
            f'<text x="{centre:.1f}" y="{bottom + 16}" text-anchor="middle">'
            f"{e(_fit(label, width))}</text>"
        )
        here = [
            (i, b) for i, b in enumerate(chart.bars, 1) if (b.when, b.when_label) == (when, label)
        ]
        gap = min(22.0, width / (len(here) + 1))
        for k, (i, bar) in enumerate(here):
            x = centre + (k - (len(here) - 1) / 2) * gap
            out.append(_bar(bar, i, x, y, bottom))
    out.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>'
    )
    key_top = bottom + BOTTOM
    for i, bar in enumerate(chart.bars, 1):
        held = f" (position {bar.position})" if bar.position else ""
        text = f"{i}. {bar.words}{held}: {bar.label}"
        out.append(
            f'<text x="{LEFT}" y="{key_top + LINE * (i - 1)}">{e(_fit(text, WIDTH - LEFT))}</text>'
        )
    if chart.band:
        out.append(
            f'<rect x="{LEFT}" y="{key_top + LINE * len(chart.bars) - 10}" width="14" height="10" '
            f'fill="{BAND}" fill-opacity="0.45"/><text x="{LEFT + 20}" '
            f'y="{key_top + LINE * len(chart.bars)}">{e(chart.band_label)}</text>'
        )
    return "".join(out) + "</svg>"


def _bar(bar: Bar, number: int, x: float, y: Callable[[float], float], bottom: float) -> str:
    colour = DENIAL if bar.denied else BAR
    if bar.position and not bar.denied:
        colour = POSITIONS[(bar.position - 1) % len(POSITIONS)]
    group = f" position-{bar.position}" if bar.position else ""
    dash = ' stroke-dasharray="4 3"' if bar.denied else ""
    top = TOP if bar.high is None else y(bar.high)
    base = bottom if bar.low is None else y(bar.low)
    parts = [
        f'<g class="chart-bar{group}"><title>{e(bar.words)}: {e(bar.label)}, '
        f"{e(bar.when_label)}</title>",
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{base:.1f}" y2="{top:.1f}" stroke="{colour}" '
        f'stroke-width="8"{dash}/>',
    ]
    if bar.high is None:  # open-ended upwards: an arrow head
        parts.append(
            f'<path d="M{x - 8:.1f} {top + 8:.1f} L{x:.1f} {top - 4:.1f} L{x + 8:.1f} '
            f'{top + 8:.1f} Z" fill="{colour}"/>'
        )
    if bar.exact is not None:
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y(bar.exact):.1f}" r="6" fill="#ffffff" '
            f'stroke="{INK}" stroke-width="2"/>'
        )
    parts.append(
        f'<text x="{x + 10:.1f}" y="{max(top + 10, TOP + 10):.1f}" font-size="11" '
        f'font-weight="600">{number}</text>'
    )
    return "".join(parts) + "</g>"


def _fit(text: str, width: float) -> str:
    most = max(4, int(width / CHAR))
    return text if len(text) <= most else text[: most - 1] + "…"


def matrix(chart: MatrixChart) -> str:
    """Speakers against candidates: who names whom, who denies it."""
    label_width = min(260.0, max(len(s) for s in chart.speakers) * CHAR + 12)
    column = max(96.0, min(160.0, max(len(c) for c in chart.candidates) * CHAR / 2 + 16))
    width = label_width + column * len(chart.candidates) + RIGHT
    row = 28
    top = TOP + 34
    height = top + row * len(chart.speakers) + LINE * 2 + 8
    out = [_open(width, height, f"Who names whom: {chart.title}", "matrix")]
    out.append(f'<text x="8" y="16" font-weight="600">{e(_fit(chart.title, width))}</text>')
    for c, name in enumerate(chart.candidates):
        cx = label_width + column * (c + 0.5)
        words = _two_lines(name, column)
        for k, part in enumerate(words):
            out.append(
                f'<text x="{cx:.1f}" y="{TOP + 10 + 13 * k}" text-anchor="middle">{e(part)}</text>'
            )
    for r, speaker in enumerate(chart.speakers):
        cy = top + row * r + row / 2
        shade = "#f4f5f9" if r % 2 == 0 else "#ffffff"
        out.append(
            f'<rect x="0" y="{top + row * r}" width="{width:.0f}" height="{row}" fill="{shade}"/>'
            f'<text x="8" y="{cy + 4:.1f}">{e(_fit(speaker, label_width - 12))}</text>'
        )
    for mark in chart.marks:
        cx = label_width + column * (mark.column + 0.5)
        cy = top + row * mark.row + row / 2
        what = f"{chart.speakers[mark.row]}: {mark.kind} {chart.candidates[mark.column]}"
        if mark.kind == DENIED:
            out.append(
                f'<g class="chart-denial"><title>{e(what)}</title><path d="M{cx - 7:.1f} '
                f"{cy - 7:.1f} L{cx + 7:.1f} {cy + 7:.1f} M{cx + 7:.1f} {cy - 7:.1f} "
                f'L{cx - 7:.1f} {cy + 7:.1f}" stroke="{DENIAL}" stroke-width="3"/></g>'
            )
        else:
            out.append(
                f'<g class="chart-affirmed"><title>{e(what)}</title><circle cx="{cx:.1f}" '
                f'cy="{cy:.1f}" r="7" fill="{BAR}"/></g>'
            )
    key = top + row * len(chart.speakers) + LINE + 4
    out.append(
        f'<circle cx="14" cy="{key - 4}" r="5" fill="{BAR}"/><text x="24" y="{key}">names it'
        f'</text><path d="M94 {key - 9} L104 {key + 1} M104 {key - 9} L94 {key + 1}" '
        f'stroke="{DENIAL}" stroke-width="3"/><text x="112" y="{key}">denies it</text>'
    )
    return "".join(out) + "</svg>"


def _two_lines(name: str, width: float) -> list[str]:
    most = max(4, int(width / CHAR))
    if len(name) <= most:
        return [name]
    words = name.split()
    first: list[str] = []
    while words and len(" ".join([*first, words[0]])) <= most:
        first.append(words.pop(0))
    if not first:
        return [_fit(name, width)]
    return [" ".join(first), _fit(" ".join(words), width)]
