"""Which ledger a command uses, `add` into files, broken ledgers in machine formats, and
adopting the gate in git: the scenarios, and the steps only they use."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from pytest_bdd import parsers, scenarios, then

scenarios("one_ledger.feature", "machine_problems.feature", "adopting.feature")


@then(parsers.parse('the file "{name}" holds the line "{line}"'))
def file_holds_line(workdir: Path, name: str, line: str) -> None:
    lines = (workdir / name).read_text(encoding="utf-8").splitlines()
    assert line in lines, f"{line!r} not a line of {name}:\n" + "\n".join(lines)


@then(parsers.parse('the file "{name}" does not exist'))
def file_absent(workdir: Path, name: str) -> None:
    assert not (workdir / name).exists()


def _sarif(text: str) -> list[tuple[str, str, int]]:
    """(rule, uri, line) of each result, checking the SARIF 2.1.0 shape a code-scanning
    upload needs: version, rules of the driver, ruleIndex pointing at the result's rule."""
    document = json.loads(text)
    assert document["version"] == "2.1.0"
    (run,) = document["runs"]
    rules = run["tool"]["driver"]["rules"]
    found = []
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note")
        assert result["message"]["text"]
        physical = result["locations"][0]["physicalLocation"]
        found.append(
            (result["ruleId"], physical["artifactLocation"]["uri"], physical["region"]["startLine"])
        )
    return found


def _json(text: str) -> list[tuple[str, str, int]]:
    document = json.loads(text)
    assert document["version"] == 1
    assert document["summary"]["problems"] == len(document["problems"])
    return [(p["rule"], p["file"], p["line"]) for p in document["problems"]]


def _junit(text: str) -> list[tuple[str, str, int]]:
    suite = ElementTree.fromstring(text).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert int(suite.get("failures", "0")) == sum(c.find("failure") is not None for c in cases)
    return [(c.get("classname", ""), c.get("file", ""), int(c.get("line", "0"))) for c in cases]


def _github(text: str) -> list[tuple[str, str, int]]:
    pattern = re.compile(r"^::(?:error|warning|notice) file=([^,]*),line=(\d+),title=([^:%]+)")
    found = []
    for line in text.splitlines():
        matched = pattern.match(line)
        if matched:
            found.append((matched.group(3).split(" ")[0], matched.group(1), int(matched.group(2))))
    return found


READERS = {"sarif": _sarif, "json": _json, "junit": _junit, "github": _github}


@then(parsers.parse('the {fmt} file "{name}" reports ledger-error at "{file}" line {line:d}'))
def reports_ledger_error(workdir: Path, fmt: str, name: str, file: str, line: int) -> None:
    found = READERS[fmt]((workdir / name).read_text(encoding="utf-8"))
    assert found == [("ledger-error", file, line)], found


@then(parsers.parse('the {rule} result in "{name}" is located at "{first}" with "{other}" related'))
def sarif_located(workdir: Path, rule: str, name: str, first: str, other: str) -> None:
    document = json.loads((workdir / name).read_text(encoding="utf-8"))
    results = [r for r in document["runs"][0]["results"] if r["ruleId"] == rule]
    assert len(results) == 1, results
    (result,) = results
    location = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    related = [r["physicalLocation"]["artifactLocation"]["uri"] for r in result["relatedLocations"]]
    assert (location, related) == (first, [other])
