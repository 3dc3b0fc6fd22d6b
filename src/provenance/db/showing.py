"""What `show` and `claims` read: a record, or a table of claims, with every record needed to
read it (the sources and entities it names, the ancestors of every entity, the sources
related by derived_from, the claims that answer it). Functions take the caller's session."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from provenance.db import rows, store
from provenance.model import Claim, Entity, EntityValue, Ledger, Record, Source
from provenance.suggestions import suggest
from provenance.views import ClaimList, ClaimView, EntityView, SourceView, View


def view_of(session: Session, ident: str) -> View | None:
    """The claim, entity or source with this id, with its context; None when no record has
    it."""
    if claims := store.find_claims(session, ids=[ident]):
        return _claim_view(session, claims[0])
    if entities := store.find_entities(session, ids=[ident]):
        return _entity_view(session, entities[0])
    if sources := store.find_sources(session, ids=[ident]):
        reported = store.find_claims(session, source=ident)
        return SourceView(sources[0], tuple(reported), _context(session, reported, sources))
    return None


def claim_list(
    session: Session,
    *,
    subject: str | None = None,
    prop: str | None = None,
    source: str | None = None,
    said_by: str | None = None,
) -> ClaimList:
    """Claims matching every filter given, in ledger order, with their context."""
    claims = store.find_claims(session, subject=subject, prop=prop, source=source, said_by=said_by)
    return ClaimList(tuple(claims), _context(session, claims))


def unknown_filters(session: Session, wanted: Mapping[str, str | None]) -> list[str]:
    """What is wrong with each filter of `claims` that names something the ledger does not
    hold (--subject, --said-by: an entity; --source: a source; --property: a property some
    claim uses), with the closest known values."""
    problems = []
    for option, value in wanted.items():
        if value is None:
            continue
        if option == "--property":
            used = select(rows.CLAIM.c.property).where(rows.CLAIM.c.property == value).limit(1)
            if session.scalar(used) is not None:
                continue
            known = list(session.scalars(select(rows.CLAIM.c.property).distinct()))
            what = "no claim has the property"
        else:
            finder = store.find_sources if option == "--source" else store.find_entities
            if finder(session, ids=[value]):
                continue
            noun = "source" if option == "--source" else "entity"
            known, what = store.ids(session, noun), f"no {noun} has the id"
        hint = suggest(value, known) or f"`provenance {_LISTS[option]}` lists them"
        problems.append(f"{option}: {what} '{value}' ({hint})")
    return problems


_LISTS = {"--subject": "entities", "--said-by": "entities", "--source": "sources"}
_LISTS["--property"] = "claims"


def _claim_view(session: Session, claim: Claim) -> ClaimView:
    answering = store.find_claims(session, answering=claim.id)
    named = [*claim.contradicts, *([claim.supersedes] if claim.supersedes else [])]
    answered = store.find_claims(session, ids=named) if named else []
    return ClaimView(claim, _context(session, [claim, *answering, *answered]))


def _entity_view(session: Session, entity: Entity) -> EntityView:
    about = store.find_claims(session, subject=entity.id)
    naming = store.find_claims(session, naming=entity.id)
    parts = store.find_entities(session, part_of=entity.id)
    context = _context(session, [*about, *naming], [entity, *parts])
    accepted = tuple(store.accepted_aliases(session, entity.id))
    return EntityView(entity, tuple(about), tuple(naming), context, accepted)


def _context(session: Session, claims: Sequence[Claim], extra: Sequence[Record] = ()) -> Ledger:
    """The sources and entities the claims refer to, with the ancestors of every entity and
    the sources related to theirs by derived_from."""
    entity_ids = {e for c in claims for e in _entities_of(c)}
    for record in extra:
        if isinstance(record, Entity):
            entity_ids.update((record.id, *record.distinct_from))
    source_ids = {c.source for c in claims} | {x.id for x in extra if isinstance(x, Source)}
    sources = {s.id: s for s in store.find_sources(session, ids=source_ids)}
    related = {d for s in sources.values() for d in s.derived_from} - set(sources)
    for source in [
        *store.find_sources(session, ids=related),
        *store.find_sources(session, repeating=source_ids),
    ]:
        sources.setdefault(source.id, source)
    unique_claims = {c.id: c for c in claims}
    entities = tuple(_with_ancestors(session, entity_ids))
    return Ledger(tuple(sources.values()), entities, tuple(unique_claims.values()))


def _entities_of(claim: Claim) -> set[str]:
    ids = {claim.subject, *claim.said_by, *(m.entity for m in claim.mentions if m.entity)}
    if isinstance(claim.value, EntityValue):
        ids.update(claim.value.ids)
    return ids


def _with_ancestors(session: Session, ids: set[str]) -> list[Entity]:
    found: dict[str, Entity] = {}
    wanted = set(ids)
    while wanted:
        batch = store.find_entities(session, ids=wanted)
        found.update((e.id, e) for e in batch)
        wanted = {e.part_of for e in batch if e.part_of and e.part_of not in found}
    return list(found.values())
