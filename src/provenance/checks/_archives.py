"""Archived source texts for the quote-not-found rule: read once each, normalised the same
way as the quotes looked for in them, and searched without ever re-anchoring a quote."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from rapidfuzz import fuzz

# curly quotes, primes and accents used as quotes -> straight; dashes and minus -> hyphen
_MARKS = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u0060\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    }
)
# soft hyphen, zero-width spaces and joiners, byte order mark: invisible in the text
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_BRACKETED_ELLIPSIS = re.compile(r"[\[(]\s*\.\.\.\s*[\])]")
HINT_MARGIN = 40  # characters a closest passage may run beyond the length of what is sought


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """One character as it is compared: compatibility form, case folded, marks made plain;
    any whitespace becomes one space."""
    if char in _INVISIBLE:
        return ""
    folded = unicodedata.normalize("NFKC", char).casefold().translate(_MARKS)
    return "".join(" " if c.isspace() else c for c in folded)


class Normalised:
    """A text as it is compared, with the position in the original of each character (worked
    out only when asked: a hint needs them, a match does not)."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = _fast(original) if original.isascii() else _walk(original)[0]

    @cached_property
    def positions(self) -> array[int]:
        return _walk(self.original)[1]


def normalise(original: str) -> Normalised:
    """NFKC, case folded, curly quotes straight, dashes as '-', every run of whitespace one
    space, no space at either end."""
    return Normalised(original)


_ASCII_MARKS = str.maketrans({"`": "'"})
_SPACES = re.compile(r"\s+")


def _fast(original: str) -> str:
    """normalise() of ASCII text, a string at a time rather than a character at a time."""
    return _SPACES.sub(" ", original.lower().translate(_ASCII_MARKS)).strip(" ")


def _walk(original: str) -> tuple[str, array[int]]:
    chars: list[str] = []
    positions: array[int] = array("q")
    for index, char in enumerate(original):
        for folded in _fold(char):
            if folded == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(folded)
            positions.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        positions.pop()
    return "".join(chars), positions


def quote_parts(quote: str) -> list[str]:
    """The parts of a quote that must appear in order: an ellipsis ('...', '…', '[...]')
    stands for words left out."""
    plain = _BRACKETED_ELLIPSIS.sub("...", normalise(unicodedata.normalize("NFC", quote)).text)
    return [part.strip() for part in plain.split("...") if part.strip()]


def missing_part(text: str, parts: Sequence[str]) -> int | None:
    """The index of the first part not found after the parts before it, or None when every
    part is found in order."""
    position = 0
    for index, part in enumerate(parts):
        found = text.find(part, position)
        if found < 0:
            return index
        position = found + len(part)
    return None


@dataclass(frozen=True, slots=True)
class Passage:
    """The passage of the original text most like what was sought, and how alike (0-100)."""

    text: str
    score: float


def closest(archive: Normalised, original: str, sought: str) -> Passage | None:
    """A hint for the analyst, never accepted as a match."""
    if not archive.text or not sought:
        return None
    found = fuzz.partial_ratio_alignment(sought, archive.text)
    if found is None or found.dest_end <= found.dest_start:
        return None
    start = archive.positions[found.dest_start]
    end = archive.positions[found.dest_end - 1] + 1
    while start > 0 and original[start - 1].isalnum():
        start -= 1
    while end < len(original) and original[end].isalnum() and end - start < len(sought) + 80:
        end += 1
    passage = " ".join(original[start:end].split())
    if len(passage) > len(sought) + HINT_MARGIN:
        passage = passage[: len(sought) + HINT_MARGIN].rstrip() + "…"
    return Passage(passage, round(found.score, 1))


@dataclass(frozen=True, slots=True)
class ArchiveText:
    """What reading one archived text gave: a problem ("outside", "missing", "unreadable")
    or the text; ``digest`` is the sha256 of its bytes whenever they were read."""

    path: Path
    problem: str | None = None
    reason: str = ""
    resolved: Path | None = None
    digest: str | None = None
    original: str = ""
    normalised: Normalised | None = None


def read_archive(path: Path, folders: Sequence[Path]) -> ArchiveText:
    """The archived text at ``path``, never read when it resolves (symlinks followed)
    outside every one of ``folders``."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as error:
        return ArchiveText(path, "unreadable", _why(error))
    if not any(resolved.is_relative_to(folder) for folder in folders):
        return ArchiveText(path, "outside", resolved=resolved)
    if not resolved.exists():
        return ArchiveText(path, "missing", resolved=resolved)
    try:
        data = resolved.read_bytes()
    except OSError as error:
        return ArchiveText(path, "unreadable", _why(error), resolved)
    digest = hashlib.sha256(data).hexdigest()
    try:
        original = unicodedata.normalize("NFC", data.decode("utf-8"))
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text: byte {error.start}"
        return ArchiveText(path, "unreadable", reason, resolved, digest)
    return ArchiveText(path, None, "", resolved, digest, original, normalise(original))


def _why(error: BaseException) -> str:
    return getattr(error, "strerror", None) or type(error).__name__
