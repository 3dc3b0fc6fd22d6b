"""The ledger's own vocabulary taken as a whole: every scope a declared scope is `within`,
and every property a declared property is `within` or the `sum_of`, must be known (shipped,
declared in any file, or stored), and neither relation may go round in a circle. Each
problem is placed at the line of the field (or list item) that names the target."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from provenance.errors import Problem
from provenance.graphs import find_cycles
from provenance.ledger.fields import did_you_mean
from provenance.ledger.schema import Parsed
from provenance.model import PropertySpec, Scope
from provenance.properties import PROPERTIES
from provenance.scopes import DEFAULTS

Known = Callable[[], Collection[str]]
"""Ids stored in the database, asked for only when a name is not found otherwise."""


def scope_problems(scopes: Sequence[Parsed[Scope]], stored: Known, places: Known) -> list[Problem]:
    """A declared scope `within` a scope that is neither shipped, declared nor stored (nor a
    place entity, whose parts it may count), and circles of `within`."""
    known = {s.id for s in DEFAULTS} | {p.record.id for p in scopes}
    problems = []
    for item in scopes:
        within = item.record.within
        if within is None or within in known or within in stored() or within in places():
            continue
        close = did_you_mean(within, known)
        problems.append(
            _at(
                item,
                "within",
                f"within: '{within}' is not a known scope",
                f"{close + ' Or d' if close else 'd'}eclare it under scopes:",
            )
        )
    graph = {s.id: (s.within,) for s in DEFAULTS if s.within is not None}
    graph |= {p.record.id: (p.record.within,) for p in scopes if p.record.within is not None}
    return problems + _circles(graph, {p.record.id: p for p in scopes}, "within", "scopes")


def property_problems(properties: Sequence[Parsed[PropertySpec]], stored: Known) -> list[Problem]:
    """A declared property `within` or the `sum_of` a property neither shipped, declared nor
    stored, and circles of either relation."""
    known = set(PROPERTIES) | {p.record.id for p in properties}
    by_id = {p.record.id: p for p in properties}
    problems = []
    for key in ("within", "sum_of"):
        for item in properties:
            for n, name in enumerate(getattr(item.record, key)):
                if name in known or name in stored():
                    continue
                close = did_you_mean(name, known)
                problems.append(
                    _at(
                        item,
                        f"{key}.{n}",
                        f"{key}: '{name}' is not a known property",
                        f"{close + ' Or d' if close else 'd'}eclare it under properties:",
                        key,
                    )
                )
        graph = {s.id: getattr(s, key) for s in _specs(properties) if getattr(s, key)}
        problems += _circles(graph, by_id, key, "properties")
    return problems


def _specs(properties: Iterable[Parsed[PropertySpec]]) -> list[PropertySpec]:
    """The shipped properties, each replaced by its declaration if the ledger has one."""
    declared = {p.record.id: p.record for p in properties}
    return [*(declared.get(s.id, s) for s in PROPERTIES.values()), *declared.values()]


def _circles(
    graph: Mapping[str, tuple[str | None, ...]],
    declared: dict[str, Parsed[Scope]] | dict[str, Parsed[PropertySpec]],
    key: str,
    section: str,
) -> list[Problem]:
    links = {k: tuple(v for v in vs if v is not None) for k, vs in graph.items()}
    problems = []
    for tangle in find_cycles(links):
        at = next((declared[i] for i in tangle.circle if i in declared), None)
        if at is None:  # a circle among shipped records alone: not the ledger's doing
            continue
        circle = " -> ".join((*tangle.circle, tangle.circle[0]))
        problems.append(
            _at(
                at,
                key,
                f"{key} goes round in a circle: {circle}",
                f"a part cannot contain its whole: remove one {key} link in {section}:",
            )
        )
    return problems


def _at(item: Parsed[Scope] | Parsed[PropertySpec], key: str, message: str, hint: str,
        fallback: str | None = None) -> Problem:  # fmt: skip
    origin = item.record.origin
    line = item.lines.get(key) or item.line(fallback or key)
    return Problem(origin.file if origin else "command line", line, message, hint)
