"""Parts of a figure given beside it in a claim's note ("12 staff and 10 patients" on a toll of
22): read only when every piece is a number and who it counts, and the pieces add up to the
figure, so that the ledger can say them as `parts:` with `parts_complete: true`. Anything
else stays in the note."""

from __future__ import annotations

import re
from typing import Any

from benchmarks.realworld.names import Gazetteer

_WORDS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
    *("eighteen", "nineteen", "twenty"),
)
NUMBERS = {w: n for n, w in enumerate(_WORDS, 1)}
_HEDGE = r"(?:at least |more than |over |about |some )?"
_NUMBER = rf"(?:\d+|{'|'.join(_WORDS)})"
_PIECE = re.compile(rf"({_HEDGE})({_NUMBER}) ([^\d,;+]+)", re.I)
_SPLIT = re.compile(rf"\s*(?:,|\band\b|\+|\bplus\b)\s+(?={_HEDGE}{_NUMBER}\b)", re.I)
_ASIDE = re.compile(r"\s+(?:incl\.|including|among them)\s.*$", re.I)


def read_parts(note: str | None, total: object, gazetteer: Gazetteer) -> dict[str, Any] | None:
    """``{scope: figure}`` for the first clause of ``note`` whose pieces add up to
    ``total`` (the figure's number as written), else None."""
    if not note or not isinstance(total, int):
        return None
    for clause in note.split(";"):
        parts = _pieces(clause.strip(), gazetteer)
        if parts and len(parts) > 1 and sum(n for _, n in parts.values()) == total:
            return {scope: words for scope, (words, _) in parts.items()}
    return None


def _pieces(clause: str, gazetteer: Gazetteer) -> dict[str, tuple[object, int]] | None:
    found: dict[str, tuple[object, int]] = {}
    for piece in _SPLIT.split(clause):
        match = _PIECE.fullmatch(_ASIDE.sub("", piece.strip()))
        if match is None:
            return None
        hedge, number, who = match.groups()
        scope = _who(who, gazetteer)
        if not scope or len(scope.split()) > 4 or scope in found:
            return None
        count = int(number) if number.isdigit() else NUMBERS[number.casefold()]
        words: object = count if not hedge and number.isdigit() else f"{hedge}{number}".strip()
        found[scope] = (words, count)
    return found


def _who(words: str, gazetteer: Gazetteer) -> str:
    """Who a piece counts, without the organisation it belongs to ("MSF staff": staff)."""
    for _, start, end in reversed(gazetteer.find(words)):
        words = words[:start] + words[end:]
    return " ".join(words.split())
