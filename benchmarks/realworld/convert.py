"""Converts the real-reporting data set (its neutral schema: claims, sources and spelling
variants) into a ledger folder, the way a careful analyst would record it: speakers as
entities or unnamed descriptions, attributions as the organisations they name, the hedge of
every figure in the ledger's words, copies of one text marked as such, and every spelling a
page uses listed on that page. The mapping is data (mapping.yaml, organisations.yaml)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.realworld.names import HERE, Gazetteer, Ids, Speaker, SpeakerReader, slug
from benchmarks.realworld.readings import (
    DATE,
    ENTITY,
    ENTITY_PROPERTIES,
    QUANTITY,
    TEXT,
    PropertyReader,
    PropertyReading,
    entity_ids,
    quantity_words,
    read_times,
)
from provenance.properties import PROPERTIES

MAPPING = HERE / "mapping.yaml"


@dataclass
class Ledger:
    """What the conversion writes, by file, and what it could not say."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    unsaid: list[str] = field(default_factory=list)

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        _dump(folder / "sources.yaml", {"sources": self.sources})
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entity in self.entities.values():
            by_kind[entity["kind"]].append(entity)
        for kind, entities in sorted(by_kind.items()):
            _dump(folder / "entities" / f"{kind}.yaml", {"entities": entities})
        for subject, claims in sorted(self.claims.items()):
            _dump(folder / "claims" / f"{subject}.yaml", {"claims": claims})


def _dump(path: Path, content: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, "utf-8")


