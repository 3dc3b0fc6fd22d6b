"""The bad-input corpus: tiny ledgers and command lines that an analyst could produce by
pasting from the web, editing YAML by hand or mistyping a flag. Each case says what the
user must see: the exit status, and for a ledger mistake the file and line and a fragment
of what to do about it.

A case's files are written under a fresh folder ``ledger/``; ``lines`` are the 1-based
lines of ``file`` that a message must name (any one of them); ``hint`` is a fragment the
message must hold (case-insensitive).
"""

from __future__ import annotations

from dataclasses import dataclass, field

SOURCE = "  - {id: s1, title: Wire story, kind: news, reliability: B}\n"
ENTITY = "  - {id: e1, kind: place, name: Mirza Olang}\n"
CLAIM = "  - {id: c1, subject: e1, property: killed, value: 12, source: s1}\n"
GOOD = f"sources:\n{SOURCE}entities:\n{ENTITY}claims:\n{CLAIM}"
"""A valid ledger file: sources on line 2, entities on line 4, claims on line 6."""


LEFT_OUT = "<none>"
"""A field value meaning: leave the field out."""


def _flow(base: dict[str, str], fields: dict[str, str]) -> str:
    """One record as a YAML flow mapping: ``base`` with ``fields`` replacing or added."""
    merged = {**base, **fields}
    return "{" + ", ".join(f"{k}: {v}" for k, v in merged.items() if v != LEFT_OUT) + "}"


def claim(**fields: str) -> str:
    """A file with a valid source and entity, and one claim (on line 6) with ``fields``."""
    base = {"id": "c1", "subject": "e1", "property": "killed", "value": "12", "source": "s1"}
    return f"sources:\n{SOURCE}entities:\n{ENTITY}claims:\n  - {_flow(base, fields)}\n"


def source(**fields: str) -> str:
    """A file whose one source (on line 2) has ``fields``."""
    base = {"id": "s1", "title": "Wire story", "kind": "news", "reliability": "B"}
    return f"sources:\n  - {_flow(base, fields)}\n"


def entity(**fields: str) -> str:
    """A file whose one entity (on line 2) has ``fields``."""
    return f"entities:\n  - {_flow({'id': 'e1', 'kind': 'place', 'name': 'Mirza Olang'}, fields)}\n"


def review(**fields: str) -> str:
    """A file whose one review (on line 2) has ``fields``."""
    base = {"conflict": "'numeric-conflict:0123456789ab'", "verdict": "disputed",
            "reviewer": "ana", "at": "'2026-11-21T09:00:00Z'"}  # fmt: skip
    return f"reviews:\n  - {_flow(base, fields)}\n"


def scope(**fields: str) -> str:
    """A file whose one scope (on line 2) has ``fields``."""
    return f"scopes:\n  - {_flow({'id': 'mothers', 'within': 'women'}, fields)}\n"


def declared(**fields: str) -> str:
    """A file whose one property declaration (on line 2) has ``fields``."""
    return f"properties:\n  - {_flow({'id': 'escaped', 'kind': 'quantity'}, fields)}\n"


@dataclass(frozen=True)
class Case:
    name: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    hint: str = ""
    lines: tuple[int, ...] = ()
    file: str = "a.yaml"
    status: int = 2
    args: tuple[str, ...] = ()  # a command line instead of `import ledger/`
    symlinks: dict[str, str] = field(default_factory=dict)  # name -> target, in ledger/
    pad_to: int = 0  # bytes: the file is padded with comment lines up to this size


def one(name: str, text: str | bytes, hint: str, *lines: int) -> Case:
    return Case(name, {"a.yaml": text}, hint, lines)


WRONG = "{nested: {deeper: [1]}}"
"""A value of the wrong type for every field: no field takes a mapping of this shape."""


def wrong_types() -> list[Case]:
    """A mapping where each field of each kind of record expects something else."""
    from provenance.ledger.schema import SECTIONS

    writers = {"sources": (source, 2), "entities": (entity, 2), "claims": (claim, 6),
               "reviews": (review, 2), "scopes": (scope, 2),
               "properties": (declared, 2)}  # fmt: skip
    found = []
    for section, fields in SECTIONS.items():
        write, line = writers[section]
        for name in fields:
            text = write(**{name: WRONG})
            hint = "mention" if name == "mentions" else name
            found.append(one(f"a mapping as {section}.{name}", text, hint, line))
    return found


