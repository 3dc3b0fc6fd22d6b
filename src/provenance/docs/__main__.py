"""`python -m provenance.docs [--check] [ROOT]`: write the generated documentation under
ROOT (default: the current folder), or with --check only say which files are out of date
(exit 1), as CI does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from provenance.docs.generate import stale, write


def write_docs(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m provenance.docs", description=__doc__)
    parser.add_argument("root", nargs="?", type=Path, default=Path("."))
    parser.add_argument("--check", action="store_true", help="only say what is out of date")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale(args.root)
        for path in out_of_date:
            print(f"{path} is out of date (run python -m provenance.docs)", file=sys.stderr)
        return 1 if out_of_date else 0
    for path in write(args.root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(write_docs())
