"""Write rate of the store, SQLite vs PostgreSQL, documents/s (issue 9); one table.

    python benchmarks/scale_writes.py [--docs 2000] [--pg-url URL]

Analysed articles (60 article-extraction pages through the whole pipeline, copied under
new ids up to --docs; the English ones, each copy's letters enciphered by a permutation of its own so that the
store keeps it as a new article, not as a near-copy of the page it came from; lengths, and so
every annotation's offsets, stay as they were) are written with Store.write_batch in transactions of 200, into a
new SQLite file and a new PostgreSQL schema; once without and once with cross-outlet
linking. PostgreSQL: --pg-url or $NEWSTRACE_TEST_PG_URL (scripts/start-postgres), on this
machine over TCP to 127.0.0.1, default settings (fsync on), like SQLite's defaults (WAL).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import tempfile
import time
import uuid
from pathlib import Path

from scale_common import cipher, load_pages, table

from newstrace.model import RawDocument, SourceRef
from newstrace.pipeline import build_pipeline
from newstrace.store import open_store
from newstrace.types import AnalysisOptions, ErrorPolicy, Failure


def rate(location: str, articles, link: bool) -> float:  # noqa: ANN001
    from newstrace.link import link_article

    store = open_store(location)
    t = time.perf_counter()
    for i in range(0, len(articles), 200):
        store.write_batch(articles[i : i + 200], (), (lambda a: link_article(store, a)) if link else None)
    seconds = time.perf_counter() - t
    assert store.stats()["articles"] == len(articles), "copies were taken as near-copies"
    store.close()
    return len(articles) / seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--pg-url", default=os.environ.get("NEWSTRACE_TEST_PG_URL"))
    args = ap.parse_args()
    pages = load_pages()[: args.pages]
    pipeline = build_pipeline(AnalysisOptions(error_policy=ErrorPolicy.RECORD))
    docs = [RawDocument(h, SourceRef("file", f"p{i}.html"), url=u, content_type="text/html") for i, (u, h) in enumerate(pages)]
    # English pages only: the cipher changes ASCII words, and pages in other scripts would stay near-copies
    analysed = [a for a in pipeline.run_raw(docs) if not isinstance(a, Failure) and a.language == "en"]
    articles = [
        dataclasses.replace(a, id=f"{a.id[:8]}{i:08x}", text=a.text.translate(cipher(i)), source=SourceRef("warc", f"bench.warc.gz#offset={i}"))
        for i, a in ((i, analysed[i % len(analysed)]) for i in range(args.docs))
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for link in (False,):
            rows.append(["SQLite", "yes" if link else "no", len(articles), f"{rate(str(Path(tmp) / f'w{link}.db'), articles, link):.0f}"])
            if args.pg_url:
                import psycopg

                schema = f"bench_{uuid.uuid4().hex[:8]}"
                with psycopg.connect(args.pg_url, autocommit=True) as c:
                    c.execute(f"CREATE SCHEMA {schema}")
                try:
                    from urllib.parse import quote

                    url = f"{args.pg_url}{'&' if '?' in args.pg_url else '?'}options={quote(f'-c search_path={schema}')}"
                    rows.append(["PostgreSQL 15", "yes" if link else "no", len(articles), f"{rate(url, articles, link):.0f}"])
                finally:
                    with psycopg.connect(args.pg_url, autocommit=True) as c:
                        c.execute(f"DROP SCHEMA {schema} CASCADE")
    print(table(["store", "linking", "documents", "docs/s written"], rows))


if __name__ == "__main__":
    main()
