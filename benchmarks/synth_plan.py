"""Where the synthetic ledger's injected conflicts and look-alikes go: a deterministic
schedule that spreads a quota of each kind over the subjects (events, people,
organisations) it applies to, at most one per subject, so that no two of them meet in one
subject and property and every reported conflict can be told apart.

Each kind is a function of a ``Target`` (the subject's Desk and what it needs) that adds
claims, sources or entities and returns its ground-truth record, or None when the subject
does not suit it (the quota then waits for the next subject)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from benchmarks.synth_desk import Desk
from benchmarks.synth_ledger import Source
from benchmarks.synth_room import Region, Room
from benchmarks.synth_world import Event, Org, Person, World

Record = dict[str, object]


@dataclass
class Target:
    """One subject being reported, offered to an injection or a look-alike."""

    kind: str  # "event", "person" or "org"
    desk: Desk
    world: World
    room: Room | None = None
    region: Region | None = None
    person: Person | None = None
    org: Org | None = None
    made: list[Source] = field(default_factory=list)

    @property
    def event(self) -> Event:
        assert self.room is not None
        return self.room.event

    @property
    def subject(self) -> str:
        return self.desk.subject


Maker = Callable[[Target], "Record | None"]


@dataclass(frozen=True)
class Kind:
    group: str  # the rule, or "lookalike"
    name: str
    applies_to: str
    make: Maker

    @property
    def key(self) -> str:
        return f"{self.group}/{self.name}"


class Planner:
    """Spreads ``quota[kind]`` of each kind evenly over the subjects of its type."""

    def __init__(self, kinds: list[Kind], quota: dict[str, int], expected: dict[str, int]):
        self.kinds = kinds
        self.quota = quota
        self.done: dict[str, int] = {k.key: 0 for k in kinds}
        self.rate = {
            t: sum(quota[k.key] for k in kinds if k.applies_to == t) / max(1, expected[t])
            for t in expected
        }
        self.credit = {t: 0.0 for t in expected}
        self.records: list[Record] = []

    def offer(self, target: Target, allowed: bool = True) -> bool:
        """Tries the kinds most behind their quota on this subject (unless not ``allowed``,
        when the subject only counts); True when one took it."""
        self.credit[target.kind] += self.rate.get(target.kind, 0.0)
        if self.credit[target.kind] < 1.0 or not allowed:
            return False
        waiting = [
            k
            for k in self.kinds
            if k.applies_to == target.kind and self.done[k.key] < self.quota[k.key]
        ]
        waiting.sort(key=lambda k: self.done[k.key] / max(1, self.quota[k.key]))
        for kind in waiting:
            record = kind.make(target)
            if record is not None:
                self.done[kind.key] += 1
                self.credit[target.kind] -= 1.0
                record.setdefault("subject", target.subject)
                self.records.append({"rule": kind.group, "kind": kind.name, **record})
                return True
        return False

    def missing(self) -> dict[str, int]:
        return {k: self.quota[k] - n for k, n in self.done.items() if n < self.quota[k]}


def quotas(kinds: list[Kind], total: int, minimum: int) -> dict[str, int]:
    """``total`` spread evenly over the groups, then over each group's kinds; every kind
    gets at least ``minimum``."""
    groups = sorted({k.group for k in kinds})
    found: dict[str, int] = {}
    for group in groups:
        members = [k for k in kinds if k.group == group]
        share = total / len(groups) / len(members)
        for index, kind in enumerate(members):
            extra = 1 if index < round(total / len(groups)) % len(members) else 0
            found[kind.key] = max(minimum, int(share) + extra)
    return found