BILLION_LAUGHS = (
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    + "sources: *i\n"
)

CASES: list[Case] = [
    # -- malformed YAML ----------------------------------------------------------------------
    one("an unclosed flow mapping", "claims:\n  - {id: c1, subject: e1\n", "not valid YAML", 2, 3),
    one("an unclosed quote", "sources:\n  - {id: 's1, title: T}\n", "not valid YAML", 2, 3),
    one("a tab for indentation", "claims:\n\t- id: c1\n", "tabs", 2),
    one("a key indented one space too far", "sources:\n  - id: s1\n   title: T\n", "YAML", 3),
    one("a list at the top of a file", "- {id: s1, title: T}\n", "mapping", 1),
    one("a sentence at the top of a file", "just some notes\n", "mapping", 1),
    one("an unknown section", "source:\n" + SOURCE, "did you mean 'sources'", 1),
    one("a key given twice", "sources:\n  - {id: s1, id: s2, title: T, kind: news}\n", "twice", 2),
    one("a colon in a plain value", "sources:\n  - id: s1\n    title: Kabul: a city\n", "YAML", 3),
    # -- wrong types -------------------------------------------------------------------------
    one("a section that is not a list", "sources: {id: s1, title: T}\n", "list", 1),
    one("a record that is not a mapping", "sources:\n  - s1\n", "mapping", 2),
    one("a list as an id", source(id="[s1]"), "id", 2),
    one("a list as a title", source(title="[a, b]"), "title", 2),
    one("a number as a reliability grade", source(reliability="3"), "reliability", 2),
    one("a mapping as a value", claim(value="{a: 1}"), "value", 6),
    one("a list as a confidence", claim(confidence="[likely]"), "confidence", 6),
    one("true as a mention", claim(mentions="[true]"), "mention", 6),
    one("an unknown polarity", claim(polarity="maybe"), "polarity", 6),
    one("an unknown entity kind", entity(kind="planet"), "kind", 2),
    one("an unknown source kind", source(kind="rumour"), "kind", 2),
    one("a number as said_by", claim(said_by="7"), "said_by", 6),
    # -- missing required fields -------------------------------------------------------------
    one("a source without an id", source(id=LEFT_OUT), "id", 2),
    one("a source without a title", source(title=LEFT_OUT), "title", 2),
    one("a claim without a subject", claim(subject=LEFT_OUT), "subject", 6),
    one("a claim without a property", claim(property=LEFT_OUT), "property", 6),
    one("a claim without a value", claim(value=LEFT_OUT), "value", 6),
    one("a claim without a source", claim(source=LEFT_OUT), "source", 6),
    one("an entity without a name", entity(name=LEFT_OUT), "name", 2),
    # -- unknown keys ------------------------------------------------------------------------
    one("a misspelt claim key", claim(confidance="likely"), "did you mean 'confidence'", 6),
    one("a misspelt source key", source(reliabilty="B"), "did you mean 'reliability'", 2),
    one("a misspelt entity key", entity(aliasses="[Mirsa Olang]"), "did you mean 'aliases'", 2),
    one("an unknown key with no near match", claim(colour="red"), "colour", 6),
    # -- duplicate ids -----------------------------------------------------------------------
    one("one id twice in a file", "sources:\n" + SOURCE + SOURCE, "s1", 2, 3),
    Case(
        "one id in two files",
        {"a.yaml": GOOD, "b.yaml": "claims:\n" + CLAIM},
        "c1",
        (2,),
        file="b.yaml",
    ),
    one("a claim with an entity's id", claim(id="e1"), "e1", 4, 6),
    # -- references --------------------------------------------------------------------------
    one("a claim citing no known source", claim(source="wire-9"), "wire-9", 6),
    one("a claim about no known subject", claim(subject="nowhere"), "nowhere", 6),
    one("a contradiction of no known claim", claim(contradicts="[c9]"), "c9", 6),
    one(
        "sources that copy each other",
        "sources:\n  - {id: s1, title: A, kind: news, reliability: B, derived_from: [s2]}\n"
        "  - {id: s2, title: B, kind: news, reliability: B, derived_from: [s1]}\n",
        "circle",
        2,
        3,
    ),
    # -- dates -------------------------------------------------------------------------------
    one("the 30th of February", claim(as_of="2017-02-30"), "2017-02-30", 6),
    one("month 13", claim(as_of="2017-13-01"), "2017-13-01", 6),
    one("a date with words after it", claim(as_of="'2017-05-01 or so'"), "not a date", 6),
    one("an impossible publication date", source(published="2017-02-30"), "not a date", 2),
    # -- quantities --------------------------------------------------------------------------
    one("a negative count", claim(value="-5"), "value", 6),
    one("a range upside down", claim(value="'between 60 and 50'"), "60", 6),
    one("an unknown qualifier", claim(value="'approximately-ish 50'"), "not a known qualifier", 6),
    one("a misspelt unit", claim(value="10", unit="kilogramms"), "did you mean", 6),
    # -- hedged ranges, best estimates, whole and verified counts ----------------------------
    one(
        "an estimate's low above its best",
        claim(value="{low: 60, best: 57, high: 61}"),
        "low 60 is above its best 57",
        6,
    ),
    one(
        "an estimate's best above its high",
        claim(value="{low: 50, best: 70, high: 61}"),
        "best 70 is above its high 61",
        6,
    ),
    one("an estimate in words", claim(value="{low: many, best: 57}"), "not a number", 6),
    one("a misspelt estimate key", claim(value="{low: 50, bset: 57}"), "did you mean 'best'", 6),
    one("a hedged range upside down", claim(value="'about 400-300'"), "runs backwards", 6),
    one(
        "an open range upside down",
        claim(value="'between 60 and more than 40'"),
        "runs backwards",
        6,
    ),
    one("a fraction of a person", claim(value="4.5"), "whole number", 6),
    one("a misspelt unit of counted things", claim(unit="familes"), "did you mean 'families'", 6),
    one(
        "a unit on a text value",
        claim(property="role", value="chief", unit="families"),
        "not a number",
        6,
    ),
    # -- polarity, existence, stance ---------------------------------------------------------
    one("a misspelt polarity", claim(polarity="questionned"), "did you mean 'questioned'", 6),
    one(
        "unknown listed with entities",
        claim(property="perpetrator", value="[unknown, e1]"),
        "stands alone",
        6,
    ),
    one("nobody as a count", claim(value="nobody"), "cannot read 'nobody'", 6),
    one("a stance as a list", claim(stance="[claimed, preliminary]"), "stance must be text", 6),
    # -- speakers ----------------------------------------------------------------------------
    one(
        "an unnamed speaker without a description",
        claim(said_by="[{of: e1}]"),
        "no unnamed: description",
        6,
    ),
    one(
        "an unnamed speaker of no known entity",
        claim(said_by="[{unnamed: an official, of: ministry}]"),
        "unknown entity 'ministry'",
        6,
    ),
    one(
        "a misspelt key of an unnamed speaker",
        claim(said_by="[{unamed: an official}]"),
        "unknown key 'unamed'",
        6,
    ),
    # -- sources: cites, derived_from, mentions ----------------------------------------------
    one("a source citing no known source", source(cites="[wire-9]"), "unknown source 'wire-9'", 2),
    one("a source citing itself", source(cites="[s1]"), "cites itself", 2),
    one(
        "a source both citing and repeating another",
        "sources:\n  - {id: s1, title: A, kind: news, cites: [s2], derived_from: [s2]}\n"
        "  - {id: s2, title: B, kind: news}\n",
        "both cites and derives from 's2'",
        2,
    ),
    one("a number as a source's mention", source(mentions="[1400]"), "in quotes", 2),
    one("a mention without a name", source(mentions="[{entity: e1}]"), "no name", 2),
    one(
        "a mention of an unknown kind",
        source(mentions="[{name: X, kind: planet}]"),
        "did you mean 'place'",
        2,
    ),
    one(
        "a mention of no known entity",
        source(mentions="[{name: X, entity: e9}]"),
        "unknown entity 'e9'",
        2,
    ),
    # -- times and dates ---------------------------------------------------------------------
    one(
        "a period that ends before it starts",
        claim(period="2017-05-31/2017-05-01"),
        "ends before it starts",
        6,
    ),
    one(
        "an approximate flag in words",
        claim(as_of="{date: 2017-05-31, approximate: yes}"),
        "true or false",
        6,
    ),
    one("a flagged date without its date", source(published="{inferred: true}"), "no date", 2),
    one(
        "a misspelt date flag",
        claim(as_of="{date: 2017-05-31, aprox: true}"),
        "did you mean 'approximate'",
        6,
    ),
    one("a day and month that cannot be told apart", claim(as_of="8/4/2022"), "ambiguous", 6),
    one("a dotted date that cannot be told apart", source(published="8.4.2022"), "ambiguous", 2),
    one("an unknown month", claim(as_of="'5 Augst 2017'"), "'Augst' is not a month", 6),
    one(
        "an unknown Solar Hijri month", claim(as_of="'16 Mehrr 1400'"), "'Mehrr' is not a month", 6
    ),
    one("a Solar Hijri date without its year", claim(as_of="'16 Mehr'"), "no year", 6),
    one("a 31st of Ramadan", claim(as_of="'31 Ramadan 1442'"), "30 days", 6),
    one("an hour 25", claim(as_of="'25:00 on 31 May 2017'"), "no hour 25", 6),
    one("a time without its date", claim(property="time", value="'18:00'"), "without its date", 6),
    one(
        "a date of death in words",
        claim(property="date-of-death", value="yesterday"),
        "not a date",
        6,
    ),
    one(
        "a place of death in words",
        claim(property="place-of-death", value="'in Kabul'"),
        "not a valid id",
        6,
    ),
    # -- parts of a figure -------------------------------------------------------------------
    one("parts as a list", claim(value="40", parts="[12, 28]"), "mapping of scope to figure", 6),
    one(
        "parts of a text value",
        claim(property="role", value="chief", parts="{police: 1}"),
        "value is not a number",
        6,
    ),
    one("complete parts that are not given", claim(parts_complete="true"), "gives none", 6),
    one(
        "a part that is half a person", claim(value="40", parts="{police: 1.5}"), "parts: police", 6
    ),
    one("empty parts", claim(value="40", parts="{}"), "parts is empty", 6),
    # -- scopes ------------------------------------------------------------------------------
    one("a scope within an unknown scope", scope(within="womn"), "did you mean 'women'", 2),
    one(
        "scopes within each other",
        "scopes:\n  - {id: a, within: b}\n  - {id: b, within: a}\n",
        "circle: a -> b -> a",
        2,
    ),
    one(
        "a scope within a shipped scope within it",
        "scopes:\n  - {id: women, within: mothers}\n",
        "circle",
        2,
    ),
    one("a scope within itself", scope(within="mothers"), "within itself", 2),
    one("a scope declared twice", "scopes:\n  - {id: a}\n  - {id: A}\n", "already used", 3),
    one("a misspelt scope key", scope(withn="women"), "did you mean 'within'", 2),
    # -- declared properties -----------------------------------------------------------------
    one(
        "a property declared twice",
        "properties:\n  - {id: escaped, kind: quantity}\n  - {id: escaped, kind: quantity}\n",
        "already used by the property",
        3,
    ),
    one("an unknown tally", declared(tally="rolling"), "running, state", 2),
    one("an unknown value kind", declared(kind="number"), "entity, quantity, date, text", 2),
    one(
        "a property within an unknown one",
        declared(within="[casualtys]"),
        "did you mean 'casualties'",
        2,
    ),
    one(
        "a property the sum of an unknown one",
        declared(sum_of="[killed, woundd]"),
        "'woundd' is not a known property",
        2,
    ),
    one(
        "properties within each other",
        "properties:\n  - {id: pa, kind: quantity, within: [pb]}\n"
        "  - {id: pb, kind: quantity, within: [pa]}\n",
        "circle",
        2,
    ),
    one("a property within itself", declared(within="[escaped]"), "names itself", 2),
    one(
        "a count on a text property",
        declared(kind="text", count="true"),
        "count goes only with kind: quantity",
        2,
    ),
    one(
        "an attribution that is a number",
        declared(attribution="true"),
        "attribution goes only with kind: entity",
        2,
    ),
    one(
        "a misspelt unit of a property", declared(unit="kilogramms"), "did you mean 'kilograms'", 2
    ),
    one("a property name in capitals", declared(id="Escaped"), "not a property name", 2),
    one("an undeclared property", claim(property="escapd"), "not a known property", 6),
    # -- ids ---------------------------------------------------------------------------------
    one(
        "two ids that differ only in case",
        "sources:\n  - {id: S1, title: A, kind: news}\n  - {id: s1, title: B, kind: news}\n",
        "differ not only in case",
        3,
    ),
    one("an empty reliability", source(reliability="''"), "reliability is empty", 2),
    # -- grades ------------------------------------------------------------------------------
    one("an unknown reliability grade", source(reliability="Q"), "A, B, C, D, E, F", 2),
    one("an unknown credibility grade", claim(confidence="{credibility: 9}"), "credibility", 6),
    one("a confidence over 100 %", claim(confidence="150%"), "confidence", 6),
    one("a confidence in unknown words", claim(confidence="certainish"), "confidence", 6),
    # -- files -------------------------------------------------------------------------------
    Case("an empty file", {"a.yaml": ""}, status=0),
    Case("a file of comments only", {"a.yaml": "# nothing yet\n# still nothing\n"}, status=0),
    one("a binary file", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary", 3),
    one("a file in UTF-16", "sources:\n".encode("utf-16"), "save the file as UTF-8", 1),
    one(
        "a file in Latin-1",
        "sources:\n  - {id: s1, title: K\u00e2bul}\n".encode("latin-1"),
        "UTF-8",
        2,
    ),
    one("deep nesting", "claims: " + "[" * 5000 + "]" * 5000 + "\n", "flatten the structure", 1),
    one("a billion laughs", BILLION_LAUGHS, "alias", 2, 3, 4, 5, 6, 7, 8, 9, 10),
    one(
        "an alias of a record",
        "sources:\n  - &s {id: s1, title: T, kind: news, reliability: B}\n  - *s\n",
        "already used",
        2,
        3,
    ),
    one(
        "a tag that runs a command", "sources: !!python/object/apply:os.system ['true']\n", "tag", 1
    ),
    one("a tag that builds an object", "sources:\n  - !!python/object:dict {id: s1}\n", "tag", 2),
    one("a custom tag", "sources:\n  - !source {id: s1, title: T}\n", "tag", 2),
    Case("a 100 MB file", {"a.yaml": GOOD}, "split it", (1,), pad_to=100 * 1024 * 1024),
    # -- Unicode traps -----------------------------------------------------------------------
    one("a Cyrillic letter in an id", source(id="s\u04301"), "id", 2),
    one("a zero-width joiner in an id", source(id="s\u200d1"), "id", 2),
    one("a right-to-left mark in an id", source(id="s1\u200f"), "id", 2),
    one("an accent in an id", source(id="caf\u00e9"), "id", 2),
    one(
        "one name's NFC and NFD forms as two ids",
        "entities:\n  - {id: e1, kind: place, name: Kabul}\n"
        "  - {id: e1\u0301, kind: place, name: Kabul}\n",
        "id",
        3,
    ),
    # -- archive paths -----------------------------------------------------------------------
    one("an archive outside the ledger", source(archive="../../etc/passwd"), "archive", 2),
    one("an archive at an absolute path", source(archive="/etc/passwd"), "archive", 2),
    Case(
        "an archive symlinked out of the ledger",
        {"a.yaml": source(archive="archive/copy.txt")},
        "archive",
        (2,),
        symlinks={"archive/copy.txt": "/etc/passwd"},
    ),
    # -- command lines -----------------------------------------------------------------------
    Case(
        "a database server that does not answer",
        {"a.yaml": GOOD},
        "check --db",
        args=("import", "ledger", "--db", "postgresql://127.0.0.1:9/nothing"),
    ),
    Case(
        "a database URL that is not one",
        {"a.yaml": GOOD},
        "not a database URL",
        args=("import", "ledger", "--db", "nosuchdriver://x"),
    ),
    Case("a path that does not exist", {}, "no such file", args=("import", "no-such-folder")),
]
CASES += wrong_types()
