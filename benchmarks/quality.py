"""Rule quality on a generated ledger (benchmarks/synth.py): per rule, recall (injected
conflicts found) and precision (reported conflicts that are injected ones), and the
look-alikes (differences that are not conflicts) that were flagged anyway.

    python -m benchmarks.quality out/                      # a ledger made by synth.py
    python -m benchmarks.quality --generate 100000 --seed 7  # generate it, then measure

``measure(folder)`` runs ``provenance.api.check`` in-process on ``folder/ledger`` (YAML, no
database, default settings, reviews none) and reads ``folder/ground_truth.json``.

Matching. A reported conflict (``Conflict``: ``rule``, ``claims``, ``details``) matches an
injected one when the rules are the same and
- dangling-reference: ``details["target"]`` is the unknown id injected, and the conflict's
  claims include the injected claim (when the injection is a claim);
- spelling-variant: the two spellings of ``details["names"]`` are, after typography is set
  aside (case, accents, hyphens, spaces, apostrophes, a leading title), the injected odd
  spelling and one of the entity's own spellings (or the odd one twice: one spelling, two
  entities), the odd one among them;
- date-conflict on a source's published date: the message names that source;
- every other rule: the conflict involves one of the claims the injection added or changed
  (its culprits). A conflict between an injected figure and several base figures is one
  injected conflict found, and every such reported conflict counts as correct.
An injected conflict is found when at least one reported conflict matches it; a reported
conflict is correct when it matches at least one injected conflict. Revision findings
(``Conflict.revision``) are not conflicts: they are counted apart, against the revisions the
generator made on purpose (look-alikes "revision" and "supersedes").

A look-alike is flagged when a reported conflict that matches no injection involves its
claims (spelling-variant: when both spellings of the conflict are among its names).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tabulate import tabulate

from benchmarks.synth_names import spelling_key
from provenance import api
from provenance.checker import Conflict
from provenance.checker.settings import Settings
from provenance.checks import RULES

Record = Mapping[str, object]


@dataclass
class Score:
    rule: str
    injected: int = 0
    found: int = 0
    reported: int = 0
    matched: int = 0
    lookalikes_flagged: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.injected if self.injected else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.reported if self.reported else 1.0


@dataclass
class Quality:
    """Everything measured: scores by rule, look-alikes by kind (made, flagged), revisions,
    and the examples behind every miss and false alarm."""

    scores: dict[str, Score]
    lookalikes: dict[str, list[int]] = field(default_factory=dict)
    revisions: dict[str, int] = field(default_factory=dict)
    missed: list[Record] = field(default_factory=list)
    false_positives: list[Conflict] = field(default_factory=list)
    flagged: list[tuple[Record, Conflict]] = field(default_factory=list)
    seconds: float = 0.0
    claims: int = 0


def _strings(record: Record, key: str) -> list[str]:
    found = record.get(key) or []
    assert isinstance(found, list)
    return [str(x) for x in found]


def _names(conflict: Conflict) -> set[str]:
    names = conflict.details.get("names") or []
    assert isinstance(names, list)
    return {spelling_key(str(n)) for n in names}


def matches(conflict: Conflict, injected: Record) -> bool:
    """Whether a reported conflict is this injected one (see the module's docstring)."""
    if conflict.rule != injected["rule"]:
        return False
    claims = set(_strings(injected, "claims"))
    if conflict.rule == "dangling-reference":
        target = conflict.details.get("target")
        return target in _strings(injected, "names") and (
            not claims or bool(claims & set(conflict.claims))
        )
    if conflict.rule == "spelling-variant":
        names = [spelling_key(n) for n in _strings(injected, "names")]
        found = _names(conflict)
        return bool(names) and names[0] in found and found <= set(names)
    if injected.get("field") == "published":
        return conflict.message.startswith(f"source {injected.get('source')}:")
    return bool(claims & set(conflict.claims))


def _flags(conflict: Conflict, lookalike: Record) -> bool:
    if conflict.rule == "spelling-variant":
        names = {spelling_key(n) for n in _strings(lookalike, "names")}
        return bool(names) and _names(conflict) <= names
    return bool(set(_strings(lookalike, "claims")) & set(conflict.claims))


def _index(records: Iterable[Record]) -> dict[str, list[Record]]:
    """Records by each claim they name, and by rule (for those that name no claim)."""
    found: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        for claim in _strings(record, "claims"):
            found["claim:" + claim].append(record)
        found["rule:" + str(record.get("rule", "lookalike"))].append(record)
    return found


def _candidates(conflict: Conflict, index: dict[str, list[Record]], rule: str) -> list[Record]:
    found = {id(r): r for c in conflict.claims for r in index.get("claim:" + c, [])}
    if not found or rule == "spelling-variant":
        found |= {id(r): r for r in index.get("rule:" + rule, [])}
    return list(found.values())


def evaluate(conflicts: Iterable[Conflict], truth: Mapping[str, object]) -> Quality:
    """Scores a check result against the generator's ground truth."""
    injected = truth["injected"]
    lookalikes = truth["lookalikes"]
    assert isinstance(injected, list) and isinstance(lookalikes, list)
    scores = {rule.id: Score(rule.id) for rule in RULES}
    quality = Quality(scores, claims=int(str(truth.get("claims", 0))))
    for record in injected:
        scores[str(record["rule"])].injected += 1
    by_injection, by_lookalike = _index(injected), _index(lookalikes)
    lookalikes_named = [r for r in lookalikes if r.get("names")]
    found: set[int] = set()
    revisions: list[Conflict] = []
    for conflict in conflicts:
        if conflict.revision:
            revisions.append(conflict)
            continue
        score = scores[conflict.rule]
        score.reported += 1
        hits = [
            r for r in _candidates(conflict, by_injection, conflict.rule) if matches(conflict, r)
        ]
        found |= {id(r) for r in hits}
        if hits:
            score.matched += 1
            continue
        quality.false_positives.append(conflict)
        if conflict.rule == "spelling-variant":
            near = lookalikes_named
        else:
            near = [r for c in conflict.claims for r in by_lookalike.get("claim:" + c, [])]
        unique = {id(r): r for r in near if _flags(conflict, r)}
        quality.flagged += [(look, conflict) for look in unique.values()]
    for record in injected:
        if id(record) in found:
            scores[str(record["rule"])].found += 1
        else:
            quality.missed.append(record)
    _lookalikes(quality, lookalikes, revisions)
    return quality


def _lookalikes(quality: Quality, lookalikes: list[Record], revisions: list[Conflict]) -> None:
    by_rule: dict[str, set[int]] = defaultdict(set)
    for look, conflict in quality.flagged:
        by_rule[conflict.rule].add(id(look))
    for rule, looks in by_rule.items():
        quality.scores[rule].lookalikes_flagged = len(looks)
    counted = {id(look) for look, _ in quality.flagged}
    for look in lookalikes:
        made = quality.lookalikes.setdefault(str(look["kind"]), [0, 0])
        made[0] += 1
        made[1] += id(look) in counted
    expected = [look for look in lookalikes if look.get("revision")]
    shown = [
        look
        for look in expected
        if any(set(_strings(look, "claims")) <= set(r.claims) for r in revisions)
    ]
    planned = {c for look in expected for c in _strings(look, "claims")}
    quality.revisions = {
        "found": len(revisions),
        "expected": len(expected),
        "expected found": len(shown),
        "unexpected": sum(not set(r.claims) & planned for r in revisions),
    }


def measure_quality(folder: Path, settings: Settings | None = None) -> Quality:
    """Checks ``folder/ledger`` and scores it against ``folder/ground_truth.json``."""
    truth = json.loads((folder / "ground_truth.json").read_text("utf-8"))
    started = time.perf_counter()
    result = api.check([folder / "ledger"], None, settings or Settings())
    quality = evaluate(result.conflicts, truth)
    quality.seconds = time.perf_counter() - started
    return quality


def measure(folder: Path, settings: Settings | None = None) -> dict[str, Score]:
    """Per rule: recall, precision and look-alikes flagged on a generated ledger."""
    return measure_quality(folder, settings).scores


def table(quality: Quality, fmt: str = "github") -> str:
    rows = [
        [
            s.rule,
            s.injected,
            s.found,
            f"{s.recall:.3f}",
            s.reported,
            s.matched,
            f"{s.precision:.3f}",
            s.lookalikes_flagged,
        ]
        for s in quality.scores.values()
    ]
    headers = [
        "rule",
        "injected",
        "found",
        "recall",
        "reported",
        "correct",
        "precision",
        "look-alikes flagged",
    ]
    return tabulate(rows, headers, tablefmt=fmt)


def lookalike_table(quality: Quality, fmt: str = "github") -> str:
    rows = [[kind, made, flagged] for kind, (made, flagged) in sorted(quality.lookalikes.items())]
    return tabulate(rows, ["look-alike", "made", "flagged"], tablefmt=fmt)


def _report(quality: Quality, show: int) -> None:
    print(table(quality))
    print()
    print(lookalike_table(quality))
    print(f"\nrevision findings: {quality.revisions}")
    print(f"{quality.claims} claims checked in {quality.seconds:.1f} s")
    for record in quality.missed[:show]:
        print("MISSED", json.dumps(record))
    for conflict in quality.false_positives[:show]:
        print("FALSE", conflict.rule, conflict.claims, conflict.message[:300])
    for look, conflict in quality.flagged[:show]:
        print("FLAGGED", look["kind"], conflict.rule, conflict.message[:300])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", help="made by benchmarks/synth.py")
    parser.add_argument("--generate", type=int, metavar="CLAIMS", help="generate first")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rate", type=float, default=0.005)
    parser.add_argument("--lookalikes", type=float, default=0.003)
    parser.add_argument("--show", type=int, default=5, help="examples of misses and alarms")
    args = parser.parse_args()
    folder = args.folder
    if args.generate:
        from benchmarks.synth import generate

        folder = folder or Path(__file__).parent / ".data" / f"synth-{args.generate}-{args.seed}"
        started = time.perf_counter()
        generate(
            args.generate,
            folder,
            seed=args.seed,
            rate=args.rate,
            lookalikes=args.lookalikes,
        )
        print(f"generated {folder} in {time.perf_counter() - started:.1f} s")
    if folder is None:
        parser.error("give a folder, or --generate CLAIMS")
    _report(measure_quality(folder), args.show)


if __name__ == "__main__":
    main()
