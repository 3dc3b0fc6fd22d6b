"""Injected conflicts, part 2: values that cannot all be true. Each comes from a new source
of its own, in its own voice (never one speaker revising itself, never a copy), for the same
subject, property, scope and time as the base claims it contradicts.

numeric-conflict: a toll, a wounded count or a member count that shares no value with
some base figure even within the tolerance; a toll or wounded count is given as of the
event's day, as the base counts are (one window: one finding per planned disagreement), and
never below a part of it (civilians, attackers), which would be scope-relation's too.
disputed-attribution: another perpetrator (unrelated to the true ones) named by another
speaker; a group denying, after the attribution, an attack it is named for, never the group
that claimed it (that would be its own revision); "no group has claimed it" stated after
the claim of responsibility.
denial: a denial, after the affirmation, of where the event took place, of its toll, or of
a person's role at the time.
evidence-disputed: an agency unable to verify an attribution someone made.
date-conflict: another day for the event (another month, or year); a stated weekday that is
not the date's, on a claim's value, on an as_of, or on a source's published date.
attribute-conflict: another role for a person, another leader for an organisation, another
place for an event, at an overlapping time.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

import yaml

from benchmarks import synth_words as sw
from benchmarks.synth_inject import after, base_claims, fresh, record
from benchmarks.synth_ledger import Claim, ids, q
from benchmarks.synth_plan import Kind, Record, Target
from benchmarks.synth_world import ROLES, YEARS
from provenance.quantities import BOUNDS, parse_quantity


def _far(truth: int) -> list[tuple[str, sw.Span]]:
    return [(sw.number(n), sw.Span(n, n)) for n in (truth * 3 + 12, truth * 6 + 40, truth // 4)]


def _near(truth: int) -> list[tuple[str, sw.Span]]:
    """A range just short of the truth, as "30-40" is of "more than 50"."""
    low, high = round(truth * 0.6), round(truth * 0.8)
    return [(f"{sw.number(low)}-{sw.number(high)}", sw.Span(low, high))] if low < high else []


def _against(
    spans: list[sw.Span], truth: int, candidates: list[tuple[str, sw.Span]]
) -> tuple[str, sw.Span] | None:
    """The candidate figure (not holding ``truth``) that the most of ``spans`` cannot reach
    even with a tolerance of 3 %; None when none of them can be reached."""
    best: tuple[int, tuple[str, sw.Span]] | None = None
    for words, span in candidates:
        if span.holds(truth):
            continue
        apart = sum(not span.meets(s, 0.03) for s in spans)
        if apart and (best is None or apart > best[0]):
            best = (apart, (words, span))
    return None if best is None else best[1]


def _figure(
    t: Target, prop: str, truth: int, claims: list[Claim], near: bool = False, **fields: object
) -> Record | None:
    spans = [t.desk.spans[c.id] for c in claims if c.id in t.desk.spans]
    candidates = _near(truth) if near else _far(truth)
    if any(c.scope for c in base_claims(t, prop) if not c.denied) and not fields.get("scope"):
        # a whole below a part (civilians, attackers) would be scope-relation's too
        candidates = [(w, span) for w, span in candidates if span.low > truth]
    found = _against(spans, truth, candidates) if spans else None
    if found is None:
        return None
    made = t.desk.extra(fresh(t, "radio"), prop, q(found[0]), **fields)
    t.desk.spans[made.id] = found[1]
    return record([made], prop, figure=found[0])


def numeric_toll(t: Target) -> Record | None:
    claims = [c for c in base_claims(t, "killed") if c.scope is None and not c.denied]
    return _figure(t, "killed", t.event.killed, claims)


def numeric_toll_near(t: Target) -> Record | None:
    claims = [c for c in base_claims(t, "killed") if c.scope is None and not c.denied]
    return _figure(t, "killed", t.event.killed, claims, near=True) if t.event.killed >= 20 else None


def numeric_wounded(t: Target) -> Record | None:
    claims = [c for c in base_claims(t, "wounded") if not c.denied]
    return _figure(t, "wounded", t.event.wounded, claims)


def numeric_members(t: Target) -> Record | None:
    assert t.org is not None
    claims = [c for c in base_claims(t, "members") if c.scope == "fighters" and c.as_of]
    if not claims:
        return None
    year = int(str(claims[0].as_of)[:4])
    same = [c for c in claims if str(c.as_of).startswith(str(year))]
    return _figure(t, "members", t.org.members[year], same, as_of=str(year), scope="fighters")


def _blamed(t: Target) -> list[Claim]:
    return [c for c in base_claims(t, "perpetrator") if not c.denied]


def disputed_other(t: Target) -> Record | None:
    if not _blamed(t):
        return None
    near = {a for o in t.event.perpetrators for a in (o, *t.world.ancestors(o))}
    others = [o for o in t.world.armed() if o not in near and not near & set(t.world.ancestors(o))]
    if not others:
        return None
    group = t.desk.rng.choice(others)
    made = t.desk.extra(
        fresh(t, "national"),
        "perpetrator",
        ids((group,)),
        said_by=("afghan-government",),
        stance="blamed",
    )
    return record([made], "perpetrator", value=group)


def disputed_denial(t: Target) -> Record | None:
    blamed = _blamed(t)
    if not blamed:
        return None
    claim = t.desk.rng.choice(blamed)
    group = claim.value.strip("[]").split(", ")[0]
    claimed = {
        g
        for c in base_claims(t, "claimed-by")
        if not c.denied
        for g in c.value.strip("[]").split(", ")
    }
    if group in claimed:
        # a group denying what it claimed is its own revision, not a disputed attribution;
        # another named group is drawn from a stream of its own, leaving the desk's draws alone
        named = sorted(
            {g for c in blamed for g in c.value.strip("[]").split(", ") if g and g not in claimed}
        )
        if not named:
            return None
        group = random.Random(f"deny|{claim.id}").choice(named)
    source = t.desk.source("armed", after(t, blamed), archived=False)
    made = t.desk.extra(
        source,
        "perpetrator",
        ids((group,)),
        said_by=(group,),
        denied=True,
        stance="denied any role",
    )
    return record([made], "perpetrator", value=group)


def evidence_questioned(t: Target) -> Record | None:
    """An agency unable to verify an attribution that someone made."""
    blamed = _blamed(t)
    if not blamed:
        return None
    claim = t.desk.rng.choice(blamed)
    source = t.desk.source("national", after(t, blamed), archived=False)
    made = t.desk.extra(
        source,
        "perpetrator",
        claim.value,
        said_by=("unama",),
        questioned=True,
        stance="unable to verify",
    )
    return record([made], "perpetrator")


def disputed_late_nobody(t: Target) -> Record | None:
    event = t.event
    claims = [c for c in base_claims(t, "claimed-by") if c.value != "[]"]
    if not claims or event.claim_day is None:
        return None
    source = t.desk.source("national", after(t, claims, 3), archived=False)
    made = t.desk.extra(source, "claimed-by", "[]", stance="no group has claimed responsibility")
    return record([made], "claimed-by")


def _deny(
    t: Target, prop: str, value: str, said_by: tuple[str, ...], **fields: object
) -> Record | None:
    claims = [c for c in base_claims(t, prop) if not c.denied and c.scope is None]
    if not claims:
        return None
    outlet = "armed" if said_by and said_by[0] in t.world.orgs else "national"
    source = t.desk.source(outlet, after(t, claims), archived=False)
    made = t.desk.extra(
        source, prop, value, said_by=said_by, denied=True, stance="denied", **fields
    )
    return record([made], prop)


def denial_location(t: Target) -> Record | None:
    return _deny(t, "location", t.event.village.id, ("nds",))


def denial_toll(t: Target) -> Record | None:
    """Denies the true toll where someone states it (a figure, a range, "about"): a bound
    ("over 13") asserts no one figure, so denying one inside it contradicts nobody."""
    figures = [
        c for c in base_claims(t, "killed") if c.scope is None and not c.denied and not _bound(c)
    ]
    if not figures:
        return None
    speaker = t.event.perpetrators[:1] or ("nds",)
    return _deny(t, "killed", q(str(t.event.killed)), speaker)


def _bound(claim: Claim) -> bool:
    text = yaml.safe_load(claim.value)
    return parse_quantity(text).qualifier in BOUNDS


def denial_role(t: Target) -> Record | None:
    person = t.person
    assert person is not None
    roles = [
        r
        for i, r in enumerate(person.career)
        if any(
            c.prop == "role"
            and not c.denied
            and c.as_of
            and int(c.as_of[:4]) in range(r.start, r.end + 1)
            for c in base_claims(t)
        )
    ]
    if not roles:
        return None
    role = t.desk.rng.choice(roles)
    period = str(role.start) if role.start == role.end else f"{role.start}/{role.end}"
    claims = base_claims(t, "role")
    source = t.desk.source("armed", after(t, claims), archived=False)
    made = t.desk.extra(
        source,
        "role",
        q(role.text),
        said_by=(person.affiliation,),
        denied=True,
        as_of=period,
        stance="denied",
    )
    return record([made], "role")


def date_other_day(t: Target) -> Record | None:
    claims = base_claims(t, "date")
    if not claims:
        return None
    years_only = all(len(c.value.strip("'")) == 4 for c in claims)
    shift = t.desk.rng.randint(380, 420) if years_only else t.desk.rng.randint(40, 60)
    day = t.event.day + timedelta(days=shift * t.desk.rng.choice((1, -1)))
    made = t.desk.extra(fresh(t, "radio"), "date", q(sw.day_text(day, "long")))
    return record([made], "date", day=day.isoformat())


DAY = re.compile(r"\d{4}-\d{2}-\d{2}|\b\d{1,2} [A-Z]|[A-Z][a-z]+ \d{1,2},")


def date_near(t: Target) -> Record | None:
    """A day two to four days off, against a report that gives the day."""
    if not any(DAY.search(c.value) for c in base_claims(t, "date")):
        return None
    shift = t.desk.rng.randint(2, 4) * t.desk.rng.choice((1, -1))
    day = t.event.day + timedelta(days=shift)
    made = t.desk.extra(fresh(t, "radio"), "date", q(sw.day_text(day, "iso")))
    return record([made], "date", day=day.isoformat())


def date_weekday(t: Target) -> Record:
    made = t.desk.extra(fresh(t, "national"), "date", q(sw.wrong_weekday(t.event.day)))
    return record([made], "date", field="value")


def date_weekday_as_of(t: Target) -> Record:
    made = t.desk.extra(
        fresh(t, "national"), "killed", q(str(t.event.killed)), as_of=sw.wrong_weekday(t.event.day)
    )
    t.desk.spans[made.id] = sw.Span(t.event.killed, t.event.killed)
    return record([made], "killed", field="as_of")


def date_weekday_published(t: Target) -> Record:
    source = fresh(t, "national")
    source.published_text = sw.wrong_weekday(source.published)
    t.desk.extra(source, "date", q(t.event.day.isoformat()))
    return record([], "date", field="published", source=source.id)


def attribute_role(t: Target) -> Record | None:
    person = t.person
    assert person is not None
    claims = [c for c in base_claims(t, "role") if not c.denied and c.as_of]
    if not claims:
        return None
    claim = t.desk.rng.choice(claims)
    year = int(claim.as_of[:4]) if claim.as_of else YEARS[0]
    held = {r.text for r in person.career} | {r.paraphrase for r in person.career}
    org = t.world.orgs[person.affiliation]
    texts = [r[0].format(o=org.short, p=t.world.provinces[0].name) for r in ROLES]
    options = [x for x in texts if x not in held]
    made = t.desk.extra(
        fresh(t, "analysis"), "role", q(t.desk.rng.choice(options)), as_of=str(year)
    )
    return record([made], "role", against=claim.id)


def attribute_role_published(t: Target) -> Record | None:
    """Another role in a report without as_of, published in a year of the person's role:
    the role holds when the report was published."""
    person = t.person
    assert person is not None
    claims = [c for c in base_claims(t, "role") if not c.denied and c.as_of]
    if not claims:
        return None
    claim = t.desk.rng.choice(claims)
    year = int(str(claim.as_of)[:4])
    held = {r.text for r in person.career} | {r.paraphrase for r in person.career}
    org = t.world.orgs[person.affiliation]
    texts = [r[1].format(o=org.short, p=t.world.provinces[-1].name) for r in ROLES]
    day = date(year, t.desk.rng.randint(1, 12), t.desk.rng.randint(1, 28))
    source = t.desk.source("national", day, archived=False)
    made = t.desk.extra(source, "role", q(t.desk.rng.choice([x for x in texts if x not in held])))
    return record([made], "role", against=claim.id)


def attribute_leader(t: Target) -> Record | None:
    org = t.org
    assert org is not None
    leaders = [c for c in base_claims(t, "leader") if c.as_of]
    if not leaders:
        return None
    claim = t.desk.rng.choice(leaders)
    year = int(str(claim.as_of))
    current = {p for p, s, e in org.leaders if s <= year <= e}
    others = [p for p in t.world.persons if p not in current]
    made = t.desk.extra(
        fresh(t, "analysis"), "leader", ids((t.desk.rng.choice(others),)), as_of=str(year)
    )
    return record([made], "leader", against=claim.id)


def attribute_location(t: Target) -> Record | None:
    if not base_claims(t, "location"):
        return None
    own = t.event.village.chain()[-1].id
    others = [p for p in t.world.provinces if p.id != own]
    made = t.desk.extra(fresh(t, "national"), "location", t.desk.rng.choice(others).id)
    return record([made], "location")


KINDS = [
    Kind("numeric-conflict", "toll", "event", numeric_toll),
    Kind("numeric-conflict", "toll-near", "event", numeric_toll_near),
    Kind("numeric-conflict", "wounded", "event", numeric_wounded),
    Kind("numeric-conflict", "members", "org", numeric_members),
    Kind("disputed-attribution", "other-perpetrator", "event", disputed_other),
    Kind("disputed-attribution", "denial", "event", disputed_denial),
    Kind("disputed-attribution", "late-nobody", "event", disputed_late_nobody),
    Kind("evidence-disputed", "questioned", "event", evidence_questioned),
    Kind("denial", "location", "event", denial_location),
    Kind("denial", "toll", "event", denial_toll),
    Kind("denial", "role", "person", denial_role),
    Kind("date-conflict", "other-month", "event", date_other_day),
    Kind("date-conflict", "near-day", "event", date_near),
    Kind("date-conflict", "weekday-value", "event", date_weekday),
    Kind("date-conflict", "weekday-as_of", "event", date_weekday_as_of),
    Kind("date-conflict", "weekday-published", "event", date_weekday_published),
    Kind("attribute-conflict", "role", "person", attribute_role),
    Kind("attribute-conflict", "role-by-publication", "person", attribute_role_published),
    Kind("attribute-conflict", "leader", "org", attribute_leader),
    Kind("attribute-conflict", "location", "event", attribute_location),
]
