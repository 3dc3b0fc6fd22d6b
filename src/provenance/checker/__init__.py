"""Runs the rules and turns what they find into conflicts: a stable id from each finding's
content, the configured severity, and the analyst's reviews applied (the latest wins)."""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from provenance.checker import lanes
from provenance.checks import RULES, by_id
from provenance.checks.base import Finding, GroupRule, Rule
from provenance.checks.context import Context
from provenance.model import Origin, Review, Severity, Verdict

ID_DIGITS = 12


def conflict_id(rule: str, key: Sequence[str]) -> str:
    """``rule:digest`` of what the conflict is about; the same conflict gets the same id on
    every run, whatever else changes in the ledger."""
    digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:ID_DIGITS]
    return f"{rule}:{digest}"


def canonical_id(conflict: str) -> str:
    """A conflict id with a former rule id replaced by the current one."""
    rule, _, digest = conflict.partition(":")
    found = by_id(rule)
    return f"{found.id}:{digest}" if found else conflict


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    rule: str
    severity: Severity
    message: str
    subject: str | None = None
    claims: tuple[str, ...] = ()
    places: tuple[Origin, ...] = ()
    revision: bool = False
    details: Mapping[str, object] = field(default_factory=dict)
    reviews: tuple[Review, ...] = ()  # oldest first

    @property
    def review(self) -> Review | None:
        return self.reviews[-1] if self.reviews else None

    @property
    def status(self) -> str:
        return self.reviews[-1].verdict.value if self.reviews else "open"

    @property
    def decided(self) -> bool:
        return bool(self.reviews)

    @property
    def kept_visible(self) -> bool:
        """A disputed conflict stays in reports after its review."""
        return self.review is not None and self.review.verdict is Verdict.DISPUTED


@dataclass(frozen=True, slots=True)
class CheckResult:
    conflicts: tuple[Conflict, ...]
    stale_reviews: tuple[Review, ...] = ()
    rules: tuple[str, ...] = ()
    timings: Mapping[str, float] = field(default_factory=dict)  # seconds per rule

    def shown(self, include_reviewed: bool) -> list[Conflict]:
        return [c for c in self.conflicts if include_reviewed or not c.decided]

    def failing(self, fail_on: Severity, include_reviewed: bool = False) -> list[Conflict]:
        """Conflicts that make `check` exit 1: at or above ``fail_on``, and unreviewed
        (or all, when reviews are ignored)."""
        return [
            c
            for c in self.shown(include_reviewed)
            if c.severity.rank >= fail_on.rank and not c.revision
        ]


def run(
    context: Context,
    rules: Sequence[Rule],
    severities: Mapping[str, Severity],
    reviews: Iterable[Review],
    *,
    jobs: int | None = None,
) -> CheckResult:
    """Every finding of every rule, stamped and reviewed, in file order. On a large ledger
    in a shared database some rules run in a second process meanwhile (checker/lanes.py;
    ``jobs=1`` keeps everything in this one, ``jobs=2`` asks for two at any size)."""
    found: dict[str, Conflict] = {}
    timings: dict[str, float] = {}

    def keep(rule: Rule, findings: Iterable[Finding]) -> None:
        severity = severities.get(rule.id, rule.default_severity)
        for finding in findings:
            conflict = _stamp(rule.id, severity, finding)
            found.setdefault(conflict.id, conflict)

    elsewhere = lanes.aside(context, rules, jobs)
    lane = None
    if elsewhere:
        url = context.shareable_url()
        assert url is not None  # aside() chose rules only for a shared database
        lane = lanes.start(url, context.roots, elsewhere)
    here = [rule for rule in rules if rule not in elsewhere]
    grouped = [rule for rule in here if isinstance(rule, GroupRule)]
    for rule in here:
        if isinstance(rule, GroupRule) and len(grouped) > 1:
            if rule is grouped[0]:
                _shared_pass(context, grouped, keep, timings)
            continue
        started = time.perf_counter()
        keep(rule, rule.check(context))
        timings[rule.id] = time.perf_counter() - started
    if lane is not None:
        sent = {rule.id: rule for rule in elsewhere}
        for rule_id, findings, seconds in lane.results():
            keep(sent[rule_id], findings)
            timings[rule_id] = seconds
    history = _history(reviews)
    reviewed = [_with_reviews(c, history.get(c.id, ())) for c in found.values()]
    ran = {rule.id for rule in rules}
    stale = [
        review
        for cid, items in sorted(history.items())
        if cid not in found and cid.partition(":")[0] in ran
        for review in items
    ]
    return CheckResult(
        tuple(sorted(reviewed, key=_order)), tuple(stale), tuple(r.id for r in rules), timings
    )


