"""The check cache (caching.py) never changes what a check reports: after any sequence of
edits, a check that reuses the cache reports byte for byte what a check without it reports,
and a cache that is corrupt, truncated, of another version, unwritable or in the way is
rebuilt or passed over, never believed and never a traceback."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SHIPPED
from provenance import caching, cli

# -- running a check ---------------------------------------------------------------------------


def check(ledger: Path, *flags: str) -> Result:
    return CliRunner().invoke(
        cli.main, ["check", str(ledger), "--format", "json", *flags], catch_exceptions=False
    )


def same_as_full(ledger: Path, cache: Path) -> Result:
    """Checks with the cache and without it, and asserts they report the same."""
    cached = check(ledger, "--cache", str(cache))
    full = check(ledger, "--no-cache")
    assert (cached.exit_code, cached.stdout) == (full.exit_code, full.stdout)
    assert cached.stderr == full.stderr  # a traceback would have been raised here
    return cached


@contextmanager
def shipped_copy() -> Iterator[Path]:
    """A copy of the shipped ledger, with a cache folder beside it."""
    with tempfile.TemporaryDirectory() as folder:
        ledger = Path(folder) / "claims"
        shutil.copytree(SHIPPED, ledger)
        yield ledger


# -- edits -------------------------------------------------------------------------------------

SUBJECTS = ["mirza-olang-attack", "kabul-airport-attack-2021", "taliban", "akhtar-mohammad-mansour"]
PROPERTIES = ["killed", "wounded", "perpetrator", "date", "role", "members"]
VALUES = {
    "killed": ["over 50", "36", "at least 36", "50-60", "almost a hundred", "170", "169"],
    "wounded": ["12", "about 20", "more than 30"],
    "perpetrator": ["taliban", "iskp", "[taliban, iskp]"],
    "date": ["2017-08-05", "2017-08", "2017-08-03", "2021-08-26"],
    "role": ["leader of the Taliban", "deputy leader of the Taliban", "spokesman"],
    "members": ["about 4,000", "4000", "2,000 to 3,000"],
}
MENTIONS = ["Mirsa Olang", "Mirza Olang", "Mansoor", "Akhtar Mansur", "Mirzа Olang", "ISIS-K"]
SOURCES = ["caci-2017-11-13", "globetrotter-2023", "no-such-source"]


@st.composite
def claims(draw: st.DrawFn) -> dict[str, Any]:
    prop = draw(st.sampled_from(PROPERTIES))
    claim: dict[str, Any] = {
        "id": f"gen-{draw(st.integers(0, 10**6))}",
        "subject": draw(st.sampled_from(SUBJECTS)),
        "property": prop,
        "value": draw(st.sampled_from(VALUES[prop])),
        "source": draw(st.sampled_from(SOURCES)),
    }
    if draw(st.booleans()):
        claim["as_of"] = draw(st.sampled_from(["2017-08-06", "2023", "2017-08"]))
    if draw(st.booleans()):
        claim["polarity"] = "denied"
    if draw(st.booleans()):
        claim["mentions"] = draw(st.lists(st.sampled_from(MENTIONS), min_size=1, max_size=2))
    return claim


EDITS = st.one_of(
    st.tuples(st.just("add"), st.integers(0, 99), claims()),
    st.tuples(st.just("change"), st.integers(0, 999), claims()),
    st.tuples(st.just("delete"), st.integers(0, 999), st.none()),
    st.tuples(st.just("move"), st.integers(0, 999), st.integers(0, 99)),
    st.tuples(st.just("rename"), st.integers(0, 99), st.none()),
    st.tuples(st.just("break"), st.integers(0, 99), st.none()),
)


def claim_files(ledger: Path) -> list[Path]:
    return sorted(p for p in ledger.rglob("*.yaml") if "claims:" in p.read_text("utf-8"))


BROKEN = "\n  - [unclosed\n"
"""What a "break" edit appends; the next edit of the file mends it."""


def records(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text("utf-8").replace(BROKEN, ""))
    return loaded if isinstance(loaded, dict) else {"claims": []}


def write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")


def edit(ledger: Path, what: str, at: int, given: Any) -> None:
    """One edit of the ledger's claim files: add, change or delete a claim, move one to
    another file, rename a file, or break a file's YAML."""
    files = claim_files(ledger)
    if not files:
        return
    path = files[at % len(files)]
    data = records(path)
    listed = data.setdefault("claims", []) or []
    data["claims"] = listed
    if what == "add":
        listed.append(given)
    elif what in ("change", "delete", "move") and listed:
        index = at % len(listed)
        if what == "change":
            listed[index] = {**given, "id": listed[index]["id"]}
        elif what == "delete":
            del listed[index]
        else:
            moved = listed.pop(index)
            target = files[given % len(files)]
            if target != path:
                other = records(target)
                other["claims"] = [*(other.get("claims") or []), moved]
                write(target, other)
            else:
                listed.insert(0, moved)
    elif what == "rename":
        path.rename(path.with_name(f"renamed-{path.stem}.yaml"))
        return
    elif what == "break":
        path.write_text(path.read_text("utf-8") + BROKEN, "utf-8")
        return
    write(path, data)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(EDITS, min_size=1, max_size=4))
