"""Lists for people and machines: the entities and the sources of the ledger as tables, and
`claims`, `show`, `rules`, `entities` and `sources` as JSON (each record as its ledger keys,
with its file and line) or CSV (one row per record, spreadsheet formulas neutralised)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from tabulate import tabulate

from provenance.checks import RULES
from provenance.ledger.writer import record_mapping
from provenance.model import Claim, Entity, Record, Source
from provenance.reports.contradictions.csv_out import neutralise
from provenance.views import ClaimList, ClaimView, ConflictView, EntityView, SourceView, View

if TYPE_CHECKING:
    from provenance.checker import CheckResult, Conflict

JSON_VERSION = 1
LIST_FORMATS = ("table", "json", "csv")


def record_json(record: Record) -> dict[str, Any]:
    """A record as its ledger keys, then where it is written."""
    found = record_mapping(record)
    origin = getattr(record, "origin", None)
    if origin is not None:
        found.update(file=origin.file, line=origin.line)
    return found


def _document(document: dict[str, Any]) -> str:
    return json.dumps({"version": JSON_VERSION, **document}, ensure_ascii=False, indent=2,
                      default=str) + "\n"  # fmt: skip


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return str(value)


def rows_csv(headers: Sequence[str], records: Iterable[Record]) -> str:
    """One row per record, its ledger keys in ``headers`` order; formulas neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    for record in records:
        found = record_json(record)
        writer.writerow([neutralise(_text(found.get(key))) for key in headers])
    return out.getvalue()


CLAIM_COLUMNS = ("id", "subject", "property", "value", "unit", "polarity", "said_by", "source",
                 "as_of", "confidence", "quote", "file", "line")  # fmt: skip
ENTITY_COLUMNS = ("id", "kind", "name", "aliases", "part_of", "file", "line")
SOURCE_COLUMNS = ("id", "kind", "reliability", "publisher", "published", "title", "url",
                  "derived_from", "file", "line")  # fmt: skip


def render_claim_list(found: ClaimList, fmt: str) -> str:
    if fmt == "json":
        return _document({"claims": [record_json(c) for c in found.claims]})
    return rows_csv(CLAIM_COLUMNS, found.claims)


def render_show(view: View | ConflictView, fmt: str) -> str:
    """`show --format json|csv`: the record and the records around it, or a conflict."""
    if isinstance(view, ConflictView):
        return _conflict(view, fmt)
    record, claims = _main(view)
    if fmt == "csv":
        return rows_csv(CLAIM_COLUMNS, claims)
    noun = {ClaimView: "claim", EntityView: "entity", SourceView: "source"}[type(view)]
    return _document(
        {
            "kind": noun,
            noun: record_json(record),
            "claims": [record_json(c) for c in claims if c is not record],
            "sources": [record_json(s) for s in view.context.sources if s is not record],
            "entities": [record_json(e) for e in view.context.entities if e is not record],
        }
    )


def _main(view: View) -> tuple[Record, Sequence[Claim]]:
    if isinstance(view, ClaimView):
        return view.claim, (view.claim,)
    if isinstance(view, EntityView):
        return view.entity, (*view.about, *view.naming)
    return view.source, view.claims


def _conflict(view: ConflictView, fmt: str) -> str:
    conflict = view.conflict
    reviews = [record_json(r) for r in view.reviews]
    found: dict[str, Any] = {"kind": "conflict", "id": view.id, "exists": conflict is not None}
    if conflict is not None:
        found.update(
            rule=conflict.rule,
            severity=conflict.severity.value,
            status=conflict.status,
            message=conflict.message,
            claims=list(conflict.claims),
            locations=[{"file": p.file, "line": p.line} for p in conflict.places],
        )
    if fmt == "json":
        return _document({**found, "reviews": reviews})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    headers = ("conflict", "verdict", "reviewer", "at", "in_favour_of", "note")
    writer.writerow(headers)
    for review in reviews:
        writer.writerow([neutralise(_text(review.get(h, view.id if h == "conflict" else None)))
                         for h in headers])  # fmt: skip
    return out.getvalue()


def render_entities(entities: Sequence[Entity], fmt: str) -> str:
    if fmt == "json":
        return _document({"entities": [record_json(e) for e in entities]})
    if fmt == "csv":
        return rows_csv(ENTITY_COLUMNS, entities)
    rows = [(e.id, e.kind.value, e.name, "; ".join(e.aliases), e.part_of or "") for e in entities]
    headers = ("entity", "kind", "name", "aliases", "part of")
    return _table(rows, headers, f"{len(entities)} entit{'y' if len(entities) == 1 else 'ies'}")


def render_sources(sources: Sequence[Source], fmt: str) -> str:
    if fmt == "json":
        return _document({"sources": [record_json(s) for s in sources]})
    if fmt == "csv":
        return rows_csv(SOURCE_COLUMNS, sources)
    rows = [
        (s.id, s.kind.value, s.reliability.value if s.reliability_given else "",
         s.publisher or "", s.published.text if s.published else "", s.title)
        for s in sources
    ]  # fmt: skip
    headers = ("source", "kind", "reliability", "publisher", "published", "title")
    return _table(rows, headers, f"{len(sources)} source{'' if len(sources) == 1 else 's'}")


def _table(rows: Sequence[Sequence[str]], headers: Sequence[str], count: str) -> str:
    if not rows:
        return f"{count}\n"
    table = tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)
    return f"{table}\n{count}\n"


def render_rules(fmt: str, rule_id: str | None = None) -> str:
    """`rules --format json|csv`: each rule's id, default severity, summary, former ids and
    documentation page (one rule's, if given, with its documentation in full)."""
    from provenance.checks import by_id
    from provenance.docs import rule_path

    chosen = [by_id(rule_id)] if rule_id is not None else list(RULES)

    rules = [
        {
            "id": r.id,
            "severity": r.default_severity.value,
            "summary": r.summary(),
            "aliases": list(r.aliases),
            "documentation": rule_path(r.id),
            **({"text": r.documentation()} if rule_id is not None else {}),
        }
        for r in chosen
        if r is not None
    ]
    if fmt == "json":
        return _document({"rules": rules})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(rules[0]) if rules else [])
    for rule in rules:
        writer.writerow([neutralise(_text(rule[k])) for k in rule])
    return out.getvalue()


CONFLICT_COLUMNS = ("id", "rule", "severity", "status", "file", "line", "reviewer", "reviewed_at",
                    "claims", "message")  # fmt: skip


def render_conflicts(result: CheckResult, fmt: str) -> str:
    """`review --list --format json|csv`: each conflict with its status and latest review,
    then (JSON only) the reviews of conflicts that no longer exist."""
    rows = [_conflict_row(c) for c in result.conflicts if not c.revision]
    if fmt == "json":
        stale = [record_json(r) for r in result.stale_reviews]
        return _document({"conflicts": rows, "stale_reviews": stale})
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CONFLICT_COLUMNS)
    for row in rows:
        writer.writerow([neutralise(_text(row[key])) for key in CONFLICT_COLUMNS])
    return out.getvalue()


def _conflict_row(conflict: Conflict) -> dict[str, Any]:
    place = conflict.places[0] if conflict.places else None
    review = conflict.review
    return {
        "id": conflict.id,
        "rule": conflict.rule,
        "severity": conflict.severity.value,
        "status": conflict.status,
        "file": place.file if place else None,
        "line": place.line if place else None,
        "reviewer": review.reviewer if review else None,
        "reviewed_at": review.at.isoformat() if review else None,
        "claims": list(conflict.claims),
        "message": conflict.message,
    }
