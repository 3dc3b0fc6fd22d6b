"""Which value of a disputed question (a subject, property and scope) is best supported by
independent sources: the assessment a contradiction report shows under each value conflict.

The rule, as the report's footnote states it (RULE below):

- *claims weighed*: the claims of the subject, property and scope whose as_of overlaps the
  as_of of a claim in conflict (a claim without as_of holds whenever); a claim that another
  `supersedes`, and the earlier values of a revision (a speaker replacing its own value),
  are set aside;
- *candidates*: the affirmed claims grouped so that every value in a group agrees with
  every other (the same or nested entities, intervals overlapping within 1 %, dates
  overlapping at their precision, the same words), the strongest claim first;
- *weight* of a claim: its source's reliability (A 1.0, B 0.8, C 0.6, D 0.4, E 0.2,
  F 0.3, an unknown source as F) times its confidence (confidence.estimate: the
  probability, or the middle of its ICD 203 band; 0.5 when none is given);
- *independent sources*: sources that repeat a common origin (derived_from) are one family
  and one source of evidence: within a family only the best weight counts, families add up;
- *support* of a candidate: the sum over families of the best weight affirming it, minus
  the same sum over the denials of it (a denial of an organisation also denies its parts);
- *verdict*: the candidate with the most support is best supported when it leads the
  runner-up (or nothing, when it stands alone) by at least MARGIN; otherwise undecided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from provenance import agreement, confidence, graphs
from provenance.checks.numeric_conflict import NumericConflict
from provenance.model import (
    Claim,
    Entity,
    EntityValue,
    Polarity,
    Quantity,
    Reliability,
    Source,
    TimeSpan,
)

RELIABILITY_WEIGHTS: dict[Reliability, float] = {
    Reliability.A: 1.0,
    Reliability.B: 0.8,
    Reliability.C: 0.6,
    Reliability.D: 0.4,
    Reliability.E: 0.2,
    Reliability.F: 0.3,
}
NO_CONFIDENCE = 0.5
MARGIN = 0.15
TOLERANCE = float(NumericConflict.options["tolerance"].default)

RULE = (
    "For each subject, property and scope in a value conflict, "
    "the claims weighed are those whose as_of overlaps a claim in conflict (a claim without "
    "as_of always counts); a claim that another supersedes, and the earlier values of a "
    "speaker's revision, are set aside. Candidate values are the affirmed claims grouped so "
    "that every value in a group agrees with every other (the same or nested entities, "
    "intervals overlapping within 1%, dates overlapping at their precision, the same words). "
    "A claim weighs its source's reliability (A 1.0, B 0.8, C 0.6, D 0.4, E 0.2, F 0.3) "
    "times its confidence (the probability, or the middle of its ICD 203 band; 0.5 when none "
    "is given). Sources that repeat a common origin (derived_from) are one source of "
    "evidence: within such a family only the best weight counts, and families add up, so "
    "ten copies of one wire story count once and two independent reports count twice. A "
    "candidate's support is that sum over the claims affirming it minus the same sum over "
    "the claims denying it. The best-supported value must lead the runner-up (or nothing, "
    f"when it stands alone) by at least {MARGIN:g}, more than one reliability grade between "
    "two single reports at even confidence (0.1): one B report against one C report is "
    "undecided, two independent C reports (0.6) outweigh one B report (0.4). Otherwise the "
    "assessment is undecided. It weighs what the ledger records, not the truth: the "
    "analyst's confidence on each claim is where judgement enters."
)


class Evidence(Protocol):
    """What the assessment reads besides the claims (ReportData has it)."""

    @property
    def sources(self) -> Mapping[str, Source]: ...

    @property
    def entities(self) -> Mapping[str, Entity]: ...

    @property
    def origins(self) -> Mapping[str, frozenset[str]]: ...


@dataclass(frozen=True, slots=True)
class Question:
    """What is disputed: one property of one subject, for one scope ('' when none)."""

    subject: str
    property: str
    scope: str = ""


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value (agreeing values grouped) with what speaks for and against it."""

    value: str
    claims: tuple[str, ...]
    denials: tuple[str, ...]
    support_for: float
    against: float
    sources: int  # independent families affirming it

    @property
    def support(self) -> float:
        return round(self.support_for - self.against, 4)


@dataclass(frozen=True, slots=True)
class Assessment:
    question: Question
    candidates: tuple[Candidate, ...]  # most support first
    best: Candidate | None  # None: undecided
    weighed: tuple[str, ...]
    set_aside: tuple[str, ...]  # superseded or revised claims, not counted
    weights: Mapping[str, float]

    @property
    def verdict(self) -> str:
        if self.best is not None:
            count = self.best.sources
            plural = "s" if count != 1 else ""
            return (
                f"best supported: {self.best.value} (support {self.best.support:.2f} from "
                f"{count} independent source{plural})"
            )
        if not self.candidates:
            return "undecided: no value is affirmed"
        top = self.candidates[0]
        if len(self.candidates) == 1:
            return f"undecided: {top.value} has support {top.support:.2f}, less than {MARGIN:g}"
        second = self.candidates[1]
        return (
            f"undecided: {top.value} ({top.support:.2f}) and {second.value} "
            f"({second.support:.2f}) are less than {MARGIN:g} apart"
        )


