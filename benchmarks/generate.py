"""A deterministic generator of realistic ledgers: events in places, with tolls in report
words, perpetrators, dates; people with roles; organisations with member counts over the
years; sources with reliability grades and syndication chains; names spelled with
transliteration variants. Writes YAML split over many files, like a real claims/ tree.

    python benchmarks/generate.py 100000 out/ --seed 7
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ONSETS = [
    "b",
    "d",
    "g",
    "gh",
    "h",
    "j",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "p",
    "q",
    "r",
    "s",
    "sh",
    "t",
    "z",
    "ch",
    "f",
    "w",
    "y",
    "",
]
NUCLEI = ["a", "e", "i", "o", "u", "aa", "ai", "ee", "oo"]
CODAS = ["", "", "n", "r", "l", "m", "sh", "d", "b", "z", "k", "ng", "st"]
SYLLABLES = [o + v + c for o in ONSETS for v in NUCLEI for c in CODAS]
GIVEN = [
    "Mohammad",
    "Abdul",
    "Sher",
    "Gul",
    "Akhtar",
    "Hibatullah",
    "Zabihullah",
    "Ahmad",
    "Noor",
    "Rahim",
    "Karim",
    "Hamid",
    "Nasir",
    "Yusuf",
    "Qasim",
    "Haji",
    "Amir",
]
FAMILY = [
    "Mansour",
    "Haqqani",
    "Hekmatyar",
    "Ghazanfar",
    "Stanikzai",
    "Akhundzada",
    "Mujahid",
    "Zadran",
    "Popal",
    "Noorzai",
    "Achakzai",
    "Barakzai",
    "Popalzai",
    "Kakar",
    "Wardak",
]
VARIANTS = [
    ("z", "s"),
    ("ou", "u"),
    ("o", "u"),
    ("ee", "i"),
    ("i", "e"),
    ("q", "k"),
    ("ullah", "ulla"),
    ("Mohammad", "Muhammad"),
    ("kh", "k"),
]
QUALIFIED = [
    "{n}",
    "over {n}",
    "at least {n}",
    "about {n}",
    "almost {n}",
    "up to {n}",
    "nearly {n}",
    "more than {n}",
    "{a}-{b}",
]
ROLES = ["commander", "deputy leader", "spokesman", "governor", "leader", "chief of staff"]
KINDS = ["news", "wire", "analysis", "government", "un", "ngo", "social-media"]
SPEAKER_ORGS = 12


def variant(rng: random.Random, name: str) -> str:
    """Another spelling of a name, by one transliteration change when one applies."""
    options = [(a, b) for a, b in VARIANTS if a in name] + [
        (b, a) for a, b in VARIANTS if b in name
    ]
    if not options:
        return name
    old, new = rng.choice(options)
    return name.replace(old, new, 1)


def place_name(rng: random.Random) -> str:
    words = [
        "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        for _ in range(rng.choice((1, 1, 2)))
    ]
    return " ".join(w.capitalize() for w in words)


def quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class Ledger:
    """The records being generated, as YAML flow-mapping lines per section."""

    rng: random.Random
    sources: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    source_ids: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)

    def source(self, index: int) -> None:
        ident = f"src-{index}"
        derived = ""
        if self.source_ids and self.rng.random() < 0.1:
            derived = f", derived_from: [{self.rng.choice(self.source_ids[-50:])}]"
        year = self.rng.randint(2015, 2023)
        title, kind = quote(f"Report {index}"), self.rng.choice(KINDS)
        self.sources.append(
            f"  - {{id: {ident}, title: {title}, kind: {kind}, "
            f"reliability: {self.rng.choice('ABBCCCDDEF')}, published: {year}-"
            f"{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}{derived}}}"
        )
        self.source_ids.append(ident)

    def entity(self, ident: str, kind: str, name: str, extra: str = "") -> None:
        self.entities.append(f"  - {{id: {ident}, kind: {kind}, name: {quote(name)}{extra}}}")

    def claim(self, ident: str, subject: str, prop: str, value: str, extra: str = "") -> None:
        source = self.rng.choice(self.source_ids)
        speaker = ""
        if self.rng.random() < 0.6:
            speaker = f", said_by: [{self.rng.choice(self.speakers)}]"
        self.claims.append(
            f"  - {{id: {ident}, subject: {subject}, property: {prop}, value: {value}, "
            f"source: {source}{speaker}{extra}}}"
        )


def build(claims: int, seed: int) -> Ledger:
    rng = random.Random(seed)
    ledger = Ledger(rng)
    for index in range(max(10, claims // 25)):
        ledger.source(index)
    for index in range(SPEAKER_ORGS):
        ident = f"speaker-{index}"
        ledger.entity(ident, "organisation", f"Ministry office {index}")
        ledger.speakers.append(ident)
    for index in range(max(5, claims // 400)):
        ident = f"org-{index}"
        ledger.entity(ident, "organisation", f"Front {place_name(rng)}")
        ledger.orgs.append(ident)
    produced = 0
    index = 0
    while produced < claims:
        produced += _event(ledger, index, claims - produced)
        index += 1
    return ledger


def _event(ledger: Ledger, index: int, room: int) -> int:
    """A place, an event there, and up to ~10 claims about it and a person involved."""
    rng = ledger.rng
    place, event, person = f"place-{index}", f"event-{index}", f"person-{index}"
    name = place_name(rng)
    ledger.entity(place, "place", name)
    ledger.entity(event, "event", f"Attack in {name}", f", part_of: {place}")
    person_name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    ledger.entity(person, "person", person_name)
    made = 0
    toll = rng.randint(5, 400)
    for n in range(min(room, rng.randint(2, 5))):
        words = _toll_words(rng, toll)
        spelled = variant(rng, name) if rng.random() < 0.3 else name
        ledger.claim(
            f"c{index}-k{n}", event, "killed", quote(words), f", mentions: [{quote(spelled)}]"
        )
        made += 1
    if made < room:
        orgs = rng.sample(ledger.orgs, rng.choice((1, 1, 2)))
        polarity = ", polarity: denied" if rng.random() < 0.1 else ""
        ledger.claim(f"c{index}-p", event, "perpetrator", f"[{', '.join(orgs)}]", polarity)
        made += 1
    if made < room:
        day = f"20{rng.randint(15, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        ledger.claim(f"c{index}-d", event, "date", day)
        made += 1
    if made < room:
        year = rng.randint(2015, 2023)
        ledger.claim(
            f"c{index}-r",
            person,
            "role",
            quote(rng.choice(ROLES)),
            f", as_of: {year}, mentions: [{quote(variant(rng, person_name))}]",
        )
        made += 1
    return made


def _toll_words(rng: random.Random, toll: int) -> str:
    """A report's wording of a toll near the true one."""
    form = rng.choice(QUALIFIED)
    n = max(1, int(toll * rng.uniform(0.8, 1.25)))
    return form.format(n=n, a=n, b=n + rng.randint(1, 20))


