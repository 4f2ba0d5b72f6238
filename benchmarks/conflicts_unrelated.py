"""Conflicts reported on a store of unrelated articles: the 181 article-extraction pages.

Usage: python benchmarks/conflicts_unrelated.py [--cache DIR] [--list] [--matching senses|vectors|both|events|exact]

The pages (../shared/data/article-extraction, MIT) are news and blog pages of 2019 on unrelated
subjects, so nearly every conflict reported among them is a false alarm. Each page is analysed
by the shipped pipeline, stored in a fresh SQLite store and linked, as `newstrace ingest` does;
the table counts the conflicts the store then holds. ``--list`` prints each one with its sides,
for the hand check that BENCHMARKS.md records.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_common import load_pages  # noqa: E402

from newstrace.link import link_article  # noqa: E402
from newstrace.link.same_count import MATCHINGS, set_matching  # noqa: E402
from newstrace.model import Article, RawDocument, SourceRef  # noqa: E402
from newstrace.pipeline import AnalysisOptions, ErrorPolicy, Failure, build_pipeline  # noqa: E402
from newstrace.record import article_to_record, record_to_article  # noqa: E402
from newstrace.store import open_store  # noqa: E402


def analysed_pages(cache: Path | None) -> list[Article]:
    pipeline = build_pipeline(AnalysisOptions(error_policy=ErrorPolicy.RECORD))
    out: list[Article] = []
    for n, (url, html) in enumerate(load_pages()):
        path = cache / f"page{n:03d}.json" if cache else None
        if path and path.exists():
            out.append(record_to_article(json.loads(path.read_text(encoding="utf-8"))))
            continue
        outcome = next(pipeline.run_raw([RawDocument(html, SourceRef("url", url), url=url, content_type="text/html")]))
        if isinstance(outcome, Failure):
            continue
        out.append(outcome)
        if path:
            path.write_text(json.dumps(article_to_record(outcome)), encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--matching", choices=MATCHINGS, default=None, help="how counted things and their verbs are matched (default: the shipped one)")
    args = ap.parse_args()
    if args.matching:
        set_matching(args.matching)
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    articles = analysed_pages(args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "pages.db")
        t0 = time.perf_counter()
        linked = 0
        for a in articles:
            if store.upsert_article(a).status == "stored":
                link_article(store, a)
                linked += 1
        took = time.perf_counter() - t0
        rows = store.conflicts(None, 10_000)
        stories = len(store.stories(10_000)) if hasattr(store, "stories") else 0
        store.close()
    print(f"Conflicts among {len(articles)} unrelated pages (article-extraction), stored and linked")
    print(f"{'pages':>6} {'linked':>7} {'stories':>8} {'conflicts':>10} {'link s':>7}")
    print(f"{len(articles):>6} {linked:>7} {stories:>8} {len(rows):>10} {took:>7.1f}")
    if args.list:
        titles = {a.id: (a.title or a.url or a.id)[:70] for a in articles}
        for c in rows:
            print(f"\n{c.id}  {c.topic}  [{c.evidence}]")
            for s in c.sides:
                print(f"    - {s.speaker}: “{s.text[:160]}” ({titles.get(s.article_id, s.article_id)})")


if __name__ == "__main__":
    main()
