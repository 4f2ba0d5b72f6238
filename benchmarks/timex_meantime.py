"""Time expressions on the 120 MEANTIME English Wikinews documents; prints one table.

    python benchmarks/timex_meantime.py [--errors errors.tsv]

MEANTIME ships tokens, not raw text: the text is rebuilt from the tokens (one sentence per
line, no space before punctuation), the DCT is the document's CREATION_TIME timex, and the
DCT line itself is left out of the scoring. Same scoring as the TempEval-3 benchmark.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timex_scoring import meantime_docs, score, shared_dir, table  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", type=Path, help="write every miss, false alarm and wrong value here (TSV)")
    args = ap.parse_args(argv)
    if not (shared_dir() / "data" / "meantime-en").is_dir():
        print(f"MEANTIME data not found under {shared_dir()}/data (set NEWSTRACE_SHARED)", file=sys.stderr)
        return 2
    s = score(meantime_docs(), keep_errors=args.errors is not None)
    print(table([("MEANTIME en", s)]))
    if args.errors:
        args.errors.write_text("\n".join(s.errors) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
