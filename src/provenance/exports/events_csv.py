"""`export --format events-csv`: an event table in the habit of UCDP's GED and ACLED, for a
spreadsheet or a statistics package: one row per event and source, with what that source
says of the event: its date (start, end and precision), its place, the actors it names
(and those a speaker denies), and its death toll as numbers, low / best / high, with the
report's words beside them.

Figures are numbers, never words: `low` and `high` are empty when unbounded, `best` only
when the source gives one (or a single exact figure); `low_open`/`high_open` say whether a
bound itself is excluded ("over 50" without whole numbers is (50, ∞)). A cell that a
spreadsheet would run as a formula gets a leading quote."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

from provenance.exports.common import ExchangeData, iso, name_of
from provenance.model import (
    Claim,
    Entity,
    EntityKind,
    EntityValue,
    Polarity,
    Quantity,
    Source,
    TimeSpan,
)

SUFFIX = ".csv"
DEATHS = "killed"
ACTORS = "perpetrator"
PLACE = "location"
WHEN = "date"
HEADERS = (
    "event_id",
    "event",
    "date_start",
    "date_end",
    "date_precision",
    "where",
    "actors",
    "actors_denied",
    "deaths_low",
    "deaths_best",
    "deaths_high",
    "deaths_low_open",
    "deaths_high_open",
    "deaths_words",
    "deaths_scope",
    "source_id",
    "source_publisher",
    "source_date",
    "source_headline",
    "source_url",
    "source_reliability",
    "claims",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(data: ExchangeData) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADERS)
    for row in rows(data):
        writer.writerow([_cell(v) for v in row])
    return buffer.getvalue()


def rows(data: ExchangeData) -> Iterable[list[object]]:
    """One row per event and source that says something about it, events in ledger order."""
    about: dict[tuple[str, str], list[Claim]] = {}
    for claim in data.ledger.claims:
        found = data.entities.get(claim.subject)
        if found is not None and found.kind is EntityKind.EVENT:
            about.setdefault((claim.subject, claim.source), []).append(claim)
    order = {e.id: n for n, e in enumerate(data.ledger.entities)}
    for (event, source), claims in sorted(about.items(), key=lambda i: (order[i[0][0]], i[0][1])):
        yield _row(data.entities[event], data.sources.get(source), source, claims, data.entities)


def _row(
    event: Entity,
    source: Source | None,
    source_id: str,
    claims: Sequence[Claim],
    entities: Mapping[str, Entity],
) -> list[object]:
    start, end, precision = _date(claims)
    deaths = _deaths(claims)
    figure = deaths.value if deaths is not None and isinstance(deaths.value, Quantity) else None
    return [
        event.id,
        event.name,
        start,
        end,
        precision,
        "; ".join(_names(claims, PLACE, Polarity.AFFIRMED, entities)),
        "; ".join(_names(claims, ACTORS, Polarity.AFFIRMED, entities)),
        "; ".join(_names(claims, ACTORS, Polarity.DENIED, entities)),
        *_figures(figure),
        deaths.scope or "" if deaths is not None else "",
        source_id,
        source.publisher or "" if source else "",
        iso(source.published.start) or "" if source and source.published else "",
        source.title if source else "",
        source.url or "" if source else "",
        source.reliability.value if source else "",
        " ".join(c.id for c in claims),
    ]


def _date(claims: Sequence[Claim]) -> tuple[str, str, str]:
    for claim in claims:
        if claim.property == WHEN and isinstance(claim.value, TimeSpan):
            span = claim.value
            precision = span.start.precision.name.lower() if span.start else ""
            return iso(span.start) or "", iso(span.end) or "", precision
    return "", "", ""


def _deaths(claims: Sequence[Claim]) -> Claim | None:
    """The source's toll: an affirmed figure of all killed (no scope) first."""
    found = [
        c
        for c in claims
        if c.property == DEATHS
        and c.polarity is Polarity.AFFIRMED
        and isinstance(c.value, Quantity)
    ]
    return min(found, key=lambda c: (c.scope is not None, c.id)) if found else None


def _figures(q: Quantity | None) -> list[object]:
    if q is None:
        return ["", "", "", "", "", ""]
    best = q.best if q.best is not None else (q.low if q.low == q.high else None)
    if q.qualifier == "exists":
        return ["", "", "", "", "", q.words]
    return [_number(q.low), _number(best), _number(q.high), q.low_open, q.high_open, q.words]


def _number(x: float | None) -> object:
    if x is None:
        return ""
    return int(x) if float(x).is_integer() else x


def _names(
    claims: Sequence[Claim], prop: str, polarity: Polarity, entities: Mapping[str, Entity]
) -> list[str]:
    found: list[str] = []
    for claim in claims:
        if (
            claim.property == prop
            and claim.polarity is polarity
            and isinstance(claim.value, EntityValue)
        ):
            found += [name_of(e, entities) for e in claim.value.ids]
    return list(dict.fromkeys(found))


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