class Converter:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.mapping: dict[str, Any] = yaml.safe_load(MAPPING.read_text("utf-8"))
        self.gazetteer = Gazetteer()
        self.speakers = SpeakerReader(self.mapping, self.gazetteer)
        self.properties = PropertyReader(self.mapping)
        self.ledger = Ledger()
        self.ids = Ids()
        self.source_ids: dict[str, str] = {}
        self.sources_by_id = {s["id"]: s for s in data.get("sources", [])}

    # -- whole data set -----------------------------------------------------------------------

    def convert(self) -> Ledger:
        for source in self.data.get("sources", []):
            self.source_ids[source["id"]] = self.ids.claim(_id(source["id"]))
        self._sources()
        claim_ids = {c["id"]: self.ids.claim(_id(c["id"])) for c in self.data["claims"]}
        for claim in self.data["claims"]:
            self._claim(claim, claim_ids[claim["id"]])
        self._mentions()
        return self.ledger

    def _sources(self) -> None:
        copies = _copies(self.data.get("sources", []))
        for source in self.data.get("sources", []):
            record: dict[str, Any] = {
                "id": self.source_ids[source["id"]],
                "title": source.get("title") or source["id"],
                "publisher": source.get("publisher"),
                "published": source.get("date"),
                "url": source.get("url"),
                "language": source.get("language"),
                "kind": self._source_kind(source),
                "reliability": "F",
                "derived_from": [self.source_ids[o] for o in copies.get(source["id"], [])],
                "notes": source.get("note"),
            }
            self.ledger.sources.append({k: v for k, v in record.items() if v not in (None, [])})

    def _source_kind(self, source: dict[str, Any]) -> str:
        words = f"{source.get('publisher', '')} {source.get('title', '')}".casefold()
        if re.search(r"\b(wikipedia|wiki|encyclopedia)\b", words):
            return "other"
        if re.search(r"\b(twitter|tweet|telegram|facebook)\b", words):
            return "social-media"
        if re.search(r"\b(unama|united nations|un news)\b", words):
            return "un"
        if re.search(r"\b(msf|médecins|medecins|doctors without borders)\b", words):
            return "ngo"
        return "news"

    # -- one claim ----------------------------------------------------------------------------

    def _claim(self, claim: dict[str, Any], ident: str) -> None:
        subject = self._event(claim)
        reading = self.properties.read(claim["property"])
        speaker = self.speakers.read(
            claim.get("speaker") or "publication", claim.get("speaker_role") or ""
        )
        record: dict[str, Any] = {"id": ident, "subject": subject}
        record.update(self._value(claim, reading))
        times = read_times(claim.get("refers_to"))
        as_of = times.as_of or times.period
        if as_of:
            record["as_of"] = as_of
        polarity = (claim.get("polarity") or "asserted").casefold()
        if polarity in {"denied", "negated", "rejected"}:
            record["polarity"] = "denied"
        stance = self._stance(claim, reading)
        if stance:
            record["stance"] = stance
        said_by = self._said_by(speaker)
        if said_by:
            record["said_by"] = said_by
        record["source"] = self.source_ids.get(
            claim["publication"]["source_id"], _id(claim["publication"]["source_id"])
        )
        if speaker.where:
            record["locator"] = speaker.where
        notes = self._notes(claim, speaker, times.note)
        if notes:
            record["notes"] = notes
        self.ledger.claims[subject].append(record)

    def _event(self, claim: dict[str, Any]) -> str:
        key = claim.get("subject_key") or claim["subject"]
        ident = _id(key)
        if ident not in self.ledger.entities:
            self.ledger.entities[ident] = {
                "id": ident,
                "kind": "event",
                "name": _name_of_event(claim["subject"]),
                "notes": claim["subject"],
            }
        return ident

    def _value(self, claim: dict[str, Any], reading: PropertyReading) -> dict[str, Any]:
        value = claim["value"]
        kind = (value.get("kind") or "text").casefold()
        prop = reading.property
        out: dict[str, Any] = {"property": prop}
        if kind in {"count", "range", "number"}:
            words, unknown = quantity_words(value, self.mapping["qualifiers"])
            unit = self._unit(value.get("unit"), reading)
            out["value"] = self._typed(prop, QUANTITY, words)
            if unit:
                out["unit"] = unit
            if reading.scope:
                out["scope"] = reading.scope
            if unknown:
                out["_hedge"] = unknown
            return out
        text = str(value.get("value"))
        if reading.kind == QUANTITY:  # words where a number was expected ("heavy casualties")
            out["property"] = prop = f"{prop}-described"
        if kind == "date" or prop in {"date"}:
            if not re.fullmatch(r"\d{4}(-\d{2}){0,2}", text):
                out["_date"] = text
                out["property"] = prop = "date-as-written"
                out["value"] = self._typed(prop, TEXT, text)
                return out
            out["value"] = self._typed(prop, DATE, text)
            return out
        if prop in ENTITY_PROPERTIES:
            named, cover = entity_ids(text, self.gazetteer)
            ids = [self._organisation(i) for i in named] or [self._other_entity(text, prop)]
            out["value"] = self._typed(prop, ENTITY, ids if len(ids) > 1 else ids[0])
            if cover:
                out["_cover"] = [self._organisation(i) for i in cover]
            return out
        out["value"] = self._typed(prop, TEXT, text)
        return out

    def _typed(self, prop: str, kind: str, plain: object) -> object:
        spec = PROPERTIES.get(prop)
        if spec is not None and spec.kind.value == kind:
            return plain
        key = "entities" if kind == ENTITY and isinstance(plain, list) else kind
        return {key: plain}

    def _unit(self, unit: str | None, reading: PropertyReading) -> str | None:
        if unit is None:
            return reading.unit
        if unit in self.mapping["people_units"]:
            return None
        return self.mapping["units"].get(unit, unit)

    def _organisation(self, ident: str) -> str:
        org = self.gazetteer.organisations[ident]
        if ident not in self.ledger.entities:
            record: dict[str, Any] = {"id": ident, "kind": "organisation", "name": org.name}
            if org.aliases:
                record["aliases"] = list(org.aliases)
            if org.part_of:
                record["part_of"] = self._organisation(org.part_of)
            self.ledger.entities[ident] = record
        return ident

    def _other_entity(self, text: str, prop: str) -> str:
        ident = slug(text)
        if ident not in self.ledger.entities:
            kind = "place" if prop == "location" else "other"
            self.ledger.entities[ident] = {"id": ident, "kind": kind, "name": text}
        return ident

    def _stance(self, claim: dict[str, Any], reading: PropertyReading) -> str | None:
        modality = (claim.get("modality") or "").strip()
        if not modality:
            return None
        known = self.mapping["modalities"].get(modality.casefold())
        return (known or {}).get("stance") or modality

    def _said_by(self, speaker: Speaker) -> list[str]:
        if speaker.kind == "publication":
            return []
        if speaker.kind == "unnamed":
            return []
        if speaker.kind == "organisation" and speaker.organisation:
            return [self._organisation(speaker.organisation)]
        ident = slug(speaker.name)
        if ident not in self.ledger.entities:
            kind = "person" if speaker.kind == "person" else "organisation"
            record: dict[str, Any] = {"id": ident, "kind": kind, "name": speaker.name}
            if speaker.role:
                record["notes"] = speaker.role
            self.ledger.entities[ident] = record
        return [ident]

    def _notes(self, claim: dict[str, Any], speaker: Speaker, when: str | None) -> str | None:
        parts = []
        if speaker.kind == "unnamed":
            parts.append(f"said by {speaker.name}")
        if speaker.via:
            parts.append("via " + "; ".join(v for v in speaker.via if v != speaker.where))
        if speaker.role and speaker.kind != "publication":
            parts.append(f"speaker: {speaker.role}")
        if when:
            parts.append(f"time: {when}")
        if claim.get("note"):
            parts.append(str(claim["note"]))
        return "; ".join(p for p in parts if p and p != "via ") or None

    # -- names seen on pages ------------------------------------------------------------------

    def _mentions(self) -> None:
        """Every spelling a page uses, on a claim of that page (the checker's spelling search
        reads them); a page with no claim keeps its spellings in its notes."""
        first_claim: dict[str, dict[str, Any]] = {}
        for claims in self.ledger.claims.values():
            for claim in claims:
                first_claim.setdefault(claim["source"], claim)
        for group in self.data.get("spelling_variants", []):
            for variant in group.get("variants", []):
                for seen in variant.get("seen_in", []):
                    source = self.source_ids.get(seen.get("source_id", ""))
                    claim = first_claim.get(source or "")
                    if claim is None:
                        self.ledger.unsaid.append(
                            f"spelling '{variant['form']}' on {seen.get('source_id')}: "
                            "that page has no claim to carry it"
                        )
                        continue
                    mentions = claim.setdefault("mentions", [])
                    if variant["form"] not in mentions:
                        mentions.append(variant["form"])


def _copies(sources: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Pages whose notes say they carry the same text as another page of the set: each such
    group is one text, the earliest page its original and the others its copies."""
    known = {s["id"] for s in sources}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for source in sources:
        note = source.get("note") or ""
        if not re.search(r"\b(same|copy|mirror|republished|reproduce)", note, re.I):
            continue
        for other in re.findall(r"[a-z]{2}_[a-z0-9_]+", note):
            for candidate in (other, f"{source['id'][:2]}_{other}"):
                if candidate in known and candidate != source["id"]:
                    a, b = root(source["id"]), root(candidate)
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


def _id(text: str) -> str:
    return re.sub(r"[^a-z0-9._-]+", "-", text.casefold()).strip("-_.")


def _name_of_event(subject: str) -> str:
    return subject.split(" (")[0].strip() or subject


def convert(data_file: Path, folder: Path) -> Ledger:
    data = yaml.safe_load(data_file.read_text("utf-8"))
    ledger = Converter(data).convert()
    for claims in ledger.claims.values():
        for claim in claims:
            for private in [k for k in claim if k.startswith("_")]:
                ledger.unsaid.append(f"{claim['id']}: {private[1:]} {claim.pop(private)!r}")
    ledger.write(folder)
    return ledger
