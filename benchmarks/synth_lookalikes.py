"""Look-alikes: differences that are not conflicts, which the checker must stay quiet about
(DESIGN.md, "A conflict, or only a difference?"). Each is added to one subject, in claims of
new sources of their own, and recorded in the ground truth with the claims (or the names)
that must not be flagged. Revisions are expected as revision findings (never as conflicts).

bounds          "at least 36" vs "50-60"
trend           members as of two years, far apart
scope           civilians killed vs all killed
copies          a wire story and two re-posts of it, with the same figure (others agree)
revision        one speaker's early toll, then its final toll
supersedes      a toll corrected by a claim that supersedes it
units           10 kg vs about 22 lb
rounding        169 vs 170 (within the 1 % tolerance)
precision       August 2017 vs 5 August 2017
timezone        the day in Kabul vs the day before in New York
aliases         a mention spelled as a declared alias
distinct        a village whose name looks like another's, declared distinct_from it
given-name      two people who share a given name
typography      a mention in other case, hyphens, accents or with a title
nobody-before   "no group has claimed it" stated before the claim of responsibility
denial-before   a denial stated before the affirmation it seems to deny
parent-branch   the perpetrator named as a branch and as its parent organisation
corroborated    almost certain on a weak source, with an independent source agreeing
paraphrase      one role in two wordings with the same words
quote-ellipsis  a quote with words left out ("A ... B"), from an archived text
"""

from __future__ import annotations

from datetime import timedelta

from benchmarks import synth_variants as sv
from benchmarks import synth_words as sw
from benchmarks.synth_inject import _mentioning, base_claims, fresh, record
from benchmarks.synth_ledger import Claim, ids, mention, q
from benchmarks.synth_names import slug
from benchmarks.synth_plan import Kind, Record, Target


def _pair(
    t: Target,
    prop: str,
    values: tuple[str, str],
    outlets: tuple[str, str] = ("national", "radio"),
    **fields: object,
) -> list[Claim]:
    return [
        t.desk.extra(fresh(t, outlet), prop, value, **fields)
        for outlet, value in zip(outlets, values, strict=True)
    ]


def bounds(t: Target) -> Record | None:
    truth = t.event.killed
    if truth < 10:
        return None
    low, a, b = round(truth * 0.6), round(truth * 0.95), round(truth * 1.1) + 1
    made = _pair(t, "killed", (q(f"at least {low}"), q(f"{a}-{b}")))
    return record(made, "killed")


def trend(t: Target) -> Record | None:
    org = t.org
    assert org is not None
    years = sorted(org.members)
    for y1 in years:
        for y2 in reversed(years):
            m1, m2 = org.members[y1], org.members[y2]
            if y2 > y1 and abs(m1 - m2) > 0.15 * max(m1, m2):
                made = [
                    t.desk.extra(
                        fresh(t, outlet), "members", q(sw.number(m)), as_of=str(y), scope="fighters"
                    )
                    for y, m, outlet in ((y1, m1, "un"), (y2, m2, "analysis"))
                ]
                return record(made, "members")
    return None


def base_claims_scoped(t: Target, scope: str) -> list[Claim]:
    return [c for c in base_claims(t, "killed") if c.scope == scope]


def scope(t: Target) -> Record | None:
    event = t.event
    if event.civilians >= event.killed * 0.97 or base_claims_scoped(t, "attackers"):
        return None  # civilians beside attackers: two unrelated scopes (not-comparable)
    made = [
        t.desk.extra(fresh(t, "un"), "killed", q(str(event.civilians)), scope="civilians"),
        t.desk.extra(fresh(t, "national"), "killed", q(str(event.killed))),
    ]
    return record(made, "killed")


def copies(t: Target) -> Record | None:
    if not [c for c in base_claims(t, "killed") if c.scope is None and not c.denied]:
        return None
    wire = fresh(t, "wire", 0, 1)
    sources = [wire] + [
        t.desk.source(
            "copy", sw.later(wire.published, 0, 2, t.desk.rng), derived_from=wire, archived=False
        )
        for _ in range(2)
    ]
    made = [t.desk.extra(s, "killed", q(str(t.event.killed))) for s in sources]
    return record(made, "killed")


def _unused_speaker(t: Target, prop: str) -> tuple[str, ...] | None:
    used = {c.said_by for c in t.desk.claims if c.prop == prop}
    free = [s for s in (("nds",), ("us-forces",), ("afghan-government",)) if s not in used]
    return free[0] if free else None


