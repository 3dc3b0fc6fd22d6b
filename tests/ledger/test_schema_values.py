"""A claim's value: the kind a known property gives a plain value, explicit kinds for any
property ({quantity: ...}, {entity: ...}, {entities: [...]}, {date: ...}, {text: ...}), quantity
words and the sign rule, and every way a value can be wrong, at its line with a hint."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from ledger_files import problems, refused_for, write
from provenance.errors import LedgerInvalid
from provenance.importing import load_ledger
from provenance.ledger.compose import YamlMap
from provenance.ledger.fields import Cell
from provenance.ledger.values import parse_value, timespan_to_yaml
from provenance.ledger.writer import write_tree
from provenance.model import EntityValue, PartialDate, Quantity, TextValue, TimeSpan, Value

BASE = """
sources:
  - {id: src, title: A report, kind: news, reliability: B}
entities:
  - {id: attack, kind: event, name: The attack}
  - {id: taliban, kind: organisation, name: Taliban}
  - {id: iskp, kind: organisation, name: ISKP}
"""


def claim(root: Path, prop: str, value: str, extra: str = "") -> str:
    """Writes base.yaml and a claim about attack whose property is on line 4 and value on
    line 5 (``extra`` lines follow from line 7); returns the claim file's name."""
    write(root, "base.yaml", BASE)
    body = f"claims:\n  - id: c\n    subject: attack\n    property: {prop}\n    value: {value}\n"
    return write(root, "claim.yaml", body + "    source: src\n" + extra)


def value_of(root: Path, prop: str, value: str) -> Value:
    claim(root, prop, value)
    try:
        return load_ledger([root]).claims[0].value
    except LedgerInvalid as error:
        pytest.fail("\n".join(error.lines()))


P = PartialDate
Q = Quantity

# --- plain values of known properties --------------------------------------------------------


@pytest.mark.parametrize(
    ("prop", "written", "expected"),
    [
        ("killed", "52", Q("52", 52.0, 52.0, "exact")),
        # a count property reads whole numbers: "over 50" is [51, ∞)
        ("killed", "over 50", Q("over 50", 51.0, None, "over")),
        ("killed", "at least 10", Q("at least 10", 10.0, None, "at-least")),
        ("killed", "about 100", Q("about 100", 96.0, 104.0, "about")),
        ("killed", "around 235", Q("around 235", 226.0, 244.0, "about")),
        ("killed", "nearly 200", Q("nearly 200", 180.0, 199.0, "almost")),
        ("killed", "about 300-400", Q("about 300-400", 288.0, 416.0, "about-range")),
        ("killed", "some", Q("some", 1.0, None, "exists")),
        ("killed", "12 confirmed", Q("12 confirmed", 12.0, None, "floor")),
        ("killed", "50-61, best 57", Q("50-61, best 57", 50.0, 61.0, "estimate", best=57.0)),
        (
            "killed",
            "{low: 50, best: 57, high: 61}",
            Q("50-61, best 57", 50, 61, "estimate", best=57),
        ),
        ("killed", "{best: 57, high: 61}", Q("up to 61, best 57", 0, 61, "estimate", best=57)),
        ("killed", "{low: 50}", Q("at least 50", 50.0, None, "at-least")),
        ("amount", "about 100", Q("about 100", 96.0, 104.0, "about")),
        ("amount", "over 50", Q("over 50", 50.0, None, "over", low_open=True)),
        ("amount", "{low: -5, high: 5}", Q("-5 to 5", -5.0, 5.0, "range")),
        ("killed", "30-40", Q("30-40", 30.0, 40.0, "range")),
        ("wounded", "between 30 and 40", Q("between 30 and 40", 30.0, 40.0, "range")),
        ("hostages", "up to 20", Q("up to 20", 0.0, 20.0, "at-most")),
        ("displaced", "4,000", Q("4,000", 4000.0, 4000.0, "exact")),
        ("fighters", "dozens", Q("dozens", 24.0, 99.0, "dozens")),
        ("amount", "-5", Q("-5", -5.0, -5.0, "exact")),
        ("amount", "under 10", Q("under 10", None, 10.0, "under", high_open=True)),
        ("territory-share", "40%", Q("40%", 40.0, 40.0, "exact", unit="%")),
        ("perpetrator", "taliban", EntityValue(("taliban",))),
        ("perpetrator", "[taliban, iskp]", EntityValue(("taliban", "iskp"))),
        ("date", "2017-08-05", TimeSpan("2017-08-05", P(2017, 8, 5), P(2017, 8, 5))),
        ("founded", "2017", TimeSpan("2017", P(2017), P(2017))),
        ("role", "commander", TextValue("commander")),
        ("status", "no", TextValue("no")),
        ("statement", "52", TextValue("52")),
    ],
)
def test_a_known_property_decides_the_kind_of_a_plain_value(
    tmp_path: Path, prop: str, written: str, expected: Value
) -> None:
    assert value_of(tmp_path, prop, written) == expected


