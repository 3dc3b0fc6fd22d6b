"""A claim's value: the kind a known property gives a plain value, explicit kinds for any
property ({quantity: ...}, {entity: ...}, {entities: [...]}, {date: ...}, {text: ...}), quantity
words and the sign rule, and every way a value can be wrong, at its line with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from ledger_files import problems, refused_for, write
from provenance.errors import LedgerInvalid
from provenance.importing import load_ledger
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
        ("killed", "over 50", Q("over 50", 50.0, None, "over", low_open=True)),
        ("killed", "at least 10", Q("at least 10", 10.0, None, "at-least")),
        ("killed", "about 100", Q("about 100", 90.0, 110.0, "about")),
        ("killed", "nearly 200", Q("nearly 200", 180.0, 200.0, "almost", high_open=True)),
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
        ("killed", "{quantity: over 50}", Q("over 50", 50.0, None, "over", low_open=True)),
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
        ("killed", "about 30-40", "'about 30-40' puts a qualifier on a range", "(30-40)"),
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

EXPLICIT = "value: {quantity: ...}, {entity: ...}, {date: ...} or {text: ...}"


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
        ("{number: 5}", f"{ONE_OF} (found 'number')", EXPLICIT),
        ("{entitiy: taliban}", f"{ONE_OF} (found 'entitiy')", "did you mean 'entity'?"),
        ("{}", ONE_OF, EXPLICIT),
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
        ("sponsor", "{entity: Taliban}", "'Taliban' is not a valid id"),
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
