"""Checks across the whole ledger: ids unique across files and record types, every reference
field resolving to a record of the right type and kind (with a suggestion for a near miss, at
the line of the field), and a record refused for its own problems causing no second problem.
Circles, self-references and revisions are in test_resolve_cycles.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_files import load, problems, write
from ledger_files import refused_exactly as refused_for

BASE = """
sources:
  - {id: src, title: A report, kind: news, reliability: B}
  - {id: src-2, title: Another report, kind: un, reliability: A}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: taliban, kind: organisation, name: Taliban}
  - {id: kabul, kind: place, name: Kabul}
  - {id: ghani, kind: person, name: Ashraf Ghani}
  - {id: rumour, kind: other, name: A rumour}
"""
"""Referred to by the tests; written as base.yaml, which sorts before the files under test."""

UNIQUE = "ids are unique across the whole ledger; rename one"


def with_base(root: Path, content: str, name: str = "test.yaml") -> str:
    write(root, "base.yaml", BASE)
    return write(root, name, content)


def claim(extra: str, subject: str = "attack", prop: str = "killed", value: str = "52") -> str:
    """A claim c1 about ``subject``; ``extra`` lines start at line 7."""
    return (
        f"claims:\n  - id: c1\n    subject: {subject}\n    property: {prop}\n"
        f"    value: {value}\n    source: src\n{extra}"
    )


# --- unique ids -----------------------------------------------------------------------------


def test_an_id_used_twice_in_a_file_is_reported_at_the_second(tmp_path: Path) -> None:
    name = write(
        tmp_path,
        "places.yaml",
        "entities:\n  - {id: sayad, kind: place, name: Sayad}\n"
        "  - kind: place\n    name: Sayyad\n    id: sayad\n",
    )
    refused_for(tmp_path, name, 5, f"id 'sayad' is already used by the entity at {name}:2", UNIQUE)


def test_an_id_used_in_two_folders_names_the_first_file(tmp_path: Path) -> None:
    source = "sources:\n  - {id: bbc, title: BBC, kind: news, reliability: B}\n"
    first = write(tmp_path, "a/sources.yaml", source)
    second = write(tmp_path, "b/more/sources.yaml", source)
    refused_for(tmp_path, second, 2, f"id 'bbc' is already used by the source at {first}:2")


def test_an_id_used_by_an_entity_and_a_claim_is_reported(tmp_path: Path) -> None:
    base = write(tmp_path, "base.yaml", BASE)
    name = with_base(tmp_path, claim("").replace("id: c1", "id: kabul"))
    refused_for(tmp_path, name, 2, f"id 'kabul' is already used by the entity at {base}:7")


def test_ids_are_compared_in_file_order_not_record_type(tmp_path: Path) -> None:
    name = with_base(
        tmp_path, claim("") + "sources:\n  - {id: c1, title: T, kind: news, reliability: B}\n"
    )
    refused_for(tmp_path, name, 8, f"id 'c1' is already used by the claim at {name}:2")


def test_an_id_used_three_times_is_reported_twice_naming_the_first(tmp_path: Path) -> None:
    entity = "entities:\n  - {id: x, kind: other, name: X}\n"
    first, second, third = (write(tmp_path, f"{n}.yaml", entity) for n in ("1", "2", "3"))
    assert [(p.file, p.line, p.message) for p in problems(tmp_path)] == [
        (second, 2, f"id 'x' is already used by the entity at {first}:2"),
        (third, 2, f"id 'x' is already used by the entity at {first}:2"),
    ]


@pytest.mark.parametrize("broken_first", [True, False], ids=["broken-first", "broken-second"])
def test_the_id_of_a_refused_record_still_counts_for_duplicates(
    tmp_path: Path, broken_first: bool
) -> None:
    good = "  - {id: herat, kind: place, name: Herat}\n"
    bad = "  - {id: herat, kind: city, name: Herat}\n"
    name = write(tmp_path, "a.yaml", "entities:\n" + (bad + good if broken_first else good + bad))
    found = problems(tmp_path)
    assert [(p.file, p.line) for p in found] == [(name, 2 if broken_first else 3), (name, 3)]
    assert "'city' is not a" in found[0].message
    assert found[1].message == f"id 'herat' is already used by the entity at {name}:2"


# --- unknown references ---------------------------------------------------------------------


def fix(section: str) -> str:
    return f"add it under {section}: or fix the id"


@pytest.mark.parametrize(
    ("content", "line", "message", "hint"),
    [
        pytest.param(
            claim("", subject="attak"),
            3,
            "subject: unknown entity 'attak'",
            f"did you mean 'attack'? Or {fix('entities')}",
            id="subject",
        ),
        pytest.param(
            claim("").replace("source: src", "source: scr"),
            6,
            "source: unknown source 'scr'",
            f"did you mean 'src'? Or {fix('sources')}",
            id="source",
        ),
        pytest.param(
            claim("", prop="perpetrator", value="[taliban, talibn]"),
            5,
            "value: unknown entity 'talibn'",
            f"did you mean 'taliban'? Or {fix('entities')}",
            id="value",
        ),
        pytest.param(
            claim("    said_by:\n      - ghani\n      - ghanni\n"),
            9,
            "said_by: unknown entity 'ghanni'",
            f"did you mean 'ghani'? Or {fix('entities')}",
            id="said_by",
        ),
        pytest.param(
            claim("    mentions:\n      - Kabul\n      - {name: Kabol, entity: kabol}\n"),
            9,
            "mentions: unknown entity 'kabol'",
            f"did you mean 'kabul'? Or {fix('entities')}",
            id="mentions",
        ),
        pytest.param(
            claim("    contradicts: [un-killed]\n"),
            7,
            "contradicts: unknown claim 'un-killed'",
            fix("claims"),
            id="contradicts",
        ),
        pytest.param(
            claim("    supersedes: old-killed\n"),
            7,
            "supersedes: unknown claim 'old-killed'",
            fix("claims"),
            id="supersedes",
        ),
        pytest.param(
            "sources:\n  - id: copy\n    title: A copy\n    kind: news\n    reliability: E\n"
            "    derived_from: [src-3]\n",
            6,
            "derived_from: unknown source 'src-3'",
            f"did you mean 'src-2'? Or {fix('sources')}",
            id="derived_from",
        ),
        pytest.param(
            "entities:\n  - id: shash-darak\n    kind: place\n    name: Shash Darak\n"
            "    part_of: kabull\n",
            5,
            "part_of: unknown entity 'kabull'",
            f"did you mean 'kabul'? Or {fix('entities')}",
            id="part_of",
        ),
        pytest.param(
            "entities:\n  - id: herat\n    kind: place\n    name: Herat\n"
            "    distinct_from: [nowhere]\n",
            5,
            "distinct_from: unknown entity 'nowhere'",
            fix("entities"),
            id="distinct_from",
        ),
        pytest.param(
            claim("") + "reviews:\n  - conflict: c\n    verdict: resolved\n    in_favour_of: c11\n"
            "    reviewer: ana\n    at: 2026-11-21T10:00Z\n",
            10,
            "in_favour_of: unknown claim 'c11'",
            f"did you mean 'c1'? Or {fix('claims')}",
            id="in_favour_of",
        ),
    ],
)
def test_an_unknown_reference_is_reported_at_its_field(
    tmp_path: Path, content: str, line: int, message: str, hint: str
) -> None:
    name = with_base(tmp_path, content)
    refused_for(tmp_path, name, line, message, hint)


def test_a_suggestion_is_only_an_id_of_the_expected_type(tmp_path: Path) -> None:
    # 'scr' is close to the source 'src', but a subject must be an entity
    name = with_base(tmp_path, claim("", subject="scr"))
    refused_for(tmp_path, name, 3, "subject: unknown entity 'scr'", fix("entities"))


def test_every_unknown_reference_is_reported(tmp_path: Path) -> None:
    name = with_base(tmp_path, claim("    said_by: [x1, x2]\n", subject="x3"))
    assert [(p.line, p.message) for p in problems(tmp_path) if p.file == name] == [
        (3, "subject: unknown entity 'x3'"),
        (7, "said_by: unknown entity 'x1'"),
        (7, "said_by: unknown entity 'x2'"),
    ]


def test_ids_already_in_the_database_resolve(tmp_path: Path) -> None:
    from provenance import api

    stored, new = tmp_path / "stored", tmp_path / "new"
    stored.mkdir()
    new.mkdir()
    write(
        stored,
        "records.yaml",
        "sources:\n  - {id: src, title: A report, kind: news, reliability: B}\n"
        "entities:\n  - {id: stored-event, kind: event, name: An event}\n"
        "  - {id: stored-person, kind: person, name: A person}\n",
    )
    write(new, "claim.yaml", claim("    said_by: [stored-person]\n", subject="stored-event"))
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    api.import_ledger([stored], db)
    result = api.import_ledger([new], db)
    assert result.counts.added["claims"] == 1


# --- references to the wrong type or kind ---------------------------------------------------


@pytest.mark.parametrize(
    ("content", "line", "message", "hint"),
    [
        pytest.param(
            claim("    contradicts: [src]\n"),
            7,
            "contradicts: 'src' is a source, not a claim",
            "contradicts takes the id of a claim",
            id="contradicts-a-source",
        ),
        pytest.param(
            claim("").replace("source: src", "source: c1"),
            6,
            "source: 'c1' is a claim, not a source",
            "source takes the id of a source",
            id="source-is-a-claim",
        ),
        pytest.param(
            claim("") + "reviews:\n  - {conflict: c, verdict: resolved, in_favour_of: src,"
            " reviewer: ana, at: 2026-11-21T10:00Z}\n",
            8,
            "in_favour_of: 'src' is a source, not a claim",
            "in_favour_of takes the id of a claim",
            id="in_favour_of-a-source",
        ),
    ],
)
def test_a_reference_to_the_wrong_record_type_is_reported(
    tmp_path: Path, content: str, line: int, message: str, hint: str
) -> None:
    name = with_base(tmp_path, content)
    refused_for(tmp_path, name, line, message, hint)


def test_said_by_naming_a_source_is_reported(tmp_path: Path) -> None:
    name = with_base(tmp_path, claim("    said_by: [ghani, src]\n"))
    refused_for(tmp_path, name, 7, "said_by: 'src' is a source, not a")


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (claim("    said_by: [src]\n"), 7, "said_by: 'src' is a source, not an entity"),
        (claim("").replace("source: src", "source: ghani"), 6, "'ghani' is an entity, not a"),
    ],
    ids=["said_by-a-source", "source-is-an-entity"],
)
def test_a_wrong_type_message_says_an_entity(
    tmp_path: Path, content: str, line: int, message: str
) -> None:
    name = with_base(tmp_path, content)
    refused_for(tmp_path, name, line, message)


@pytest.mark.parametrize(("speaker", "kind"), [("kabul", "a place"), ("attack", "an event")])
def test_said_by_must_name_a_speaker(tmp_path: Path, speaker: str, kind: str) -> None:
    name = with_base(tmp_path, claim(f"    said_by: [ghani, {speaker}]\n"))
    refused_for(
        tmp_path,
        name,
        7,
        f"said_by: '{speaker}' is {kind}, not a speaker",
        "a speaker is a person, an organisation or another entity",
    )


def test_speakers_are_people_organisations_and_others(tmp_path: Path) -> None:
    with_base(tmp_path, claim("    said_by: [ghani, taliban, rumour]\n"))
    assert load(tmp_path).claims[0].said_by == ("ghani", "taliban", "rumour")


PART_OF = [
    ("place", "kabul", None),
    ("event", "kabul", None),
    ("event", "attack", None),
    ("organisation", "taliban", None),
    ("other", "ghani", None),
    ("place", "attack", ("a place cannot be part of an event", "part_of takes place")),
    ("place", "ghani", ("a place cannot be part of a person", "part_of takes place")),
    ("event", "taliban", ("an event cannot be part of an organisation", "takes event or place")),
    ("organisation", "kabul", ("an organisation cannot be part of a place", "takes organisation")),
    (
        "person",
        "taliban",
        (
            "a person cannot be part of an organisation",
            "a person is not part of anything; use a claim with property affiliation",
        ),
    ),
]


@pytest.mark.parametrize(("kind", "parent", "refused"), PART_OF)
def test_part_of_follows_the_kinds(
    tmp_path: Path, kind: str, parent: str, refused: tuple[str, str] | None
) -> None:
    content = f"entities:\n  - id: child\n    kind: {kind}\n    name: C\n    part_of: {parent}\n"
    name = with_base(tmp_path, content)
    if refused is None:
        assert load(tmp_path).entities[-1].part_of == parent
        return
    message, hint = refused
    found = problems(tmp_path)
    assert len(found) == 1
    assert (found[0].file, found[0].line, found[0].message) == (name, 5, f"part_of: {message}")
    assert hint in (found[0].hint or "")


# --- refused records ------------------------------------------------------------------------


def test_a_refused_record_causes_no_unknown_reference(tmp_path: Path) -> None:
    name = with_base(
        tmp_path,
        """
        sources:
          - {id: bad-source, title: T, kind: blog, reliability: B}
        entities:
          - {id: bad-place, kind: city, name: Sayad}
        claims:
          - id: bad-claim
            subject: bad-place
            property: killed
            value: over fifty-ish
            source: bad-source
          - id: c2
            subject: bad-place
            property: killed
            value: 52
            source: bad-source
            said_by: [bad-place]
            mentions: [{name: Sayad, entity: bad-place}]
            contradicts: [bad-claim]
        reviews:
          - {conflict: c, verdict: resolved, in_favour_of: bad-claim, reviewer: a,
             at: 2026-11-21T10:00Z}
        """,
    )
    assert [(p.file, p.line) for p in problems(tmp_path)] == [(name, 2), (name, 4), (name, 9)]


def test_a_refused_record_with_a_numeric_id_causes_no_unknown_reference(tmp_path: Path) -> None:
    name = with_base(
        tmp_path, "entities:\n  - {id: 2017, kind: evnt, name: X}\n" + claim("", subject="2017")
    )
    refused_for(tmp_path, name, 2, "'evnt' is not a")
