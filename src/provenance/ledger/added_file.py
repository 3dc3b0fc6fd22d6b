"""A record from `provenance add` written into a ledger file: appended after the last item
of its section (a block list, at that list's indentation), or as a new section at the end
of the file; every other line of the file stays as it was. A file whose shape gives no
clear place (a flow list, a section that is not a list, several documents) is refused."""

from __future__ import annotations

import re

import yaml

from provenance.errors import ProvenanceError
from provenance.ledger.writer import dumps, record_mapping, section_of
from provenance.model import Record

ADDED_FILE = "added.yaml"
"""The file of a ledger folder that `add` writes to unless told another (--file)."""
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BREAK = re.compile("\r\n|\n")


class NoPlace(ProvenanceError):
    """A ledger file whose shape cannot take the record; nothing was written."""


def with_record(text: str, record: Record, name: str) -> tuple[str, int]:
    """``text`` with ``record`` added, and the line (from 1) where the record starts."""
    section = section_of(record)
    block = dumps({section: [record_mapping(record)]}, "yaml")
    if not text.strip():
        return block, 2
    newline = "\r\n" if "\r\n" in text else "\n"
    try:
        documents = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.YAMLError:
        raise NoPlace(
            f"{name}: not readable YAML (`provenance check` says where); the record was not added"
        ) from None
    root = documents[0] if len(documents) == 1 else None
    if not isinstance(root, yaml.MappingNode) or root.flow_style:
        raise _unfit(name)
    entry = next((v for k, v in root.value if k.value == section), None)
    lines = text.splitlines(keepends=True)
    if entry is None:
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline
        if any(line.rstrip() == "..." for line in lines):
            raise _unfit(name)
        start = len(lines) + 2
        return "".join(lines) + block.replace("\n", newline), start
    if not isinstance(entry, yaml.SequenceNode) or entry.flow_style or not entry.value:
        raise _unfit(name)
    end = entry.end_mark.line
    if end < len(lines) and lines[end][: entry.end_mark.column].strip():
        raise _unfit(name)
    if end > 0 and end <= len(lines) and not lines[end - 1].endswith(("\n", "\r")):
        lines[end - 1] += newline
    column = entry.start_mark.column
    item = block.split("\n", 1)[1]
    body = "".join(
        " " * column + line[2:] if line.strip() else line for line in item.splitlines(True)
    )
    return "".join(lines[:end]) + body.replace("\n", newline) + "".join(lines[end:]), end + 1


def _unfit(name: str) -> NoPlace:
    return NoPlace(
        f"{name}: cannot tell where the record goes in this file (write its section as a "
        "plain list, or name another file with --file); the record was not added"
    )
