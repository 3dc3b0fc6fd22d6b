"""`provenance rules`: the list of rules, or one rule's documentation with its settings."""

from __future__ import annotations

from tabulate import tabulate

from provenance.checks import RULES, by_id
from provenance.errors import NotFound
from provenance.suggestions import suggest


def render(rule_id: str | None) -> str:
    if rule_id is None:
        rows = [(r.id, r.default_severity.value, r.summary()) for r in RULES]
        return tabulate(rows, headers=("rule", "severity", "finds"), tablefmt="simple") + "\n"
    rule = by_id(rule_id)
    if rule is None:
        known = [name for r in RULES for name in (r.id, *r.aliases)]
        hint = suggest(rule_id, known) or "`provenance rules` lists them"
        raise NotFound(f"no rule '{rule_id}' ({hint})")
    lines = [
        f"{rule.id}  (default severity: {rule.default_severity.value})",
        "",
        rule.documentation(),
    ]
    if rule.aliases:
        lines += ["", "Former ids: " + ", ".join(rule.aliases)]
    if rule.options:
        lines += ["", "Settings (provenance.toml [rules." + rule.id + "], or --set):"]
        lines += [f"  {name} = {opt.default!r}: {opt.help}" for name, opt in rule.options.items()]
    return "\n".join(lines) + "\n"
