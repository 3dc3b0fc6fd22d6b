"""The commands that read the ledger as a whole: check, report, rules and names compare."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import click

from provenance.caching import cache_place
from provenance.cli.display import display
from provenance.cli.shared import (
    announce,
    api,
    config_option,
    content,
    db_option,
    edition,
    emit,
    format_option,
    names,
    output_option,
    say,
)
from provenance.errors import EXIT_CONFLICTS, EXIT_OK, LedgerInvalid, Problem, ProvenanceError
from provenance.model import Severity
from provenance.reports.check import FORMATS, CheckReport
from provenance.reports.contradictions import FORMATS as REPORT_FORMATS
from provenance.reports.contradictions import render
from provenance.targets import resolve


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(
    list(FORMATS),
    "text for people; concise (path:line: rule-id message) for editors and hooks; json, "
    "sarif, junit or github for machines.",
)
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
    help="Processes to check with: 1, or 2 (default: 2 for a database from 50,000 claims on "
    "a machine with two cores or more, and 2 to read ledger files from 2 MB when a second "
    "core is free).",
)
@click.option(
    "--timings",
    is_flag=True,
    help="Also report the seconds each rule took (text and json formats; json output is "
    "otherwise the same on every run over the same input).",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when conflicts fail (report only).")
@click.option(
    "--diff-base",
    metavar="REF",
    help="Put each conflict's annotation on a file changed since this git commit "
    "(default: on the ledger file modified last).",
)
@click.option(
    "--new-since",
    metavar="REF",
    help="Fail only on conflicts that the ledger did not hold at this git commit (the "
    "others are counted, not shown): to adopt the gate on an existing ledger.",
)
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Keep the check cache here (default: $PROVENANCE_CACHE, else .provenance/cache "
    "beside the ledger folder): files and names unchanged since the last check are not "
    "worked out again; the result is the same.",
)
@click.option("--no-cache", is_flag=True, help="Check without reading or writing the cache.")
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
    exit_zero: bool,
    diff_base: str | None,
    new_since: str | None,
    cache_dir: Path | None,
    no_cache: bool,
    db: str | None,
) -> None:
    """Find conflicts in ledger files (PATHS) or, without PATHS, in the ledger found as
    every command finds it: claims/ here, else the database (--db).

    A ledger that cannot be read is reported in every format (rule ledger-error) and -o is
    written all the same. Exit status: 0 no unreviewed conflict at or above --fail-on,
    1 some, 2 bad input.

    Example: provenance check claims/ --format sarif -o results.sarif
    """
    started = datetime.now(UTC)
    target = resolve(paths, db)
    announce(target)
    named = " ".join(str(p) for p in target.paths) if target.files else "the database"
    shown = display(output)
    try:
        settings = api.check_settings(
            target.paths, config, fail_on=fail_on, severities=severities, options=options
        )
        result, baseline = api.gate(
            target.paths,
            target.db,
            settings,
            only=only,
            ignore=ignore,
            jobs=jobs,
            diff_base=diff_base,
            new_since=new_since,
            cache=cache_place(target.paths, cache_dir, off=no_cache),
        )
    except ProvenanceError as error:
        if fmt != "text" or output is not None:
            emit(FORMATS[fmt](broken_report(error, named)), output, fmt)
        raise
    report = CheckReport(
        result,
        settings.fail_on,
        include_reviewed,
        named,
        timings,
        shown,
        exit_zero,
        started,
        baseline=baseline,
    )
    if shown.colour and fmt == "text":
        click.echo(FORMATS[fmt](report), nl=False)  # the ledger's text already made visible
    else:
        emit(FORMATS[fmt](report), output, fmt)
    ctx.exit(report.exit_code)


def broken_report(error: ProvenanceError, named: str) -> CheckReport:
    """What a check that could not run reports in a machine format: the problems."""
    if isinstance(error, LedgerInvalid):
        problems, unlisted = tuple(error.problems), error.dropped.total()
    else:
        problems, unlisted = (Problem(named, 0, str(error)),), 0
    from provenance.checker import CheckResult  # loaded when a check runs, not for --help

    empty = CheckResult(())
    return CheckReport(empty, Severity.WARNING, False, named, problems=problems, unlisted=unlisted)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@format_option(list(REPORT_FORMATS))
@output_option
@click.option("--subject", metavar="ID", help="Only the conflicts about this entity.")
@click.option(
    "--include-decided",
    is_flag=True,
    help="Also show conflicts decided as not conflicts, and reviewed spellings (open, "
    "disputed and resolved ones are always shown).",
)
@click.option(
    "--title",
    help="The report's title (default: [report] title in provenance.toml, else the ledger "
    "folder's name).",
)
@click.option(
    "--scope",
    help="What the report covers, in a line (default: [report] scope, else what was read).",
)
@click.option(
    "--date", "date_", metavar="DATE", help="The report's date, e.g. 2026-11-30 (default: today)."
)
@click.option(
    "--maintainer",
    is_flag=True,
    help="The maintainer's view: claim and conflict ids, rules, file:line, summary counts.",
)
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="A folder of templates that replace the HTML page's own by name (report.html, "
    "header.html, style.css ...), to brand the page.",
)
@config_option("Settings file, as for check.")
@db_option
def report(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    subject: str | None,
    include_decided: bool,
    title: str | None,
    scope: str | None,
    date_: str | None,
    maintainer: bool,
    template: Path | None,
    config: Path | None,
    db: str | None,
) -> None:
    """Publish the disagreements side by side: ledger files (PATHS) or, without PATHS, the
    ledger found as every command finds it (claims/ here, else the database).

    Example: provenance report claims/ --format html -o report.html
    """
    target = resolve(paths, db)
    announce(target)
    settings = api.check_settings(target.paths, config)
    data = api.report(target.paths, target.db, settings, subject=subject)
    given = settings.report  # [report] in provenance.toml; the flags win
    options = edition.Options(
        include_decided,
        title or given.get("title"),
        scope or given.get("scope"),
        date_ or given.get("date"),
        maintainer,
        subject,
    )
    emit(render(content.build(data, options), fmt, template), output, fmt)


@click.group(name="names")
def names_group() -> None:
    """Work with names outside a ledger.

    Example: provenance names compare Mansoor Mansour --kind person
    """


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
    """Say whether two names are one name spelled two ways, and why: the confident tier
    (what `check` reports as spelling-variant), the review tier (possible-variant, for the
    review queue), or neither, with the calibrated score and each signal that decided it.

    Exit status 0 in the confident tier, 1 otherwise.

    Example: provenance names compare "Attaullah Khogyani" "عطاء الله خوغياني" --kind person
    """
    match = names.compare(first, second, kind, kind_b or kind)
    tier = {"confident": "spelling-variant (confident)", "possible": "possible-variant (review)"}
    say(
        f"{match.verdict.value}  {tier.get(match.tier or '', 'no tier')}  (score {match.score:.0f})"
    )
    say(match.reason)
    for reason in match.reasons:
        say(f"  - {reason}")
    ctx.exit(EXIT_OK if match.tier == "confident" else EXIT_CONFLICTS)
