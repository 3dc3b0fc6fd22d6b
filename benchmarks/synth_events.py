"""The base reporting of one event: who reported it (a wire story and its re-posts, national
and local outlets, a government statement, the group's own statement, a later analysis, the
UN mission's quarterly report) and what each said about it, every value true at its
precision: the day (at day, month or year precision, in several styles), where (the village,
its district or province), who did it (the perpetrators, or a parent organisation), who
claimed it ("no group has claimed it" only before the claim), the tolls in report words
whose intervals hold the truth, the civilians among the dead, the attackers killed, the
explosives. Denials are of what is false. Re-posts repeat their origin's claims only where
an independent source agrees, so no corroboration is circular."""

from __future__ import annotations

from datetime import date

from benchmarks import synth_words as sw
from benchmarks.synth_attribution import claimed, perpetrator
from benchmarks.synth_desk import Desk, Voice
from benchmarks.synth_ledger import Claim, Source, q
from benchmarks.synth_room import Region, Room, Sentence, pick, voice, who
from benchmarks.synth_world import Event


def _room(desk: Desk, event: Event) -> Room:
    rng, day = desk.rng, event.day
    wire = desk.source("wire", sw.later(day, 0, 1, rng)) if rng.random() < 0.6 else None
    copies: list[Source] = []
    for _ in range(rng.choice((0, 1, 1, 2, 3)) if wire else 0):
        origin = copies[-1] if copies and rng.random() < 0.3 else wire
        assert origin is not None
        copies.append(
            desk.source("copy", sw.later(origin.published, 0, 2, rng), derived_from=origin)
        )
    chances = (("radio", 0.5), ("government", 0.4), ("international", 0.3), ("analysis", 0.25))
    outlets = ["national"] + [o for o, p in chances if rng.random() < p]
    lags = {"national": (0, 2), "radio": (1, 3), "government": (0, 1)}
    lags |= {"international": (0, 2), "analysis": (20, 300)}
    originals = [desk.source(o, sw.later(day, *lags[o], rng)) for o in outlets]
    if len(originals) + (wire is not None) < 2:
        originals.append(desk.source("radio", sw.later(day, 1, 3, rng)))
    statement = None
    if event.claimed_by and event.claim_day:
        statement = desk.source("armed", event.claim_day, archived=False)
    return Room(event, wire, copies, originals, statement)


def report(region: Region, event: Event) -> tuple[Desk, Room]:
    """The base claims about one event (re-posts are added by ``repeat``, after the
    look-alikes and injections have had their say)."""
    desk = Desk(region.world, region.folder, event.id)
    desk.event = event
    room = _room(desk, event)
    for fact in (
        _date,
        _location,
        _killed,
        _wounded,
        perpetrator,
        claimed,
        _attackers,
        _explosives,
        _civilians,
    ):
        fact(region, desk, room)
    return desk, room


def _date(region: Region, desk: Desk, room: Room) -> None:
    event = room.event
    for source in pick(desk, room, 1, 3):
        said_by = voice(region, desk, source, "date")
        if said_by is None:
            continue
        text = desk.worded(
            Voice(said_by, source.id), "date", lambda: sw.event_date_text(desk.rng, event.day)
        )
        desk.claim(
            source,
            "date",
            q(text),
            said_by=said_by,
            sentence=(
                f"{who(region.world, said_by)} said the {event.label} took place on {text}.",
                f"took place on {text}",
            ),
            mentions=desk.name_mention(event.village.id),
        )


def _location(region: Region, desk: Desk, room: Room) -> None:
    event = room.event
    for source in pick(desk, room, 1, 2):
        said_by = voice(region, desk, source, "location")
        if said_by is None:
            continue
        place = desk.worded(
            Voice(said_by, source.id),
            "location",
            lambda: desk.rng.choice([event.village, *event.village.chain()]).id,
        )
        name = region.world.names[place][0]
        desk.claim(
            source,
            "location",
            place,
            said_by=said_by,
            sentence=(
                f"{who(region.world, said_by)} said the {event.label} happened in {name}.",
                f"happened in {name}",
            ),
            mentions=desk.name_mention(place, 0.7),
        )


