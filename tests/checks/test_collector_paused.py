"""The name rules pause Python's cycle collector while they run, and give it back as it was."""

import gc

import pytest

from provenance.checks._spellings import collector_paused


def test_the_collector_is_off_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_rule_that_fails_or_stops_early_gives_the_collector_back() -> None:
    def rule():  # type: ignore[no-untyped-def]
        with collector_paused():
            yield 1
            yield 2

    found = rule()
    next(found)
    assert not gc.isenabled()
    found.close()  # the caller stops reading the findings
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
