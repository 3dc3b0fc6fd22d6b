"""Measure provenance.names.compare on the names dev set: both tiers, by kind and by source,
the hand-labelled sample, and the misses with their reasons.

``python -m benchmarks.names_dev.measure`` prints the figures; ``--write`` also rewrites the
"Name variants on the dev set" section of benchmarks/RESULTS.md (between its markers, keeping
the hand-written notes block). Figures are given for the *hold* part (which neither the
weights nor the thresholds saw: both are chosen on the *fit* part) and for all of dev.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from tabulate import tabulate

from benchmarks.names_dev.devset import ROOT, DevPair, load
from provenance.name_tiers import REVIEW, WARNING
from provenance.names import NameMatch, compare

RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START, END = "<!-- names-dev:start -->", "<!-- names-dev:end -->"
NOTES_START, NOTES_END = "<!-- names-dev:notes:start -->", "<!-- names-dev:notes:end -->"
TARGETS = {
    "warning precision": 0.98,
    "warning hard negatives": 0.01,
    "warning recall, spelling variants": 0.85,
    "review recall, spelling variants": 0.95,
    "review hard negatives": 0.05,
    "recall at precision 0.95": 0.60,
}


@dataclass(frozen=True)
class Scored:
    pair: DevPair
    match: NameMatch

    @property
    def warning(self) -> bool:
        return self.match.tier == WARNING

    @property
    def either(self) -> bool:
        return self.match.tier in (WARNING, REVIEW)


def score(pairs: Iterable[DevPair]) -> list[Scored]:
    return [Scored(p, compare(p.name_a, p.name_b, p.kind, p.kind)) for p in pairs]


def _share(items: Sequence[Scored], hit: Callable[[Scored], bool]) -> float:
    return sum(map(hit, items)) / len(items) if items else 0.0


def figures(rows: Sequence[Scored], hit: Callable[[Scored], bool]) -> dict[str, float]:
    chosen = [r for r in rows if hit(r)]
    tp = sum(r.pair.label for r in chosen)
    positives = [r for r in rows if r.pair.label]
    hard = [r for r in rows if r.pair.pair_type == "neg_hard"]
    return {
        "P": tp / len(chosen) if chosen else 0.0,
        "R": tp / len(positives) if positives else 0.0,
        "hard": _share(hard, hit),
        **{
            f"R {label}": _share([r for r in rows if r.pair.hand == label], hit)
            for label in ("spelling", "partial", "alias")
        },
        "n": float(len(rows)),
    }


def recall_at_precision(rows: Sequence[Scored], target: float = 0.95) -> tuple[float, float]:
    """Most recall with precision >= target, ranking by score; and the score there."""
    ranked = sorted(rows, key=lambda r: -r.match.score)
    positives = sum(r.pair.label for r in rows) or 1
    tp = fp = 0
    best, at = 0.0, 100.0
    for r in ranked:
        tp, fp = tp + r.pair.label, fp + (not r.pair.label)
        if tp / (tp + fp) >= target and tp / positives > best:
            best, at = tp / positives, r.match.score
    return best, at


def tier_table(parts: dict[str, list[Scored]]) -> list[list[object]]:
    table: list[list[object]] = []
    for name, rows in parts.items():
        for tier, hit in (("warning", Scored.warning.fget), ("warning+review", Scored.either.fget)):
            f = figures(rows, hit)  # type: ignore[arg-type]
            table.append(
                [
                    name,
                    tier,
                    *(f"{f[k]:.3f}" for k in ("P", "R", "hard")),
                    *(f"{f[k]:.3f}" for k in ("R spelling", "R partial", "R alias")),
                ]
            )
    return table


def breakdown(rows: Sequence[Scored], key: Callable[[DevPair], str]) -> list[list[object]]:
    groups: dict[str, list[Scored]] = {}
    for r in rows:
        groups.setdefault(key(r.pair), []).append(r)
    table: list[list[object]] = []
    for name in sorted(groups):
        w = figures(groups[name], lambda r: r.warning)
        e = figures(groups[name], lambda r: r.either)
        table.append(
            [
                name,
                int(w["n"]),
                f"{w['P']:.3f}",
                f"{w['R']:.3f}",
                f"{w['hard']:.3f}",
                f"{e['P']:.3f}",
                f"{e['R']:.3f}",
                f"{e['hard']:.3f}",
            ]
        )
    return table


def misses(rows: Sequence[Scored], limit: int) -> list[list[object]]:
    """Hand-labelled spelling variants outside the warning tier, the closest calls first, and
    hard negatives inside a tier, the most confident first."""
    missed = sorted(
        (r for r in rows if r.pair.hand == "spelling" and not r.warning),
        key=lambda r: -r.match.score,
    )
    merged = sorted(
        (r for r in rows if r.pair.pair_type == "neg_hard" and r.either),
        key=lambda r: -r.match.score,
    )
    picked = [*missed[: limit // 2], *merged[: limit - min(len(missed), limit // 2)]]
    return [
        [
            "missed spelling" if r.pair.label else "merged hard negative",
            r.pair.name_a,
            r.pair.name_b,
            r.match.tier or "-",
            f"{r.match.score:.0f}",
            _short(r.match),
        ]
        for r in picked
    ]


def _short(match: NameMatch) -> str:
    text = "; ".join(match.reasons[:2]) or match.reason
    return text if len(text) <= 110 else text[:107] + "..."


def target_rows(hold: Sequence[Scored]) -> list[list[object]]:
    w = figures(hold, lambda r: r.warning)
    e = figures(hold, lambda r: r.either)
    got = {
        "warning precision": w["P"],
        "warning hard negatives": w["hard"],
        "warning recall, spelling variants": w["R spelling"],
        "review recall, spelling variants": e["R spelling"],
        "review hard negatives": e["hard"],
        "recall at precision 0.95": recall_at_precision(hold)[0],
    }
    rows: list[list[object]] = []
    for name, target in TARGETS.items():
        at_most = "hard negatives" in name
        met = got[name] <= target if at_most else got[name] >= target
        rows.append(
            [
                name,
                f"{'<=' if at_most else '>='} {target}",
                f"{got[name]:.3f}",
                "met" if met else "missed",
            ]
        )
    return rows


def render(rows: Sequence[Scored]) -> str:
    hold = [r for r in rows if r.pair.part == "hold"]
    fit = [r for r in rows if r.pair.part == "fit"]
    parts = {"hold": hold, "fit": fit, "all dev": list(rows)}
    r95, at = recall_at_precision(hold)
    md = "github"
    lines = [
        "## Name variants on the dev set",
        "",
        "Generated by `python -m benchmarks.names_dev.measure --write`; the notes block is kept.",
        "",
        "**Targets** (hold part; weights fitted and thresholds chosen on the fit part, "
        "two standard errors inside each target):",
        "",
        tabulate(target_rows(hold), ["target", "wanted", "got", ""], tablefmt=md),
        "",
        f"Recall at precision >= 0.95 ranking by score (hold): {r95:.3f}, at score >= {at:.1f}.",
        "",
        "**Tiers** (P and R against the dev labels, *hard*: share of hard negatives merged, "
        "*R spelling/partial/alias*: recall on the hand-labelled sample):",
        "",
        tabulate(
            tier_table(parts),
            ["part", "tier", "P", "R", "hard", "R spelling", "R partial", "R alias"],
            tablefmt=md,
        ),
        "",
        "**By kind and by source** (hold; warning tier, then both tiers):",
        "",
        tabulate(
            breakdown(hold, lambda p: p.kind) + breakdown(hold, lambda p: p.source),
            ["group", "pairs", "P", "R", "hard", "P both", "R both", "hard both"],
            tablefmt=md,
        ),
        "",
        "**Misses** (hold; the closest missed spelling variants, the highest-scored merged hard "
        "negatives):",
        "",
        tabulate(
            misses(hold, 20), ["what", "name a", "name b", "tier", "score", "reasons"], tablefmt=md
        ),
        "",
    ]
    return "\n".join(lines)


def write(section: str) -> None:
    text = RESULTS.read_text("utf-8")
    notes = f"{NOTES_START}\n{NOTES_END}"
    if START in text:
        before, rest = text.split(START, 1)
        old, after = rest.split(END, 1)
        if NOTES_START in old:
            notes = NOTES_START + old.split(NOTES_START, 1)[1].split(NOTES_END, 1)[0] + NOTES_END
    else:
        before, after = text.rstrip("\n") + "\n\n", "\n"
    RESULTS.write_text(f"{before}{START}\n{section}\n{notes}\n{END}{after}", "utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--write", action="store_true", help="rewrite the RESULTS.md section")
    args = parser.parse_args(argv)
    section = render(score(load()))
    print(section)
    if args.write:
        write(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
