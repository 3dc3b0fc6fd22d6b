"""The world the synthetic ledger reports on, with its truth: places in a village -> district
-> province chain, armed groups (branches part_of their parents) with member counts by year,
founding dates and leaders by year, people with careers (one role per period, whole years)
and an affiliation, and speakers (ministries, the UN mission, provincial police, residents
of a village). Events (attacks in villages, with a day, perpetrators, a claim of
responsibility, tolls) are drawn per region by ``new_event``.

Every reported value in the base ledger is read from here, so the base ledger agrees with
itself by construction.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from benchmarks import synth_names as sn
from benchmarks.synth_ledger import Files, entity_line

YEARS = tuple(range(2015, 2024))
FIRST_DAY, LAST_DAY = date(2015, 1, 1), date(2023, 6, 30)
LABELS: tuple[str, ...] = (
    "attack",
    "bombing",
    "ambush",
    "raid",
    "suicide attack",
    "market bombing",
)
LABELS += ("checkpoint attack", "mosque bombing", "rocket attack")
REAL_ORGS = (
    # id, name, aliases, part_of, short name used in role texts
    ("taliban", "Taliban", ("Islamic Emirate of Afghanistan",), None, "Taliban"),
    ("haqqani-network", "Haqqani Network", (), "taliban", "Haqqani Network"),
    ("islamic-state", "Islamic State", ("ISIS", "ISIL", "Daesh"), None, "Islamic State"),
    ("iskp", "Islamic State Khorasan Province", ("ISKP", "IS-K"), "islamic-state", "ISKP"),
    ("al-qaeda", "Al-Qaeda", ("al-Qaida",), None, "Al-Qaeda"),
    ("aqis", "Al-Qaeda in the Indian Subcontinent", ("AQIS",), "al-qaeda", "AQIS"),
    ("ttp", "Tehrik-e Taliban Pakistan", ("TTP", "Pakistani Taliban"), None, "TTP"),
    ("hezb-e-islami", "Hezb-e Islami", ("Hizb-i Islami",), None, "Hezb-e Islami"),
    ("imu", "Islamic Movement of Uzbekistan", ("IMU",), None, "IMU"),
)
NATIONAL_SPEAKERS = (
    ("interior-ministry", "organisation", "Ministry of Interior Affairs", ("Interior Ministry",)),
    ("defence-ministry", "organisation", "Ministry of Defence", ()),
    ("unama", "organisation", "UN Assistance Mission in Afghanistan", ("UNAMA",)),
    ("afghan-government", "organisation", "Afghan government", ()),
    ("us-forces", "organisation", "US Forces-Afghanistan", ("USFOR-A",)),
    ("icrc", "organisation", "International Committee of the Red Cross", ("ICRC",)),
    ("nds", "organisation", "National Directorate of Security", ("NDS",)),
)
ROLES = (
    ("deputy leader of {o}", "{o} deputy leader"),
    ("spokesman of {o}", "{o} spokesman"),
    ("commander of {o} in {p}", "{o} commander in {p}"),
    ("shadow governor of {p} for {o}", "{o} shadow governor of {p}"),
    ("head of the military commission of {o}", "{o} military commission head"),
    ("intelligence chief of {o}", "{o} intelligence chief"),
    ("finance chief of {o}", "{o} finance chief"),
)


@dataclass
class Place:
    id: str
    name: str
    level: str
    parent: Place | None = None
    aliases: tuple[str, ...] = ()
    distinct_from: tuple[str, ...] = ()

    def chain(self) -> list[Place]:
        found: list[Place] = []
        current: Place | None = self
        while current is not None:
            found.append(current)
            current = current.parent
        return found


@dataclass
class Org:
    id: str
    name: str
    short: str
    aliases: tuple[str, ...]
    parent: str | None
    members: dict[int, int] = field(default_factory=dict)
    family_factor: float = 3.5
    leaders: list[tuple[str, int, int]] = field(default_factory=list)
    founded: date = date(2000, 1, 1)


@dataclass(frozen=True)
class Role:
    text: str
    paraphrase: str
    start: int
    end: int


@dataclass
class Person:
    id: str
    name: str
    affiliation: str
    career: list[Role] = field(default_factory=list)


@dataclass
class Event:
    id: str
    name: str
    label: str
    village: Place
    day: date
    perpetrators: tuple[str, ...]
    claimed_by: str | None
    claim_day: date | None
    killed: int
    civilians: int
    wounded: int
    attackers: int | None
    explosives: int | None


class World:
    """The truth, and the entity records written for it."""

    def __init__(self, rng: random.Random, files: Files) -> None:
        self.rng = rng
        self.files = files
        self.registry = sn.Registry()
        self.taken: set[str] = set()
        self.orgs: dict[str, Org] = {}
        self.persons: dict[str, Person] = {}
        self.names: dict[str, tuple[str, str]] = {}  # entity id -> (name, kind)
        self.aliases: dict[str, tuple[str, ...]] = {}
        self.provinces: list[Place] = []
        self.twinned: set[str] = set()  # places with a look-alike twin declared distinct
        self.varied: set[str] = set()  # entities with an injected variant of their name
        self._armed: list[str] = []
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self.given = sn.pairwise_different(sn.GIVEN, "person")
        self.family = sn.pairwise_different(sn.FAMILY, "person")

    def new_id(self, base: str) -> str:
        ident, n = base[:60].strip("-"), 2
        while ident in self.taken:
            ident, n = f"{base[:56].strip('-')}-{n}", n + 1
        self.taken.add(ident)
        return ident

    def entity(
        self,
        folder: str,
        ident: str,
        kind: str,
        name: str,
        *,
        aliases: tuple[str, ...] = (),
        part_of: str | None = None,
        distinct_from: tuple[str, ...] = (),
    ) -> None:
        self.names[ident] = (name, kind)
        self.aliases[ident] = aliases
        line = entity_line(
            ident, kind, name, aliases=aliases, part_of=part_of, distinct_from=distinct_from
        )
        self.files.add("entities", folder, line)

    def named(self, make: Callable[[], str], kind: str, suffix: str = "") -> tuple[str, str]:
        """A fresh name and an id made from it, registered."""
        name = sn.fresh_name(make, self.registry, kind)
        ident = self.new_id(sn.slug(name) + suffix)
        self.registry.take(name, kind, ident, check=False)
        return ident, name

    def armed(self) -> list[str]:
        """The armed groups, by id (the groups are all made before the first event)."""
        if len(self._armed) != len(self.orgs):
            self._armed = sorted(self.orgs)
        return self._armed

    def ancestors(self, org: str) -> tuple[str, ...]:
        if org not in self._ancestors:
            found, current = [], self.orgs[org].parent
            while current is not None:
                found.append(current)
                current = self.orgs[current].parent if current in self.orgs else None
            self._ancestors[org] = tuple(found)
        return self._ancestors[org]
