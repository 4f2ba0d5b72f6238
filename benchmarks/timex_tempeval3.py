"""TempEval-3 task A (time expressions) on the shared TempEval-3 data; prints one table.

    python benchmarks/timex_tempeval3.py                 # platinum test set (20 docs)
    python benchmarks/timex_tempeval3.py --corpus tbaq   # TimeBank + AQUAINT (development)
    python benchmarks/timex_tempeval3.py --corpus all --errors errors.tsv

Each document is tagged with its DCT as given in the data. Speed is documents per second,
single process, tagging only (reading and scoring excluded).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_scoring import score, shared_dir, table, tempeval3_docs  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["platinum", "tbaq", "all"], default="platinum")
    ap.add_argument("--errors", type=Path, help="write every miss, false alarm and wrong value here (TSV)")
    args = ap.parse_args(argv)
    if not (shared_dir() / "data" / "tempeval3").is_dir():
        print(f"TempEval-3 data not found under {shared_dir()}/data (set NEWSTRACE_SHARED)", file=sys.stderr)
        return 2
    corpora = ["platinum", "tbaq"] if args.corpus == "all" else [args.corpus]
    rows = []
    errors: list[str] = []
    for c in corpora:
        s = score(tempeval3_docs(c), keep_errors=args.errors is not None)
        rows.append((f"TempEval-3 {c}", s))
        errors += s.errors
    print(table(rows))
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
