"""`check --format junit`: JUnit XML for CI systems; each conflict is a failing test case
pointing at its file and line, a clean ledger one passing case."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from provenance.reports.check.common import TOOL, CheckReport, where


def render(report: CheckReport) -> str:
    failing = {c.id for c in report.failing}
    suite = ET.Element("testsuite", name=f"{TOOL} check", tests="0", failures="0", skipped="0")
    for conflict in report.shown:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=conflict.rule,
            name=conflict.id,
            file=conflict.places[0].file if conflict.places else "",
            line=str(conflict.places[0].line) if conflict.places else "0",
        )
        if conflict.id in failing:
            failure = ET.SubElement(
                case, "failure", message=conflict.message, type=conflict.severity.value
            )
            failure.text = f"{where(conflict)}: {conflict.message}"
        else:
            reason = (
                conflict.status
                if conflict.decided
                else f"{conflict.severity.value}, below the fail-on level"
            )
            ET.SubElement(case, "skipped", message=reason)
    if not report.shown:
        ET.SubElement(suite, "testcase", classname=TOOL, name=report.target)
    suite.set("tests", str(max(len(report.shown), 1)))
    suite.set("failures", str(len(failing)))
    suite.set("skipped", str(len(report.shown) - len(failing)))
    suites = ET.Element("testsuites")
    suites.append(suite)
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
