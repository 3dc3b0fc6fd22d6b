"""Scores `provenance check` on a converted ledger against the data set's answer key
(expected.yaml), by its conventions:

- a *should-flag* item is found when one finding links a claim of ``claims_a`` with a claim of
  ``claims_b`` (an item whose two sides are one claim is found by any finding on it);
- a *should-not-flag* item is a false flag when a finding of medium or high severity links
  them; the severities map as error = high, warning = medium, info = low;
- a finding *links* two claims when they stand on different sides of it: in different
  positions when it lists positions (``details.positions[i].claims``: claims in one position
  agree), in different groups when it lists a ``timeline`` or ``windows`` (each a list of
  claim-id groups: a group is a side), else any two of its claims;
- a *spelling group* is matched when the spelling findings connect all its names (names
  written "X (Y)" are two spellings, both to be connected); a *look-alike pair* is merged
  when the confident spelling tier connects its two names;
- *findings per expected conflict*: for each expected conflict found, how many findings link
  its two sides (one disagreement should be one finding).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from benchmarks.realworld.sources import spellings
from provenance.checks._spellings import spelling_key

SEVERITY = {"error": "high", "warning": "medium", "info": "low"}
SPELLING_RULES = {"spelling-variant", "possible-variant"}
CONFIDENT_SPELLING = {"spelling-variant"}


@dataclass(frozen=True)
class Finding:
    id: str
    rule: str
    severity: str  # high, medium or low
    sides: tuple[frozenset[str], ...]
    names: tuple[str, ...] = ()

    @property
    def claims(self) -> frozenset[str]:
        return frozenset().union(*self.sides) if self.sides else frozenset()

    def links(self, a: Iterable[str], b: Iterable[str]) -> bool:
        a, b = set(a), set(b)
        if a == b and len(a) == 1:
            return bool(a & self.claims)
        for x, y in combinations(range(len(self.sides)), 2):
            one, other = self.sides[x], self.sides[y]
            if (one & a and other & b) or (one & b and other & a):
                return True
        return False


def findings(document: dict[str, Any], derived: Mapping[str, str] | None = None) -> list[Finding]:
    """The findings of a `check --format json` document, with their sides; a claim the
    conversion derived from another's note counts as that claim (``derived``)."""
    found = []
    origin = derived or {}
    for conflict in document["conflicts"]:
        details = conflict.get("details") or {}
        sides = _sides(details) or tuple(frozenset([c]) for c in _lower(conflict["claims"]))
        sides = tuple(frozenset(origin.get(c, c) for c in side) for side in sides)
        names = tuple(details.get("names") or ()) if conflict["rule"] in SPELLING_RULES else ()
        found.append(
            Finding(conflict["id"], conflict["rule"], SEVERITY[conflict["severity"]], sides, names)
        )
    return found


GROUPED = ("positions", "timeline", "windows")
"""Details that split a finding's claims into sides, in the order they are read."""


def _sides(details: dict[str, Any]) -> tuple[frozenset[str], ...]:
    """The sides a finding's details list: each position, or each group of a timeline or
    of windows (a group is a list of claim ids, a mapping with ``claims`` or ``claim``, or
    one id)."""
    for key in GROUPED:
        groups = details.get(key)
        if isinstance(groups, list) and groups:
            sides = tuple(frozenset(_lower(_group(g))) for g in groups)
            return tuple(s for s in sides if s)
    return ()


def _group(group: object) -> list[str]:
    if isinstance(group, str):
        return [group]
    if isinstance(group, dict):
        inner = group.get("claims", group.get("claim"))
        return _group(inner) if inner is not None else []
    if isinstance(group, list | tuple):
        return [c for item in group for c in _group(item)]
    return []


def _lower(ids: Iterable[str]) -> list[str]:
    return [i.casefold() for i in ids]


def check(folder: Path) -> dict[str, Any]:
    """Runs `provenance check FOLDER --format json` and returns its document."""
    run = subprocess.run(
        [sys.executable, "-m", "provenance", "check", str(folder), "--format", "json"],
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1):
        raise SystemExit(f"provenance check failed ({run.returncode}):\n{run.stderr}")
    document: dict[str, Any] = json.loads(run.stdout)
    return document