def revision(t: Target) -> Record | None:
    """A speaker's civilian toll, revised a few days later: each figure as of the day it was
    published, a running count's timeline. Only on an event with no other civilian toll, and
    no attackers' (two scopes of their own)."""
    truth, speaker = t.event.civilians, _unused_speaker(t, "killed")
    if truth < 9 or speaker is None or any(c.scope for c in base_claims(t, "killed")):
        return None
    made = []
    for outlet, low, high, figure in (
        ("national", 1, 1, truth // 3),
        ("international", 3, 4, truth),
    ):
        source = fresh(t, outlet, low, high)
        day = source.published.isoformat()
        made.append(
            t.desk.extra(
                source, "killed", q(str(figure)), said_by=speaker, scope="civilians", as_of=day
            )
        )
    return record(made, "killed", revision=True)


def supersedes(t: Target) -> Record | None:
    """A toll corrected once or twice, each correction superseding the one before."""
    truth = t.event.killed
    if truth < 9 or any(c.scope for c in base_claims(t, "killed")):
        return None  # a toll corrected upwards may start below a part of it (civilians)
    figures = [truth // 3, truth // 2, truth][-t.desk.rng.choice((2, 3)) :]
    chain: list[Claim] = []
    for step, figure in enumerate(figures):
        before = chain[-1].id if chain else None
        source = fresh(t, ("national", "radio", "international")[step], 1 + 2 * step, 1 + 2 * step)
        chain.append(t.desk.extra(source, "killed", q(str(figure)), supersedes=before))
    return record(chain, "killed", revision=True)


def units(t: Target) -> Record:
    kg = t.event.explosives or t.desk.rng.randint(5, 300)
    made = _pair(t, "amount", (q(str(kg)), q(f"about {round(kg * 2.20462)}")), scope="explosives")
    made[0].unit, made[1].unit = "kg", "lb"
    return record(made, "amount")


def rounding(t: Target) -> Record | None:
    truth = t.event.killed
    if truth < 100:
        return None
    return record(_pair(t, "killed", (q(str(truth)), q(str(truth + 1)))), "killed")


def precision(t: Target) -> Record:
    day = t.event.day
    made = _pair(t, "date", (q(sw.month_text(day)), q(sw.day_text(day, "long"))))
    return record(made, "date")


def timezone(t: Target) -> Record:
    day = t.event.day
    made = _pair(
        t,
        "date",
        (q(f"{day.isoformat()}+04:30"), q(f"{(day - timedelta(days=1)).isoformat()}-04:00")),
    )
    return record(made, "date")


def aliases(t: Target) -> Record | None:
    village = t.event.village
    entity = (
        village.id
        if village.aliases
        else next((o for o in t.event.perpetrators if t.world.orgs[o].aliases), None)
    )
    claim = _mentioning(t, entity) if entity else None
    if entity is None or claim is None:
        return None
    alias = t.desk.rng.choice(t.world.aliases[entity])
    claim.mentions = [
        *claim.mentions,
        mention(alias, entity if t.desk.rng.random() < 0.5 else None),
    ]
    names = [alias, t.world.names[entity][0], *t.world.aliases[entity]]
    return record([claim], claim.prop, names=names, subject=entity)


def distinct(t: Target) -> Record | None:
    village, registry = t.event.village, t.world.registry
    claim = _mentioning(t, village.id)
    options = sv.variants(village.name, "place")
    t.desk.rng.shuffle(options)
    for _label, spelling in options:
        if (
            claim is None
            or village.parent is None
            or village.id in t.world.twinned | t.world.varied
        ):
            return None
        if registry.free(spelling) and not registry.clashes(spelling, "place", village.id):
            twin = t.world.new_id(slug(spelling) + "-village")
            registry.take(spelling, "place", twin, check=False)
            t.world.entity(
                t.desk.folder,
                twin,
                "place",
                spelling,
                part_of=village.parent.id,
                distinct_from=(village.id,),
            )
            t.world.twinned |= {village.id, twin}
            claim.mentions = [*claim.mentions, mention(spelling, twin)]
            return record([claim], claim.prop, names=[spelling, village.name], subject=twin)
    return None


def given_name(t: Target) -> Record | None:
    person = t.person
    assert person is not None
    first = person.name.split()[0]
    other = next(
        (p for p in t.world.persons.values() if p.id != person.id and p.name.split()[0] == first),
        None,
    )
    return None if other is None else record([], None, names=[person.name, other.name])


def typography(t: Target) -> Record | None:
    entity = t.person.id if t.person else t.event.village.id
    kind = "person" if t.person else "place"
    claim = _mentioning(t, entity)
    if claim is None:
        return None
    name = t.world.names[entity][0]
    label, spelling = sv.typographic(t.desk.rng, name, kind)
    claim.mentions = [
        *claim.mentions,
        mention(spelling, entity if t.desk.rng.random() < 0.5 else None),
    ]
    return record([claim], claim.prop, names=[spelling, name], operation=label, subject=entity)


def nobody_before(t: Target) -> Record | None:
    event = t.event
    claims = [c for c in base_claims(t, "claimed-by") if c.value != "[]"]
    if not claims or event.claim_day is None or event.claim_day <= event.day:
        return None
    made = t.desk.extra(
        fresh(t, "national", 0, 0), "claimed-by", "[]", stance="no group has claimed responsibility"
    )
    return record([made, claims[0]], "claimed-by")


def denial_before(t: Target) -> Record:
    hostages = t.desk.rng.randint(10, 60)
    words, _span = sw.figure(t.desk.rng, hostages, ("about",))
    denial = t.desk.extra(
        fresh(t, "government", 0, 0),
        "hostages",
        q(str(hostages)),
        said_by=("interior-ministry",),
        denied=True,
        stance="denied",
    )
    later = t.desk.extra(fresh(t, "un", 5, 9), "hostages", q(words), said_by=("unama",))
    return record([denial, later], "hostages")


def parent_branch(t: Target) -> Record | None:
    group = next((o for o in t.event.perpetrators if t.world.orgs[o].parent), None)
    if group is None or len(t.event.perpetrators) > 1:
        return None
    parent = t.world.orgs[group].parent
    assert parent is not None
    made = [
        t.desk.extra(fresh(t, "national"), "perpetrator", ids((group,)), said_by=("nds",)),
        t.desk.extra(
            fresh(t, "international"), "perpetrator", ids((parent,)), said_by=("us-forces",)
        ),
    ]
    return record(made, "perpetrator")


def corroborated(t: Target) -> Record | None:
    if not [c for c in base_claims(t, "killed") if c.scope is None and not c.denied]:
        return None
    made = t.desk.extra(
        fresh(t, "social"), "killed", q(str(t.event.killed)), confidence="almost certain"
    )
    return record([made], "killed")


def paraphrase(t: Target) -> Record | None:
    person = t.person
    assert person is not None
    role = t.desk.rng.choice(person.career)
    year = str(t.desk.rng.randint(role.start, role.end))
    made = _pair(t, "role", (q(role.text), q(role.paraphrase)), ("analysis", "un"), as_of=year)
    return record(made, "role")


def nesting(t: Target) -> Record:
    chain = t.event.village.chain()
    return record(_pair(t, "location", (chain[0].id, chain[-1].id)), "location")


def quote_ellipsis(t: Target) -> Record | None:
    archived = {s.id for s in t.desk.sources if s.archived}
    claims = [
        c
        for c in t.desk.claims
        if c.source in archived
        and c.sentence
        and c.id not in t.desk.loose
        and len(c.sentence.split()) >= 8
    ]
    if not claims:
        return None
    claim = t.desk.rng.choice(claims)
    words = str(claim.sentence).rstrip(".").split()
    claim.quote = " ".join(words[:3]) + " ... " + " ".join(words[-3:])
    return record([claim], claim.prop, quote=claim.quote)


KINDS = [
    Kind("lookalike", name, applies, make)
    for name, applies, make in (
        ("bounds", "event", bounds),
        ("trend", "org", trend),
        ("scope", "event", scope),
        ("copies", "event", copies),
        ("revision", "event", revision),
        ("supersedes", "event", supersedes),
        ("units", "event", units),
        ("rounding", "event", rounding),
        ("precision", "event", precision),
        ("timezone", "event", timezone),
        ("aliases", "event", aliases),
        ("distinct", "event", distinct),
        ("given-name", "person", given_name),
        ("typography", "event", typography),
        ("typography-person", "person", typography),
        ("nobody-before", "event", nobody_before),
        ("denial-before", "event", denial_before),
        ("parent-branch", "event", parent_branch),
        ("corroborated", "event", corroborated),
        ("paraphrase", "person", paraphrase),
        ("nesting", "event", nesting),
        ("quote-ellipsis", "event", quote_ellipsis),
    )
]
