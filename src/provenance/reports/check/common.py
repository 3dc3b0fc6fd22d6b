"""What every check output needs: the result, how it was asked for, and shared wording."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from provenance import __version__
from provenance.errors import EXIT_BAD_INPUT, EXIT_CONFLICTS, EXIT_OK, Problem
from provenance.model import Severity

if TYPE_CHECKING:
    from provenance.checker import CheckResult, Conflict

TOOL = "provenance"
VERSION = __version__
JSON_VERSION = 1
LEDGER_ERROR = "ledger-error"
"""The rule id machine formats give a problem of the ledger itself (a file that cannot be
read, a wrong value, an id used twice): not a conflict, and the check could not run."""


@dataclass(frozen=True, slots=True)
class Display:
    """How text for people is shown: in colour, and wrapped to ``width`` columns, only when
    it goes to a terminal (and colour only when NO_COLOR is not set); plain otherwise."""

    colour: bool = False
    width: int | None = None


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class CheckReport:
    result: CheckResult
    fail_on: Severity
    include_reviewed: bool
    target: str  # the paths checked, or the database
    timings: bool = False  # seconds per rule: useful to a person, but never the same twice
    display: Display = Display()
    exit_zero: bool = False  # check --exit-zero: report, but never fail
    started: datetime = field(default_factory=_now)
    problems: tuple[Problem, ...] = ()  # the ledger could not be checked: what is wrong
    unlisted: int = 0  # problems past the ones listed (errors.MAX_KEPT), counted only
    baseline: int = 0  # conflicts already there at --new-since REF, not counted

    @property
    def broken(self) -> bool:
        return bool(self.problems)

    @property
    def exit_code(self) -> int:
        """What `check` exits with: 2 when the ledger could not be checked, 1 when something
        fails (unless --exit-zero), else 0."""
        if self.broken:
            return EXIT_BAD_INPUT
        return EXIT_CONFLICTS if self.failing and not self.exit_zero else EXIT_OK

    @property
    def shown(self) -> list[Conflict]:
        return self.result.shown(self.include_reviewed)

    @property
    def failing(self) -> list[Conflict]:
        return self.result.failing(self.fail_on, self.include_reviewed)

    def summary(self) -> str:
        if self.broken:
            count = len(self.problems) + self.unlisted
            return (
                f"{count:,} problem{'s' if count != 1 else ''} in {self.target}; "
                "nothing was checked"
            )
        return self._conflicts_summary() + (
            f"; {self.baseline} already there at the baseline, not counted" if self.baseline else ""
        )

    def _conflicts_summary(self) -> str:
        shown = self.shown
        if not shown and not self.result.conflicts:
            return f"no conflicts in {self.target} ({len(self.result.rules)} rules)"
        levels = Counter(c.severity.value for c in shown)
        parts = [
            f"{levels[s.value]} {s.value}{'s' if levels[s.value] != 1 else ''}"
            for s in Severity
            if levels[s.value]
        ]
        text = (
            f"{len(shown)} conflict{'s' if len(shown) != 1 else ''}"
            if shown
            else f"no open conflicts in {self.target}"
        )
        text += f" ({', '.join(parts)})" if parts else ""
        hidden = len(self.result.conflicts) - len(shown)
        if hidden:
            text += f"; {hidden} reviewed, not shown (--include-reviewed shows them)"
        if self.result.stale_reviews:
            count = len(self.result.stale_reviews)
            text += f"; {count} review{'s' if count != 1 else ''} of conflicts that no longer exist"
        failing = len(self.failing)
        text += f"; {failing} at or above {self.fail_on.value}" if failing else ""
        return text


def timing_lines(report: CheckReport) -> list[str]:
    """Seconds per rule, slowest first, when asked for (``check --timings``)."""
    if not report.timings:
        return []
    spent = sorted(report.result.timings.items(), key=lambda item: (-item[1], item[0]))
    return [f"timing: {rule} {seconds:.3f} s" for rule, seconds in spent]


def where(conflict: Conflict) -> str:
    return str(conflict.places[0]) if conflict.places else ""


def problem_text(problem: Problem) -> str:
    """A problem's message with what to do, without its place."""
    return f"{problem.message} ({problem.hint})" if problem.hint else problem.message
