"""Every way a database can fail to open is a message with the database (its password
hidden), what is wrong and what to do; reads open a SQLite file read-only, so a database in
a read-only folder can be read; text a database would store differently (a NUL) or that
would act on a terminal is refused at its file and line, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import doors
import pytest
from doors import refused, run
from sqlalchemy import create_engine, text
from test_bad_inputs import SHIPPED, snapshot

from provenance import api

COMMANDS = {
    "show": ["show", "mirza-olang"],
    "claims": ["claims"],
    "check": ["check"],
    "export": ["export"],
    "import": ["import", "claims"],
    "init": ["init"],
}


@pytest.fixture
def ledger(workdir: Path) -> Path:
    folder = workdir / "claims"
    shutil.copytree(SHIPPED, folder)
    return folder


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("url", "what"),
    [
        ("foo://::", "is not a database URL"),
        ("postgresql://ana:s3cret@db.example:port/ledger", "port is not a number"),
        ("postgresql://ana:s3cret@127.0.0.1:1/ledger", "server is running"),
        ("nosuchdriver://ana:s3cret@host/db", "no driver"),
    ],
    ids=["garbage", "bad port", "no server", "unknown driver"],
)
def test_a_url_that_cannot_be_used_is_a_message_without_its_password(
    ledger: Path, command: str, url: str, what: str
) -> None:
    ran = refused([*COMMANDS[command], "--db", url], what)
    assert "s3cret" not in ran.output
    assert url.split("://")[0] in ran.err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"name,killed\nMirza Olang,50\n", "is not a ledger database"),
        (os.urandom(8192), "is not a ledger database"),
        (b"SQLite format 3\x00" + b"\xff" * 4080, "is not a ledger database"),
    ],
    ids=["a text file", "random bytes", "a damaged header"],
)
def test_a_file_that_is_not_a_ledger_database_is_a_message(
    ledger: Path, command: str, content: bytes, what: str
) -> None:
    (ledger.parent / "ledger.db").write_bytes(content)
    refused([*COMMANDS[command], "--db", "ledger.db"], "ledger.db", what)
    assert (ledger.parent / "ledger.db").read_bytes() == content


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_given_as_the_database_is_a_message(ledger: Path, command: str) -> None:
    (ledger.parent / "dbs").mkdir()
    refused([*COMMANDS[command], "--db", "dbs"], "dbs", "is a folder")


@pytest.mark.parametrize("command", ["import", "init"])
def test_a_database_path_through_a_file_is_a_message(ledger: Path, command: str) -> None:
    (ledger.parent / "notes.txt").write_text("mine\n", "utf-8")
    refused([*COMMANDS[command], "--db", "notes.txt/ledger.db"], "notes.txt", "is a file")
    assert (ledger.parent / "notes.txt").read_text("utf-8") == "mine\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_database_of_a_newer_provenance_is_refused_untouched(
    ledger: Path, command: str, db_url: str
) -> None:
    api.import_ledger([SHIPPED], db_url)
    engine = create_engine(api.database_url(db_url))
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '9f3e2a7b1c0d'"))
    finally:
        engine.dispose()
    before = snapshot(db_url)
    ran = refused([*COMMANDS[command], "--db", db_url], "9f3e2a7b1c0d", "newer provenance")
    assert "upgrade provenance" in ran.err
    assert snapshot(db_url) == before


def test_a_database_in_a_read_only_folder_can_be_read(ledger: Path) -> None:
    folder = ledger.parent / "team"
    folder.mkdir()
    url = f"sqlite:///{folder / 'ledger.db'}"
    api.import_ledger([SHIPPED], url)
    for path in folder.iterdir():
        if path.name != "ledger.db":
            path.unlink()  # as a copy of the database would arrive: no -wal or -shm
    folder.chmod(0o555)
    try:
        for command in ("show", "claims", "check", "export"):
            ran = run([*COMMANDS[command], "--db", "team/ledger.db"])
            assert ran.status == 0, (command, ran.output)
    finally:
        folder.chmod(0o755)


def test_an_analyst_may_read_a_database_they_may_not_write(shared: Path) -> None:
    """Real permissions: the folder and the file are root's (0755, 0644)."""
    shutil.copytree(SHIPPED, shared / "claims")
    (shared / "team").mkdir()
    api.import_ledger([SHIPPED], f"sqlite:///{shared / 'team' / 'ledger.db'}")
    for path in (shared / "team").iterdir():
        if path.name != "ledger.db":
            path.unlink()
    for command in ("show", "claims", "check"):
        ran = doors.as_nobody([*COMMANDS[command], "--db", "team/ledger.db"], shared)
        assert ran.status == 0, (command, ran.output)
    ran = doors.as_nobody([*COMMANDS["import"], "--db", "team/ledger.db"], shared)
    assert ran.status == 2, ran.output
    assert "team/ledger.db" in ran.err and "Traceback" not in ran.output


