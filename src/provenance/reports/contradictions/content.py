"""The contradiction report's content, built once (``build``) from what the checker found and
the records it names (views.ReportData): its edition (title, scope, date), key findings,
conflicts grouped by subject with their claims side by side, charts, revisions as sequences,
assessments that follow the analyst's reviews, housekeeping in an appendix, the sources cited
and a summary. No output format here: each module beside this one renders a built
ContradictionReport."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from provenance.checker import Conflict
from provenance.checks import by_id
from provenance.model import Verdict
from provenance.reports.contradictions import assessment, findings, rows, topics
from provenance.reports.contradictions.assessment import Assessment
from provenance.reports.contradictions.charts import Chart
from provenance.reports.contradictions.edition import (
    CitedSource,
    Edition,
    Options,
    cited,
    edition,
)
from provenance.reports.contradictions.findings import Decision, KeyFinding
from provenance.reports.contradictions.rows import ShownClaim, ShownReview
from provenance.views import ReportData

STATUSES = ("open", *(v.value for v in Verdict))
NO_SUBJECT = "no-subject"


@dataclass(frozen=True, slots=True)
class ConflictEntry:
    """One conflict as the report shows it: why, the claims side by side, its review."""

    id: str
    rule: str
    severity: str
    status: str
    message: str
    where: str
    claims: tuple[ShownClaim, ...]
    review: ShownReview | None  # the latest
    reviews: int  # how many reviews its history holds
    topic: str = ""  # the question of a value conflict: "perpetrator of Mirza Olang attack"
    subject_name: str = ""


@dataclass(frozen=True, slots=True)
class RevisionEntry:
    """A sequence of values that replaced one another, in time order (never a conflict)."""

    id: str
    rule: str
    message: str
    steps: tuple[ShownClaim, ...]


@dataclass(frozen=True, slots=True)
class Assessed:
    """An assessment with its title (the property, scope and subject it weighs) and what the
    analyst's reviews decided about the question, which the report's verdict follows."""

    title: str
    assessment: Assessment
    decision: Decision | None = None

    @property
    def outcome(self) -> str:
        """The verdict a reader sees: the analyst's decision, else the weighing's."""
        return findings.outcome(self.decision, self.assessment)


@dataclass(frozen=True, slots=True)
class Section:
    """One subject's conflicts, revisions and assessments (subject None: no subject)."""

    subject: str | None
    name: str
    anchor: str
    conflicts: tuple[ConflictEntry, ...]
    revisions: tuple[RevisionEntry, ...]
    assessments: tuple[Assessed, ...]
    findings: tuple[KeyFinding, ...] = ()
    charts: tuple[Chart, ...] = ()

    @property
    def title(self) -> str:
        return f"{self.name} ({self.subject})" if self.subject else self.name


Count = tuple[str, int, int]  # what is counted, conflicts, conflicts shown


@dataclass(frozen=True, slots=True)
class Summary:
    by_rule: tuple[Count, ...]
    by_status: tuple[Count, ...]
    by_subject: tuple[Count, ...]
    conflicts: int
    shown: int
    revisions: int


@dataclass(frozen=True, slots=True)
class AssessmentRule:
    """How the assessments are made, in words and in numbers (assessment.py), printed with
    every report so that a reader can check them."""

    text: str
    reliability_weights: Mapping[str, float]  # Admiralty letter -> weight
    confidence_when_none: float
    margin: float


ASSESSMENT_RULE = AssessmentRule(
    assessment.RULE,
    {grade.value: w for grade, w in assessment.RELIABILITY_WEIGHTS.items()},
    assessment.NO_CONFIDENCE,
    assessment.MARGIN,
)


@dataclass(frozen=True, slots=True)
class ContradictionReport:
    target: str
    include_decided: bool
    summary: Summary
    sections: tuple[Section, ...]
    edition: Edition
    assessment_rule: AssessmentRule = ASSESSMENT_RULE
    appendix: tuple[Section, ...] = ()  # housekeeping: names, references, quotes
    sources: tuple[CitedSource, ...] = ()
    claim_reviews: tuple[dict[str, object], ...] = field(default=())  # schema.org JSON-LD

    @property
    def hidden(self) -> int:
        """Decided conflicts left out (--include-decided shows them)."""
        return self.summary.conflicts - self.summary.shown


def shows(conflict: Conflict, include_decided: bool) -> bool:
    """Open, disputed and resolved conflicts always (a resolution is a finding); the others
    decided (same entity, distinct, not a conflict) with --include-decided."""
    resolved = conflict.review is not None and conflict.review.verdict is Verdict.RESOLVED
    return not conflict.decided or conflict.kept_visible or resolved or include_decided


def housekeeping(conflict: Conflict) -> bool:
    """A finding about the ledger's upkeep (names, references, quotes), for the appendix."""
    rule = by_id(conflict.rule)
    return rule is not None and rule.housekeeping


def build(
    data: ReportData, asked: Options | bool = False, today: datetime | None = None
) -> ContradictionReport:
    """The report: shown conflicts and every revision, grouped by subject, with key findings,
    charts and assessments; housekeeping in the appendix. ``asked``: the options, or only
    whether decided conflicts are included."""
    options = asked if isinstance(asked, Options) else Options(include_decided=asked)
    conflicts = [c for c in data.result.conflicts if not c.revision]
    shown = [c for c in conflicts if shows(c, options.include_decided)]
    revisions = [c for c in data.result.conflicts if c.revision]
    assessments = _assessments(data, shown, revisions)
    main = [c for c in shown if not housekeeping(c)]
    aside = [c for c in shown if housekeeping(c)]
    anchors: set[str] = set()
    sections = _sections(data, main + revisions, assessments, anchors)
    appendix = _sections(data, aside, {}, anchors)
    summary = Summary(
        by_rule=_counts(conflicts, shown, lambda c: c.rule, sorted),
        by_status=_counts(conflicts, shown, lambda c: c.status, _status_order),
        by_subject=_counts(conflicts, shown, lambda c: _subject_title(data, c.subject), _by_name),
        conflicts=len(conflicts),
        shown=len(shown),
        revisions=len(revisions),
    )
    return ContradictionReport(
        data.target,
        options.include_decided,
        summary,
        sections,
        edition(data, options, today),
        appendix=appendix,
        sources=cited(data, _sources(sections + appendix)),
        claim_reviews=_claim_reviews(data, shown),
    )


