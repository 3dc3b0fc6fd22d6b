"""Hypothesis strategies for whole, valid ledgers: unique ids, references that resolve, no
circles, values of every kind, and text that is hard to write back (colons, quotes, 'yes',
dates, numbers, other scripts, line breaks)."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from provenance.dates import parse_timespan
from provenance.errors import InvalidValue
from provenance.model import (
    Claim,
    Confidence,
    Entity,
    EntityKind,
    EntityValue,
    Ledger,
    Mention,
    Polarity,
    Quantity,
    Reliability,
    Review,
    Source,
    SourceKind,
    TextValue,
    Value,
    Verdict,
)
from provenance.quantities import parse_quantity

TRICKY = [
    "yes",
    "no",
    "null",
    "~",
    "true",
    "2017-08-05",
    "50",
    "1e3",
    "0x1F",
    "- dash",
    "key: value",
    "# not a comment",
    "'quoted'",
    '"double"',
    "a, b",
    "{brace}",
    "[list]",
    "  padded  ",
    "line one\nline two",
    "trailing newline\n",
    "مرزا اولنگ",
    "Mīrzā Ōlang",
    "ISKP | IS-K",
    "100%",
    "@at",
    "`tick`",
    "*star",
    "&amp",
    "!bang",
    "%percent",
    "a\tb",
]
text = st.one_of(
    st.sampled_from(TRICKY),
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), max_codepoint=0x2FFF),
        min_size=1,
        max_size=30,
    ),
).filter(lambda t: t.strip() != "")

slug = st.from_regex(r"[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)
NUMBERS = ["7", "50", "235", "4,000", "80,000", "1.5 million", "a hundred", "twelve"]
QUALIFIED = [
    "{n}",
    "over {n}",
    "at least {n}",
    "about {n}",
    "almost {n}",
    "up to {n}",
    "fewer than {n}",
    "roughly {n}",
    "estimated {n}",
    "{n} or more",
]
VAGUE = ["dozens", "several hundred", "thousands", "a few", "several"]

quantity_words = st.one_of(
    st.builds(lambda q, n: q.format(n=n), st.sampled_from(QUALIFIED), st.sampled_from(NUMBERS)),
    st.builds(lambda a, b: f"{a}-{a + b}", st.integers(1, 500), st.integers(0, 500)),
    st.sampled_from(VAGUE),
)
DATES = [
    "2015",
    "2015-06",
    "2017-08-05",
    "5 August 2017",
    "Saturday, 5 August 2017",
    "2017-08-05T14:30+04:30",
    "2015/2018",
    "2015-06/2015-08",
    "../2017-08",
    "2021/..",
]
timespan = st.sampled_from(DATES).map(parse_timespan)
confidence = st.one_of(
    st.none(),
    st.builds(Confidence, probability=st.sampled_from([0.1, 0.5, 0.75, 0.9])),
    st.builds(Confidence, term=st.sampled_from(["likely", "very unlikely", "almost certain"])),
    st.builds(Confidence, credibility=st.integers(1, 6)),
    st.just(Confidence(probability=0.6, term="likely", credibility=2)),
)


def _unique(draw: st.DrawFn, count: int, taken: set[str]) -> list[str]:
    found = draw(
        st.lists(slug.filter(lambda s: s not in taken), min_size=count, max_size=count, unique=True)
    )
    taken.update(found)
    return found


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    taken: set[str] = set()
    source_ids = _unique(draw, draw(st.integers(1, 4)), taken)
    sources = [draw(_source(ident, source_ids[:n])) for n, ident in enumerate(source_ids)]
    entity_ids = _unique(draw, draw(st.integers(1, 6)), taken)
    entities: list[Entity] = []
    for ident in entity_ids:
        entities.append(draw(_entity(ident, entities)))
    claims: list[Claim] = []
    for ident in _unique(draw, draw(st.integers(0, 8)), taken):
        claims.append(draw(_claim(ident, sources, entities, claims)))
    reviews = draw(st.lists(_review([c.id for c in claims]), max_size=3))
    return Ledger(tuple(sources), tuple(entities), tuple(claims), tuple(reviews))


def _source(ident: str, earlier: list[str]) -> st.SearchStrategy[Source]:
    return st.builds(
        Source,
        id=st.just(ident),
        title=text,
        kind=st.sampled_from(SourceKind),
        reliability=st.sampled_from(Reliability),
        publisher=st.none() | text,
        authors=st.lists(text, max_size=2).map(tuple),
        published=st.none() | timespan,
        url=st.none() | st.just("https://example.org/a?b=c#d"),
        language=st.none() | st.sampled_from(["en", "ps", "fa-AF"]),
        derived_from=st.lists(st.sampled_from(earlier), unique=True, max_size=2).map(tuple)
        if earlier
        else st.just(()),
        notes=st.none() | text,
    )


@st.composite
def _entity(draw: st.DrawFn, ident: str, earlier: list[Entity]) -> Entity:
    kind = draw(st.sampled_from(EntityKind))
    parents = (
        [e.id for e in earlier if e.kind is EntityKind.PLACE]
        if kind in (EntityKind.PLACE, EntityKind.EVENT)
        else []
    )
    name = draw(text)
    aliases = draw(st.lists(text.filter(lambda a: a != name), unique=True, max_size=2))
    others = [e.id for e in earlier]
    return Entity(
        id=ident,
        kind=kind,
        name=name,
        aliases=tuple(aliases),
        distinct_from=tuple(draw(st.lists(st.sampled_from(others), unique=True, max_size=1)))
        if others
        else (),
        part_of=draw(st.none() | st.sampled_from(parents)) if parents else None,
        notes=draw(st.none() | text),
    )


@st.composite
def _claim(
    draw: st.DrawFn, ident: str, sources: list[Source], entities: list[Entity], earlier: list[Claim]
) -> Claim:
    ids = [e.id for e in entities]
    speakers = [
        e.id
        for e in entities
        if e.kind in (EntityKind.PERSON, EntityKind.ORGANISATION, EntityKind.OTHER)
    ]
    revised = draw(st.none() | st.sampled_from(earlier)) if earlier else None
    subject, prop, value = (
        draw(_subject_value(ids))
        if revised is None
        else (revised.subject, revised.property, revised.value)
    )
    unit = draw(st.none() | st.just("people")) if isinstance(value, Quantity) else None
    if revised is not None:
        unit = revised.unit  # the same figure, read the same way
    elif unit is not None and isinstance(value, Quantity):
        counted = _as_count(value)  # a unit of counted things makes the value a count
        value, unit = (counted, unit) if counted is not None else (value, None)
    return Claim(
        id=ident,
        subject=subject,
        property=prop,
        value=value,
        source=draw(st.sampled_from([s.id for s in sources])),
        unit=unit,
        scope=draw(st.none() | text),
        as_of=draw(st.none() | timespan),
        polarity=draw(st.sampled_from(Polarity)),
        stance=draw(st.none() | text),
        said_by=tuple(draw(st.lists(st.sampled_from(speakers), unique=True, max_size=2)))
        if speakers
        else (),
        quote=draw(st.none() | text),
        locator=draw(st.none() | text),
        mentions=tuple(
            draw(
                st.lists(
                    st.builds(Mention, name=text, entity=st.none() | st.sampled_from(ids)),
                    max_size=2,
                )
            )
        ),
        confidence=draw(confidence),
        contradicts=tuple(
            draw(st.lists(st.sampled_from([c.id for c in earlier]), unique=True, max_size=1))
        )
        if earlier
        else (),
        supersedes=revised.id if revised is not None else None,
        notes=draw(st.none() | text),
    )


def _subject_value(ids: list[str]) -> st.SearchStrategy[tuple[str, str, Value]]:
    subject = st.sampled_from(ids)
    values: list[st.SearchStrategy[tuple[str, Value]]] = [
        st.tuples(st.sampled_from(["killed", "members", "hostages"]), quantity_words.map(_count)),
        st.tuples(
            st.just("perpetrator"),
            st.lists(st.sampled_from(ids), min_size=1, max_size=2, unique=True).map(
                lambda x: EntityValue(tuple(x))
            ),
        ),
        st.tuples(st.just("date"), timespan),
        st.tuples(st.just("role"), text.map(TextValue)),
        st.tuples(
            st.sampled_from(["nickname", "budget-line"]),
            st.one_of(text.map(TextValue), quantity_words.map(_signed), timespan),
        ),
    ]
    return st.tuples(subject, st.one_of(values)).map(lambda sv: (sv[0], sv[1][0], sv[1][1]))


def _count(words: str) -> Quantity:
    """A quantity as the loader reads it for a count property (whole-number bounds)."""
    return parse_quantity(words, count=True)


def _as_count(value: Quantity) -> Quantity | None:
    """The value as the loader reads it with a counting unit, or None when it cannot be a
    count (a negative or fractional figure)."""
    try:
        return parse_quantity(value.words, count=True)
    except InvalidValue:
        return None


def _signed(words: str) -> Quantity:
    """A quantity as the loader reads it for a property it does not know (may be negative)."""
    return parse_quantity(words, signed=True)


def _review(claim_ids: list[str]) -> st.SearchStrategy[Review]:
    moment = st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1), timezones=st.just(UTC)
    )
    plain = st.builds(
        Review,
        conflict=st.from_regex(r"[a-z]+-[a-z]+:[0-9a-f]{8}", fullmatch=True),
        verdict=st.sampled_from([v for v in Verdict if v is not Verdict.RESOLVED]),
        reviewer=text,
        at=moment,
        note=st.none() | text,
    )
    if not claim_ids:
        return plain
    resolved = st.builds(
        Review,
        conflict=st.from_regex(r"[a-z]+-[a-z]+:[0-9a-f]{8}", fullmatch=True),
        verdict=st.just(Verdict.RESOLVED),
        reviewer=text,
        at=moment,
        note=st.none() | text,
        in_favour_of=st.sampled_from(claim_ids),
    )
    return plain | resolved
