"""What every rule shares: severities, options, the findings a rule yields, and the Rule base
class. A rule knows only how to find; the checker stamps ids, severities and reviews."""

from __future__ import annotations

import inspect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar

from provenance.model import Origin

if TYPE_CHECKING:
    from provenance.checks.context import Context


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


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
    (or a claim and the one it supersedes): shown, never failing.
    """

    key: tuple[str, ...]
    message: str
    subject: str | None = None
    claims: tuple[str, ...] = ()
    places: tuple[Origin, ...] = ()
    revision: bool = False
    details: Mapping[str, object] = field(default_factory=dict)


class Rule:
    """Base class. A subclass sets ``id`` (stable kebab-case), ``default_severity`` and
    optionally ``aliases`` (former ids) and ``options``; its docstring is its documentation:
    a one-line summary, then *Why it matters*, *Example* and *Fix* sections."""

    id: ClassVar[str]
    default_severity: ClassVar[Severity]
    aliases: ClassVar[tuple[str, ...]] = ()
    options: ClassVar[Mapping[str, Option]] = {}

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
