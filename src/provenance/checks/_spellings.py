"""Spellings for the spelling-variant rule: every written form of a name gathered under a
typographic key, candidate pairs found by blocking keys in one dict pass, and look-alike
letters from other scripts read as the Latin letters they imitate."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from rapidfuzz import fuzz, process

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


def spelling_key(name: str, titles: bool = True) -> str:
    """A name as written, minus what is only typography: case, accents, hyphens, spaces and
    apostrophes, and (with ``titles``, for people and names of unknown kind) titles at the
    start: "Mullah Omar" and "Omar" are one spelling, but "Mullah Khel" is a village."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", name).casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['`´ʹʻʼʽʾʿ‘’]", "", text)
    words = re.findall(r"\w+", text)
    while titles and len(words) > 1 and fold_raw_token(words[0]) in TITLES:
        words = words[1:]
    return " ".join(words)


def titled(kind: str | None) -> bool:
    """Whether a name of this kind may begin with a title: people's, and unknown kinds'."""
    return kind in (None, "person")


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
    analysis: names.Analysis | None = None
    folded: str = ""  # what the cheap first look compares
    blocks: frozenset[str] = frozenset()

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
        self.analysis = names.analyse(self.key)
        self.words = frozenset(names.tokens_of(self.analysis))
        # a name with look-alike letters is paired by how it reads
        shown = names.analyse(self.name.translate(LOOKALIKES)) if self.mixed else self.analysis
        self.folded, self.blocks = shown.folded, names.keys_of(shown)
        return self

    def describe(self) -> str:
        owners = sorted(self.declared_by)
        mentions = sum(1 for r in self.rows if r.role == "mention")
        parts = [f"{self.kind or 'entity'} {e}" for e in owners]
        if mentions:
            parts.append(f"{mentions} mention{'s' if mentions != 1 else ''}")
        return ", ".join(parts)


def gather(rows: Iterable[NameRow]) -> list[Spelling]:
    """Every spelling, with its rows (each distinct name is keyed once)."""
    spellings: dict[str, Spelling] = {}
    keys: dict[tuple[str, bool], str] = {}
    for row in rows:
        written = (row.name, titled(row.kind))
        key = keys.get(written)
        if key is None:
            key = keys[written] = spelling_key(*written)
        if key:
            spelling = spellings.get(key)
            if spelling is None:
                spelling = spellings[key] = Spelling(key)
            spelling.rows.append(row)
    return [spelling.settle() for spelling in spellings.values()]


SMALL_BLOCK = 12
"""Blocks up to this size are scored pair by pair; larger ones a row at a time in C++."""


def candidate_pairs(
    spellings: Sequence[Spelling], max_block: int, cutoff: float
) -> Iterator[tuple[Spelling, Spelling]]:
    """Pairs of spellings that share a blocking key (look-alike letters read as Latin) and
    whose folded forms are at least ``cutoff`` alike (rapidfuzz ratio), each pair once. A
    block larger than ``max_block`` is too common a key to be worth pairing. Each pair comes
    in the order of its keys."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, spelling in enumerate(spellings):
        for block in spelling.blocks:
            blocks[block].append(index)
    seen: set[int] = set()
    width = len(spellings)
    for members in blocks.values():
        if len(members) < 2 or len(members) > max_block:
            continue
        for i, j in _alike(spellings, members, cutoff):
            pair = i * width + j if i < j else j * width + i
            if pair not in seen:
                seen.add(pair)
                a, b = spellings[i], spellings[j]
                yield (a, b) if a.key <= b.key else (b, a)


def _alike(
    spellings: Sequence[Spelling], members: list[int], cutoff: float
) -> Iterator[tuple[int, int]]:
    """The pairs of one block whose folded forms pass the cheap first look."""
    folded = [spellings[i].folded for i in members]
    if len(members) <= SMALL_BLOCK:
        for x, y in combinations(range(len(members)), 2):
            if fuzz.ratio(folded[x], folded[y], score_cutoff=cutoff):
                yield members[x], members[y]
        return
    for x in range(len(members) - 1):
        for _, _, y in process.extract_iter(
            folded[x], folded[x + 1 :], scorer=fuzz.ratio, score_cutoff=cutoff
        ):
            yield members[x], members[x + 1 + y]
