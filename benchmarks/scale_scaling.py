"""Scaling of `newstrace batch` over workers (issue 9); one table, plus a cluster-size estimate.

    python benchmarks/scale_scaling.py [--docs 362] [--split-mb 1]

The same WARC (article-extraction pages, see scale_common.py) is run with the whole
pipeline and SQLite (this process the single writer, linking on) by: a local pool of 1
worker process, a local pool of 2, and a Dask LocalCluster of 2 worker processes (1 thread
each). Each engine is started and warmed (models loaded) on a small WARC first, so the
timings are the steady state a long run sees; the three run back to back in one run, so
they share the machine's conditions. efficiency = speed-up / workers.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from scale_common import table, write_warc

from newstrace.batch import BatchOptions, PlanOptions, run_batch
from newstrace.batch.engines import DaskEngine, LocalEngine

# One day of CC-NEWS: about 20 GB of WARC. At CC-NEWS's typical ~30 KB of gzipped WARC per
# HTML response that is about 700,000 documents (an assumption, stated in the output).
CC_NEWS_DAY_DOCS = 700_000


def timed(engine, warc: Path, warm: Path, split: int) -> tuple[float, int, float]:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as tmp:
        opts = BatchOptions(db=str(Path(tmp) / "warm.db"), plan=PlanOptions(split_bytes=split))
        run_batch([warm], opts, engine=engine)
        opts = BatchOptions(db=str(Path(tmp) / "bench.db"), plan=PlanOptions(split_bytes=split))
        t = time.perf_counter()
        summary = run_batch([warc], opts, engine=engine)
        return time.perf_counter() - t, summary.documents, summary.worker_cpu_seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=362)
    ap.add_argument("--split-mb", type=float, default=1.0)
    args = ap.parse_args()
    split = int(args.split_mb * 1024 * 1024)
    with tempfile.TemporaryDirectory() as tmp:
        warc = write_warc(Path(tmp) / "bench.warc.gz", args.docs)
        warm = write_warc(Path(tmp) / "warm.warc.gz", 8)
        results = []
        for label, make in (
            ("local process pool", lambda: LocalEngine(1)),
            ("local process pool", lambda: LocalEngine(2)),
            ("Dask LocalCluster", lambda: DaskEngine("local", 2)),
        ):
            engine = make()
            try:
                load = os.getloadavg()[0]
                seconds, docs, cpu = timed(engine, warc, warm, split)
                load = (load + os.getloadavg()[0]) / 2
            finally:
                engine.close()
            results.append((label, engine.workers, docs, seconds, cpu, load))
    base = results[0][2] / results[0][3]
    rows = []
    for label, workers, docs, seconds, cpu, load in results:
        rate = docs / seconds
        rows.append([label, workers, docs, f"{seconds:.1f}", f"{rate:.2f}", f"{rate / base:.2f}", f"{rate / base / workers:.2f}",
                     f"{cpu / docs:.3f}", f"{cpu / seconds:.2f}", f"{load:.1f}"])
    print(table(["engine", "workers", "docs", "seconds", "docs/s", "speed-up", "efficiency", "worker CPU s/doc",
                 "cores used", "load avg"], rows))
    per_worker = results[0][2] / results[0][4]  # docs per CPU-second of one worker: the per-document cost
    eff = min(r[2] / r[3] / base / r[1] for r in results[1:])
    cores = CC_NEWS_DAY_DOCS / 3600 / (per_worker * eff)
    print(
        f"\nEstimate: one day of CC-NEWS (~20 GB, assumed ~{CC_NEWS_DAY_DOCS:,} HTML documents) in one hour needs"
        f" {CC_NEWS_DAY_DOCS / 3600:.0f} docs/s; at {per_worker:.2f} docs per CPU-second per worker and the measured"
        f" efficiency {eff:.2f} (a lower bound on a shared machine), about {cores:.0f} worker cores;"
        f" at efficiency 0.9 on dedicated cores, {CC_NEWS_DAY_DOCS / 3600 / (per_worker * 0.9):.0f}."
    )


if __name__ == "__main__":
    main()
