"""`python -m benchmarks.realworld [DATA]`: convert the real-reporting data set into a ledger,
run `provenance check` on it, and print the scores against the data set's answer key.

The data set folder defaults to ``$PROVENANCE_REALWORLD``, else ``shared/realworld`` beside
the repository; ``--skip-missing`` (for CI) makes a missing data set a note, not an error."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from benchmarks.realworld import score
from benchmarks.realworld.convert import convert

DEFAULT = Path(
    os.environ.get("PROVENANCE_REALWORLD")
    or Path(__file__).resolve().parents[3] / "shared" / "realworld"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT, help="the data set folder")
    parser.add_argument("--ledger", type=Path, help="write the converted ledger here (kept)")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--verbose", action="store_true", help="list misses and false flags")
    parser.add_argument(
        "--skip-missing", action="store_true", help="a missing data set is a note, exit 0"
    )
    args = parser.parse_args(argv)
    if not (args.data / "claims.yaml").is_file() and args.skip_missing:
        print(f"real-reporting benchmark skipped: no data set at {args.data}")
        return 0
    if not (args.data / "claims.yaml").is_file():
        print(f"error: {args.data}: no claims.yaml (give the data set folder)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.ledger or Path(scratch) / "ledger"
        ledger = convert(args.data / "claims.yaml", folder)
        document = score.check(folder)
    found = score.findings(document)
    strict = score.findings(document, ledger.derived)
    scores = score.score(score.load_expected(args.data / "expected.yaml"), found, strict)
    result = scores.as_dict() | {"by_rule": score.by_rule(found), "unsaid": ledger.unsaid}
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
        return 0
    print(render(result, args.verbose))
    return 0


def render(result: dict[str, object], verbose: bool) -> str:
    lines = [
        f"should-flag recall     {result['should_flag_recall']:.3f}  "
        f"({result['found']} of {result['should_flag']}; high {result['recall_high']:.3f}, "
        f"medium {result['recall_medium']:.3f}, low {result['recall_low']:.3f})",
        f"false flags            {result['false_flag_rate']:.3f}  "
        f"({result['false_flags']} of {result['should_not_flag']} should-not-flag items)",
        f"spelling groups        {result['groups_matched']} of {result['groups']} matched "
        f"({result['groups_matched_confident']} by the confident tier alone)",
        f"look-alikes merged     {result['lookalikes_merged']} of {result['lookalikes']}",
        f"findings per conflict  {result['findings_per_expected_conflict']:.2f} "
        f"(at most {result['max_findings_per_expected_conflict']}; "
        f"{result['value_findings']} value findings in all)",
    ]
    if verbose:
        for key in ("missed", "false_flag_items", "groups_missed", "lookalike_items_merged"):
            items = result[key]
            assert isinstance(items, list)
            lines += [f"{key}:", *(f"  {item}" for item in items)]
        lines.append(f"by rule: {json.dumps(result['by_rule'])}")
        unsaid = result["unsaid"]
        assert isinstance(unsaid, list)
        lines += [f"not said in the ledger ({len(unsaid)}):", *(f"  {u}" for u in unsaid)]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