def test_a_check_through_the_cache_reports_what_a_full_check_reports(
    edits: list[tuple[str, int, Any]],
) -> None:
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        same_as_full(ledger, cache)  # cold: the cache is filled
        for what, at, given_ in edits:
            edit(ledger, what, at, given_)
            same_as_full(ledger, cache)  # warm: only what changed is worked out again


def test_an_edit_is_seen_through_a_warm_cache() -> None:
    """The cache is used (a second check reads entries) and a change still counts."""
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        first = same_as_full(ledger, cache)
        entries = list((cache).glob("check-*/files/*"))
        assert entries, "the first check kept each file's records"
        path = ledger / "caci-2017" / "mirza-olang-attack.yaml"
        data = records(path)
        data["claims"].append(
            {
                "id": "gen-new",
                "subject": "mirza-olang-attack",
                "property": "killed",
                "value": "3",
                "source": "globetrotter-2023",
                "mentions": ["Mirsa Olang"],
            }
        )
        write(path, data)
        second = same_as_full(ledger, cache)
        assert "gen-new" not in first.stdout and "gen-new" in second.stdout


# -- a cache that cannot be believed -----------------------------------------------------------


def entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.glob("check-*/*/*") if p.is_file())


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]), id="half"),
        pytest.param(lambda p: p.write_bytes(b""), id="empty"),
        pytest.param(lambda p: p.write_bytes(p.read_bytes()[:-1] + b"\x00"), id="last-byte"),
        pytest.param(lambda p: p.write_bytes(b"not a cache entry at all"), id="garbage"),
        pytest.param(
            lambda p: p.write_bytes(caching.MAGIC + b"\x00" * 32 + b"\x80\x05N."), id="digest"
        ),
        pytest.param(lambda p: (p.unlink(), p.mkdir()), id="folder"),
    ],
)
def test_a_spoilt_cache_is_rebuilt_never_believed(spoil: Any) -> None:
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        path = ledger / "caci-2017" / "mirza-olang-attack.yaml"
        text = path.read_text("utf-8")
        path.write_text(text.replace("value: over 50", "value: 3"), "utf-8")
        same_as_full(ledger, cache)
        spoilt = entries(cache)
        assert len(spoilt) > 5
        for entry in spoilt:
            spoil(entry)
        same_as_full(ledger, cache)
        same_as_full(ledger, cache)  # and again, from what the second run rebuilt


def test_a_well_formed_entry_of_the_wrong_shape_is_not_believed() -> None:
    """An entry whose digest is right but which holds something else (another layout)."""
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        same_as_full(ledger, cache)
        box = caching.CheckCache(cache)
        for entry in entries(cache):
            box.put(entry.parent.name, entry.name, ("not", "records", 3))
        same_as_full(ledger, cache)


