"""The contradiction report's content: what the checker found, with every record needed to
show the competing claims side by side and to weigh them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from provenance.checker import CheckResult
from provenance.model import Claim, Entity, Source


@dataclass(frozen=True)
class ReportData:
    """A check result and the records it names.

    ``claims`` holds every claim of every (subject, property) that a conflict in the result
    is about, not only the claims in conflict, so that an assessment can weigh them all;
    ``origins`` maps each of their sources to the sources it ultimately repeats (itself when
    it repeats none): sources sharing an origin are one source of evidence.
    """

    result: CheckResult
    claims: Mapping[str, Claim]
    sources: Mapping[str, Source]
    entities: Mapping[str, Entity]
    origins: Mapping[str, frozenset[str]]
    target: str
