"""Records for people to read: one record with its provenance (`show`), and claim tables
(`claims`)."""

from __future__ import annotations

from collections.abc import Sequence

from tabulate import tabulate

from provenance import confidence as conf
from provenance.model import (
    Claim,
    Entity,
    EntityValue,
    Ledger,
    Polarity,
    Quantity,
    Source,
    TimeSpan,
)
from provenance.quantities import interval_text
from provenance.views import ClaimList, ClaimView, ConflictView, EntityView, SourceView, View


class Names:
    """Looks up the records a view refers to, to show names next to ids."""

    def __init__(self, context: Ledger) -> None:
        self.entities = {e.id: e for e in context.entities}
        self.sources = {s.id: s for s in context.sources}
        self.claims = {c.id: c for c in context.claims}

    def entity(self, ident: str) -> str:
        found = self.entities.get(ident)
        return f"{found.name} ({ident})" if found else ident

    def entity_short(self, ident: str) -> str:
        found = self.entities.get(ident)
        return found.name if found else ident

    def speakers(self, claim: Claim) -> str:
        if not claim.said_by:
            return "(the source itself)"
        return "; ".join(self.entity_short(s) for s in claim.said_by)

    def source(self, ident: str) -> str:
        found = self.sources.get(ident)
        return f"{found.title} ({ident})" if found else ident

    def value(self, claim: Claim) -> str:
        value = claim.value
        if isinstance(value, EntityValue):
            return " + ".join(self.entity_short(e) for e in value.ids)
        if isinstance(value, Quantity):
            unit = f" {claim.unit}" if claim.unit else ""
            return f"{value.words}{unit} {interval_text(value)}"
        if isinstance(value, TimeSpan):
            return value.text
        return value.text


def source_line(source: Source) -> str:
    parts = [
        source.kind.value,
        source.publisher,
        source.published.text if source.published else None,
    ]
    given = ", ".join(p for p in parts if p)
    return f"{given}; reliability {source.reliability.value}: {source.reliability.label}"


def render_view(view: View | ConflictView) -> str:
    if isinstance(view, ConflictView):
        return render_conflict_view(view)
    if isinstance(view, ClaimView):
        return render_claim(view)
    if isinstance(view, EntityView):
        return render_entity(view)
    return render_source(view)


def _fields(rows: Sequence[tuple[str, str | None]]) -> str:
    return tabulate([(k, v) for k, v in rows if v], tablefmt="plain")


def _where(record: Claim | Entity | Source) -> str:
    return f"  [{record.origin}]" if record.origin else ""


def render_claim(view: ClaimView) -> str:
    claim, names = view.claim, Names(view.context)
    source = names.sources.get(claim.source)
    later = [c for c in view.context.claims if c.supersedes == claim.id]
    against = [c.id for c in view.context.claims if claim.id in c.contradicts]
    rows: list[tuple[str, str | None]] = [
        ("subject", names.entity(claim.subject)),
        ("property", claim.property),
        ("value", names.value(claim)),
        ("polarity", "DENIED" if claim.polarity is Polarity.DENIED else "affirmed"),
        ("stance", claim.stance),
        ("scope", claim.scope),
        ("as of", claim.as_of.text if claim.as_of else None),
        ("said by", "; ".join(names.entity(s) for s in claim.said_by) or "(the source itself)"),
        ("source", names.source(claim.source)),
        ("", source_line(source) if source else None),
        ("quote", f"“{claim.quote}”" if claim.quote else None),
        ("locator", claim.locator),
        ("confidence", conf.describe(claim.confidence) if claim.confidence else None),
        (
            "mentions",
            "; ".join(
                f"{m.name} -> {m.entity}" if m.entity else f"{m.name} (unresolved)"
                for m in claim.mentions
            ),
        ),
        ("contradicts", ", ".join(claim.contradicts)),
        ("contradicted by", ", ".join(against)),
        ("supersedes", claim.supersedes),
        ("superseded by", ", ".join(c.id for c in later)),
        ("notes", claim.notes),
    ]
    return f"claim {claim.id}{_where(claim)}\n{_fields(rows)}\n"


