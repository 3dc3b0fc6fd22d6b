"""The fields of a claim other than its value: required fields, unknown keys, confidence in each
form analysts write it, quotes, mentions, polarity, as_of and the id lists, each mistake at its
line with a hint, and a complete claim read into exactly the expected object."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_files import refused_for, write
from provenance.errors import LedgerInvalid
from provenance.importing import load_ledger
from provenance.model import (
    Claim,
    Confidence,
    Mention,
    Origin,
    PartialDate,
    Polarity,
    Quantity,
    TimeSpan,
)

BASE = """
sources:
  - {id: src, title: A report, kind: news, reliability: B}
  - {id: src-2, title: Another report, kind: un, reliability: A}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: taliban, kind: organisation, name: Taliban}
  - {id: ghani, kind: person, name: Ashraf Ghani}
  - {id: kabul, kind: place, name: Kabul}
"""
CLAIM = (
    "claims:\n  - id: c\n    subject: attack\n    property: killed\n    value: 52\n"
    "    source: src\n"
)
"""A valid claim; a key appended to it goes on line 7."""


def claim(root: Path, body: str) -> str:
    write(root, "base.yaml", BASE)
    return write(root, "claim.yaml", body)


def loaded_claim(root: Path, extra: str) -> Claim:
    claim(root, CLAIM + extra)
    try:
        return load_ledger([root]).claims[0]
    except LedgerInvalid as error:
        pytest.fail("\n".join(error.lines()))


# --- required fields and unknown keys -------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "label", "hint"),
    [
        ("id", "this claim", "give the claim a short id"),
        ("subject", "claim 'c'", "add subject: the id of the entity the claim is about"),
        ("property", "claim 'c'", "add property: what is asserted"),
        ("value", "claim 'c'", "add value: what the source says it is"),
        ("source", "claim 'c'", "add source: the id of the source that reports it"),
    ],
)
def test_a_missing_required_field_is_reported_at_the_claim(
    tmp_path: Path, key: str, label: str, hint: str
) -> None:
    lines = [line for line in CLAIM.splitlines() if not line.strip(" -").startswith(f"{key}:")]
    body = "\n".join(lines).replace(":\n    ", ":\n  - ", 1) if key == "id" else "\n".join(lines)
    name = claim(tmp_path, body + "\n")
    refused_for(tmp_path, name, 2, f"{label} has no {key}", hint)


@pytest.mark.parametrize(
    ("key", "hint"),
    [
        ("sayd_by", "did you mean 'said_by'?"),
        ("confidance", "did you mean 'confidence'?"),
        ("as-of", "did you mean 'as_of'?"),
        ("qoute", "did you mean 'quote'?"),
        ("reliability", "allowed keys: id, subject, property, value, unit"),
    ],
)
def test_an_unknown_key_in_a_claim_is_reported_at_its_line(
    tmp_path: Path, key: str, hint: str
) -> None:
    name = claim(tmp_path, CLAIM + f"    {key}: x\n")
    refused_for(tmp_path, name, 7, f"unknown key '{key}' in claim 'c'", hint)


# --- confidence -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("0.8", Confidence(probability=0.8)),
        ("0", Confidence(probability=0.0)),
        ("1", Confidence(probability=1.0)),  # a bare 1 is a probability, not credibility 1
        ("'80%'", Confidence(probability=0.8)),
        ("80 %", Confidence(probability=0.8)),
        ("likely", Confidence(term="likely")),
        ("Very Likely", Confidence(term="Very Likely")),
        ("probable", Confidence(term="probable")),
        ("{probability: 0.7, term: likely}", Confidence(probability=0.7, term="likely")),
        ("{credibility: 2}", Confidence(credibility=2)),
        ("{term: unlikely, credibility: 4}", Confidence(term="unlikely", credibility=4)),
    ],
)
def test_confidence_forms(tmp_path: Path, written: str, expected: Confidence) -> None:
    assert loaded_claim(tmp_path, f"    confidence: {written}\n").confidence == expected


TERMS = "use one of: almost no chance, very unlikely, unlikely, roughly even chance, likely"


@pytest.mark.parametrize(
    ("written", "line", "message", "hint"),
    [
        ("true", 7, "confidence must not be true/false", "a percentage ('80%')"),
        ("[0.8]", 7, "confidence must not be a list", "or {credibility: 2}"),
        ("1.5", 7, "confidence 1.5 is not a probability", "a probability between 0 and 1"),
        ("150%", 7, "confidence 1.5 is not a probability", "a probability between 0 and 1"),
        ("-0.1", 7, "confidence -0.1 is not a probability", None),
        (
            "{probability: 0.9, term: likely}",
            7,
            "confidence 0.9 does not fall in 'likely' (0.55-0.80)",
            "keep the probability or the term that you mean, or make them agree",
        ),
        ("{credibility: 7}", 7, "credibility 7 is not on the Admiralty scale", "use 1 (confirmed)"),
        ("likley", 7, "'likley' is not an ICD 203 confidence term", "did you mean 'likely'?"),
        ("dunno", 7, "'dunno' is not an ICD 203 confidence term", TERMS),
        (
            "\n      probability: high",
            8,
            "confidence probability must be a number, not text",
            "0 and 1",
        ),
        (
            "\n      credibility: 2.5",
            8,
            "credibility must be a whole number from 1 to 6",
            "1 (confirmed)",
        ),
        ("\n      credibility: '2'", 8, "credibility must be a whole number from 1 to 6", None),
        (
            "\n      term: likely\n      probabilty: 0.7",
            9,
            "unknown key 'probabilty' in confidence",
            "did you mean 'probability'?",
        ),
    ],
)
def test_a_confidence_that_cannot_be_read_is_reported_at_its_line(
    tmp_path: Path, written: str, line: int, message: str, hint: str | None
) -> None:
    name = claim(tmp_path, CLAIM + f"    confidence: {written}\n")
    refused_for(tmp_path, name, line, message, hint)


@pytest.mark.parametrize("written", ["{}", "{term: null}"])
def test_an_empty_confidence_is_refused(tmp_path: Path, written: str) -> None:
    name = claim(tmp_path, CLAIM + f"    confidence: {written}\n")
    refused_for(tmp_path, name, 7, "confidence")


@pytest.mark.parametrize(
    "written", ["9" * 400, "{probability: " + "9" * 400 + "}"], ids=["plain", "mapping"]
)
def test_a_huge_probability_is_a_problem_not_a_crash(tmp_path: Path, written: str) -> None:
    name = claim(tmp_path, CLAIM + f"    confidence: {written}\n")
    refused_for(tmp_path, name, 7, "is not a probability")


# --- quote, mentions, polarity, as_of and id lists -------------------------------------------


@pytest.mark.parametrize(("length", "refused"), [(250, False), (251, True)])
def test_a_quote_is_at_most_250_characters(tmp_path: Path, length: int, refused: bool) -> None:
    text = ("killed " * 40)[:length]
    assert len(text.strip()) == length
    if not refused:
        assert loaded_claim(tmp_path, f"    quote: '{text}'\n").quote == text
        return
    name = claim(tmp_path, CLAIM + f"    quote: '{text}'\n")
    refused_for(
        tmp_path,
        name,
        7,
        "quote is 251 characters long (at most 250)",
        "quote a short fragment (about 12 words)",
    )


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Mirsa Olang", (Mention("Mirsa Olang"),)),
        ("[Mirsa Olang, Kabol]", (Mention("Mirsa Olang"), Mention("Kabol"))),
        (
            "\n      - Mirsa Olang\n      - {name: Kabol, entity: kabul}",
            (Mention("Mirsa Olang"), Mention("Kabol", "kabul")),
        ),
        ("\n      - name: Kabol\n        entity: kabul", (Mention("Kabol", "kabul"),)),
        ("[{name: Kabol, entity: null}]", (Mention("Kabol"),)),
    ],
)
def test_mentions_as_names_and_as_name_and_entity(
    tmp_path: Path, written: str, expected: tuple[Mention, ...]
) -> None:
    assert loaded_claim(tmp_path, f"    mentions: {written}\n").mentions == expected


@pytest.mark.parametrize(
    ("written", "line", "message", "hint"),
    [
        (
            "\n      - Kabol\n      - {name: Kabol, entitty: kabul}",
            9,
            "unknown key 'entitty' in a mention",
            "did you mean 'entity'?",
        ),
        (
            "\n      - {entity: kabul}",
            8,
            "this mention has no name:",
            "write - {name: Mirsa Olang, entity: mirza-olang}",
        ),
        (
            "\n      - [Kabol]",
            8,
            "a mention must be a name or a mapping with name:, not a list",
            None,
        ),
        (
            "\n      - {name: Kabol, entity: Kabul City}",
            8,
            "'Kabul City' is not a valid id",
            "e.g. 'kabul-city'",
        ),
        ("\n      - {name: ''}", 8, "name is empty", None),
    ],
)
def test_a_mention_that_cannot_be_read_is_reported_at_its_item(
    tmp_path: Path, written: str, line: int, message: str, hint: str | None
) -> None:
    name = claim(tmp_path, CLAIM + f"    mentions: {written}\n")
    refused_for(tmp_path, name, line, message, hint)


def test_a_bad_entity_in_a_block_mention_is_reported_at_its_line(tmp_path: Path) -> None:
    name = claim(
        tmp_path, CLAIM + "    mentions:\n      - name: Kabol\n        entity: Kabul City\n"
    )
    refused_for(tmp_path, name, 9, "'Kabul City' is not a valid id")


def test_a_mention_without_a_name_says_so(tmp_path: Path) -> None:
    name = claim(tmp_path, CLAIM + "    mentions: [{entity: kabul}]\n")
    refused_for(tmp_path, name, 7, "has no name")


@pytest.mark.parametrize(
    ("field", "message", "hint"),
    [
        ("polarity: denyed", "'denyed' is not a polarity", "did you mean 'denied'?"),
        ("polarity: negative", "'negative' is not a polarity", "use one of: affirmed, denied"),
        ("polarity: doubtful", "'doubtful' is not a polarity", "questioned"),
        ("polarity: false", "polarity must be text, not true/false", None),
        ("as_of: 2017-02-30", "'2017-02-30' is not a date: February 2017 has 28 days", None),
        ("as_of: next week", "'next week' is not a date", None),
        ("said_by: {ghani: yes}", "unknown key 'ghani' in a speaker of said_by", "unnamed, of"),
        ("said_by: [{of: taliban}]", "has no unnamed: description", "{unnamed: a local official}"),
        (
            "said_by: [ghani, Ashraf Ghani]",
            "'Ashraf Ghani' is not a valid id",
            "e.g. 'ashraf-ghani'",
        ),
        ("contradicts: [[c2]]", "contradicts must be text, not a list", None),
        ("supersedes: [c0, c1]", "supersedes must be text, not a list", None),
        ("source: [src, src-2]", "source must be text, not a list", None),
        ("subject: Mirza Olang", "'Mirza Olang' is not a valid id", "e.g. 'mirza-olang'"),
    ],
)
def test_a_claim_field_of_the_wrong_form_is_reported_at_its_line(
    tmp_path: Path, field: str, message: str, hint: str | None
) -> None:
    key = field.split(":")[0]
    lines = [line for line in CLAIM.splitlines() if not line.strip().startswith(f"{key}:")]
    name = claim(tmp_path, "\n".join(lines) + f"\n    {field}\n")
    refused_for(tmp_path, name, len(lines) + 1, message, hint)


def test_polarity_is_affirmed_unless_denied(tmp_path: Path) -> None:
    assert loaded_claim(tmp_path, "").polarity is Polarity.AFFIRMED
    assert loaded_claim(tmp_path, "    polarity: Denied\n").polarity is Polarity.DENIED


# --- a complete claim -----------------------------------------------------------------------


def test_a_complete_claim_is_read_exactly(tmp_path: Path) -> None:
    name = claim(
        tmp_path,
        """
        claims:
          - id: caci-killed
            subject: attack
            property: killed
            value: over 50
            unit: people
            scope: all people killed, women and children included
            as_of: 2017-11-13
            polarity: affirmed
            stance: said more than fifty were killed
            said_by: [ghani, taliban]
            source: src
            quote: Over 50 people were killed
            locator: Implications, paragraph 1
            mentions:
              - Mirsa Olang
              - {name: Kabol, entity: kabul}
            confidence: {probability: 0.7, term: likely}
            contradicts: [un-killed]
            supersedes: first-killed
            notes: 'As reported: the article names no source for the number.'
          - {id: un-killed, subject: attack, property: killed, value: 30-40, source: src-2}
          - {id: first-killed, subject: attack, property: killed, value: 52, source: src}
        """,
    )
    day = PartialDate(2017, 11, 13)
    claims = load_ledger([tmp_path]).claims
    assert claims[0] == Claim(
        id="caci-killed",
        subject="attack",
        property="killed",
        value=Quantity("over 50", 51.0, None, "over"),  # a count: whole bounds
        source="src",
        unit="people",
        scope="all people killed, women and children included",
        as_of=TimeSpan("2017-11-13", day, day),
        polarity=Polarity.AFFIRMED,
        stance="said more than fifty were killed",
        said_by=("ghani", "taliban"),
        quote="Over 50 people were killed",
        locator="Implications, paragraph 1",
        mentions=(Mention("Mirsa Olang"), Mention("Kabol", "kabul")),
        confidence=Confidence(probability=0.7, term="likely"),
        contradicts=("un-killed",),
        supersedes="first-killed",
        notes="As reported: the article names no source for the number.",
    )
    assert claims[1:] == (
        Claim("un-killed", "attack", "killed", Quantity("30-40", 30.0, 40.0, "range"), "src-2"),
        Claim("first-killed", "attack", "killed", Quantity("52", 52.0, 52.0, "exact"), "src"),
    )
    assert [c.origin for c in claims] == [Origin(name, 2), Origin(name, 22), Origin(name, 23)]
