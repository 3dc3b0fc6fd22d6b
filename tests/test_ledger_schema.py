"""The ledger's JSON Schema (docs/ledger.schema.json) is what the generator writes from the
reader's field definitions, and it agrees with the reader: the shipped ledger is valid, and
what the reader refuses for its type or shape the schema refuses too."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from hardening.bad_input_corpus import CASES, GOOD, Case, claim, entity, source, wrong_types
from provenance.cli import main
from provenance.docs import SCHEMA_FILE, ledger_schema

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "claims").rglob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """YAML as an editor's language server reads it for a schema: dates stay text."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load(text: str) -> Any:
    return yaml.load(text, Loader=EditorLoader)  # a SafeLoader subclass


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / SCHEMA_FILE).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_the_checked_in_schema_is_what_the_generator_writes() -> None:
    assert (ROOT / SCHEMA_FILE).read_text("utf-8") == ledger_schema.schema_text()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_shipped_ledger_file_is_valid(
    validator: jsonschema.Draft202012Validator, path: Path
) -> None:
    assert list(validator.iter_errors(load(path.read_text("utf-8")))) == []


def test_the_shipped_ledger_has_files_to_validate() -> None:
    assert len(SHIPPED) >= 5


REFUSED_FOR_SHAPE = {
    "a list at the top of a file",
    "a sentence at the top of a file",
    "an unknown section",
    "a section that is not a list",
    "a record that is not a mapping",
    "a list as an id",
    "a list as a title",
    "a number as a reliability grade",
    "a mapping as a value",
    "a list as a confidence",
    "true as a mention",
    "an unknown polarity",
    "an unknown entity kind",
    "an unknown source kind",
    "a number as said_by",
    "a source without an id",
    "a source without a title",
    "a claim without a subject",
    "a claim without a property",
    "a claim without a value",
    "a claim without a source",
    "an entity without a name",
    "a misspelt claim key",
    "a misspelt source key",
    "a misspelt entity key",
    "an unknown key with no near match",
    "an unknown reliability grade",
    "a Cyrillic letter in an id",
    "a zero-width joiner in an id",
    "a right-to-left mark in an id",
    "an accent in an id",
    *(case.name for case in wrong_types()),
}
"""Cases of the bad-input corpus the reader refuses for a field's type or shape, a missing
or unknown key or a word outside a field's choices. The others need the reader's judgement
(a date that does not exist, words that make no figure, references, circles) or are not
YAML a schema sees (binary, encodings, tags, aliases, sizes), and are left out."""


def corpus_case(name: str) -> Case:
    return next(case for case in CASES if case.name == name)


@pytest.mark.parametrize("name", sorted(REFUSED_FOR_SHAPE))
def test_what_the_reader_refuses_for_its_shape_the_schema_refuses(
    validator: jsonschema.Draft202012Validator, name: str
) -> None:
    case = corpus_case(name)
    assert case.status == 2 and not case.args
    text = case.files[case.file]
    assert isinstance(text, str)
    assert list(validator.iter_errors(load(text))) != []


@pytest.mark.parametrize(
    "text",
    [
        GOOD,
        source(reliability="b", language="fa-AF", url="https://example.org/a"),
        source(archive="{path: archive/a.txt, sha256: " + "ab" * 32 + "}", derived_from="s0"),
        entity(aliases="[Mirsa Olang]", distinct_from="[e2]", part_of="e3"),
        claim(value="'over 50'", confidence="{credibility: 2}", said_by="[{unnamed: an elder}]"),
        claim(value="{low: 50, best: 57, high: 61}", as_of="{date: 2020-03-25, inferred: true}"),
        claim(property="perpetrator", value="[e1, e2]", polarity="denied", mentions="[Mirsa]"),
        claim(notes="~", quote="'a short fragment'"),
    ],
)
def test_what_the_reader_takes_the_schema_takes(
    validator: jsonschema.Draft202012Validator, text: str, tmp_path: Path
) -> None:
    (tmp_path / "a.yaml").write_text(text, "utf-8")
    read = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "concise"])
    assert read.exit_code in (0, 1), read.output  # read; references may dangle
    assert list(validator.iter_errors(load(text))) == []
