"""Who is who in the data set: organisations found by their names in a text (the analyst's
entity list, organisations.yaml), speakers read as the page itself, a named person or
organisation, or an unnamed description ("officials"), and ids made from names."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent


def slug(text: str) -> str:
    """An id from a name: ASCII letters and digits joined by '-', or a digest for a name in
    another script (its spelling stays in the entity's name)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    found = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    if found:
        return found[:80].strip("-")
    import hashlib

    return "name-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


class Ids:
    """Unique ids: a second record wanting the same id gets a numbered one."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        ident, n = wanted, 1
        while ident.casefold() in self.taken:
            n += 1
            ident = f"{wanted}-{n}"
        self.taken.add(ident.casefold())
        return ident


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...]
    part_of: str | None


class Gazetteer:
    """The organisations of organisations.yaml, found in free text by any of their names
    (longest name first, whole words, case ignored)."""

    def __init__(self, path: Path = HERE / "organisations.yaml") -> None:
        rows: list[dict[str, Any]] = yaml.safe_load(path.read_text("utf-8"))
        self.organisations = {
            r["id"]: Organisation(r["id"], r["name"], tuple(r.get("aliases", ())), r.get("part_of"))
            for r in rows
        }
        names = [
            (name, org.id)
            for org in self.organisations.values()
            for name in (org.name, *org.aliases)
        ]
        names.sort(key=lambda item: -len(item[0]))
        self._names = names
        self._pattern = re.compile(
            "|".join(rf"(?<![\w-]){re.escape(n)}(?![\w-])" for n, _ in names), re.IGNORECASE
        )
        self._by_name = {n.casefold(): i for n, i in names}
        # an acronym is found only in capitals: "IS" is Islamic State, "is" a verb
        self._acronyms = {n for n, _ in names if n.isupper()}
        self._folded_acronyms = {n.casefold() for n in self._acronyms}

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """(organisation id, start, end) for each name found in ``text``, in order."""
        return [
            (self._by_name[m.group(0).casefold()], m.start(), m.end())
            for m in self._pattern.finditer(text)
            if m.group(0) in self._acronyms or m.group(0).casefold() not in self._folded_acronyms
        ]

    def exactly(self, text: str) -> str | None:
        """The organisation whose name or alias is the whole text."""
        return self._by_name.get(text.strip().casefold())

    def ancestors(self, ident: str) -> list[str]:
        chain: list[str] = []
        current = self.organisations.get(ident)
        while current is not None and current.part_of and current.part_of not in chain:
            chain.append(current.part_of)
            current = self.organisations.get(current.part_of)
        return chain


@dataclass(frozen=True)
class Speaker:
    """A speaker as the data set writes it, read: ``kind`` is publication (the page speaks),
    person, organisation or unnamed; ``name`` the name or description; ``via`` the outlets or
    channels it came through, and ``where`` a part of the page (a headline, a caption)."""

    kind: str
    name: str
    via: tuple[str, ...] = ()
    where: str | None = None
    organisation: str | None = None  # a known organisation it is, or speaks for
    role: str = ""


@dataclass
class SpeakerReader:
    mapping: dict[str, Any]
    gazetteer: Gazetteer
    _words: dict[str, set[str]] = field(default_factory=dict)

    def words(self, key: str) -> set[str]:
        if key not in self._words:
            self._words[key] = {w.casefold() for w in self.mapping[key]}
        return self._words[key]

    def read(self, written: str, role: str) -> Speaker:
        name, asides = _split_asides(written)
        via = tuple(a for a in asides if a)
        where = next((a for a in via if a.casefold() in {"headline", "photo caption"}), None)
        lowered = name.casefold()
        if lowered.split(" (")[0] in self.words("publication_words") or lowered.startswith(
            "publication"
        ):
            return Speaker("publication", name, via, where, role=role)
        known = self.gazetteer.exactly(name)
        if known is not None or name.casefold() in self.words("wires"):
            return Speaker("organisation", name, via, where, known, role)
        tokens = set(re.findall(r"[\w.]+", lowered))
        org_in_role = self._organisation_in(role)
        if self._unnamed(name, role, tokens):
            organisation = self._organisation_in(name) or org_in_role
            return Speaker("unnamed", name, via, where, organisation, role)
        if tokens & self.words("organisation_words"):
            found = self.gazetteer.find(name)
            organisation = found[0][0] if found else None
            return Speaker("organisation", name, via, where, organisation, role)
        return Speaker("person", self._without_title(name), via, where, org_in_role, role)

    def _unnamed(self, name: str, role: str, tokens: set[str]) -> bool:
        """A description rather than a name: the role says so, it starts in lower case
        ("officials", "two local officials"), or it holds a describing word and too few
        capitalised words to be a person's name ("Afghan health official")."""
        if re.search(r"\b(unnamed|anonymous|unidentified)\b", role, re.IGNORECASE):
            return True
        if not _has_capitalised_name(name) or name[:1].islower():
            return True
        return bool(tokens & self.words("unnamed_words")) and not _looks_like_person(
            name, self.words("organisation_words")
        )

    def _organisation_in(self, text: str) -> str | None:
        found = self.gazetteer.find(text)
        return found[-1][0] if found else None

    def _without_title(self, name: str) -> str:
        """The name without a leading rank or office ("Gen.", "Vice President")."""
        for title in sorted(self.words("titles"), key=len, reverse=True):
            if name.casefold().startswith(title + " ") and len(name.split()) > 2:
                return self._without_title(name[len(title) + 1 :])
        return name


def _split_asides(text: str) -> tuple[str, list[str]]:
    """'Attaullah Khugyani (Reuters), via RTA' -> ('Attaullah Khugyani', ['Reuters', 'via RTA'])."""
    asides = [a.strip() for a in re.findall(r"\(([^)]*)\)", text)]
    rest = re.sub(r"\([^)]*\)", " ", text)
    via = re.split(r",?\s+\b(via|per|citing|to)\b\s+", rest, maxsplit=1)
    name = via[0]
    if len(via) > 1:
        asides.append(f"{via[1]} {via[2]}".strip())
    return " ".join(name.split()).strip(" ,"), asides


def _has_capitalised_name(name: str) -> bool:
    """Whether the text holds a proper name: a capitalised word, or a word in another
    script."""
    return any(w[:1].isupper() or not w[:1].isascii() for w in name.split())


def _looks_like_person(name: str, organisation_words: set[str]) -> bool:
    words = [w for w in re.findall(r"[\w.]+", name)]
    capitalised = [w for w in words if w[:1].isupper()]
    return len(capitalised) >= 2 and not {w.casefold() for w in words} & organisation_words
