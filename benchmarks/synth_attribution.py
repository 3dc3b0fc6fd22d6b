"""Who did it, in the base reporting of an event: the perpetrators (or a parent
organisation) named by officials, another group denying a role nobody gave it, the group's
claim of responsibility, and "no group has claimed it" only before that claim."""

from __future__ import annotations

from benchmarks import synth_words as sw
from benchmarks.synth_desk import Desk, Voice
from benchmarks.synth_ledger import ids
from benchmarks.synth_room import Region, Room, pick, voice, who
from benchmarks.synth_world import World


def perpetrator(region: Region, desk: Desk, room: Room) -> None:
    event, world = room.event, region.world
    if not event.perpetrators:
        return
    for source in pick(desk, room, 1, 3):
        said_by = voice(region, desk, source, "perpetrator")
        if said_by is None:
            continue
        value = desk.worded(
            Voice(said_by, source.id),
            "perpetrator",
            lambda: ids(_or_parent(world, event.perpetrators, desk.rng.random())),
        )
        names = " and ".join(world.names[o][0] for o in value.strip("[]").split(", "))
        desk.claim(
            source,
            "perpetrator",
            value,
            said_by=said_by,
            stance="blamed",
            sentence=(
                f"{who(world, said_by)} blamed the {names} for the {event.label}.",
                f"blamed the {names}",
            ),
            mentions=desk.name_mention(event.perpetrators[0]),
        )
    _deny_other(region, desk, room)


def _or_parent(world: World, orgs: tuple[str, ...], roll: float) -> tuple[str, ...]:
    """The perpetrators, one of them named by its parent organisation now and then."""
    first = orgs[0]
    parent = world.orgs[first].parent
    return (parent, *orgs[1:]) if parent and roll < 0.3 else orgs


def _deny_other(region: Region, desk: Desk, room: Room) -> None:
    """Another group denies a role nobody gave it."""
    event, world, rng = room.event, region.world, desk.rng
    if rng.random() < 0.8:
        return
    above = {a for o in event.perpetrators for a in (o, *world.ancestors(o))}
    others = [o for o in world.armed() if o not in above]
    if not others:
        return
    group = rng.choice(others)
    source = desk.source("armed", sw.later(event.day, 0, 3, rng), archived=False)
    desk.claim(
        source,
        "perpetrator",
        ids((group,)),
        said_by=(group,),
        denied=True,
        stance="denied any role",
    )


def claimed(region: Region, desk: Desk, room: Room) -> None:
    event, rng = room.event, desk.rng
    if room.statement is not None and event.claimed_by:
        group = event.claimed_by
        name = region.world.names[group][0]
        desk.claim(
            room.statement,
            "claimed-by",
            ids((group,)),
            said_by=(group,),
            stance="claimed responsibility",
            sentence=(
                f"{name} claimed responsibility for the {event.label}.",
                "claimed responsibility",
            ),
        )
    for source in room.reporters():
        before = event.claim_day is None or source.published < event.claim_day
        if before and rng.random() < 0.3:
            desk.claim(
                source,
                "claimed-by",
                "[]",
                stance="no group has claimed responsibility",
                sentence=(
                    "No group has claimed responsibility so far.",
                    "No group has claimed responsibility",
                ),
            )
        elif not before and event.claimed_by and rng.random() < 0.3:
            desk.claim(
                source, "claimed-by", ids((event.claimed_by,)), stance="claimed responsibility"
            )
