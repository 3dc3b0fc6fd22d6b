"""The overconfidence rule: high confidence that rests on one weak source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from typing import ClassVar

from provenance import agreement, confidence
from provenance.checks.base import Finding, Option, Rule
from provenance.checks.context import Context
from provenance.errors import InvalidValue
from provenance.model import Claim, Severity, Source


class Overconfidence(Rule):
    """High confidence in a claim whose only support is a weak or unreliable source.

    A claim is found when its confidence, read as one probability (a probability as
    written, else the middle of its ICD 203 band or of the band its Admiralty credibility
    stands for), is at least `min_probability`, while its source is graded with one of the
    `weak_reliability` letters, and no independent source corroborates it. A corroboration
    is another claim about the same subject and property, of the same polarity and scope, at
    an overlapping time, whose value agrees, from a source that shares no origin with the
    claim's (`derived_from` followed through chains). Copies of the weak source do not
    count: a re-post of an unreliable story is still one unreliable story. Claims without a
    confidence, with a modest one, or with credibility 6 (cannot be judged) are never found.

    Why it matters:
        "Almost certain" on the word of a source graded E is a judgement the evidence does
        not carry. Reports built on the claim inherit a certainty nobody can defend, and a
        reader who trusts the confidence label never sees how thin the support is.

    Example:
        sources:
          - {id: channel-post, title: Telegram post, kind: social-media, reliability: E}
        claims:
          - id: new-leader
            subject: iskp
            property: leader
            value: [sanaullah-ghafari]
            source: channel-post
            confidence: almost certain

    Fix:
        Find an independent source that reports the same value and record its claim, or
        lower the confidence to what one weak source supports (likely at most). If the
        source was graded too harshly, correct its reliability. Review it: `not-a-conflict`
        when the confidence rests on evidence outside the ledger (say so in the note),
        `disputed` while the grading itself is in question, `resolved --in-favour-of CLAIM`
        once another claim stands in its place.
    """

    id = "overconfidence"
    default_severity = Severity.WARNING
    options: ClassVar[Mapping[str, Option]] = {
        "min_probability": Option(
            0.8, "confidence at or above this probability is high (0.8: very likely and up)"
        ),
        "weak_reliability": Option(
            "DEF",
            "source reliability grades that are weak (D not usually reliable, "
            "E unreliable, F cannot be judged)",
        ),
    }

    def check(self, context: Context) -> Iterator[Finding]:
        floor = self.setting("min_probability")
        grades = str(self.settings["weak_reliability"]).upper()
        candidates: dict[tuple[str, str], list[tuple[Claim, float]]] = defaultdict(list)
        for claim in context.confident_claims(floor, set(grades)):
            probability = confidence.readable_estimate(claim.confidence)
            source = context.sources.get(claim.source)
            if probability is None or probability < floor or source is None:
                continue
            if source.reliability.value in grades:
                candidates[(claim.subject, claim.property)].append((claim, probability))
        if not candidates:
            return
        uncorroborated = _uncorroborated(context, candidates)
        for found in candidates.values():
            for claim, probability in found:
                if claim.id in uncorroborated:
                    yield _finding(context, claim, probability, uncorroborated[claim.id])


def _uncorroborated(
    context: Context, candidates: dict[tuple[str, str], list[tuple[Claim, float]]]
) -> dict[str, list[str]]:
    """The uncorroborated candidates, each with the claims that agree with it only as copies
    of its own source (a candidate with an independent corroboration is left out)."""
    result: dict[str, list[str]] = {c.id: [] for found in candidates.values() for c, _ in found}
    properties = {prop for _, prop in candidates}
    for group in context.claim_groups(properties=properties):
        found = candidates.get((group[0].subject, group[0].property))
        for claim, _ in found or ():
            agreeing = [o for o in group if o.id != claim.id and _agrees(context, claim, o)]
            if any(context.independent(claim.source, o.source) for o in agreeing):
                del result[claim.id]
            else:
                result[claim.id] = sorted(o.id for o in agreeing)
    return result


def _agrees(context: Context, claim: Claim, other: Claim) -> bool:
    return (
        other.polarity is claim.polarity
        and agreement.scope_key(other) == agreement.scope_key(claim)
        and agreement.times_overlap(claim, other)
        and agreement.values_agree(context, claim, other) is True
    )


def _written(claim: Claim) -> str:
    if claim.confidence is None:
        return "none"
    try:
        return confidence.describe(claim.confidence)
    except (InvalidValue, KeyError):
        return "unreadable"


def _finding(context: Context, claim: Claim, probability: float, copies: Sequence[str]) -> Finding:
    source: Source = context.sources[claim.source]
    grade = f"{source.reliability.value} ({source.reliability.label})"
    support = f" (only claims from its own origin do: {', '.join(copies)})" if copies else ""
    return Finding(
        key=(claim.id,),
        message=f"{claim.id}: confidence {_written(claim)} rests on one source, {source.id} "
        f"graded {grade}: no independent source agrees that {claim.property} of "
        f"{claim.subject} is {agreement.words(context, claim)}{support}",
        subject=claim.subject,
        claims=(claim.id,),
        places=tuple(o for o in (claim.origin, source.origin) if o),
        details={
            "probability": probability,
            "source": source.id,
            "reliability": source.reliability.value,
            "copies": list(copies),
        },
    )
