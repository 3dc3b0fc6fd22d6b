"""Reading a ledger file's YAML: what the reader refuses (malformed YAML, tabs, duplicate keys,
tags, several documents, deep nesting, alias bombs), each at its file and 1-based line, and how
plain scalars are read (YAML 1.2 core: "no", "on" and dates stay text)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ledger_files import check, load, problems, refused_for, write

PLACE = "entities:\n  - id: kabul\n    kind: place\n    name: Kabul\n"
"""An entity whose optional notes: go on line 5 when appended."""


# --- malformed YAML -------------------------------------------------------------------------

MALFORMED = [
    pytest.param(
        "entities:\n  - id: kabul\n    aliases: [Kabol, Cabool\n    kind: place\n",
        4,
        id="unclosed-bracket-before-next-key",
    ),
    pytest.param(
        "entities:\n  - id: kabul\n    kind: place\n   name: Kabul\n", 4, id="key-dedented-by-one"
    ),
    pytest.param(
        "entities:\n  - id: kabul\n    kind: place\n      name: Kabul\n", 4, id="key-indented-more"
    ),
    pytest.param(
        "sources:\n  - id: s\n    title: Attack: the aftermath\n", 3, id="colon-in-unquoted-text"
    ),
    pytest.param("entities:\n  - id: 'kabul\n    kind: place\n  - id: x'y'\n", 4, id="stray-quote"),
]


@pytest.mark.parametrize(("text", "line"), MALFORMED)
def test_malformed_yaml_is_reported_at_its_line(tmp_path: Path, text: str, line: int) -> None:
    name = write(tmp_path, "bad.yaml", text)
    refused_for(
        tmp_path, name, line, "not valid YAML", "check the indentation and quoting near this line"
    )


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('entities:\n  - id: x\n    name: "Mirza\n    kind: place\n', id="quote"),
        pytest.param("entities:\n  - id: x\n    aliases: [a, b\n", id="bracket"),
    ],
)
def test_an_unclosed_quote_at_the_end_is_reported_where_it_opens(tmp_path: Path, text: str) -> None:
    name = write(tmp_path, "bad.yaml", text)
    refused_for(tmp_path, name, 3, "not valid YAML")


def test_a_tab_in_the_indentation_of_a_key_is_named_in_the_hint(tmp_path: Path) -> None:
    name = write(tmp_path, "tabs.yaml", "entities:\n  - id: kabul\n\tkind: place\n")
    refused_for(tmp_path, name, 3, "not valid YAML", "indent with spaces, not tabs")


def test_a_tab_before_a_list_item_is_named_in_the_hint(tmp_path: Path) -> None:
    name = write(tmp_path, "tabs.yaml", "entities:\n\t- id: kabul\n")
    refused_for(tmp_path, name, 2, "not valid YAML", "tabs")


def test_crlf_line_endings_keep_line_numbers(tmp_path: Path) -> None:
    name = write(tmp_path, "dos.yaml", PLACE.replace("\n", "\r\n").encode() + b"    name: K\r\n")
    refused_for(tmp_path, name, 5, "key 'name' appears twice (first at line 4)")


# --- duplicate and odd keys -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param(
            PLACE + "    name: Kabol\n",
            5,
            "key 'name' appears twice (first at line 4)",
            id="block-mapping",
        ),
        pytest.param(
            "entities:\n  - {id: kabul, kind: place, name: Kabul, kind: city}\n",
            2,
            "key 'kind' appears twice (first at line 2)",
            id="flow-mapping",
        ),
        pytest.param(
            PLACE + "entities:\n  - id: herat\n",
            5,
            "key 'entities' appears twice (first at line 1)",
            id="top-level-section",
        ),
    ],
)
def test_a_key_written_twice_is_reported_at_the_second(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    name = write(tmp_path, "dup.yaml", text)
    refused_for(tmp_path, name, line, message, "keep one of them")


@pytest.mark.parametrize("key", ["1", "true", "null"])
def test_mapping_keys_must_be_text(tmp_path: Path, key: str) -> None:
    name = write(tmp_path, "keys.yaml", PLACE + f"    {key}: x\n")
    refused_for(tmp_path, name, 5, "mapping keys must be text", "write the key as a word")


# --- tags -----------------------------------------------------------------------------------

TAGS = [
    pytest.param(
        "!!python/object/apply:os.system [{cmd}]",
        "!!python/object/apply:os.system",
        id="python-apply",
    ),
    pytest.param(
        "!!python/object/new:os.system [{cmd}]", "!!python/object/new:os.system", id="python-new"
    ),
    pytest.param("!!python/name:os.system ''", "!!python/name:os.system", id="python-name"),
    pytest.param(
        "!!python/object:pathlib.Path {{a: 1}}", "!!python/object:pathlib.Path", id="python-object"
    ),
    pytest.param("!!binary aGVsbG8=", "!!binary", id="binary"),
    pytest.param("!!set {{a, b}}", "!!set", id="set"),
    pytest.param("!!timestamp 2017-08-05", "!!timestamp", id="timestamp"),
    pytest.param("!custom text", "!custom", id="local-tag"),
]


@pytest.mark.parametrize(("value", "tag"), TAGS)
def test_tags_are_refused_and_never_executed(tmp_path: Path, value: str, tag: str) -> None:
    marker = tmp_path / "executed"
    name = write(
        tmp_path, "tags.yaml", PLACE + f"    notes: {value.format(cmd=f'touch {marker}')}\n"
    )
    refused_for(
        tmp_path,
        name,
        5,
        f"YAML tag '{tag}' is not allowed in a ledger",
        "a ledger holds only text, numbers, lists and mappings",
    )
    assert not marker.exists()


def test_a_str_tag_keeps_a_number_as_text(tmp_path: Path) -> None:
    write(tmp_path, "str.yaml", "entities:\n  - id: x\n    kind: other\n    name: !!str 2017\n")
    assert load(tmp_path).entities[0].name == "2017"


@pytest.mark.parametrize("value", ["!!int abc", "!!float many"])
def test_a_number_tag_on_words_is_a_problem_not_a_crash(tmp_path: Path, value: str) -> None:
    name = write(tmp_path, "tags.yaml", PLACE + f"    notes: {value}\n")
    assert [(p.file, p.line) for p in problems(tmp_path)] == [(name, 5)]


def test_a_number_too_long_to_read_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    name = write(tmp_path, "long.yaml", PLACE + f"    notes: {'7' * 5000}\n")
    assert [(p.file, p.line) for p in problems(tmp_path)] == [(name, 5)]


def test_a_tag_on_a_required_field_is_reported_once(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "tags.yaml",
        "sources:\n  - id: s\n    title: !!binary aGVsbG8=\n    kind: news\n    reliability: B\n",
    )
    refused_for(tmp_path, name, 3, "YAML tag '!!binary' is not allowed")


# --- documents ------------------------------------------------------------------------------


def test_several_documents_in_one_file_are_refused(tmp_path: Path) -> None:
    name = write(tmp_path, "two.yaml", PLACE + "---\nclaims: []\n")
    refused_for(tmp_path, name, 5, "not valid YAML", "keep one YAML document per file")


def test_one_document_may_start_with_a_separator(tmp_path: Path) -> None:
    write(tmp_path, "one.yaml", "---\n" + PLACE + "...\n")
    assert [e.id for e in load(tmp_path).entities] == ["kabul"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("- id: kabul\n  kind: place\n", id="list"),
        pytest.param("just some notes\n", id="text"),
        pytest.param("[]\n", id="json-array"),
        pytest.param("42\n", id="number"),
    ],
)
def test_a_file_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    name = write(tmp_path, "top.yaml", text)
    refused_for(tmp_path, name, 1, "a ledger file must be a mapping", "start the file with")


# --- nesting and aliases --------------------------------------------------------------------

# the file's mapping is level 0, entities: 1, the entity 2, its notes: 3; notes holding
# n nested lists reaches level n + 2, past the limit of 64 from n = 63 on


@pytest.mark.parametrize(("levels", "too_deep"), [(62, False), (63, True)])
def test_nesting_deeper_than_the_limit_is_refused(
    tmp_path: Path, levels: int, too_deep: bool
) -> None:
    name = write(tmp_path, "deep.yaml", PLACE + f"    notes: {'[' * levels}{']' * levels}\n")
    found = problems(tmp_path)
    deep = [p for p in found if "nested deeper than 64 levels" in p.message]
    assert [(p.file, p.line, p.hint) for p in deep] == (
        [(name, 5, "flatten the structure")] if too_deep else []
    )
    check(found[-1], name, 5, "notes must be text, not a list")


@pytest.mark.parametrize(
    "deep",
    [
        pytest.param("entities:\n  " + "- " * 1000 + "x\n", id="block lists"),
        pytest.param("entities:\n  - " + "[" * 1000 + "]" * 1000 + "\n", id="flow lists"),
        pytest.param("entities:\n  - " + "{a: " * 1000 + "1" + "}" * 1000 + "\n", id="maps"),
    ],
)
def test_a_thousand_levels_are_refused_with_the_nesting_hint(tmp_path: Path, deep: str) -> None:
    # Whichever layer notices first (the YAML parser's own limit, or the reader's), the
    # analyst reads the same thing: the file, the line, the limit and what to do.
    from click.testing import CliRunner

    from provenance.cli import main

    name = write(tmp_path, "deep.yaml", deep)
    result = CliRunner().invoke(main, ["check", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert f"error: {name}:2: nested deeper than 64 levels (flatten the structure)" in (
        result.stderr
    )
    assert "indentation" not in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_nesting_far_past_the_limit_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    name = write(tmp_path, "deep.yaml", "entities:\n  " + "- " * 50_000 + "x\n")
    script = (
        "import sys, pathlib\n"
        "from provenance.errors import LedgerInvalid\n"
        "from provenance.importing import load_ledger\n"
        "try:\n    load_ledger([pathlib.Path(sys.argv[1])])\n"
        "except LedgerInvalid as error:\n    print(*error.lines(), sep='\\n')\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert f"{name}:2: nested deeper than 64 levels" in run.stdout


def test_a_billion_laughs_is_refused_without_expanding(tmp_path: Path) -> None:
    levels = ["&l0 [" + ", ".join(["lol"] * 9) + "]"]
    levels += [f"&l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]" for n in range(1, 9)]
    name = write(tmp_path, "lol.yaml", PLACE + "    notes: [" + ", ".join(levels) + "]\n")
    started = time.perf_counter()
    found = problems(tmp_path)
    assert time.perf_counter() - started < 2
    assert [(p.file, p.line, p.message) for p in found] == [
        (name, 5, "aliases here repeat more than 10,000 lists and mappings (a YAML alias bomb)"),
        (name, 5, "notes must be text, not a list"),
    ]


def test_an_alias_inside_its_own_anchor_is_refused_once(tmp_path: Path) -> None:
    name = write(tmp_path, "loop.yaml", PLACE + "    notes: &me [*me]\n")
    found = problems(tmp_path)
    assert [(p.file, p.line, p.message) for p in found] == [
        (name, 5, "alias *me refers to itself"),
        (name, 5, "notes must be text, not a list"),
    ]


# --- YAML 1.2 core scalars ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("No", "No"),
        ("yes", "yes"),
        ("on", "on"),
        ("OFF", "OFF"),
        ("y", "y"),
        ("2017-08-05", "2017-08-05"),
        ("2017-08-05 14:30:00", "2017-08-05 14:30:00"),
        ("0x1F", "0x1F"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        ("1:20", "1:20"),
        (".inf", ".inf"),
        (".NaN", ".NaN"),
        ("012", "012"),
        ("1.50", "1.50"),
        ("+7", "+7"),
        ("1e3", "1e3"),
        ("'true'", "true"),
        ('"null"', "null"),
    ],
)
def test_plain_scalars_read_as_yaml_1_2_core(tmp_path: Path, written: str, name: str) -> None:
    write(tmp_path, "names.yaml", f"entities:\n  - id: x\n    kind: other\n    name: {written}\n")
    assert load(tmp_path).entities[0].name == name


@pytest.mark.parametrize("written", ["true", "True", "FALSE"])
def test_only_true_and_false_are_booleans(tmp_path: Path, written: str) -> None:
    name = write(
        tmp_path, "names.yaml", f"entities:\n  - id: x\n    kind: other\n    name: {written}\n"
    )
    refused_for(tmp_path, name, 4, "name must be text, not true/false", "in quotes")


@pytest.mark.parametrize("written", ["~", "null", "NULL", ""])
def test_null_is_an_empty_field_reported_at_its_key(tmp_path: Path, written: str) -> None:
    name = write(
        tmp_path, "names.yaml", f"entities:\n  - id: x\n    kind: other\n    name: {written}\n"
    )
    refused_for(tmp_path, name, 4, "entity 'x' has an empty name", "add name:")
