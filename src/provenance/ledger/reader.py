"""Reads ledger files into plain values that remember their lines: finds the files, decodes
them, composes YAML with libyaml where available, and refuses what a ledger never needs
(object tags, duplicate keys, deep nesting)."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from provenance.errors import Problem

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - libyaml is in every wheel we install
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

LEDGER_SUFFIXES = (".yaml", ".yml", ".json")
MAX_DEPTH = 64

_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"


class _Loader(_BaseLoader):
    """YAML 1.2 core scalars only: dates, "yes", "no" and "0x1F" stay text for the schema."""

    # an instance variable in the stubs, a class-level table in PyYAML
    yaml_implicit_resolvers: dict[str, list[tuple[str, re.Pattern[str]]]] = {}  # noqa: RUF012


for _tag, _pattern, _first in (
    (_NULL, r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    (_BOOL, r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    (_INT, r"^[-+]?[0-9]+$", list("-+0123456789")),
    (_FLOAT, r"^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?$", list("-+0123456789.")),
    (_FLOAT, r"^[-+]?[0-9]+[eE][-+]?[0-9]+$", list("-+0123456789")),
):
    _Loader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


CORE_RESOLVERS = _Loader.yaml_implicit_resolvers


class YamlMap(dict[str, object]):
    """A mapping that knows its own line and the line of each key (1-based)."""

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


@dataclass(frozen=True, slots=True)
class LedgerFile:
    """One file of a ledger; ``name`` is how messages and origins refer to it."""

    path: Path
    name: str


@dataclass(frozen=True, slots=True)
class ReadFile:
    file: LedgerFile
    root: YamlMap | None


def discover(paths: Sequence[Path]) -> tuple[list[LedgerFile], list[Problem]]:
    """Every ledger file under the given files and folders, in a stable order."""
    files: list[LedgerFile] = []
    problems: list[Problem] = []
    for given in paths:
        if given.is_dir():
            files.extend(_walk(given))
        elif given.is_file():
            files.append(LedgerFile(given, _display(given)))
        else:
            problems.append(Problem(str(given), 0, "no such file or folder", "check the path"))
    seen: set[Path] = set()
    unique: list[LedgerFile] = []
    for file in files:
        if file.path.resolve() not in seen:
            seen.add(file.path.resolve())
            unique.append(file)
    if not unique and not problems:
        shown = ", ".join(str(p) for p in paths)
        problems.append(
            Problem(shown, 0, "no ledger files found", "ledger files end in .yaml, .yml or .json")
        )
    return unique, problems


def _walk(folder: Path) -> Iterator[LedgerFile]:
    for directory, subdirs, names in os.walk(folder):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(names):
            if name.endswith(LEDGER_SUFFIXES) and not name.startswith("."):
                path = Path(directory) / name
                yield LedgerFile(path, _display(path))


def _display(path: Path) -> str:
    return str(PurePosixPath(*path.parts)) if not path.is_absolute() else path.as_posix()


def read_file(file: LedgerFile, problems: list[Problem]) -> YamlMap | None:
    """The file's top-level mapping, or None (with problems added) when it cannot be read."""
    try:
        data = file.path.read_bytes()
    except OSError as error:
        problems.append(Problem(file.name, 0, f"cannot read: {error.strerror}", None))
        return None
    text = _decode(file.name, data, problems)
    if text is None:
        return None
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        problems.append(
            Problem(file.name, line, f"not valid YAML: {error.problem}", _yaml_hint(error))
        )
        return None
    except yaml.YAMLError as error:
        problems.append(Problem(file.name, 0, f"not valid YAML: {error}", None))
        return None
    if node is None:
        return None
    value = _Converter(file.name, problems).convert(node, 0)
    if value is None:
        return None
    if not isinstance(value, YamlMap):
        problems.append(
            Problem(
                file.name,
                node.start_mark.line + 1,
                "a ledger file must be a mapping",
                "start the file with sources:, entities:, claims: or reviews:",
            )
        )
        return None
    return value


