"""Contracts that keep the architecture honest: who may import what, and every command
documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from checks.rule_cases import load_cases
from provenance.checks import RULES
from provenance.checks.base import Rule
from provenance.cli import main

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "provenance"


def imports(path: Path) -> set[str]:
    """The top-level names of everything a module imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


MODULES = {p.relative_to(PACKAGE).as_posix(): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def importers(prefix: str) -> set[str]:
    return {
        name
        for name, found in MODULES.items()
        if any(i == prefix or i.startswith(prefix + ".") for i in found)
    }


@pytest.mark.parametrize(
    ("library", "allowed"),
    [
        ("click", {"cli/"}),
        ("tabulate", {"reports/"}),
        ("yaml", {"ledger/"}),
        # sessions are opened in db/sessions.py and handed down as opaque handles
        ("sqlalchemy", {"db/"}),
        ("alembic", {"db/"}),
        # the spelling-variant search lays out its pairs in numpy on a large ledger
        ("numpy", {"checks/_spellings.py"}),
    ],
)
def test_libraries_stay_in_their_layer(library: str, allowed: set[str]) -> None:
    outside = {m for m in importers(library) if not any(m.startswith(a) for a in allowed)}
    assert outside == set(), f"{library} imported outside {allowed}"


def test_rules_read_only_through_the_context() -> None:
    """Nothing in checks/ touches the database: rules read through the Context protocol of
    checks/context.py, which db/ledger_view.py answers in SQL."""
    checks = [name for name in MODULES if name.startswith("checks/")]
    assert "checks/context.py" in checks
    for name in checks:
        reaching = {i for i in MODULES[name] if i.startswith(("provenance.db", "sqlalchemy"))}
        assert reaching == set(), f"{name} imports {reaching}"


def rule_ids() -> set[str]:
    return {name for rule in RULES for name in (rule.id, *rule.aliases)}


def strings(path: Path) -> set[str]:
    """The string constants of a module, its docstrings left out."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, *DOCUMENTED))
        and ast.get_docstring(node)
        and isinstance(node.body[0], ast.Expr)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


DOCUMENTED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def test_facts_about_rules_live_on_the_rules() -> None:
    """No module outside checks/ names a rule by its id: what the rest of the program needs
    to know about a rule (its traits) is declared on the rule."""
    ids = rule_ids()
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if not name.startswith("checks/"):
            named = strings(path) & ids
            assert named == set(), f"{name} names the rules {named}; declare a trait instead"


TRAITS = {
    "aside": bool,
    "about_names": bool,
    "weighs_values": bool,
    "housekeeping": bool,
    "load_problems": frozenset,
}


@pytest.mark.parametrize("trait", TRAITS)
def test_every_trait_is_declared_on_the_base_rule_and_read_outside_the_rules(trait: str) -> None:
    assert trait in Rule.__annotations__, f"Rule does not declare {trait}"
    for rule in RULES:
        assert isinstance(getattr(rule, trait), TRAITS[trait]), f"{rule.id}.{trait}"
    readers = [
        name
        for name, path in ((p.relative_to(PACKAGE).as_posix(), p) for p in PACKAGE.rglob("*.py"))
        if not name.startswith("checks/") and f".{trait}" in path.read_text("utf-8")
    ]
    assert readers, f"nothing outside checks/ reads the trait {trait}"


SAME_ROLE = {
    # a command and the use case it runs
    **dict.fromkeys(
        ("add", "check", "init", "report", "review", "show"), frozenset({"api.py", "cli/"})
    ),
    # one operation on different value types, called through its module
    "describe": frozenset({"confidence.py", "quantities.py"}),
    "overlaps": frozenset({"dates.py", "quantities.py"}),
    # the name matcher's verdict, being renamed NameVerdict in names.py
    "Verdict": frozenset({"model.py", "names.py"}),
}
"""Public names that several modules define for one role, and the modules that may (cli/:
any module of the command line)."""
PROTOCOLS = {"render": ("reports/", "exports/"), "table": "reports/contradictions/"}
"""Public names that every module of a folder defines in its own way: each output module
and each exchange format renders its output, each format of the contradiction report draws
its tables."""


def test_no_two_modules_define_one_public_name_for_different_things() -> None:
    defined: dict[str, set[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name.startswith("db/migrations/"):
            continue  # Alembic's scripts: upgrade() and downgrade() by its convention
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, (*DOCUMENTED,)) and not node.name.startswith("_"):
                defined.setdefault(node.name, set()).add(name)
    for public, modules in defined.items():
        if public in PROTOCOLS:
            modules = {m for m in modules if not m.startswith(PROTOCOLS[public])}
        homes = {"cli/" if m.startswith("cli/") else m for m in modules}
        if len(modules) > 1:
            assert len(homes) == len(modules), f"{public} is in {modules}"
            assert homes <= SAME_ROLE.get(public, frozenset()), f"{public} is in {modules}"


def test_one_union_find() -> None:
    """Groups joined pair by pair are graphs.Partition's job, nobody else's."""
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name != "graphs.py":
            text = path.read_text("utf-8")
            assert "parent[" not in text, f"{name} walks a union-find of its own"


def test_the_domain_model_imports_nothing_from_the_project() -> None:
    assert not {i for i in MODULES["model.py"] if i.startswith("provenance")}


@pytest.mark.parametrize(
    ("layer", "forbidden"),
    [
        ("reports/", {"provenance.api", "provenance.cli"}),
        ("ledger/", {"provenance.api", "provenance.cli", "provenance.db", "provenance.reports"}),
        ("db/", {"provenance.api", "provenance.cli", "provenance.reports"}),
        ("checker/", {"provenance.api", "provenance.cli", "provenance.reports"}),
        (
            "checks/",
            {
                "provenance.api",
                "provenance.checker",
                "provenance.cli",
                "provenance.db",
                "provenance.importing",
                "provenance.reports",
            },
        ),
    ],
)
def test_lower_layers_do_not_import_upper_ones(layer: str, forbidden: set[str]) -> None:
    for name, found in MODULES.items():
        if name.startswith(layer):
            bad = {i for i in found if any(i == f or i.startswith(f + ".") for f in forbidden)}
            assert bad == set(), f"{name} imports {bad}"


def test_modules_open_with_a_docstring_and_postponed_annotations() -> None:
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        code = tree.body[1:] if ast.get_docstring(tree) else tree.body
        if not tree.body:
            continue  # an empty package marker
        assert ast.get_docstring(tree), f"{path.name} has no module docstring"
        if code:
            first = code[0]
            assert isinstance(first, ast.ImportFrom) and first.module == "__future__", (
                f"{path.name} does not start with from __future__ import annotations"
            )


def commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(commands(command, (*prefix, name)))
    return found


@pytest.mark.parametrize("words", commands(main), ids=" ".join)
def test_every_command_has_help(words: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*words, "--help"])
    assert result.exit_code == 0
    assert f"Usage: main {' '.join(words)}" in result.output or "Usage:" in result.output
    summary = result.output.split("\n\n")[1].strip()
    assert len(summary) > 10, f"{' '.join(words)} has no description"


ROOT = PACKAGE.parent.parent


def readme_blocks(language: str) -> list[str]:
    """The README's fenced code blocks in one language, in order."""
    text = (ROOT / "README.md").read_text("utf-8")
    return [part.split("```")[0].strip() for part in text.split(f"```{language}\n")[1:]]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    main_command, test_command = readme_blocks("sh")[:2]
    ci_lines = (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
    assert "pytest" in test_command
    assert test_command in ci_lines
    # after it, only the quick benchmark run the README documents
    after = [line for line in ci_lines[ci_lines.index(test_command) + 1 :] if line.strip()]
    assert [line for line in after if not line.startswith("#")] == [
        ".venv/bin/python benchmarks/run.py --quick"
    ]
    assert "python benchmarks/run.py --quick" in (ROOT / "README.md").read_text("utf-8")
    assert "provenance" in main_command and "claims/" in main_command


def test_the_readme_describes_each_folder_of_the_package() -> None:
    """The Development section has a line for every folder of src/provenance."""
    text = (ROOT / "README.md").read_text("utf-8")
    development = text.split("## Development", 1)[1]
    folders = sorted(
        p.relative_to(PACKAGE).as_posix() + "/"
        for p in PACKAGE.rglob("*")
        if p.is_dir() and (p / "__init__.py").exists()
    )
    for folder in folders:
        assert f"`{folder}`" in development, f"README's Development section omits {folder}"


def test_the_readme_example_is_a_valid_ledger_file(tmp_path: Path) -> None:
    from provenance.ledger.load import parse_paths

    (tmp_path / "example.yaml").write_text(readme_blocks("yaml")[0], "utf-8")
    parsed, problems = parse_paths([tmp_path])
    assert problems == []
    assert [c.id for c in parsed.ledger().claims] == [
        "caci-mirza-olang-joint-officials",
        "caci-mirza-olang-joint-denied",
        "caci-mirza-olang-killed",
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_is_documented_with_a_feature_and_a_case_table(rule: type[Rule]) -> None:
    doc = rule.documentation()
    assert rule.summary() and rule.summary().endswith("."), f"{rule.id} has no summary line"
    for section in ("Why it matters:", "Example:", "Fix:"):
        assert f"\n{section}\n" in doc, f"{rule.id}'s documentation has no {section!r}"
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.id)
    assert (ROOT / "features" / "checks" / f"{rule.id}.feature").is_file()
    cases = [c for c in load_cases(rule.id)]
    assert any(not c.conflicts for c in cases), f"{rule.id} has no pass case"
    assert any(c.conflicts for c in cases), f"{rule.id} has no fail case"


def test_rule_ids_and_former_ids_are_unique() -> None:
    names = [name for rule in RULES for name in (rule.id, *rule.aliases)]
    assert len(names) == len(set(names))


DESIGN_NON_CONFLICTS = {
    # DESIGN.md "A conflict, or only a difference?": each example -> the case that proves it
    "bounds: at least 36 vs 50-60": ("numeric-conflict", "a lower bound never conflicts"),
    "time: figures as of different times": ("numeric-conflict", "figures as of different years"),
    "time: one speaker revising a toll": ("numeric-conflict", "one speaker's figures for"),
    "time: nobody has claimed it, before a claim": (
        "disputed-attribution",
        "no group has claimed it, stated before the claim",
    ),
    "scope: civilians vs all killed": ("numeric-conflict", "civilians killed and all killed"),
    "scope: fighters vs fighters and families": ("numeric-conflict", "fighters and fighters"),
    "scope: one district vs the whole country": ("numeric-conflict", "one district and the"),
    "scope: control vs control or contest": ("numeric-conflict", "control and control or"),
    "units: 10 kg and about 22 lb": ("numeric-conflict", "10 kg and about 22 lb agree"),
    "rounding: 169 and 170": ("numeric-conflict", "169 and 170"),
    "precision: August 2017 and 5 Aug 2017": ("date-conflict", "a month and a day inside it"),
    "precision: a day apart across time zones": ("date-conflict", "two calendar days a day apart"),
    "copies: one wire story re-posted": ("numeric-conflict", "copies never conflict"),
    "aliases: declared aliases": ("spelling-variant", "a declared alias is never flagged"),
}


@pytest.mark.parametrize(("example", "where"), DESIGN_NON_CONFLICTS.items())
def test_every_difference_design_names_is_a_tested_non_conflict(
    example: str, where: tuple[str, str]
) -> None:
    rule, name = where
    found = [c for c in load_cases(rule) if c.name.startswith(name)]
    assert found, f"no {rule} case for {example!r}"
    assert all(not c.conflicts for c in found), f"the case for {example!r} expects a conflict"


def test_the_readme_worked_example_is_what_check_finds_on_the_shipped_ledger() -> None:
    from provenance import api

    worked = "$ provenance check claims/ --include-reviewed"
    example = next(b for b in readme_blocks("") if b.startswith(worked))
    listed = set(re.findall(r"\b[a-z-]+:[0-9a-f]{12}\b", example))
    found = api.check([ROOT / "claims"], None, api.check_settings([ROOT / "claims"]))
    assert listed == {c.id for c in found.conflicts}
    assert f"{len(listed)} conflicts" in example


def requirements() -> list[str]:
    """Every requirement pyproject.toml states: the runtime ones and every extra's."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    extras = project["optional-dependencies"].values()
    return [*project["dependencies"], *(r for extra in extras for r in extra)]


def test_every_requirement_is_pinned_within_its_range() -> None:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    lines = (ROOT / ".ci" / "constraints.txt").read_text("utf-8").splitlines()
    pins = {
        canonicalize_name(name): version
        for name, version in (line.split("==") for line in lines if "==" in line)
    }
    for text in requirements():
        wanted = Requirement(text)
        name = canonicalize_name(wanted.name)
        assert name in pins, f"{wanted.name} is not pinned: run .ci/lock"
        assert wanted.specifier.contains(pins[name], prereleases=True), (
            f"{wanted.name}=={pins[name]} is outside {wanted.specifier}: run .ci/lock"
        )


def test_ci_installs_from_the_pins() -> None:
    _, test_command = readme_blocks("sh")[:2]
    assert "-c .ci/constraints.txt" in test_command
    assert (ROOT / ".ci" / "lock").read_text("utf-8").count(".ci/constraints.txt") >= 1
