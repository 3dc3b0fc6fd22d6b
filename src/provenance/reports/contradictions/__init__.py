"""The contradiction report (`provenance report`): its content built once (content.py, with
rows.py and assessment.py), then rendered by one module per format, registered here."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from provenance.reports.contradictions import as_json, csv_out, html, markdown, text

if TYPE_CHECKING:
    from provenance.reports.contradictions.content import ContradictionReport

FORMATS: dict[str, Callable[[ContradictionReport], str]] = {
    "text": text.render,
    "markdown": markdown.render,
    "html": html.render,
    "json": as_json.render,
    "csv": csv_out.render,
}
"""format name -> render(built report) -> text."""
