"""Spellings for the spelling-variant rule: every written form of a name gathered under a
typographic key, candidate pairs found by blocking keys in one dict pass, and look-alike
letters from other scripts read as the Latin letters they imitate."""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from provenance import name_acronyms, name_designators, names
from provenance.checks.base import Finding
from provenance.checks.context import Context, NameRow
from provenance.transliteration import TITLES, TRANSLITERATED, fold_raw_token, to_latin

if TYPE_CHECKING:  # numpy and rapidfuzz.process are imported when a search runs
    import numpy as np
    import numpy.typing as npt

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
    if name.isascii():
        return False
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
    acronym: bool = False  # written as an acronym (ISKP, IS-K)

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
        # a name with look-alike letters is paired by how it reads, a name in Arabic or
        # Cyrillic script by its transliteration; an acronym meets the names it abbreviates
        shown = self.analysis
        if self.mixed:
            shown = names.analyse(self.name.translate(LOOKALIKES))
        elif names.scripts(self.name) & TRANSLITERATED:
            shown = names.analyse(to_latin(self.name))
        self.folded = self._first_look(shown)
        self.blocks = names.keys_of(shown) | name_acronyms.keys(self.name)
        self.acronym = name_acronyms.acronym_letters(self.name) is not None
        return self

    def _first_look(self, shown: names.Analysis) -> str:
        """What the cheap first look compares: the folded name, less its generic words for
        a place or building ('Imam Bargah' of 'مسجد امام بارگاه' meets 'Imam Bargah mosque'
        whatever language the word for mosque is in)."""
        if self.kind == "person" or self.mixed:
            return shown.folded
        core = name_designators.designated(self.name).core
        if not core or core == self.name:
            return shown.folded
        if names.scripts(core) & TRANSLITERATED:
            core = to_latin(core)
        return names.analyse(core).folded or shown.folded

    def describe(self) -> str:
        owners = sorted(self.declared_by)
        mentions = sum(1 for r in self.rows if r.role == "mention")
        parts = [f"{self.kind or 'entity'} {e}" for e in owners]
        if mentions:
            parts.append(f"{mentions} mention{'s' if mentions != 1 else ''}")
        return ", ".join(parts)


MatchKey = tuple[str, str, str | None, str, str, str | None]


NO_TIER = names.NameMatch(names.NameVerdict.DIFFERENT, 0.0, "no tier", "", "")
"""What the memo keeps of a pair in no tier: the rules that only ask for a tier need no more,
and a million-claim ledger has millions of such pairs (their reasons would fill gigabytes)."""


