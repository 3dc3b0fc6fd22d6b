"""What the analyst wrote, kept when the program rewrites a ledger file: the canonical form
`provenance fmt` writes and `fmt --check` asks for (sections and each record's keys in the
order export writes them, two-space indents, one line per value, with comments, quoting and
the spelling of every value kept: `95%` stays `95%`), and an export written over the files
it came from, which keeps the records and values that did not change as they were written."""

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
from provenance.model import Ledger

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


def _read(text: str, name: str) -> tuple[Ledger, list[str]]:
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


def merged_text(old: str, new: str, name: str) -> str:
    """``new`` (export's text for a file) with what the analyst wrote in ``old`` (the file
    it replaces) kept: a record that has not changed stays exactly as it was written, with
    its comments and the spelling of its values; in a changed record, each value that has
    not changed keeps its spelling. Whenever the two cannot be matched, ``new`` as it is."""
    keeping = _yaml()
    try:
        before, after = keeping.load(old), keeping.load(new)
    except YAMLError:
        return new
    was, now = _records_of(old, name), _records_of(new, name)
    if not (isinstance(before, CommentedMap) and isinstance(after, CommentedMap)):
        return new
    if was is None or now is None:
        return new
    for section, items in after.items():
        old_items = before.get(section)
        earlier = {_key(r): (n, m, r) for n, m, r in _pairs(old_items, was, section)}
        for n, mapping, record in _pairs(items, now, section):
            found = earlier.get(_key(record))
            if found is None:
                continue
            at, old_mapping, old_record = found
            same = old_record == record
            items[n] = old_mapping if same else _keep_values(mapping, old_mapping)
            if same and at in old_items.ca.items:  # a comment after a flow mapping
                items.ca.items[n] = old_items.ca.items[at]
    after.ca.comment = before.ca.comment
    out = io.StringIO()
    keeping.dump(after, out)
    return out.getvalue() if _records_of(out.getvalue(), name) == now else new


def _records_of(text: str, name: str) -> dict[str, list[Any]] | None:
    ledger, problems = _read(text, name)
    if problems:
        return None
    return {section: list(getattr(ledger, section)) for section in SECTIONS}


def _pairs(
    items: Any, records: dict[str, list[Any]], section: str
) -> list[tuple[int, CommentedMap, Any]]:
    """Each record's mapping with its place in the list, and the record it reads as."""
    if not isinstance(items, CommentedSeq):
        return []
    maps = [(n, item) for n, item in enumerate(items) if isinstance(item, CommentedMap)]
    return [(n, m, r) for (n, m), r in zip(maps, records.get(section, []), strict=False)]


def _key(record: Any) -> object:
    return getattr(record, "id", None) or (record.conflict, record.at)


def _keep_values(new: CommentedMap, old: CommentedMap) -> CommentedMap:
    """The new mapping, with each value the old one has unchanged taken from it as written."""
    for key in list(new):
        if key in old and old[key] == new[key]:
            new[key] = old[key]
            if key in old.ca.items:
                new.ca.items[key] = old.ca.items[key]
    return new
