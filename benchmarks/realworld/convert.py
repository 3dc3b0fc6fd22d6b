"""Converts the real-reporting data set (its neutral schema: claims, sources and spelling
variants) into a ledger folder, the way a careful analyst would record it: ids as the data
set writes them; speakers as entities or unnamed descriptions; attributions as the
organisations they name; every figure in the ledger's words (hedges, floors, estimates,
figures given only in words); when a figure was current (as_of) apart from the time it
counts (period); modality as a stance; copies and citations between pages; every spelling a
page uses listed on that page; properties the ledger does not ship declared. The mapping is
data (mapping.yaml, organisations.yaml); what the ledger cannot say is listed as unsaid."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from benchmarks.realworld.names import HERE, Gazetteer, Ids, Speaker, SpeakerReader, slug
from benchmarks.realworld.parts import read_parts
from benchmarks.realworld.readings import (
    ENTITY_PROPERTIES,
    QUANTITY,
    PropertyReader,
    PropertyReading,
    entity_ids,
    quantity_words,
    read_times,
)
from benchmarks.realworld.sources import source_records
from benchmarks.realworld.values import date_value, time_value
from provenance import stances
from provenance.properties import PROPERTIES

MAPPING = HERE / "mapping.yaml"


@dataclass
class Ledger:
    """What the conversion writes, by file, and what it could not say."""

    sources: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    claims: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    properties: dict[str, dict[str, Any]] = field(default_factory=dict)
    unsaid: list[str] = field(default_factory=list)
    derived: dict[str, str] = field(default_factory=dict)
    """Claims made of a figure in another claim's note, and the claim each comes from: the
    answer key knows only the original, so the scorer reads a derived claim as its original
    when it counts false flags (score.score)."""

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        if self.properties:
            _dump(folder / "properties.yaml", {"properties": list(self.properties.values())})
        _dump(folder / "sources.yaml", {"sources": self.sources})
        by_kind: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for entity in self.entities.values():
            by_kind[entity["kind"]].append(entity)
        for kind, entities in sorted(by_kind.items()):
            _dump(folder / "entities" / f"{kind}.yaml", {"entities": entities})
        for subject, claims in sorted(self.claims.items()):
            _dump(folder / "claims" / f"{subject}.yaml", {"claims": claims})


class _Plain(yaml.SafeDumper):
    """Writes a value used twice in full each time, as a person writes a ledger: no YAML
    anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(path: Path, content: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.dump(content, Dumper=_Plain, allow_unicode=True, sort_keys=False, width=100)
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

    def convert(self) -> Ledger:
        for source in self.data.get("sources", []):
            self.source_ids[source["id"]] = self.ids.claim(_id(source["id"]))
        self.ledger.sources = source_records(self.data, self.source_ids, self.mapping)
        claim_ids = {c["id"]: self.ids.claim(_id(c["id"])) for c in self.data["claims"]}
        for claim in self.data["claims"]:
            self._claim(claim, claim_ids[claim["id"]])
        return self.ledger

    # -- one claim ----------------------------------------------------------------------------

    def _claim(self, claim: dict[str, Any], ident: str) -> None:
        subject = self._event(claim)
        reading = self.properties.read(claim["property"])
        speaker = self.speakers.read(
            claim.get("speaker") or "publication", claim.get("speaker_role") or ""
        )
        modality = self._modality(claim)
        times = read_times(claim.get("refers_to"), self.mapping["day_parts"])
        record: dict[str, Any] = {"id": ident, "subject": subject}
        record.update(self._value(claim, reading, modality, times))
        self._declare(record)
        for key, value in (("as_of", times.as_of), ("period", times.period)):
            if value and key not in record:
                record[key] = value
        record.update(self._polarity_and_stance(claim, modality, reading, record))
        others = self._other_figures(claim, record)
        if record.pop("_kind", None) == QUANTITY:
            parts = read_parts(claim.get("note"), claim["value"].get("value"), self.gazetteer)
            if parts:
                record.update(parts=parts, parts_complete=True)
        said_by = self._said_by(speaker)
        if said_by:
            record["said_by"] = said_by
        record["source"] = self.source_ids.get(
            claim["publication"]["source_id"], _id(claim["publication"]["source_id"])
        )
        if speaker.where:
            record["locator"] = speaker.where
        notes = self._notes(claim, speaker, times.note, record.pop("_words", None))
        if notes:
            record["notes"] = notes
        self.ledger.claims[subject].append(record)
        for prop, value in others:
            self._derived(record, prop, value, claim)

    def _derived(
        self, record: dict[str, Any], prop: str, value: str, claim: dict[str, Any]
    ) -> None:
        """A claim of its own for a figure the note of another gives ("25 killed", note "8
        wounded"): the same source, speaker, time and scope (those brought to one hospital)
        say it, as an analyst records it."""
        ident = self.ids.claim(f"{record['id']}-{prop}")
        derived: dict[str, Any] = {"id": ident, "subject": record["subject"], "property": prop}
        derived["value"] = int(value) if value.isdigit() else value
        self._declare({**derived, "_kind": QUANTITY})
        for key in ("as_of", "period", "scope", "stance", "said_by", "source", "locator"):
            if key in record:
                derived[key] = record[key]
        derived["notes"] = f"given beside the {record['property']} figure: {claim.get('note')}"
        self.ledger.claims[record["subject"]].append(derived)
        self.ledger.derived[ident.casefold()] = str(record["id"]).casefold()

    def _event(self, claim: dict[str, Any]) -> str:
        ident = _id(claim.get("subject_key") or claim["subject"])
        if ident not in self.ledger.entities:
            self.ledger.entities[ident] = {
                "id": ident,
                "kind": "event",
                "name": claim["subject"].split(" (")[0].strip() or claim["subject"],
                "notes": claim["subject"],
            }
        return ident

    def _modality(self, claim: dict[str, Any]) -> dict[str, Any]:
        """The modality as written and what mapping.yaml reads in it (its words before an
        aside: "blame (provides platform)" is read as "blame")."""
        written = (claim.get("modality") or "").strip()
        if not written:
            return {}
        key = re.sub(r"\s*\([^)]*\)", "", written).strip().casefold()
        return {"written": written, **(self.mapping["modalities"].get(key) or {})}

    # -- the value ----------------------------------------------------------------------------

    def _value(
        self, claim: dict[str, Any], reading: PropertyReading, modality: dict[str, Any], times: Any
    ) -> dict[str, Any]:
        value = claim["value"]
        kind = (value.get("kind") or "text").casefold()
        prop = reading.property
        out: dict[str, Any] = {"property": prop}
        if kind in {"count", "range", "number", "estimate"}:
            words, unknown = quantity_words(
                value, self.mapping["qualifiers"], bool(modality.get("floor"))
            )
            out["value"] = words
            unit, scope = self._unit(value.get("unit"), reading)
            if unit:
                out["unit"] = unit
            if scope:
                out["scope"] = scope
            if unknown:
                out["_hedge"] = unknown
            out["_kind"] = QUANTITY
            return out
        text = str(value.get("value"))
        if reading.kind == QUANTITY or (
            prop in PROPERTIES and PROPERTIES[prop].kind.value == QUANTITY
        ):
            # words where a number was expected ("heavy casualties"): some, no number given
            out["value"] = self.mapping["exists_words"]
            out["_words"] = f"in words: {text}"
            out["_kind"] = QUANTITY
            if reading.scope:
                out["scope"] = reading.scope
            return out
        if kind == "date" or prop == "date":
            return out | date_value(text, times.as_of or times.period)
        if prop == "time":
            return out | time_value(text, times.as_of or times.period)
        if prop in ENTITY_PROPERTIES:
            return out | self._entities(text, prop)
        out["value"] = text
        return out

    def _entities(self, text: str, prop: str) -> dict[str, Any]:
        folded = text.strip().casefold()
        if folded in self.mapping["nobody_words"]:
            return {"value": "nobody", "_words": f"in words: {text}"}
        if folded in self.mapping["unknown_words"]:
            return {"value": "unknown"}
        named, cover = entity_ids(text, self.gazetteer)
        if not named and cover:  # "IS is only a cover name": the speaker denies it did it
            return {"value": self._ids(cover), "_cover": True, "_words": f"in words: {text}"}
        ids = [self._organisation(i) for i in named] or [self._other_entity(text, prop)]
        out: dict[str, Any] = {"value": ids if len(ids) > 1 else ids[0]}
        if cover:
            out["_unsaid"] = f"names {', '.join(cover)} only as a cover (kept in notes)"
            out["_words"] = f"in words: {text}"
        elif named and text.strip() not in {self.gazetteer.organisations[i].name for i in named}:
            out["_words"] = f"in words: {text}"
        return out

    def _ids(self, named: list[str]) -> object:
        ids = [self._organisation(i) for i in named]
        return ids if len(ids) > 1 else ids[0]

    def _unit(self, unit: str | None, reading: PropertyReading) -> tuple[str | None, str | None]:
        """The claim's unit and scope: a unit that names people ("attackers", "mothers")
        is a count of people, and says who was counted unless the property already does."""
        if unit is None:
            return reading.unit, reading.scope
        if unit.casefold() in {u.casefold() for u in self.mapping["people_units"]}:
            word = unit.casefold()
            said = {reading.property, reading.scope or ""}
            scope = reading.scope
            if word not in {"people", "persons"} and not any(word in s for s in said):
                scope = self.mapping["populations"].get(word, word)
            return None, scope
        return self.mapping["units"].get(unit, unit), reading.scope

    def _declare(self, record: dict[str, Any]) -> None:
        """Declares a property the ledger does not ship, with the traits mapping.yaml gives
        it, else the kind of the value the conversion wrote."""
        prop = record["property"]
        if prop in PROPERTIES or prop in self.ledger.properties:
            return
        traits = dict(self.mapping["declare"].get(prop) or {})
        if not traits:
            traits = {"kind": record.get("_kind") or _kind_of(record.get("value"))}
        self.ledger.properties[prop] = {"id": prop, **traits}

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

    # -- who says it, and how -----------------------------------------------------------------

    def _polarity_and_stance(
        self,
        claim: dict[str, Any],
        modality: dict[str, Any],
        reading: PropertyReading,
        record: dict[str, Any],
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        polarity = (claim.get("polarity") or "asserted").casefold()
        if polarity in {"denied", "negated", "rejected"}:
            out["polarity"] = "denied"
        if modality.get("polarity"):
            out["polarity"] = modality["polarity"]
        if reading.credibility and "polarity" not in out:
            out["polarity"] = "questioned"
        if record.pop("_cover", False):  # named only as the cover of another
            out["polarity"] = "denied" if polarity == "asserted" else "affirmed"
        parts = []
        written = modality.get("written")
        if written:
            known = stances.read(written)
            mapped = modality.get("stance")
            parts.append(written if known or not mapped else f"{mapped}: {written}")
        if reading.claimed_by:
            parts.append(f"claimed by {reading.claimed_by}")
        role = str(claim.get("speaker_role") or "").casefold()
        for word, stance in self.mapping["role_stances"].items():
            if re.search(rf"\b{re.escape(word)}\b", role) and not stances.read("; ".join(parts)):
                parts.append(stance)
        hedge = record.pop("_hedge", None)
        if hedge:
            parts.append(hedge)
        if parts:
            out["stance"] = "; ".join(parts)
        return out

    def _other_figures(
        self, claim: dict[str, Any], record: dict[str, Any]
    ) -> list[tuple[str, str]]:
        """Figures of other properties a note gives beside an asserted figure ("and more
        than 143 wounded"), as the ledger writes a value ("more than 143"): the data set
        lists them as no claim of their own, and the ledger records each as a claim
        (_derived), as an analyst would; a hedged or denied claim's note is left as it is."""
        if "polarity" in record or record.get("_kind") != QUANTITY:
            return []
        hedges = self.mapping["qualifiers"]
        words = "|".join(sorted(map(re.escape, hedges), key=len, reverse=True))
        pattern = rf"(?:\b({words})\s+)?(\d[\d,]*)\s+(\w+)"
        found: list[tuple[str, str]] = []
        for hedge, number, word in re.findall(pattern, str(claim.get("note") or ""), re.I):
            prop = self.properties.measure(word)
            if prop is not None and prop != record["property"]:
                written = (hedges.get(hedge.casefold()) or "") if hedge else ""
                found.append((prop, f"{written} {number.replace(',', '')}".strip()))
        return found

    def _said_by(self, speaker: Speaker) -> list[object]:
        if speaker.kind == "publication":
            return []
        if speaker.kind == "unnamed":
            unnamed: dict[str, Any] = {"unnamed": speaker.name}
            if speaker.organisation:
                unnamed["of"] = self._organisation(speaker.organisation)
            return [unnamed]
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

    def _notes(
        self, claim: dict[str, Any], speaker: Speaker, when: str | None, words: str | None
    ) -> str | None:
        parts = [words]
        if speaker.via:
            parts.append("via " + "; ".join(v for v in speaker.via if v != speaker.where))
        if speaker.role and speaker.kind != "publication":
            parts.append(f"speaker: {speaker.role}")
        if when:
            parts.append(f"time: {when}")
        if claim.get("note"):
            parts.append(str(claim["note"]))
        return "; ".join(p for p in parts if p and p != "via ") or None


def _kind_of(value: object) -> str:
    if isinstance(value, dict) and len(value) == 1:
        return str(next(iter(value)))
    return "text"


def _id(text: str) -> str:
    """An id as the data set writes it, case kept; characters an id cannot hold become '-'."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-_.")


def convert(data_file: Path, folder: Path) -> Ledger:
    data = yaml.safe_load(data_file.read_text("utf-8"))
    ledger = Converter(data).convert()
    for claims in ledger.claims.values():
        for claim in claims:
            for private in [k for k in claim if k.startswith("_")]:
                said = claim.pop(private)
                if private in {"_unsaid", "_date"}:
                    ledger.unsaid.append(f"{claim['id']}: {said}")
    ledger.write(folder)
    return ledger