def matched(
    a: Spelling, b: Spelling, memo: MutableMapping[Any, names.NameMatch], *, full: bool = False
) -> names.NameMatch:
    """The matcher's verdict on two spellings, from ``memo`` when it was asked before. It is
    a function of what the key holds (each analysis is of the spelling's key), so a verdict
    kept from an earlier run is the verdict this run would reach. A pair in no tier is kept
    as NO_TIER; ``full`` asks for its whole verdict all the same (worked out again)."""
    key: MatchKey = (a.name, a.key, a.kind, b.name, b.key, b.kind)
    found = memo.get(key)
    if found is None or (full and found == NO_TIER):
        assert a.analysis is not None and b.analysis is not None
        worked = names.compare_analysed(
            (a.name, a.analysis), (b.name, b.analysis), a.kind, b.kind, ranked=False
        )
        if found is None:
            memo[key] = worked if worked.tier is not None else NO_TIER
        return worked
    return found


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the name rules run: they make millions of small
    objects (analyses, verdicts, candidate pairs) and no cycles, and each full collection
    walks them all again (a fifth of the name rules' time at 100k claims). It is turned
    back on as it was, however the rule ends."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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


WALKED = 2_000
"""Up to this many spellings the candidate pairs are walked in plain Python: on a ledger that
small the search takes less time than numpy takes to load (about 0.1 s)."""


Scorer = Callable[..., float]


SEARCH_CUTOFF = 55.0
"""How alike (rapidfuzz WRatio of the folded forms, a transliterated one for a name in another
script) two spellings must be before the matcher looks at them. WRatio is at least the plain
ratio, and also lets a short form meet its longer name and words meet in another order. Of
the names dev set's true pairs that the matcher puts in a tier, 1 % are less alike than
this. Acronyms and their names skip it."""
CLOSE_CUTOFF = 70.0
"""How alike (rapidfuzz ratio of the folded forms) a pair must be for the spelling-variant
warning: less alike pairs that the matcher calls confident (Payam / Piam, a name with its
words in another order: 4.6 % of the confident pairs on the names dev set) go to the review
queue instead. In the generated ledger of 100,000 claims, most such pairs were two places or
events whose names share a word in another order (Qala-e Bibi / Bibi Kalay)."""


@dataclass(frozen=True)
class NameSearch:
    """Every spelling of a run, the candidate pairs among them (indexes i < j, in order), and
    those of the pairs that are an acronym and its name."""

    spellings: list[Spelling]
    pairs: list[tuple[int, int]]
    acronyms: frozenset[tuple[int, int]] = frozenset()

    def __iter__(self) -> Iterator[tuple[Spelling, Spelling]]:
        """The pairs, each in the order of its keys."""
        for i, j in self.pairs:
            yield _keyed(self.spellings[i], self.spellings[j])

    def close(self) -> Iterator[tuple[Spelling, Spelling]]:
        """The pairs the spelling-variant warning judges, in order."""
        return (pair for pair, near in self.marked() if near)

    def marked(self) -> Iterator[tuple[tuple[Spelling, Spelling], bool]]:
        """Every pair, with whether the spelling-variant warning judges it: an acronym and its
        name, or a pair at least CLOSE_CUTOFF alike at the first look."""
        for (i, j), near in zip(self.pairs, self._near, strict=True):
            yield _keyed(self.spellings[i], self.spellings[j]), near

    @cached_property
    def _near(self) -> list[bool]:
        """marked's flags, worked out once for both rules: in C++ on every core for a large
        search (as candidate_indexes scores the blocks), pair by pair up to WALKED spellings."""
        folded = [s.folded for s in self.spellings]
        if len(self.spellings) <= WALKED:
            alike = [
                bool(fuzz.ratio(folded[i], folded[j], score_cutoff=CLOSE_CUTOFF))
                for i, j in self.pairs
            ]
        else:
            import numpy as np
            from rapidfuzz import process

            scores = process.cpdist(
                [folded[i] for i, _ in self.pairs],
                [folded[j] for _, j in self.pairs],
                scorer=fuzz.ratio,
                score_cutoff=CLOSE_CUTOFF,
                dtype=np.float32,
                workers=-1,
            )
            alike = (scores > 0).tolist()
        return [near or pair in self.acronyms for near, pair in zip(alike, self.pairs, strict=True)]


def _keyed(a: Spelling, b: Spelling) -> tuple[Spelling, Spelling]:
    return (a, b) if a.key <= b.key else (b, a)


def name_search(context: Context, max_block: int) -> NameSearch:
    """The spellings of the ledger and their candidate pairs, searched once per run for both
    name rules."""

    def search() -> NameSearch:
        return searched(gather(context.name_rows()), max_block)

    return context.reused(("name-search", max_block), search)


def searched(
    spellings: Sequence[Spelling],
    max_block: int,
    cutoff: float = SEARCH_CUTOFF,
    scorer: Scorer = fuzz.WRatio,
) -> NameSearch:
    """candidate_pairs as a NameSearch."""
    if len(spellings) <= WALKED:
        indexes: Iterable[tuple[int, int]] = walked_indexes(spellings, max_block, cutoff, scorer)
    else:
        first, second = candidate_indexes(spellings, max_block, cutoff, scorer)
        indexes = zip(first.tolist(), second.tolist(), strict=True)
    acronyms = acronym_indexes(spellings, max_block)
    return NameSearch(list(spellings), sorted(set(indexes) | acronyms), frozenset(acronyms))


def candidate_pairs(
    spellings: Sequence[Spelling], max_block: int, cutoff: float, scorer: Scorer = fuzz.ratio
) -> Iterator[tuple[Spelling, Spelling]]:
    """Pairs of spellings that share a blocking key (look-alike letters read as Latin) and
    whose folded forms are at least ``cutoff`` alike (by ``scorer``, rapidfuzz's ratio unless
    told: WRatio lets a short form meet its longer name), each pair once. A
    block larger than ``max_block`` is too common a key to be worth pairing. Each pair comes
    in the order of its keys.

    On a large ledger no pair is touched in Python before it passes: the pairs of every
    block are laid out as numpy arrays (blocks of one size at a time), made unique, and
    scored by rapidfuzz's ``cpdist`` in C++ on every core (candidate_indexes). Up to WALKED
    spellings, the same pairs are walked in Python (walked_indexes)."""
    yield from searched(spellings, max_block, cutoff, scorer)


ACRONYM = "a:"
"""The prefix of the blocking keys that pair an acronym with the names it abbreviates
(name_acronyms.keys): such pairs are never alike letter by letter, so they skip the cutoff."""


def acronym_indexes(spellings: Sequence[Spelling], max_block: int) -> set[tuple[int, int]]:
    """Pairs (i < j) of an acronym and a name whose initials it is, whatever their letters'
    likeness (two full names that only share initials are left to the cutoff)."""
    blocks: dict[str, list[int]] = {}
    for n, spelling in enumerate(spellings):
        for key in spelling.blocks:
            if key.startswith(ACRONYM):
                blocks.setdefault(key, []).append(n)
    return {
        (i, j)
        for members in blocks.values()
        if 2 <= len(members) <= max_block
        for i, j in combinations(members, 2)
        if spellings[i].acronym or spellings[j].acronym
    }


def walked_indexes(
    spellings: Sequence[Spelling], max_block: int, cutoff: float, scorer: Scorer = fuzz.ratio
) -> list[tuple[int, int]]:
    """candidate_indexes' pairs (i < j, in order), found pair by pair in plain Python."""
    blocks: dict[str, list[int]] = {}
    for n, spelling in enumerate(spellings):
        for key in spelling.blocks:
            blocks.setdefault(key, []).append(n)
    pairs = {
        pair
        for members in blocks.values()
        if 2 <= len(members) <= max_block
        for pair in combinations(members, 2)
    }
    folded = [s.folded for s in spellings]
    return [(i, j) for i, j in sorted(pairs) if scorer(folded[i], folded[j], score_cutoff=cutoff)]


def candidate_indexes(
    spellings: Sequence[Spelling], max_block: int, cutoff: float, scorer: Scorer = fuzz.ratio
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """candidate_pairs as two arrays of indexes into ``spellings``, i < j, pair by pair."""
    import numpy as np
    from rapidfuzz import process

    width = len(spellings)
    codes = _pair_codes(_blocks(spellings), max_block, width)
    first, second = np.divmod(codes, width)
    folded = [s.folded for s in spellings]
    scores = process.cpdist(
        [folded[i] for i in first.tolist()],
        [folded[j] for j in second.tolist()],
        scorer=scorer,
        score_cutoff=cutoff,
        dtype=np.float32,
        workers=-1,
    )
    alike = np.flatnonzero(scores)
    return first[alike], second[alike]


def _blocks(spellings: Sequence[Spelling]) -> tuple[npt.NDArray[np.int64], ...]:
    """The blocks as (members, starts, sizes): ``members`` holds the spelling indexes of every
    block, one block after another and ascending within each; a block is ``sizes[b]`` long
    from ``starts[b]``."""
    import numpy as np

    keys = [key for spelling in spellings for key in spelling.blocks]
    owners = np.repeat(
        np.arange(len(spellings), dtype=np.int64), [len(s.blocks) for s in spellings]
    )
    ids = {key: n for n, key in enumerate(dict.fromkeys(keys))}
    numbered = np.fromiter(map(ids.__getitem__, keys), dtype=np.int64, count=len(keys))
    order = np.lexsort((owners, numbered))
    numbered, members = numbered[order], owners[order]
    starts = np.flatnonzero(np.r_[True, numbered[1:] != numbered[:-1]]) if len(keys) else order
    sizes = np.diff(np.r_[starts, len(keys)])
    return members, starts, sizes


def _pair_codes(
    blocks: tuple[npt.NDArray[np.int64], ...], max_block: int, width: int
) -> npt.NDArray[np.int64]:
    """Every pair of spellings that share a block of 2 to ``max_block`` members, once each,
    as ``i * width + j`` with i < j. Blocks of one size are laid out as the rows of one
    matrix and paired in one step."""
    import numpy as np

    members, starts, sizes = blocks
    found = [np.empty(0, dtype=np.int64)]
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_block)]).tolist():
        rows = members[starts[sizes == size][:, None] + np.arange(size)]
        left, right = np.triu_indices(size, 1)
        found.append((rows[:, left] * width + rows[:, right]).ravel())
    codes = np.concatenate(found)
    codes.sort(kind="stable")  # a radix sort for integers: np.unique's own is far slower
    return codes[np.r_[True, codes[1:] != codes[:-1]]] if len(codes) else codes