@pytest.mark.parametrize(
    ("prop", "written", "expected"),
    [
        ("weapon", "{text: rifles}", TextValue("rifles")),
        ("sponsor", "{entity: taliban}", EntityValue(("taliban",))),
        ("allies", "{entities: [taliban, iskp]}", EntityValue(("taliban", "iskp"))),
        ("ceasefire", "{date: 2017-08}", TimeSpan("2017-08", P(2017, 8), P(2017, 8))),
        ("budget", "{quantity: $2 bn}", Q("$2 bn", 2e9, 2e9, "exact", unit="USD")),
        ("net-change", "{quantity: -5}", Q("-5", -5.0, -5.0, "exact")),
        ("killed", "{quantity: over 50}", Q("over 50", 51.0, None, "over")),
        (
            "budget",
            "{quantity: {low: 1.5, best: 2}}",
            Q("at least 1.5, best 2", 1.5, None, "estimate", best=2),
        ),
        ("budget", "{low: 1.5, best: 2}", Q("at least 1.5, best 2", 1.5, None, "estimate", best=2)),
        (
            "ceasefire",
            "{date: 2020-03-25, approximate: true, inferred: true}",
            TimeSpan("2020-03-25", P(2020, 3, 25), P(2020, 3, 25), approximate=True, inferred=True),
        ),
        (
            "ceasefire",
            "{date: c. 2020}",
            TimeSpan("c. 2020", P(2020), P(2020), approximate=True),
        ),
        ("perpetrator", "{entities: [iskp]}", EntityValue(("iskp",))),
    ],
)
def test_an_explicit_kind_works_for_any_property(
    tmp_path: Path, prop: str, written: str, expected: Value
) -> None:
    assert value_of(tmp_path, prop, written) == expected


# --- quantities that are refused ------------------------------------------------------------


@pytest.mark.parametrize(
    ("prop", "written", "message", "hint"),
    [
        ("killed", "-5", "'-5' is negative", "counts cannot be negative"),
        ("killed", "{quantity: -5}", "'-5' is negative", "counts cannot be negative"),
        ("arrested", "over -3", "'over -3' is negative", "counts cannot be negative"),
        (
            "killed",
            "between 60 and 50",
            "range between 60 and 50 runs backwards",
            "write the smaller number first: between 50 and 60",
        ),
        (
            "killed",
            "nearly 30-40",
            "'nearly 30-40' puts a qualifier on a range that does not hedge it",
            "(30-40)",
        ),
        ("killed", "2.5", "'2.5' leaves no whole number for a count", "a count is a whole"),
        (
            "killed",
            "{low: 60, best: 57, high: 61}",
            "the estimate's low 60 is above its best 57",
            "low <= best <= high",
        ),
        ("killed", "{low: 50, best: 57, hihg: 61}", "unknown key 'hihg' in an estimate", "high"),
        ("killed", "50 people", "has words after the number: 'people'", "put what is counted in"),
        ("killed", "under 0", "'under 0' leaves no possible value", None),
        ("killed", "[50]", "a quantity must be a number or words", "write value: over 50"),
        ("killed", "true", "such as 'over 50', not true/false", None),
        ("amount", "{quantity: {usd: 5}}", "such as 'over 50', not a mapping", None),
    ],
)
def test_a_quantity_that_cannot_be_read_is_reported_at_the_value(
    tmp_path: Path, prop: str, written: str, message: str, hint: str | None
) -> None:
    name = claim(tmp_path, prop, written)
    refused_for(tmp_path, name, 5, message, hint)