def chunks(lines: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(lines), size):
        yield lines[start : start + size]


def write(ledger: Ledger, out: Path, per_file: int = 2000) -> int:
    """Writes the ledger as sources.yaml, entities/*.yaml and claims/*.yaml; returns files."""
    (out / "entities").mkdir(parents=True, exist_ok=True)
    (out / "claims").mkdir(parents=True, exist_ok=True)
    (out / "sources.yaml").write_text("sources:\n" + "\n".join(ledger.sources) + "\n", "utf-8")
    files = 1
    for n, part in enumerate(chunks(ledger.entities, per_file * 2)):
        (out / "entities" / f"part-{n:04d}.yaml").write_text(
            "entities:\n" + "\n".join(part) + "\n", "utf-8"
        )
        files += 1
    for n, part in enumerate(chunks(ledger.claims, per_file)):
        (out / "claims" / f"part-{n:04d}.yaml").write_text(
            "claims:\n" + "\n".join(part) + "\n", "utf-8"
        )
        files += 1
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("claims", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    ledger = build(args.claims, args.seed)
    files = write(ledger, args.out)
    print(
        f"{len(ledger.claims)} claims, {len(ledger.entities)} entities, "
        f"{len(ledger.sources)} sources in {files} files under {args.out}"
    )


if __name__ == "__main__":
    main()