# -- findings ------------------------------------------------------------------------------


def kept_apart(apart: frozenset[tuple[str, str]], a: Spelling, b: Spelling) -> bool:
    """Entities declared distinct_from each other (``apart`` holds both directions)."""
    if not apart:
        return False
    return any((x, y) in apart for x in a.entities for y in b.entities if x != y)


def short_form(a: Spelling, b: Spelling) -> bool:
    """One name's words are a part of the other's ('Sayad' and 'Sayad district')."""
    words_a, words_b = a.words, b.words
    return bool(words_a) and bool(words_b) and (words_a < words_b or words_b < words_a)


def _ordered(a: Spelling, b: Spelling) -> tuple[Spelling, Spelling]:
    """The undeclared spelling first (the one to decide about), then the entity's own."""
    if a.declared_by and not b.declared_by:
        return b, a
    if b.declared_by and not a.declared_by:
        return a, b
    return (a, b) if a.key <= b.key else (b, a)


def spelling_finding(a: Spelling, b: Spelling, match: names.NameMatch) -> Finding:
    odd, known = _ordered(a, b)
    entity = sorted(known.declared_by or known.entities or odd.entities or {""})[0] or None
    message = (
        f"'{odd.name}' ({odd.describe()}) looks like '{known.name}' "
        f"({known.describe()}): {match.reason}; score {match.score:.0f}"
    )
    return _make(
        odd,
        known,
        entity,
        message,
        {
            "verdict": match.verdict.value,
            "tier": match.tier,
            "score": round(match.score, 1),
            "reason": match.reason,
            "reasons": list(match.reasons),
            "folded": [match.folded_a, match.folded_b],
        },
    )


