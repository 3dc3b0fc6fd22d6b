"""The questions a subject's conflicts are about: each weighed in an assessment (the claims
whose times overlap a claim in conflict, superseded and revised ones set aside), with what
the analyst's reviews decided (a conflict resolved in favour of a claim, or kept disputed),
and gathered for the report's key findings and charts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from provenance.agreement import scope_key, times_overlap
from provenance.checker import Conflict
from provenance.checks import by_id
from provenance.model import Claim, Verdict
from provenance.reports.contradictions import charts, rows
from provenance.reports.contradictions.assessment import (
    Assessment,
    Question,
    assess,
    value_words,
)
from provenance.reports.contradictions.charts import Chart
from provenance.reports.contradictions.findings import Decision, Topic
from provenance.views import ReportData


def question_of(claim: Claim) -> Question:
    return Question(claim.subject, claim.property, scope_key(claim))


def title(data: ReportData, question: Question) -> str:
    """ "killed (civilians) of Mirza Olang attack" """
    scope = f" ({question.scope})" if question.scope else ""
    found = data.entities.get(question.subject)
    return f"{question.property}{scope} of {found.name if found else question.subject}"


def decision(
    data: ReportData, question: Question, conflicts: Sequence[Conflict]
) -> Decision | None:
    """What the reviews of the conflicts about ``question`` decided: resolved in favour of
    one of its claims wins over disputed; None when neither."""
    disputed: Decision | None = None
    for conflict in conflicts:
        review = conflict.review
        about = {question_of(c) for i in conflict.claims if (c := data.claims.get(i))}
        if review is None or question not in about:
            continue
        favoured = data.claims.get(review.in_favour_of or "")
        if review.verdict is Verdict.RESOLVED and favoured is not None:
            source = data.sources.get(favoured.source)
            row = rows.shown_claim(data, favoured)
            return Decision(
                Verdict.RESOLVED.value,
                review.note or "",
                favoured.id,
                value_words(favoured, data.entities),
                row.citation if source else favoured.source,
            )
        if review.verdict is Verdict.DISPUTED:
            disputed = Decision(Verdict.DISPUTED.value, review.note or "")
    return disputed


def topics(
    data: ReportData,
    conflicts: Sequence[Conflict],
    assessed: Mapping[Question, Assessment],
    decided: Mapping[Question, Decision | None],
) -> list[tuple[Topic, tuple[Chart, ...]]]:
    """One topic per question the value conflicts are about, in the order they appear, with
    its charts."""
    claims: dict[Question, dict[str, Claim]] = {}
    for conflict in conflicts:
        rule = by_id(conflict.rule)
        if rule is None or not rule.weighs_values:
            continue
        for claim in (data.claims[i] for i in conflict.claims if i in data.claims):
            claims.setdefault(question_of(claim), {})[claim.id] = claim
    found = []
    for question, involved in claims.items():
        assessment = assessed.get(question)
        shown = rows.shown_claims(data, list(involved))
        topic = Topic(title(data, question), shown, assessment, decided.get(question))
        found.append((topic, _charts(data, topic, assessment, involved)))
    return found


def _charts(
    data: ReportData,
    topic: Topic,
    assessment: Assessment | None,
    involved: Mapping[str, Claim],
) -> tuple[Chart, ...]:
    weighed = dict(involved)
    if assessment is not None:
        weighed.update((i, data.claims[i]) for i in assessment.weighed if i in data.claims)
    ordered = sorted(weighed.values(), key=lambda c: c.id)
    with_rows = [(c, rows.shown_claim(data, c)) for c in ordered]
    band, label = _band_claims(data, topic, assessment)
    found: list[Chart | None] = [
        charts.figure_chart(
            topic.title, [(c, r, rows.stated(data, c) or None) for c, r in with_rows], band, label
        ),
        charts.matrix_chart(topic.title, with_rows, data.entities),
    ]
    return tuple(c for c in found if c is not None)


def _band_claims(
    data: ReportData, topic: Topic, assessment: Assessment | None
) -> tuple[list[Claim], str]:
    if topic.decision is not None and topic.decision.claim in data.claims:
        return [data.claims[topic.decision.claim]], "resolved in favour of this value"
    if assessment is not None and assessment.best is not None:
        return [data.claims[i] for i in assessment.best.claims if i in data.claims], (
            "best supported"
        )
    return [], ""


def laid_aside(data: ReportData, revisions: Sequence[Conflict]) -> frozenset[str]:
    """Claims that no longer count: superseded ones, and a revision's earlier values."""
    replaced = {c.supersedes for c in data.claims.values() if c.supersedes}
    for revision in revisions:
        replaced.update(rows.in_time_order(data, revision.claims)[:-1])
    return frozenset(replaced)


def _questions(
    data: ReportData, shown: Sequence[Conflict]
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
            question = question_of(claim)
            involved[question][claim.id] = claim
            home.setdefault(question, conflict.subject)
    return involved, home


def assessed(
    data: ReportData, shown: Sequence[Conflict], revisions: Sequence[Conflict]
) -> Iterator[tuple[str | None, str, Assessment, Decision | None]]:
    """For each question: the subject that shows it, its title, its assessment (weighing
    the question's claims whose times overlap a claim in conflict: figures for another time
    are a trend, not a rival) and what the reviews decided."""
    involved, home = _questions(data, shown)
    asked: dict[Question, list[Claim]] = defaultdict(list)
    for claim in sorted(data.claims.values(), key=lambda c: c.id):
        question = question_of(claim)
        if question in involved:
            asked[question].append(claim)
    aside = laid_aside(data, revisions)
    for question, in_conflict in involved.items():
        weighed = [
            c for c in asked[question] if any(times_overlap(c, k) for k in in_conflict.values())
        ]
        yield (
            home[question],
            title(data, question),
            assess(question, weighed, aside, data),
            decision(data, question, shown),
        )
