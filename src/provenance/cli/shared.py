"""What every command shares: the error handler that turns a user's mistake into a message
and exit status 2, the options several commands declare, writing a report to a file, and the
modules commands load when they run.

Start-up is kept light (`--help`, `--version` and `rules` never load the database layer):
api, the name matcher and the reports for people are bound here for the type checker, and
at run time to modules that load on first use (``lazy``)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar

import click

from provenance.errors import ProvenanceError
from provenance.reports.terminal import for_format, visible
from provenance.targets import Target, resolve


def lazy(name: str) -> ModuleType:
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
    from provenance import api as api
    from provenance import names as names
    from provenance import writing as writing
    from provenance.reports import records as records
    from provenance.reports import review_view as review_view
    from provenance.reports import rules_doc as rules_doc
    from provenance.reports import summary as summary
    from provenance.reports.contradictions import content as content
    from provenance.reports.contradictions import edition as edition
else:
    api = lazy("provenance.api")
    names = lazy("provenance.names")
    records = lazy("provenance.reports.records")
    review_view = lazy("provenance.reports.review_view")
    rules_doc = lazy("provenance.reports.rules_doc")
    summary = lazy("provenance.reports.summary")
    content = lazy("provenance.reports.contradictions.content")
    edition = lazy("provenance.reports.contradictions.edition")
    writing = lazy("provenance.writing")

F = TypeVar("F", bound=Callable[..., Any])


class Provenance(click.Group):
    """Maps a user's mistake to a message on stderr and exit status 2, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ProvenanceError as error:
            for line in error.lines():
                say(f"error: {line}", err=True)
            ctx.exit(error.exit_code)


def db_option(command: F) -> F:
    return click.option(
        "--db",
        metavar="URL",
        envvar="PROVENANCE_DB",
        help="Database: a SQLite file path or an SQLAlchemy URL "
        "(default: $PROVENANCE_DB, else .provenance/provenance.db).",
    )(command)


def ledger_option(command: F) -> F:
    return click.option(
        "--ledger",
        type=click.Path(file_okay=False, path_type=Path),
        help="The ledger folder to use (default: claims/ here, unless --db or "
        "$PROVENANCE_DB names a database).",
    )(command)


def announce(target: Target, *, indexed: bool = False) -> None:
    """The one line on stderr that says which ledger a command used."""
    say(target.describe(indexed=indexed), err=True)


def reading(db: str | None, ledger: Path | None) -> Target:
    """The ledger a reading command uses (targets.resolve), announced: a ledger folder is
    read through its index."""
    target = resolve((), db, ledger=ledger)
    announce(target, indexed=True)
    return target


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


def say(text: str, *, nl: bool = True, err: bool = False) -> None:
    """click.echo, with control characters from the ledger made visible (reports.terminal)."""
    click.echo(visible(text), nl=nl, err=err)


def emit(text: str, output: Path | None, fmt: str = "text") -> None:
    """A report on standard output, or in ``output`` (provenance.writing: never seen
    half-written, a device or pipe written in place); control characters made visible."""
    safe = for_format(fmt, text)
    if output is None:
        click.echo(safe, nl=False)
        return
    writing.write_file(output, safe)
