"""provenance: record claims with their sources and speakers, and find where reports disagree."""

from __future__ import annotations

__version__ = "0.1.0"
