"""Injected conflicts, part 1: helpers shared by every injection, and the kinds of
dangling-reference and spelling-variant.

dangling-reference: a claim citing a source, subject, speaker, value entity, mention
entity, superseded or contradicted claim that the ledger does not hold (an id with a typo);
a source derived from an unknown source; a place part_of an unknown place. Every other
field of such a claim is true, so nothing else is found.

spelling-variant: a mention spelled as an undeclared transliteration variant of an entity's
name (resolved to the entity or left for the checker), a second entity of the same kind
whose name is such a variant, and a mention with a look-alike Cyrillic letter. A variant is
only used when it is not also like another entity's name, so the conflict has one answer.
"""

from __future__ import annotations

from datetime import date, timedelta

from benchmarks import synth_variants as sv
from benchmarks import synth_words as sw
from benchmarks.synth_ledger import Claim, Source, mention, q
from benchmarks.synth_names import place_name, slug
from benchmarks.synth_plan import Kind, Record, Target
from benchmarks.synth_world import World

KINDS_OF_NAMES = ("place", "organisation", "person")


def fresh(t: Target, outlet: str, low: int = 1, high: int = 5, **fields: object) -> Source:
    """A new source of its own (no other source repeats it), published ``low`` to ``high``
    days after the subject's event, or (a person or an organisation) late in 2024."""
    if t.room is not None:
        day = sw.later(t.event.day, low, high, t.desk.rng)
    else:
        day = date(2024, t.desk.rng.randint(7, 12), t.desk.rng.randint(1, 28))
    made = t.desk.source(outlet, day, archived=False, **fields)  # type: ignore[arg-type]
    t.made.append(made)
    return made


def after(t: Target, claims: list[Claim], days: int = 2) -> date:
    """A day after every source of ``claims`` was published."""
    known = {s.id: s for s in t.desk.sources}
    shared = t.region.shared.sources if t.region else []
    known |= {s.id: s for s in shared}
    latest = max(
        (known[c.source].published for c in claims if c.source in known),
        default=t.event.day if t.room else date(2024, 1, 1),
    )
    return latest + timedelta(days=days)


def typo(world: World, ident: str) -> str:
    """An id like ``ident`` that names nothing: one letter dropped, or a digit added."""
    for i in range(len(ident) - 1, 0, -1):
        candidate = ident[:i] + ident[i + 1 :]
        if ident[i].isalpha() and candidate not in world.taken:
            world.taken.add(candidate)
            return candidate
    candidate = ident + "-2x"
    world.taken.add(candidate)
    return candidate


def base_claims(t: Target, prop: str | None = None) -> list[Claim]:
    return [
        c for c in t.desk.claims if c.id not in t.desk.loose and (prop is None or c.prop == prop)
    ]


def record(claims: list[Claim], prop: str | None = None, **extra: object) -> Record:
    found: Record = {"claims": [c.id for c in claims], "names": [], "property": prop}
    found.update(extra)
    return found


# dangling-reference ----------------------------------------------------------------------


def _true_toll(t: Target, source: Source, **fields: object) -> Claim:
    made = t.desk.extra(source, "killed", q(str(t.event.killed)), **fields)
    t.desk.spans[made.id] = sw.Span(t.event.killed, t.event.killed)
    return made


def dangling_source(t: Target) -> Record:
    known = t.room.reporters()[0] if t.room else t.desk.sources[0]
    target = typo(t.world, known.id)
    made = _true_toll(t, known)
    made.source = target
    return record([made], "killed", names=[target], field="source")


def dangling_subject(t: Target) -> Record:
    target = typo(t.world, t.subject)
    made = t.desk.extra(fresh(t, "national"), "date", q(t.event.day.isoformat()), subject=target)
    return record([made], "date", names=[target], field="subject", subject=target)


def dangling_speaker(t: Target) -> Record:
    target = typo(t.world, "interior-ministry")
    made = _true_toll(t, fresh(t, "national"), said_by=(target,))
    return record([made], "killed", names=[target], field="said_by")


