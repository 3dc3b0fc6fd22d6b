"""`provenance fmt`: ledger files in canonical form, or (--check) which of them are not."""

from __future__ import annotations

from pathlib import Path

import click

from provenance.cli.shared import api, say
from provenance.errors import EXIT_CONFLICTS


@click.command(name="fmt")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--check", is_flag=True, help="Change nothing; list the files not in canonical form, exit 1."
)
@click.pass_context
def fmt(ctx: click.Context, paths: tuple[Path, ...], check: bool) -> None:
    """Write ledger files (PATHS, default claims/) in canonical form: sections and keys in
    the order export writes them, two-space indents; comments and the spelling of values
    kept. With --check, exit 1 and name the files that are not, as CI does.

    Example: provenance fmt --check claims/
    """
    changed = api.format_ledger(paths or (Path("claims"),), check=check)
    for path in changed:
        say(f"{'would reformat' if check else 'reformatted'} {path}")
    if not changed:
        say("every ledger file is in canonical form")
    elif check:
        say(f"{len(changed)} file{'s' if len(changed) != 1 else ''} not in canonical form "
            "(run provenance fmt)")  # fmt: skip
        ctx.exit(EXIT_CONFLICTS)
