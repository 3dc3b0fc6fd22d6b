"""Writing a source's archive field keeps every other byte of its file: comments, order,
spelling, flow or block style."""

from __future__ import annotations

import pytest

from provenance.errors import ProvenanceError
from provenance.ledger.archive_field import with_archive
from provenance.model import Archive

SHA = "ab" * 32
ARCHIVE = Archive("archives/s1.txt", SHA)
FIELD = f"archive: {{path: archives/s1.txt, sha256: {SHA}}}"


def test_a_block_source_gets_the_field_after_its_last_line_and_keeps_its_comments() -> None:
    text = (
        "# wire copy\n"
        "sources:\n"
        "  - id: s1\n"
        "    title: Wire story\n"
        "    kind: news   # a wire\n"
        "    reliability: b\n"
        "  - id: s2  # the other\n"
        "    title: Other\n"
        "    kind: news\n"
    )
    assert with_archive(text, "a.yaml", "s1", ARCHIVE) == text.replace(
        "    reliability: b\n", f"    reliability: b\n    {FIELD}\n"
    )


def test_a_trailing_comment_stays_on_its_own_line() -> None:
    text = "sources:\n  - id: s1\n    title: T\n    kind: news  # kept here\n"
    assert with_archive(text, "a.yaml", "s1", ARCHIVE) == text + f"    {FIELD}\n"


def test_a_flow_source_gets_the_field_inside_its_braces() -> None:
    text = "sources:\n  - {id: s1, title: T, kind: news}   # flow\n"
    expected = f"sources:\n  - {{id: s1, title: T, kind: news, {FIELD}}}   # flow\n"
    assert with_archive(text, "a.yaml", "s1", ARCHIVE) == expected


def test_an_earlier_archive_is_replaced_in_place() -> None:
    text = "sources:\n  - id: s1\n    archive: old.txt\n    title: T\n    kind: news\n"
    expected = text.replace("archive: old.txt", FIELD)
    assert with_archive(text, "a.yaml", "s1", ARCHIVE) == expected


def test_a_file_without_a_final_new_line() -> None:
    text = "sources:\n  - id: s1\n    title: T\n    kind: news"
    assert with_archive(text, "a.yaml", "s1", ARCHIVE) == text + f"\n    {FIELD}\n"


def test_a_source_under_a_list_value_ending_its_mapping() -> None:
    text = "sources:\n  - id: s1\n    title: T\n    kind: news\n    authors:\n      - A\n"
    assert with_archive(text, "a.yaml", "s1", ARCHIVE) == text + f"    {FIELD}\n"


def test_a_file_that_does_not_read_is_left_alone() -> None:
    text = "sources:\n  - id: s1\n    title: T\n    kind: news\n    archive: [a, b]\n"
    with pytest.raises(ProvenanceError):
        with_archive(text, "a.yaml", "s1", ARCHIVE)