def _decode(name: str, data: bytes, problems: list[Problem]) -> str | None:
    if b"\x00" in data:
        problems.append(Problem(name, 0, "binary file, not a text ledger", "remove it"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(
            Problem(name, line, f"not UTF-8 text (byte {error.start})", "save the file as UTF-8")
        )
        return None


def _compose(text: str) -> yaml.Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def plain_scalar(text: str) -> object:
    """A command-line value read the way the ledger reads an unquoted YAML scalar."""
    for tag, pattern in _Loader.yaml_implicit_resolvers.get(text[:1], []):
        if pattern.match(text):
            return _Converter("", []).convert(yaml.ScalarNode(tag, text), 0)
    return text


def _yaml_hint(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "tab" in problem:
        return "indent with spaces, not tabs"
    if "expected a single document" in (error.context or ""):
        return "keep one YAML document per file (remove the '---' separators)"
    return "check the indentation and quoting near this line"


class _Converter:
    """Turns composed YAML nodes into YamlMap / YamlSeq / scalars, reporting what a ledger
    does not allow. A node reached through several aliases is converted once."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        self.done: dict[int, object] = {}

    def convert(self, node: yaml.Node, depth: int) -> object:
        if id(node) in self.done:
            return self.done[id(node)]
        if depth > MAX_DEPTH:
            self._problem(node, f"nested deeper than {MAX_DEPTH} levels", "flatten the structure")
            return None
        if isinstance(node, yaml.MappingNode):
            value: object = self._mapping(node, depth)
        elif isinstance(node, yaml.SequenceNode):
            value = self._sequence(node, depth)
        else:
            value = self._scalar(node)
        self.done[id(node)] = value
        return value

    def _mapping(self, node: yaml.MappingNode, depth: int) -> YamlMap | None:
        if node.tag != _MAP:
            self._bad_tag(node)
            return None
        result = YamlMap()
        result.line, result.key_lines, result.raw = node.start_mark.line + 1, {}, {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node)
            if not isinstance(key, str):
                self._problem(key_node, "mapping keys must be text", "write the key as a word")
                continue
            if key in result.key_lines:
                first = result.key_lines[key]
                self._problem(
                    key_node,
                    f"key '{key}' appears twice (first at line {first})",
                    "keep one of them",
                )
                continue
            result.key_lines[key] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, depth + 1)
            if isinstance(value_node, yaml.ScalarNode):
                result.raw[key] = value_node.value
        return result

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> YamlSeq | None:
        if node.tag != _SEQ:
            self._bad_tag(node)
            return None
        result = YamlSeq()
        result.line, result.item_lines, result.raw = node.start_mark.line + 1, [], {}
        for index, item in enumerate(node.value):
            result.item_lines.append(item.start_mark.line + 1)
            result.append(self.convert(item, depth + 1))
            if isinstance(item, yaml.ScalarNode):
                result.raw[index] = item.value
        return result

    def _scalar(self, node: yaml.Node) -> object:
        if not isinstance(node, yaml.ScalarNode):
            return None
        text = str(node.value)
        if node.tag == _STR:
            return text
        if node.tag == _NULL:
            return None
        if node.tag == _BOOL:
            return text.lower() == "true"
        if node.tag == _INT:
            return int(text)
        if node.tag == _FLOAT:
            return float(text)
        self._bad_tag(node)
        return None

    def _bad_tag(self, node: yaml.Node) -> None:
        tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
        self._problem(
            node,
            f"YAML tag '{tag}' is not allowed in a ledger",
            "remove the tag; a ledger holds only text, numbers, lists and mappings",
        )

    def _problem(self, node: yaml.Node, message: str, hint: str) -> None:
        self.problems.append(Problem(self.file, node.start_mark.line + 1, message, hint))
