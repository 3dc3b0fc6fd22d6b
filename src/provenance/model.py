"""The domain vocabulary: sources, entities, claims, their values and reviews (no IO, no ORM)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum


class EntityKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    EVENT = "event"
    OTHER = "other"


class SourceKind(StrEnum):
    NEWS = "news"
    WIRE = "wire"
    ANALYSIS = "analysis"
    ACADEMIC = "academic"
    GOVERNMENT = "government"
    UN = "un"
    NGO = "ngo"
    ARMED_GROUP_STATEMENT = "armed-group-statement"
    SOCIAL_MEDIA = "social-media"
    DATASET = "dataset"
    INTERVIEW = "interview"
    OTHER = "other"


class Reliability(StrEnum):
    """Source reliability on the Admiralty (NATO) scale."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"
    F = "F"

    @property
    def label(self) -> str:
        return _RELIABILITY_LABELS[self]


_RELIABILITY_LABELS = {
    Reliability.A: "completely reliable",
    Reliability.B: "usually reliable",
    Reliability.C: "fairly reliable",
    Reliability.D: "not usually reliable",
    Reliability.E: "unreliable",
    Reliability.F: "reliability cannot be judged",
}


class Polarity(StrEnum):
    """How the speaker holds the value: affirms it, denies it, or questions the evidence
    for it ("found no evidence to substantiate", "unable to verify"), which is weaker than a
    denial: the checker reports it as evidence disputed, not as a conflict."""

    AFFIRMED = "affirmed"
    DENIED = "denied"
    QUESTIONED = "questioned"


class Tally(StrEnum):
    """How a quantity's figures relate over time. A running count counts what happened in
    one event (killed, wounded, a bomb's weight): reporting converges on one true value, so
    figures of different days are a timeline and figures of one day that disagree are a
    conflict. A state changes (members, fighters, territory held): figures are compared only
    at overlapping times."""

    RUNNING = "running"
    STATE = "state"


class ValueKind(StrEnum):
    ENTITY = "entity"
    QUANTITY = "quantity"
    DATE = "date"
    TEXT = "text"


class Severity(StrEnum):
    """How much a conflict matters; `check --fail-on` compares by rank."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Verdict(StrEnum):
    SAME_ENTITY = "same-entity"
    DISTINCT = "distinct"
    DISPUTED = "disputed"
    RESOLVED = "resolved"
    NOT_A_CONFLICT = "not-a-conflict"


class Precision(IntEnum):
    """How much of a date is known; a larger value knows more."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    HOUR = 4
    MINUTE = 5
    SECOND = 6


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: a ledger file (relative to its ledger root) and a line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a precision: 2015, 2015-06, 2015-06-16, 2015-06-16T14:30+04:30.

    Fields after the precision are None. ``utc_offset`` is minutes east of UTC when the
    report says where the time was read; ``weekday`` is the weekday the report states
    (0 = Monday), kept so that a wrong one can be flagged.
    """

    year: int
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    second: int | None = None
    utc_offset: int | None = None
    weekday: int | None = None

    @property
    def precision(self) -> Precision:
        for precision, part in (
            (Precision.SECOND, self.second),
            (Precision.MINUTE, self.minute),
            (Precision.HOUR, self.hour),
            (Precision.DAY, self.day),
            (Precision.MONTH, self.month),
        ):
            if part is not None:
                return precision
        return Precision.YEAR


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A date or a period as the analyst wrote it (``text``), with its parsed ends.

    A single date has ``start == end``; an open end is None ("2015/.." is from 2015 on).
    ``approximate`` when the date is not exact ("around 18:00", "c. 2015"): comparisons
    widen it (dates.compare_span); ``inferred`` when the analyst worked it out rather than
    read it (a publication date taken from an address).
    """

    text: str
    start: PartialDate | None
    end: PartialDate | None
    approximate: bool = False
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number from a report, as an interval, keeping the report's words.

    ``low``/``high`` are None when unbounded; ``low_open``/``high_open`` exclude the bound
    itself ("over 50" is the open interval (50, inf)). ``qualifier`` names the rule that
    produced the interval (see quantities.QUALIFIERS); ``unit`` is a unit the words carry
    ("USD" for "$1 to $3 trillion", "%" for "about 40 percent"); ``best`` is a best
    estimate inside the interval when the source gives one ({low: 50, best: 57, high: 61}).
    """

    words: str
    low: float | None
    high: float | None
    qualifier: str
    low_open: bool = False
    high_open: bool = False
    unit: str | None = None
    best: float | None = None


@dataclass(frozen=True, slots=True)
class EntityValue:
    """One or more entities as a claim's value ("the Taliban and ISKP"). No entity is
    "nobody" ("no group has claimed it"); ``unknown`` says the speaker holds that it is not
    known ("nothing is known about the perpetrators")."""

    ids: tuple[str, ...]
    unknown: bool = False


@dataclass(frozen=True, slots=True)
class TextValue:
    text: str


Value = EntityValue | Quantity | TimeSpan | TextValue


def value_kind(value: Value) -> ValueKind:
    if isinstance(value, EntityValue):
        return ValueKind.ENTITY
    if isinstance(value, Quantity):
        return ValueKind.QUANTITY
    if isinstance(value, TimeSpan):
        return ValueKind.DATE
    return ValueKind.TEXT


@dataclass(frozen=True, slots=True)
class Confidence:
    """The analyst's judgement as written: a probability, an ICD 203 term, an Admiralty
    credibility (1-6), or several of them. Derived readings live in confidence.py."""

    probability: float | None = None
    term: str | None = None
    credibility: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A name exactly as the source spells it, resolved to an entity or left open; ``kind``
    says what it names when it is left open (a place, a person...)."""

    name: str
    entity: str | None = None
    kind: EntityKind | None = None


