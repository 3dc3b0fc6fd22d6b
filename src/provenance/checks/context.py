"""What rules read through: the ledger being checked, behind a small read-only interface.
Rules never open sessions, commit or write SQL; lookups they repeat are cached here."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from functools import cached_property
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from provenance.db import queries, store
from provenance.db.queries import Dangling, NameRow
from provenance.db.schema import ClaimRow

__all__ = ["Context", "Dangling", "NameRow"]
from provenance.model import Claim, Entity, Source, TimeSpan


class Context:
    """One check run's view of the ledger. ``roots`` are the folders the ledger was read
    from (archived texts are found relative to the file that declares their source)."""

    def __init__(self, session: Session, roots: Sequence[Path] = ()) -> None:
        self._session = session
        self.roots = tuple(roots)
        self._origins: dict[str, frozenset[str]] = {}

    def claim_count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(ClaimRow)) or 0)

    def shareable_url(self) -> str | None:
        """The database's URL when another process can open it too (a file, a server);
        None for an in-memory store, which only this process sees."""
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
        """Claims that share a subject and property (only groups of two or more), counting
        only claims of the given value kinds and properties, only affirmed claims if asked,
        and only groups with a denial if asked."""
        return queries.grouped_claims(
            self._session,
            kinds=kinds,
            properties=properties,
            affirmed=affirmed,
            with_denial=with_denial,
        )

    def claims(self, ids: Collection[str]) -> dict[str, Claim]:
        return {c.id: c for c in store.find_claims(self._session, ids=ids)} if ids else {}

    def claims_of(self, subject: str, prop: str) -> list[Claim]:
        """Every claim about one subject and property (the index serves it)."""
        return store.find_claims(self._session, subject=subject, prop=prop)

    def all_claims(self) -> Iterator[Claim]:
        """Every claim, streamed in id order."""
        return queries.stream_claims(self._session)

    def confident_claims(self, floor: float, grades: Collection[str]) -> Iterator[Claim]:
        """Claims stated with confidence of at least ``floor`` from sources graded ``grades``."""
        return queries.confident_claims(self._session, floor, grades)

    def weekday_claims(self) -> Iterator[Claim]:
        """Claims whose date value or as_of may state a weekday (a superset: check each)."""
        return queries.weekday_claims(self._session)

    def quoting_claims(self) -> Iterator[Claim]:
        """Claims that quote a source with an archived text."""
        return queries.quoting_claims(self._session)

    @cached_property
    def event_dates(self) -> dict[str, list[TimeSpan]]:
        """The affirmed dates of each subject that has a `date` claim."""
        return queries.event_dates(self._session)

    def contradiction_pairs(self) -> list[tuple[str, str]]:
        return queries.contradiction_pairs(self._session)

    def dangling_references(self) -> list[queries.Dangling]:
        return queries.dangling_references(self._session)

    def name_rows(self) -> Iterator[queries.NameRow]:
        return queries.name_rows(self._session)

    # sources --------------------------------------------------------------------------------

    @cached_property
    def sources(self) -> dict[str, Source]:
        return {s.id: s for s in store.find_sources(self._session)}

    def origins(self, source: str) -> frozenset[str]:
        """The sources this one ultimately repeats (itself when it repeats none): two
        sources with a common origin are one assertion, not two."""
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
        """When the claim holds: its as_of, else when its source was published."""
        if claim.as_of is not None:
            return claim.as_of
        source = self.sources.get(claim.source)
        return source.published if source else None

    def archived_sources(self) -> list[Source]:
        """The sources with an archived text."""
        return store.find_sources(self._session, archived=True)

    def archive_path(self, source: Source) -> Path | None:
        """The archived text of a source: relative to the folder of the file declaring it."""
        if source.archive is None or source.origin is None:
            return None
        return Path(source.origin.file).parent / source.archive.path

    # entities -------------------------------------------------------------------------------

    @cached_property
    def entities(self) -> dict[str, Entity]:
        return {e.id: e for e in store.find_entities(self._session)}

    @cached_property
    def distinct_pairs(self) -> frozenset[tuple[str, str]]:
        """Entities declared distinct_from each other, as pairs in both directions."""
        return queries.distinct_pairs(self._session)

    def ancestors(self, entity: str) -> tuple[str, ...]:
        """The entities this one sits inside, nearest first (part_of, followed up)."""
        chain: list[str] = []
        current = self.entities.get(entity)
        while current is not None and current.part_of and current.part_of not in chain:
            chain.append(current.part_of)
            current = self.entities.get(current.part_of)
        return tuple(chain)

    def related(self, a: str, b: str) -> bool:
        """The same entity, or one inside the other (a village and its district)."""
        return a == b or a in self.ancestors(b) or b in self.ancestors(a)

    def name(self, entity: str) -> str:
        found = self.entities.get(entity)
        return found.name if found else entity
