"""A deterministic generator of realistic ledgers with ground truth, to measure how well the
checker's rules find real conflicts and stay quiet about mere differences.

    python -m benchmarks.synth 100000 out/ --seed 7 [--rate 0.005] [--lookalikes 0.003]

writes ``out/ledger/`` (a claims tree: entities/, sources/ with archived texts, claims/ by
region, ~2,000 claims a file) and ``out/ground_truth.json`` beside it.

The world (benchmarks/synth_world.py): provinces, districts and villages; armed groups with
branches, member counts by year, leaders by year and a founding date; people with careers
and affiliations; speakers; events in villages with a day, perpetrators, a claim of
responsibility and tolls. The base ledger reports it truthfully (benchmarks/synth_events.py,
synth_subjects.py): each value holds the truth at its precision, scope and time, copies
repeat only what an independent source confirms, high confidence rests only on reliable or
corroborated sources, names of different entities never look alike; an event's counts are
given as of its day (one window of a running count), a part never above its whole and no two
unrelated scopes side by side (attackers and civilians killed). So it is conflict-free
by construction, and any conflict the checker reports that was not injected is a false
positive.

On top, at ``rate`` conflicts per claim (at least ``min_each`` of every kind), conflicts of
every rule are injected (synth_inject*.py), and at ``lookalikes`` per claim, differences that
are not conflicts (synth_lookalikes.py), each in a subject of its own (synth_plan.py).
Hard cases that once tripped the rules are always among them (synth_hard.py). Generation streams:
only the world's entities stay in memory, claims are written region by region.

Modules: synth_names / synth_variants (names, transliteration variants), synth_words (report
words, dates, confidences), synth_world / synth_build (the truth), synth_desk / synth_room /
synth_events / synth_attribution / synth_subjects (the base reporting), synth_ledger (records
and files), synth_plan, synth_inject*, synth_lookalikes, synth_hard.

ground_truth.json::

    {"version": 1, "seed": 7, "claims": 100012, "rate": ..., "counts": {...},
     "injected": [{"rule", "kind", "claims": [ids], "names": [...], "subject", "property",
                   ...details}],
     "lookalikes": [{"kind", "claims": [ids], "names": [...], "subject", "property",
                     "revision": bool}]}

``claims`` of an injected conflict are the claims it added or changed (the culprits: a
reported conflict involving one of them is this conflict); ``names`` are, for
spelling-variant, the odd spelling first and then the entity's own spellings, for
dangling-reference the id that names nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks import synth_build as build
from benchmarks import (
    synth_hard,
    synth_inject,
    synth_inject_links,
    synth_inject_scopes,
    synth_inject_values,
    synth_lookalikes,
)
from benchmarks.synth_desk import Desk
from benchmarks.synth_events import repeat, report
from benchmarks.synth_ledger import Files
from benchmarks.synth_plan import Kind, Planner, Target, quotas
from benchmarks.synth_room import Region
from benchmarks.synth_subjects import ORGANISATIONS, PEOPLE, report_org, report_person
from benchmarks.synth_world import World

INJECTIONS: list[Kind] = [
    *synth_inject.KINDS,
    *synth_inject_values.KINDS,
    *synth_inject_links.KINDS,
    *synth_inject_scopes.KINDS,
]
LOOKALIKES: list[Kind] = synth_lookalikes.KINDS
DANGLING = "dangling-reference"
CLAIMS_PER = {"event": 15.0, "person": 7.0, "org": 19.0}  # about, as generated


@dataclass(frozen=True)
class Sizes:
    regions: int
    orgs: int
    people: int
    events: int


def sizes(claims: int) -> Sizes:
    """How big the world is for a ledger of about ``claims`` claims: ~80 % about events."""
    regions = max(2, min(34, claims // 3000))
    orgs = max(12, round(claims * 0.07 / CLAIMS_PER["org"]))
    people = max(2 * orgs + 4, round(claims * 0.13 / CLAIMS_PER["person"]))
    events = round(claims * 0.8 / CLAIMS_PER["event"])
    return Sizes(regions, orgs, people, events)


def _planners(
    claims: int, rate: float, lookalikes: float, min_each: int, size: Sizes, importable: bool
) -> tuple[Planner, Planner]:
    expected = {
        "event": int(size.events * 0.85),
        "person": int(size.people * 0.85),
        "org": int(size.orgs * 0.85),
    }
    injections = INJECTIONS + synth_hard.INJECTIONS
    if importable:  # import refuses references to nothing: leave that rule out
        injections = [k for k in injections if k.group != DANGLING]
    alikes = LOOKALIKES + synth_hard.LOOKALIKES
    inject = quotas(injections, round(rate * claims), min_each if rate > 0 else 0)
    alike = quotas(alikes, round(lookalikes * claims), min_each if lookalikes > 0 else 0)
    return Planner(injections, inject, expected), Planner(alikes, alike, expected)


def _offer(plans: tuple[Planner, Planner], target: Target) -> None:
    took = plans[0].offer(target)
    plans[1].offer(target, allowed=not took)


def _subjects(world: World, files: Files, plans: tuple[Planner, Planner]) -> None:
    for org in world.orgs.values():
        desk = report_org(world, org)
        _offer(plans, Target("org", desk, world, org=org))
        desk.write(files)
    files.close(ORGANISATIONS)
    for person in world.persons.values():
        desk = report_person(world, person)
        _offer(plans, Target("person", desk, world, person=person))
        desk.write(files)
    files.close(PEOPLE)


def _region(
    world: World,
    files: Files,
    plans: tuple[Planner, Planner],
    index: int,
    budget: float,
    events: int,
) -> None:
    province = world.provinces[index]
    villages = build.region_places(world, province, max(3, events // 3))
    speakers = build.regional_speakers(world, province)
    region = Region(
        world,
        province.id,
        province,
        villages,
        speakers,
        Desk(world, province.id, province.id + "-reports"),
    )
    written = 0
    while written < budget:
        event = build.new_event(world, province.id, villages)
        desk, room = report(region, event)
        _offer(plans, Target("event", desk, world, room=room, region=region))
        repeat(desk, room)
        desk.write(files)
        written += len(desk.claims)
    region.shared.write(files)
    files.close(province.id)


def generate(
    claims: int,
    out: Path,
    *,
    seed: int = 7,
    rate: float = 0.005,
    lookalikes: float = 0.003,
    min_each: int = 3,
    importable: bool = False,
) -> dict[str, object]:
    """Writes a ledger of about ``claims`` claims under ``out/ledger`` and its ground truth
    as ``out/ground_truth.json``; returns the ground truth. An ``importable`` ledger has no
    injected references to nothing (which `provenance import` refuses)."""
    ledger = out / "ledger"
    if ledger.exists():
        shutil.rmtree(ledger)
    files = Files(ledger)
    world = World(random.Random(seed), files)
    size = sizes(claims)
    plans = _planners(claims, rate, lookalikes, min_each, size, importable)
    build.national(world, size.orgs, size.people, size.regions)
    build.emit_people(world)
    files.close("national")
    _subjects(world, files, plans)
    regions = len(world.provinces)
    budget = (claims - files.counts["claims"]) / regions
    for index in range(regions):
        _region(world, files, plans, index, budget, round(size.events / regions))
    files.close()
    truth: dict[str, object] = {
        "version": 1,
        "seed": seed,
        "claims": files.counts["claims"],
        "rate": rate,
        "lookalike_rate": lookalikes,
        "importable": importable,
        **_outcome(files, plans),
    }
    (out / "ground_truth.json").write_text(json.dumps(truth, indent=1) + "\n", "utf-8")
    return truth


def _outcome(files: Files, plans: tuple[Planner, Planner]) -> dict[str, object]:
    return {
        "counts": {**files.counts, "files": files.files},
        "short_of_quota": {"injected": plans[0].missing(), "lookalikes": plans[1].missing()},
        "injected": plans[0].records,
        "lookalikes": plans[1].records,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--rate", type=float, default=0.005, help="injected conflicts per claim (0: none)"
    )
    parser.add_argument(
        "--lookalikes",
        type=float,
        default=0.003,
        help="look-alike non-conflicts per claim (0: none)",
    )
    parser.add_argument(
        "--min-each",
        type=int,
        default=3,
        help="at least this many of every kind (when its rate is not 0)",
    )
    parser.add_argument(
        "--importable",
        action="store_true",
        help="inject no references to nothing, so that `provenance import` accepts it",
    )
    args = parser.parse_args()
    started = time.perf_counter()
    truth = generate(
        args.claims,
        args.out,
        seed=args.seed,
        rate=args.rate,
        lookalikes=args.lookalikes,
        min_each=args.min_each,
        importable=args.importable,
    )
    injected, alike = truth["injected"], truth["lookalikes"]
    assert isinstance(injected, list) and isinstance(alike, list)
    print(
        f"{truth['claims']} claims ({truth['counts']}), {len(injected)} injected conflicts, "
        f"{len(alike)} look-alikes under {args.out} in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
