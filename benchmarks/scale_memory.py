"""Peak memory of `newstrace batch` for 1,000 and 10,000 documents (issue 9); one table.

    python benchmarks/scale_memory.py [--sizes 1000 10000] [--workers 2] [--pipeline extract|full]

Each size runs in a fresh child process (2 worker processes, SQLite, linking on) over a
WARC of that many distinct article-extraction pages; the table gives the peak resident
memory (ru_maxrss) of the writer process, of the largest worker, and of all processes
together (psutil, sampled every 0.2 s). Memory should not
grow with the input: documents stream through, units are bounded (16 MB of WARC) and at
most 2 x workers units are in flight. `--pipeline extract` (the default, for time) runs
extraction without the analysis stages: the batch machinery, trafilatura and the store,
which are what could accumulate; the analysis model is a fixed per-worker cost.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale_common import table, write_warc


def child(warc: str, db: str, workers: int, pipeline: str) -> None:
    import threading

    import psutil

    from newstrace.batch import BatchOptions, run_batch

    factory = "scale_common:extract_only" if pipeline == "extract" else "newstrace.pipeline:build_pipeline"
    peak = {"worker": 0, "total": 0}
    stop = threading.Event()

    def sample() -> None:  # every process below this one: the pool's workers are forkserver's children
        me = psutil.Process()
        while not stop.wait(0.2):
            total = 0
            for p in me.children(recursive=True):
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                peak["worker"] = max(peak["worker"], rss)
            peak["total"] = max(peak["total"], total + me.memory_info().rss)

    threading.Thread(target=sample, daemon=True).start()
    t = time.perf_counter()
    summary = run_batch([warc], BatchOptions(db=db, workers=workers, pipeline_factory=factory))
    seconds = time.perf_counter() - t
    stop.set()
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"docs": summary.documents, "stored": summary.stored, "seconds": seconds, "writer_mb": me,
                      "worker_mb": peak["worker"] / 2**20, "total_mb": peak["total"] / 2**20}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--pipeline", choices=["extract", "full"], default="extract")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.workers, args.pipeline)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            warc = write_warc(Path(tmp) / f"m{size}.warc.gz", size)
            db = Path(tmp) / f"m{size}.db"
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(warc), str(db), "--workers", str(args.workers), "--pipeline", args.pipeline],
                capture_output=True, text=True, check=True,
            )
            r = json.loads(out.stdout.strip().splitlines()[-1])
            rows.append([size, r["stored"], f"{warc.stat().st_size / 1e6:.0f}", f"{r['seconds']:.0f}", f"{r['docs'] / r['seconds']:.1f}",
                         f"{r['writer_mb']:.0f}", f"{r['worker_mb']:.0f}", f"{r['total_mb']:.0f}"])
            warc.unlink()
    print(table(["documents", "stored", "WARC MB", "seconds", "docs/s", "writer peak MB", "largest worker peak MB", "all processes peak MB"], rows))
    if len(rows) >= 2:
        growth = max(float(rows[-1][c]) / float(rows[0][c]) for c in (5, 6, 7)) - 1
        print(f"\nPeak memory growth from {rows[0][0]:,} to {rows[-1][0]:,} documents: {growth * 100:+.0f}% (pipeline: {args.pipeline})")


if __name__ == "__main__":
    main()
