"""Dates and times as the data set writes them, in the ledger's words: a date without its
year takes the year that puts it nearest the time the claim refers to (in its own calendar:
"16 Mehr" is read in the Solar Hijri year of that time); a weekday written beside it
("16 Mehr (Friday)") goes into the date, where the checker can test it; a time of day takes
the claim's date, and a time read in UTC ("18:10 GMT") is preferred to a local one."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from provenance.dates import parse_timespan
from provenance.errors import InvalidValue

_HIJRI_OFFSETS = (621, 622)  # a Solar Hijri year is the Gregorian one less 621 or 622
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def date_value(text: str, near: str | None) -> dict[str, Any]:
    """``{"value": ...}`` for a written date, or the words kept as unsaid when no reading
    of them is a date."""
    words, weekday = _weekday_aside(text)
    if re.fullmatch(r"\d{4}(-\d{2}){0,2}", words):
        return {"value": words}
    for candidate in _with_year(words, near):
        written = f"{weekday} {candidate}" if weekday else candidate
        try:
            parse_timespan(written)
        except InvalidValue:
            continue
        return {"value": written, "_words": f"as written: {text}"}
    return {
        "value": {"text": text},
        "property": "date-as-written",
        "_date": f"date '{text}' has no reading as a date (kept as text)",
    }


def _weekday_aside(text: str) -> tuple[str, str | None]:
    """'16 Mehr (Friday)' -> ('16 Mehr', 'Friday'); 'Saturday night' keeps 'Saturday'."""
    found = re.search(r"\(([^)]*)\)", text)
    words = re.sub(r"\s*\([^)]*\)", "", text).strip()
    if found is None:
        return words, None
    aside = found.group(1).split()
    return words, aside[0] if aside and aside[0][:1].isupper() else None


def _with_year(words: str, near: str | None) -> list[str]:
    """The written date completed with each year it may be in, nearest first."""
    if re.search(r"\b\d{4}\b", words):
        return [words]
    anchor = _anchor(near)
    if anchor is None:
        return []
    years = [anchor.year - o for o in _HIJRI_OFFSETS] + [
        anchor.year,
        anchor.year - 1,
        anchor.year + 1,
    ]
    readable = []
    for year in years:
        candidate = f"{words} {year}"
        try:
            span = parse_timespan(candidate)
        except InvalidValue:
            continue
        if span.start is not None and span.start.day is not None and span.start.month:
            gap = abs((date(span.start.year, span.start.month, span.start.day) - anchor).days)
            readable.append((gap, candidate))
    return [c for _, c in sorted(readable)]


def _anchor(near: str | None) -> date | None:
    """The day a claim refers to (the middle of its month when only the month is given)."""
    found = _ISO_DAY.search(near or "")
    if found is None:
        return None
    year, month, day = found.groups()
    return date(int(year), int(month), int(day or 15))


def time_value(text: str, near: str | None) -> dict[str, Any]:
    """'22:40 local (18:10 GMT)' on 2019-08-17 -> 2019-08-17T18:10Z; '08:22 local' ->
    2017-05-31T08:22 (local time, no offset known)."""
    anchor = _anchor(near)
    utc = re.search(r"(\d{1,2}):(\d{2})\s*(?:GMT|UTC|Z)\b", text, re.I)
    local = re.search(r"(\d{1,2}):(\d{2})", text)
    if anchor is None or local is None:
        return {
            "value": {"text": text},
            "property": "time-as-written",
            "_date": f"time '{text}' has no date to go with (kept as text)",
        }
    hour, minute = (utc or local).groups()
    zone = "Z" if utc else ""
    return {
        "value": f"{anchor.isoformat()}T{int(hour):02d}:{minute}{zone}",
        "_words": f"as written: {text}",
    }