def _sections(
    data: ReportData,
    found: list[Conflict],
    assessments: dict[str | None, list[Assessed]],
    anchors: set[str],
) -> tuple[Section, ...]:
    by_subject: dict[str | None, list[Conflict]] = defaultdict(list)
    for conflict in found:
        by_subject[conflict.subject].append(conflict)
    return tuple(
        _section(data, subject, items, assessments.get(subject, []), anchors)
        for subject, items in sorted(by_subject.items(), key=lambda i: _subject_order(data, i[0]))
    )


def _sources(sections: tuple[Section, ...]) -> set[str]:
    """The sources of every claim shown."""
    return {
        row.source
        for section in sections
        for shown in (
            *(e.claims for e in section.conflicts),
            *(r.steps for r in section.revisions),
        )
        for row in shown
    }


def _assessments(
    data: ReportData, shown: list[Conflict], revisions: list[Conflict]
) -> dict[str | None, list[Assessed]]:
    """One assessment per question a shown value conflict is about, under the subject whose
    section shows it, with what the reviews decided (topics.assessed)."""
    found: dict[str | None, list[Assessed]] = defaultdict(list)
    for home, title, weighed, decision in topics.assessed(data, shown, revisions):
        found[home].append(Assessed(title, weighed, decision))
    return found


def _claim_reviews(data: ReportData, shown: list[Conflict]) -> tuple[dict[str, object], ...]:
    from provenance.exports import claimreview

    return tuple(
        claimreview.documents(
            data.claims, data.sources, data.entities, [c for c in shown if not housekeeping(c)]
        )
    )


def _subject_order(data: ReportData, subject: str | None) -> tuple[bool, str, str]:
    return (subject is None, _subject_name(data, subject).casefold(), subject or "")


def _subject_name(data: ReportData, subject: str | None) -> str:
    if subject is None:
        return "Conflicts without a subject"
    found = data.entities.get(subject)
    return found.name if found else subject


def _subject_title(data: ReportData, subject: str | None) -> str:
    name = _subject_name(data, subject)
    return f"{name} ({subject})" if subject else name


def _anchor(subject: str | None, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (subject or "").casefold()).strip("-")
    base = f"subject-{slug}" if subject else NO_SUBJECT
    anchor, n = base, 1
    while anchor in taken:
        n += 1
        anchor = f"{base}-{n}"
    taken.add(anchor)
    return anchor


def _section(
    data: ReportData,
    subject: str | None,
    found: list[Conflict],
    assessments: list[Assessed],
    anchors: set[str],
) -> Section:
    assessed = {a.assessment.question: a.assessment for a in assessments}
    decided = {a.assessment.question: a.decision for a in assessments}
    conflicts = [c for c in found if not c.revision]
    about = topics.topics(data, conflicts, assessed, decided, [c for c in found if c.revision])
    return Section(
        subject=subject,
        name=_subject_name(data, subject),
        anchor=_anchor(subject, anchors),
        conflicts=tuple(_entry(data, c) for c in conflicts),
        revisions=tuple(_revision(data, c) for c in found if c.revision),
        assessments=tuple(assessments),
        findings=findings.key_findings([topic for topic, _ in about]),
        charts=tuple(chart for _, drawn in about for chart in drawn),
    )


def _entry(data: ReportData, conflict: Conflict) -> ConflictEntry:
    shown = rows.shown_claims(data, conflict.claims)
    rule = by_id(conflict.rule)
    first = next((data.claims[i] for i in conflict.claims if i in data.claims), None)
    first = first if rule is not None and rule.weighs_values else None
    return ConflictEntry(
        id=conflict.id,
        rule=conflict.rule,
        severity=conflict.severity.value,
        status=conflict.status,
        message=conflict.message,
        where=str(conflict.places[0]) if conflict.places else "",
        claims=shown,
        review=rows.shown_review(conflict.review) if conflict.review else None,
        reviews=len(conflict.reviews),
        topic=topics.title(data, topics.question_of(first)) if first else "",
        subject_name=_subject_name(data, conflict.subject),
    )


def _revision(data: ReportData, conflict: Conflict) -> RevisionEntry:
    steps = rows.in_time_order(data, conflict.claims)
    return RevisionEntry(
        conflict.id, conflict.rule, conflict.message, rows.shown_claims(data, steps)
    )


def _by_name(names: list[str]) -> list[str]:
    return sorted(names, key=lambda n: (n.casefold(), n))


def _status_order(statuses: list[str]) -> list[str]:
    return sorted(statuses, key=lambda s: (STATUSES.index(s) if s in STATUSES else 99, s))


def _counts(
    conflicts: list[Conflict],
    shown: list[Conflict],
    key: Callable[[Conflict], str],
    order: Callable[[list[str]], list[str]],
) -> tuple[Count, ...]:
    total: dict[str, int] = defaultdict(int)
    visible: dict[str, int] = defaultdict(int)
    for conflict in conflicts:
        total[key(conflict)] += 1
    for conflict in shown:
        visible[key(conflict)] += 1
    return tuple((name, total[name], visible[name]) for name in order(list(total)))
