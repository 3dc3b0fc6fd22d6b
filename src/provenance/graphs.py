"""Graphs of ids: circles in links between records (derived_from, part_of, supersedes),
found per tangle of ids that reach one another in time that grows with the links, never with
the circles; and groups of items joined pair by pair (the one union-find: source families,
clusters of agreeing claims, revision sequences)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

K = TypeVar("K", str, int)


class Partition(Generic[K]):
    """Items joined into groups pair by pair, a group's representative being its smallest
    item (union-find, paths halved as they are walked). An item is in a group of its own
    until it is joined to another."""

    def __init__(self) -> None:
        self._parent: dict[K, K] = {}

    def find(self, item: K) -> K:
        """The representative of the item's group."""
        parent = self._parent
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, a: K, b: K) -> None:
        """One group of the two items' groups."""
        first, second = self.find(a), self.find(b)
        if first != second:
            self._parent[max(first, second)] = min(first, second)

    def groups(self, items: Iterable[K] | None = None) -> list[list[K]]:
        """The groups of ``items`` (default: every item seen, in the order first seen), each
        in the order of ``items``, the groups in the order of their first item."""
        found: dict[K, list[K]] = {}
        for item in list(self._parent) if items is None else items:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())


@dataclass(frozen=True, slots=True)
class Tangle:
    """Ids whose links go round: one shortest circle through the smallest of them, and the
    other ids caught in the same tangle (a strongly connected group)."""

    circle: tuple[str, ...]
    others: tuple[str, ...] = ()


def find_cycles(graph: Mapping[str, tuple[str, ...]]) -> list[Tangle]:
    """One Tangle for each group of ids that reach one another (or an id linking to itself),
    in order of their smallest id. Work grows with the links, never with the number of
    possible circles."""
    tangles = []
    for group in _strongly_connected(graph):
        start = min(group)
        if len(group) == 1 and start not in graph.get(start, ()):
            continue
        circle = _shortest_circle(graph, start, group)
        tangles.append(Tangle(circle, tuple(sorted(group - set(circle)))))
    return sorted(tangles, key=lambda t: t.circle[0])


def _strongly_connected(graph: Mapping[str, tuple[str, ...]]) -> list[set[str]]:
    """Tarjan's algorithm, iteratively; links to ids outside the graph are ignored."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    groups.append(_pop_group(stack, on_stack, node))
            elif child not in graph:
                continue
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(graph[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return groups


def _pop_group(stack: list[str], on_stack: set[str], node: str) -> set[str]:
    group: set[str] = set()
    while True:
        member = stack.pop()
        on_stack.discard(member)
        group.add(member)
        if member == node:
            return group


def _shortest_circle(
    graph: Mapping[str, tuple[str, ...]], start: str, group: set[str]
) -> tuple[str, ...]:
    """A shortest way from ``start`` back to itself inside its group (breadth first)."""
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for child in sorted(graph.get(node, ())):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return tuple(reversed(path))
                if child in group and child not in came_from:
                    came_from[child] = node
                    following.append(child)
        frontier = following
    raise AssertionError(f"{start} is in a tangle but no circle returns to it")
