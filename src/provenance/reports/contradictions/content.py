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
from datetime import UTC, datetime

from provenance import dates
from provenance.agreement import times_overlap
from provenance.checker import Conflict
from provenance.checks import by_id
from provenance.errors import ProvenanceError
from provenance.model import Claim, Source, Verdict
from provenance.reports.contradictions import assessment, findings, rows, topics, wording
from provenance.reports.contradictions.assessment import Assessment, Question, assess
from provenance.reports.contradictions.charts import Chart
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
class Edition:
    """What the report is and for whom: its title, what it covers, its date (in words), and
    whether it shows the maintainer's view (ids, rules, file:line) beside the reader's."""

    title: str
    scope: str
    date: str
    maintainer: bool = False


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A source the report cites, as a reader cites it, with its address."""

    id: str
    citation: str  # "Publisher, 13 November 2017"
    title: str
    authors: tuple[str, ...]
    url: str
    reliability: str
    reliability_label: str


@dataclass(frozen=True, slots=True)
class ContradictionReport:
    target: str
    include_decided: bool
    summary: Summary
    sections: tuple[Section, ...]
    assessment_rule: AssessmentRule = ASSESSMENT_RULE
    edition: Edition = Edition("Contradiction report", "", "")
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


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line asks of a report (None: the default)."""

    include_decided: bool = False
    title: str | None = None
    scope: str | None = None
    date: str | None = None
    maintainer: bool = False
    subject: str | None = None


def edition(data: ReportData, options: Options, today: datetime | None = None) -> Edition:
    """The title (default: the ledger folder's), the scope (default: what was read) and the
    date in words (default: today's), always shown."""
    title = options.title or f"{TITLE}: {data.target}"
    if options.scope:
        scope = options.scope
    else:
        about = _subject_name(data, options.subject) if options.subject else "Every subject"
        scope = f"{about} in {data.target}"
    if options.date:
        try:
            day = wording.span_words(dates.parse_timespan(options.date))
        except ProvenanceError as error:
            raise ProvenanceError(f"--date {options.date!r}: {error}") from error
    else:
        now = today or datetime.now(UTC)
        day = f"{now.day} {wording.MONTHS[now.month - 1]} {now.year}"
    return Edition(title, scope, day, options.maintainer)


TITLE = "Contradiction report"


def build(
    data: ReportData, include_decided: bool | Options = False, today: datetime | None = None
) -> ContradictionReport:
    """The report: shown conflicts and every revision, grouped by subject, with key findings,
    charts and assessments; housekeeping in the appendix."""
    options = include_decided if isinstance(include_decided, Options) else Options(include_decided)
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
        edition=edition(data, options, today),
        appendix=appendix,
        sources=_cited(data, (*sections, *appendix)),
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


def _cited(data: ReportData, sections: tuple[Section, ...]) -> tuple[CitedSource, ...]:
    """Every source a shown claim comes from, by citation."""
    ids = {
        row.source
        for section in sections
        for rows_ in (
            *(e.claims for e in section.conflicts),
            *(r.steps for r in section.revisions),
        )
        for row in rows_
    }
    found = [_cite(s) for i in ids if (s := data.sources.get(i)) is not None]
    return tuple(sorted(found, key=lambda c: (c.citation.casefold(), c.id)))


def _cite(source: Source) -> CitedSource:
    return CitedSource(
        id=source.id,
        citation=wording.citation(source),
        title=source.title,
        authors=source.authors,
        url=source.url or "",
        reliability=source.reliability.value,
        reliability_label=source.reliability.label,
    )


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
    about = topics.topics(data, conflicts, assessed, decided)
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
            question = topics.question_of(claim)
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
        question = topics.question_of(claim)
        if question in involved:
            asked[question].append(claim)
    set_aside = _set_aside(data, revisions)
    found: dict[str | None, list[Assessed]] = defaultdict(list)
    for question, in_conflict in involved.items():
        weighed = [
            c for c in asked[question] if any(times_overlap(c, k) for k in in_conflict.values())
        ]
        found[home[question]].append(
            Assessed(
                topics.title(data, question),
                assess(question, weighed, set_aside, data),
                topics.decision(data, question, shown),
            )
        )
    return found


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
