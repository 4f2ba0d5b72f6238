"""Linking cost per article on fixed stores of 1,000 and 10,000 articles, the two sizes run in turn.

Usage:
  python benchmarks/link_cost.py build --dir DIR [--sizes 1000,10000] [--generator GEN]
  python benchmarks/link_cost.py time --dir DIR [--sizes 1000,10000] [--warm 150] [--timed 100] [--rounds 2]
                                      [--generator GEN] [--profile PREFIX]

``build`` stores and links the synthetic articles of benchmarks/link_scale.py one by one, as
`newstrace ingest` does, and keeps a copy of the store at each size (DIR/GEN-N.db). ``time``
copies each store, stores and links the articles the generator makes next into the copy (the
``--warm`` first untimed, then ``--timed`` timed), and prints the CPU milliseconds per timed
article (upsert + link) and the SQL statements each ran, the sizes in turn, ``--rounds`` times: a
single run of link_scale.py moves with the machine's load between its 1,000th and its 10,000th
article, two sizes timed back to back move together. To compare two versions of the code, run
``time`` of each on the same DIR (``PYTHONPATH=OTHER/src`` runs another checkout's code).

GEN names the generator: ``scale`` is link_scale.py's (a story draws articles for as long as
any story is open, so at 10,000 articles many stories are open at once and the clusterer, whose
synthetic vocabulary is 144 words, merges them: 190 found for ~2,000 made); ``news`` is the same
articles with a story's articles spread over its days the way a news stream spreads them (see
``stream_news``).
"""

from __future__ import annotations

import argparse
import cProfile
import heapq
import itertools
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from link_scale import _count_statements, make_article, make_story, stream  # noqa: E402

from newstrace.link import link_article  # noqa: E402
from newstrace.model import Article  # noqa: E402
from newstrace.store import open_store  # noqa: E402


def stream_news(rng: random.Random, stories: list[dict]) -> Iterator[Article]:
    """The link_scale articles in the order of their dates, as a news stream brings them: each day
    1-3 stories start (2 a day on average, ~31 articles a day), each with its 1-30 articles dated
    over its first 10 days (as make_article dates them). How many articles a new one meets within
    the clusterer's 21-day window is then set by the rate of news (~650), not by the store's size;
    under ``stream`` the dates are drawn over a whole year whatever the number of articles, so the
    window holds a tenth of the store (100 articles at 1,000, 1,000 at 10,000)."""
    made = itertools.count(1)
    order = itertools.count()
    pending: list[tuple[date, int, Article]] = []
    day = 0
    while True:
        for _ in range(rng.choice((1, 2, 3))):
            story = make_story(rng, rng.randint(1, 30))
            story["start"] = date(2025, 1, 1) + timedelta(days=day)
            stories.append(story)
            for _k in range(story["left"]):
                article = make_article(rng, story, next(made))
                assert article.published is not None
                heapq.heappush(pending, (date.fromisoformat(article.published.value), next(order), article))
        today = date(2025, 1, 1) + timedelta(days=day)
        while pending and pending[0][0] <= today:
            yield heapq.heappop(pending)[2]
        day += 1


GENERATORS = {"scale": stream, "news": stream_news}


def articles(gen: str) -> Iterator[Article]:
    return GENERATORS[gen](random.Random(7), [])


def build(args: argparse.Namespace) -> None:
    args.dir.mkdir(parents=True, exist_ok=True)
    sizes = sorted(args.sizes)
    work = args.dir / f"{args.generator}-building.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    store = open_store(work)
    t0 = time.process_time()
    for n, article in enumerate(itertools.islice(articles(args.generator), sizes[-1]), start=1):
        store.upsert_article(article)
        link_article(store, article)
        if n in sizes:
            store.close()
            shutil.copyfile(work, args.dir / f"{args.generator}-{n}.db")
            print(f"  {n:,} articles stored ({time.process_time() - t0:.0f} s CPU), {len(open_store(work).stories(limit=100000)):,} stories",
                  file=sys.stderr, flush=True)
            store = open_store(work)
    store.close()
    work.unlink()


def time_one(args: argparse.Namespace, size: int, tmp: Path, profile: cProfile.Profile | None) -> tuple[float, float]:
    """CPU ms and SQL statements per timed article, linking into a fresh copy of the store of ``size``."""
    copy = tmp / f"copy-{size}.db"
    shutil.copyfile(args.dir / f"{args.generator}-{size}.db", copy)
    store = open_store(copy)
    statements = _count_statements(store)
    todo = itertools.islice(articles(args.generator), size, size + args.warm + args.timed)
    cpu: list[float] = []
    sql: list[int] = []
    for i, article in enumerate(todo):
        timed = i >= args.warm
        if timed and profile:
            profile.enable()
        c0, s0 = time.process_time(), statements[0]
        store.upsert_article(article)
        link_article(store, article)
        if timed:
            cpu.append(time.process_time() - c0)
            sql.append(statements[0] - s0)
            if profile:
                profile.disable()
    store.close()
    copy.unlink()
    return statistics.mean(cpu) * 1000, statistics.mean(sql)


def timing(args: argparse.Namespace) -> None:
    sizes = sorted(args.sizes)
    results: dict[int, list[tuple[float, float]]] = {s: [] for s in sizes}
    profiles = {s: cProfile.Profile(time.process_time) for s in sizes} if args.profile else {}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.rounds):
            for size in sizes if r % 2 == 0 else reversed(sizes):
                results[size].append(time_one(args, size, Path(tmp), profiles.get(size)))
                print(f"  round {r + 1}, {size:,}: {results[size][-1][0]:.2f} CPU ms per article", file=sys.stderr, flush=True)
    for size, prof in profiles.items():
        prof.dump_stats(f"{args.profile}-{size}.prof")
    base = sizes[0]
    print(f"Linking cost on fixed stores (generator {args.generator}; {args.warm} articles untimed, then {args.timed} timed; {args.rounds} rounds)")
    print("| store size | CPU ms per article (each round) | median | vs the smallest (paired, median) | SQL statements per article |")
    print("| --- | --- | --- | --- | --- |")
    for size in sizes:
        cpus = [c for c, _ in results[size]]
        ratios = [c / b for c, (b, _) in zip(cpus, results[base], strict=True)]
        print(f"| {size:,} | {' / '.join(f'{c:.2f}' for c in cpus)} | {statistics.median(cpus):.2f} | "
              f"{statistics.median(ratios):.2f} | {statistics.mean(s for _, s in results[size]):.0f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("build", "time"))
    ap.add_argument("--dir", type=Path, required=True)
    ap.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1000, 10000])
    ap.add_argument("--generator", choices=sorted(GENERATORS), default="scale")
    ap.add_argument("--warm", type=int, default=150)
    ap.add_argument("--timed", type=int, default=100)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--profile", help="write cProfile stats of the timed articles to PREFIX-SIZE.prof")
    args = ap.parse_args()
    (build if args.command == "build" else timing)(args)


if __name__ == "__main__":
    main()