def test_an_older_version_s_cache_is_never_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Entries kept by another version (another tool key) are not looked at, and are
    removed; even entries made to lie (every file empty) change nothing."""
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        real, files = caching.tool_key(), caching.fingerprint()
        monkeypatch.setattr(caching, "tool_key", lambda: "0" * 64)
        monkeypatch.setattr(caching, "fingerprint", lambda: "f" * 64)  # its files, too
        same_as_full(ledger, cache)
        old = caching.CheckCache(cache)
        for entry in entries(cache):
            if entry.parent.name == "files":
                old.put("files", entry.name, (None, []))  # a lie: the file held nothing
        monkeypatch.setattr(caching, "tool_key", lambda: real)
        monkeypatch.setattr(caching, "fingerprint", lambda: files)
        same_as_full(ledger, cache)
        assert sorted(p.name for p in cache.iterdir()) == [f"check-{real[:24]}", "tool-key"]


# -- doors -------------------------------------------------------------------------------------


def test_a_cache_path_that_is_a_file_is_refused_naming_it(tmp_path: Path) -> None:
    in_the_way = tmp_path / "cache"
    in_the_way.write_text("a file", "utf-8")
    done = check(SHIPPED, "--cache", str(in_the_way))
    assert done.exit_code == 2
    assert f"cannot keep the check cache in {in_the_way}" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_a_cache_path_through_a_file_is_refused_naming_it(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file", "utf-8")
    below = tmp_path / "file" / "cache"
    done = CliRunner().invoke(cli.main, ["check", str(SHIPPED), "--cache", str(below)])
    assert done.exit_code == 2
    assert f"cannot keep the check cache in {below}" in done.stderr
    assert done.exception is None or isinstance(done.exception, SystemExit)


def test_the_environment_names_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(caching.ENVIRONMENT, str(tmp_path / "ci-cache"))
    done = check(SHIPPED)
    assert done.exit_code == 0
    assert list((tmp_path / "ci-cache").glob("check-*/files/*"))


def test_a_checkout_where_no_cache_can_be_kept_is_checked_in_full() -> None:
    """The default cache (.provenance/cache beside the ledger) cannot be made: the check
    runs in full and says nothing about it."""
    with shipped_copy() as ledger:
        (ledger.parent / ".provenance").write_text("in the way", "utf-8")
        cached, full = check(ledger), check(ledger, "--no-cache")
        assert (cached.exit_code, cached.stdout, cached.stderr) == (
            full.exit_code,
            full.stdout,
            full.stderr,
        )


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_is_read_and_left_alone() -> None:
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        same_as_full(ledger, cache)
        for folder in [cache, *cache.rglob("*")]:
            if folder.is_dir():
                folder.chmod(0o555)
        try:
            path = ledger / "entities" / "places.yaml"
            path.write_text(path.read_text("utf-8") + "\n", "utf-8")
            same_as_full(ledger, cache)
        finally:
            for folder in [cache, *cache.rglob("*")]:
                if folder.is_dir():
                    folder.chmod(0o755)


def test_an_entry_that_cannot_be_written_leaves_the_check_alone() -> None:
    """A folder where an entry should go (so it can be neither read nor replaced)."""
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        same_as_full(ledger, cache)
        names = next(cache.glob("check-*/names/matches"))
        names.unlink()
        names.mkdir()
        (names / "inside").write_text("x", "utf-8")
        path = ledger / "caci-2017" / "mirza-olang-attack.yaml"
        path.write_text(path.read_text("utf-8").replace("Mirza Olang", "Mirsa Olang", 1), "utf-8")
        same_as_full(ledger, cache)


# -- the memo ----------------------------------------------------------------------------------


def test_the_memo_keeps_only_what_a_run_asked_for() -> None:
    memo = caching.Memo({"a": 1, "b": 2})
    assert memo.get("a") == 1 and memo.get("c") is None
    assert not memo.added and memo.changed  # b was not asked for: it is dropped
    memo["c"] = 3
    assert dict(memo) == {"a": 1, "c": 3} and memo.added
    kept = caching.Memo({"a": 1})
    assert kept.get("a") == 1 and not kept.changed


def test_the_tool_key_changes_with_the_code(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    before = caching.tool_key()
    package = tmp_path / "provenance"
    shutil.copytree(caching.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(caching, "PACKAGE", package)
    caching.tool_key.cache_clear()
    try:
        assert caching.tool_key() == before
        (package / "names.py").write_text(
            (package / "names.py").read_text("utf-8") + "\n# changed\n", "utf-8"
        )
        caching.tool_key.cache_clear()
        assert caching.tool_key() != before
    finally:
        caching.tool_key.cache_clear()


def test_the_tool_key_is_noted_and_taken_again_when_a_file_of_the_package_changes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The key is read from the note while the package's files are as they were; a file
    edited (its size kept, its modification time set back) is noticed, and the key is
    taken of the files again."""
    package = tmp_path / "provenance"
    shutil.copytree(caching.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(caching, "PACKAGE", package)
    taken: list[str] = []
    real = caching.tool_key.__wrapped__

    def counted() -> str:
        taken.append(real())
        return taken[-1]

    monkeypatch.setattr(caching, "tool_key", counted)

    def opened() -> caching.CheckCache:
        caching.fingerprint.cache_clear()
        found = caching.CheckCache.open(caching.CachePlace(tmp_path / "cache", asked=True))
        assert found is not None
        return found

    try:
        first = opened()
        assert not first.noted and first.key == taken[-1]
        again = opened()
        assert again.noted and again.key == first.key and len(taken) == 1
        names = package / "names.py"
        before = names.stat()
        text = names.read_text("utf-8")
        names.write_text(text.replace("the", "teh", 1), "utf-8")  # the same size
        os.utime(names, ns=(before.st_atime_ns, before.st_mtime_ns))
        edited = opened()
        assert not edited.noted and len(taken) == 2 and edited.key != first.key
    finally:
        caching.fingerprint.cache_clear()


@pytest.mark.parametrize("note", ["", "garbage", "f" * 64 + " " + "0" * 64, "a b c"])
def test_a_tool_key_note_that_does_not_fit_the_files_is_not_believed(
    tmp_path: Path, note: str
) -> None:
    (tmp_path / caching.KEY_NOTE).write_text(note, "ascii")
    found = caching.CheckCache.open(caching.CachePlace(tmp_path, asked=True))
    assert found is not None and not found.noted
    assert found.key == caching.tool_key()
    assert caching.CheckCache(tmp_path).noted  # noted now, for the next run


def test_a_file_whose_source_names_an_archive_is_read_again() -> None:
    """Whether an archive leads out of the ledger folder (a link) is a question for the file
    system: a link changed between two checks is seen through a warm cache."""
    with shipped_copy() as ledger:
        cache = ledger.parent / "cache"
        (ledger / "archives").mkdir()
        (ledger / "archives" / "real.txt").write_text("Over 50 people were killed", "utf-8")
        outside = ledger.parent / "outside.txt"
        outside.write_text("Over 50 people were killed", "utf-8")
        link = ledger / "archives" / "caci.txt"
        link.symlink_to("real.txt")
        sources = ledger / "sources.yaml"
        sources.write_text(
            sources.read_text("utf-8").replace(
                "    kind: analysis\n    reliability: B\n",
                "    kind: analysis\n    reliability: B\n    archive: {path: archives/caci.txt}\n",
                1,
            ),
            "utf-8",
        )
        inside = same_as_full(ledger, cache)
        link.unlink()
        link.symlink_to(outside)
        out = same_as_full(ledger, cache)
        assert out.exit_code == 2 and inside.exit_code != 2
