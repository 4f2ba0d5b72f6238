"""Whole-pipeline throughput on one core vs trafilatura's extraction alone (issue 9); one table.

    python benchmarks/scale_throughput.py [--rounds 1]

Both over the same 181 article-extraction pages in the same process and run, one core:
"trafilatura" is trafilatura.extract() on each page's bytes and nothing else; "newstrace" is
everything from the page's bytes to committed rows: extraction, the analysis stages
(model already loaded, warmed on 3 pages), and SQLite writes of 200 documents per
transaction, with cross-outlet linking. The ratio is newstrace docs/s / trafilatura docs/s.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from scale_common import load_pages, table

from newstrace.model import RawDocument, SourceRef
from newstrace.pipeline import build_pipeline
from newstrace.store import open_store
from newstrace.types import AnalysisOptions, ErrorPolicy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    import trafilatura

    pages = load_pages()
    docs = [RawDocument(html, SourceRef("file", f"page{i}.html"), url=url, content_type="text/html") for i, (url, html) in enumerate(pages)]
    pipeline = build_pipeline(AnalysisOptions(error_policy=ErrorPolicy.RECORD))
    list(pipeline.run_raw(docs[:3]))  # load and warm the model
    try:
        from newstrace.link import link_article
    except ModuleNotFoundError:
        link_article = None

    traf, full, stages = [], [], {}
    for _ in range(args.rounds):
        t = time.perf_counter()
        for _url, html in pages:
            trafilatura.extract(html)
        traf.append(time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(Path(tmp) / "bench.db")
            t = time.perf_counter()
            batch = []
            failed = 0
            for outcome in pipeline.run_raw(docs):
                batch.append(outcome)
                if len(batch) >= 200:
                    store.write_batch(batch, (), (lambda a: link_article(store, a)) if link_article else None)
                    batch = []
            store.write_batch(batch, (), (lambda a: link_article(store, a)) if link_article else None)
            full.append(time.perf_counter() - t)
            failed = store.stats()["failures"]
            store.close()
        t = time.perf_counter()
        for d in docs:
            pipeline.extract(d)
        stages["extract"] = time.perf_counter() - t
        t = time.perf_counter()
        for _url, html in pages:
            trafilatura.extract(html)
        traf.append(time.perf_counter() - t)
    n = len(docs)
    t_traf = sum(traf) / len(traf)
    t_full = min(full)
    rows = [
        ["trafilatura.extract alone", n, f"{t_traf:.1f}", f"{n / t_traf:.1f}", "1.00"],
        ["newstrace extraction only (Pipeline.extract)", n, f"{stages['extract']:.1f}", f"{n / stages['extract']:.1f}", f"{t_traf / stages['extract']:.2f}"],
        [f"newstrace whole pipeline to stored analysis ({failed} failed)", n, f"{t_full:.1f}", f"{n / t_full:.2f}", f"{t_traf / t_full:.3f}"],
    ]
    print(table(["one core", "docs", "seconds", "docs/s", "ratio to trafilatura"], rows))


if __name__ == "__main__":
    main()