# --- values of the wrong kind ---------------------------------------------------------------

KINDS = "value: {quantity: ...}, {entity: ...}, {date: ...} or {text: ...}"
EXPLICIT = f"{KINDS}, or declare the property under properties:"


@pytest.mark.parametrize(
    ("prop", "hint"),
    [
        ("death-toll", f"write {EXPLICIT}"),
        ("perpetrators", f"did you mean 'perpetrator'? Or write {EXPLICIT}"),
    ],
)
def test_a_plain_value_needs_a_known_property(tmp_path: Path, prop: str, hint: str) -> None:
    name = claim(tmp_path, prop, "52")
    refused_for(
        tmp_path,
        name,
        4,
        f"'{prop}' is not a known property, so its value must say what kind it is",
        hint,
    )
    assert problems(tmp_path)[0].hint == hint


COMMA = "inside {...} a comma starts a new key: put text with commas in quotes"
ONE_OF = "a value mapping holds exactly one of entity, entities, quantity, date, text"


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        ("{text: Kabul, Afghanistan}", f"{ONE_OF} (found 'Afghanistan')", COMMA),
        ("{quantity: 5, text: five}", ONE_OF, COMMA),
        ("{number: 5}", f"{ONE_OF} (found 'number')", KINDS),
        ("{entitiy: taliban}", f"{ONE_OF} (found 'entitiy')", "did you mean 'entity'?"),
        ("{}", ONE_OF, KINDS),
    ],
)
def test_a_value_mapping_holds_one_kind(
    tmp_path: Path, written: str, message: str, hint: str
) -> None:
    name = claim(tmp_path, "headquarters", written)
    refused_for(tmp_path, name, 5, message, hint)
    assert problems(tmp_path)[0].message == message


@pytest.mark.parametrize(
    ("prop", "written", "message", "kind"),
    [
        (
            "killed",
            "{text: many}",
            "property 'killed' takes a quantity value, not a text",
            "a quantity",
        ),
        ("perpetrator", "{quantity: 5}", "takes an entity value, not a quantity", "an entity"),
        ("date", "{text: last summer}", "takes a date value, not a text", "a date"),
        ("role", "{entity: taliban}", "takes a text value, not an entity", "a text"),
    ],
)
def test_an_explicit_kind_must_match_a_known_property(
    tmp_path: Path, prop: str, written: str, message: str, kind: str
) -> None:
    name = claim(tmp_path, prop, written)
    refused_for(tmp_path, name, 5, message, f"write the value as {kind}, or use another property")


def test_an_invalid_entity_in_a_value_list_is_reported_at_its_item(tmp_path: Path) -> None:
    name = claim(tmp_path, "perpetrator", "\n      - taliban\n      - Islamic State")
    refused_for(tmp_path, name, 7, "'Islamic State' is not a valid id", "e.g. 'islamic-state'")