# Text a database would keep differently, or that would act on a terminal


@pytest.mark.parametrize(
    ("escaped", "code"),
    [
        ("\\0", "U+0000"),
        ("\\x00", "U+0000"),
        ("\\e]0;owned\\a", "U+001B"),
        ("\\x1b[2J", "U+001B"),
        ("\\x7f", "U+007F"),
        ("\\x9b31m", "U+009B"),
        ("\\x08\\x08", "U+0008"),
    ],
    ids=["NUL", "NUL in hex", "OSC title", "ESC clear", "DEL", "8-bit CSI", "backspace"],
)
@pytest.mark.parametrize("where", ["a title", "a key", "a list item"])
def test_a_control_character_is_refused_at_its_line(
    ledger: Path, db_url: str, escaped: str, code: str, where: str
) -> None:
    api.import_ledger([SHIPPED], db_url)
    before = snapshot(db_url)
    record = {
        "a title": f'  - {{id: s9, title: "Wire {escaped} story", kind: news, reliability: B}}\n',
        "a key": f'  - {{id: s9, "ti{escaped}tle": Wire, kind: news, reliability: B}}\n',
        "a list item": f'  - {{id: s9, title: W, kind: news, reliability: B, authors: ["{escaped}"]}}\n',  # noqa: E501
    }[where]
    (ledger / "more.yaml").write_text("# a pasted source\nsources:\n" + record, "utf-8")
    ran = refused(["import", "claims", "--db", db_url], "claims/more.yaml:3:", code)
    assert "nothing was written" in ran.err
    assert snapshot(db_url) == before


def test_text_with_tabs_new_lines_and_carriage_returns_is_stored_alike(
    ledger: Path, db_url: str
) -> None:
    (ledger / "more.yaml").write_text(
        'sources:\n  - {id: s9, title: "a\\tb\\r\\nc", kind: news, reliability: B}\n', "utf-8"
    )
    assert run(["import", "claims", "--db", db_url]).status == 0
    engine = create_engine(api.database_url(db_url))
    try:
        with engine.connect() as connection:
            title = connection.execute(text("SELECT title FROM source WHERE id = 's9'")).scalar()
    finally:
        engine.dispose()
    assert title == "a\tb\r\nc"


@pytest.mark.parametrize(
    "extra",
    [["--title", "Wire\x1b]52;c;b3duZWQ=\x07"], ["--title", "W", "--publisher", "A\x00B"]],
    ids=["clipboard escape in the title", "NUL in the publisher"],
)
def test_a_control_character_given_to_add_is_refused(
    db_url: str, workdir: Path, extra: list[str]
) -> None:
    api.import_ledger([SHIPPED], db_url)
    before = snapshot(db_url)
    args = ["add", "source", "s9", "--kind", "news", "--reliability", "B", *extra]
    refused([*args, "--db", db_url], "command line: --", "control character")
    assert snapshot(db_url) == before


@pytest.mark.parametrize("field", ["name", "aliases", "mentions"])
def test_a_name_too_long_for_an_index_is_refused_at_its_line(
    ledger: Path, db_url: str, field: str
) -> None:
    """PostgreSQL's index refused it with a driver traceback that named no file."""
    api.import_ledger([SHIPPED], db_url)
    before = snapshot(db_url)
    long = "".join(chr(0x0600 + (n * 7919) % 200) for n in range(3000))  # does not compress
    body = {
        "name": f"entities:\n  - id: e9\n    kind: place\n    name: {long}\n",
        "aliases": f"entities:\n  - id: e9\n    kind: place\n    name: E\n    aliases: [{long}]\n",
        "mentions": (
            "claims:\n  - id: c9\n    subject: mirza-olang-attack\n    property: killed\n"
            f"    value: 3\n    source: caci-2017-11-13\n    mentions: [{long}]\n"
        ),
    }[field]
    (ledger / "more.yaml").write_text(body, "utf-8")
    line = {"name": 4, "aliases": 5, "mentions": 7}[field]
    refused(["import", "claims", "--db", db_url], f"claims/more.yaml:{line}:", "3,000 characters")
    assert snapshot(db_url) == before
