"""The circular-reporting rule: agreeing reports that all go back to one origin."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from provenance import agreement, confidence, graphs
from provenance.checks.base import Finding, GroupRule, Groups, Option
from provenance.checks.context import Context
from provenance.model import Claim, Polarity, Quantity, Severity
from provenance.quantities import interval_text


class CircularReporting(GroupRule):
    """Agreeing claims from several sources that all derive from one origin.

    A cluster is a set of affirmed claims about one subject and property whose values agree
    (entities equal or nested, intervals overlapping, dates overlapping at their precision,
    text with the same words), at overlapping times (a claim without as_of holds whenever),
    with the same scope, linked claim to claim. It is reported when it comes from two or
    more sources and every one of them derives from a common origin (derived_from, followed
    through chains): the apparent corroboration is one assertion. A cluster in which any
    two sources are independent is genuine corroboration, even if one of them has copies,
    and is not reported. Claims that disagree, and denials, are left to the other rules.

    A cluster whose sources are declared copies is already counted once wherever the tool
    counts sources, so by itself it is an info notice ("count these once"). It is a
    warning when a claim in it carries a confidence of `lean_on` or more: that judgement
    may rest on corroboration that is not there.

    Why it matters:
        "Confirmed by three outlets" weighs far more than "said once". When the three
        outlets re-post one wire story, the count is an illusion; an analyst who reads it as
        corroboration is overconfident, and a report that says "several sources" misleads.

    Example:
        sources:
          - {id: wire-a, title: Wire story, kind: wire, reliability: B}
          - {id: site-b, title: Repost, kind: news, reliability: C, derived_from: [wire-a]}
          - {id: site-c, title: Repost, kind: news, reliability: C, derived_from: [wire-a]}
        claims:
          - {id: wire-toll, subject: market-bombing, property: killed, value: 12, source: wire-a}
          - {id: b-toll, subject: market-bombing, property: killed, value: 12, source: site-b}
          - {id: c-toll, subject: market-bombing, property: killed, value: a dozen,
             source: site-c}

    Fix:
        Count the cluster as one source of evidence: cite the origin, and lower any
        confidence that rested on the apparent corroboration. If a source does not in fact
        repeat the other, correct its `derived_from`. Review it: `not-a-conflict` when the
        analyst never counted the copies as confirmation, `disputed` while it is unclear
        whether a source had its own reporting, `resolved --in-favour-of CLAIM` naming the
        origin's claim as the one that stands for the cluster.
    """

    id = "circular-reporting"
    default_severity = Severity.WARNING
    options: ClassVar[Mapping[str, Option]] = {
        "tolerance": Option(
            0.0, "relative tolerance for two figures to agree (0.02 widens each bound by 2%)"
        ),
        "lean_on": Option(
            0.55,
            "a confidence at or above this probability (0.55 is 'likely') in a claim of the "
            "cluster makes it a warning; below it, or with none stated, an info notice",
        ),
    }

    groups = Groups(affirmed=True)

    def group(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        lean_on = self.setting("lean_on")
        for cluster in _clusters(context, claims, max(0.0, self.setting("tolerance"))):
            finding = _circular(context, cluster)
            if finding is not None:
                leaning = any(
                    (confidence.readable_estimate(c.confidence) or 0.0) >= lean_on for c in cluster
                )
                yield finding if leaning else replace(finding, severity=Severity.INFO)


def _agree(context: Context, a: Claim, b: Claim, rel_tol: float) -> bool:
    return agreement.times_overlap(a, b) and agreement.values_agree(context, a, b, rel_tol) is True


def _clusters(context: Context, group: Sequence[Claim], rel_tol: float) -> list[list[Claim]]:
    """Affirmed claims linked by agreement, within one scope (connected groups of two or
    more, each sorted by id)."""
    by_scope: dict[str, list[Claim]] = defaultdict(list)
    for claim in group:
        if claim.polarity is Polarity.AFFIRMED:
            by_scope[agreement.scope_key(claim)].append(claim)
    clusters: list[list[Claim]] = []
    for claims in by_scope.values():
        linked = graphs.Partition[int]()
        for i, a in enumerate(claims):
            for j in range(i + 1, len(claims)):
                if linked.find(i) != linked.find(j) and _agree(context, a, claims[j], rel_tol):
                    linked.join(i, j)
        for members in linked.groups(range(len(claims))):
            if len(members) > 1:
                clusters.append(sorted((claims[i] for i in members), key=lambda x: x.id))
    return clusters


def _circular(context: Context, cluster: list[Claim]) -> Finding | None:
    sources = {c.source for c in cluster}
    if len(sources) < 2:
        return None  # one source saying a thing twice is not corroboration
    common = frozenset.intersection(*(context.origins(s) for s in sources))
    if not common:
        return None  # at least two sources that do not share an origin: real corroboration
    ordered = sorted(cluster, key=lambda c: (c.source not in common, c.source, c.id))
    first = ordered[0]
    named = list(dict.fromkeys(c.source for c in ordered))  # the origin's first
    origin = " and ".join(sorted(common))
    values = ", ".join(agreement.words(context, c) for c in ordered)
    scope = f" ({first.scope})" if first.scope else ""
    return Finding(
        key=tuple(c.id for c in cluster),
        message=f"{first.property}{scope} of {first.subject}: {len(ordered)} reports "
        f"({values}) from {', '.join(named)} all repeat {origin}: "
        f"one assertion, not {len(sources)} confirmations",
        subject=first.subject,
        claims=tuple(c.id for c in ordered),
        places=tuple(c.origin for c in ordered if c.origin),
        details={
            "origin": sorted(common),
            "sources": named,
            "values": {c.id: agreement.words(context, c) for c in ordered},
            "intervals": {
                c.id: interval_text(c.value) for c in ordered if isinstance(c.value, Quantity)
            },
            "as_of": {c.id: c.as_of.text if c.as_of else None for c in ordered},
        },
    )
