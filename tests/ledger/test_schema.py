"""The ledger schema for sources, entities and reviews, and the sections that hold them: required
fields, unknown keys, wrong types, ids and choices, each mistake at its file and line with a
hint. Field formats and complete records are in test_schema_fields.py, claims in
test_schema_claims.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_files import check, load, problems, refused_for, write
from provenance.model import (
    Entity,
    EntityKind,
    Reliability,
    SourceKind,
)

SOURCE = "sources:\n  - id: s\n    title: A report\n    kind: news\n    reliability: B\n"
ENTITY = "entities:\n  - id: e\n    kind: place\n    name: Sayad\n"
REVIEW = (
    "reviews:\n  - conflict: c1\n    verdict: distinct\n    reviewer: ana\n"
    "    at: 2026-11-21T10:00:00Z\n"
)
"""Minimal valid records; a key appended to one goes on line 6 (SOURCE, REVIEW) or 5 (ENTITY)."""

NEXT_LINE = {SOURCE: 6, ENTITY: 5, REVIEW: 6}


# --- sections -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("section", "hint"),
    [
        ("clams", "did you mean 'claims'?"),
        ("Sources", "did you mean 'sources'?"),
        ("entity", "did you mean 'entities'?"),
        ("people", "use scopes:, properties:, sources:, entities:, claims:, reviews:"),
    ],
)
def test_an_unknown_section_is_named(tmp_path: Path, section: str, hint: str) -> None:
    name = write(tmp_path, "a.yaml", ENTITY + f"{section}:\n  - id: x\n")
    refused_for(tmp_path, name, 5, f"unknown section '{section}'", hint)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("entities:\n  id: e\n  kind: place\n  name: Sayad\n", id="mapping"),
        pytest.param("entities: Sayad\n", id="text"),
    ],
)
def test_a_section_must_be_a_list(tmp_path: Path, body: str) -> None:
    name = write(tmp_path, "a.yaml", body)
    refused_for(tmp_path, name, 1, "entities: must be a list", "start each entity with '- '")


def test_each_item_of_a_section_must_be_a_mapping(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", "claims:\n  - c1\n  - [a, b]\n  -\n  - 42\n")
    assert [(p.file, p.line, p.message) for p in problems(tmp_path)] == [
        (name, 2, "each of claims must be a mapping, not text"),
        (name, 3, "each of claims must be a mapping, not a list"),
        (name, 4, "each of claims must be a mapping, not empty"),
        (name, 5, "each of claims must be a mapping, not a number"),
    ]
    assert {p.hint for p in problems(tmp_path)} == {"write the claim as 'key: value' lines"}


# --- required fields ------------------------------------------------------------------------


def without(record: str, key: str) -> str:
    kept = [line for line in record.splitlines() if not line.strip(" -").startswith(f"{key}:")]
    body = "\n".join(kept) + "\n"
    # the first key of a record carries its "- "
    return body.replace(":\n    ", ":\n  - ", 1) if f"- {key}:" in record else body


@pytest.mark.parametrize(
    ("record", "key", "label", "hint"),
    [
        (SOURCE, "id", "this source", "give the source a short id"),
        (SOURCE, "title", "source 's'", "add title:"),
        (SOURCE, "kind", "source 's'", "add kind: news, analysis"),
        (ENTITY, "id", "this entity", "give the entity a short id"),
        (ENTITY, "kind", "entity 'e'", "add kind: person, organisation, place, event or other"),
        (ENTITY, "name", "entity 'e'", "add name: the canonical spelling"),
        (REVIEW, "conflict", "this review", "add conflict: the id that `provenance check` prints"),
        (REVIEW, "verdict", "review 'c1'", "add verdict: same-entity, distinct, disputed"),
        (REVIEW, "reviewer", "review 'c1'", "add reviewer: who decided"),
        (REVIEW, "at", "review 'c1'", "add at: when, as 2026-11-21T10:00:00Z"),
    ],
)
def test_a_missing_required_field_is_reported_at_the_record(
    tmp_path: Path, record: str, key: str, label: str, hint: str
) -> None:
    name = write(tmp_path, "a.yaml", without(record, key))
    refused_for(tmp_path, name, 2, f"{label} has no {key}", hint)


def test_a_source_without_reliability_reads_as_cannot_be_judged(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", without(SOURCE, "reliability"))
    (source,) = load(tmp_path).sources
    assert (source.reliability.value, source.reliability_given) == ("F", False)


@pytest.mark.parametrize("empty", ["", "~", "null", "''"])
def test_a_required_field_left_empty_is_reported_at_its_key(tmp_path: Path, empty: str) -> None:
    name = write(tmp_path, "a.yaml", without(SOURCE, "title") + f"    title: {empty}\n")
    found = problems(tmp_path)
    if empty == "''":
        check(found[0], name, 5, "title is empty", "write the title or remove the key")
    else:
        check(found[0], name, 5, "source 's' has an empty title", "add title:")
    assert len(found) == 1


def test_every_missing_field_of_a_record_is_reported(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", "entities:\n  - notes: nothing else\n")
    assert [(p.file, p.line, p.message) for p in problems(tmp_path)] == [
        (name, 2, "this entity has no id"),
        (name, 2, "this entity has no kind"),
        (name, 2, "this entity has no name"),
    ]


# --- unknown keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "key", "label", "hint"),
    [
        (SOURCE, "publised", "source 's'", "did you mean 'published'?"),
        (SOURCE, "autors", "source 's'", "did you mean 'authors'?"),
        (SOURCE, "derived-from", "source 's'", "did you mean 'derived_from'?"),
        (SOURCE, "colour", "source 's'", "allowed keys: id, title, publisher, authors"),
        (ENTITY, "alias", "entity 'e'", "did you mean 'aliases'?"),
        (ENTITY, "partof", "entity 'e'", "did you mean 'part_of'?"),
        (ENTITY, "Name", "entity 'e'", "did you mean 'name'?"),
        (REVIEW, "in_favor_of", "review 'c1'", "did you mean 'in_favour_of'?"),
        (REVIEW, "notes", "review 'c1'", "did you mean 'note'?"),
    ],
)
def test_an_unknown_key_is_reported_with_a_suggestion(
    tmp_path: Path, record: str, key: str, label: str, hint: str
) -> None:
    name = write(tmp_path, "a.yaml", record + f"    {key}: x\n")
    refused_for(tmp_path, name, NEXT_LINE[record], f"unknown key '{key}' in {label}", hint)


# --- wrong types ----------------------------------------------------------------------------

QUOTE_IT = "write it as text, in quotes if it looks like something else"
COLON = "a ': ' inside text starts a mapping; put the text in quotes"


@pytest.mark.parametrize(
    ("record", "field", "message", "hint"),
    [
        (SOURCE, "publisher: [CACI, Analyst]", "publisher must be text, not a list", QUOTE_IT),
        (SOURCE, "notes: {Graded: B}", "notes must be text, not a mapping", COLON),
        (SOURCE, "publisher: true", "publisher must be text, not true/false", QUOTE_IT),
        (SOURCE, "publisher: '  '", "publisher is empty", "write the publisher or remove the key"),
        (SOURCE, "authors: {name: Jane}", "authors must be text, not a mapping", COLON),
        (SOURCE, "authors: [Jane, [Doe]]", "authors must be text, not a list", QUOTE_IT),
        (SOURCE, "derived_from: {a: b}", "derived_from must be text, not a mapping", COLON),
        (SOURCE, "published: [2017]", "published must be a date or period, not a list", "2017-08"),
        (SOURCE, "published: true", "published must be a date or period, not true/false", None),
        (SOURCE, "published: 2017.5", "published must be a date or period, not a number", None),
        (SOURCE, "url: 42", "'42' is not a web address", "write the full https:// address"),
        (SOURCE, "language: [en]", "language must be text, not a list", QUOTE_IT),
        (SOURCE, "archive: [a.txt]", "archive must be a path or a mapping with path:", "sha256"),
        (ENTITY, "part_of: [kabul]", "part_of must be text, not a list", QUOTE_IT),
        (ENTITY, "distinct_from: {x: y}", "distinct_from must be text, not a mapping", COLON),
        (REVIEW, "note: [a, b]", "note must be text, not a list", QUOTE_IT),
        (REVIEW, "in_favour_of: {c: d}", "in_favour_of must be text, not a mapping", COLON),
    ],
)
def test_a_value_of_the_wrong_type_is_reported_at_its_key(
    tmp_path: Path, record: str, field: str, message: str, hint: str | None
) -> None:
    name = write(tmp_path, "a.yaml", record + f"    {field}\n")
    found = problems(tmp_path)
    check(found[0], name, NEXT_LINE[record], message, hint)
    assert len(found) == 1


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("kind: [news]", "kind must be text, not a list"),
        ("kind: 5", "'5' is not a source kind"),
        ("reliability: {grade: B}", "reliability must be text, not a mapping"),
        ("reliability: 2", "'2' is not a reliability grade (Admiralty A-F)"),
    ],
)
def test_a_choice_of_the_wrong_type_is_reported_at_its_key(
    tmp_path: Path, field: str, message: str
) -> None:
    key = field.split(":")[0]
    name = write(tmp_path, "a.yaml", without(SOURCE, key) + f"    {field}\n")
    refused_for(tmp_path, name, 5, message)


def test_an_item_of_the_wrong_type_is_reported_at_its_own_line(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", SOURCE + "    authors:\n      - Jane Doe\n      - [x]\n")
    refused_for(tmp_path, name, 8, "authors must be text, not a list")


@pytest.mark.parametrize("aliases", ["{Sayad: x}", "[[Sayyad]]"])
def test_aliases_of_the_wrong_type_are_a_problem_not_a_crash(tmp_path: Path, aliases: str) -> None:
    name = write(tmp_path, "a.yaml", ENTITY + f"    aliases: {aliases}\n")
    refused_for(tmp_path, name, 5, "aliases must be text")


def test_numbers_where_text_is_expected_are_read_as_written(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", "entities:\n  - id: 2017\n    kind: event\n    name: 1.50\n")
    assert load(tmp_path).entities == (Entity("2017", EntityKind.EVENT, "1.50"),)


# --- ids ------------------------------------------------------------------------------------

ID_RULE = "ids are letters, digits and - _ . (at most 100)"


@pytest.mark.parametrize(
    ("ident", "hint"),
    [
        ("Mirza Olang", f"{ID_RULE}, e.g. 'mirza-olang'"),
        ("The Taliban", f"{ID_RULE}, e.g. 'the-taliban'"),
        ("sar-e--pul", f"{ID_RULE}, e.g. 'sar-e-pul'"),
        ("-kabul", f"{ID_RULE}, e.g. 'kabul'"),
        ("kabul.", f"{ID_RULE}, e.g. 'kabul'"),
        ("a/b", f"{ID_RULE}, e.g. 'a-b'"),
        ("طالبان", ID_RULE),
        ("k" * 101, ID_RULE),
    ],
)
def test_an_invalid_id_is_refused_with_a_slug(tmp_path: Path, ident: str, hint: str) -> None:
    name = write(tmp_path, "a.yaml", ENTITY.replace("id: e", f"id: '{ident}'"))
    found = problems(tmp_path)
    check(found[0], name, 2, f"'{ident}' is not a valid id")
    assert found[0].hint == hint
    assert len(found) == 1


def test_the_slug_for_an_id_with_accents_keeps_its_letters(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", ENTITY.replace("id: e", "id: Mīrzā Ōlang"))
    refused_for(tmp_path, name, 2, "is not a valid id", "e.g. 'mirza-olang'")


@pytest.mark.parametrize(
    "ident", ["k", "caci-2017-11-13", "a.b_c-d", "2017", "k" * 100, "ZB001", "EV_ZANBAQ"]
)
def test_valid_ids(tmp_path: Path, ident: str) -> None:
    write(tmp_path, "a.yaml", ENTITY.replace("id: e", f"id: '{ident}'"))
    assert [e.id for e in load(tmp_path).entities] == [ident]


# --- choices --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "field", "message", "hint"),
    [
        (SOURCE, "kind: anaylsis", "'anaylsis' is not a source kind", "did you mean 'analysis'?"),
        (SOURCE, "kind: social media", "is not a source kind", "did you mean 'social-media'?"),
        (SOURCE, "kind: blog", "'blog' is not a source kind", "use one of: news, wire, analysis"),
        (
            SOURCE,
            "reliability: G",
            "'G' is not a reliability grade",
            "use one of: A, B, C, D, E, F",
        ),
        (SOURCE, "reliability: G2", "'G2' is not a reliability grade", "use one of: A, B, C"),
        (ENTITY, "kind: persn", "'persn' is not a", "did you mean 'person'?"),
        (ENTITY, "kind: city", "'city' is not a", "use one of: person, organisation, place"),
        (REVIEW, "verdict: same entity", "'same entity' is not a review verdict", "'same-entity'"),
        (REVIEW, "verdict: resolve", "'resolve' is not a review verdict", "'resolved'?"),
        (REVIEW, "verdict: maybe", "'maybe' is not a review verdict", "use one of: same-entity"),
    ],
)
def test_an_invalid_choice_is_reported_with_a_suggestion(
    tmp_path: Path, record: str, field: str, message: str, hint: str
) -> None:
    key = field.split(":")[0]
    name = write(tmp_path, "a.yaml", without(record, key) + f"    {field}\n")
    refused_for(tmp_path, name, NEXT_LINE[record] - 1, message, hint)


def test_the_entity_kind_message_says_an_entity(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", without(ENTITY, "kind") + "    kind: persn\n")
    refused_for(tmp_path, name, 4, "'persn' is not an entity kind")


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("organization", EntityKind.ORGANISATION),
        ("Organization", EntityKind.ORGANISATION),
        ("ORGANISATION", EntityKind.ORGANISATION),
        ("Place", EntityKind.PLACE),
    ],
)
def test_entity_kind_synonyms_and_case(tmp_path: Path, written: str, kind: EntityKind) -> None:
    write(tmp_path, "a.yaml", without(ENTITY, "kind") + f"    kind: {written}\n")
    assert load(tmp_path).entities[0].kind is kind


@pytest.mark.parametrize(
    ("kind", "reliability", "expected"),
    [
        ("News", "b", (SourceKind.NEWS, Reliability.B)),
        ("UN", "f", (SourceKind.UN, Reliability.F)),
        ("Armed-Group-Statement", "A", (SourceKind.ARMED_GROUP_STATEMENT, Reliability.A)),
    ],
)
def test_source_choices_ignore_case(
    tmp_path: Path, kind: str, reliability: str, expected: tuple[SourceKind, Reliability]
) -> None:
    body = without(without(SOURCE, "kind"), "reliability")
    write(tmp_path, "a.yaml", body + f"    kind: {kind}\n    reliability: {reliability}\n")
    source = load(tmp_path).sources[0]
    assert (source.kind, source.reliability) == expected


# --- messages for what analysts commonly write ----------------------------------------------


def test_an_admiralty_grade_with_credibility_is_explained(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", SOURCE.replace("reliability: B", "reliability: B2"))
    refused_for(
        tmp_path,
        name,
        5,
        "'B2' combines reliability and credibility",
        "write reliability: B on the source, and confidence: {credibility: 2} on the claims",
    )


def test_a_percentage_written_as_a_number_is_pointed_to_the_percent_form(tmp_path: Path) -> None:
    claim = (
        "sources:\n  - {id: s, title: T, kind: news, reliability: B}\n"
        "entities:\n  - {id: e, kind: event, name: E}\n"
        "claims:\n  - {id: c, subject: e, property: killed, value: 5, source: s, confidence: 80}\n"
    )
    name = write(tmp_path, "a.yaml", claim)
    refused_for(tmp_path, name, 6, "confidence 80 is not a probability", "write '80%'")


def test_a_day_month_date_with_slashes_is_called_ambiguous(tmp_path: Path) -> None:
    name = write(tmp_path, "a.yaml", SOURCE + "    published: 12/08/2017\n")
    refused_for(
        tmp_path,
        name,
        6,
        "'12/08/2017' is ambiguous: day/month or month/day",
        "write the date as 2017-08-12",
    )


def test_upper_case_suffixes_are_read(tmp_path: Path) -> None:
    write(tmp_path, "SOURCES.YAML", SOURCE)
    assert [s.id for s in load(tmp_path).sources] == ["s"]
