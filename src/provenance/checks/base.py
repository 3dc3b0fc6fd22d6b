"""What every rule shares: severities, options, the findings a rule yields, and the Rule base
class. A rule knows only how to find; the checker stamps ids, severities and reviews."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from provenance.model import Claim, Origin, Polarity, Severity, value_kind

if TYPE_CHECKING:
    from provenance.checks.context import Context


@dataclass(frozen=True, slots=True)
class Option:
    """A setting of one rule: its default (which fixes its type) and what it means."""

    default: float | int | str | bool
    help: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One conflict as a rule sees it.

    ``key`` is what makes it this conflict and no other (the claim ids involved, or the two
    spellings): the stable conflict id is derived from it, so it must not include anything
    that changes with unrelated edits. ``places`` lists where the records involved are
    written, the most telling first. A ``revision`` is a sequence of values from one speaker
    (or a claim and the one it supersedes): shown, never failing. ``severity`` lowers the
    finding below the rule's configured severity (a gap within rounding is info), never
    raises it; a ``minor`` finding is reported as info.
    """

    key: tuple[str, ...]
    message: str
    subject: str | None = None
    claims: tuple[str, ...] = ()
    places: tuple[Origin, ...] = ()
    revision: bool = False
    details: Mapping[str, object] = field(default_factory=dict)
    severity: Severity | None = None
    minor: bool = False
    """A difference the rule knows to be small (minutes apart in a time): reported as info."""


class Rule:
    """Base class. A subclass sets ``id`` (stable kebab-case), ``default_severity`` and
    optionally ``aliases`` (former ids), ``options`` and the traits below; its docstring is
    its documentation: a one-line summary, then *Why it matters*, *Example* and *Fix*
    sections. What the rest of the program needs to know about a rule is a trait declared
    here, never a list of rule ids kept elsewhere."""

    id: ClassVar[str]
    default_severity: ClassVar[Severity]
    aliases: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[Mapping[str, Option]] = {}

    aside: ClassVar[bool] = False
    """Runs in the second process when a large shared database is checked on two cores
    (checker/lanes.py): a long rule that reads apart from the claim groups. The two name
    rules are (they share their verdicts on pairs of spellings, so they go together): at 100k
    generated claims they cost about as much as every other rule together (27 s against
    17 s, benchmarks/RESULTS.md), so the lighter rules that read apart (quote-not-found,
    dangling-reference) stay in the first process."""
    about_names: ClassVar[bool] = False
    """Its conflicts are between names: reviewed as same-entity or distinct (reviews.py)."""
    weighs_values: ClassVar[bool] = False
    """Its conflicts are between values, which the contradiction report weighs in an
    assessment (a spelling, a missing quote or an overconfident claim has none)."""
    housekeeping: ClassVar[bool] = False
    """Its conflicts are about the ledger's upkeep (a spelling, a reference, a quote), not a
    disagreement between sources: a contradiction report puts them in its appendix."""
    load_problems: ClassVar[frozenset[str]] = frozenset()
    """Codes of the problems that loading ledger files finds (errors.Problem.code) and this
    rule reports instead: `import` refuses such a ledger, `check` goes on and reports them."""

    def __init__(self, settings: Mapping[str, object] | None = None) -> None:
        given = dict(settings or {})
        self.settings = {name: given.get(name, opt.default) for name, opt in self.options.items()}

    def setting(self, name: str) -> float:
        value = self.settings[name]
        assert isinstance(value, int | float) and not isinstance(value, bool)
        return float(value)

    def check(self, context: Context) -> Iterator[Finding]:
        raise NotImplementedError

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def summary(cls) -> str:
        return cls.documentation().split("\n", 1)[0]


@dataclass(frozen=True, slots=True)
class Groups:
    """Which claims a group rule reads: groups of claims sharing a subject and property,
    counting only claims of these value ``kinds`` and ``properties`` (None: any), only
    ``affirmed`` claims if asked, and only groups ``with_denial`` if asked. Groups of one
    are never read."""

    kinds: frozenset[str] | None = None
    properties: frozenset[str] | None = None
    affirmed: bool = False
    with_denial: bool = False

    def union(self, other: Groups) -> Groups:
        """What both read: read once, each takes its own from it."""

        def either(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
            return None if a is None or b is None else a | b

        return Groups(
            either(self.kinds, other.kinds),
            either(self.properties, other.properties),
            self.affirmed and other.affirmed,
            self.with_denial and other.with_denial,
        )

    def take(self, group: Sequence[Claim]) -> list[Claim] | None:
        """This rule's part of a group read for several, or None when it has none."""
        claims = [
            c
            for c in group
            if (self.kinds is None or value_kind(c.value).value in self.kinds)
            and (self.properties is None or c.property in self.properties)
            and (not self.affirmed or c.polarity is Polarity.AFFIRMED)
        ]
        if len(claims) < 2:
            return None
        if self.with_denial and not any(c.polarity is Polarity.DENIED for c in claims):
            return None
        return claims


class GroupRule(Rule):
    """A rule that looks at one group of claims at a time (see Groups). The checker reads
    the groups once for every group rule that runs and hands each rule its part: ``begin``,
    then ``group`` for each group, then ``end``. A rule keeps what it needs between them."""

    groups: ClassVar[Groups] = Groups()

    def begin(self, context: Context) -> None:
        """Before the first group."""

    def group(self, context: Context, claims: list[Claim]) -> Iterator[Finding]:
        raise NotImplementedError

    def end(self, context: Context) -> Iterator[Finding]:
        """After the last group: findings that are not about a group."""
        return iter(())

    def check(self, context: Context) -> Iterator[Finding]:
        self.begin(context)
        for claims in context.claim_groups(
            kinds=self.groups.kinds,
            properties=self.groups.properties,
            affirmed=self.groups.affirmed,
            with_denial=self.groups.with_denial,
        ):
            yield from self.group(context, claims)
        yield from self.end(context)
