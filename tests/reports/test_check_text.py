"""`check`'s text for people: colour and wrapping on a terminal only, NO_COLOR respected, the
concise one-line form, and the exit status --exit-zero gives."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from provenance.checker import CheckResult, Conflict
from provenance.cli.display import display
from provenance.model import Origin, Severity
from provenance.reports.check import concise, text
from provenance.reports.check.common import CheckReport, Display

LONG = "'over 50' people [caci] vs '30-40' people [pajhwok]: " + "no common value " * 8
CONFLICTS = (
    Conflict(
        "numeric-conflict:aaa",
        "numeric-conflict",
        Severity.WARNING,
        LONG.strip(),
        places=(Origin("claims/a.yaml", 9),),
    ),
    Conflict(
        "dangling-reference:bbb",
        "dangling-reference",
        Severity.ERROR,
        "claim 'c1' cites source 's9', which the ledger does not hold\x1b]0;x\x07",
        places=(Origin("claims/b.yaml", 3),),
    ),
)
ESCAPE = re.compile("\x1b\\[[0-9;]*m")


PLAIN = Display()


def report(shown: Display = PLAIN, exit_zero: bool = False) -> CheckReport:
    return CheckReport(
        CheckResult(CONFLICTS), Severity.WARNING, False, "claims", False, shown, exit_zero
    )


def test_plain_text_has_no_escape_and_one_line_per_conflict() -> None:
    out = text.render(report())
    assert "\x1b" not in out
    assert len(out.splitlines()) == 2 + 2 + 1  # header, rule, two conflicts, summary
    assert "\\x1b]0;x\\x07" in out  # the ledger's control characters shown as codes


def test_on_a_colour_terminal_severities_are_coloured_and_messages_wrap() -> None:
    out = text.render(report(Display(colour=True, width=100)))
    assert "\x1b[33mwarning\x1b[0m" in out and "\x1b[31merror\x1b[0m" in out
    assert "\x1b]" not in out  # only the colours are escapes; the ledger's are codes
    lines = ESCAPE.sub("", out).splitlines()
    assert all(len(line) <= 100 for line in lines[:-1])
    assert len(lines) > 5  # the long message took several lines


def test_wrapping_never_squeezes_the_message_below_thirty_columns() -> None:
    lines = text.render(report(Display(width=20))).splitlines()
    dashes = lines[1].split()
    assert len(dashes[-1]) >= text.NARROWEST - 1


def test_concise_is_path_line_rule_message_then_id() -> None:
    lines = concise.render(report()).splitlines()
    assert lines[0] == f"claims/a.yaml:9: numeric-conflict {LONG.strip()} (numeric-conflict:aaa)"
    assert lines[1].startswith("claims/b.yaml:3: dangling-reference claim 'c1' cites source")
    assert "\x1b" not in lines[1]
    assert lines[2].startswith("2 conflicts (1 error, 1 warning)")


def test_exit_zero_reports_but_does_not_fail() -> None:
    assert report().exit_code == 1
    assert report(exit_zero=True).exit_code == 0
    assert report(exit_zero=True).failing  # the failing conflicts are still reported


class Tty:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("tty", "env", "output", "colour", "wraps"),
    [
        (True, {}, None, True, True),
        (True, {"NO_COLOR": "1"}, None, False, True),
        (True, {"TERM": "dumb"}, None, False, True),
        (True, {}, Path("out.txt"), False, False),
        (False, {}, None, False, False),
    ],
)
def test_colour_and_width_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
    tty: bool,
    env: dict[str, str],
    output: Path | None,
    colour: bool,
    wraps: bool,
) -> None:
    monkeypatch.setattr(sys, "stdout", Tty(tty))
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    shown = display(output)
    assert (shown.colour, shown.width is not None) == (colour, wraps)
