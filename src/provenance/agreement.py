"""When two claims say the same thing, at the same time, from the same speaker or source:
the shared reading of every rule and of the report's assessment, so that they agree with
each other.

- times: claims overlap when their as_of periods overlap (precision-aware); a claim without
  as_of holds whenever the other does;
- speakers: the same speaker means the same non-empty said_by set;
- copies: sources that share an origin (derived_from, or one source) repeat one report;
- one voice: the same speaker, or, when neither claim names a speaker, copies (a source
  speaking for itself, and whatever repeats it); two speakers quoted in one article are
  two voices, and so are a named speaker and the article's own voice;
- values: entities agree when equal or one sits inside the other (a village and its
  district); quantities when their intervals overlap (units converted, relative tolerance);
  dates when they overlap at their precision; text when it has the same words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import replace
from typing import Protocol

from provenance import dates, units
from provenance.model import Claim, Entity, EntityValue, Quantity, Source, TextValue, TimeSpan
from provenance.quantities import overlaps as intervals_overlap

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "by",
        "with",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "its",
        "their",
        "his",
        "her",
    ]
)


class Lookup(Protocol):
    """What agreement reads beyond the two claims: a check's Context, or the records a
    report weighs."""

    def related(self, a: str, b: str) -> bool:
        """The same entity, or one inside the other (a village and its district)."""

    def independent(self, source_a: str, source_b: str) -> bool:
        """The two sources share no origin."""

    def statement_time(self, claim: Claim) -> TimeSpan | None:
        """When the claim holds: its as_of, else when its source was published."""

    def name(self, entity: str) -> str: ...


def ancestors(entity: str, entities: Mapping[str, Entity]) -> tuple[str, ...]:
    """The entities this one sits inside, nearest first (part_of, followed up)."""
    chain: list[str] = []
    current = entities.get(entity)
    while current is not None and current.part_of and current.part_of not in chain:
        chain.append(current.part_of)
        current = entities.get(current.part_of)
    return tuple(chain)


def nested(a: str, b: str, entities: Mapping[str, Entity]) -> bool:
    """The same entity, or one inside the other."""
    return a == b or a in ancestors(b, entities) or b in ancestors(a, entities)


def statement_time(claim: Claim, sources: Mapping[str, Source]) -> TimeSpan | None:
    """When the claim holds: its as_of, else when its source was published."""
    if claim.as_of is not None:
        return claim.as_of
    source = sources.get(claim.source)
    return source.published if source else None


def scope_key(claim: Claim) -> str:
    """What is counted, compared like with like: case and spacing do not matter."""
    return " ".join((claim.scope or "").casefold().split())


def times_overlap(a: Claim, b: Claim) -> bool:
    if a.as_of is None or b.as_of is None:
        return True
    return dates.overlaps(a.as_of, b.as_of)


def same_speaker(a: Claim, b: Claim) -> bool:
    return bool(a.said_by) and set(a.said_by) == set(b.said_by)


def copies(lookup: Lookup, a: Claim, b: Claim) -> bool:
    """The two sources repeat a common origin (or are the same source)."""
    return not lookup.independent(a.source, b.source)


def one_voice(lookup: Lookup, a: Claim, b: Claim) -> bool:
    """One assertion, not two: the same speaker, or copies speaking for themselves."""
    if a.said_by or b.said_by:
        return same_speaker(a, b)
    return copies(lookup, a, b)


def quantity_pair(a: Claim, b: Claim) -> tuple[Quantity, Quantity] | None:
    """Both quantities in one unit, or None when their units measure different things."""
    if not isinstance(a.value, Quantity) or not isinstance(b.value, Quantity):
        return None
    unit_a, unit_b = units.unit_of(a.value, a.unit), units.unit_of(b.value, b.unit)
    worded_a, worded_b = units.canonical(a.value.unit), units.canonical(b.value.unit)
    if not units.comparable(worded_a, worded_b):
        return None  # "$5 million" and "€5 million", whatever unit was written beside them
    converted = units.convert(b.value, unit_b, unit_a)
    if converted is None:
        return None
    return replace(a.value, unit=unit_a), replace(converted, unit=unit_a or converted.unit)


def text_key(text: str) -> frozenset[str]:
    """The words of a text, without case, accents, punctuation or small words."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    words = re.findall(r"\w+", plain)
    return frozenset(w for w in words if w not in STOPWORDS) or frozenset(words)


def entities_agree(lookup: Lookup, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Each entity of one side is, or contains, or sits inside, one of the other side's."""
    return all(any(lookup.related(x, y) for y in b) for x in a) and all(
        any(lookup.related(y, x) for x in a) for y in b
    )


def values_agree(lookup: Lookup, a: Claim, b: Claim, rel_tol: float = 0.0) -> bool | None:
    """Whether the two values can both be true; None when they cannot be compared (different
    kinds of value, or units that measure different things)."""
    if isinstance(a.value, EntityValue) and isinstance(b.value, EntityValue):
        return entities_agree(lookup, a.value.ids, b.value.ids)
    if isinstance(a.value, Quantity) and isinstance(b.value, Quantity):
        pair = quantity_pair(a, b)
        return None if pair is None else intervals_overlap(pair[0], pair[1], rel_tol)
    if isinstance(a.value, TimeSpan) and isinstance(b.value, TimeSpan):
        return dates.overlaps(a.value, b.value)
    if isinstance(a.value, TextValue) and isinstance(b.value, TextValue):
        return text_key(a.value.text) == text_key(b.value.text)
    return None


def stated_at(lookup: Lookup, claim: Claim) -> str:
    """A sortable time for ordering a speaker's statements: as_of, else publication."""
    when = lookup.statement_time(claim)
    if when is None:
        return ""
    start, _ = dates.sortable_span(when)
    return start or ""


def words(lookup: Lookup, claim: Claim) -> str:
    """The value as the report put it, for messages (entities by name)."""
    value = claim.value
    if isinstance(value, Quantity):
        return f"'{value.words}'" + (f" {claim.unit}" if claim.unit else "")
    if isinstance(value, TimeSpan):
        return f"'{value.text}'"
    if isinstance(value, TextValue):
        return f"'{value.text}'"
    if value.unknown:
        return "unknown"
    return " + ".join(lookup.name(e) for e in value.ids) if value.ids else "nobody"
