"""What `provenance review` shows: one conflict with its competing claims side by side, and
the list of conflicts with their status."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from provenance import confidence as conf
from provenance.checker import CheckResult, Conflict
from provenance.model import Claim, Ledger, Polarity
from provenance.reports.records import Names, source_line
from provenance.views import ReportData

PER_TABLE = 3


def _names(data: ReportData) -> Names:
    return Names(
        Ledger(
            tuple(data.sources.values()), tuple(data.entities.values()), tuple(data.claims.values())
        )
    )


def render_conflict(conflict: Conflict, data: ReportData, position: int, total: int) -> str:
    lines = [f"[{position}/{total}] {conflict.id}  {conflict.severity.value}", conflict.message, ""]
    claims = [data.claims[c] for c in conflict.claims if c in data.claims]
    names = _names(data)
    for start in range(0, len(claims), PER_TABLE):
        lines += [side_by_side(claims[start : start + PER_TABLE], names), ""]
    if not claims:
        lines += ["written at: " + "; ".join(str(p) for p in conflict.places[:6]), ""]
    for earlier in conflict.reviews:
        lines.append(
            f"reviewed {earlier.at:%Y-%m-%d} by {earlier.reviewer}: "
            f"{earlier.verdict.value} - {earlier.note or ''}"
        )
    return "\n".join(lines)


def side_by_side(claims: Sequence[Claim], names: Names) -> str:
    """The claims as columns: value, speaker, source and its reliability, time, confidence,
    quote and place, so that the disagreement reads across."""

    def source(claim: Claim) -> str:
        found = names.sources.get(claim.source)
        return f"{claim.source}: {source_line(found)}" if found else claim.source

    rows = [
        (
            "value",
            [("NOT " if c.polarity is Polarity.DENIED else "") + names.value(c) for c in claims],
        ),
        ("stance", [c.stance or "" for c in claims]),
        ("said by", [names.speakers(c) for c in claims]),
        ("source", [source(c) for c in claims]),
        ("as of", [c.as_of.text if c.as_of else "" for c in claims]),
        ("confidence", [conf.describe(c.confidence) if c.confidence else "" for c in claims]),
        ("quote", [f"“{c.quote}”" if c.quote else "" for c in claims]),
        ("where", [str(c.origin) if c.origin else "" for c in claims]),
    ]
    table = [(label, *cells) for label, cells in rows if any(cells)]
    return tabulate(
        table,
        headers=("", *(c.id for c in claims)),
        tablefmt="simple",
        maxcolwidths=[None, *([38] * len(claims))],
        disable_numparse=True,
    )


def render_list(result: CheckResult, target: str) -> str:
    rows = [
        (
            c.id,
            c.status,
            str(c.places[0]) if c.places else "",
            f"{c.review.reviewer}, {c.review.at:%Y-%m-%d}" if c.review else "",
            c.message if len(c.message) <= 70 else c.message[:69] + "…",
        )
        for c in result.conflicts
        if not c.revision
    ]
    out = (
        [
            tabulate(
                rows,
                headers=("conflict", "status", "where", "reviewed", "about"),
                tablefmt="simple",
                disable_numparse=True,
            )
        ]
        if rows
        else []
    )
    for stale in result.stale_reviews:
        out.append(
            f"stale: {stale.conflict} ({stale.verdict.value} by {stale.reviewer}, "
            f"{stale.at:%Y-%m-%d}) decides a conflict that no longer exists"
        )
    open_count = sum(1 for c in result.conflicts if not c.decided and not c.revision)
    decided = sum(1 for c in result.conflicts if c.decided and not c.revision)
    out.append(f"{open_count} open, {decided} decided in {target}")
    return "\n".join(out) + "\n"
