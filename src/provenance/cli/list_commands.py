"""The commands that list what the ledger and the checker know (entities, sources and rules,
as tables for people or JSON and CSV for machines), and `archive`, which keeps a source's
text with the ledger."""

from __future__ import annotations

from pathlib import Path

import click

from provenance.cli.shared import (
    api,
    db_option,
    emit,
    format_option,
    ledger_option,
    reading,
    rules_doc,
    say,
)
from provenance.cli.shared import lazy as _lazy
from provenance.model import EntityKind

listing = _lazy("provenance.reports.listing")
FORMATS = ("table", "json", "csv")


@click.command()
@click.option(
    "--kind", type=click.Choice([k.value for k in EntityKind]), help="Only entities of this kind."
)
@format_option(FORMATS, "table for people; json or csv for machines.")
@ledger_option
@db_option
def entities(kind: str | None, fmt: str, ledger: Path | None, db: str | None) -> None:
    """List the entities: people, organisations, places and events, with their aliases.

    Example: provenance entities --kind place --format csv
    """
    target = reading(db, ledger)
    emit(listing.render_entities(api.list_entities(target, kind), fmt), None, fmt)


@click.command()
@format_option(FORMATS, "table for people; json or csv for machines.")
@ledger_option
@db_option
def sources(fmt: str, ledger: Path | None, db: str | None) -> None:
    """List the sources with their kind, reliability, publisher and date.

    Example: provenance sources --format json
    """
    target = reading(db, ledger)
    emit(listing.render_sources(api.list_sources(target), fmt), None, fmt)


@click.command()
@click.argument("rule_id", metavar="[ID]", required=False)
@format_option(FORMATS, "table (or one rule's documentation) for people; json or csv.")
def rules(rule_id: str | None, fmt: str) -> None:
    """List the conflict rules, or show one rule's documentation.

    Example: provenance rules numeric-conflict
    """
    page = rules_doc.render(rule_id)  # an unknown id is said here, with the closest ids
    emit(page if fmt == "table" else listing.render_rules(fmt, rule_id), None, fmt)


@click.command(name="archive")
@click.argument("source_id", metavar="SOURCE")
@click.argument("text_file", metavar="FILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--ledger",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("claims"),
    show_default=True,
    help="The ledger folder that holds the source.",
)
def archive_(source_id: str, text_file: Path, ledger: Path) -> None:
    """Keep a source's text with the ledger, for quote-not-found: FILE is copied to
    archives/SOURCE.txt beside the file that holds the source, and its path and sha256 are
    written into the source's archive field (the rest of that file left as it was).

    Example: provenance archive caci-2017-11-13 ~/Downloads/caci-article.txt
    """
    done = api.archive_source(ledger, source_id, text_file)
    say(
        f"archived {text_file} as {done.stored} (sha256 {done.sha256[:12]}…); "
        f"archive: written for source {done.source} in {done.ledger_file}"
    )
