"""The contradiction report (`provenance report`), one module per format, and this explicit
registry of them."""

from __future__ import annotations

from collections.abc import Callable

from provenance.contradictions import ReportData

FORMATS: dict[str, Callable[[ReportData, bool], str]] = {}
"""format name -> render(data, include_decided) -> text (filled in as formats are written)."""