@dataclass
class Scores:
    should_flag: int = 0
    found: int = 0
    by_severity: dict[str, list[int]] = field(default_factory=dict)  # severity -> [found, all]
    missed: list[str] = field(default_factory=list)
    should_not_flag: int = 0
    false_flags: list[str] = field(default_factory=list)
    groups: int = 0
    groups_matched: int = 0
    groups_matched_confident: int = 0
    groups_missed: list[str] = field(default_factory=list)
    lookalikes: int = 0
    lookalikes_merged: list[str] = field(default_factory=list)
    per_conflict: list[int] = field(default_factory=list)
    findings: int = 0
    value_findings: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.should_flag if self.should_flag else 1.0

    def severity_recall(self, severity: str) -> float:
        found, total = self.by_severity.get(severity, [0, 0])
        return found / total if total else 1.0

    @property
    def false_flag_rate(self) -> float:
        return len(self.false_flags) / self.should_not_flag if self.should_not_flag else 0.0

    @property
    def group_rate(self) -> float:
        return self.groups_matched / self.groups if self.groups else 1.0

    @property
    def findings_per_conflict(self) -> float:
        return sum(self.per_conflict) / len(self.per_conflict) if self.per_conflict else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "should_flag_recall": round(self.recall, 3),
            "recall_high": round(self.severity_recall("high"), 3),
            "recall_medium": round(self.severity_recall("medium"), 3),
            "recall_low": round(self.severity_recall("low"), 3),
            "found": self.found,
            "should_flag": self.should_flag,
            "false_flags": len(self.false_flags),
            "should_not_flag": self.should_not_flag,
            "false_flag_rate": round(self.false_flag_rate, 3),
            "groups_matched": self.groups_matched,
            "groups_matched_confident": self.groups_matched_confident,
            "groups": self.groups,
            "lookalikes_merged": len(self.lookalikes_merged),
            "lookalikes": self.lookalikes,
            "findings_per_expected_conflict": round(self.findings_per_conflict, 2),
            "max_findings_per_expected_conflict": max(self.per_conflict, default=0),
            "findings": self.findings,
            "value_findings": self.value_findings,
            "missed": self.missed,
            "false_flag_items": self.false_flags,
            "groups_missed": self.groups_missed,
            "lookalike_items_merged": self.lookalikes_merged,
        }


def score(
    expected: dict[str, Any], found: Sequence[Finding], strict: Sequence[Finding] = ()
) -> Scores:
    """The scores of ``found`` against the answer key. False flags are counted on
    ``strict`` when given: the same findings with every derived claim read as the claim it
    comes from (findings(document, derived)), so that a figure taken from a note can never
    hide a false flag, while only the claims themselves earn recall."""
    scores = Scores(findings=len(found))
    values = [f for f in found if f.rule not in SPELLING_RULES]
    strict_values = [f for f in strict if f.rule not in SPELLING_RULES] or values
    scores.value_findings = len(values)
    for item in expected.get("should_flag", []):
        a, b = _lower(item["claims_a"]), _lower(item["claims_b"])
        linking = [f for f in values if f.links(a, b)]
        severity = item.get("severity", "medium")
        tally = scores.by_severity.setdefault(severity, [0, 0])
        tally[1] += 1
        scores.should_flag += 1
        if linking:
            scores.found += 1
            tally[0] += 1
            scores.per_conflict.append(len(linking))
        else:
            scores.missed.append(f"{item['id']} ({severity}): {item.get('note', '')}")
    for item in expected.get("should_not_flag", []):
        scores.should_not_flag += 1
        a, b = _lower(item["claims_a"]), _lower(item["claims_b"])
        flagged = [
            f for f in strict_values if f.severity in {"medium", "high"} and _links_any(f, a, b)
        ]
        if flagged:
            rules = ", ".join(sorted({f.rule for f in flagged}))
            scores.false_flags.append(f"{item['id']} ({rules}): {item.get('note', '')}")
    _score_names(expected, found, scores)
    return scores


def _links_any(finding: Finding, a: list[str], b: list[str]) -> bool:
    """For a should-not-flag item whose two sides are one group, any pair inside it."""
    if set(a) == set(b):
        return any(finding.links([x], [y]) for x, y in combinations(a, 2))
    return finding.links(a, b)


def _score_names(expected: dict[str, Any], found: Sequence[Finding], scores: Scores) -> None:
    every = _components([f for f in found if f.rule in SPELLING_RULES])
    confident = _components([f for f in found if f.rule in CONFIDENT_SPELLING])
    for group in expected.get("merge_names", []):
        names = [n for name in group["names"] for n in spellings(name)]
        scores.groups += 1
        if _connected(names, every):
            scores.groups_matched += 1
        else:
            scores.groups_missed.append(f"{group['id']}: {', '.join(group['names'])}")
        if _connected(names, confident):
            scores.groups_matched_confident += 1
    for pair in expected.get("distinct_names", []):
        scores.lookalikes += 1
        names = [n for name in pair["names"] for n in spellings(name)]
        if _connected(names, confident):
            scores.lookalikes_merged.append(f"{pair['id']}: {' / '.join(pair['names'])}")


def _components(found: Sequence[Finding]) -> dict[str, str]:
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for finding in found:
        names = [_key(n) for n in finding.names]
        for other in names[1:]:
            a, b = root(names[0]), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {name: root(name) for name in parent}


def _connected(names: Sequence[str], components: dict[str, str]) -> bool:
    roots = {components.get(_key(n), "\0" + _key(n)) for n in names}
    return len(roots) == 1


def _key(name: str) -> str:
    """A name as the checker reads it: two writings it takes for one spelling (case,
    hyphens, spacing, a title in front: 'Qari Sayed Khosti' and 'Sayed Khosti') are one."""
    return spelling_key(name) or " ".join(name.casefold().split())


def load_expected(path: Path) -> dict[str, Any]:
    expected: dict[str, Any] = yaml.safe_load(path.read_text("utf-8"))
    return expected


def by_rule(found: Sequence[Finding]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for finding in found:
        counts[finding.rule][finding.severity] += 1
    return {rule: dict(levels) for rule, levels in sorted(counts.items())}
