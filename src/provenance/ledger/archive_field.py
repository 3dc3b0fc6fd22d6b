"""`provenance archive`: a source's `archive` field written into the ledger file that holds
the source, as a text edit of that one mapping (every other byte of the file, its comments
and its spelling kept), then read back to make sure nothing else changed."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from provenance.errors import LedgerInvalid, NotFound, Problem, ProvenanceError
from provenance.ledger.reader import LedgerFile, discover, read_file, read_text
from provenance.ledger.schema import ParsedLedger, parse_file
from provenance.model import Archive, Ledger, Source
from provenance.suggestions import suggest

ARCHIVES = "archives"
"""The folder, beside the file that holds a source, where its archived text is kept."""


@dataclass(frozen=True, slots=True)
class Found:
    """A source and the ledger file it is written in."""

    source: Source
    file: LedgerFile


def find_source(paths: list[Path], source_id: str) -> Found:
    """The source with this id in the ledger files under ``paths``; the ledger must read."""
    files, problems = discover(paths)
    known: list[str] = []
    for file in files:
        root = read_file(file, problems)
        if root is None:
            continue
        parsed = ParsedLedger()
        parse_file(root, file.name, parsed, problems, file.folder)
        for source in parsed.ledger().sources:
            if source.id == source_id:
                return Found(source, file)
            known.append(source.id)
    if problems:
        raise LedgerInvalid(problems)
    hint = suggest(source_id, known) or "`provenance sources` lists them"
    raise NotFound(f"no source has the id '{source_id}' in {_shown(paths)} ({hint})")


def _shown(paths: list[Path]) -> str:
    return " ".join(str(p) for p in paths)


def with_archive(text: str, name: str, source_id: str, archive: Archive) -> str:
    """The file's text with the source's `archive` set to ``archive``; checked by reading
    both back: the same records, but for that one field."""
    value = f"{{path: {archive.path}, sha256: {archive.sha256}}}"
    node = _source_node(yaml.compose(text, Loader=yaml.SafeLoader), source_id)
    edited = _set_key(text, node, "archive", value)
    before, after = _records(text, name), _records(edited, name)
    expected = [replace(s, archive=archive) if s.id == source_id else s for s in before.sources]
    if list(after.sources) != expected or replace(after, sources=before.sources) != before:
        raise ProvenanceError(
            f"{name}: the archive field could not be written without changing something "
            "else; add it by hand: archive: " + value
        )
    return edited


def _records(text: str, name: str) -> Ledger:
    problems: list[Problem] = []
    root = read_text(name, text, problems)
    parsed = ParsedLedger()
    if root is not None:
        parse_file(root, name, parsed, problems)
    if problems:
        raise LedgerInvalid(problems)
    return parsed.ledger()


def _source_node(root: Any, source_id: str) -> yaml.MappingNode:
    for key, value in root.value:
        if key.value == "sources" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                ids = [v for k, v in item.value if k.value == "id"]
                if ids and ids[0].value == source_id:
                    node: yaml.MappingNode = item
                    return node
    raise NotFound(f"source '{source_id}' is not a mapping under sources:")


def _set_key(text: str, node: yaml.MappingNode, key: str, value: str) -> str:
    """``key: value`` in the mapping: its old value replaced, or the pair added last."""
    for k, v in node.value:
        if k.value == key:
            start, end = v.start_mark.index, v.end_mark.index
            tail = "\n" if text[start:end].endswith("\n") else ""
            return text[:start] + value + tail + text[end:]
    if node.flow_style:
        closing = text.rindex("}", 0, node.end_mark.index)
        return text[:closing].rstrip() + f", {key}: {value}" + text[closing:]
    indent = " " * node.value[0][0].start_mark.column
    end = node.value[-1][1].end_mark
    at = end.index if end.column == 0 else text.find("\n", end.index) + 1
    if at == 0:  # the last line of a file without a final new line
        return text + f"\n{indent}{key}: {value}\n"
    return text[:at] + f"{indent}{key}: {value}\n" + text[at:]