def render_entity(view: EntityView) -> str:
    entity, names = view.entity, Names(view.context)
    chain, parent = [], entity.part_of
    while parent and parent not in chain:
        chain.append(parent)
        parent = names.entities[parent].part_of if parent in names.entities else None
    parts = [e for e in view.context.entities if e.part_of == entity.id]
    rows: list[tuple[str, str | None]] = [
        ("name", entity.name),
        ("kind", entity.kind.value),
        ("aliases", "; ".join(entity.aliases)),
        (
            "accepted",
            "; ".join(
                f"{r.alias} ({r.verdict.value}, {r.reviewer}, {r.at:%Y-%m-%d}, {r.conflict})"
                for r in view.accepted
            ),
        ),
        ("part of", " > ".join(names.entity(p) for p in chain)),
        ("parts", "; ".join(names.entity(p.id) for p in parts)),
        ("distinct from", "; ".join(names.entity(d) for d in entity.distinct_from)),
        ("notes", entity.notes),
    ]
    out = [f"{entity.kind.value} {entity.id}{_where(entity)}", _fields(rows)]
    out += _claim_section(f"Claims about {entity.name}", view.about, names)
    out += _claim_section(f"Claims naming {entity.name}", view.naming, names)
    return "\n".join(out) + "\n"


def render_source(view: SourceView) -> str:
    source, names = view.source, Names(view.context)
    copies = [s.id for s in view.context.sources if source.id in s.derived_from]
    rows: list[tuple[str, str | None]] = [
        ("title", source.title),
        ("", source_line(source)),
        ("authors", "; ".join(source.authors)),
        ("url", source.url),
        ("language", source.language),
        ("archive", source.archive.path if source.archive else None),
        ("derived from", "; ".join(names.source(d) for d in source.derived_from)),
        ("repeated by", "; ".join(names.source(c) for c in copies)),
        ("notes", source.notes),
    ]
    out = [f"source {source.id}{_where(source)}", _fields(rows)]
    out += _claim_section(f"Claims reported by {source.id}", view.claims, names)
    return "\n".join(out) + "\n"


def _claim_section(title: str, claims: Sequence[Claim], names: Names) -> list[str]:
    if not claims:
        return []
    return ["", f"{title} ({len(claims)}):", render_claim_table(claims, names, with_subject=False)]


HEADERS = ("claim", "subject", "property", "value", "said by", "source", "as of")
WIDEST = 60


def _short(text: str, width: int = WIDEST) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def render_claim_table(claims: Sequence[Claim], names: Names, *, with_subject: bool = True) -> str:
    rows: list[tuple[str, ...]] = [
        (
            c.id,
            c.subject,
            c.property,
            _short(("NOT " if c.polarity is Polarity.DENIED else "") + names.value(c)),
            _short(names.speakers(c), 40),
            f"{c.source} ({names.sources[c.source].reliability.value})"
            if c.source in names.sources
            else c.source,
            c.as_of.text if c.as_of else "",
        )
        for c in claims
    ]
    headers = list(HEADERS)
    if not with_subject:
        headers.pop(1)
        rows = [(row[0], *row[2:]) for row in rows]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True)


def render_claims(found: ClaimList) -> str:
    if not found.claims:
        return "no claims match\n"
    table = render_claim_table(found.claims, Names(found.context))
    return f"{table}\n{len(found.claims)} claim{'s' if len(found.claims) != 1 else ''}\n"


def render_conflict_view(view: ConflictView) -> str:
    """A conflict as the checker finds it now, and every review of it in order."""
    conflict = view.conflict
    lines = [f"conflict {view.id}"]
    if conflict is None:
        lines.append("the checker no longer finds it: its reviews below are stale")
    else:
        rows = [
            ("rule", conflict.rule),
            ("severity", conflict.severity.value),
            ("status", conflict.status),
            ("about", conflict.message),
            ("claims", ", ".join(conflict.claims)),
            ("where", "; ".join(str(p) for p in conflict.places[:8])),
        ]
        lines.append(_fields([(k, v) for k, v in rows]))
    if view.reviews:
        lines += ["", f"Reviews, oldest first ({len(view.reviews)}); the latest decides:"]
        table = [
            (
                f"{r.at:%Y-%m-%d %H:%M}Z",
                r.reviewer,
                r.verdict.value,
                r.in_favour_of or r.alias or "",
                r.note or "",
            )
            for r in view.reviews
        ]
        lines.append(
            tabulate(
                table,
                headers=("at", "reviewer", "verdict", "stands / alias", "note"),
                tablefmt="simple",
                disable_numparse=True,
            )
        )
    return "\n".join(lines) + "\n"
