"""`provenance review --ledger DIR` appends to the folder's reviews.yaml: in every shape the
file may have, the review is appended and every earlier one kept as it was, or nothing is
written and the analyst is told why; the file's mode and symbolic link are kept; a file or
folder that cannot be written is a message, never a traceback."""

from __future__ import annotations

import errno
import fcntl
import os
import shutil
import stat
from pathlib import Path

import doors
import pytest
import yaml
from doors import leftovers, refused, run
from test_bad_inputs import SHIPPED

from provenance import locking, writing

DISPUTED = "disputed-attribution:f0f09be4ebdf"
VARIANT = "spelling-variant:623269ca8ff3"
EARLIER = {
    "conflict": DISPUTED,
    "verdict": "disputed",
    "note": "kept visible",
    "reviewer": "Ana",
    "at": "2026-11-21T09:00:00Z",
}
ITEM = (
    "- conflict: {conflict}\n  verdict: {verdict}\n  note: {note}\n"
    "  reviewer: {reviewer}\n  at: '{at}'\n"
).format(**EARLIER)
FLOW = (
    f"{{conflict: '{DISPUTED}', verdict: disputed, note: kept visible, reviewer: Ana, "
    f"at: '{EARLIER['at']}'}}"
)


def indented(text: str, by: int) -> str:
    return "".join(" " * by + line for line in text.splitlines(keepends=True))


SHAPES = {
    # shape: (the file before, how many reviews it holds)
    "missing": (None, 0),
    "empty": ("", 0),
    "blank lines": ("\n\n", 0),
    "comments only": ("# decisions on this ledger\n# newest last\n", 0),
    "document start only": ("---\n", 0),
    "document end marker only": ("---\n...\n", 0),
    "null document": ("~\n", 0),
    "reviews with no value": ("reviews:\n", 0),
    "reviews: ~": ("reviews: ~\n", 0),
    "reviews: null with a comment": ("reviews: null  # none yet\n", 0),
    "reviews: [] with a comment": ("reviews: []  # none yet\n", 0),
    "two-space list": ("reviews:\n" + indented(ITEM, 2), 1),
    "four-space list": ("reviews:\n" + indented(ITEM, 4), 1),
    "unindented list": ("reviews:\n" + ITEM, 1),
    "no final new line": ("reviews:\n" + indented(ITEM, 2).rstrip("\n"), 1),
    "trailing comment and blank lines": ("reviews:\n" + indented(ITEM, 2) + "# end\n\n\n", 1),
    "document end marker": ("reviews:\n" + indented(ITEM, 2) + "...\n", 1),
    "document start and end": ("---\nreviews:\n" + indented(ITEM, 2) + "...\n# after\n", 1),
    "flow list": (f"reviews: [{FLOW}]\n", 1),
    "flow list over lines": (f"reviews: [\n  {FLOW}\n]\n", 1),
    "flow mapping": (f"{{reviews: [{FLOW}]}}\n", 1),
    "empty flow mapping": ("{}\n", 0),
    "other sections empty": ("sources: []\nreviews:\n" + indented(ITEM, 2), 1),
    "reviews then another key": ("reviews:\n" + indented(ITEM, 2) + "claims: []\n", 1),
    "windows line ends": (("reviews:\n" + indented(ITEM, 2)).replace("\n", "\r\n"), 1),
    "byte order mark": ("\ufeffreviews:\n" + indented(ITEM, 2), 1),
    "note over several lines": (
        "reviews:\n"
        + indented(ITEM.replace("note: kept visible", "note: |\n    reviews: []\n    line two"), 2),
        1,
    ),
    "folded note": (
        "reviews:\n"
        + indented(ITEM.replace("note: kept visible", "note: >-\n    kept\n\n    visible"), 2),
        1,
    ),
    "note kept with blank lines": (
        "reviews:\n" + indented(ITEM.replace("note: kept visible", "note: |+\n    kept\n\n"), 2),
        1,
    ),
}


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    shutil.copytree(SHIPPED, folder)
    (folder / "reviews.yaml").unlink()
    return folder


def review(*extra: str, note: str = "One village\nmisspelt once.") -> list[str]:
    args = ["review", VARIANT, "--verdict", "same-entity", "--note", note, "--by", "Ben"]
    return [*args, "--ledger", "claims", *extra]


def reviews_in(path: Path) -> list[dict[str, object]]:
    loaded = yaml.safe_load(path.read_text("utf-8-sig"))
    return list((loaded or {}).get("reviews") or [])


@pytest.mark.parametrize("shape", SHAPES, ids=list(SHAPES))
def test_a_review_is_appended_to_a_reviews_file_of_any_shape(shape: str, ledger: Path) -> None:
    before, count = SHAPES[shape]
    path = ledger / "reviews.yaml"
    if before is not None:
        path.write_bytes(before.encode("utf-8"))
    earlier = reviews_in(path) if before is not None else []
    assert len(earlier) == count

    ran = run(review())
    assert ran.status == 0, ran.output
    assert f"recorded same-entity for {VARIANT} in claims/reviews.yaml" in ran.out

    now = reviews_in(path)
    assert now[:count] == earlier  # every earlier review as it was
    assert [(r["conflict"], r["note"], r["reviewer"]) for r in now[count:]] == [
        (VARIANT, "One village\nmisspelt once.", "Ben")
    ]
    if before is not None:  # comments and the rest of the text kept
        kept = before.replace("\r\n", "\n").lstrip("\ufeff")
        text = path.read_text("utf-8-sig").replace("\r\n", "\n")
        for line in kept.splitlines():
            if line.startswith("#"):
                assert line in text
    assert run(["check", "claims"]).status in (0, 1)  # the ledger still reads
    again = run(review(note="second thoughts"))
    assert again.status == 0, again.output
    assert len(reviews_in(path)) == count + 2
    assert leftovers(ledger) == []


