"""Records of the synthetic ledger and the files they are written to: one YAML flow mapping
per line (fast to write and to read), ~2,000 claims per file, folders by region, archived
source texts beside the sources that cite them.

    LEDGER/entities/<folder>/part-0000.yaml
    LEDGER/sources/<folder>/part-0000.yaml     (+ archive/<source>.txt)
    LEDGER/claims/<folder>/part-0000.yaml
"""

from __future__ import annotations

import hashlib
import textwrap
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


def q(text: str) -> str:
    """A YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def ids(items: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(items) + "]"


@dataclass
class Source:
    id: str
    title: str
    publisher: str
    kind: str
    reliability: str
    published: date
    published_text: str
    derived_from: tuple[str, ...] = ()
    archived: bool = False
    sentences: list[str] = field(default_factory=list)
    digest: str | None = None
    edited: str | None = None  # a line added to the archive after its digest was taken

    def line(self) -> str:
        parts = [
            f"id: {self.id}",
            f"title: {q(self.title)}",
            f"publisher: {q(self.publisher)}",
            f"published: {q(self.published_text)}",
            f"kind: {self.kind}",
            f"reliability: {self.reliability}",
        ]
        if self.derived_from:
            parts.append(f"derived_from: {ids(self.derived_from)}")
        if self.digest is not None:
            parts.append(f"archive: {{path: archive/{self.id}.txt, sha256: {self.digest}}}")
        return "  - {" + ", ".join(parts) + "}"


@dataclass
class Claim:
    """One claim; ``value`` and ``confidence`` are YAML as written, the rest plain text."""

    id: str
    subject: str
    prop: str
    value: str
    source: str
    said_by: tuple[str, ...] = ()
    unit: str | None = None
    scope: str | None = None
    as_of: str | None = None
    denied: bool = False
    questioned: bool = False
    stance: str | None = None
    quote: str | None = None
    locator: str | None = None
    mentions: list[str] = field(default_factory=list)
    confidence: str | None = None
    contradicts: tuple[str, ...] = ()
    supersedes: str | None = None
    sentence: str | None = None  # what the source's archived text says (not written)

    def line(self) -> str:
        parts = [
            f"id: {self.id}",
            f"subject: {self.subject}",
            f"property: {self.prop}",
            f"value: {self.value}",
        ]
        optional = (
            ("unit", self.unit and q(self.unit)),
            ("scope", self.scope and q(self.scope)),
            ("as_of", self.as_of and q(self.as_of)),
            ("polarity", "denied" if self.denied else "questioned" if self.questioned else None),
            ("stance", self.stance and q(self.stance)),
            ("said_by", self.said_by and ids(self.said_by)),
            ("source", self.source),
            ("quote", self.quote and q(self.quote)),
            ("locator", self.locator and q(self.locator)),
            ("mentions", self.mentions and "[" + ", ".join(self.mentions) + "]"),
            ("confidence", self.confidence),
            ("contradicts", self.contradicts and ids(self.contradicts)),
            ("supersedes", self.supersedes),
        )
        parts += [f"{key}: {value}" for key, value in optional if value]
        return "  - {" + ", ".join(parts) + "}"


def mention(name: str, entity: str | None = None) -> str:
    return f"{{name: {q(name)}, entity: {entity}}}" if entity else q(name)


def entity_line(
    ident: str,
    kind: str,
    name: str,
    *,
    aliases: tuple[str, ...] = (),
    part_of: str | None = None,
    distinct_from: tuple[str, ...] = (),
) -> str:
    parts = [f"id: {ident}", f"kind: {kind}", f"name: {q(name)}"]
    if aliases:
        parts.append("aliases: [" + ", ".join(q(a) for a in aliases) + "]")
    if part_of:
        parts.append(f"part_of: {part_of}")
    if distinct_from:
        parts.append(f"distinct_from: {ids(distinct_from)}")
    return "  - {" + ", ".join(parts) + "}"


def archive_text(source: Source) -> str:
    """The archived article: its title, then its sentences in paragraphs, wrapped, with
    typographic apostrophes and dashes (quotes written with plain ones must still match)."""
    body = [source.title, ""]
    for start in range(0, len(source.sentences), 3):
        paragraph = " ".join(source.sentences[start : start + 3])
        body += [*textwrap.wrap(paragraph, 78, break_on_hyphens=False), ""]
    return "\n".join(body).replace("'", "\u2019").replace(" - ", " \u2014 ")


class Files:
    """Writes records to part files of ~``per_file`` lines per folder and section, and
    archives next to their sources. Counts what it wrote."""

    def __init__(self, root: Path, per_file: int = 2000) -> None:
        self.root = root
        self.per_file = per_file
        self.buffers: dict[tuple[str, str], list[str]] = {}
        self.parts: dict[tuple[str, str], int] = {}
        self.counts: dict[str, int] = {"sources": 0, "entities": 0, "claims": 0}
        self.files = 0

    def add(self, section: str, folder: str, line: str) -> None:
        buffer = self.buffers.setdefault((section, folder), [])
        buffer.append(line)
        self.counts[section] += 1
        limit = self.per_file * (2 if section != "claims" else 1)
        if len(buffer) >= limit:
            self._flush(section, folder)

    def source(self, folder: str, source: Source) -> None:
        if source.archived and source.sentences:
            text = archive_text(source).encode("utf-8")
            source.digest = hashlib.sha256(text).hexdigest()
            if source.edited:
                text += source.edited.encode("utf-8") + b"\n"
            path = self.root / "sources" / folder / "archive" / f"{source.id}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text)
        self.add("sources", folder, source.line())

    def _flush(self, section: str, folder: str) -> None:
        lines = self.buffers.pop((section, folder), [])
        if not lines:
            return
        number = self.parts.get((section, folder), 0)
        self.parts[(section, folder)] = number + 1
        path = self.root / section / folder / f"part-{number:04d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{section}:\n" + "\n".join(lines) + "\n", "utf-8")
        self.files += 1

    def close(self, folder: str | None = None) -> None:
        """Writes what is buffered (for one folder, or all)."""
        for section, name in list(self.buffers):
            if folder is None or name == folder:
                self._flush(section, name)
