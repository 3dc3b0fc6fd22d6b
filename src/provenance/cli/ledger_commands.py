"""The commands that keep the ledger database: init, import, export, show and claims."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

import click

from provenance.cli.shared import (
    api,
    db_option,
    emit,
    format_option,
    lazy,
    ledger_option,
    reading,
    records,
    say,
    summary,
)
from provenance.exports import FORMATS as EXCHANGE_FORMATS


@click.command()
@db_option
def init(db: str | None) -> None:
    """Create the ledger database, or bring its schema up to date.

    Example: provenance init --db team.db
    """
    result = api.init(db)
    say(f"ledger database ready at {result.database} (schema {result.revision})")


@click.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--prune",
    is_flag=True,
    help="Remove stored sources, entities and claims that are not in PATHS "
    "(reviews are always kept).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 2),
    help="Processes to read the files with: 1, or 2 (default: 2 from 2 MB of files when a "
    "second core is free).",
)
@db_option
def import_(paths: tuple[Path, ...], prune: bool, jobs: int | None, db: str | None) -> None:
    """Load ledger files or folders into the database, all or nothing.

    Example: provenance import claims/ --prune
    """
    with _Progress("reading ledger") as progress:
        result = api.import_ledger(paths, db, prune=prune, progress=progress.update, jobs=jobs)
    say(summary.render_import(paths, result))


@click.command()
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one file per original ledger file under this folder, or the exchange "
    "format's one file (default: the whole ledger on standard output).",
)
@format_option(
    ("yaml", "json", *EXCHANGE_FORMATS),
    "yaml or json as the ledger is kept; prov-json (W3C PROV), stix (STIX 2.1), "
    "claimreview (schema.org JSON-LD) or events-csv (an event table) to exchange.",
)
@ledger_option
@db_option
def export(out_dir: Path | None, fmt: str, ledger: Path | None, db: str | None) -> None:
    """Write the ledger back as YAML or JSON, stably, or in an exchange format.

    Example: provenance export -o exported/ --format yaml
    """
    target = reading(db, ledger)
    result = api.export_ledger(target, out_dir, fmt)
    if isinstance(result, str):
        emit(result, None, fmt)
    else:
        count = len(result.written)
        say(f"wrote {count} file{'s' if count != 1 else ''} to {out_dir}", err=True)
        if result.others:
            shown = ", ".join(str(p) for p in result.others[:5])
            more = f" and {len(result.others) - 5} more" if len(result.others) > 5 else ""
            say(
                f"warning: {out_dir} also holds {len(result.others)} ledger file"
                f"{'s' if len(result.others) != 1 else ''} this export did not write "
                f"(left from an earlier export?): {shown}{more}; importing the folder would "
                "read them too (remove them, or export into an empty folder)",
                err=True,
            )


LIST_FORMATS = ("table", "json", "csv")
listing = lazy("provenance.reports.listing")


@click.command()
@click.argument("ident", metavar="ID")
@format_option(LIST_FORMATS, "table for people; json or csv (the claims involved) for machines.")
@ledger_option
@db_option
def show(ident: str, fmt: str, ledger: Path | None, db: str | None) -> None:
    """Show a claim, entity or source with its provenance, or a conflict (by its id or the
    start of it) with its reviews.

    Example: provenance show mirza-olang-attack
    """
    target = reading(db, ledger)
    view = api.show(target, ident)
    emit(records.render_view(view) if fmt == "table" else listing.render_show(view, fmt), None, fmt)


@click.command(name="claims")
@click.option("--subject", metavar="ID", help="Only claims about this entity.")
@click.option("--property", "prop", metavar="NAME", help="Only claims of this property.")
@click.option("--source", metavar="ID", help="Only claims reported by this source.")
@click.option("--said-by", metavar="ID", help="Only claims made by this speaker.")
@format_option(LIST_FORMATS, "table for people; json or csv for machines.")
@ledger_option
@db_option
def claims_(
    subject: str | None,
    prop: str | None,
    source: str | None,
    said_by: str | None,
    fmt: str,
    ledger: Path | None,
    db: str | None,
) -> None:
    """List claims as a table, filtered by subject, property, source or speaker. A filter
    value the ledger does not know is an error (exit 2) that names the closest known ones.

    Example: provenance claims --subject mirza-olang-attack --property killed --format csv
    """
    target = reading(db, ledger)
    found = api.list_claims(target, subject=subject, prop=prop, source=source, said_by=said_by)
    table = fmt == "table"
    emit(
        records.render_claims(found) if table else listing.render_claim_list(found, fmt), None, fmt
    )


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
