"""The contradiction report (`provenance report`): its content built once (content.py, with
rows.py and assessment.py), then rendered by one module per format, registered here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import ProvenanceError
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


def render(report: ContradictionReport, fmt: str, template: Path | None = None) -> str:
    """The report in ``fmt``; the HTML page from the templates in ``template`` first."""
    if template is None:
        return FORMATS[fmt](report)
    if fmt != "html":
        raise ProvenanceError(f"--template {template}: templates shape the html format only")
    return html.render(report, template)
