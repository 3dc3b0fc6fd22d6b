"""Where an event is reported, shared by benchmarks/synth_events.py and synth_attribution.py:
the region being generated (its villages, speakers, the UN mission's quarterly reports),
the sources that report one event, and who each kind of source quotes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.synth_build import residents
from benchmarks.synth_desk import Desk
from benchmarks.synth_ledger import Source
from benchmarks.synth_world import Event, Place, World

OWN: tuple[str, ...] = ()
Sentence = Callable[[str, str], tuple[str, str]]
RADIO = ("Radio Azadi", "Salam Watandar", "Radio Killid")


@dataclass
class Region:
    world: World
    folder: str
    province: Place
    villages: list[Place]
    speakers: dict[str, str]
    shared: Desk
    quarterly: dict[tuple[int, int], Source] = field(default_factory=dict)


@dataclass
class Room:
    """The sources that report one event."""

    event: Event
    wire: Source | None
    copies: list[Source]
    originals: list[Source]
    statement: Source | None

    def reporters(self) -> list[Source]:
        return ([self.wire] if self.wire else []) + self.originals


def voices_for(region: Region, event: Event, source: Source) -> list[tuple[str, ...]]:
    """Who a source of this kind quotes (an empty tuple: the source in its own voice)."""
    sp = region.speakers
    by_kind: dict[str, list[tuple[str, ...]]] = {
        "wire": [(sp["police"],), ("interior-ministry",), (sp["governor"],), OWN],
        "news": [(sp["governor"],), (sp["police"],), (sp["health"],), OWN, OWN],
        "government": [("interior-ministry",), ("defence-ministry",)],
    }
    found = by_kind.get(source.kind, [OWN])
    if source.publisher in RADIO:
        found = [*found, (residents(region.world, event.village, region.folder),)]
    return found


def voice(
    region: Region, desk: Desk, source: Source, prop: str, scope: str | None = None
) -> tuple[str, ...] | None:
    """A voice of this source that has not yet given this fact in it."""
    assert desk.event is not None
    used = {c.said_by for c in desk.of(prop, scope) if c.source == source.id}
    free = [v for v in voices_for(region, desk.event, source) if v not in used]
    return desk.rng.choice(free) if free else None


def who(world: World, said_by: tuple[str, ...]) -> str:
    return " and ".join(world.names[s][0] for s in said_by) if said_by else "Reporters"


def pick(desk: Desk, room: Room, low: int, high: int) -> list[Source]:
    sources = room.reporters()
    return desk.rng.sample(sources, min(len(sources), desk.rng.randint(low, high)))
