"""Output of `provenance check`, one module per format, and this explicit registry of them."""

from __future__ import annotations

from collections.abc import Callable

from provenance.reports.check import as_json, concise, github, junit, sarif, text
from provenance.reports.check.common import CheckReport

FORMATS: dict[str, Callable[[CheckReport], str]] = {
    "text": text.render,
    "concise": concise.render,
    "json": as_json.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}

__all__ = ["FORMATS", "CheckReport"]