@pytest.mark.parametrize(
    ("prop", "written", "message"),
    [
        ("date", "2017-13", "'2017-13' is not a date: there is no month 13"),
        ("date", "[2017]", "value must be a date or period, not a list"),
        ("ceasefire", "{date: 2017-02-30}", "February 2017 has 28 days"),
        ("role", "[a, b]", "value must be text, not a list"),
        ("weapon", "{text: ''}", "text is empty"),
        ("sponsor", "{entity: The Taliban}", "'The Taliban' is not a valid id"),
    ],
)
def test_an_invalid_value_of_each_kind_is_reported_at_the_value(
    tmp_path: Path, prop: str, written: str, message: str
) -> None:
    name = claim(tmp_path, prop, written)
    refused_for(tmp_path, name, 5, message)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("Killed", "'Killed' is not a property name"),
        ("[killed]", "property must be text, not a list"),
    ],
)
def test_an_invalid_property_is_reported_once(tmp_path: Path, written: str, message: str) -> None:
    name = claim(tmp_path, written, "over fifty-ish")
    refused_for(tmp_path, name, 4, message)


# --- unit -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prop", "written"), [("perpetrator", "taliban"), ("date", "2017"), ("role", "commander")]
)
def test_a_unit_goes_only_with_a_quantity(tmp_path: Path, prop: str, written: str) -> None:
    name = claim(tmp_path, prop, written, "    unit: people\n")
    refused_for(
        tmp_path,
        name,
        7,
        "claim 'c' has a unit but its value is not a number",
        "remove unit:, or give the value as a quantity",
    )


@pytest.mark.parametrize(("prop", "written"), [("killed", "52"), ("budget", "{quantity: 5 bn}")])
def test_a_unit_with_a_quantity_is_kept(tmp_path: Path, prop: str, written: str) -> None:
    claim(tmp_path, prop, written, "    unit: people\n")
    assert load_ledger([tmp_path]).claims[0].unit == "people"


# --- estimates, hedged words and flagged dates: misuse at its line, and the round trip ------


ESTIMATE_BLOCK = "\n      low: 50\n      best: {best}\n      high: 61\n"


@pytest.mark.parametrize(
    ("best", "line", "message", "hint"),
    [
        ("[57]", 7, "the estimate's best must be a number, not a list", "{low: 50, best: 57"),
        ("true", 7, "the estimate's best must be a number, not true/false", "{low: 50, best: 57"),
        ("about 57", 5, "the estimate's best 'about 57' is not a number", "one number"),
        ("70", 5, "the estimate's best 70 is above its high 61", "low <= best <= high"),
    ],
)
def test_an_estimate_that_cannot_be_read_is_reported_at_its_line(
    tmp_path: Path, best: str, line: int, message: str, hint: str
) -> None:
    name = claim(tmp_path, "killed", ESTIMATE_BLOCK.format(best=best))
    refused_for(tmp_path, name, line, message, hint)


def test_an_empty_estimate_is_refused(tmp_path: Path) -> None:
    name = claim(tmp_path, "killed", "{low: null}")
    refused_for(tmp_path, name, 5, "the estimate's low must be a number, not empty")


def as_of_claim(root: Path, as_of: str) -> str:
    return claim(root, "killed", "12", f"    as_of: {as_of}\n")


@pytest.mark.parametrize(
    ("as_of", "line", "message", "hint"),
    [
        ("{date: 2020-03-25, approximate: yes}", 7, "approximate must be true or false", None),
        ("{date: 2020-03-25, infered: true}", 7, "unknown key 'infered' in as_of", "inferred"),
        ("{approximate: true}", 7, "as_of has no date:", "{date: 2020-03-25"),
        ("{date: {date: 2020}}", 7, "date must be a date or period, not a mapping", None),
        ("{date: c. 2015, approximate: false}", 7, "approximate as written", "remove"),
        ("{date: 2020-02-30, inferred: true}", 7, "February 2020 has 29 days", None),
    ],
)
def test_a_flagged_date_that_cannot_be_read_is_reported_at_its_line(
    tmp_path: Path, as_of: str, line: int, message: str, hint: str | None
) -> None:
    name = as_of_claim(tmp_path, as_of)
    refused_for(tmp_path, name, line, message, hint)


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        ("around 2017-05-31T18:00+04:30", (True, False)),
        ("{date: 2020-03-25, inferred: true}", (False, True)),
        ("{date: '2020-03-25', approximate: true}", (True, False)),
        ("{date: c. 2015, approximate: true, inferred: false}", (True, False)),
        ("16 Mehr 1400", (False, False)),
        ("12 Ramadan 1442", (True, False)),  # the lunar month may begin a day apart
    ],
)
def test_an_as_of_may_be_approximate_or_inferred(
    tmp_path: Path, as_of: str, expected: tuple[bool, bool]
) -> None:
    as_of_claim(tmp_path, as_of)
    span = load_ledger([tmp_path]).claims[0].as_of
    assert span is not None and (span.approximate, span.inferred) == expected


