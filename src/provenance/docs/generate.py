"""Every generated documentation file, by its path in the repository, and writing or
checking them: rule pages, the qualifier table and the ledger's JSON Schema."""

from __future__ import annotations

from pathlib import Path

from provenance.docs import QUALIFIERS_FILE, RULES_DIR, SCHEMA_FILE


def files() -> dict[str, str]:
    from provenance.docs import ledger_schema, qualifiers, rule_pages

    found = {f"{RULES_DIR}/{name}": text for name, text in rule_pages.pages().items()}
    found[QUALIFIERS_FILE] = qualifiers.qualifier_page()
    found[SCHEMA_FILE] = ledger_schema.schema_text()
    return found


def stale(root: Path) -> list[str]:
    """The generated files under ``root`` that are missing or differ from what the code
    says now, and pages of rules that no longer exist."""
    wanted = files()
    found = [path for path, text in wanted.items() if _read(root / path) != text]
    rules = root / RULES_DIR
    if rules.is_dir():
        extra = {f"{RULES_DIR}/{p.name}" for p in rules.glob("*.md")} - set(wanted)
        found += sorted(extra)
    return found


def write(root: Path) -> list[str]:
    """Writes every generated file that is stale; removes pages of rules that are gone."""
    wanted = files()
    changed = stale(root)
    for path in changed:
        target = root / path
        if path in wanted:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(wanted[path], "utf-8")
        else:
            target.unlink()
    return changed


def _read(path: Path) -> str | None:
    try:
        return path.read_text("utf-8")
    except FileNotFoundError:
        return None