def dangling_value(t: Target) -> Record:
    target = typo(t.world, t.event.village.id + "-market")
    made = t.desk.extra(fresh(t, "radio"), "target", f"[{target}]")
    return record([made], "target", names=[target], field="value")


def dangling_mention(t: Target) -> Record | None:
    claims = [c for c in base_claims(t) if c.prop in ("killed", "date", "location")]
    if not claims:
        return None
    claim = t.desk.rng.choice(claims)
    target = typo(t.world, t.event.village.id)
    claim.mentions = [*claim.mentions, mention(t.event.village.name, target)]
    return record([claim], claim.prop, names=[target], field="mentions")


def dangling_supersedes(t: Target) -> Record:
    target = typo(t.world, f"{t.subject}-c1")
    made = _true_toll(t, fresh(t, "national"), supersedes=target)
    return record([made], "killed", names=[target], field="supersedes")


def dangling_contradicts(t: Target) -> Record:
    target = typo(t.world, f"{t.subject}-c2")
    made = _true_toll(t, fresh(t, "radio"), contradicts=(target,))
    return record([made], "killed", names=[target], field="contradicts")


def dangling_derived(t: Target) -> Record:
    origin = typo(t.world, "reuters-" + t.event.day.isoformat())
    copy = fresh(t, "copy")
    copy.derived_from = (origin,)
    _true_toll(t, copy)
    return record([], "killed", names=[origin], field="derived_from", source=copy.id)


def dangling_part_of(t: Target) -> Record | None:
    village = t.event.village
    district = village.parent
    if district is None:
        return None
    target = typo(t.world, district.id)
    ident, name = t.world.named(lambda: sv_fresh_place(t), "place")
    t.world.entity(t.desk.folder, ident, "place", name, part_of=target)
    return record([], None, names=[target], field="part_of", entity=ident, subject=ident)


def sv_fresh_place(t: Target) -> str:
    return place_name(t.desk.rng)


# spelling-variant --------------------------------------------------------------------------


def _entity_for(t: Target) -> tuple[str, str] | None:
    """(entity id, kind) whose name a variant is made of: the event's village, the person,
    or the organisation; not an entity declared distinct from a look-alike twin."""
    if t.person is not None:
        found = t.person.id, "person"
    elif t.org is not None:
        found = t.org.id, "organisation"
    else:
        found = t.event.village.id, "place"
    return None if found[0] in t.world.twinned | t.world.varied else found


def _variant(t: Target, entity: str, kind: str, resolved: bool) -> tuple[str, str] | None:
    """A variant of the entity's name that is no other entity's name and looks like none."""
    name = t.world.names[entity][0]
    options = sv.variants(name, kind)
    t.desk.rng.shuffle(options)
    for label, spelling in options:
        kinds = (kind,) if resolved else KINDS_OF_NAMES
        registry = t.world.registry
        clash = any(registry.clashes(spelling, k, entity) for k in kinds)
        # an unresolved spelling one of whose words is another name ("Bagh" in "Qaashsust
        # Bagh") would also read as that name's long form (possible-variant)
        words = spelling.split() if not resolved and len(spelling.split()) > 1 else []
        clash = clash or any(not registry.free(w) for w in words)
        if registry.free(spelling) and not clash:
            registry.take(spelling, kind, entity, check=False)
            for word in words:  # and no name made later is one of its words
                registry.take(word, kind, entity, check=False, index=False)
            t.world.varied.add(entity)
            return label, spelling
    return None


def _names(t: Target, entity: str, spelling: str) -> list[str]:
    return [spelling, t.world.names[entity][0], *t.world.aliases.get(entity, ())]


def _mentioning(t: Target, entity: str) -> Claim | None:
    claims = base_claims(t)
    return t.desk.rng.choice(claims) if claims else None


