"""The checks' Context answered in SQL over a session handed down: the ledger being checked,
read-only, with the lookups rules repeat cached for the run (checks/context.py says what
each question means)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator, MutableMapping, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from provenance import agreement
from provenance.checks.context import Dangling, NameRow, T
from provenance.db import queries, store
from provenance.db.schema import ClaimRow
from provenance.model import Claim, Entity, EntityKind, PropertySpec, Source, TimeSpan
from provenance.properties import PropertyBook
from provenance.scopes import ScopeBook

if TYPE_CHECKING:
    from provenance.names import NameMatch


class LedgerView:
    """One check run's view of the ledger in the database (a checks.context.Context)."""

    def __init__(
        self,
        session: Session,
        roots: Sequence[Path] = (),
        name_matches: MutableMapping[Any, NameMatch] | None = None,
    ) -> None:
        self._session = session
        self._roots = tuple(roots)
        self._origins: dict[str, frozenset[str]] = {}
        self._name_matches = name_matches if name_matches is not None else {}
        self._reused: dict[Hashable, Any] = {}

    @property
    def name_matches(self) -> MutableMapping[Any, NameMatch]:
        return self._name_matches

    def reused(self, key: Hashable, make: Callable[[], T]) -> T:
        if key not in self._reused:
            self._reused[key] = make()
        found: T = self._reused[key]
        return found

    @property
    def roots(self) -> tuple[Path, ...]:
        return self._roots

    def claim_count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(ClaimRow)) or 0)

    def shareable_url(self) -> str | None:
        url = self._session.get_bind().engine.url
        if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
            return None
        return url.render_as_string(hide_password=False)

    # claims ---------------------------------------------------------------------------------

    def claim_groups(
        self,
        *,
        kinds: Collection[str] | None = None,
        properties: Collection[str] | None = None,
        affirmed: bool = False,
        with_denial: bool = False,
    ) -> Iterator[list[Claim]]:
        return queries.grouped_claims(
            self._session,
            kinds=kinds,
            properties=properties,
            affirmed=affirmed,
            with_denial=with_denial,
        )

    def subject_figures(self) -> Iterator[list[Claim]]:
        return queries.subject_figures(self._session)

    def claims(self, ids: Collection[str]) -> dict[str, Claim]:
        return {c.id: c for c in store.find_claims(self._session, ids=ids)} if ids else {}

    def claims_with(self, properties: Collection[str]) -> Iterator[Claim]:
        return queries.claims_with(self._session, properties)

    @property
    def properties(self) -> dict[str, PropertySpec]:
        return self.property_book.specs

    def claims_of(self, subject: str, prop: str) -> list[Claim]:
        """Every claim about one subject and property (the index serves it)."""
        return store.find_claims(self._session, subject=subject, prop=prop)

    def confident_claims(self, floor: float, grades: Collection[str]) -> Iterator[Claim]:
        return queries.confident_claims(self._session, floor, grades)

    def weekday_claims(self) -> Iterator[Claim]:
        return queries.weekday_claims(self._session)

    def quoting_claims(self) -> Iterator[Claim]:
        return queries.quoting_claims(self._session)

    @cached_property
    def event_dates(self) -> dict[str, list[TimeSpan]]:
        return queries.event_dates(self._session)

    def contradiction_pairs(self) -> list[tuple[str, str]]:
        return queries.contradiction_pairs(self._session)

    def dangling_references(self) -> list[Dangling]:
        return queries.dangling_references(self._session)

    def name_rows(self) -> Iterator[NameRow]:
        return queries.name_rows(self._session)

    # sources --------------------------------------------------------------------------------

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in store.find_sources(self._session)}

    def origins(self, source: str) -> frozenset[str]:
        if source in self._origins:
            return self._origins[source]
        found: set[str] = set()
        seen: set[str] = set()
        stack = [source]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            record = self.sources.get(current)
            parents = [p for p in (record.derived_from if record else ()) if p in self.sources]
            if parents:
                stack.extend(parents)
            else:
                found.add(current)
        self._origins[source] = frozenset(found)
        return self._origins[source]

    def independent(self, source_a: str, source_b: str) -> bool:
        return not (self.origins(source_a) & self.origins(source_b))

    def statement_time(self, claim: Claim) -> TimeSpan | None:
        return agreement.statement_time(claim, self.sources)

    def archived_sources(self) -> list[Source]:
        return store.find_sources(self._session, archived=True)

    # entities -------------------------------------------------------------------------------

    @cached_property
    def entities(self) -> dict[str, Entity]:
        return {e.id: e for e in store.find_entities(self._session)}

    @cached_property
    def distinct_pairs(self) -> frozenset[tuple[str, str]]:
        return queries.distinct_pairs(self._session)

    def ancestors(self, entity: str) -> tuple[str, ...]:
        return agreement.ancestors(entity, self.entities)

    def related(self, a: str, b: str) -> bool:
        return agreement.nested(a, b, self.entities)

    def name(self, entity: str) -> str:
        found = self.entities.get(entity)
        return found.name if found else entity

    # vocabulary -----------------------------------------------------------------------------

    @cached_property
    def scope_book(self) -> ScopeBook:
        places = {e.id: e.part_of for e in self.entities.values() if e.kind is EntityKind.PLACE}
        return ScopeBook(store.scopes(self._session), places)

    @cached_property
    def property_book(self) -> PropertyBook:
        return PropertyBook(store.properties(self._session))
