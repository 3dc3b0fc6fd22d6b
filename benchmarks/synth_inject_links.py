"""Injected conflicts, part 3: declared links, sources and evidence.

declared-contradiction: two accounts of the event from two sources, the second declared to
`contradicts` the first.
circular-reporting: a figure nobody else gives (people arrested after the event) reported
by a wire story and its re-posts, by two re-posts of a story that itself is not in the
ledger, or along a chain of re-posts: agreement that is one assertion.
overconfidence: a claim nobody else makes (people displaced), almost certain, very likely,
0.9 or credibility 1, on a source graded D, E or F.
quote-not-found: a quote that is not in the archived text of its source: a figure changed,
a word changed, or a sentence from another article.
"""

from __future__ import annotations

import re

from benchmarks import synth_words as sw
from benchmarks.synth_inject import fresh, record
from benchmarks.synth_ledger import Claim, Source, archive_text, q
from benchmarks.synth_plan import Kind, Record, Target

ACCOUNTS = (
    ("a car bomb exploded at the gate", "a man on foot detonated a suicide vest"),
    ("the gunmen came from the north", "the gunmen came across the river from the south"),
    ("the attack began at dawn", "the attack began late in the evening"),
    ("police returned fire", "the police post was abandoned before the attack"),
)
FOREIGN_QUOTES = (
    "dismissing such allegations as propaganda",
    "officials could not be reached for comment",
    "the death toll is expected to rise",
)


def declared(t: Target) -> Record:
    first, second = t.desk.rng.choice(ACCOUNTS)
    a = t.desk.extra(fresh(t, "national"), "statement", q(first))
    b = t.desk.extra(fresh(t, "radio"), "statement", q(second), contradicts=(a.id,))
    return record([a, b], "statement")


def _copies(t: Target, origin: Source, count: int, chain: bool) -> list[Source]:
    found: list[Source] = []
    for _ in range(count):
        parent = found[-1] if chain and found else origin
        copy = t.desk.source(
            "copy",
            sw.later(parent.published, 0, 2, t.desk.rng),
            derived_from=parent,
            archived=False,
        )
        t.made.append(copy)
        found.append(copy)
    return found


def _arrests(t: Target, sources: list[Source]) -> Record | None:
    if any(c.prop == "arrested" for c in t.desk.claims):
        return None
    truth = t.desk.rng.randint(2, 40)
    words, span = sw.figure(t.desk.rng, truth, ("exact", "lower", "about"))
    made = []
    for source in sources:
        claim = t.desk.extra(source, "arrested", q(words), said_by=(), stance="reported")
        t.desk.spans[claim.id] = span
        made.append(claim)
    return record(made, "arrested", origin=t.desk.origin.get(sources[-1].id))


def circular_wire(t: Target) -> Record | None:
    wire = fresh(t, "wire", 0, 1)
    return _arrests(t, [wire, *_copies(t, wire, 2, chain=False)])


def circular_copies_only(t: Target) -> Record | None:
    wire = fresh(t, "wire", 0, 1)  # the story is in the ledger but says nothing of arrests
    return _arrests(t, _copies(t, wire, 2, chain=False))


def circular_chain(t: Target) -> Record | None:
    wire = fresh(t, "wire", 0, 1)
    return _arrests(t, [wire, *_copies(t, wire, 2, chain=True)])


def _overconfident(t: Target, confidence: str) -> Record | None:
    if any(c.prop == "displaced" for c in t.desk.claims):
        return None
    outlet = t.desk.rng.choice(("social", "armed", "copy"))
    source = fresh(t, outlet)
    truth = t.desk.rng.randint(20, 3000)
    words, span = sw.figure(t.desk.rng, truth, ("exact", "about", "lower"))
    made = t.desk.extra(source, "displaced", q(words), confidence=confidence)
    t.desk.spans[made.id] = span
    return record([made], "displaced", reliability=source.reliability)


def overconfident_term(t: Target) -> Record | None:
    return _overconfident(t, t.desk.rng.choice(("almost certain", "very likely")))


def overconfident_probability(t: Target) -> Record | None:
    return _overconfident(t, t.desk.rng.choice(("0.9", "0.85", "'95%'")))


def overconfident_credibility(t: Target) -> Record | None:
    return _overconfident(t, "{credibility: 1}")


def normalised(text: str) -> str:
    plain = text.casefold().replace("\u2019", "'").replace("\u2014", "-")
    return " ".join(plain.split())


def _quoted(t: Target) -> tuple[Claim, Source] | None:
    archived = {s.id: s for s in t.desk.sources if s.archived}
    claims = [
        c for c in t.desk.claims if c.source in archived and c.quote and c.id not in t.desk.loose
    ]
    if not claims:
        return None
    claim = t.desk.rng.choice(claims)
    return claim, archived[claim.source]


def _misquote(t: Target, change: str) -> Record | None:
    found = _quoted(t)
    if found is None:
        return None
    claim, source = found
    quote = str(claim.quote)
    if change == "figure":
        new = re.sub(
            r"\d[\d,]*", lambda m: str(int(m.group().replace(",", "")) + 7), quote, count=1
        )
    elif change == "word":
        words = quote.split()
        index = t.desk.rng.randrange(len(words))
        words[index] = {"killed": "dead", "took": "was"}.get(words[index], words[index] + "s")
        new = " ".join(words)
    else:
        new = t.desk.rng.choice(FOREIGN_QUOTES)
    if normalised(new) in normalised(archive_text(source)) or new == quote:
        return None
    claim.quote = new
    return record([claim], claim.prop, quote=new, source=source.id)


def quote_archive_edited(t: Target) -> Record | None:
    """The archived text was edited after its digest was recorded: every quote from it is
    suspect (they are all still in it)."""
    found = _quoted(t)
    if found is None:
        return None
    source = found[1]
    source.edited = "Correction: an earlier version of this report misspelled a name."
    quoted = [c for c in t.desk.claims if c.source == source.id and c.quote]
    return record(quoted, None, source=source.id)


def quote_figure(t: Target) -> Record | None:
    return _misquote(t, "figure")


def quote_word(t: Target) -> Record | None:
    return _misquote(t, "word")


def quote_foreign(t: Target) -> Record | None:
    return _misquote(t, "foreign")


KINDS = [
    Kind("declared-contradiction", "statement", "event", declared),
    Kind("circular-reporting", "wire-and-copies", "event", circular_wire),
    Kind("circular-reporting", "copies-only", "event", circular_copies_only),
    Kind("circular-reporting", "chain", "event", circular_chain),
    Kind("overconfidence", "term", "event", overconfident_term),
    Kind("overconfidence", "probability", "event", overconfident_probability),
    Kind("overconfidence", "credibility", "event", overconfident_credibility),
    Kind("quote-not-found", "figure-changed", "event", quote_figure),
    Kind("quote-not-found", "word-changed", "event", quote_word),
    Kind("quote-not-found", "other-article", "event", quote_foreign),
    Kind("quote-not-found", "archive-edited", "event", quote_archive_edited),
]