def lookalike_finding(a: Spelling, b: Spelling) -> Finding:
    odd, known = (a, b) if a.mixed else (b, a)
    entity = sorted(known.declared_by or known.entities or {""})[0] or None
    letters = sorted({ch for ch in odd.name if ch.isalpha() and not ch.isascii()})
    message = (
        f"'{odd.name}' ({odd.describe()}) mixes scripts: look-alike letters "
        f"{', '.join(f'{ch} (U+{ord(ch):04X})' for ch in letters)} make it read as "
        f"'{known.name}' ({known.describe()}) while matching nothing that searches for it"
    )
    return _make(odd, known, entity, message, {"verdict": "mixed-scripts", "letters": letters})


def _make(
    odd: Spelling, known: Spelling, entity: str | None, message: str, details: dict[str, object]
) -> Finding:
    rows = [*odd.rows, *known.rows]
    places = list(dict.fromkeys(row.origin for row in rows if row.origin is not None))
    claims = tuple(sorted({r.claim for r in rows if r.claim}))
    return Finding(
        key=tuple(sorted((odd.key, known.key))),
        message=message,
        subject=entity,
        claims=claims,
        places=tuple(places),
        details={
            **details,
            "names": [odd.name, known.name],
            "entity": entity,
            "alias": without_titles(odd.name) if titled(known.kind or odd.kind) else odd.name,
            "kind": known.kind or odd.kind,
        },
    )
