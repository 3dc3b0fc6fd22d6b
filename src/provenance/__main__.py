"""`python -m provenance`: the same command line as the `provenance` script."""

from __future__ import annotations

from provenance.cli import main

main(prog_name="provenance")
