"""The charts as SVG: escaped text, a bar per figure with an arrow for an open end and a dot
for an exact value, the band shaded, a matrix with dots and crosses; no script, nothing
fetched."""

from __future__ import annotations

from dataclasses import replace
from xml.etree import ElementTree

from provenance.reports.contradictions.charts import Bar, FigureChart, Mark, MatrixChart
from provenance.reports.contradictions.svg import draw

SCRIPT = "<script>alert(1)</script>"


def bar(claim: str, low: float | None, high: float | None, exact: float | None = None) -> Bar:
    return Bar(
        claim,
        f"{SCRIPT} radio",
        f"{claim} words",
        low,
        high,
        False,
        False,
        exact,
        "2017-08-06T00:00:00",
        "6 August 2017",
        False,
    )


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # well-formed XML: every text escaped


def test_figures_are_bars_an_arrow_a_dot_and_a_band() -> None:
    chart = FigureChart(
        f"killed of {SCRIPT}",
        "people",
        (bar("a", 30, 40), bar("b", 51, None), bar("c", 57, 57, 57)),
        (51.0, 57.0),
        "best supported",
    )
    svg = draw(chart)
    root = parse(svg)
    tags = [element.tag for element in root.iter()]
    assert "script" not in tags and SCRIPT not in svg
    assert [g.get("class") for g in root.iter("g")].count("chart-bar") == 3
    assert tags.count("path") == 1  # one open end
    assert tags.count("circle") == 1  # one exact figure
    assert len([r for r in root.iter("rect") if r.get("class") == "chart-band"]) == 1
    assert "href" not in svg and "http" not in svg


def test_a_matrix_marks_who_names_and_who_denies() -> None:
    chart = MatrixChart(
        "perpetrator",
        ("Officials", SCRIPT),
        ("Taliban", "ISKP"),
        (Mark(0, 0, "affirmed"), Mark(0, 1, "affirmed"), Mark(1, 0, "denied")),
    )
    root = parse(draw(chart))
    groups = [g.get("class") for g in root.iter("g")]
    assert groups.count("chart-affirmed") == 2 and groups.count("chart-denial") == 1
    assert SCRIPT in "".join(root.itertext())  # shown as text


def test_bars_take_the_colour_of_their_position_and_the_key_names_it() -> None:
    first, second = bar("a", 80, 80, 80), bar("b", 150, 150, 150)
    chart = FigureChart(
        "killed",
        "people",
        (replace(first, position=1), replace(second, position=2), bar("c", 90, 90, 90)),
        None,
        "",
    )
    root = parse(draw(chart))
    groups = [g for g in root.iter("g") if "chart-bar" in (g.get("class") or "")]
    assert [g.get("class") for g in groups] == [
        "chart-bar position-1",
        "chart-bar position-2",
        "chart-bar",
    ]
    colours = [g.find("line").get("stroke") for g in groups]  # type: ignore[union-attr]
    assert colours[0] != colours[1]  # two positions, two colours
    keys = [t.text or "" for t in root.iter("text")]
    assert any(k.startswith("1. a words (position 1)") for k in keys)
    assert any(k.startswith("3. c words:") for k in keys)
