"""`check --format json`: the whole result for programs, with a format version."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from provenance.errors import Problem
from provenance.model import Review
from provenance.reports.check.common import (
    JSON_VERSION,
    LEDGER_ERROR,
    TOOL,
    VERSION,
    CheckReport,
)

if TYPE_CHECKING:
    from provenance.checker import Conflict


def render(report: CheckReport) -> str:
    document = {
        "version": JSON_VERSION,
        "tool": {"name": TOOL, "version": VERSION},
        "target": report.target,
        "fail_on": report.fail_on.value,
        "include_reviewed": report.include_reviewed,
        "rules": list(report.result.rules),
        "summary": {
            "conflicts": len(report.result.conflicts),
            "shown": len(report.shown),
            "failing": len(report.failing),
            "problems": len(report.problems) + report.unlisted,
            "baseline": report.baseline,
        },
        "problems": [problem_json(p) for p in report.problems],
        "conflicts": [conflict(c) for c in report.shown],
        "stale_reviews": [review_json(r) for r in report.result.stale_reviews],
    }
    if report.timings:  # only on request: the document is otherwise the same on every run
        document["timings"] = {
            rule: round(seconds, 4) for rule, seconds in report.result.timings.items()
        }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def conflict(c: Conflict) -> dict[str, object]:
    return {
        "id": c.id,
        "rule": c.rule,
        "severity": c.severity.value,
        "status": c.status,
        "revision": c.revision,
        "message": c.message,
        "subject": c.subject,
        "claims": list(c.claims),
        "locations": [{"file": p.file, "line": p.line} for p in c.places],
        "details": {k: v for k, v in c.details.items()},
        "reviews": [review_json(r) for r in c.reviews],
    }


def review_json(r: Review) -> dict[str, object]:
    return {
        "conflict": r.conflict,
        "verdict": r.verdict.value,
        "in_favour_of": r.in_favour_of,
        "note": r.note,
        "reviewer": r.reviewer,
        "at": r.at.isoformat(),
    }


def problem_json(p: Problem) -> dict[str, object]:
    return {
        "rule": LEDGER_ERROR,
        "severity": "error",
        "file": p.file,
        "line": p.line,
        "message": p.message,
        "hint": p.hint,
    }
