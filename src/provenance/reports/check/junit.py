"""`check --format junit`: JUnit XML for CI systems; each conflict is a failing test case
pointing at its file and line, a clean ledger one passing case."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from provenance.errors import Problem
from provenance.reports.check.common import (
    LEDGER_ERROR,
    TOOL,
    CheckReport,
    problem_text,
    where,
)

if TYPE_CHECKING:
    from xml.etree import ElementTree as ET

NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
"""Characters XML 1.0 cannot hold, even escaped: each is written as its code, \\u001b."""


def xml_text(text: str) -> str:
    """``text`` as XML may hold it (ElementTree escapes <, & and quotes, not these)."""
    return NOT_IN_XML.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def render(report: CheckReport) -> str:
    from xml.etree import ElementTree as ET  # loaded for this format only

    failing = {c.id for c in report.failing}
    suite = ET.Element("testsuite", name=f"{TOOL} check", tests="0", failures="0", skipped="0")
    for conflict in report.shown:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=conflict.rule,
            name=conflict.id,
            file=xml_text(conflict.places[0].file) if conflict.places else "",
            line=str(conflict.places[0].line) if conflict.places else "0",
        )
        if conflict.id in failing:
            failure = ET.SubElement(
                case, "failure", message=xml_text(conflict.message), type=conflict.severity.value
            )
            failure.text = xml_text(f"{where(conflict)}: {conflict.message}")
        else:
            reason = (
                conflict.status
                if conflict.decided
                else f"{conflict.severity.value}, below the fail-on level"
            )
            ET.SubElement(case, "skipped", message=xml_text(reason))
    for problem in report.problems:
        _problem_case(suite, problem)
    if not report.shown and not report.problems:
        ET.SubElement(suite, "testcase", classname=TOOL, name=xml_text(report.target))
    suite.set("tests", str(max(len(report.shown) + len(report.problems), 1)))
    suite.set("failures", str(len(failing) + len(report.problems)))
    suite.set("skipped", str(len(report.shown) - len(failing)))
    suites = ET.Element("testsuites")
    suites.append(suite)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def _problem_case(suite: ET.Element, problem: Problem) -> None:
    """A problem of the ledger as a failing case at its file and line."""
    from xml.etree import ElementTree as ET

    case = ET.SubElement(
        suite,
        "testcase",
        classname=LEDGER_ERROR,
        name=xml_text(f"{problem.file}:{problem.line}"),
        file=xml_text(problem.file),
        line=str(problem.line),
    )
    failure = ET.SubElement(case, "failure", message=xml_text(problem_text(problem)), type="error")
    failure.text = xml_text(str(problem))
