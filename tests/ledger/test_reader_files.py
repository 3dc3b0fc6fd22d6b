"""Finding and decoding ledger files: which files under a folder are read and in what order,
paths that name nothing, empty files, and bytes that are not UTF-8 text."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_files import check, load, problems, refused_for, write
from provenance.errors import LedgerInvalid, Problem
from provenance.importing import load_ledger
from provenance.model import Entity, EntityKind, Ledger, Origin

PLACE = "entities:\n  - id: kabul\n    kind: place\n    name: Kabul\n"
"""An entity whose optional notes: go on line 5 when appended."""


# --- empty files ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("# nothing here yet\n\n# still nothing\n", id="comments-only"),
        pytest.param("---\n", id="separator-only"),
        pytest.param("~\n", id="null"),
        pytest.param("entities:\nclaims:\n", id="empty-sections"),
    ],
)
def test_a_file_with_no_records_loads_as_nothing(tmp_path: Path, text: str) -> None:
    write(tmp_path, "empty.yaml", text)
    write(tmp_path, "kabul.yaml", PLACE)
    assert load(tmp_path) == Ledger(entities=(Entity("kabul", EntityKind.PLACE, "Kabul"),))


# --- bytes and encodings --------------------------------------------------------------------


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path, "image.yaml", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    refused_for(tmp_path, name, 3, "binary data (a NUL byte), not a text ledger")  # its line


def test_a_latin1_file_is_refused_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    data = b"entities:\n  - id: cafe\n    name: Caf\xe9\n    kind: place\n"
    name = write(tmp_path, "latin1.yaml", data)
    # 10 bytes on line 1, 13 on line 2, then "    name: Caf" (13): the byte is at offset 36
    refused_for(tmp_path, name, 3, "not UTF-8 text (byte 36)", "save the file as UTF-8")


def test_a_utf16_file_is_told_to_save_as_utf8(tmp_path: Path) -> None:
    name = write(tmp_path, "utf16.yaml", PLACE.encode("utf-16"))
    refused_for(tmp_path, name, 1, "not UTF-8", "save the file as UTF-8")


def test_a_control_character_is_reported_at_its_line(tmp_path: Path) -> None:
    name = write(
        tmp_path, "bell.yaml", b"entities:\n  - id: x\n    name: a\x07b\n    kind: place\n"
    )
    found = problems(tmp_path)
    assert len(found) == 1
    check(found[0], name, 3, "control character", "")
    assert found[0].hint and "\n" not in found[0].message


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    write(tmp_path, "bom.yaml", b"\xef\xbb\xbf" + PLACE.encode())
    assert [e.name for e in load(tmp_path).entities] == ["Kabul"]


def test_a_byte_order_mark_does_not_shift_lines(tmp_path: Path) -> None:
    name = write(tmp_path, "bom.yaml", b"\xef\xbb\xbf" + PLACE.encode() + b"    kind: city\n")
    refused_for(tmp_path, name, 5, "key 'kind' appears twice (first at line 3)")


# --- finding files --------------------------------------------------------------------------


def entity_file(ident: str) -> str:
    return f"entities:\n  - id: {ident}\n    kind: other\n    name: {ident}\n"


def test_files_are_found_recursively_in_a_stable_order(tmp_path: Path) -> None:
    broken = "entities: [not valid\n"
    files = {
        "b.yaml": entity_file("b"),
        "a.json": '{"entities": [{"id": "a", "kind": "other", "name": "a"}]}',
        "sub/deeper/c.yml": entity_file("sub-deeper-c"),
        "sub/a.yaml": entity_file("sub-a"),
        "sub/.draft.yaml": broken,
        ".git/config.yaml": broken,
        "sub/.hidden/x.yaml": broken,
        "README.md": broken,
        "notes.txt": broken,
        "backup.yaml~": broken,
    }
    names = {file: write(tmp_path, file, text) for file, text in files.items()}
    ledger = load(tmp_path)
    # a folder's own files in name order, then its sub-folders in name order
    assert [e.id for e in ledger.entities] == ["a", "b", "sub-a", "sub-deeper-c"]
    assert [e.origin for e in ledger.entities] == [
        Origin(names["a.json"], 1),
        Origin(names["b.yaml"], 2),
        Origin(names["sub/a.yaml"], 2),
        Origin(names["sub/deeper/c.yml"], 2),
    ]


def test_a_file_given_by_name_is_read_whatever_its_suffix(tmp_path: Path) -> None:
    write(tmp_path, "ledger.txt", entity_file("x"))
    assert [e.id for e in load_ledger([tmp_path / "ledger.txt"]).entities] == ["x"]


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    write(tmp_path, "x.yaml", entity_file("x"))
    ledger = load_ledger([tmp_path, tmp_path / "x.yaml", tmp_path / "." / "x.yaml"])
    assert [e.id for e in ledger.entities] == ["x"]


def test_a_path_that_does_not_exist_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "x.yaml", entity_file("x"))
    missing = tmp_path / "missing"
    with pytest.raises(LedgerInvalid) as refused:
        load_ledger([tmp_path, missing])
    assert refused.value.problems == [
        Problem(str(missing), 0, "no such file or folder", "check the path")
    ]


@pytest.mark.parametrize(
    "files",
    [
        pytest.param({}, id="empty"),
        pytest.param(
            {"README.md": "# notes\n", ".hidden.yaml": PLACE}, id="no-visible-ledger-file"
        ),
    ],
)
def test_a_folder_with_no_ledger_files_is_reported(tmp_path: Path, files: dict[str, str]) -> None:
    tmp_path.mkdir(exist_ok=True)
    for file, text in files.items():
        write(tmp_path, file, text)
    refused_for(tmp_path, str(tmp_path), 0, "no ledger files found", ".yaml, .yml or .json")


def test_a_problem_in_json_has_its_line(tmp_path: Path) -> None:
    text = (
        '{\n  "entities": [\n    {"id": "x", "kind": "place", "name": "X", "nmae": "y"}\n  ]\n}\n'
    )
    name = write(tmp_path, "x.json", text)
    refused_for(tmp_path, name, 3, "unknown key 'nmae' in entity 'x'", "did you mean 'name'?")


def test_every_file_is_read_even_after_a_broken_one(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", "entities:\n  - id: x\n   kind: place\n")
    second = write(tmp_path, "b.yaml", b"\xff\n")
    third = write(tmp_path, "c.yaml", PLACE + "    nmae: x\n")
    assert [(p.file, p.line) for p in problems(tmp_path)] == [
        (first, 3),
        (second, 1),
        (third, 5),
    ]


def test_a_file_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "kabul.yaml", PLACE)
    link = tmp_path / "moved.yaml"
    link.symlink_to(tmp_path / "gone.yaml")
    refused_for(tmp_path, link.as_posix(), 0, "a symbolic link to " + str(tmp_path / "gone.yaml"))
