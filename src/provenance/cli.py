"""The command line: options in, one api call, rendered output, an exit code. Nothing else.

Start-up is kept light: `--help`, `--version` and `rules` never load the database layer.
The modules a command needs are loaded when it runs (``_lazy``): their names are bound here
for the type checker, and to modules that load on first use at run time."""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import click

from provenance import __version__
from provenance.errors import EXIT_CONFLICTS, EXIT_OK, ProvenanceError
from provenance.model import Verdict
from provenance.reports.check import FORMATS, CheckReport
from provenance.reports.contradictions import FORMATS as REPORT_FORMATS


def _lazy(name: str) -> ModuleType:
    """The module ``name``, executed at its first attribute access rather than now."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    assert spec is not None and spec.loader is not None, name
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as an import statement does
    return module


if TYPE_CHECKING:
    from provenance import api, names
    from provenance.checker import Conflict
    from provenance.reports import records, review_view, rules_doc, summary
    from provenance.reports.contradictions import content
else:
    api = _lazy("provenance.api")
    names = _lazy("provenance.names")
    records = _lazy("provenance.reports.records")
    review_view = _lazy("provenance.reports.review_view")
    rules_doc = _lazy("provenance.reports.rules_doc")
    summary = _lazy("provenance.reports.summary")
    content = _lazy("provenance.reports.contradictions.content")

F = TypeVar("F", bound=Callable[..., Any])


class Provenance(click.Group):
    """Maps a user's mistake to a message on stderr and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as error:
            for line in error.lines():
                click.echo(f"error: {line}", err=True)
            ctx.exit(error.exit_code)


def db_option(command: F) -> F:
    return click.option(
        "--db",
        metavar="URL",
        envvar="PROVENANCE_DB",
        help="Database: a SQLite file path or an SQLAlchemy URL "
        "(default: $PROVENANCE_DB, else .provenance/provenance.db).",
    )(command)


def output_option(command: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write the report to this file instead of standard output.",
    )(command)


def config_option(help_text: str) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        return click.option(
            "--config",
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help=help_text,
        )(command)

    return decorate


def format_option(formats: Sequence[str], help_text: str | None = None) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(list(formats)),
            default=formats[0],
            show_default=True,
            help=help_text,
        )(command)

    return decorate


@click.group(cls=Provenance, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="provenance")
def main() -> None:
    """Record claims with their sources and speakers, and find where reports disagree."""


@main.command()
@db_option
def init(db: str | None) -> None:
    """Create the ledger database, or bring its schema up to date."""
    result = api.init(db)
    click.echo(f"ledger database ready at {result.database} (schema {result.revision})")


@main.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--prune",
    is_flag=True,
    help="Remove stored sources, entities and claims that are not in PATHS "
    "(reviews are always kept).",
)
@db_option
def import_(paths: tuple[Path, ...], prune: bool, db: str | None) -> None:
    """Load ledger files or folders into the database, all or nothing."""
    with _Progress("reading ledger") as progress:
        result = api.import_ledger(paths, db, prune=prune, progress=progress.update)
    click.echo(summary.render_import(paths, result))


@main.command()
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one file per original ledger file under this folder "
    "(default: the whole ledger on standard output).",
)
@format_option(("yaml", "json"))
@db_option
def export(out_dir: Path | None, fmt: str, db: str | None) -> None:
    """Write the stored ledger back as YAML or JSON, stably."""
    result = api.export_ledger(db, out_dir, fmt)
    if isinstance(result, str):
        click.echo(result, nl=False)
    else:
        click.echo(
            f"wrote {len(result)} file{'s' if len(result) != 1 else ''} to {out_dir}", err=True
        )


@main.command()
@click.argument("ident", metavar="ID")
@db_option
def show(ident: str, db: str | None) -> None:
    """Show a claim, entity or source with its provenance."""
    click.echo(records.render_view(api.show(db, ident)), nl=False)


@main.command(name="claims")
@click.option("--subject", metavar="ID", help="Only claims about this entity.")
@click.option("--property", "prop", metavar="NAME", help="Only claims of this property.")
@click.option("--source", metavar="ID", help="Only claims reported by this source.")
@click.option("--said-by", metavar="ID", help="Only claims made by this speaker.")
@db_option
def claims_(
    subject: str | None, prop: str | None, source: str | None, said_by: str | None, db: str | None
) -> None:
    """List claims as a table, filtered by subject, property, source or speaker."""
    found = api.list_claims(db, subject=subject, prop=prop, source=source, said_by=said_by)
    click.echo(records.render_claims(found), nl=False)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(list(FORMATS), "text for people; json, sarif, junit or github for machines.")
