"""`export --format claimreview`: schema.org ClaimReview JSON-LD, the fact-checkers' format,
one object per claim that an analyst's review decided (resolved, disputed, not a conflict),
each naming the claim, who made it, where it appeared, who reviewed it and when, and the
decision as a rating. The HTML contradiction report embeds the same objects.

Ratings (bestRating 3, worstRating 1): 3 "Stands" (a conflict resolved in its favour) or
"Not in conflict"; 2 "Disputed"; 1 "Does not stand" (resolved in favour of another claim)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from provenance.exports.common import ExchangeData, is_person, iso, iso_start, statement
from provenance.model import Claim, Entity, Review, Source, Verdict

if TYPE_CHECKING:
    from provenance.checker import Conflict

CONTEXT = "https://schema.org"
BEST, WORST = 3, 1
SUFFIX = ".claimreview.jsonld"


def render(data: ExchangeData) -> str:
    found = documents(data.claims, data.sources, data.entities, data.conflicts)
    return json.dumps(found, ensure_ascii=False, indent=2) + "\n"


def documents(
    claims: Mapping[str, Claim],
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
    conflicts: Sequence[Conflict],
) -> list[dict[str, object]]:
    """A ClaimReview per claim of each conflict whose latest review decides its claims."""
    found = []
    for conflict in conflicts:
        review = conflict.review
        if review is None or _rating(review, "") is None:
            continue
        for ident in conflict.claims:
            claim = claims.get(ident)
            if claim is not None:
                found.append(_document(conflict.id, claim, review, sources, entities))
    return found


def _rating(review: Review, claim: str) -> tuple[int, str] | None:
    if review.verdict is Verdict.RESOLVED:
        if claim == review.in_favour_of or not claim:
            return BEST, "Stands: the conflict was resolved in its favour"
        return WORST, "Does not stand: the conflict was resolved in favour of another claim"
    if review.verdict is Verdict.DISPUTED:
        return 2, "Disputed: the competing accounts stay open"
    if review.verdict is Verdict.NOT_A_CONFLICT:
        return BEST, "Not in conflict"
    return None  # a spelling's review decides names, not claims


def _document(
    conflict: str,
    claim: Claim,
    review: Review,
    sources: Mapping[str, Source],
    entities: Mapping[str, Entity],
) -> dict[str, object]:
    rating = _rating(review, claim.id)
    assert rating is not None
    source = sources.get(claim.source)
    item: dict[str, object] = {"@type": "Claim", "identifier": claim.id}
    authors = [_agent(s, entities) for s in claim.said_by]
    if authors:
        item["author"] = authors
    if source is not None:
        item["appearance"] = _appearance(source)
        published = iso_start(source.published)
        if published:
            item["datePublished"] = published
    document: dict[str, object] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "identifier": f"{conflict}/{claim.id}",
        "claimReviewed": statement(claim, entities),
        "itemReviewed": item,
        "author": {"@type": "Person", "name": review.reviewer},
        "datePublished": iso_day(review),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating[0],
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": rating[1],
        },
    }
    if review.note:
        document["reviewBody"] = review.note
    return document


def iso_day(review: Review) -> str:
    return review.at.date().isoformat()


def _agent(ident: str, entities: Mapping[str, Entity]) -> dict[str, object]:
    found = entities.get(ident)
    kind = "Person" if is_person(ident, entities) else "Organization"
    return {"@type": kind, "name": found.name if found else ident}


def _appearance(source: Source) -> dict[str, object]:
    work: dict[str, object] = {"@type": "CreativeWork", "headline": source.title}
    if source.url:
        work["url"] = source.url
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    if source.authors:
        work["author"] = [{"@type": "Person", "name": a} for a in source.authors]
    published = iso(source.published.start) if source.published else None
    if published:
        work["datePublished"] = published
    return work
