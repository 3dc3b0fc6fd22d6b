"""Builds the world of benchmarks/synth_world.py: the national records first (speakers,
armed groups and their truth, people and their careers, provinces), then, region by region,
districts, villages, regional speakers and events. Entity records are written as they are
made; every name is registered so that no two entities look like one name."""

from __future__ import annotations

import random
from datetime import date, timedelta

from benchmarks import synth_names as sn
from benchmarks.synth_variants import variant
from benchmarks.synth_words import MONTHS
from benchmarks.synth_world import (
    FIRST_DAY,
    LABELS,
    LAST_DAY,
    NATIONAL_SPEAKERS,
    REAL_ORGS,
    ROLES,
    YEARS,
    Event,
    Org,
    Person,
    Place,
    Role,
    World,
)

NATIONAL = "national"


def national(world: World, n_orgs: int, n_people: int, n_provinces: int) -> None:
    for ident, kind, name, aliases in NATIONAL_SPEAKERS:
        world.taken.add(ident)
        world.registry.take(name, kind, ident)
        for alias in aliases:
            world.registry.take(alias, kind, ident)
        world.entity(NATIONAL, ident, kind, name, aliases=aliases)
    _provinces(world, n_provinces)
    _orgs(world, n_orgs)
    _people(world, n_people)


def _provinces(world: World, count: int) -> None:
    for raw in sn.PROVINCES[:count]:
        name = raw.replace("_", " ")
        ident = world.new_id(sn.slug(name) + "-province")
        if world.registry.take(name, "place", ident):
            world.provinces.append(Place(ident, name, "province"))
            world.entity(NATIONAL, ident, "place", name)


def _orgs(world: World, count: int) -> None:
    rng = world.rng
    for ident, name, aliases, parent, short in REAL_ORGS:
        world.taken.add(ident)
        if world.registry.take(name, "organisation", ident):
            kept = tuple(a for a in aliases if world.registry.take(a, "organisation", ident))
            world.orgs[ident] = Org(ident, name, short, kept, parent)
    while len(world.orgs) < max(count, len(REAL_ORGS)):
        ident, name = world.named(lambda: sn.org_name(rng), "organisation")
        parent = rng.choice(("taliban", "iskp", "al-qaeda", None, None))
        world.orgs[ident] = Org(ident, name, name, (), parent if parent in world.orgs else None)
    for org in world.orgs.values():
        _org_truth(rng, org)
        world.entity(
            NATIONAL, org.id, "organisation", org.name, aliases=org.aliases, part_of=org.parent
        )


def _org_truth(rng: random.Random, org: Org) -> None:
    members = rng.choice((150, 400, 1000, 2500, 6000)) * rng.uniform(0.7, 1.3)
    for year in YEARS:
        members *= rng.uniform(0.6, 1.6)
        org.members[year] = max(50, int(round(members, -1)))
    org.family_factor = rng.uniform(3.0, 4.5)
    org.founded = date(rng.randint(1994, 2014), rng.randint(1, 12), 1)


def _people(world: World, count: int) -> None:
    rng = world.rng
    for org in list(world.orgs.values()):
        cuts = sorted(rng.sample(YEARS[1:], rng.choice((0, 1, 2))))
        starts = [YEARS[0], *cuts]
        ends = [c - 1 for c in cuts] + [YEARS[-1]]
        for start, end in zip(starts, ends, strict=True):
            person = _person(world, org.id)
            if start > YEARS[0]:
                text, para = ROLES[0]
                person.career.append(
                    _role(text, para, org, "", max(YEARS[0], start - 2), start - 1)
                )
            person.career.append(_role("leader of {o}", "{o} leader", org, "", start, end))
            org.leaders.append((person.id, start, end))
    while len(world.persons) < count:
        org = world.orgs[rng.choice(sorted(world.orgs))]
        person = _person(world, org.id)
        person.career = _career(rng, org, world.provinces)


def _person(world: World, org: str) -> Person:
    rng = world.rng
    ident, name = world.named(lambda: sn.person_name(rng, world.given, world.family), "person")
    person = Person(ident, name, org)
    world.persons[ident] = person
    return person


def _role(text: str, para: str, org: Org, province: str, start: int, end: int) -> Role:
    return Role(
        text.format(o=org.short, p=province), para.format(o=org.short, p=province), start, end
    )


