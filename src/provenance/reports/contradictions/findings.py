"""The key findings of a contradiction report: for each question a subject's conflicts are
about, plain sentences an editor can publish, built once here and rendered by every format.

A finding is built from a Topic (one question: its claims, the positions the checker found
and a running count's timeline, its assessment and what the analyst decided) by each function
of FINDERS in turn, so that a new kind of sentence is one more function there: the positions
and who holds them (else the competing values), how a running count moved as it was reported,
and the outcome (the analyst's decision, else the best-supported value, else undecided)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from provenance.model import Polarity, Verdict
from provenance.reports.contradictions.assessment import Assessment
from provenance.reports.contradictions.rows import ShownClaim


@dataclass(frozen=True, slots=True)
class KeyFinding:
    """One sentence of the key findings. ``kind`` says what it tells: "positions" (the
    positions the checker found, who holds them and how many independent sources), "values"
    (the competing values and who holds them, when no positions were given), "timeline" (how a
    running count moved as it was reported), "outcome" (decided, best supported, disputed or
    undecided)."""

    kind: str
    topic: str  # the question it is about: "killed of Mirza Olang attack"
    text: str


@dataclass(frozen=True, slots=True)
class Decision:
    """What the analyst's reviews decided about a question: ``verdict`` "resolved" (with the
    claim it was resolved for) or "disputed"."""

    verdict: str
    note: str = ""
    claim: str = ""  # the claim a resolved conflict stands by
    value: str = ""  # that claim's value, in the report's words
    citation: str = ""  # that claim's source, by publisher and date

    @property
    def sentence(self) -> str:
        if self.verdict == Verdict.RESOLVED.value:
            cited = f", {self.citation}" if self.citation else ""
            return f"Resolved by the analyst in favour of claim {self.claim}: {self.value}{cited}."
        return "Disputed: the analyst keeps the competing accounts open."


@dataclass(frozen=True, slots=True)
class Held:
    """One position on a question: a value in words, who holds it (speakers, else the
    sources reporting it), how many independent sources, and when it was stated."""

    value: str
    holders: tuple[str, ...]
    independent: int
    claims: tuple[str, ...]
    when: str = ""
    denied: bool = False


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a running count's timeline: the figure current in a window of time."""

    when: str
    value: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Topic:
    """What the findings about one question are made from."""

    title: str
    claims: tuple[ShownClaim, ...]  # the claims of its conflicts, in the report's order
    assessment: Assessment | None
    decision: Decision | None
    positions: tuple[Held, ...] = ()
    timeline: tuple[Step, ...] = ()


Finder = Callable[[Topic], KeyFinding | None]


def outcome(decision: Decision | None, assessment: Assessment | None) -> str:
    """The assessment that follows the analyst's reviews: a decision first, else the
    weighing's verdict in a sentence."""
    if decision is not None:
        return decision.sentence
    if assessment is None:
        return "Not yet decided by the analyst."
    if assessment.best is not None:
        count = assessment.best.sources
        return (
            f"Best supported: {assessment.best.value} "
            f"({count} independent source{'s' if count != 1 else ''})."
        )
    return f"Undecided: {assessment.verdict.removeprefix('undecided: ')}."


def competing_values(topic: Topic) -> KeyFinding | None:
    """ "Perpetrator of Mirza Olang attack: Taliban + ISKP according to Afghan government
    (CACI Analyst, 13 November 2017) and reported by Globetrotter, 2023; denied by Taliban
    (CACI Analyst, 13 November 2017)." """
    if len(topic.positions) >= 2:
        return None  # the positions say it, with who holds each
    groups: dict[str, list[ShownClaim]] = {}
    denials: dict[str, list[ShownClaim]] = {}
    for row in topic.claims:
        shown = row.value + (f" ({row.reads_as})" if _adds(row) else "")
        into = denials if row.polarity == Polarity.DENIED.value else groups
        into.setdefault(shown, []).append(row)
    if not groups and not denials:
        return None
    parts = [f"{value} {_holders(rows)}" for value, rows in groups.items()]
    for value, rows in denials.items():
        who = _and([_speakers_of(r) for r in rows])
        parts.append(f"denied by {who}" if value in groups else f"{value} denied by {who}")
    return KeyFinding("values", topic.title, f"{_capital(topic.title)}: {'; '.join(parts)}.")


def positions_held(topic: Topic) -> KeyFinding | None:
    """ "Killed of Kabul attack: 3 positions. 80 (Ministry of Interior; 2 independent
    sources, 31 May 2017); 90 (health ministry; 1 source, 31 May 2017); ..." """
    if len(topic.positions) < 2:
        return None
    parts = []
    affirmed = {held.value for held in topic.positions if not held.denied}
    for held in topic.positions:
        count = f"{held.independent} independent source{'s' if held.independent != 1 else ''}"
        if held.denied:
            value = "" if held.value in affirmed else f"{held.value} "
            said = "; ".join(x for x in (count, held.when) if x)
            parts.append(f"{value}denied by {_and(list(held.holders))} ({said})")
            continue
        said = "; ".join(x for x in (_and(list(held.holders)), count, held.when) if x)
        parts.append(f"{held.value} ({said})")
    text = f"{_capital(topic.title)}: {len(topic.positions)} positions. {'; '.join(parts)}."
    return KeyFinding("positions", topic.title, text)


def running_count(topic: Topic) -> KeyFinding | None:
    """ "Killed of Kabul attack as reported over time: 40 (31 May 2017), then 80 (1 June
    2017), then 150 (6 June 2017); the latest figure supersedes the earlier ones." """
    if len(topic.timeline) < 2:
        return None
    steps = ", then ".join(f"{s.value} ({s.when})" if s.when else s.value for s in topic.timeline)
    text = (
        f"{_capital(topic.title)} as reported over time: {steps}; "
        "the latest figure supersedes the earlier ones."
    )
    return KeyFinding("timeline", topic.title, text)


def decided(topic: Topic) -> KeyFinding | None:
    if topic.decision is None and topic.assessment is None:
        return None
    return KeyFinding("outcome", topic.title, outcome(topic.decision, topic.assessment))


FINDERS: tuple[Finder, ...] = (positions_held, competing_values, running_count, decided)
"""Each builds one sentence about a topic, or None, in this order."""


def key_findings(topics: Sequence[Topic]) -> tuple[KeyFinding, ...]:
    return tuple(f for topic in topics for finder in FINDERS if (f := finder(topic)))


def _adds(row: ShownClaim) -> bool:
    """Whether the interval in words says more than the value's own words."""
    return bool(row.reads_as) and row.reads_as not in row.value


def _holders(rows: Sequence[ShownClaim]) -> str:
    """ "according to A and B (cite) and reported by C (cite)" """
    speaking = [_speakers_of(r) for r in rows if r.speakers]
    reporting = [r.citation or r.source for r in rows if not r.speakers]
    found = []
    if speaking:
        found.append(f"according to {_and(speaking)}")
    if reporting:
        found.append(f"reported by {_and(reporting)}")
    return " and ".join(found)


def _speakers_of(row: ShownClaim) -> str:
    cited = row.citation or row.source
    return f"{_and(list(row.speakers))} ({cited})" if row.speakers else cited


def _and(items: Sequence[str]) -> str:
    unique = list(dict.fromkeys(items))
    if len(unique) <= 1:
        return "".join(unique)
    return ", ".join(unique[:-1]) + " and " + unique[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
