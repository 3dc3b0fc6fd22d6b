"""The contradiction report (`provenance report`), one module per format, and this explicit
registry of them."""

from __future__ import annotations

from collections.abc import Callable

from provenance.contradictions import ReportData
from provenance.reports.contradictions import as_json, csv_out, html, markdown, text

FORMATS: dict[str, Callable[[ReportData, bool], str]] = {
    "text": text.render,
    "markdown": markdown.render,
    "html": html.render,
    "json": as_json.render,
    "csv": csv_out.render,
}
"""format name -> render(data, include_decided) -> text."""
