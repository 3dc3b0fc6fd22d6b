"""How one neutral claim reads in the ledger's words: its property (with who was counted and
where), its value (a quantity in the report's hedge, a date, entities or text), and the times
it speaks of (when a figure was current, and what it counts)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from benchmarks.realworld.names import Gazetteer

QUANTITY, ENTITY, DATE, TEXT = "quantity", "entity", "date", "text"
ENTITY_PROPERTIES = {"perpetrator", "claimed-by", "target", "location", "commander"}
DATE_PROPERTIES = {"date", "time"}


@dataclass(frozen=True)
class PropertyReading:
    """The ledger property a neutral property name means, and what its words add."""

    property: str
    scope: str | None = None
    unit: str | None = None
    kind: str | None = None  # the value kind, when the name decides it
    credibility: bool = False  # a judgement on a claim of responsibility
    claimed_by: str | None = None  # "casualties_claimed_by_IS": the figure is a claim


class PropertyReader:
    def __init__(self, mapping: dict[str, Any]) -> None:
        self.named = {k.casefold(): v for k, v in mapping["named"].items()}
        self.measures = sorted(
            (
                (phrase.casefold(), prop)
                for prop, phrases in mapping["measures"].items()
                for phrase in phrases
            ),
            key=lambda item: -len(item[0]),
        )
        self.populations = {k.casefold(): v for k, v in mapping["populations"].items()}

    def read(self, name: str) -> PropertyReading:
        words = " ".join(re.split(r"[_\s]+", name.strip())).casefold()
        claimed = re.search(r"\bclaimed by (.+)$", words)
        claimed_by = claimed.group(1) if claimed else None
        if claimed:
            words = words[: claimed.start()].strip()
        named = self.named.get(words)
        if named is not None:
            return PropertyReading(
                named["property"],
                named.get("scope"),
                named.get("unit"),
                named.get("kind"),
                bool(named.get("credibility")),
                claimed_by,
            )
        for phrase, prop in self.measures:
            found = re.search(rf"\b{re.escape(phrase)}\b", words)
            if found is None:
                continue
            before = _content(words[: found.start()])
            after = _content(words[found.end() :])
            scopes = [self.populations.get(before, before)] if before else []
            if after:  # "at the MSF hospital", "in the ward": where they were counted
                scopes.append(after)
            scope = " ".join(s for s in scopes if s) or None
            return PropertyReading(prop, scope, kind=QUANTITY, claimed_by=claimed_by)
        return PropertyReading(re.sub(r"[^a-z0-9]+", "-", words).strip("-"), claimed_by=claimed_by)


def _content(words: str) -> str:
    """The words that add meaning: without "total", "count", "number of"."""
    kept = [w for w in words.split() if w not in {"total", "count", "number", "of", "the"}]
    return " ".join(kept)


@dataclass(frozen=True)
class Times:
    """``as_of``: when a figure was current (or a fact held); ``period``: the time the figure
    counts, when the data set gives the event's own time instead; ``note``: what the text adds
    ("first hours", "morning")."""

    as_of: str | None
    period: str | None
    note: str | None


_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"


def read_times(refers_to: str | None) -> Times:
    """'as of 2017-05-31 (first hours)' -> as_of 2017-05-31, note 'first hours';
    '2020-08-02/03' -> period 2020-08-02/2020-08-03; 'retrospective' -> a note only."""
    if not refers_to:
        return Times(None, None, None)
    text = str(refers_to).strip()
    current = text.casefold().startswith("as of ")
    body = text[6:] if current else text
    found = re.match(rf"({_DATE})(?:/(\d{{2}}(?:-\d{{2}})?|{_DATE}))?", body)
    if found is None:
        return Times(None, None, text)
    start, end = found.group(1), found.group(2)
    span = start if end is None else f"{start}/{_complete(start, end)}"
    rest = body[found.end() :].strip(" ()") or None
    if current:
        return Times(span, None, rest)
    return Times(None, span, rest)


def _complete(start: str, end: str) -> str:
    """'2017-05-31' and '06-01' -> '2017-06-01'."""
    if len(end) >= 10:
        return end
    return start[: 10 - len(end)] + end


def quantity_words(value: dict[str, Any], qualifiers: dict[str, str]) -> tuple[str, str | None]:
    """The value in the report's words for the ledger ("at least 50", "30-40") and the hedge
    word that had no ledger reading (kept for the stance), if any."""
    qualifier = (value.get("qualifier") or "").strip().casefold()
    reading = qualifiers.get(qualifier)
    unknown = qualifier if qualifier and reading is None else None
    number = value.get("value")
    if isinstance(number, dict) or value.get("kind") == "range":
        low, high = _range_ends(value)
        words = f"{_number(low)}-{_number(high)}"
        return (f"{reading} {words}".strip() if reading else words), unknown
    return f"{reading or ''} {_number(number)}".strip(), unknown


def _range_ends(value: dict[str, Any]) -> tuple[object, object]:
    inner = value.get("value")
    if isinstance(inner, dict):
        return inner.get("low"), inner.get("high")
    if isinstance(inner, list | tuple) and len(inner) == 2:
        return inner[0], inner[1]
    return value.get("low"), value.get("high")


def _number(number: object) -> str:
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)


COVER = re.compile(r"\b(?:as (?:a )?cover|cover name|only a cover|front for|front)\b", re.I)


def entity_ids(text: str, gazetteer: Gazetteer) -> tuple[list[str], list[str]]:
    """The organisations a text names (in order, no repeats) and those it names as a mere
    cover ("IS is only a cover name", "using ISKP as cover")."""
    found = gazetteer.find(text)
    named: list[str] = []
    cover: list[str] = []
    for n, (ident, _, end) in enumerate(found):
        stop = found[n + 1][1] if n + 1 < len(found) else len(text)
        target = cover if COVER.search(text[end : min(stop, end + 40)]) else named
        if ident not in target:
            target.append(ident)
    return named, cover