REFUSED_SHAPES = {
    # shape: (the file, a fragment of the message)
    "a note in a literal block at the end, without a final new line": (
        "reviews:\n"
        + indented(ITEM.replace("  note: kept visible\n", ""), 2)
        + "    note: |\n      kept",
        "would change an earlier one",
    ),
    "claims in the reviews file": (
        "claims: [{id: x1, subject: mirza-olang-attack, property: killed, value: 3,"
        " source: caci-2017-11-13}]\nreviews: []\n",
        "holds more than reviews",
    ),
}


@pytest.mark.parametrize("shape", REFUSED_SHAPES, ids=list(REFUSED_SHAPES))
def test_a_reviews_file_that_cannot_take_a_review_is_left_as_it_was(
    shape: str, ledger: Path
) -> None:
    text, message = REFUSED_SHAPES[shape]
    path = ledger / "reviews.yaml"
    path.write_text(text, "utf-8")
    ran = refused(review(), "claims/reviews.yaml", message)
    assert "was not recorded" in ran.err
    assert path.read_text("utf-8") == text
    assert leftovers(ledger) == []


def test_an_earlier_note_is_never_rewritten(ledger: Path) -> None:
    """The first appender replaced 'reviews: []' wherever it stood, inside a note too."""
    path = ledger / "reviews.yaml"
    path.write_text(SHAPES["note over several lines"][0], "utf-8")
    assert run(review()).status == 0
    assert reviews_in(path)[0]["note"] == "reviews: []\nline two\n"


def test_the_mode_of_the_reviews_file_is_kept(ledger: Path) -> None:
    path = ledger / "reviews.yaml"
    path.write_text("reviews: []\n", "utf-8")
    path.chmod(0o640)
    assert run(review()).status == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_a_new_reviews_file_gets_the_usual_mode(ledger: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        assert run(review()).status == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((ledger / "reviews.yaml").stat().st_mode) == 0o666 & ~umask


def test_a_reviews_file_that_is_a_symbolic_link_stays_one(ledger: Path, workdir: Path) -> None:
    elsewhere = workdir / "team" / "reviews.yaml"
    elsewhere.parent.mkdir()
    elsewhere.write_text("reviews:\n" + indented(ITEM, 2), "utf-8")
    (ledger / "reviews.yaml").symlink_to(elsewhere)
    assert run(review()).status == 0
    assert (ledger / "reviews.yaml").is_symlink()
    assert len(reviews_in(elsewhere)) == 2
    assert leftovers(workdir) == []


def test_a_read_only_reviews_file_is_refused_and_kept(ledger: Path) -> None:
    path = ledger / "reviews.yaml"
    path.write_text("reviews: []\n", "utf-8")
    path.chmod(0o444)
    refused(review(), "claims/reviews.yaml", "read-only")
    assert path.read_text("utf-8") == "reviews: []\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert leftovers(ledger) == []


def test_a_reviews_path_that_is_a_folder_is_refused(ledger: Path) -> None:
    (ledger / "reviews.yaml").mkdir()
    refused(review(), "claims/reviews.yaml", "is a folder")


def test_a_read_only_ledger_folder_is_refused(ledger: Path) -> None:
    ledger.chmod(0o555)
    try:
        refused(review(), "claims/reviews.yaml", "read-only")
    finally:
        ledger.chmod(0o755)
    assert not (ledger / "reviews.yaml").exists()
    assert leftovers(ledger) == []


def test_a_ledger_folder_an_analyst_may_not_write_is_refused(shared: Path) -> None:
    folder = shared / "claims"
    shutil.copytree(SHIPPED, folder)  # another analyst's folder (root's, mode 0755)
    ran = doors.as_nobody(review(), shared)
    assert ran.status == 2, ran.output
    assert "Traceback" not in ran.output
    assert "claims/reviews.yaml" in ran.err
    assert (folder / "reviews.yaml").read_bytes() == (SHIPPED / "reviews.yaml").read_bytes()


def test_a_review_waits_for_another_and_then_says_so(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ledger / "reviews.yaml"
    path.write_text("reviews: []\n", "utf-8")
    monkeypatch.setattr(locking, "WAIT_S", 0.3)
    holder = os.open(ledger / ".reviews.yaml.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another analyst's review, mid-write
    try:
        ran = refused(review(), "claims/reviews.yaml", "stayed locked by another writer for 0.3 s")
    finally:
        os.close(holder)
    assert "run the command again" in ran.err
    assert path.read_text("utf-8") == "reviews: []\n"


def test_a_full_disk_leaves_the_reviews_file_as_it_was(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = ledger / "reviews.yaml"
    path.write_text("reviews:\n" + indented(ITEM, 2), "utf-8")

    def full(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(writing.os, "write", full)
    ran = refused(review(), "claims/reviews.yaml", "disk is full")
    assert "unchanged" in ran.err
    assert path.read_text("utf-8") == "reviews:\n" + indented(ITEM, 2)
    assert leftovers(ledger) == []


@pytest.mark.parametrize(
    ("note", "code"),
    [("\x1b]0;owned\x07", "U+001B"), ("a\x00b", "U+0000"), ("a\x9bb", "U+009B")],
    ids=["escape sequence", "NUL", "8-bit CSI"],
)
def test_a_note_with_a_control_character_is_refused(ledger: Path, note: str, code: str) -> None:
    refused(review(note=note), "--note", code)
    assert not (ledger / "reviews.yaml").exists()
