"""Builds located values (YamlMap, YamlSeq, scalars) from libyaml's event stream with an
explicit stack: no recursion, so no input can exhaust the stack, and nesting past the limit
is skipped and reported. Scalars follow the YAML 1.2 core schema: dates, "yes" and "no" stay
text for the schema to read; tags that would build objects are refused."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from provenance.errors import Problem

try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - libyaml ships in PyYAML's wheels
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, _PyParser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _PyParser.__init__(self)


MAX_DEPTH = 64
TOO_DEEP = (f"nested deeper than {MAX_DEPTH} levels", "flatten the structure")
"""The message and hint for nesting past MAX_DEPTH, whichever layer notices it."""
STR, NULL, BOOL, INT, FLOAT, SEQ, MAP = (
    f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "float", "seq", "map")
)
CORE_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    (NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), "~nN"),
    (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF"),
    (INT, re.compile(r"^[-+]?[0-9]+$"), "-+0123456789"),
    (FLOAT, re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$"), "-+0123456789."),
    (FLOAT, re.compile(r"^[-+]?[0-9]+[eE][-+]?[0-9]+$"), "-+0123456789"),
)
"""(tag, pattern, possible first characters): how a plain scalar is read."""


class YamlMap(dict[str, object]):
    """A mapping that knows its own line and the line of each key (1-based), and the raw
    text of each plain scalar value (so that text fields keep "1.10" as written)."""

    line: int
    key_lines: dict[str, int]
    raw: dict[str, str]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class YamlSeq(list[object]):
    """A list that knows its own line and the line of each item (1-based)."""

    line: int
    item_lines: list[int]
    raw: dict[int, str]


class Refused:
    """A value already reported as a problem: present, but not to be read or reported again."""

    def __repr__(self) -> str:
        return "REFUSED"


REFUSED = Refused()


def new_map(line: int) -> YamlMap:
    mapping = YamlMap()
    mapping.line, mapping.key_lines, mapping.raw = line, {}, {}
    return mapping


def new_seq(line: int) -> YamlSeq:
    items = YamlSeq()
    items.line, items.item_lines, items.raw = line, [], {}
    return items


_BY_FIRST: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
for _tag, _pattern, _firsts in CORE_RULES:
    for _first in (*_firsts, ""):
        if _first in _firsts or (_first == "" and _tag == NULL):
            _BY_FIRST.setdefault(_first, []).append((_tag, _pattern))


def resolve_plain(text: str) -> str:
    """The tag a plain (unquoted) scalar gets: most start with a letter no rule starts
    with, and are text at once."""
    rules = _BY_FIRST.get(text[:1])
    if rules is not None:
        for tag, pattern in rules:
            if pattern.match(text):
                return tag
    return STR


def read_plain(text: str) -> object:
    """A plain scalar's value: None, a bool, an int, a float, or the text itself."""
    tag = resolve_plain(text)
    try:
        if tag == INT:
            return int(text)
        if tag == FLOAT:
            return float(text)
    except ValueError:  # more digits than Python converts: keep the text
        return text
    if tag == BOOL:
        return text.lower() == "true"
    return None if tag == NULL else text


CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters a ledger's text may not hold (tab, new line and carriage return are
text): YAML refuses them raw, but a double-quoted escape ("\\e", "\\x1b", "\\0") can
write one. A NUL cannot be stored by PostgreSQL; the others would act on the terminal of
whoever reads the text (a title, the clipboard, colours)."""


def control_character(text: str) -> tuple[str, str] | None:
    """The message and hint for the first control character in ``text``, if any."""
    found = CONTROL.search(text)
    if found is None:
        return None
    code = ord(found.group())
    name = " (NUL, which a database cannot store)" if code == 0 else ""
    return (
        f"a control character U+{code:04X}{name} in the text",
        "remove it; ledger text is printable, tabs and new lines aside",
    )


MAX_REPEATED = 10_000
"""Lists and mappings that aliases may repeat in one file. Aliases share what they repeat,
but whatever walks the values (validation, digests, export) walks every repetition: nine
aliases of nine aliases of nine... is a billion values from a few lines."""


@dataclass(slots=True)
class _Open:
    """A collection being built (``mapping`` or ``items``), and for a mapping the key
    waiting for its value."""

    mapping: YamlMap | None
    items: YamlSeq | None
    anchor: str | None = None
    key: str | None = None
    drop_next: bool = False
    opened_at: int = 0  # Builder.collections when it opened


@dataclass
class Builder:
    """Consumes the events of one document; reports problems into ``problems``."""

    file: str
    problems: list[Problem]
    stack: list[_Open] = field(default_factory=list)
    anchors: dict[str, object] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)  # collections inside each anchor
    collections: int = 0  # collections so far, those that aliases repeat counted again
    repeated: int = 0  # collections that aliases repeat
    root: object = None
    skipping: int = 0
    documents: int = 0

    def build(self, text: str) -> object:
        parser = _Parser(text)
        handlers: dict[type, Any] = {
            yaml.ScalarEvent: self._on_scalar,
            yaml.MappingStartEvent: self._open,
            yaml.SequenceStartEvent: self._open,
            yaml.MappingEndEvent: self._close,
            yaml.SequenceEndEvent: self._close,
            yaml.AliasEvent: self._on_alias,
            yaml.DocumentStartEvent: self._on_document,
            yaml.DocumentEndEvent: _ignore,
            yaml.StreamStartEvent: _ignore,
        }
        get_event, stack = parser.get_event, self.stack
        scalar_event, stream_end = yaml.ScalarEvent, yaml.StreamEndEvent
        try:
            while True:
                event: Any = get_event()
                kind = type(event)
                if kind is scalar_event and stack and not self.skipping and event.anchor is None:
                    # The common case: a scalar inside a collection, without an anchor.
                    self._place_scalar(stack[-1], event)
                elif kind is stream_end:
                    break
                elif self.skipping:
                    self._skip(event)
                else:
                    handlers[kind](event)
        finally:
            dispose = getattr(parser, "dispose", None)
            if dispose is not None:
                dispose()
        return self.root

    def _place_scalar(self, top: _Open, event: Any) -> None:
        text: str = event.value
        plain = not event.style
        tag = event.tag
        value: object
        if tag is None and plain and event.implicit[0]:
            value = (
                text if text[:1] not in _BY_FIRST else self._typed(resolve_plain(text), text, event)
            )
        elif tag is None or tag == "!" or tag == STR:
            value = self._text(text, event)
        else:
            value = self._typed(tag, text, event)
        line = event.start_mark.line + 1
        items, mapping = top.items, top.mapping
        if items is not None:
            items.append(value)
            items.item_lines.append(line)
            if plain:
                items.raw[len(items) - 1] = text
        elif mapping is None:  # pragma: no cover - an _Open holds one or the other
            raise AssertionError("an open collection without a value")
        elif top.drop_next:
            top.drop_next = False
        elif top.key is not None:
            mapping[top.key] = value
            if plain:
                mapping.raw[top.key] = text
            top.key = None
        elif type(value) is str and value not in mapping.key_lines:
            top.key = value
            mapping.key_lines[value] = line
        else:
            self._key(top, mapping, value, line)

    def _on_document(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            mark = event.start_mark
            raise SeveralDocuments(mark.line + 1 if mark else 0)

    def _on_scalar(self, event: Any) -> None:
        self._place(self._scalar(event), event, event.anchor)

    def _on_alias(self, event: Any) -> None:
        self._place(self._alias(event), event, None)

    def _close(self, event: Any) -> None:
        closed = self.stack.pop()
        if closed.anchor is not None:
            self.anchors[closed.anchor] = closed.mapping if closed.items is None else closed.items
            self.sizes[closed.anchor] = self.collections - closed.opened_at

    def _skip(self, event: Any) -> None:
        if isinstance(event, yaml.CollectionStartEvent):
            self.skipping += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            self.skipping -= 1

    def _open(self, event: Any) -> None:
        line = event.start_mark.line + 1
        mapping = isinstance(event, yaml.MappingStartEvent)
        if len(self.stack) > MAX_DEPTH:
            self.problem(line, *TOO_DEEP)
            self.skipping = 1
            self._place(REFUSED, event, None)
            return
        if event.tag not in (None, "!", MAP if mapping else SEQ):
            self._bad_tag(event)
            self.skipping = 1
            self._place(REFUSED, event, None)
            return
        if mapping:
            opened = _Open(new_map(line), None, event.anchor, opened_at=self.collections)
            self._place(opened.mapping, event, None)
        else:
            opened = _Open(None, new_seq(line), event.anchor, opened_at=self.collections)
            self._place(opened.items, event, None)
        self.collections += 1
        self.stack.append(opened)

    def _place(self, value: object, event: Any, anchor: str | None) -> None:
        """Puts any value where it belongs: the root, the next item, a key or its value."""
        if anchor is not None:
            self.anchors[anchor] = value
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        line = event.start_mark.line + 1
        plain = type(event) is yaml.ScalarEvent and not event.style
        if top.items is not None:
            top.items.append(value)
            top.items.item_lines.append(line)
            if plain:
                top.items.raw[len(top.items) - 1] = event.value
            return
        assert top.mapping is not None
        if top.drop_next:
            top.drop_next = False
        elif top.key is not None:
            top.mapping[top.key] = value
            if plain:
                top.mapping.raw[top.key] = event.value
            top.key = None
        else:
            self._key(top, top.mapping, value, line)

    def _key(self, top: _Open, mapping: YamlMap, key: object, line: int) -> None:
        if not isinstance(key, str):
            if key is not REFUSED:
                self.problem(line, "mapping keys must be text", "write the key as a word")
            top.drop_next = True
        elif key in mapping.key_lines:
            first = mapping.key_lines[key]
            self.problem(
                line, f"key '{key}' appears twice (first at line {first})", "keep one of them"
            )
            top.drop_next = True
        else:
            top.key = key
            mapping.key_lines[key] = line

    def _alias(self, event: Any) -> object:
        if any(o.anchor == event.anchor for o in self.stack):
            self.problem(
                event.start_mark.line + 1,
                f"alias *{event.anchor} refers to itself",
                "an alias may only repeat a value that is complete",
            )
            return REFUSED
        if event.anchor not in self.anchors:
            self.problem(
                event.start_mark.line + 1,
                f"unknown alias *{event.anchor}",
                f"define &{event.anchor} before using it",
            )
            return REFUSED
        size = self.sizes.get(event.anchor, 0)
        if self.repeated + size > MAX_REPEATED:
            if self.repeated <= MAX_REPEATED:
                self.problem(
                    event.start_mark.line + 1,
                    f"aliases here repeat more than {MAX_REPEATED:,} lists and mappings "
                    "(a YAML alias bomb)",
                    "write the values out instead of repeating them with *aliases",
                )
            self.repeated = MAX_REPEATED + 1
            return REFUSED
        self.repeated += size
        self.collections += size
        return self.anchors[event.anchor]

    def _scalar(self, event: Any) -> object:
        text: str = event.value
        tag = event.tag
        if tag is None:
            tag = resolve_plain(text) if event.implicit[0] and not event.style else STR
        elif tag == "!":
            tag = STR
        return self._typed(tag, text, event)

    def _text(self, text: str, event: Any) -> object:
        """A text scalar; only a double-quoted one can hold a control character."""
        if event.style == '"' and CONTROL.search(text):
            found = control_character(text)
            assert found is not None
            self.problem(event.start_mark.line + 1, *found)
            return REFUSED
        return text

    def _typed(self, tag: str, text: str, event: Any) -> object:
        if tag == STR:
            return self._text(text, event)
        if tag == NULL:
            return None
        if tag == BOOL:
            return text.lower() == "true"
        if tag in (INT, FLOAT):
            try:
                return int(text) if tag == INT else float(text)
            except ValueError:
                self.problem(
                    event.start_mark.line + 1,
                    f"'{text[:40]}' cannot be read as a {'whole ' if tag == INT else ''}number",
                    "write the number plainly, or put text in quotes",
                )
                return REFUSED
        self._bad_tag(event)
        return REFUSED

    def _bad_tag(self, event: Any) -> None:
        tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
        self.problem(
            event.start_mark.line + 1,
            f"YAML tag '{tag}' is not allowed in a ledger",
            "remove the tag; a ledger holds only text, numbers, lists and mappings",
        )

    def problem(self, line: int, message: str, hint: str) -> None:
        self.problems.append(Problem(self.file, line, message, hint))


class SeveralDocuments(Exception):
    """A second YAML document in one file, at ``line``."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _ignore(event: Any) -> None:
    """Stream and document boundaries carry nothing a ledger needs."""
