"""The base reporting of people and organisations: a person's roles (one per period, with
as_of inside the period, in either of two wordings with the same words) and affiliation; an
organisation's members by year (fighters, and fighters with their families: two scopes),
its leaders by year and its founding date. Each subject is reported by a few sources of its
own (analyses, UN and government reports, news), and sometimes a re-post of one of them."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from benchmarks import synth_words as sw
from benchmarks.synth_desk import Desk, Voice
from benchmarks.synth_ledger import Source, ids, q
from benchmarks.synth_world import Org, Person, Role, World

PEOPLE, ORGANISATIONS = "people", "organisations"
SPEAKERS = (("interior-ministry",), ("unama",), ("nds",), ("us-forces",), (), (), ())
POOL_OUTLETS = ("analysis", "analysis", "un", "government", "international", "national")


def _pool(desk: Desk, low: int, high: int) -> list[Source]:
    rng = desk.rng
    found = []
    for _ in range(rng.randint(low, high)):
        day = date(rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28))
        found.append(desk.source(rng.choice(POOL_OUTLETS), day))
    return found


def _copy(desk: Desk, pool: list[Source]) -> None:
    if desk.rng.random() < 0.35:
        copy = desk.source(
            "copy", sw.later(pool[0].published, 0, 3, desk.rng), derived_from=pool[0]
        )
        desk.repeat(pool[0], copy, 1.0)


def _speaker(desk: Desk, source: Source, used: set[tuple[str, ...]]) -> tuple[str, ...] | None:
    options = [s for s in SPEAKERS if s not in used]
    said_by = desk.rng.choice(options) if options else None
    if said_by is not None:
        used.add(said_by)
    return said_by


def role_as_of(desk: Desk, role: Role) -> str:
    """A time inside the period of a role: a year, a month, or a shorter period."""
    rng = desk.rng
    year = rng.randint(role.start, role.end)
    roll = rng.random()
    if roll < 0.5:
        return str(year)
    if roll < 0.8:
        return f"{year}-{rng.randint(1, 12):02d}"
    if role.end > role.start:
        first = rng.randint(role.start, role.end - 1)
        return f"{first}/{rng.randint(first + 1, role.end)}"
    return str(year)


def _wording(desk: Desk, role: Role) -> Callable[[], str]:
    return lambda: desk.rng.choice((role.text, role.paraphrase))


def report_person(world: World, person: Person) -> Desk:
    desk = Desk(world, PEOPLE, person.id)
    pool = _pool(desk, 2, 4)
    used: dict[str, set[tuple[str, ...]]] = {}
    for index, role in enumerate(person.career):
        for source in desk.rng.sample(pool, min(len(pool), desk.rng.randint(1, 3))):
            said_by = _speaker(desk, source, used.setdefault(f"{index}{source.id}", set()))
            if said_by is None:
                continue
            text = desk.worded(
                Voice(said_by, source.id),
                f"role|{index}",
                _wording(desk, role),
            )
            desk.claim(
                source,
                "role",
                q(text),
                said_by=said_by,
                as_of=role_as_of(desk, role),
                sentence=(f"{person.name}, {text}, was named in the report.", text),
                mentions=desk.name_mention(person.id, 0.6),
            )
    _affiliation(world, desk, person, pool)
    _deny_role(world, desk, person, pool)
    _copy(desk, pool)
    return desk


def _affiliation(world: World, desk: Desk, person: Person, pool: list[Source]) -> None:
    org = world.orgs[person.affiliation]
    for source in desk.rng.sample(pool, min(len(pool), 2)):
        value = org.parent if org.parent and desk.rng.random() < 0.3 else org.id
        desk.claim(source, "affiliation", ids((value,)), mentions=desk.name_mention(value, 0.5))


def _deny_role(world: World, desk: Desk, person: Person, pool: list[Source]) -> None:
    """The group denies that a person held, in another period, a role he held once."""
    if len(person.career) < 2 or desk.rng.random() < 0.85:
        return
    first, later = person.career[0], person.career[-1]
    if first.text == later.text:
        return
    source = desk.source(
        "armed", date(later.end + 1, 3, 1) if later.end < 2023 else date(2024, 3, 1), archived=False
    )
    desk.claim(
        source,
        "role",
        q(first.text),
        said_by=(person.affiliation,),
        denied=True,
        as_of=str(later.end),
        stance="denied",
    )


def report_org(world: World, org: Org) -> Desk:
    desk = Desk(world, ORGANISATIONS, org.id)
    pool = _pool(desk, 3, 5)
    rng = desk.rng
    years = sorted(rng.sample(sorted(org.members), rng.randint(3, 6)))
    for year in years:
        _members(desk, org, pool, year, "fighters", org.members[year])
    for year in rng.sample(years, min(len(years), 2)):
        truth = int(round(org.members[year] * org.family_factor, -1))
        # in exact or about words: a vague "hundreds" for both scopes would read as one
        # figure counted as the other (scope-relation)
        _members(desk, org, pool, year, "fighters and their families", truth, plain=True)
    for person, start, end in org.leaders:
        for source in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
            desk.claim(
                source,
                "leader",
                ids((person,)),
                as_of=str(rng.randint(start, end)),
                mentions=desk.name_mention(person, 0.5),
            )
    for source in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
        text = rng.choice(
            (
                str(org.founded.year),
                sw.month_text(org.founded, "long"),
                sw.month_text(org.founded, "iso"),
            )
        )
        desk.claim(source, "founded", q(text))
    _copy(desk, pool)
    return desk


def _members(
    desk: Desk,
    org: Org,
    pool: list[Source],
    year: int,
    scope: str | None,
    truth: int,
    plain: bool = False,
) -> None:
    """Figures for the members in ``year``; ``plain``: in exact or about words only, drawn
    from a stream of their own (the desk's draws stay as they were)."""
    rng = desk.rng
    used: set[tuple[str, ...]] = set()
    for source in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
        said_by = _speaker(desk, source, used)
        if said_by is None:
            continue
        words, span = desk.figure(
            Voice(said_by, source.id), f"members|{scope}|{year}", truth, sw.STYLES
        )
        if plain:
            own = random.Random(f"{org.id}|{scope}|{year}|{source.id}|{said_by}")
            words, span = sw.figure(own, truth, ("exact", "about"))
        as_of = str(year) if rng.random() < 0.7 else f"{year}-{rng.randint(1, 12):02d}"
        made = desk.claim(
            source,
            "members",
            q(words),
            said_by=said_by,
            scope=scope,
            as_of=as_of,
            sentence=(f"{org.name} had {words} fighters in {year}.", f"{words} fighters"),
            mentions=desk.name_mention(org.id, 0.5),
        )
        desk.spans[made.id] = span
