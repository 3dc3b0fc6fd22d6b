"""Hard cases: realistic cases that tripped the rules once, kept in every ledger so that
they stay fixed.

title-place      (look-alike) a village named "Haji Kerimabad" beside "Karimabad": a title
                 word starts a place's name and is part of it.
rewording        (look-alike) one speaker quoted for the same day as "about 50" and "50": the
                 same figure in other words, not a revision.
denial-overlap   (look-alike) "at least 10 killed" and a denial that 40 were: both can be
                 true, so it is not a denial of the bound.
syed             (spelling-variant) "Syed"/"Seyed" for "Sayed": one name.
"""

from __future__ import annotations

from benchmarks import synth_variants as sv
from benchmarks.synth_inject import _mentioning, base_claims, fresh, record
from benchmarks.synth_ledger import mention, q
from benchmarks.synth_names import slug
from benchmarks.synth_plan import Kind, Record, Target

FOLD_SAME = ("e/i", "o/u", "doubled letters", "q/k")


def title_place(t: Target) -> Record | None:
    village = t.event.village
    claim = _mentioning(t, village.id)
    options = [v for label, v in sv.variants(village.name, "place") if label in FOLD_SAME]
    if claim is None or not options or village.parent is None:
        return None
    name = f"{t.desk.rng.choice(('Haji', 'Mullah', 'Sheikh'))} {t.desk.rng.choice(options)}"
    ident = t.world.new_id(slug(name))
    if not t.world.registry.take(name, "place", ident, check=False):
        return None
    t.world.entity(t.desk.folder, ident, "place", name, part_of=village.parent.id)
    claim.mentions = [*claim.mentions, mention(name, ident)]
    return record([], None, names=[name, village.name], subject=ident)


def rewording(t: Target) -> Record | None:
    truth = t.event.killed
    used = {c.said_by for c in t.desk.claims if c.prop == "killed"}
    if truth < 10 or ("nds",) in used:
        return None
    made = [
        t.desk.extra(fresh(t, outlet, 1, 1), "killed", q(words), said_by=("nds",))
        for outlet, words in (("national", f"about {truth}"), ("radio", str(truth)))
    ]
    return record(made, "killed")


def denial_overlap(t: Target) -> Record | None:
    truth = t.event.killed
    if truth < 4 or not t.event.perpetrators:
        return None
    low = max(1, truth // 2)
    said = t.desk.extra(fresh(t, "national", 1, 1), "killed", q(f"at least {low}"))
    denied = t.desk.extra(
        fresh(t, "armed", 3, 4),
        "killed",
        q(str(truth * 3 + 12)),
        said_by=t.event.perpetrators[:1],
        denied=True,
        stance="denied",
    )
    return record([said, denied], "killed")


def syed(t: Target) -> Record | None:
    person = next(
        (
            p
            for p in t.world.persons.values()
            if p.name.startswith("Sayed ") and p.id not in t.world.varied
        ),
        None,
    )
    claims = base_claims(t)
    if person is None or not claims:
        return None
    spelling = person.name.replace("Sayed", t.desk.rng.choice(("Syed", "Seyed")), 1)
    if not t.world.registry.take(spelling, "person", person.id, check=False):
        return None
    t.world.varied.add(person.id)
    claim = t.desk.rng.choice(claims)
    claim.mentions = [*claim.mentions, mention(spelling, person.id)]
    return record([claim], claim.prop, names=[spelling, person.name])


INJECTIONS = [Kind("spelling-variant", "syed", "person", syed)]
LOOKALIKES = [
    Kind("lookalike", "title-place", "event", title_place),
    Kind("lookalike", "rewording", "event", rewording),
    Kind("lookalike", "denial-overlap", "event", denial_overlap),
]
