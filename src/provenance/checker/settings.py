"""Settings for `check` (severities, rule options, the fail-on level) and for `review` (who
signs), read from a `provenance.toml` (or `[tool.provenance]` of a `pyproject.toml`) found
next to the ledger or in a folder above it, then overridden by command-line flags.

    fail-on = "warning"                # in provenance.toml; or under [tool.provenance]
    reviewer = "Analyst One"           # who signs reviews (default: git user.name)

    [rules.numeric-conflict]           # or [tool.provenance.rules.numeric-conflict]
    severity = "error"                 # error, warning, info or off
    tolerance = 0.02

    [report]                           # the contradiction report's defaults
    title = "Mirza Olang: who did it"  # (--title, --scope and --date win)
    scope = "Sar-e Pul province, 2017"
"""

from __future__ import annotations

import getpass
import os
import re
import subprocess
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from provenance.checks import RULES, by_id
from provenance.checks.base import Option, Rule
from provenance.errors import LedgerInvalid, Problem, ProvenanceError
from provenance.model import Severity

LEVELS = {"error": Severity.ERROR, "warning": Severity.WARNING, "info": Severity.INFO, "off": None}


@dataclass(frozen=True)
class Settings:
    fail_on: Severity = Severity.WARNING
    reviewer: str | None = None
    severity: Mapping[str, Severity | None] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, object]] = field(default_factory=dict)
    source: Path | None = None
    report: Mapping[str, str] = field(default_factory=dict)  # title, scope, date

    def rules(self, only: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
        """The rules to run, configured: all that are not off, or just those named."""
        wanted = {_rule(name, "--rule").id for name in only}
        unwanted = {_rule(name, "--ignore-rule").id for name in ignore}
        return [
            rule(self.options.get(rule.id))
            for rule in RULES
            if (rule.id in wanted if wanted else self.severity.get(rule.id, rule.default_severity))
            and rule.id not in unwanted
        ]

    def severities(self) -> dict[str, Severity]:
        return {rule: level for rule, level in self.severity.items() if level is not None}


def _rule(name: str, flag: str) -> type[Rule]:
    found = by_id(name)
    if found is None:
        known = ", ".join(rule.id for rule in RULES)
        raise ProvenanceError(f"{flag}: no rule '{name}' (the rules are: {known})")
    return found


def find_config(start: Path) -> Path | None:
    """provenance.toml, or a pyproject.toml with [tool.provenance], in ``start`` or a folder
    above it, stopping at the top of a git repository."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder.resolve(), *folder.resolve().parents):
        own = candidate / "provenance.toml"
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_section(pyproject):
            return pyproject
        if (candidate / ".git").exists():
            return None
    return None


def _has_section(pyproject: Path) -> bool:
    tool = _toml(pyproject).get("tool")
    return isinstance(tool, dict) and "provenance" in tool


def _toml(path: Path) -> dict[str, object]:
    return tomllib.loads(_text(path))


def _text(path: Path) -> str:
    """A settings file's text; a file that cannot be read, or is not UTF-8, is refused."""
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise _refused(path, 0, f"cannot read the settings: {reason}", "check the path") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _refused(
            path, line, f"not UTF-8 text (byte {error.start})", "save the file as UTF-8"
        ) from None
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"at line (\d+)", str(error))
        message = re.sub(r" \(at line \d+, column \d+\)", "", str(error))
        line = int(found.group(1)) if found else 0
        raise _refused(path, line, f"not valid TOML: {message}", "check this line") from None
    return text


def _refused(path: Path, line: int, message: str, hint: str) -> LedgerInvalid:
    problem = Problem(str(path), line, message, hint)
    return LedgerInvalid([problem], what="in the settings", outcome="nothing was checked")


def read_settings(path: Path) -> Settings:
    """Settings from a configuration file; every mistake is reported with its line."""
    text = _text(path)
    data: object = tomllib.loads(text)
    if path.name == "pyproject.toml":
        tool = data.get("tool") if isinstance(data, dict) else None
        data = tool.get("provenance", {}) if isinstance(tool, dict) else {}
    if not isinstance(data, dict):
        match = re.search(r"^\s*provenance\s*=", text, re.MULTILINE)
        line = text.count("\n", 0, match.start()) + 1 if match else 0
        raise _refused(
            path, line, "[tool.provenance] must be a table", "write [tool.provenance] and its keys"
        )
    problems: list[Problem] = []
    settings = _settings(data, _Where(path, text, problems))
    if problems:
        raise LedgerInvalid(problems, what="in the settings", outcome="nothing was checked")
    return replace(settings, source=path)


@dataclass
class _Where:
    path: Path
    text: str
    problems: list[Problem]

    def problem(self, key: str, message: str, hint: str) -> None:
        match = re.search(rf"^[ \t]*\[?[^\n#]*\b{re.escape(key)}\b", self.text, re.MULTILINE)
        line = self.text.count("\n", 0, match.start()) + 1 if match else 0
        self.problems.append(Problem(str(self.path), line, message, hint))


