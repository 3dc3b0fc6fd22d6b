"""Fit the name score's weights and choose the tier thresholds; write name_weights.json.

``python -m benchmarks.names_dev.fit`` reads the dev pairs (benchmarks/names_dev/devset.py),
computes every pair's signals with the package's own code (names.rule_match, then
name_score.signals), and fits a logistic regression on the one-hot signal levels of the *fit*
part (Newton's method, L2 penalty 1.0 on the weights, none on the bias): the weight of a level
is its log-odds contribution, the first level of each signal being 0. The thresholds are then
chosen on the *fit* part too, so that the *hold* part, where every figure is reported, stays
unseen by both weights and thresholds; each target is kept two standard errors (MARGIN) inside,
the error a share estimated on the fit part's pairs has:

- warning: the lowest score at which the warning tier (rule matches plus confident scored pairs)
  keeps precision >= 0.98 and merges <= 1 % of hard negatives;
- review: the lowest score at which both tiers together merge <= 5 % of hard negatives.

The result is deterministic: the same dev file gives the same JSON.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from benchmarks.names_dev.devset import ROOT, DevPair, load
from provenance import name_tiers, names
from provenance.name_score import SIGNALS, Signals, signals
from provenance.name_tiers import GUARD_APART, confident, reviewable

WEIGHTS = ROOT / "src" / "provenance" / "data" / "name_weights.json"
L2 = 1.0
WARNING_PRECISION, WARNING_HARD, REVIEW_HARD = 0.98, 0.01, 0.05
MARGIN = 2.0
"""Standard errors kept between a target and the figure on the fit part."""
COLUMNS = [(s, lv) for s, levels in SIGNALS.items() for lv in levels[1:]]


def pair_signals(pair: DevPair) -> tuple[Signals | None, bool, int]:
    """A pair's signals (None outside Latin script), whether the rule matcher accepts it, and
    whether its look-alike guard refuses it (then the pair is never confident)."""
    rule, inputs = names.rule_match(pair.name_a, pair.name_b, pair.kind)
    matched = rule.verdict in (names.NameVerdict.SAME, names.NameVerdict.VARIANT)
    guard = names.guarded_by_rules(rule, pair.kind)
    if inputs is None:
        return None, matched, guard
    return signals(*inputs), matched, name_tiers.guard(*inputs[:2], pair.kind, guard)


def design(sigs: Sequence[Signals | None]) -> npt.NDArray[np.float64]:
    rows = np.zeros((len(sigs), len(COLUMNS) + 1))
    rows[:, 0] = 1.0
    index = {col: i + 1 for i, col in enumerate(COLUMNS)}
    for r, sig in enumerate(sigs):
        for s, lv in sig.levels.items() if sig else ():
            if (s, lv) in index:
                rows[r, index[(s, lv)]] = 1.0
    return rows


def logistic(x: npt.NDArray[np.float64], y: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    w = np.zeros(x.shape[1])
    penalty = L2 * np.diag(np.r_[0.0, np.ones(x.shape[1] - 1)])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def _rates(pairs: Sequence[DevPair], chosen: Sequence[bool]) -> tuple[float, int, float, int]:
    """Precision and how many pairs were chosen; the share of hard negatives chosen and how
    many hard negatives there are."""
    tp = sum(c and p.label for p, c in zip(pairs, chosen, strict=True))
    fp = sum(c and not p.label for p, c in zip(pairs, chosen, strict=True))
    hard = [c for p, c in zip(pairs, chosen, strict=True) if p.pair_type == "neg_hard"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    return precision, tp + fp, (sum(hard) / len(hard) if hard else 0.0), len(hard)


def _error(target: float, n: int) -> float:
    """MARGIN standard errors of a share near ``target`` estimated on n pairs: the distance
    kept from a target, so that a threshold chosen on the fit part keeps to it on another
    sample as large (the hold part, the test split)."""
    return MARGIN * math.sqrt(target * (1.0 - target) / n) if n else 0.0


def thresholds(
    pairs: Sequence[DevPair],
    computed: Sequence[tuple[Signals | None, bool, int]],
    score: Sequence[float],
) -> dict[str, float]:
    """The lowest warning and review thresholds (in steps of 0.5) that meet the targets on
    the given pairs, MARGIN standard errors inside them."""
    grid = [t / 2 for t in range(200, 0, -1)]
    warning = review = 100.0
    for t in grid:
        chosen = [
            r or (s is not None and sc >= t and confident(s, g))
            for (s, r, g), sc in zip(computed, score, strict=True)
        ]
        precision, n, hard, n_hard = _rates(pairs, chosen)
        if precision - _error(WARNING_PRECISION, n) < WARNING_PRECISION:
            break
        if hard + _error(WARNING_HARD, n_hard) > WARNING_HARD:
            break
        warning = t
    for t in grid:
        chosen = [
            r
            or (s is not None and sc >= warning and confident(s, g))
            or (s is not None and g < GUARD_APART and sc >= t and reviewable(s))
            for (s, r, g), sc in zip(computed, score, strict=True)
        ]
        _precision, _n, hard, n_hard = _rates(pairs, chosen)
        if hard + _error(REVIEW_HARD, n_hard) > REVIEW_HARD:
            break
        review = t
    return {"warning": warning, "review": review}


def main() -> int:
    pairs = load()
    computed = [pair_signals(p) for p in pairs]
    x = design([c[0] for c in computed])
    y = np.array([p.label for p in pairs], dtype=float)
    fit = np.array([p.part == "fit" for p in pairs])
    w = logistic(x[fit], y[fit])
    score = (100.0 / (1.0 + np.exp(-(x @ w)))).tolist()
    hold = [i for i, p in enumerate(pairs) if p.part == "hold"]
    part = [i for i, p in enumerate(pairs) if p.part == "fit"]
    chosen = thresholds(
        [pairs[i] for i in part], [computed[i] for i in part], [score[i] for i in part]
    )
    levels: dict[str, dict[str, float]] = {s: {lv: 0.0 for lv in lvs} for s, lvs in SIGNALS.items()}
    for (s, lv), value in zip(COLUMNS, w[1:].tolist(), strict=True):
        levels[s][lv] = round(value, 4)
    data = {
        "about": "provenance name score: logistic weights per signal level (log-odds), fitted by "
        "benchmarks/names_dev/fit.py on the fit part of the names dev set; thresholds (score "
        "0-100) chosen on the fit part too, two standard errors inside each target",
        "pairs": {"fit": int(fit.sum()), "hold": len(hold)},
        "bias": round(float(w[0]), 4),
        "levels": levels,
        "thresholds": chosen,
    }
    Path(WEIGHTS).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {WEIGHTS.relative_to(ROOT)}: thresholds {chosen}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
