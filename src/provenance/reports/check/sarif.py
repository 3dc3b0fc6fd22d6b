"""`check --format sarif`: SARIF 2.1.0 for code-scanning systems, pointing at the YAML file
and line of each record involved."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import PurePath
from typing import TYPE_CHECKING
from urllib.parse import quote

from provenance.docs import HOME, rule_uri
from provenance.errors import Problem
from provenance.model import Origin, Severity
from provenance.reports.check.common import (
    LEDGER_ERROR,
    TOOL,
    VERSION,
    CheckReport,
    problem_text,
)

if TYPE_CHECKING:
    from provenance.checker import Conflict
    from provenance.checks.base import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: CheckReport) -> str:
    from provenance.checks import RULES  # every rule's documentation; not needed to list formats

    rule_index = {rule.id: n for n, rule in enumerate(RULES)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": TOOL,
                        "version": VERSION,
                        "informationUri": HOME,
                        "rules": [*(_rule(rule) for rule in RULES), LEDGER_RULE],
                    }
                },
                "invocations": [_invocation(report)],
                "results": [
                    *(_problem(p, len(RULES)) for p in report.problems),
                    *(_result(c, rule_index[c.rule]) for c in report.shown),
                ],
            }
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: type[Rule]) -> dict[str, object]:
    doc: str = rule.documentation()
    name = "".join(part.title() for part in rule.id.split("-"))
    return {
        "id": rule.id,
        # a name that only repeats the id is left out (SARIF 3.49.7: they must differ)
        **({"name": name} if name.casefold() != rule.id.casefold() else {}),
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": doc},
        "helpUri": rule_uri(rule.id),
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVEL[rule.default_severity]},
    }


def _invocation(report: CheckReport) -> dict[str, object]:
    """The run itself: whether it ran to the end (a ledger that cannot be read is not
    checked), with the exit status `check` gives and when it started and ended."""
    return {
        "executionSuccessful": not report.broken,
        "exitCode": report.exit_code,
        "startTimeUtc": _utc(report.started),
        "endTimeUtc": _utc(datetime.now(UTC)),
    }


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


LEDGER_RULE: dict[str, object] = {
    "id": LEDGER_ERROR,
    "name": "LedgerError",
    "shortDescription": {"text": "A ledger file that cannot be read or holds a wrong value."},
    "fullDescription": {
        "text": "A problem of the ledger itself (unreadable YAML, a wrong value, an id used "
        "twice, a reference to nothing): nothing was checked until it is fixed."
    },
    "helpUri": rule_uri(LEDGER_ERROR),
    "help": {"text": "Fix the file at the line given, as the message says, and run again."},
    "defaultConfiguration": {"level": "error"},
}


def _problem(problem: Problem, index: int) -> dict[str, object]:
    return {
        "ruleId": LEDGER_ERROR,
        "ruleIndex": index,
        "level": "error",
        "message": {"text": problem_text(problem)},
        "locations": [_location(Origin(problem.file, problem.line))],
    }


def uri(file: str) -> str:
    """A file's path as a URI reference (RFC 3986): percent-encoded, so that a space, a '#'
    or a letter outside ASCII keeps it valid; an absolute path as a file: URI."""
    path = PurePath(file)
    encoded = quote(path.as_posix(), safe="/")
    if not path.is_absolute():
        return encoded
    return "file://" + (encoded if encoded.startswith("/") else "/" + encoded)


def _location(place: Origin) -> dict[str, object]:
    uri_ = uri(place.file)
    region = {"startLine": max(place.line, 1)}
    return {"physicalLocation": {"artifactLocation": {"uri": uri_}, "region": region}}


def _result(conflict: Conflict, index: int) -> dict[str, object]:
    result: dict[str, object] = {
        "ruleId": conflict.rule,
        "ruleIndex": index,
        "level": LEVEL[conflict.severity],
        "message": {"text": conflict.message},
        "partialFingerprints": {"provenanceConflictId/v1": conflict.id},
        "properties": {
            "conflictId": conflict.id,
            "status": conflict.status,
            "claims": list(conflict.claims),
            "revision": conflict.revision,
        },
    }
    if conflict.places:
        result["locations"] = [_location(conflict.places[0])]
    if len(conflict.places) > 1:
        result["relatedLocations"] = [
            {"id": n, **_location(p)} for n, p in enumerate(conflict.places[1:], start=1)
        ]
    if conflict.decided and conflict.review is not None:
        result["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": f"{conflict.status}: {conflict.review.note or ''}",
            }
        ]
    return result
