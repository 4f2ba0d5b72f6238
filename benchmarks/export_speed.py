"""Speed of every export on a synthetic store, as a ratio to reading the same articles.

Builds the web desk benchmark's synthetic store (benchmarks/web_load.py: articles with statements,
entities and stories), then writes each export once to a temporary file and prints one table:
items written, seconds, size, and the time against the reference of the same run (reading every
article from the store with nothing written), so the figure holds on a slower or busier machine.

    python benchmarks/export_speed.py                  # 10,000 articles
    python benchmarks/export_speed.py --articles 2000 --db /tmp/exports.db
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from web_load import build_store  # noqa: E402 - the same synthetic store as the desk benchmark

EXPORTS = [  # (what, format)
    ("articles", "jsonl"), ("articles", "csv"), ("statements", "csv"), ("statements", "jsonl"), ("stories", "csv"),
    ("claims", "jsonl"), ("conflicts", "csv"), ("articles", "jsonld"), ("articles", "gexf"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="reuse or build the store here (default: a temporary file)")
    args = parser.parse_args()

    from newstrace.export import write_export
    from newstrace.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "exports.db"
        if not db.exists():
            build_store(db, args.articles)
        with open_store(db) as store:
            t0 = time.perf_counter()
            read = sum(1 for _ in store.iter_articles())
            reference = time.perf_counter() - t0
            rows = [("read every article (reference)", read, reference, 0.0)]
            for what, fmt in EXPORTS:
                out = Path(tmp) / f"x.{fmt}"
                t0 = time.perf_counter()
                with out.open("wb") as fh:
                    n = write_export(store, fmt, fh, what)
                rows.append((f"{what} {fmt}", n, time.perf_counter() - t0, out.stat().st_size / 1e6))
    print(f"exports of a {read}-article synthetic store (reference: reading them, {reference:.2f} s)")
    print(f"{'export':<32} {'items':>8} {'seconds':>8} {'x read':>7} {'MB':>7}")
    for name, n, seconds, mb in rows:
        print(f"{name:<32} {n:>8} {seconds:>8.2f} {seconds / reference:>7.2f} {mb:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