READING_GROUPS = "(reading claim groups)"
"""The timings entry for reading the claim groups that the group rules share."""


def _shared_pass(
    context: Context,
    rules: Sequence[GroupRule],
    keep: Callable[[Rule, Iterable[Finding]], None],
    timings: dict[str, float],
) -> None:
    """The group rules in one pass over the claim groups: each group is read once and each
    rule given its part of it. Each rule's time is its own; reading is timed apart."""
    wanted = rules[0].groups
    for rule in rules[1:]:
        wanted = wanted.union(rule.groups)
    spent = dict.fromkeys((rule.id for rule in rules), 0.0)

    def timed(rule: GroupRule, findings: Iterable[Finding]) -> None:
        started = time.perf_counter()
        keep(rule, findings)  # a rule's findings are worked out as they are taken
        spent[rule.id] += time.perf_counter() - started

    started = time.perf_counter()
    for rule in rules:
        before = time.perf_counter()
        rule.begin(context)
        spent[rule.id] += time.perf_counter() - before
    groups = context.claim_groups(
        kinds=wanted.kinds,
        properties=wanted.properties,
        affirmed=wanted.affirmed,
        with_denial=wanted.with_denial,
    )
    for group in groups:
        for rule in rules:
            part = rule.groups.take(group)
            if part is not None:
                timed(rule, rule.group(context, part))
    for rule in rules:
        timed(rule, rule.end(context))
    timings.update(spent)
    timings[READING_GROUPS] = time.perf_counter() - started - sum(spent.values())


def _stamp(rule: str, severity: Severity, finding: Finding) -> Conflict:
    return Conflict(
        id=conflict_id(rule, finding.key),
        rule=rule,
        severity=Severity.INFO
        if finding.revision or finding.minor
        else _lowered(severity, finding.severity),
        message=finding.message,
        subject=finding.subject,
        claims=finding.claims,
        places=finding.places,
        revision=finding.revision,
        details=finding.details,
    )


def _lowered(severity: Severity, cap: Severity | None) -> Severity:
    """The configured severity, lowered to the finding's own when it asks for less."""
    return cap if cap is not None and cap.rank < severity.rank else severity


def _history(reviews: Iterable[Review]) -> dict[str, tuple[Review, ...]]:
    grouped: dict[str, list[Review]] = defaultdict(list)
    for review in reviews:
        grouped[canonical_id(review.conflict)].append(review)
    return {cid: tuple(sorted(items, key=lambda r: r.at)) for cid, items in grouped.items()}


def _with_reviews(conflict: Conflict, reviews: tuple[Review, ...]) -> Conflict:
    if not reviews:
        return conflict
    return Conflict(
        conflict.id,
        conflict.rule,
        conflict.severity,
        conflict.message,
        conflict.subject,
        conflict.claims,
        conflict.places,
        conflict.revision,
        conflict.details,
        reviews,
    )


def _order(conflict: Conflict) -> tuple[str, int, str, str]:
    first = conflict.places[0] if conflict.places else Origin("", 0)
    return (first.file, first.line, conflict.rule, conflict.id)


__all__ = ["RULES", "CheckResult", "Conflict", "conflict_id", "run"]
