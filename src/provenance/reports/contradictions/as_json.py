"""`report --format json`: the contradiction report for programs, with a format version:
the same content as the report for people (edition, key findings, sections by subject with
conflicts, their claims and latest review, charts' data, revisions in time order,
assessments that follow the reviews, the housekeeping appendix, sources) and the assessment
rule. A quantity's figures are numbers: ``figure`` holds low, high, best, the open flags and
the unit (a bound that is unbounded is null)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

from provenance.reports.contradictions import common

if TYPE_CHECKING:
    from provenance.reports.contradictions.charts import Chart
    from provenance.reports.contradictions.content import (
        Assessed,
        ConflictEntry,
        ContradictionReport,
        Count,
        RevisionEntry,
        Section,
    )
    from provenance.reports.contradictions.rows import ShownClaim


def render(report: ContradictionReport) -> str:
    summary, rule, edition = report.summary, report.assessment_rule, report.edition
    document = {
        "version": common.JSON_VERSION,
        "tool": {"name": common.TOOL, "version": common.VERSION},
        "title": edition.title,
        "scope": edition.scope,
        "date": edition.date,
        "target": report.target,
        "include_decided": report.include_decided,
        "summary": {
            "conflicts": summary.conflicts,
            "shown": summary.shown,
            "not_shown": report.hidden,
            "revisions": summary.revisions,
            "by_rule": _counts("rule", summary.by_rule),
            "by_status": _counts("status", summary.by_status),
            "by_subject": _counts("subject", summary.by_subject),
        },
        "subjects": [_section(s) for s in report.sections],
        "appendix": [_section(s) for s in report.appendix],
        "sources": [asdict(s) | {"authors": list(s.authors)} for s in report.sources],
        "claim_reviews": list(report.claim_reviews),
        "assessment_rule": {
            "text": rule.text,
            "reliability_weights": dict(rule.reliability_weights),
            "confidence_when_none": rule.confidence_when_none,
            "margin": rule.margin,
        },
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _counts(what: str, counts: tuple[Count, ...]) -> list[dict[str, object]]:
    return [{what: name, "conflicts": total, "shown": shown} for name, total, shown in counts]


def _section(section: Section) -> dict[str, object]:
    return {
        "subject": section.subject,
        "name": section.name,
        "anchor": section.anchor,
        "key_findings": [asdict(f) for f in section.findings],
        "conflicts": [_conflict(c) for c in section.conflicts],
        "charts": [_chart(c) for c in section.charts],
        "assessments": [_assessment(a) for a in section.assessments],
        "revisions": [_revision(r) for r in section.revisions],
    }


def claim(row: ShownClaim) -> dict[str, object]:
    found = asdict(row)
    found["speakers"] = list(row.speakers)
    found["speaker_ids"] = list(row.speaker_ids)
    return found


def _chart(chart: Chart) -> dict[str, object]:
    found = asdict(chart)
    found["kind"] = "figures" if "bars" in found else "matrix"
    return found


def _conflict(entry: ConflictEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "rule": entry.rule,
        "severity": entry.severity,
        "status": entry.status,
        "topic": entry.topic,
        "message": entry.message,
        "where": entry.where,
        "review": asdict(entry.review) if entry.review else None,
        "reviews": entry.reviews,
        "claims": [claim(r) for r in entry.claims],
    }


def _assessment(assessed: Assessed) -> dict[str, object]:
    found = assessed.assessment
    question = found.question
    return {
        "title": assessed.title,
        "subject": question.subject,
        "property": question.property,
        "scope": question.scope or None,
        "verdict": found.verdict,
        "outcome": assessed.outcome,
        "decision": asdict(assessed.decision) if assessed.decision else None,
        "best": found.best.value if found.best else None,
        "candidates": [
            {
                "value": c.value,
                "support": c.support,
                "for": c.support_for,
                "against": c.against,
                "independent_sources": c.sources,
                "claims": list(c.claims),
                "denied_by": list(c.denials),
            }
            for c in found.candidates
        ],
        "weights": dict(found.weights),
        "set_aside": list(found.set_aside),
    }


def _revision(revision: RevisionEntry) -> dict[str, object]:
    return {
        "id": revision.id,
        "rule": revision.rule,
        "message": revision.message,
        "steps": [claim(r) for r in revision.steps],
    }