def figure(
    region: Region,
    desk: Desk,
    source: Source,
    prop: str,
    truth: int,
    styles: tuple[str, ...],
    sentence: Sentence,
    *,
    scope: str | None = None,
    unit: str | None = None,
    said_by: tuple[str, ...] | None = None,
) -> Claim | None:
    """A figure for an event by ``source``, in a voice of its own, whose words hold ``truth``."""
    assert desk.event is not None
    said_by = voice(region, desk, source, prop, scope) if said_by is None else said_by
    if said_by is None:
        return None
    words, span = desk.figure(Voice(said_by, source.id), f"{prop}|{scope}", truth, styles)
    made = desk.claim(
        source,
        prop,
        q(words),
        said_by=said_by,
        scope=scope,
        unit=unit,
        sentence=sentence(who(region.world, said_by), words),
        mentions=desk.name_mention(desk.event.village.id, 0.4),
    )
    desk.spans[made.id] = span
    return made


def killed_sentence(label: str) -> Sentence:
    return lambda w, f: (
        f"{w} said {f} people were killed in the {label}.",
        f"{f} people were killed",
    )


def _killed(region: Region, desk: Desk, room: Room) -> None:
    event = room.event
    for source in pick(desk, room, 2, 4):
        early = (source.published - event.day).days <= 1
        styles = ("lower", "lower", "exact", "about", "range") if early else sw.STYLES
        figure(region, desk, source, "killed", event.killed, styles, killed_sentence(event.label))


def _wounded(region: Region, desk: Desk, room: Room) -> None:
    event = room.event
    for source in pick(desk, room, 0, 2):
        figure(
            region,
            desk,
            source,
            "wounded",
            event.wounded,
            sw.STYLES,
            lambda w, f: (f"{w} said {f} people were wounded.", f"{f} people were wounded"),
        )


def _attackers(region: Region, desk: Desk, room: Room) -> None:
    event = room.event
    if event.attackers is None:
        return
    for source in pick(desk, room, 1, 2):
        figure(
            region,
            desk,
            source,
            "killed",
            event.attackers,
            sw.BOUNDED,
            lambda w, f: (f"{f} attackers were killed, {w} said.", f"{f} attackers were killed"),
            scope="attackers",
        )
    _deny_attackers(region, desk, room)


def _deny_attackers(region: Region, desk: Desk, room: Room) -> None:
    """The group denies losing a number of fighters nobody reported."""
    event = room.event
    if not event.perpetrators or event.attackers is None or desk.rng.random() < 0.7:
        return
    spans = [desk.spans[c.id] for c in desk.of("killed", "attackers")]
    found = sw.bounded_outside(spans, event.attackers)
    if found is None:
        return
    group = event.perpetrators[0]
    source = desk.source("armed", sw.later(event.day, 1, 3, desk.rng), archived=False)
    made = desk.claim(
        source,
        "killed",
        q(found[0]),
        said_by=(group,),
        scope="attackers",
        denied=True,
        stance="denied losing fighters",
    )
    desk.spans[made.id] = found[1]


def _explosives(region: Region, desk: Desk, room: Room) -> None:
    event = room.event
    if event.explosives is None:
        return
    for source in pick(desk, room, 1, 1):
        figure(
            region,
            desk,
            source,
            "amount",
            event.explosives,
            ("exact", "about"),
            lambda w, f: (f"{w} said the bomb held {f} kg of explosives.", f"{f} kg of explosives"),
            scope="explosives",
            unit="kg",
        )


def _civilians(region: Region, desk: Desk, room: Room) -> None:
    event = room.event
    if desk.rng.random() < 0.5 or desk.of("killed", "attackers") or event.civilians >= event.killed:
        # civilians beside attackers would be two unrelated scopes of one toll, and all the
        # dead civilians a part equal to its whole
        return
    quarter = (event.day.year, (event.day.month - 1) // 3)
    report = region.quarterly.get(quarter)
    if report is None:
        month = 3 * quarter[1] + 4
        published = sw.later(
            date(quarter[0] + month // 13, (month - 1) % 12 + 1, 1), 10, 40, desk.rng
        )
        report = region.shared.source(
            "un",
            published,
            archived=False,
            title=f"Protection of civilians, {region.province.name}",
        )
        region.quarterly[quarter] = report
    words, span = sw.figure(desk.rng, event.civilians, ("exact", "exact", "about"))
    made = desk.claim(report, "killed", q(words), scope="civilians")
    desk.spans[made.id] = span


def repeat(desk: Desk, room: Room) -> None:
    """Re-posts repeat their origin's claims (see Desk.repeat)."""
    for copy in room.copies:
        origin = desk.by_id(copy.derived_from[0])
        desk.repeat(origin, copy)
