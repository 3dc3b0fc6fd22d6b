"""Text that reaches a terminal shows what it holds and does nothing else: control characters
from a ledger or a database (ESC opening a sequence that sets the window title, writes the
clipboard or recolours the screen; the 8-bit CSI and OSC; a carriage return or backspace
that overwrites what was shown) are written as their codes, ``\\x1b``, ``\\x9b``."""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Every C0 control but tab and new line, DEL, and every C1 control."""
RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029]")
"""Characters JSON leaves raw in a string that a terminal (or a JavaScript reader) acts on."""

MACHINE_FORMATS = frozenset({"json", "sarif"})
"""Formats that are JSON: their strings get JSON escapes, the same value to any reader."""


def visible(text: str) -> str:
    """``text`` with each control character written as its code."""
    return CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def json_visible(text: str) -> str:
    """JSON ``text`` with those characters escaped as \\u00XX inside its strings."""
    return RAW_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def for_format(fmt: str, text: str) -> str:
    """A rendered report, safe on a terminal in its own terms."""
    return json_visible(text) if fmt in MACHINE_FORMATS else visible(text)
