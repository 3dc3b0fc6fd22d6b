"""The project's generated documentation: where it lives in the repository, and the address
machine outputs link to (SARIF's informationUri and each rule's helpUri).
`python -m provenance.docs` writes it; tests regenerate it and compare."""

from __future__ import annotations

HOME = "https://example.invalid/provenance"
"""The repository's address: the one place to change when it moves."""
BRANCH = "main"
RULES_DIR = "docs/rules"
"""Each rule's page, docs/rules/ID.md, generated from the rule's docstring."""
SCHEMA_FILE = "docs/ledger.schema.json"
QUALIFIERS_FILE = "docs/qualifiers.md"


def rule_path(rule_id: str) -> str:
    """A rule's page, relative to the repository root."""
    return f"{RULES_DIR}/{rule_id}.md"


def rule_uri(rule_id: str) -> str:
    """A rule's page in the repository, as an absolute address."""
    return f"{HOME}/blob/{BRANCH}/{rule_path(rule_id)}"
