"""Pass/fail cases for the rules, kept as data: tests/checks/cases/<rule-id>.yaml.

rule: numeric-conflict
base: |                 # written as base.yaml next to every case's ledger
  sources: [...]
  entities: [...]
cases:
  - name: a lower bound never conflicts with a higher figure
    ledger: |           # written as case.yaml
      claims: [...]
    settings: {tolerance: 0.05}     # optional rule settings
    conflicts: []       # a pass case: the rule finds nothing
  - name: 30-40 contradicts more than 50
    ledger: |
      claims: [...]
    conflicts:          # a fail case: exactly these, in any order
      - claims: [a, b]              # the claims involved, any order
        message: does not overlap   # words the message contains
        revision: false             # optional (default false)
        severity: warning           # optional
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CASES = Path(__file__).parent / "cases"


@dataclass(frozen=True)
class Expected:
    claims: tuple[str, ...]
    message: str
    revision: bool = False
    severity: str | None = None


@dataclass(frozen=True)
class Case:
    rule: str
    name: str
    base: str
    ledger: str
    settings: dict[str, Any] = field(default_factory=dict)
    conflicts: tuple[Expected, ...] = ()
    files: dict[str, str] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return f"{self.rule}: {self.name}"

    def write(self, folder: Path) -> Path:
        (folder / "base.yaml").write_text(self.base, "utf-8")
        (folder / "case.yaml").write_text(self.ledger, "utf-8")
        for name, text in self.files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
        return folder


def load_cases(rule: str | None = None) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if rule is not None and data["rule"] != rule:
            continue
        for item in data["cases"]:
            expected = tuple(
                Expected(
                    tuple(sorted(e["claims"])),
                    e["message"],
                    e.get("revision", False),
                    e.get("severity"),
                )
                for e in item.get("conflicts") or ()
            )
            cases.append(
                Case(
                    data["rule"],
                    item["name"],
                    data.get("base", ""),
                    item["ledger"],
                    item.get("settings") or {},
                    expected,
                    item.get("files") or {},
                )
            )
    return cases


def rules_with_cases() -> set[str]:
    return {yaml.safe_load(p.read_text("utf-8"))["rule"] for p in CASES.glob("*.yaml")}