def _career(rng: random.Random, org: Org, provinces: list[Place]) -> list[Role]:
    year = rng.randint(YEARS[0], YEARS[-1] - 1)
    roles: list[Role] = []
    last = ""
    while year <= YEARS[-1] and len(roles) < 3:
        end = min(YEARS[-1], year + rng.randint(0, 3))
        text, para = rng.choice([r for r in ROLES[1:] if r[0] != last])
        province = rng.choice(provinces).name
        roles.append(_role(text, para, org, province, year, end))
        last, year = text, end + 1
    return roles


def emit_people(world: World) -> None:
    for person in world.persons.values():
        world.entity(NATIONAL, person.id, "person", person.name)


def region_places(world: World, province: Place, villages: int) -> list[Place]:
    """Districts and villages of one province, with a declared alias for some."""
    rng, folder = world.rng, province.id
    found: list[Place] = []
    districts = [_place(world, folder, "district", province) for _ in range(max(2, villages // 8))]
    for _ in range(villages):
        found.append(_place(world, folder, "village", rng.choice(districts)))
    return found


def _place(world: World, folder: str, level: str, parent: Place) -> Place:
    rng = world.rng
    real, name = world.named(
        lambda: sn.place_name(rng), "place", "" if level == "village" else "-" + level
    )
    aliases: tuple[str, ...] = ()
    if rng.random() < 0.12:
        found = variant(rng, name, "place")
        if found and world.registry.take(found[1], "place", real):
            aliases = (found[1],)
    place = Place(real, name, level, parent, aliases)
    world.entity(folder, real, "place", name, aliases=aliases, part_of=parent.id)
    return place


def regional_speakers(world: World, province: Place) -> dict[str, str]:
    """Provincial police, governor's office and health department of one province."""
    found: dict[str, str] = {}
    for role, suffix in (
        ("police", "provincial police"),
        ("governor", "governor's office"),
        ("health", "health department"),
    ):
        ident = world.new_id(f"{province.id}-{role}")
        name = f"{province.name} {suffix}"
        world.registry.take(name, "organisation", ident, check=False)
        world.entity(province.id, ident, "organisation", name)
        found[role] = ident
    return found


def residents(world: World, village: Place, folder: str) -> str:
    ident = f"residents-{village.id}"
    if ident not in world.names:
        world.taken.add(ident)
        name = f"Residents of {village.name}"
        world.registry.take(name, "other", ident, check=False, index=False)
        world.entity(folder, ident, "other", name)
    return ident


def new_event(world: World, folder: str, villages: list[Place]) -> Event:
    rng = world.rng
    village = rng.choice(villages)
    day = FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    label = rng.choice(LABELS)
    ident = world.new_id(f"{village.id}-{sn.slug(label)}-{day.isoformat()}")
    name = _event_name(world, f"{village.name} {label}", day, ident)
    perpetrators = _perpetrators(world) if rng.random() < 0.75 else ()
    claimed = perpetrators[0] if perpetrators and rng.random() < 0.5 else None
    claim_day = day + timedelta(days=rng.randint(0, 3)) if claimed else None
    killed = rng.choice(
        (rng.randint(1, 30), rng.randint(1, 30), rng.randint(30, 150), rng.randint(150, 400))
    )
    explosive = "bomb" in label and rng.random() < 0.5
    civilians = round(killed * rng.uniform(0.2, 0.9))
    wounded = round(killed * rng.uniform(0.5, 2.5))
    attackers = rng.randint(1, 8) if rng.random() < 0.4 else None
    explosives = rng.randint(5, 300) if explosive else None
    event = Event(
        ident,
        name,
        label,
        village,
        day,
        perpetrators,
        claimed,
        claim_day,
        killed + (attackers or 0),  # the attackers killed are some of all killed
        civilians,
        wounded,
        attackers,
        explosives,
    )
    world.entity(folder, ident, "event", name, part_of=village.id)
    return event


def _event_name(world: World, name: str, day: date, ident: str) -> str:
    for candidate in (
        name,
        f"{name} of {MONTHS[day.month - 1]} {day.year}",
        f"{name} of {day.day} {MONTHS[day.month - 1]} {day.year}",
    ):
        if world.registry.take(candidate, "event", ident, check=False, index=False):
            return candidate
    return f"{name} ({ident})"


def _perpetrators(world: World) -> tuple[str, ...]:
    rng = world.rng
    first = rng.choice(world.armed())
    if rng.random() < 0.88:
        return (first,)
    related = {first, *world.ancestors(first)}
    others = [o for o in world.armed() if o not in related and first not in world.ancestors(o)]
    return (first, rng.choice(others)) if others else (first,)
