"""A ledger's reviews file: a review appended to reviews.yaml without touching anything else,
safely when several analysts review into one ledger folder at once.

Under an exclusive lock (``.reviews.yaml.lock`` beside the file, held across processes) the
file is read, the review's text is placed where the file's own shape wants it (see
``appended``), the new text is read back and must hold every earlier review unchanged plus
the new one, and only then it replaces the file in one step (provenance.writing: mode kept, a
symbolic link kept a link). A file in a shape that cannot take the review is refused, with
nothing written."""

from __future__ import annotations

import codecs
import json
import os
import re
from pathlib import Path
from typing import Any

import yaml

from provenance.errors import LedgerInvalid, Problem, ProvenanceError
from provenance.ledger.reader import read_text
from provenance.ledger.schema import ParsedLedger, parse_file
from provenance.ledger.writer import dumps, record_mapping
from provenance.locking import exclusive
from provenance.model import Review
from provenance.writing import CannotWrite, failure, replace_file, writable_folder

REVIEWS_FILE = "reviews.yaml"
NOT_RECORDED = "the review was not recorded"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
_RAW_IN_YAML = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")
"""Characters that JSON leaves raw but a YAML double-quoted scalar may not hold raw."""


At = tuple[int, int]
"""A place in a text: (line, column), both from 0, as YAML marks count them."""


class Unfit(ProvenanceError):
    """A reviews file whose shape cannot take a review; nothing was written."""


def append_to_ledger(folder: Path, review: Review) -> Path:
    """Adds the review to the ledger's reviews file (created if missing), leaving every
    other file alone; returns the file's path."""
    path = folder / REVIEWS_FILE
    real = Path(os.path.realpath(path))
    if real.is_dir():
        raise CannotWrite(f"cannot record the review in {path}: it is a folder, not a file")
    writable_folder(real.parent, path)
    with exclusive(real.with_name(f".{real.name}.lock"), path):
        data = _read(real, path)
        earlier = _reviews(data, path)
        text = data.decode("utf-8-sig") if data else ""
        new = appended(text, review, str(path))
        if _reviews(new.encode("utf-8"), path, fresh=True) != [*earlier, review]:
            raise Unfit(
                f"{path}: appending the review would change an earlier one "
                "(end the file with a new line, and keep each review a mapping); "
                f"{NOT_RECORDED}"
            )
        bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
        replace_file(real, bom + new.encode("utf-8"), shown=path)
    return path


def _read(real: Path, shown: Path) -> bytes:
    try:
        return real.read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as error:
        raise failure(shown, error, "read") from None


def _reviews(data: bytes, path: Path, *, fresh: bool = False) -> list[Review]:
    """The file's reviews; a file with problems, or with more than reviews, is refused."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(Problem(str(path), line, "not UTF-8 text", "save the file as UTF-8"))
        raise LedgerInvalid(problems, outcome=NOT_RECORDED) from None
    parsed = ParsedLedger()
    root = read_text(str(path), text, problems)
    if root is not None:
        parsed_file = ParsedLedger()
        parse_file(root, str(path), parsed_file, problems, path.parent)
        parsed = parsed_file
    if problems and fresh:
        first = problems[0]
        raise Unfit(
            f"{path}: the review cannot be appended to this file as it is written "
            f"({first.message} at line {first.line}); rewrite the file's reviews as a "
            f"plain list under reviews:; {NOT_RECORDED}"
        )
    if problems:
        raise LedgerInvalid(problems, outcome=NOT_RECORDED)
    if parsed.sources or parsed.entities or parsed.claims:
        problem = Problem(
            str(path), 0, "the reviews file holds more than reviews", "move the other records"
        )
        raise LedgerInvalid([problem], outcome=NOT_RECORDED)
    return [p.record for p in parsed.reviews]


def appended(text: str, review: Review, name: str) -> str:
    """``text`` with the review added where the file's shape wants it: after the last item of
    a block list (at its indentation), inside a flow list ``[...]``, in place of an empty
    ``reviews: []`` or ``reviews: ~``, or as a new ``reviews:`` at the end of the document
    (before a ``...`` marker). Comments and everything else stay as they are."""
    lines = _Lines(text)
    root = yaml.compose(text, Loader=_Loader)
    if isinstance(root, yaml.ScalarNode) and root.tag.endswith(":null"):
        text = lines.cut(_at(root.start_mark), _at(root.end_mark))  # "~" or "null" alone
        lines, root = _Lines(text), None
    mapping = mapping_entry = None
    if isinstance(root, yaml.MappingNode):
        mapping = root
        mapping_entry = next((v for k, v in root.value if k.value == "reviews"), None)
    newline = "\r\n" if "\r\n" in text else "\n"
    if mapping is not None and mapping.flow_style:
        return _into_flow_mapping(lines, mapping, mapping_entry, review)
    if isinstance(mapping_entry, yaml.SequenceNode) and mapping_entry.value:
        if mapping_entry.flow_style:
            return lines.insert(_before_closing(mapping_entry), ", " + _flow(review))
        column = mapping_entry.start_mark.column
        return lines.insert_lines(
            _at(mapping_entry.end_mark), _block(review, column), newline, name
        )
    if mapping_entry is not None:  # reviews: [] or reviews: ~ (a comment after it stays)
        key = next(k for k, v in mapping.value if v is mapping_entry)  # type: ignore[union-attr]
        text = lines.cut(_at(mapping_entry.start_mark), _at(mapping_entry.end_mark))
        after = (mapping_entry.end_mark.line + 1, 0)
        body = _block(review, key.start_mark.column + 2)
        return _Lines(text).insert_lines(after, body, newline, name)
    column = mapping.start_mark.column if mapping is not None else 0
    body = " " * column + "reviews:" + newline + _block(review, column + 2)
    return lines.insert_lines(_document_end(text, mapping), body, newline, name)


def _document_end(text: str, mapping: yaml.MappingNode | None) -> At:
    """Where the document's content ends: its ``...`` marker, or the end of the text."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.DocumentEndEvent) and event.explicit:
            return _at(event.start_mark)
    if mapping is not None:
        return _at(mapping.end_mark)
    return (len(_Lines(text).starts), 0)