@dataclass(frozen=True, slots=True)
class Unnamed:
    """A speaker the source describes without naming ("an official", "another official",
    "witnesses"), optionally of an organisation. Within one source a description is one
    speaker and two descriptions are two; across sources they are never taken as one."""

    description: str
    of: str | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a figure given in the same statement: "40 killed, of whom 12 police" is a
    claim of 40 with the part 12 for the scope police."""

    scope: str
    value: Quantity


@dataclass(frozen=True, slots=True)
class Archive:
    """An archived copy of a source's text: a path inside the ledger and its sha256."""

    path: str
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """A document or statement that reports claims.

    ``derived_from``: the sources it copies (one voice with them); ``cites``: the sources
    it quotes or cites for some of what it says (their claims, repeated, count once);
    ``mentions``: names as the page spells them, for the spelling checker; a reliability
    left out reads as F (cannot be judged) with ``reliability_given`` False."""

    id: str
    title: str
    kind: SourceKind
    reliability: Reliability
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    published: TimeSpan | None = None
    url: str | None = None
    language: str | None = None
    archive: Archive | None = None
    derived_from: tuple[str, ...] = ()
    cites: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    reliability_given: bool = True
    notes: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...] = ()
    distinct_from: tuple[str, ...] = ()
    part_of: str | None = None
    notes: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Claim:
    """One assertion by one speaker (or the source itself) as reported by one source.

    ``as_of``: when the value holds (for a running count, when the figure was current);
    ``period``: the time a figure counts when it is not the subject event itself ("killed in
    2017"); ``parts``: figures for parts of the value given in the same statement, adding up
    to it when ``parts_complete``; ``unnamed``: speakers described, not named."""

    id: str
    subject: str
    property: str
    value: Value
    source: str
    unit: str | None = None
    scope: str | None = None
    as_of: TimeSpan | None = None
    period: TimeSpan | None = None
    polarity: Polarity = Polarity.AFFIRMED
    stance: str | None = None
    said_by: tuple[str, ...] = ()
    unnamed: tuple[Unnamed, ...] = ()
    quote: str | None = None
    locator: str | None = None
    mentions: tuple[Mention, ...] = ()
    confidence: Confidence | None = None
    contradicts: tuple[str, ...] = ()
    supersedes: str | None = None
    parts: tuple[Part, ...] = ()
    parts_complete: bool = False
    notes: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Scope:
    """A scope of the vocabulary: who or what a figure counts, inside the scope it is
    ``within`` (None: a part of the whole). See scopes.py."""

    id: str
    name: str
    within: str | None = None
    aliases: tuple[str, ...] = ()
    notes: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class PropertySpec:
    """What a property means: the kind of its value, whether it holds one value at a time,
    whether its figures are whole counts, how they relate over time (``tally``; None: a
    running count for an event, a state for anything else), the properties it is a part
    of (``within``: killed within casualties), the parts that add up to it (``sum_of``),
    whether it says who did something (``attribution``), and its usual ``unit``."""

    id: str
    kind: ValueKind
    description: str = ""
    single_valued: bool = False
    count: bool = False
    tally: Tally | None = None
    within: tuple[str, ...] = ()
    sum_of: tuple[str, ...] = ()
    attribution: bool = False
    unit: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Review:
    """An analyst's decision on a conflict; append-only, the latest for a conflict wins.

    A `same-entity` review of a spelling records the ``entity`` the spelling belongs to and
    the spelling itself (``alias``), so the decision reads on its own and the entity lists
    the alias; ``in_favour_of`` names the claim that stands in a `resolved` review.
    """

    conflict: str
    verdict: Verdict
    reviewer: str
    at: datetime
    note: str | None = None
    in_favour_of: str | None = None
    entity: str | None = None
    alias: str | None = None
    origin: Origin | None = field(default=None, compare=False)


Record = Source | Entity | Claim | Review | Scope | PropertySpec


@dataclass(frozen=True, slots=True)
class Ledger:
    """A whole ledger: every record, in the order it was read."""

    sources: tuple[Source, ...] = ()
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    reviews: tuple[Review, ...] = ()
    scopes: tuple[Scope, ...] = ()
    properties: tuple[PropertySpec, ...] = ()

    def __len__(self) -> int:
        return (
            len(self.sources)
            + len(self.entities)
            + len(self.claims)
            + len(self.reviews)
            + len(self.scopes)
            + len(self.properties)
        )
