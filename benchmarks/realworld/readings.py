"""How one neutral claim reads in the ledger's words: its property (with who was counted and
where), its value (a quantity in the report's hedge, a date, entities or text), and the times
it speaks of (when a figure was current, and what it counts)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from benchmarks.realworld.names import Gazetteer
from provenance.errors import InvalidValue
from provenance.quantities import parse_quantity

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

    def measure(self, word: str) -> str | None:
        """The property a single measure word names ("wounded", "injured"), if any."""
        folded = word.casefold()
        return next((prop for phrase, prop in self.measures if phrase == folded), None)

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
    """``as_of``: when a figure was current (a count "as of" a time); ``period``: the time the
    figure counts (the event's own time); ``note``: what the text adds that no date says
    ("first hours", "end of siege", "retrospective")."""

    as_of: str | None
    period: str | None
    note: str | None


_DATE = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"


def read_times(refers_to: str | None, day_parts: dict[str, str] | None = None) -> Times:
    """'as of 2017-05-31 evening' -> as_of 'around 2017-05-31T19:00' (the part of the day
    read through ``day_parts``, mapping.yaml); '2020-08-02/03' -> period
    2020-08-02/2020-08-03; 'before 2015-12-12' -> as_of '../2015-12-12'; 'retrospective' ->
    a note only."""
    if not refers_to:
        return Times(None, None, None)
    text = str(refers_to).strip()
    lowered = text.casefold()
    current = lowered.startswith("as of ")
    before = lowered.startswith("before ")
    body = text[6:] if current else text[7:] if before else text
    found = re.match(rf"({_DATE})(?:/(\d{{2}}(?:-\d{{2}})?|{_DATE}))?", body)
    if found is None:
        return Times(None, None, text)
    start, end = found.group(1), found.group(2)
    rest = body[found.end() :].strip(" ()") or None
    hour = (day_parts or {}).get((rest or "").casefold()) if len(start) == 10 else None
    if end is not None:
        span = f"{start}/{_complete(start, end)}"
    elif hour is not None:
        span, rest = (
            f"around {start}T{hour}",
            None if rest is None else f"{rest} (time approximate)",
        )
    else:
        span = start
    if before:
        return Times(f"../{span}", None, rest)
    if current:
        return Times(span, None, rest)
    return Times(None, span, rest)


def _complete(start: str, end: str) -> str:
    """'2017-05-31' and '06-01' -> '2017-06-01'."""
    if len(end) >= 10:
        return end
    return start[: 10 - len(end)] + end


def quantity_words(
    value: dict[str, Any], qualifiers: dict[str, str], floor: bool = False
) -> tuple[object, str | None]:
    """The value in the ledger's words ("at least 50", "30-40", {low: 50, best: 57, high:
    61}) and the hedge that had no ledger reading (kept as the stance), if any. ``floor``:
    the speaker says the figure was counted one by one ("80 confirmed dead")."""
    qualifier = (value.get("qualifier") or "").strip().casefold()
    reading = qualifiers.get(qualifier)
    if reading is None and qualifier and _reads(f"{qualifier} 1"):
        reading = qualifier  # a hedge the ledger reads in the page's own words ("well over")
    unknown = qualifier if qualifier and reading is None else None
    if floor and not reading:
        reading = "confirmed"
    number = value.get("value")
    if isinstance(number, dict) and "best" in number:
        return {k: number[k] for k in ("low", "best", "high") if number.get(k) is not None}, unknown
    if isinstance(number, dict | list | tuple) or (value.get("kind") or "").casefold() == "range":
        low, high = _range_ends(value)
        words = f"{_number(low)}-{_number(high)}"
        hedged = f"{reading} {words}".strip() if reading else words
        if reading and not _reads(hedged):  # a hedge the ledger refuses on a range
            return words, qualifier
        return hedged, unknown
    if unknown and _reads(f"1 {unknown}"):  # a hedge written after its number: "or so"
        return f"{_number(number)} {unknown}", None
    return f"{reading or ''} {_number(number)}".strip(), unknown


def _reads(words: str) -> bool:
    try:
        parse_quantity(words)
    except InvalidValue:
        return False
    return True


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
