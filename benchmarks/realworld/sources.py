"""The data set's sources as ledger sources: the page's own date (marked inferred when its
note says it was worked out), the names it spells (mentions, from the spelling variants),
the pages it copies verbatim (derived_from) and those it quotes (cites); reliability is left
out, as the data set does not judge it."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

KINDS = (  # words of a page's publisher or title -> the ledger's source kind
    (r"\b(wikipedia|wiki|wikimili|encyclopedia)\b", "other"),
    (r"\b(twitter|tweet|telegram|facebook|whatsapp)\b", "social-media"),
    (r"\b(unama|united nations|un news)\b", "un"),
    (r"\b(msf|médecins|medecins|doctors without borders)\b", "ngo"),
    (
        r"\b(reuters|afp|associated press|xinhua|dpa|efe|upi|pti|irna|isna|bakhtar|anadolu)\b",
        "wire",
    ),
)
MENTION_KINDS = {
    "person": "person",
    "place": "place",
    "group": "organisation",
    "organisation": "organisation",
    "event": "event",
}


def source_records(
    data: dict[str, Any], ids: dict[str, str], mapping: dict[str, Any]
) -> list[dict[str, Any]]:
    sources = data.get("sources", [])
    copies = _related(sources, mapping["copy_words"], earliest=True)
    cited = _related(sources, mapping["cite_words"], earliest=False)
    mentions = _mentions(data)
    records = []
    for source in sources:
        record: dict[str, Any] = {
            "id": ids[source["id"]],
            "title": source.get("title") or source["id"],
            "publisher": source.get("publisher"),
            "published": _published(source, mapping["inferred_words"]),
            "url": source.get("url"),
            "language": source.get("language"),
            "kind": _kind(source),
            "derived_from": [ids[o] for o in copies.get(source["id"], [])],
            "cites": [
                ids[o] for o in cited.get(source["id"], []) if o not in copies.get(source["id"], [])
            ],
            "mentions": mentions.get(source["id"]),
            "notes": source.get("note"),
        }
        records.append({k: v for k, v in record.items() if v not in (None, [])})
    return records


def _kind(source: dict[str, Any]) -> str:
    words = f"{source.get('publisher', '')} {source.get('title', '')}".casefold()
    for pattern, kind in KINDS:
        if re.search(pattern, words):
            return kind
    return "news"


def _published(source: dict[str, Any], inferred_words: list[str]) -> object:
    date = source.get("date")
    if date is None:
        return None
    note = (source.get("note") or "").casefold()
    if any(re.search(rf"\b{re.escape(w)}\b", note) for w in inferred_words):
        return {"date": str(date), "inferred": True}
    return str(date)


def _mentions(data: dict[str, Any]) -> dict[str, list[object]]:
    """Every spelling a page uses, on that page, with what it names."""
    found: dict[str, list[object]] = defaultdict(list)
    for group in data.get("spelling_variants", []):
        kind = MENTION_KINDS.get(str(group.get("type") or "").casefold())
        for variant in group.get("variants", []):
            for seen in variant.get("seen_in", []):
                for name in spellings(variant["form"]):
                    mention: object = {"name": name, "kind": kind} if kind else name
                    if mention not in found[seen.get("source_id", "")]:
                        found[seen.get("source_id", "")].append(mention)
    return found


def spellings(form: str) -> list[str]:
    """A form with another spelling in brackets ('Qasr-e Dubai (قصر دوبی)') is two spellings
    the page uses, each recorded as a mention; anything else is one."""
    inner = re.fullmatch(r"(.+?)\s*\(([^)]+)\)", form.strip())
    return [inner.group(1), inner.group(2)] if inner else [form.strip()]


def _related(
    sources: list[dict[str, Any]], words: list[str], earliest: bool
) -> dict[str, list[str]]:
    """Pages whose notes name another page of the set with one of ``words``. For copies
    (``earliest``) each group of pages with one text is one text: the earliest page is its
    original and the others copy it; otherwise each page points at those it names."""
    known = {s["id"] for s in sources}
    pattern = "|".join(re.escape(w) for w in words)
    links: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        note = source.get("note") or ""
        if not re.search(rf"\b({pattern})", note, re.I):
            continue
        for other in re.findall(r"[a-z]{2}_[a-z0-9_]+|\b[a-z]+_[a-z0-9_]+", note):
            for candidate in (other, f"{source['id'][:2]}_{other}"):
                if candidate in known and candidate != source["id"]:
                    links[source["id"]].append(candidate)
                    break
    return _originals(sources, links) if earliest else dict(links)


def _originals(sources: list[dict[str, Any]], links: dict[str, list[str]]) -> dict[str, list[str]]:
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for one, others in links.items():
        for other in others:
            a, b = root(one), root(other)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for source in sources:
        if source["id"] in parent:
            groups[root(source["id"])].append(source)
    copies: dict[str, list[str]] = {}
    for members in groups.values():
        members.sort(key=lambda s: (str(s.get("date") or "9999"), s["id"]))
        for copy in members[1:]:
            copies[copy["id"]] = [members[0]["id"]]
    return copies