def weight(claim: Claim, sources: Mapping[str, Source]) -> float:
    """Reliability of the claim's source times the analyst's confidence in the claim."""
    source = sources.get(claim.source)
    reliability = RELIABILITY_WEIGHTS[source.reliability if source else Reliability.F]
    estimate = confidence.estimate(claim.confidence) if claim.confidence else None
    return round(reliability * (NO_CONFIDENCE if estimate is None else estimate), 4)


def families(claims: Sequence[Claim], origins: Mapping[str, frozenset[str]]) -> dict[str, str]:
    """claim id -> its source family: sources whose origins meet, transitively, are one."""
    family = graphs.Partition[str]()
    for claim in claims:
        found = sorted(origins.get(claim.source) or {claim.source})
        for other in found[1:]:
            family.join(found[0], other)
    return {c.id: family.find(min(origins.get(c.source) or {c.source})) for c in claims}


@dataclass(frozen=True, slots=True)
class _Reading:
    """The evidence read the way the checker reads a ledger (agreement.Lookup)."""

    evidence: Evidence

    def related(self, a: str, b: str) -> bool:
        return agreement.nested(a, b, self.evidence.entities)

    def independent(self, source_a: str, source_b: str) -> bool:
        origins = self.evidence.origins
        mine, theirs = origins.get(source_a, {source_a}), origins.get(source_b, {source_b})
        return not (mine & theirs)

    def statement_time(self, claim: Claim) -> TimeSpan | None:
        return agreement.statement_time(claim, self.evidence.sources)

    def name(self, entity: str) -> str:
        found = self.evidence.entities.get(entity)
        return found.name if found else entity


def agree(a: Claim, b: Claim, evidence: Evidence) -> bool:
    """Whether two values can both be true, as the checker reads them (agreement), figures
    within the numeric-conflict rule's default tolerance."""
    return agreement.values_agree(_Reading(evidence), a, b, TOLERANCE) is True


def denies(denial: Claim, claim: Claim, evidence: Evidence) -> bool:
    """Whether a denial speaks against an affirmed value: for entities, every entity denied
    is one of the value's or contains one (denying the Taliban took part denies a joint
    Taliban-ISKP attack); for other values, the two values agree."""
    if isinstance(denial.value, EntityValue) and isinstance(claim.value, EntityValue):
        named, entities = claim.value.ids, evidence.entities
        return bool(denial.value.ids) and all(
            any(x == y or x in agreement.ancestors(y, entities) for y in named)
            for x in denial.value.ids
        )
    return agree(denial, claim, evidence)


def value_words(claim: Claim, entities: Mapping[str, Entity]) -> str:
    """The value as the report put it (entities by name, a quantity with its unit)."""
    value = claim.value
    if isinstance(value, EntityValue):
        names = [entities[e].name if e in entities else e for e in value.ids]
        return " + ".join(names) if names else "nobody"
    if isinstance(value, Quantity):
        return value.words + (f" {claim.unit}" if claim.unit else "")
    if isinstance(value, TimeSpan):
        return value.text
    return value.text


def assess(
    question: Question, claims: Sequence[Claim], set_aside: frozenset[str], records: Evidence
) -> Assessment:
    """Weigh the claims of one question (see the module's rule)."""
    counted = [c for c in claims if c.id not in set_aside]
    weights = {c.id: weight(c, records.sources) for c in claims}
    family = families(counted, records.origins)
    affirmed = [c for c in counted if c.polarity is Polarity.AFFIRMED]
    denials = [c for c in counted if c.polarity is Polarity.DENIED]
    groups = _group(sorted(affirmed, key=lambda c: (-weights[c.id], c.id)), records)
    candidates: list[Candidate] = []
    for members in groups:
        against = [d for d in denials if all(denies(d, m, records) for m in members)]
        words = dict.fromkeys(value_words(m, records.entities) for m in members)
        candidates.append(
            Candidate(
                value=" / ".join(words),
                claims=tuple(m.id for m in members),
                denials=tuple(d.id for d in against),
                support_for=_independent_sum(members, weights, family),
                against=_independent_sum(against, weights, family),
                sources=len({family[m.id] for m in members}),
            )
        )
    candidates.sort(key=lambda c: (-c.support, -c.sources, c.value))
    return Assessment(
        question,
        tuple(candidates),
        _best(candidates),
        tuple(c.id for c in counted),
        tuple(c.id for c in claims if c.id in set_aside),
        weights,
    )


def _group(ordered: Sequence[Claim], evidence: Evidence) -> list[list[Claim]]:
    """Each claim joins the first group whose every value it agrees with, else starts one."""
    groups: list[list[Claim]] = []
    for claim in ordered:
        for members in groups:
            if all(agree(claim, m, evidence) for m in members):
                members.append(claim)
                break
        else:
            groups.append([claim])
    return groups


def _independent_sum(
    claims: Sequence[Claim], weights: Mapping[str, float], family: Mapping[str, str]
) -> float:
    best: dict[str, float] = {}
    for claim in claims:
        key = family[claim.id]
        best[key] = max(best.get(key, 0.0), weights[claim.id])
    return round(sum(best.values()), 4)


def _best(ranked: Sequence[Candidate]) -> Candidate | None:
    if not ranked:
        return None
    runner_up = ranked[1].support if len(ranked) > 1 else 0.0
    lead = round(ranked[0].support - runner_up, 4)
    return ranked[0] if ranked[0].support > 0 and lead >= MARGIN else None
