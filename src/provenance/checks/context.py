"""What rules read through: the ledger being checked, behind a small read-only interface.
Rules never open sessions, commit or write SQL; db/ledger_view.py answers these questions in
SQL, caching what rules ask again and again."""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from provenance.agreement import Lookup
from provenance.model import Claim, Entity, Origin, PropertySpec, Source, TimeSpan
from provenance.properties import PropertyBook
from provenance.scopes import ScopeBook

if TYPE_CHECKING:  # the matcher is loaded when names are compared
    from provenance.names import NameMatch


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class NameRow:
    """One written spelling of a name: an entity's name or alias, or a claim's mention."""

    name: str
    role: str  # "name", "alias" or "mention"
    entity: str | None  # the entity it belongs to, or the one a mention is resolved to
    kind: str | None  # that entity's kind, when known
    claim: str | None  # the claim of a mention
    origin: Origin | None


@dataclass(frozen=True, slots=True)
class Dangling:
    """A reference from a record's field to an id that names nothing of the right type."""

    record: str
    record_id: str
    field: str
    target: str
    expected: str
    origin: Origin | None


class Context(Lookup, Protocol):
    """One check run's view of the ledger. ``roots`` are the folders the ledger was read
    from (archived texts are looked for inside them)."""

    @property
    def roots(self) -> tuple[Path, ...]: ...

    def claim_count(self) -> int: ...

    @property
    def name_matches(self) -> MutableMapping[Any, NameMatch]:
        """The name matcher's verdicts by the spellings compared (checks/_spellings.py,
        matched): kept for the run, and between runs by the check cache (caching.py)."""

    def reused(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make`` returns, worked out once per run for every rule that asks by ``key``
        (the two name rules search the same spellings for the same candidate pairs)."""

    def shareable_url(self) -> str | None:
        """The database's URL when another process can open it too (a file, a server);
        None for an in-memory store, which only this process sees."""

    # claims -------------------------------------------------------------------------------

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

    def subject_figures(self) -> Iterator[list[Claim]]:
        """The quantity claims of each subject that has two or more, a subject at a time
        (every property together: a part and its whole are compared across properties)."""

    def claims(self, ids: Collection[str]) -> dict[str, Claim]: ...

    def claims_with(self, properties: Collection[str]) -> Iterator[Claim]:
        """Every claim of these properties, streamed in (subject, property, id) order: a
        question that spans properties (who did it, who claimed it) reads them together."""

    @property
    def properties(self) -> dict[str, PropertySpec]:
        """The properties the ledger knows: the shipped vocabulary and its declared ones."""

    def claims_of(self, subject: str, prop: str) -> list[Claim]:
        """Every claim about one subject and property."""

    def confident_claims(self, floor: float, grades: Collection[str]) -> Iterator[Claim]:
        """Claims stated with confidence of at least ``floor`` from sources graded ``grades``."""

    def weekday_claims(self) -> Iterator[Claim]:
        """Claims whose date value or as_of may state a weekday (a superset: check each)."""

    def quoting_claims(self) -> Iterator[Claim]:
        """Claims that quote a source with an archived text."""

    @property
    def event_dates(self) -> dict[str, list[TimeSpan]]:
        """The affirmed dates of each subject that has a `date` claim."""

    def contradiction_pairs(self) -> list[tuple[str, str]]: ...

    def dangling_references(self) -> list[Dangling]: ...

    def name_rows(self) -> Iterator[NameRow]: ...

    # sources ------------------------------------------------------------------------------

    @property
    def sources(self) -> dict[str, Source]: ...

    def origins(self, source: str) -> frozenset[str]:
        """The sources this one ultimately repeats (itself when it repeats none): two
        sources with a common origin are one assertion, not two."""

    def archived_sources(self) -> list[Source]:
        """The sources with an archived text."""

    # entities -----------------------------------------------------------------------------

    @property
    def entities(self) -> dict[str, Entity]: ...

    @property
    def distinct_pairs(self) -> frozenset[tuple[str, str]]:
        """Entities declared distinct_from each other, as pairs in both directions."""

    def ancestors(self, entity: str) -> tuple[str, ...]:
        """The entities this one sits inside, nearest first (part_of, followed up)."""

    # vocabulary ---------------------------------------------------------------------------

    @property
    def scope_book(self) -> ScopeBook:
        """The scopes the ledger knows (shipped and declared), places by part_of."""

    @property
    def property_book(self) -> PropertyBook:
        """The properties the ledger knows (shipped and declared)."""
