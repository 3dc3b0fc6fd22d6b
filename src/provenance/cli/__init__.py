"""The command line: options in, one api call, rendered output, an exit code. Nothing else.
One module per family of commands, each registered here; shared.py holds what they share."""

from __future__ import annotations

import click

from provenance import __version__
from provenance.cli import (
    add_commands,
    check_commands,
    format_command,
    ledger_commands,
    list_commands,
    review_command,
)
from provenance.cli.shared import Provenance


@click.group(cls=Provenance, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="provenance")
def main() -> None:
    """Record claims with their sources and speakers, and find where reports disagree."""


COMMANDS: tuple[click.Command, ...] = (
    ledger_commands.init,
    ledger_commands.import_,
    ledger_commands.export,
    ledger_commands.show,
    ledger_commands.claims_,
    add_commands.add,
    check_commands.check,
    check_commands.report,
    list_commands.rules,
    list_commands.entities,
    list_commands.sources,
    list_commands.archive_,
    format_command.fmt,
    check_commands.names_group,
    review_command.review,
)
for _command in COMMANDS:
    main.add_command(_command)

__all__ = ["main"]
