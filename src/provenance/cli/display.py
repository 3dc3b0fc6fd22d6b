"""Whether text for people goes to a terminal, and so how it is shown: colour (unless
NO_COLOR is set or the terminal is dumb) and wrapping to the terminal's width; a file, a
pipe or CI gets plain text, one record a line."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from provenance.reports.check.common import Display


def display(output: Path | None) -> Display:
    """How `check`'s text report is shown: plain unless it goes to a terminal."""
    if output is not None or not sys.stdout.isatty():
        return Display()
    colour = not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
    return Display(colour=colour, width=shutil.get_terminal_size().columns)
