"""Errors a user can cause, and the exit codes they map to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

EXIT_OK = 0
EXIT_CONFLICTS = 1
EXIT_BAD_INPUT = 2

UNKNOWN_REFERENCE = "unknown-reference"
"""Problem.code of a reference to an id the ledger does not hold: `import` refuses it; a
rule may report it instead when the ledger is checked (Rule.load_problems)."""


class ProvenanceError(Exception):
    """A mistake in the user's input or command line: reported without a traceback, exit 2."""

    exit_code = EXIT_BAD_INPUT

    def lines(self) -> list[str]:
        return [str(self)]


class InvalidValue(ProvenanceError):
    """A value that cannot be read ("over fifty-ish", "2017-02-30"); the caller adds where."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong at one place: ``file:line: message (hint)``."""

    file: str
    line: int
    message: str
    hint: str | None = None
    code: str | None = None  # what kind of problem, when a rule may report it instead

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


MAX_KEPT = 1_000
"""Problems kept in full; past them only a count by file is kept (a million-item list of
wrong values is a million problems, and a million lines help nobody)."""
MAX_SHOWN = 100
"""Problems printed one per line; the rest are summarised by file."""


class Problems(list[Problem]):
    """A list of problems that keeps the first MAX_KEPT and counts the others by file."""

    def __init__(self, problems: Iterable[Problem] = (), kept: int = MAX_KEPT) -> None:
        super().__init__()
        self.kept = kept
        self.dropped: Counter[str] = Counter()
        self.extend(problems)

    def append(self, problem: Problem) -> None:
        if len(self) < self.kept:
            super().append(problem)
        else:
            self.dropped[problem.file] += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)

    def where(self, keep: Callable[[Problem], bool]) -> Problems:
        """The problems ``keep`` accepts, with the count of those not kept."""
        chosen = Problems((p for p in self if keep(p)), self.kept)
        chosen.dropped.update(self.dropped)
        return chosen


class LedgerInvalid(ProvenanceError):
    """A ledger with one or more problems; every problem is reported (past MAX_SHOWN, as a
    count by file), nothing is written."""

    def __init__(
        self,
        problems: Iterable[Problem],
        what: str = "in the ledger",
        outcome: str = "nothing was written",
    ) -> None:
        self.dropped: Counter[str] = Counter(getattr(problems, "dropped", {}))
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
        self.outcome = outcome
        count = len(self.problems) + self.dropped.total()
        super().__init__(f"{count:,} problem{'s' if count != 1 else ''} {what}")

    def lines(self) -> list[str]:
        shown = [str(problem) for problem in self.problems[:MAX_SHOWN]]
        hidden = Counter(p.file for p in self.problems[MAX_SHOWN:]) + self.dropped
        if hidden:
            files = ", ".join(f"{n:,} in {file}" for file, n in hidden.most_common(3))
            others = " ..." if len(hidden) > 3 else ""
            shown.append(
                f"... and {hidden.total():,} more not shown ({files}{others}); "
                "fix the first ones and run again"
            )
        return [*shown, f"{self}; {self.outcome}"]


class NotFound(ProvenanceError):
    """An id that names nothing in the ledger."""


class DatabaseError(ProvenanceError):
    """The database cannot be reached or is not a provenance database."""
