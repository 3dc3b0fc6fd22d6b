"""The canonical form of a ledger file, which `provenance fmt` writes and `fmt --check`
asks for: sections and each record's keys in the order export writes them, two-space
indents with list items under their key, one line per value; comments, quoting and the
spelling of every value (`95%` stays `95%`) kept as the analyst wrote them."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from provenance.errors import LedgerInvalid, Problem
from provenance.ledger.reader import LedgerFile, discover, read_file, read_text
from provenance.ledger.schema import SECTIONS, ParsedLedger, parse_file

YAML_SUFFIXES = (".yaml", ".yml")


def _yaml() -> YAML:
    keeping = YAML()  # round trip: comments, quotes, flow and block style kept
    keeping.preserve_quotes = True
    keeping.width = 1 << 16
    keeping.indent(mapping=2, sequence=4, offset=2)
    return keeping


@dataclass(frozen=True, slots=True)
class Formatted:
    """A ledger file, its text and its canonical text."""

    file: LedgerFile
    text: str
    canonical: str

    @property
    def changed(self) -> bool:
        return self.text != self.canonical


def canonical_text(text: str, name: str) -> str:
    """The canonical form of a file's text; it must read as the same records."""
    keeping = _yaml()
    try:
        document = keeping.load(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise LedgerInvalid([Problem(name, line, "not valid YAML", "fix the file first")]) from None
    if isinstance(document, CommentedMap):
        _order(document, list(SECTIONS), lambda section, items: _records(section, items))
    out = io.StringIO()
    keeping.dump(document, out)
    found = out.getvalue() if document is not None else text
    if _read(found, name) != _read(text, name):
        raise LedgerInvalid(
            [Problem(name, 0, "formatting would change what the file says", "format it by hand")]
        )
    return found


def _records(section: str, items: Any) -> None:
    if isinstance(items, CommentedSeq):
        for record in items:
            if isinstance(record, CommentedMap):
                _order(record, list(SECTIONS[section]))


def _order(mapping: CommentedMap, keys: list[str], each: Any = None) -> None:
    """Puts the known keys first in ``keys`` order (unknown ones after, as they were),
    moving each key's comments with it."""
    wanted = [k for k in keys if k in mapping] + [k for k in mapping if k not in keys]
    if each is not None:
        for key in wanted:
            if key in SECTIONS:
                each(key, mapping[key])
    if list(mapping) == wanted:
        return
    values = {k: mapping[k] for k in wanted}
    comments = {k: mapping.ca.items.get(k) for k in wanted}
    for key in wanted:
        del mapping[key]
    for key in wanted:
        mapping[key] = values[key]
        if comments[key] is not None:
            mapping.ca.items[key] = comments[key]


def _read(text: str, name: str) -> object:
    problems: list[Problem] = []
    root = read_text(name, text, problems)
    parsed = ParsedLedger()
    if root is not None:
        parse_file(root, name, parsed, problems)
    return parsed.ledger(), [str(p) for p in problems]


def formatted(paths: list[Path]) -> list[Formatted]:
    """Every YAML ledger file under ``paths`` with its canonical text; a ledger that does
    not read is refused as a whole."""
    files, problems = discover(paths)
    for file in files:
        root = read_file(file, problems)
        if root is not None:
            parse_file(root, file.name, ParsedLedger(), problems, file.folder)
    if problems:
        raise LedgerInvalid(problems)
    found = []
    for file in files:
        if file.path.suffix in YAML_SUFFIXES:
            text = file.path.read_text("utf-8-sig")
            found.append(Formatted(file, text, canonical_text(text, file.name)))
    return found
