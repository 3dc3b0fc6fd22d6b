"""The reporting about one subject (an event, a person, an organisation): its sources, its
claims and the bookkeeping that keeps the base ledger consistent (one wording per voice and
fact, so that a speaker quoted twice says the same thing; which sources are copies of
which). Events, people and organisations are reported through a Desk, and the look-alikes
and injected conflicts add to the same Desk before it is written out."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from benchmarks import synth_words as sw
from benchmarks.synth_ledger import Claim, Files, Source, mention
from benchmarks.synth_names import slug
from benchmarks.synth_world import Event, World

OUTLETS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    # kind of outlet: (source kind, reliabilities, publishers)
    "wire": ("wire", "BBBA", ("Reuters", "Agence France-Presse", "Associated Press", "Xinhua")),
    "national": (
        "news",
        "CCCB",
        (
            "Tolo News",
            "Pajhwok Afghan News",
            "Ariana News",
            "Khaama Press",
            "1TV News",
            "Shamshad TV",
        ),
    ),
    "international": ("news", "BB", ("BBC News", "Al Jazeera", "The Guardian", "Dawn")),
    "radio": ("news", "CCD", ("Radio Azadi", "Salam Watandar", "Radio Killid")),
    "government": ("government", "CC", ("Government Media and Information Centre",)),
    "un": ("un", "AB", ("UNAMA",)),
    "armed": ("armed-group-statement", "F", ("Amaq News Agency", "Al-Emarah", "Umar Media")),
    "social": ("social-media", "EE", ("Telegram channel", "X post", "Facebook page")),
    "copy": (
        "news",
        "DDE",
        (
            "Afghanistan Times",
            "Kabul Now",
            "Afghan Voice Agency",
            "NewsNow Afghanistan",
            "Hindukush Times",
        ),
    ),
    "analysis": (
        "analysis",
        "BC",
        (
            "Long War Journal",
            "Afghanistan Analysts Network",
            "Crisis Group",
            "CTC Sentinel",
            "CACI Analyst",
        ),
    ),
}
PUBLISHED_STYLES = ("iso", "iso", "long", "weekday")
RUNNING = frozenset({"killed", "wounded", "casualties", "amount"})
"""The figures of an event counted as running counts (properties.py: tally; any figure of
an event without a tally of its own, as the amount of explosives)."""


@dataclass(frozen=True)
class Voice:
    """Who speaks in a claim: named speakers, else the source in its own voice."""

    said_by: tuple[str, ...]
    source: str

    @property
    def key(self) -> str:
        return "+".join(self.said_by) if self.said_by else "own:" + self.source


class Desk:
    def __init__(self, world: World, folder: str, subject: str) -> None:
        self.world = world
        self.rng: random.Random = world.rng
        self.folder = folder
        self.subject = subject
        self.sources: list[Source] = []
        self.claims: list[Claim] = []
        self.origin: dict[str, str] = {}  # source -> the source it ultimately repeats
        self.wording: dict[tuple[str, str], str] = {}
        self.figures: dict[tuple[str, str], tuple[str, sw.Span]] = {}
        self.spans: dict[str, sw.Span] = {}  # claim -> the interval its figure stands for
        self.event: Event | None = None
        self.loose: set[str] = set()  # look-alike and injected claims: no base claim leans on them
        self.count = 0

    # sources ------------------------------------------------------------------------------

    def source(
        self,
        outlet: str,
        published: date,
        *,
        derived_from: Source | None = None,
        archived: bool | None = None,
        title: str = "",
        publisher: str | None = None,
    ) -> Source:
        kind, grades, publishers = OUTLETS[outlet]
        rng = self.rng
        name = publisher or rng.choice(publishers)
        ident = self.world.new_id(f"{slug(name)}-{published.isoformat()}")
        text = sw.day_text(published, rng.choice(PUBLISHED_STYLES))
        if archived is None:
            archived = derived_from is None and rng.random() < 0.2
        found = Source(
            ident,
            title or f"{name} report",
            name,
            kind,
            rng.choice(grades),
            published,
            text,
            (derived_from.id,) if derived_from else (),
            archived,
        )
        self.sources.append(found)
        self.origin[ident] = self.origin[derived_from.id] if derived_from else ident
        return found

    def independent(self, a: Source | str, b: Source | str) -> bool:
        ida = a if isinstance(a, str) else a.id
        idb = b if isinstance(b, str) else b.id
        return self.origin.get(ida, ida) != self.origin.get(idb, idb)

    # claims -------------------------------------------------------------------------------

    def new_id(self) -> str:
        self.count += 1
        return f"{self.subject}-c{self.count}"

    def claim(
        self,
        source: Source,
        prop: str,
        value: str,
        *,
        said_by: tuple[str, ...] = (),
        sentence: tuple[str, str] | None = None,
        subject: str | None = None,
        judged: bool = True,
        **fields: Any,
    ) -> Claim:
        """A claim by ``source``; ``sentence`` is (what the article says, the quote from it);
        ``judged``: the analyst gives a confidence now and then (never high on a weak
        source)."""
        if self.event is not None and prop in RUNNING and "as_of" not in fields:
            # a count of an event is given as of the event's day: the reports of one event
            # are one window of its running count, never a timeline of their own
            fields["as_of"] = self.event.day.isoformat()
        made = Claim(
            self.new_id(),
            subject or self.subject,
            prop,
            value,
            source.id,
            said_by=said_by,
            **fields,
        )
        if sentence is not None:
            text, quote = sentence
            made.sentence = text
            if source.archived:
                source.sentences.append(text)
                made.quote = quote if self.rng.random() < 0.8 else None
            elif self.rng.random() < 0.15:
                made.quote = quote
        if judged and made.confidence is None and not made.denied:
            made.confidence = sw.confidence(self.rng, source.reliability)
        self.claims.append(made)
        return made

    def extra(self, source: Source, prop: str, value: str, **fields: Any) -> Claim:
        """A claim of a look-alike or an injected conflict: no confidence unless given,
        and never counted as the independent agreement a re-post needs."""
        made = self.claim(source, prop, value, judged=False, **fields)
        self.loose.add(made.id)
        return made

    def worded(self, voice: Voice, fact: str, make: Callable[[], str]) -> str:
        """The words a voice uses for a fact: chosen once, repeated after."""
        key = (voice.key, fact)
        if key not in self.wording:
            self.wording[key] = make()
        return self.wording[key]

    def figure(
        self, voice: Voice, fact: str, truth: int, styles: tuple[str, ...]
    ) -> tuple[str, sw.Span]:
        """The figure a voice gives for a fact, in words whose interval holds ``truth``."""
        key = (voice.key, fact)
        if key not in self.figures:
            self.figures[key] = sw.figure(self.rng, truth, styles)
        return self.figures[key]

    def of(self, prop: str, scope: str | None = None) -> list[Claim]:
        return [c for c in self.claims if c.prop == prop and c.scope == scope]

    def voices(self, prop: str, scope: str | None = None) -> set[str]:
        return {Voice(c.said_by, c.source).key for c in self.of(prop, scope)}

    def by_id(self, source: str) -> Source:
        return next(s for s in self.sources if s.id == source)

    def name_mention(self, entity: str, rate: float = 0.5) -> list[str]:
        """A mention of an entity by its name or an alias, resolved or left for the
        checker to match, ``rate`` of the time."""
        if self.rng.random() >= rate:
            return []
        name, _kind = self.world.names[entity]
        spelled = self.rng.choice((name, *self.world.aliases.get(entity, ())))
        return [mention(spelled, entity if self.rng.random() < 0.6 else None)]

    def repeat(self, origin: Source, copy: Source, rate: float = 0.8) -> None:
        """``copy`` repeats claims of ``origin`` that an independent base claim of the same
        fact, for the same time, agrees with, so that no corroboration is circular."""
        for claim in [c for c in self.claims if c.source == origin.id]:
            if claim.denied or claim.value == "[]" or claim.id in self.loose:
                continue
            covered = any(
                o.prop == claim.prop
                and o.scope == claim.scope
                and o.as_of == claim.as_of
                and o.subject == claim.subject
                and not o.denied
                and o.id not in self.loose
                and self.independent(o.source, claim.source)
                for o in self.claims
            )
            if covered and self.rng.random() < rate:
                made = self.claim(
                    copy,
                    claim.prop,
                    claim.value,
                    said_by=claim.said_by,
                    scope=claim.scope,
                    unit=claim.unit,
                    as_of=claim.as_of,
                    subject=claim.subject,
                )
                if claim.id in self.spans:
                    self.spans[made.id] = self.spans[claim.id]

    # output -------------------------------------------------------------------------------

    def write(self, files: Files) -> None:
        for source in self.sources:
            files.source(self.folder, source)
        for claim in self.claims:
            files.add("claims", self.folder, claim.line())