def spelling_mention(t: Target) -> Record | None:
    found = _entity_for(t)
    if found is None:
        return None
    entity, kind = found
    resolved = t.desk.rng.random() < 0.5
    claim = _mentioning(t, entity)
    made = _variant(t, entity, kind, resolved) if claim else None
    if claim is None or made is None:
        return None
    claim.mentions = [*claim.mentions, mention(made[1], entity if resolved else None)]
    return record(
        [claim],
        claim.prop,
        names=_names(t, entity, made[1]),
        operation=made[0],
        resolved=resolved,
        subject=entity,
    )


def spelling_duplicate(t: Target) -> Record | None:
    found = _entity_for(t)
    if found is None or found[1] == "organisation":
        return None
    entity, kind = found
    made = _variant(t, entity, kind, True)
    if made is None:
        return None
    ident = t.world.new_id(slug(made[1]) + ("" if kind == "person" else "-village"))
    parent = t.event.village.parent.id if t.room and t.event.village.parent else None
    folder = t.desk.folder
    t.world.entity(folder, ident, kind, made[1], part_of=parent)
    return record(
        [], None, names=_names(t, entity, made[1]), operation=made[0], entity=ident, subject=entity
    )


def possible_short_form(t: Target) -> Record | None:
    """A person's or a place's name with its first word left out, as a page writes it on its
    own ("al-Baghdadi" for "Abu Bakr al-Baghdadi"): for the review queue, not a variant."""
    found = _entity_for(t)
    if found is None or found[1] == "organisation":
        return None
    entity, kind = found
    words = t.world.names[entity][0].split()
    claim = _mentioning(t, entity)
    if len(words) < 2 or claim is None:
        return None
    registry = t.world.registry
    forms = [" ".join(words[1:]), " ".join(words[:-1])]
    forms = [f for f in forms if not f.endswith(("-e", "-i", "-ul", "-al"))]
    usable = [
        f
        for f in forms
        if len(f) >= 5
        and registry.free(f)
        and not any(registry.clashes(f, k, entity) for k in KINDS_OF_NAMES)
    ]
    if not usable:
        return None
    short = usable[0]
    registry.take(short, kind, entity, check=False)
    t.world.varied.add(entity)
    claim.mentions = [*claim.mentions, mention(short)]
    return record(
        [claim], claim.prop, names=_names(t, entity, short), operation="short form", subject=entity
    )


def spelling_mixed(t: Target) -> Record | None:
    found = _entity_for(t)
    claim = _mentioning(t, found[0]) if found else None
    if found is None or claim is None:
        return None
    name = t.world.names[found[0]][0]
    mixed = sv.mixed_script(t.desk.rng, name)
    if mixed is None:
        return None
    claim.mentions = [*claim.mentions, mention(mixed, found[0])]
    t.world.varied.add(found[0])
    return record(
        [claim], claim.prop, names=_names(t, found[0], mixed), operation="mixed", subject=found[0]
    )


KINDS = [
    Kind("dangling-reference", "source", "event", dangling_source),
    Kind("dangling-reference", "subject", "event", dangling_subject),
    Kind("dangling-reference", "said_by", "event", dangling_speaker),
    Kind("dangling-reference", "value", "event", dangling_value),
    Kind("dangling-reference", "mention", "event", dangling_mention),
    Kind("dangling-reference", "supersedes", "event", dangling_supersedes),
    Kind("dangling-reference", "contradicts", "event", dangling_contradicts),
    Kind("dangling-reference", "derived_from", "event", dangling_derived),
    Kind("dangling-reference", "part_of", "event", dangling_part_of),
    Kind("spelling-variant", "mention-place", "event", spelling_mention),
    Kind("spelling-variant", "mention-person", "person", spelling_mention),
    Kind("spelling-variant", "mention-organisation", "org", spelling_mention),
    Kind("spelling-variant", "duplicate-place", "event", spelling_duplicate),
    Kind("spelling-variant", "duplicate-person", "person", spelling_duplicate),
    Kind("spelling-variant", "mixed-script", "event", spelling_mixed),
    Kind("possible-variant", "short-form-place", "event", possible_short_form),
]
