"""Spellings for the spelling-variant rule: every written form of a name gathered under a
typographic key, candidate pairs found by blocking keys in one dict pass, and look-alike
letters from other scripts read as the Latin letters they imitate."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

from provenance import names
from provenance.checks.context import NameRow
from provenance.transliteration import TITLES, fold_raw_token

# Cyrillic and Greek letters that look like Latin ones (the common confusables).
LOOKALIKES = str.maketrans(
    {
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "һ": "h",
        "ԛ": "q",
        "ԝ": "w",
        "ӏ": "l",
        "А": "A",
        "В": "B",
        "Е": "E",
        "К": "K",
        "М": "M",
        "Н": "H",
        "О": "O",
        "Р": "P",
        "С": "C",
        "Т": "T",
        "Х": "X",
        "І": "I",
        "Ј": "J",
        "Ѕ": "S",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "Α": "A",
        "Β": "B",
        "Ε": "E",
        "Η": "H",
        "Ι": "I",
        "Κ": "K",
        "Μ": "M",
        "Ν": "N",
        "Ο": "O",
        "Ρ": "P",
        "Τ": "T",
        "Υ": "Y",
        "Χ": "X",
        "Ζ": "Z",
    }
)


def spelling_key(name: str) -> str:
    """A name as written, minus what is only typography: case, accents, hyphens, spaces and
    apostrophes, and titles at the start ("Mullah Omar" and "Omar" are one spelling)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['`´ʹʻʼʽʾʿ‘’]", "", text)
    words = re.findall(r"\w+", text)
    while len(words) > 1 and fold_raw_token(words[0]) in TITLES:
        words = words[1:]
    return " ".join(words)


def without_titles(name: str) -> str:
    """The name as written, less the titles in front ("Mullah Omar" -> "Omar")."""
    words = name.split()
    while len(words) > 1 and fold_raw_token(spelling_key(words[0]) or words[0]) in TITLES:
        words = words[1:]
    return " ".join(words)


def mixes_scripts(name: str) -> bool:
    """A word written in two scripts at once: usually a look-alike letter pasted in."""
    return any(len(names.scripts(word)) > 1 for word in name.split())


def lookalike_key(name: str) -> str:
    return spelling_key(name.translate(LOOKALIKES))


@dataclass
class Spelling:
    """One spelling and every place it is written; what the rule asks of it is worked out
    once, by ``settle``, when all its rows are in."""

    key: str
    rows: list[NameRow] = field(default_factory=list)
    name: str = ""
    declared_by: frozenset[str] = frozenset()
    entities: frozenset[str] = frozenset()
    kind: str | None = None
    mixed: bool = False
    words: frozenset[str] = frozenset()

    def settle(self) -> Spelling:
        own = [r.name for r in self.rows if r.role in ("name", "alias")]
        self.name = own[0] if own else self.rows[0].name
        self.declared_by = frozenset(
            r.entity for r in self.rows if r.role != "mention" and r.entity
        )
        self.entities = frozenset(r.entity for r in self.rows if r.entity)
        kinds = {r.kind for r in self.rows if r.kind}
        self.kind = kinds.pop() if len(kinds) == 1 else None
        self.mixed = mixes_scripts(self.name)
        self.words = frozenset(names.tokens(self.key))
        return self

    def describe(self) -> str:
        owners = sorted(self.declared_by)
        mentions = sum(1 for r in self.rows if r.role == "mention")
        parts = [f"{self.kind or 'entity'} {e}" for e in owners]
        if mentions:
            parts.append(f"{mentions} mention{'s' if mentions != 1 else ''}")
        return ", ".join(parts)


def gather(rows: Iterable[NameRow]) -> dict[str, Spelling]:
    spellings: dict[str, Spelling] = {}
    for row in rows:
        key = spelling_key(row.name)
        if key:
            spellings.setdefault(key, Spelling(key)).rows.append(row)
    return {key: spelling.settle() for key, spelling in spellings.items()}


def candidate_pairs(spellings: dict[str, Spelling], max_block: int) -> Iterator[tuple[str, str]]:
    """Pairs of spellings sharing a blocking key (look-alike letters read as Latin), each
    pair once; a block larger than ``max_block`` is too common a key to be worth pairing."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key, spelling in spellings.items():
        shown = spelling.name.translate(LOOKALIKES) if spelling.mixed else spelling.name
        for block in names.blocking_keys(shown):
            blocks[block].append(key)
    seen: set[tuple[str, str]] = set()
    for members in blocks.values():
        if len(members) > max_block:
            continue
        for a, b in combinations(sorted(set(members)), 2):
            if (a, b) not in seen:
                seen.add((a, b))
                yield a, b