@click.option(
    "--rule", "only", multiple=True, metavar="ID", help="Run only this rule (repeatable)."
)
@click.option(
    "--ignore-rule", "ignore", multiple=True, metavar="ID", help="Skip this rule (repeatable)."
)
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "info"]),
    help="Exit 1 when an unreviewed conflict is at least this severe (default: warning).",
)
@click.option(
    "--include-reviewed",
    is_flag=True,
    help="Show reviewed conflicts too, and let them count as if unreviewed.",
)
@click.option(
    "--severity",
    "severities",
    multiple=True,
    metavar="RULE=LEVEL",
    help="Override a rule's severity: error, warning, info or off.",
)
@click.option(
    "--set",
    "options",
    multiple=True,
    metavar="RULE.SETTING=VALUE",
    help="Override a rule's setting, e.g. numeric-conflict.tolerance=0.05.",
)
@config_option(
    "Settings file (default: provenance.toml or [tool.provenance] in a pyproject.toml next "
    "to the ledger or above it)."
)
@output_option
@click.option(
    "--jobs",
    type=click.IntRange(1, 2),
    help="Processes to check a database with: 1, or 2 (default: 2 from 50,000 claims on "
    "a machine with two cores or more; ledger files are always checked in one).",
)
@click.option(
    "--timings",
    is_flag=True,
    help="Also report the seconds each rule took (text and json formats; json output is "
    "otherwise the same on every run over the same input).",
)
@db_option
@click.pass_context
def check(
    ctx: click.Context,
    paths: tuple[Path, ...],
    fmt: str,
    only: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    include_reviewed: bool,
    severities: tuple[str, ...],
    options: tuple[str, ...],
    config: Path | None,
    output: Path | None,
    jobs: int | None,
    timings: bool,
    db: str | None,
) -> None:
    """Find conflicts in ledger files (PATHS) or, without PATHS, in the database.

    Exit status: 0 no unreviewed conflict at or above --fail-on, 1 some, 2 bad input.
    """
    settings = api.check_settings(
        paths, config, fail_on=fail_on, severities=severities, options=options
    )
    result = api.check(paths, db, settings, only=only, ignore=ignore, jobs=jobs)
    target = " ".join(str(p) for p in paths) if paths else "the database"
    report = CheckReport(result, settings.fail_on, include_reviewed, target, timings)
    _emit(FORMATS[fmt](report), output)
    ctx.exit(EXIT_CONFLICTS if report.failing else EXIT_OK)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    partial = output.with_name(output.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(output)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(list(REPORT_FORMATS))
@output_option
@click.option("--subject", metavar="ID", help="Only the conflicts about this entity.")
@click.option(
    "--include-decided",
    is_flag=True,
    help="Also show conflicts already decided (disputed ones are always shown).",
)
@config_option("Settings file, as for check.")
@db_option
def report(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    subject: str | None,
    include_decided: bool,
    config: Path | None,
    db: str | None,
) -> None:
    """Publish the disagreements side by side: ledger files (PATHS) or the database."""
    settings = api.check_settings(paths, config)
    data = api.report(paths, db, settings, subject=subject)
    _emit(REPORT_FORMATS[fmt](content.build(data, include_decided)), output)


VERDICT_KEYS = {
    "s": Verdict.SAME_ENTITY,
    "d": Verdict.DISTINCT,
    "p": Verdict.DISPUTED,
    "r": Verdict.RESOLVED,
    "n": Verdict.NOT_A_CONFLICT,
}


@main.command()
@click.argument("conflict_id", metavar="[CONFLICT_ID]", required=False)
@click.option(
    "--verdict",
    type=click.Choice([v.value for v in Verdict]),
    help="same-entity, distinct, disputed, resolved or not-a-conflict.",
)
@click.option("--note", help="Why: a considered note, kept with the decision.")
@click.option(
    "--by",
    "reviewer",
    metavar="NAME",
    help="Who decides (default: reviewer in provenance.toml, else git user.name).",
)
@click.option("--in-favour-of", metavar="CLAIM", help="With resolved: the claim that stands.")
@click.option("--list", "listing", is_flag=True, help="List open and decided conflicts.")
@click.option(
    "--ledger",
    type=click.Path(file_okay=False, path_type=Path),
    help="The ledger folder whose reviews.yaml records decisions "
    "(default: claims/ here, unless --db is given).",
)
@db_option
def review(
    conflict_id: str | None,
    verdict: str | None,
    note: str | None,
    reviewer: str | None,
    in_favour_of: str | None,
    listing: bool,
    ledger: Path | None,
    db: str | None,
) -> None:
    """Decide conflicts: one by its id, or each open one in turn (on a terminal).

    Reviewing a ledger folder appends to its reviews.yaml, to be committed with the claims;
    reviewing the database stores the decision there. Reviews are never changed: a later
    review of the same conflict supersedes the earlier one, and both stay in its history.
    """
    desk = api.review_desk(ledger, db)
    if listing:
        click.echo(review_view.render_list(desk.conflicts(), str(desk.target)), nl=False)
        return
    who = desk.reviewer(reviewer)
    if conflict_id is None:
        _walk(desk, who)
        return
    if verdict is None or note is None:
        raise click.UsageError(
            "give --verdict and --note with a conflict id "
            "(or no id, to review the open conflicts in turn)"
        )
    decided, where = desk.decide(conflict_id, Verdict(verdict), note, who, in_favour_of)
    click.echo(f"recorded {decided.verdict.value} for {decided.conflict} in {where}")


def _walk(desk: api.ReviewDesk, reviewer: str) -> None:
    """The interactive review: each open conflict, its claims side by side, a verdict and a
    note; Enter skips, q quits."""
    waiting, data = desk.waiting()
    if not waiting:
        click.echo(f"no open conflicts in {desk.target}")
        return
    done = 0
    for position, conflict in enumerate(waiting, start=1):
        click.echo(review_view.render_conflict(conflict, data, position, len(waiting)))
        answer = _ask_verdict(desk, conflict)
        if answer == "quit":
            break
        if not isinstance(answer, Verdict):
            continue  # skipped
        favoured = _ask_claim(conflict) if answer is Verdict.RESOLVED else None
        note = _ask("note (why)", required=True)
        if note is None:
            break
        decided, where = desk.decide(conflict, answer, note, reviewer, favoured)
        click.echo(f"recorded {decided.verdict.value} for {decided.conflict} in {where}\n")
        done += 1
    click.echo(
        f"{done} reviewed by {reviewer}; "
        f"{len(waiting) - done} left open (run `provenance review` again)"
    )


def _ask(text: str, *, required: bool = False) -> str | None:
    """A line from the user; None when input ends (treated as quit)."""
    while True:
        try:
            answer = str(click.prompt(text, default="", show_default=False)).strip()
        except click.Abort:
            return None
        if answer or not required:
            return answer


def _ask_verdict(desk: api.ReviewDesk, conflict: Conflict) -> Verdict | str | None:
    allowed = desk.choices(conflict)
    keys = {k: v for k, v in VERDICT_KEYS.items() if v in allowed}
    for key, value in keys.items():
        click.echo(f"  {key}  {value.value}: {allowed[value]}")
    click.echo("  Enter  skip    q  quit")
    while True:
        answer = _ask("verdict")
        if answer is None or answer.lower() in ("q", "quit"):
            return "quit"
        if answer == "" or answer.lower() in ("k", "skip"):
            return None
        chosen = keys.get(answer.lower()) or next(
            (v for v in keys.values() if v.value == answer.lower()), None
        )
        if chosen is not None:
            return chosen
        click.echo(f"  '{answer}' is not one of: {', '.join(keys)}, Enter, q")


def _ask_claim(conflict: Conflict) -> str:
    for n, claim in enumerate(conflict.claims, start=1):
        click.echo(f"  {n}  {claim}")
    while True:
        answer = _ask("which claim stands (number or id)") or ""
        if answer.isdigit() and 1 <= int(answer) <= len(conflict.claims):
            return str(conflict.claims[int(answer) - 1])
        if answer in conflict.claims:
            return answer
        click.echo(f"  choose 1 to {len(conflict.claims)}")


@main.command()
@click.argument("rule_id", metavar="[ID]", required=False)
def rules(rule_id: str | None) -> None:
    """List the conflict rules, or show one rule's documentation."""
    click.echo(rules_doc.render(rule_id), nl=False)


@main.group(name="names")
def names_group() -> None:
    """Work with names outside a ledger."""


@names_group.command(name="compare")
@click.argument("first", metavar="NAME")
@click.argument("second", metavar="NAME")
@click.option(
    "--kind",
    type=click.Choice(["person", "organisation", "place", "event", "other"]),
    help="The kind of both names.",
)
@click.option(
    "--kind-b",
    type=click.Choice(["person", "organisation", "place", "event", "other"]),
    help="The kind of the second name, when it differs.",
)
@click.pass_context
def names_compare(
    ctx: click.Context, first: str, second: str, kind: str | None, kind_b: str | None
) -> None:
    """Say whether two names are probably one name spelled two ways, and why.

    Exit status 0 when they are (same or variant), 1 when they are not.
    """
    match = names.compare(first, second, kind, kind_b or kind)
    click.echo(f"{match.verdict.value}  (score {match.score:.0f})\n{match.reason}")
    ctx.exit(EXIT_OK if match.verdict.value in ("same", "variant") else EXIT_CONFLICTS)


@main.group()
def add() -> None:
    """Add one source, entity or claim, checked like a ledger file."""


@add.command(name="source")
@click.argument("ident", metavar="ID")
@click.option("--title", required=True)
@click.option("--kind", required=True, help="news, wire, analysis, government, un, ngo, ...")
@click.option("--reliability", required=True, help="Admiralty grade A-F.")
@click.option("--publisher")
@click.option("--author", "authors", multiple=True, help="Repeat for several authors.")
@click.option("--published", help="Publication date, e.g. 2017-11-13.")
@click.option("--url")
@click.option("--language", help="Language code, e.g. en, ps, fa-AF.")
@click.option("--derived-from", multiple=True, metavar="ID", help="A source this one repeats.")
@click.option("--notes")
@db_option
def add_source(ident: str, db: str | None, **fields: Any) -> None:
    """Add a source."""
    _add(db, "sources", ident, fields)


@add.command(name="entity")
@click.argument("ident", metavar="ID")
@click.option("--kind", required=True, help="person, organisation, place, event or other.")
@click.option("--name", required=True, help="The canonical spelling.")
@click.option("--alias", "aliases", multiple=True, help="Another accepted name; repeatable.")
@click.option("--part-of", metavar="ID", help="The place (or event) this one sits inside.")
@click.option(
    "--distinct-from",
    multiple=True,
    metavar="ID",
    help="An entity with a look-alike name that is not this one.",
)
@click.option("--notes")
@db_option
def add_entity(ident: str, db: str | None, **fields: Any) -> None:
    """Add an entity."""
    _add(db, "entities", ident, fields)


@add.command(name="claim")
@click.argument("ident", metavar="ID")
@click.option("--subject", required=True, metavar="ID")
@click.option("--property", "property_", required=True, metavar="NAME")
@click.option(
    "--value", required=True, help="As the report says it: 'over 50', taliban, 2017-08-05, ..."
)
@click.option(
    "--value-kind",
    type=click.Choice(["quantity", "entity", "date", "text"]),
    help="Needed for a property the ledger does not know.",
)
@click.option("--source", required=True, metavar="ID")
@click.option("--said-by", multiple=True, metavar="ID", help="A speaker; repeatable.")
@click.option("--unit")
@click.option("--scope")
@click.option("--as-of", help="When the value holds: 2017, 2017-08, 2015/2018 ...")
@click.option("--polarity", type=click.Choice(["affirmed", "denied"]))
@click.option("--stance", help="e.g. 'claimed responsibility', 'preliminary'.")
@click.option("--quote", help="A short verbatim fragment.")
@click.option("--locator", help="Where in the source: paragraph, page.")
@click.option(
    "--mention",
    "mentions",
    multiple=True,
    metavar="NAME[=ID]",
    help="A name as the source spells it, optionally resolved; repeatable.",
)
@click.option("--confidence", help="0.8, '80%', 'likely', ...")
@click.option("--contradicts", multiple=True, metavar="ID")
@click.option("--supersedes", metavar="ID")
@click.option("--notes")
@db_option
def add_claim(ident: str, db: str | None, value_kind: str | None, **fields: Any) -> None:
    """Add a claim."""
    fields["property"] = fields.pop("property_")
    if value_kind:
        fields["value"] = {value_kind: fields["value"]}
    fields["mentions"] = [_mention(m) for m in fields["mentions"]]
    _add(db, "claims", ident, fields)


def _mention(text: str) -> dict[str, str]:
    name, _, entity = text.partition("=")
    return {"name": name, "entity": entity} if entity else {"name": name}


def _add(db: str | None, section: str, ident: str, options: dict[str, Any]) -> None:
    record = api.add(db, section, {"id": ident, **options})
    click.echo(f"added {section[:-1] if section != 'entities' else 'entity'} {record.id}")


def on_terminal() -> bool:
    return sys.stderr.isatty()


class _Progress:
    """A progress bar on stderr for imports that take more than a moment (and only on a
    terminal): nothing appears during the first second."""

    DELAY = 1.0

    def __init__(self, label: str) -> None:
        self.label = label
        self.started = time.monotonic()
        self.bar: Any = None
        self.shown = 0

    def __enter__(self) -> _Progress:
        return self

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < self.DELAY or not on_terminal():
                return
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.shown)
        self.shown = done

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
