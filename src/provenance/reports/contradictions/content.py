"""The contradiction report's content, built once (``build``) from what the checker found and
the records it names (views.ReportData): conflicts grouped by subject with their claims side
by side, revisions as sequences, assessments, a summary. No output format here: each module
beside this one renders a built ContradictionReport."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from provenance.agreement import scope_key, times_overlap
from provenance.checker import Conflict
from provenance.checks import by_id
from provenance.model import Claim, Verdict
from provenance.reports.contradictions import assessment, rows
from provenance.reports.contradictions.assessment import Assessment, Question, assess
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


@dataclass(frozen=True, slots=True)
class RevisionEntry:
    """A sequence of values that replaced one another, in time order (never a conflict)."""

    id: str
    rule: str
    message: str
    steps: tuple[ShownClaim, ...]


@dataclass(frozen=True, slots=True)
class Assessed:
    """An assessment with its title: the property, scope and subject it weighs."""

    title: str
    assessment: Assessment


@dataclass(frozen=True, slots=True)
class Section:
    """One subject's conflicts, revisions and assessments (subject None: no subject)."""

    subject: str | None
    name: str
    anchor: str
    conflicts: tuple[ConflictEntry, ...]
    revisions: tuple[RevisionEntry, ...]
    assessments: tuple[Assessed, ...]

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
    assessment_rule: AssessmentRule = ASSESSMENT_RULE

    @property
    def hidden(self) -> int:
        """Decided conflicts left out (--include-decided shows them)."""
        return self.summary.conflicts - self.summary.shown


def shows(conflict: Conflict, include_decided: bool) -> bool:
    """Open and disputed conflicts always; other decided ones with --include-decided."""
    return not conflict.decided or conflict.kept_visible or include_decided


def build(data: ReportData, include_decided: bool) -> ContradictionReport:
    """The report: shown conflicts and every revision, grouped by subject, with assessments."""
    conflicts = [c for c in data.result.conflicts if not c.revision]
    shown = [c for c in conflicts if shows(c, include_decided)]
    revisions = [c for c in data.result.conflicts if c.revision]
    assessments = _assessments(data, shown, revisions)
    by_subject: dict[str | None, list[Conflict]] = defaultdict(list)
    for conflict in shown + revisions:
        by_subject[conflict.subject].append(conflict)
    anchors: set[str] = set()
    sections = [
        _section(data, subject, found, assessments.get(subject, []), anchors)
        for subject, found in sorted(by_subject.items(), key=lambda i: _subject_order(data, i[0]))
    ]
    summary = Summary(
        by_rule=_counts(conflicts, shown, lambda c: c.rule, sorted),
        by_status=_counts(conflicts, shown, lambda c: c.status, _status_order),
        by_subject=_counts(conflicts, shown, lambda c: _subject_title(data, c.subject), _by_name),
        conflicts=len(conflicts),
        shown=len(shown),
        revisions=len(revisions),
    )
    return ContradictionReport(data.target, include_decided, summary, tuple(sections))


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
    return Section(
        subject=subject,
        name=_subject_name(data, subject),
        anchor=_anchor(subject, anchors),
        conflicts=tuple(_entry(data, c) for c in found if not c.revision),
        revisions=tuple(_revision(data, c) for c in found if c.revision),
        assessments=tuple(assessments),
    )


def _entry(data: ReportData, conflict: Conflict) -> ConflictEntry:
    shown = rows.shown_claims(data, conflict.claims)
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
    )


def _revision(data: ReportData, conflict: Conflict) -> RevisionEntry:
    steps = rows.in_time_order(data, conflict.claims)
    return RevisionEntry(
        conflict.id, conflict.rule, conflict.message, rows.shown_claims(data, steps)
    )


def _set_aside(data: ReportData, revisions: list[Conflict]) -> frozenset[str]:
    """Claims that no longer count: superseded ones, and a revision's earlier values."""
    replaced = {c.supersedes for c in data.claims.values() if c.supersedes}
    for revision in revisions:
        replaced.update(rows.in_time_order(data, revision.claims)[:-1])
    return frozenset(replaced)


def _questions(
    data: ReportData, shown: list[Conflict]
) -> tuple[dict[Question, dict[str, Claim]], dict[Question, str | None]]:
    """The questions shown value conflicts are about, with their claims in conflict, and the
    subject whose section shows each (the first conflict's)."""
    involved: dict[Question, dict[str, Claim]] = defaultdict(dict)
    home: dict[Question, str | None] = {}
    for conflict in shown:
        rule = by_id(conflict.rule)
        if rule is None or not rule.weighs_values or len(conflict.claims) < 2:
            continue
        for claim in (data.claims[i] for i in conflict.claims if i in data.claims):
            question = Question(claim.subject, claim.property, scope_key(claim))
            involved[question][claim.id] = claim
            home.setdefault(question, conflict.subject)
    return involved, home


def _assessments(
    data: ReportData, shown: list[Conflict], revisions: list[Conflict]
) -> dict[str | None, list[Assessed]]:
    """One assessment per question, weighing the question's claims whose times overlap a
    claim in conflict (figures for another time are a trend, not a rival)."""
    involved, home = _questions(data, shown)
    asked: dict[Question, list[Claim]] = defaultdict(list)
    for claim in sorted(data.claims.values(), key=lambda c: c.id):
        question = Question(claim.subject, claim.property, scope_key(claim))
        if question in involved:
            asked[question].append(claim)
    set_aside = _set_aside(data, revisions)
    found: dict[str | None, list[Assessed]] = defaultdict(list)
    for question, in_conflict in involved.items():
        weighed = [
            c for c in asked[question] if any(times_overlap(c, k) for k in in_conflict.values())
        ]
        title = _question_title(data, question)
        found[home[question]].append(Assessed(title, assess(question, weighed, set_aside, data)))
    return found


def _question_title(data: ReportData, question: Question) -> str:
    """ "killed (civilians) of Mirza Olang attack" """
    scope = f" ({question.scope})" if question.scope else ""
    return f"{question.property}{scope} of {_subject_name(data, question.subject)}"


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
