"""The commands that list what the ledger and the checker know: entities, sources and rules,
as tables for people or JSON and CSV for machines."""

from __future__ import annotations

import click

from provenance.cli.shared import api, db_option, emit, format_option, rules_doc
from provenance.cli.shared import lazy as _lazy
from provenance.model import EntityKind

listing = _lazy("provenance.reports.listing")
FORMATS = ("table", "json", "csv")


@click.command()
@click.option(
    "--kind", type=click.Choice([k.value for k in EntityKind]), help="Only entities of this kind."
)
@format_option(FORMATS, "table for people; json or csv for machines.")
@db_option
def entities(kind: str | None, fmt: str, db: str | None) -> None:
    """List the entities: people, organisations, places and events, with their aliases.

    Example: provenance entities --kind place --format csv
    """
    emit(listing.render_entities(api.list_entities(db, kind), fmt), None, fmt)


@click.command()
@format_option(FORMATS, "table for people; json or csv for machines.")
@db_option
def sources(fmt: str, db: str | None) -> None:
    """List the sources with their kind, reliability, publisher and date.

    Example: provenance sources --format json
    """
    emit(listing.render_sources(api.list_sources(db), fmt), None, fmt)


@click.command()
@click.argument("rule_id", metavar="[ID]", required=False)
@format_option(FORMATS, "table (or one rule's documentation) for people; json or csv.")
def rules(rule_id: str | None, fmt: str) -> None:
    """List the conflict rules, or show one rule's documentation.

    Example: provenance rules numeric-conflict
    """
    page = rules_doc.render(rule_id)  # an unknown id is said here, with the closest ids
    emit(page if fmt == "table" else listing.render_rules(fmt, rule_id), None, fmt)
