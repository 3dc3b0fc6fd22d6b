"""The questions a subject's conflicts are about: each weighed in an assessment (the claims
whose times overlap a claim in conflict, superseded and revised ones set aside), with what
the analyst's reviews decided (a conflict resolved in favour of a claim, or kept disputed),
and gathered for the report's key findings and charts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from provenance import dates
from provenance.agreement import scope_key, times_overlap
from provenance.checker import Conflict
from provenance.checks import by_id
from provenance.errors import InvalidValue
from provenance.model import Claim, Polarity, Verdict
from provenance.reports.contradictions import charts, rows, wording
from provenance.reports.contradictions.assessment import (
    Assessment,
    Question,
    assess,
    value_words,
)
from provenance.reports.contradictions.charts import Chart
from provenance.reports.contradictions.findings import Decision, Held, Step, Topic
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
    revisions: Sequence[Conflict] = (),
) -> list[tuple[Topic, tuple[Chart, ...]]]:
    """One topic per question the value conflicts are about (and per running count whose
    timeline a revision gives), in the order they appear, with its positions, its timeline
    and its charts."""
    claims: dict[Question, dict[str, Claim]] = {}
    held: dict[Question, tuple[Held, ...]] = {}
    timeline: dict[Question, tuple[Step, ...]] = {}
    for conflict in [*conflicts, *(r for r in revisions if r.details.get("timeline"))]:
        rule = by_id(conflict.rule)
        if rule is None or not rule.weighs_values:
            continue
        about = [data.claims[i] for i in conflict.claims if i in data.claims]
        for claim in about:
            claims.setdefault(question_of(claim), {})[claim.id] = claim
        if not about:
            continue
        question = question_of(about[0])
        positions = _held(data, conflict.details.get("positions"))
        if len(positions) > len(held.get(question, ())):
            held[question] = positions
        steps = _steps(conflict.details.get("timeline"))
        if len(steps) > len(timeline.get(question, ())):
            timeline[question] = steps
    found = []
    for question, involved in claims.items():
        assessment = assessed.get(question)
        shown = rows.shown_claims(data, list(involved))
        topic = Topic(
            title(data, question),
            shown,
            assessment,
            decided.get(question),
            held.get(question, ()),
            timeline.get(question, ()),
        )
        found.append((topic, _charts(data, topic, assessment, involved)))
    return found


def _held(data: ReportData, positions: object) -> tuple[Held, ...]:
    """The positions a finding lists (details["positions"]: each with its claims, and where
    the rule gives them its value in words, speakers, sources, independent count, times)."""
    if not isinstance(positions, list):
        return ()
    found = []
    for position in positions:
        if not isinstance(position, Mapping):
            continue
        ids = tuple(str(i) for i in position.get("claims") or () if str(i) in data.claims)
        if not ids:
            continue
        members = [data.claims[i] for i in ids]
        names = [_holder(data, c, s) for c in members for s in c.said_by or (None,)]
        sources = list(dict.fromkeys(c.source for c in members))
        independent = position.get("independent")
        value = str(position.get("value") or value_words(members[0], data.entities))
        found.append(
            Held(
                str(value),
                tuple(dict.fromkeys(names)),
                independent if isinstance(independent, int) else len(sources),
                ids,
                _span_words([str(w) for w in position.get("stated") or () if w]),
                members[0].polarity is Polarity.DENIED,
            )
        )
    return tuple(found)


def _holder(data: ReportData, claim: Claim, speaker: str | None) -> str:
    """A speaker by name, or for a claim without one the source reporting it."""
    if speaker is None:
        return wording.citation(data.sources.get(claim.source), claim.source)
    return data.entities[speaker].name if speaker in data.entities else speaker


def _steps(timeline: object) -> tuple[Step, ...]:
    if not isinstance(timeline, list):
        return ()
    return tuple(
        Step(
            _day_words(str(step.get("window") or "")),
            str(step.get("value") or ""),
            tuple(str(i) for i in step.get("claims") or ()),
        )
        for step in timeline
        if isinstance(step, Mapping)
    )


def _span_words(times: Sequence[str]) -> str:
    days = sorted(dict.fromkeys(t for t in times if t != "undated"))
    if not days:
        return ""
    first, last = _day_words(days[0]), _day_words(days[-1])
    return first if first == last else f"{first} to {last}"


def _day_words(text: str) -> str:
    """ "2017-05-31" as "31 May 2017"; text that is not a date as it is."""
    try:
        return wording.date_words(dates.parse_date(text[:10]))
    except (InvalidValue, ValueError):
        return text


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
    positions = {i: n for n, held in enumerate(topic.positions, 1) for i in held.claims}
    found: list[Chart | None] = [
        charts.figure_chart(
            topic.title,
            [(c, r, rows.stated(data, c) or None) for c, r in with_rows],
            band,
            label,
            positions,
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
