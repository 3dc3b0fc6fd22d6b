"""Every command's --help ends its description with an example of the command itself."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from provenance.cli import main
from test_contracts import commands


@pytest.mark.parametrize("words", commands(main), ids=" ".join)
def test_every_help_has_an_example_of_its_own_command(words: tuple[str, ...]) -> None:
    shown = CliRunner().invoke(main, [*words, "--help"], terminal_width=200).output
    example = next((line for line in shown.splitlines() if "Example: " in line), None)
    assert example is not None, f"{' '.join(words)} --help has no example"
    assert example.split("Example: ", 1)[1].startswith(f"provenance {' '.join(words)}")