def _settings(data: Mapping[str, object], where: _Where) -> Settings:
    fail_on, reviewer = Severity.WARNING, None
    for key, value in data.items():
        if key == "reviewer":
            if isinstance(value, str) and value.strip():
                reviewer = value.strip()
            else:
                where.problem(key, "reviewer must be a name", 'write reviewer = "Analyst One"')
        elif key == "fail-on":
            level = LEVELS.get(str(value))
            if level is None:
                where.problem(
                    key, f"fail-on = {value!r} is not a level", "use error, warning or info"
                )
            else:
                fail_on = level
        elif key not in ("rules", "report"):
            where.problem(
                key,
                f"unknown setting '{key}'",
                "the settings are fail-on, reviewer, [rules.ID] and [report]",
            )
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        where.problem("rules", "rules must be a table", "write [rules.numeric-conflict]")
        rules = {}
    severity: dict[str, Severity | None] = {}
    options: dict[str, dict[str, object]] = {}
    for name, table in rules.items():
        rule = by_id(name)
        if rule is None:
            where.problem(name, f"no rule '{name}'", "`provenance rules` lists them")
        elif not isinstance(table, dict):
            where.problem(name, f"rules.{name} must be a table", f"write [rules.{name}]")
        else:
            _rule_table(rule, table, where, severity, options)
    return Settings(
        fail_on=fail_on,
        reviewer=reviewer,
        severity=severity,
        options=options,
        report=_report_table(data.get("report", {}), where),
    )


REPORT_KEYS = ("title", "scope", "date")


def _report_table(table: object, where: _Where) -> dict[str, str]:
    """[report]: the report's title, scope and date, each a line of text."""
    if not isinstance(table, dict):
        where.problem("report", "report must be a table", 'write [report] then title = "..."')
        return {}
    found: dict[str, str] = {}
    for key, value in table.items():
        if key not in REPORT_KEYS:
            where.problem(key, f"unknown report setting '{key}'", "use title, scope or date")
        elif not isinstance(value, str) or not value.strip():
            where.problem(key, f"report {key} must be text", f'write {key} = "..."')
        else:
            found[key] = value.strip()
    return found


def _rule_table(
    rule: type[Rule],
    table: Mapping[str, object],
    where: _Where,
    severity: dict[str, Severity | None],
    options: dict[str, dict[str, object]],
) -> None:
    for key, value in table.items():
        if key == "severity":
            if str(value) not in LEVELS:
                where.problem(
                    key,
                    f"{rule.id}: severity {value!r} is not a level",
                    "use error, warning, info or off",
                )
            else:
                severity[rule.id] = LEVELS[str(value)]
        elif key not in rule.options:
            known = ", ".join(["severity", *rule.options]) or "severity"
            where.problem(key, f"{rule.id} has no setting '{key}'", f"its settings are: {known}")
        else:
            try:
                options.setdefault(rule.id, {})[key] = coerce(rule.options[key], value)
            except ValueError as error:
                where.problem(key, f"{rule.id}.{key}: {error}", rule.options[key].help)


def coerce(option: Option, value: object) -> object:
    """A setting's value in its option's type (bools and numbers are not interchangeable)."""
    default = option.default
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("true", "false"):
            return str(value).lower() == "true"
        raise ValueError(f"{value!r} is not true or false")
    if isinstance(default, int | float) and not isinstance(value, bool):
        try:
            number = float(str(value)) if isinstance(default, float) else int(str(value))
        except (TypeError, ValueError):
            raise ValueError(f"{value!r} is not a number") from None
        return _in_range(number, value)
    if isinstance(default, str) and isinstance(value, str):
        return value
    raise ValueError(f"{value!r} is not {type(default).__name__}")


def _in_range(number: float, given: object) -> float:
    """Every numeric setting is a fraction (a relative tolerance, a probability: 0 to 1) or
    a count (1 or more)."""
    if isinstance(number, float) and not 0.0 <= number <= 1.0:  # nan fails both
        raise ValueError(f"{given!r} is not a fraction from 0 to 1 (0.02 is 2%)")
    if isinstance(number, int) and number < 1:
        raise ValueError(f"{given!r} is not a whole number of 1 or more")
    return number


def with_flags(
    settings: Settings,
    *,
    fail_on: str | None = None,
    severities: Sequence[str] = (),
    options: Sequence[str] = (),
) -> Settings:
    """Settings with --fail-on, --severity RULE=LEVEL and --set RULE.NAME=VALUE applied."""
    severity = dict(settings.severity)
    for flag in severities:
        name, _, level = flag.partition("=")
        if level not in LEVELS:
            raise ProvenanceError(
                f"--severity {flag}: write RULE=LEVEL, LEVEL one of error, warning, info, off"
            )
        severity[_rule(name, "--severity").id] = LEVELS[level]
    values = {rule: dict(table) for rule, table in settings.options.items()}
    for flag in options:
        target, _, value = flag.partition("=")
        name, _, key = target.partition(".")
        rule = _rule(name, "--set")
        if key not in rule.options or not value:
            known = ", ".join(rule.options) or "none"
            raise ProvenanceError(
                f"--set {flag}: write RULE.SETTING=VALUE ({rule.id}'s settings: {known})"
            )
        try:
            values.setdefault(rule.id, {})[key] = coerce(rule.options[key], value)
        except ValueError as error:
            raise ProvenanceError(f"--set {flag}: {error}") from None
    threshold = LEVELS.get(fail_on) if fail_on else None
    return replace(
        settings, fail_on=threshold or settings.fail_on, severity=severity, options=values
    )


def default_reviewer(configured: str | None = None, folder: Path | None = None) -> str:
    """The configured reviewer, else git's user.name, else the account name."""
    if configured:
        return configured
    try:
        found = subprocess.run(
            ["git", "config", "user.name"],
            capture_output=True,
            text=True,
            cwd=folder,
            timeout=5,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        found = ""
    return found or os.environ.get("USER") or getpass.getuser()
