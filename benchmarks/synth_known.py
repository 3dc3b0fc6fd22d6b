"""Known issues: realistic cases the rules get wrong today (see the benchmark report), made
only on request (``synth.generate(..., known_issues=True)``, ``--known-issues``) so that the
default ledger measures the rules on what they are meant to handle, and these can be
measured apart. Each record carries ``"known_issue": true``.

title-place      (look-alike) a village named "Haji Kerimabad" beside "Karimabad": the
                 spelling-variant rule reads a leading title off every name, places
                 included, and flags two different villages.
rewording        (look-alike) one speaker quoted the same day as "about 50" and "50": shown
                 as a revision although nothing changed.
denial-overlap   (look-alike) "at least 10 killed" and a denial that 40 were: flagged as a
                 denial, though both can be true.
syed             (spelling-variant) "Syed"/"Seyed" for "Sayed": the matcher calls them
                 different names.
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
    return record([], None, names=[name, village.name], known_issue=True, subject=ident)


def rewording(t: Target) -> Record | None:
    truth = t.event.killed
    used = {c.said_by for c in t.desk.claims if c.prop == "killed"}
    if truth < 10 or ("nds",) in used:
        return None
    made = [
        t.desk.extra(fresh(t, outlet, 1, 1), "killed", q(words), said_by=("nds",))
        for outlet, words in (("national", f"about {truth}"), ("radio", str(truth)))
    ]
    return record(made, "killed", known_issue=True)


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
    return record([said, denied], "killed", known_issue=True)


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
    return record([claim], claim.prop, names=[spelling, person.name], known_issue=True)


INJECTIONS = [Kind("spelling-variant", "syed", "person", syed)]
LOOKALIKES = [
    Kind("lookalike", "title-place", "event", title_place),
    Kind("lookalike", "rewording", "event", rewording),
    Kind("lookalike", "denial-overlap", "event", denial_overlap),
]
