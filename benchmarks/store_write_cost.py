"""What writing analysed articles costs the store: docs/s and docs per CPU second of the writing process; one table.

    python benchmarks/store_write_cost.py --dump /tmp/articles.jsonl [--docs 600] [--pages 60]
    python benchmarks/store_write_cost.py --records /tmp/articles.jsonl [--pg-url URL] [--rounds 3] [--profile FILE]

The first form analyses the English article-extraction pages once (the whole pipeline) and writes
``--docs`` copies of them as records, each copy's letters and digits enciphered by its own
permutation (lengths and offsets unchanged) so that the store keeps it as a new article, not a
near-copy: the scale_writes workload. The second form reads those records back and writes them
with ``Store.write_batch`` (200 per transaction) into a new SQLite file and, with ``--pg-url`` or
$NEWSTRACE_TEST_PG_URL, a new PostgreSQL schema, without linking, and prints the rate by the wall
clock and per CPU second of this process (the client's cost; a shared machine's other jobs move the
wall clock much more than that). The analysis and the records stay out of the timed part, so the
same record file can be written by two versions of the store, side by side in one run (record
files of an older version read in a newer one).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from scale_common import cipher, load_pages, table

from newstrace.model import RawDocument, SourceRef
from newstrace.record import article_to_record, record_to_article
from newstrace.store import open_store


def dump(path: Path, docs: int, pages: int) -> None:
    try:
        from newstrace.types import AnalysisOptions, ErrorPolicy, Failure
    except ImportError:  # versions before newstrace.types
        from newstrace.pipeline import AnalysisOptions, ErrorPolicy, Failure  # type: ignore[attr-defined,no-redef]
    from newstrace.pipeline import build_pipeline

    pipeline = build_pipeline(AnalysisOptions(error_policy=ErrorPolicy.RECORD))
    raw = [RawDocument(h, SourceRef("file", f"p{i}.html"), url=u, content_type="text/html") for i, (u, h) in enumerate(load_pages()[:pages])]
    analysed = [a for a in pipeline.run_raw(raw) if not isinstance(a, Failure) and a.language == "en"]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(docs):
            a = analysed[i % len(analysed)]
            copy = dataclasses.replace(a, id=f"{a.id[:8]}{i:08x}", text=a.text.translate(cipher(i)), source=SourceRef("warc", f"bench.warc.gz#offset={i}"))
            fh.write(json.dumps(article_to_record(copy), ensure_ascii=False) + "\n")
    print(f"{docs} records of {len(analysed)} analysed English pages -> {path}")


def write(location: str, articles: list, profile: cProfile.Profile | None) -> tuple[float, float]:  # noqa: ANN001
    """(seconds by the wall clock, CPU seconds of this process) to write ``articles``."""
    store = open_store(location)
    wall, cpu = time.perf_counter(), time.process_time()
    if profile is not None:
        profile.enable()
    for i in range(0, len(articles), 200):
        store.write_batch(articles[i : i + 200])
    if profile is not None:
        profile.disable()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert store.stats()["articles"] == len(articles), "copies were taken as near-copies"
    store.close()
    return wall, cpu


def pg_schema_url(base: str) -> tuple[str, str]:
    import psycopg

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    return schema, f"{base}{'&' if '?' in base else '?'}options={quote(f'-c search_path={schema}')}"


def drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as c:
        c.execute(f"DROP SCHEMA {schema} CASCADE")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", type=Path, help="analyse the pages and write the records here")
    ap.add_argument("--records", type=Path, help="write these records into the stores")
    ap.add_argument("--docs", type=int, default=600)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--rounds", type=int, default=1, help="write the records this many times (a new store each), median shown")
    ap.add_argument("--stores", default="sqlite,postgresql")
    ap.add_argument("--pg-url", default=os.environ.get("NEWSTRACE_TEST_PG_URL"))
    ap.add_argument("--profile", type=Path, help="cProfile the writing (pstats file)")
    args = ap.parse_args()
    if args.dump:
        dump(args.dump, args.docs, args.pages)
        return
    if not args.records:
        ap.error("give --dump or --records")
    with args.records.open(encoding="utf-8") as fh:
        articles = [record_to_article(json.loads(line)) for line in fh]
    profile = cProfile.Profile() if args.profile else None
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.stores.split(","):
            if kind == "postgresql" and not args.pg_url:
                continue
            runs = []
            for r in range(args.rounds):
                if kind == "sqlite":
                    runs.append(write(str(Path(tmp) / f"w{r}.db"), articles, profile))
                else:
                    schema, url = pg_schema_url(args.pg_url)
                    try:
                        runs.append(write(url, articles, profile))
                    finally:
                        drop_schema(args.pg_url, schema)
            rates = sorted(len(articles) / w for w, _ in runs)
            per_cpu = sorted(len(articles) / c for _, c in runs)
            rows.append([kind, len(articles), f"{rates[len(rates) // 2]:.1f}", f"{per_cpu[len(per_cpu) // 2]:.1f}",
                         f"{1000 * sorted(c for _, c in runs)[len(runs) // 2] / len(articles):.3f}"])
    if profile is not None:
        profile.dump_stats(str(args.profile))
    print(table(["store", "documents", "docs/s (wall)", "docs per CPU s", "CPU ms per doc"], rows))


if __name__ == "__main__":
    main()