def _into_flow_mapping(
    lines: _Lines, mapping: yaml.MappingNode, entry: yaml.Node | None, review: Review
) -> str:
    """``{reviews: [...]}`` written on one line or several: the review goes inside."""
    if isinstance(entry, yaml.SequenceNode):
        sep = ", " if entry.value else ""
        return lines.insert(_before_closing(entry), sep + _flow(review))
    if entry is not None:  # {reviews: ~}
        return lines.replace(_at(entry.start_mark), _at(entry.end_mark), f"[{_flow(review)}]")
    sep = ", " if mapping.value else ""
    return lines.insert(_before_closing(mapping), f"{sep}reviews: [{_flow(review)}]")


def _before_closing(node: yaml.Node) -> At:
    return (node.end_mark.line, node.end_mark.column - 1)


def _at(mark: Any) -> At:
    assert mark is not None
    return (mark.line, mark.column)


def _block(review: Review, column: int) -> str:
    """The review as a block list item whose dash is at ``column``, ending in a new line."""
    item = dumps({"reviews": [record_mapping(review)]}, "yaml").split("\n", 1)[1]
    return "".join(
        " " * column + line[2:] if line.strip() else line for line in item.splitlines(keepends=True)
    )


def _flow(review: Review) -> str:
    """The review as a flow mapping on one line (JSON, which YAML reads)."""
    text = json.dumps(record_mapping(review), ensure_ascii=False)
    return _RAW_IN_YAML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Lines:
    """Text addressed by (line, column), as YAML marks count them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _BREAK.finditer(text)]

    def offset(self, where: At) -> int:
        line, column = where
        if line >= len(self.starts):
            return len(self.text)
        return min(self.starts[line] + column, len(self.text))

    def insert(self, where: At, piece: str) -> str:
        at = self.offset(where)
        return self.text[:at] + piece + self.text[at:]

    def replace(self, start: At, end: At, piece: str) -> str:
        return self.text[: self.offset(start)] + piece + self.text[self.offset(end) :]

    def cut(self, start: At, end: At) -> str:
        return self.replace(start, end, "")

    def insert_lines(self, where: At, body: str, newline: str, name: str) -> str:
        """``body`` (whole lines) at the start of the line of ``where``."""
        at = self.offset((where[0], 0))
        if self.text[at : self.offset(where)].strip():
            raise Unfit(
                f"{name}: cannot tell where the review goes in this file (line "
                f"{where[0] + 1}); rewrite its reviews as a plain list; {NOT_RECORDED}"
            )
        before = self.text[:at]
        if before and before[-1] not in "\r\n\x85\u2028\u2029":
            before += newline
        return before + body.replace("\n", newline) + self.text[at:]
