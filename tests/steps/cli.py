"""Steps that run the command line as a user does and look at what it printed."""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pytest_bdd import parsers, then, when

from provenance import api
from provenance.checks import RULES
from provenance.cli import main, review_command


@dataclass
class Run:
    """The last command run in a scenario."""

    command: str
    result: Result

    @property
    def stdout(self) -> str:
        return self.result.stdout

    @property
    def stderr(self) -> str:
        return self.result.stderr


RULE_IDS = {rule.id for rule in RULES}


def conflict_of(rule: str, folder: str = "claims") -> str:
    """`$numeric-conflict` in a command: the id of the one conflict of that rule in the
    ledger folder (conflict ids are content hashes, not for people to type)."""
    result = api.check([Path(folder)], None, api.check_settings([Path(folder)]), only=[rule])
    found = [c.id for c in result.conflicts if not c.revision]
    assert len(found) == 1, f"expected one {rule} conflict, found {found}"
    return found[0]


def run_cli(command: str, request: pytest.FixtureRequest, stdin: str | None = None) -> Run:
    words = shlex.split(command)
    assert words[0] == "provenance", f"scenarios run provenance commands, not {words[0]!r}"
    if "$PG" in words:
        pg_url: str = request.getfixturevalue("pg_url")
        words = [pg_url if w == "$PG" else w for w in words]
    words = [conflict_of(w[1:]) if w.startswith("$") and w[1:] in RULE_IDS else w for w in words]
    result = CliRunner().invoke(main, words[1:], input=stdin, catch_exceptions=True)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback is a bug, never an answer to a user
    return Run(command, result)


@when(parsers.parse('I run "{command}"'), target_fixture="last_run")
def i_run(command: str, request: pytest.FixtureRequest) -> Run:
    return run_cli(command, request)


@when(parsers.parse('I run "{command}" and answer:'), target_fixture="last_run")
def i_run_and_answer(
    command: str, docstring: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Run:
    """As at a terminal: the answers are typed keys (a verdict is one key) and lines."""
    monkeypatch.setattr(review_command, "at_terminal", lambda: True)
    return run_cli(command, request, stdin=docstring + "\n")


@then(parsers.parse("the exit status is {status:d}"))
def exit_status(last_run: Run, status: int) -> None:
    assert last_run.result.exit_code == status, (
        f"{last_run.command} exited {last_run.result.exit_code}\n"
        f"stdout:\n{last_run.stdout}\nstderr:\n{last_run.stderr}"
    )


@then(parsers.parse('stdout contains "{text}"'))
def stdout_contains(last_run: Run, text: str) -> None:
    assert text in last_run.stdout, f"{text!r} not in stdout:\n{last_run.stdout}"


@then(parsers.parse('stdout does not contain "{text}"'))
def stdout_lacks(last_run: Run, text: str) -> None:
    assert text not in last_run.stdout, f"{text!r} in stdout:\n{last_run.stdout}"


@then(parsers.parse('stderr contains "{text}"'))
def stderr_contains(last_run: Run, text: str) -> None:
    assert text in last_run.stderr, f"{text!r} not in stderr:\n{last_run.stderr}"


@then("stderr shows no traceback")
def no_traceback(last_run: Run) -> None:
    assert "Traceback" not in last_run.stderr + last_run.stdout


@then(parsers.parse('stdout has a line matching "{pattern}"'))
def stdout_line_matches(last_run: Run, pattern: str) -> None:
    regex = re.compile(pattern)
    assert any(regex.search(line) for line in last_run.stdout.splitlines()), (
        f"no line matches {pattern!r}:\n{last_run.stdout}"
    )


def _cells(line: str, spans: list[tuple[int, int]]) -> list[str]:
    last = len(spans) - 1
    return [line[a : None if n == last else b].strip() for n, (a, b) in enumerate(spans)]


def tables(text: str) -> list[list[dict[str, str]]]:
    """Every table in a command's output, as rows keyed by header. Columns are read from
    the rule of dashes under the header, so a cell is matched to its own column."""
    lines = text.splitlines()
    found: list[list[dict[str, str]]] = []
    for index, rule in enumerate(lines):
        if index == 0 or not re.fullmatch(r"-+(?: +-+)*", rule.strip()) or rule != rule.lstrip():
            continue
        spans = [m.span() for m in re.finditer(r"-+", rule)]

        header = _cells(lines[index - 1], spans)
        rows = []
        for line in lines[index + 1 :]:
            if not line.strip():
                break
            rows.append(dict(zip(header, _cells(line, spans), strict=True)))
        found.append(rows)
    return found


@then("stdout shows the rows:")
def stdout_rows(last_run: Run, datatable: list[list[str]]) -> None:
    """Each expected row matches one row of a table in the output, column by column
    (an empty expected cell matches anything)."""
    header, *expected = datatable
    shown = [row for table in tables(last_run.stdout) for row in table]
    for cells in expected:
        want = {h: c for h, c in zip(header, cells, strict=True) if c}
        assert any(all(row.get(h) == c for h, c in want.items()) for row in shown), (
            f"no row shows {want}:\n{last_run.stdout}"
        )


@then(parsers.parse('the field "{name}" reads "{value}"'))
def field_reads(last_run: Run, name: str, value: str) -> None:
    """A `show` field: its label at the start of a line, then the value after the padding."""
    pattern = re.compile(rf"^{re.escape(name)}\s+{re.escape(value)}$")
    assert any(pattern.match(line) for line in last_run.stdout.splitlines()), (
        f"no field {name!r} reading {value!r}:\n{last_run.stdout}"
    )
