"""Injected figures that count a part, a sum or another thing than an event's toll.

scope-relation: a civilian toll above the whole toll given as of the same day, and a casualty
toll far above the killed and wounded given that day. not-comparable-figures: a toll "at the
provincial hospital" (a scope of its own the vocabulary does not relate) above the whole toll.
Each goes only to an event whose tolls are unscoped, so that the figure disagrees with no
other scope (and numeric-conflict, which compares like with like, has nothing to say); it is
given as of the event's day (Desk.claim), the window the base tolls share.
"""

from __future__ import annotations

import math

from benchmarks import synth_words as sw
from benchmarks.synth_inject import base_claims, fresh, record
from benchmarks.synth_ledger import Claim, q
from benchmarks.synth_plan import Kind, Record, Target

HOSPITAL = "at the provincial hospital"


def _wholes(t: Target, prop: str) -> list[Claim] | None:
    """The event's base figures for ``prop``, when every toll of the event is unscoped."""
    if any(c.scope is not None for c in base_claims(t, "killed")):
        return None
    return [c for c in base_claims(t, prop) if not c.denied and c.id in t.desk.spans]


def _highest(t: Target, claims: list[Claim]) -> float | None:
    """The lowest ceiling among ``claims`` (None when none of them has one)."""
    highs = [t.desk.spans[c.id].high for c in claims]
    finite = [h for h in highs if math.isfinite(h)]
    return min(finite) if finite else None


def _above(t: Target, prop: str, scope: str, kind: str) -> Record | None:
    wholes = _wholes(t, prop)
    ceiling = _highest(t, wholes) if wholes else None
    if ceiling is None:
        return None
    value = int(ceiling * 3) + 12
    made = t.desk.extra(fresh(t, "un"), prop, q(sw.number(value)), scope=scope)
    t.desk.spans[made.id] = sw.Span(value, value)
    return record([made], prop, figure=str(value), kind_of_scope=kind)


def part_above_whole(t: Target) -> Record | None:
    return _above(t, "killed", "civilians", "part")


def unrelated_scope(t: Target) -> Record | None:
    return _above(t, "killed", HOSPITAL, "own")


def casualties_above_sum(t: Target) -> Record | None:
    killed, wounded = _wholes(t, "killed"), _wholes(t, "wounded")
    if not killed or not wounded or base_claims(t, "casualties"):
        return None
    highs = [max(t.desk.spans[c.id].high for c in group) for group in (killed, wounded)]
    if not all(math.isfinite(h) for h in highs):
        return None
    value = int(sum(highs) * 3) + 12
    made = t.desk.extra(fresh(t, "radio"), "casualties", q(sw.number(value)))
    t.desk.spans[made.id] = sw.Span(value, value)
    return record([made], "casualties", figure=str(value))


KINDS = [
    Kind("scope-relation", "part-above-whole", "event", part_above_whole),
    Kind("scope-relation", "casualties-above-sum", "event", casualties_above_sum),
    Kind("not-comparable-figures", "unrelated-scope", "event", unrelated_scope),
]
