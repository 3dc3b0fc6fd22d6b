"""Every rule against its pass/fail table (tests/checks/cases/<rule-id>.yaml): a pass case
finds nothing, a fail case finds exactly the conflicts it lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from rule_cases import Case, load_cases

from provenance import api
from provenance.checker.settings import Settings

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: Case, tmp_path: Path) -> None:
    folder = case.write(tmp_path)
    settings = Settings(options={case.rule: case.settings})
    result = api.check([folder], None, settings, only=[case.rule])
    found = sorted(((tuple(sorted(c.claims)), c) for c in result.conflicts), key=lambda f: f[0])
    described = "\n".join(f"  {claims}: {c.message}" for claims, c in found) or "  nothing"
    assert len(found) == len(case.conflicts), f"found:\n{described}"
    for expected in case.conflicts:
        matches = [
            c
            for claims, c in found
            if claims == expected.claims
            and expected.message in c.message
            and c.revision == expected.revision
            and (expected.severity is None or c.severity.value == expected.severity)
        ]
        assert matches, f"expected {expected} among:\n{described}"
