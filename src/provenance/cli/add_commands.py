"""`provenance add source|entity|claim`: one record from options, checked like a ledger file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from provenance.cli.shared import announce, api, db_option, ledger_option, say
from provenance.targets import resolve

F = TypeVar("F", bound=Callable[..., Any])


def where_options(command: F) -> F:
    """--file, --ledger and --db: where an added record goes (see targets.resolve)."""
    command = click.option(
        "--file",
        type=click.Path(dir_okay=False, path_type=Path),
        help="The ledger file (inside the ledger folder) to add the record to "
        "(default: added.yaml in the ledger folder).",
    )(command)
    return db_option(ledger_option(command))


@click.group()
def add() -> None:
    """Add one source, entity or claim, checked like a ledger file.

    With a ledger folder (claims/ here, or --ledger DIR) the record is written into its
    files, added.yaml unless --file names another; with a database (--db), into it.

    Example: provenance add entity mirza-olang --kind place --name "Mirza Olang"
    """


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
@where_options
def add_source(ident: str, **fields: Any) -> None:
    """Add a source.

    Example: provenance add source wire-1 --title "Dozens killed" --kind news --reliability C
    """
    _add("sources", ident, fields)


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
@where_options
def add_entity(ident: str, **fields: Any) -> None:
    """Add an entity.

    Example: provenance add entity mirza-olang --kind place --name "Mirza Olang"
    """
    _add("entities", ident, fields)


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
@where_options
def add_claim(ident: str, value_kind: str | None, **fields: Any) -> None:
    """Add a claim.

    Example: provenance add claim c1 --subject mirza-olang-attack --property killed
    --value 'at least 36' --source wire-1
    """
    fields["property"] = fields.pop("property_")
    if value_kind:
        fields["value"] = {value_kind: fields["value"]}
    fields["mentions"] = [_mention(m) for m in fields["mentions"]]
    _add("claims", ident, fields)


def _mention(text: str) -> dict[str, str]:
    name, _, entity = text.partition("=")
    return {"name": name, "entity": entity} if entity else {"name": name}


def _add(section: str, ident: str, options: dict[str, Any]) -> None:
    db, ledger, file = options.pop("db"), options.pop("ledger"), options.pop("file")
    target = resolve((), db, ledger=ledger)
    announce(target)
    record, where = api.add(target, section, {"id": ident, **options}, file)
    say(f"added {section[:-1] if section != 'entities' else 'entity'} {record.id} to {where}")