ROUND_TRIPS = [
    ("killed", "{low: 50, best: 57, high: 61}"),
    ("killed", "{best: 57}"),
    ("killed", "{low: 50, best: 57}"),
    ("budget", "{low: 1.5, high: 2.25}"),
    ("killed", "about 300-400"),
    ("killed", "between 40 and more than 60"),
    ("killed", "an unknown number"),
    ("killed", "documented 1,200"),
    ("date", "{date: 2020-03-25, approximate: true, inferred: true}"),
    ("date", "{date: 2020-03-25, inferred: true}"),
    ("date", "about 18:00 on 31 May 2017"),
    ("date", "{date: c. 2015, inferred: true}"),
    ("date", "sábado, 5 de agosto de 2017"),
    ("date", "Friday, 16 Mehr 1400"),
    ("ceasefire", "{date: 2020-03-25, approximate: true}"),
]


@pytest.mark.parametrize(("prop", "written"), ROUND_TRIPS)
def test_new_forms_survive_export_and_import(tmp_path: Path, prop: str, written: str) -> None:
    claim(tmp_path / "in", prop, written, "    as_of: {date: 2017-08, inferred: true}\n")
    original = load_ledger([tmp_path / "in"])
    write_tree(original, tmp_path / "out")
    again = load_ledger([tmp_path / "out"])
    assert again.claims == original.claims


def test_a_flagged_date_is_written_as_a_mapping_only_when_it_must_be() -> None:
    plain = TimeSpan("c. 2015", P(2015), P(2015), approximate=True)
    assert timespan_to_yaml(plain) == "c. 2015"
    assert timespan_to_yaml(replace(plain, inferred=True)) == {"date": "c. 2015", "inferred": True}
    marked = TimeSpan("2015", P(2015), P(2015), approximate=True)
    assert timespan_to_yaml(marked) == {"date": 2015, "approximate": True}


@pytest.mark.parametrize(
    ("prop", "unit", "written", "expected"),
    [
        ("homes-burned", "homes", "{quantity: over 50}", Q("over 50", 51.0, None, "over")),
        ("homes-burned", "houses", "{quantity: about 12}", Q("about 12", 11.0, 13.0, "about")),
        ("distance", "km", "{quantity: over 50}", Q("over 50", 50.0, None, "over", low_open=True)),
        ("killed", None, "over 50", Q("over 50", 51.0, None, "over")),
    ],
)
def test_a_unit_of_counted_things_makes_the_value_a_count(
    prop: str, unit: str | None, written: str, expected: Quantity
) -> None:
    value = yaml_map(written) if written.startswith("{") else written
    cell = Cell("value", value, 5)
    assert parse_value(cell, prop, 4, unit) == expected


def yaml_map(text: str) -> YamlMap:
    """A one-line flow mapping as the ledger's reader gives it ({quantity: over 50})."""
    key, _, rest = text.strip("{}").partition(": ")
    mapping = YamlMap({key: rest})
    mapping.line, mapping.key_lines, mapping.raw = 5, {key: 5}, {}
    return mapping
