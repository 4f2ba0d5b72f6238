"""Linking at scale: time and memory to link one more article as the store grows to 10,000.

Usage: python benchmarks/link_scale.py [--articles 10000] [--db PATH] [--merge-threshold T]

Synthetic articles (stories of 1-30 articles spread over a year, each article
with named people, two quotes and dated events, and the claims the claims stage
would read from them: a death toll that differs between some articles of a
story, so conflict detection has figures to compare) are stored and linked one
by one, as `newstrace ingest` does. Reported: the mean time of upsert + link over
the 100 articles ending at each checkpoint (wall clock, and CPU seconds of this
process, which other jobs on a loaded machine move much less), the SQL statements
run per article (what no load moves: the work a link does), the time and peak
Python memory of the last one, and the store's size.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from newstrace.link import link_article
from newstrace.link.linker import DEFAULT_OPTIONS
from newstrace.model import (
    Article,
    Claim,
    Entity,
    Event,
    Figure,
    PublishedDate,
    Quote,
    SourceRef,
    Span,
    Speaker,
)
from newstrace.store import open_store

WORDS = [f"{a}{b}" for a in ("ka", "lo", "mi", "ne", "su", "ta", "ve", "ro", "pi", "da", "fe", "gu") for b in ("ram", "len", "tos", "vik", "dum", "sar", "pel", "gon", "bis", "tur", "mak", "zor")]
FIRST = ["Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Irina", "Jamal", "Kofi", "Lena"]
LAST = [f"{w.capitalize()}ov" for w in WORDS[:60]] + [f"{w.capitalize()}son" for w in WORDS[60:120]]
OUTLETS = ["reuters.com", "apnews.com", "bbc.co.uk", "cnn.com", "theguardian.com", "lemonde.fr", "dw.com", "aljazeera.com"]


def make_story(rng: random.Random, n: int) -> dict:
    return {
        "words": rng.sample(WORDS, 8),
        "place": rng.choice(LAST).replace("ov", "grad").replace("son", "ville"),
        "people": [(rng.choice(FIRST), rng.choice(LAST)) for _ in range(3)],
        "start": date(2025, 1, 1) + timedelta(days=rng.randrange(330)),
        "left": n,
        "toll": rng.randint(3, 200),
    }


def stem_of(word: str) -> str:
    return word[:4]


def make_article(rng: random.Random, story: dict, n: int) -> Article:
    w = story["words"]
    (f1, l1), (f2, l2), _ = story["people"]
    day = story["start"] + timedelta(days=rng.randrange(10))
    filler = " ".join(rng.choice(WORDS) for _ in range(60))
    lead = f"In {story['place']}, the {w[0]} {w[1]} of the {w[2]} {w[3]} drew protests on {day:%B %d}. "
    q1 = f"the {w[4]} {w[5]} was {rng.choice(['planned', 'unexpected', 'necessary'])} and the {w[6]} will {rng.choice(['stay', 'change'])}"
    q2 = f"the {w[1]} of the {w[7]} {rng.choice(['helped', 'hurt'])} the {w[2]} {w[3]}"
    toll = story["toll"] + rng.choice([0, 0, 0, 5])  # most outlets agree; some give another figure
    body = f"{f1} {l1}, the minister, said {q1}. But {l2} said {q2}. Officials said {toll} people were killed. {filler}."
    text = lead + body
    i1, i2 = text.index(q1), text.index(q2)
    quotes = (
        Quote("q1", "indirect", (Span(i1, i1 + len(q1)),), None, "said", Speaker(f"{f1} {l1}", f"{f1} {l1}", "person")),
        Quote("q2", "indirect", (Span(i2, i2 + len(q2)),), None, "said", Speaker(l2, f"{f2} {l2}", "person")),
    )
    entities = (Entity("e1", f"{f1} {l1}", "PERSON", (l1,)), Entity("e2", f"{f2} {l2}", "PERSON", (l2,)), Entity("e3", story["place"], "PLACE"))
    events = (Event("ev1", Span(0, len(lead) - 2), day.isoformat(), None, None),)
    k = text.index(f"{toll} people were killed")
    claims = (
        Claim(Span(i1, i1 + len(q1)), "q1", stem_of(w[5]), subject=w[4], object=w[6]),
        Claim(Span(i2, i2 + len(q2)), "q2", "help", subject=w[1], object=w[2], negated=rng.random() < 0.3),
        Claim(Span(k, k + len(f"{toll} people were killed")), None, "kill", subject="people",
              figures=(Figure(Span(k, k + len(str(toll))), float(toll), float(toll), "people", "killed"),)),
    )
    return Article(
        id=f"art{n:06d}", text=text, source=SourceRef("synthetic", f"art{n}"), title=f"{w[0].capitalize()} {w[1]} in {story['place']}",
        site=rng.choice(OUTLETS), published=PublishedDate(day.isoformat(), "option"), quotes=quotes, entities=entities, events=events, claims=claims,
    )


def stream(rng: random.Random, stories: list[dict]) -> Iterator[Article]:
    """The synthetic articles in order, without end: 80 % join a story that still has articles to
    come, the rest start a new one (of 1-30 articles). ``stories`` receives the stories made."""
    n = 0
    while True:
        n += 1
        live = [s for s in stories if s["left"] > 0]
        story = rng.choice(live) if live and rng.random() < 0.8 else None
        if story is None:
            story = make_story(rng, rng.randint(1, 30))
            stories.append(story)
        story["left"] -= 1
        yield make_article(rng, story, n)


def _count_statements(store) -> list[int]:  # noqa: ANN001 - the SQL store
    """A counter of the statements the store runs (one executemany counts once)."""
    count = [0]
    sql = store.sql
    execute, executemany = sql.execute, sql.executemany

    def counted_execute(statement, params=None):  # noqa: ANN001, ANN202
        count[0] += 1
        return execute(statement, params)

    def counted_executemany(statement, rows):  # noqa: ANN001, ANN202
        count[0] += 1
        return executemany(statement, rows)

    sql.execute, sql.executemany = counted_execute, counted_executemany
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--merge-threshold", type=float, help="merge stories at this average linkage (newstrace.link.merge); default: as ingest")
    args = ap.parse_args()
    options = DEFAULT_OPTIONS if args.merge_threshold is None else dataclasses.replace(DEFAULT_OPTIONS, merge_threshold=args.merge_threshold)
    merges = 0
    rng = random.Random(7)
    tmp = tempfile.TemporaryDirectory()
    db = args.db or Path(tmp.name) / "scale.db"
    store = open_store(db)
    statements = _count_statements(store)
    stories: list[dict] = []
    checkpoints = {c for c in (100, 1000, 2000, 5000, 7500) if c < args.articles} | {args.articles}
    window: list[float] = []
    cpu_window: list[float] = []  # CPU seconds of this process: what other jobs on the machine do not move
    sql_window: list[int] = []
    rows = []
    for n, article in enumerate(itertools.islice(stream(rng, stories), args.articles), start=1):
        last = n == args.articles
        if last:
            tracemalloc.start()
        t0, c0, s0 = time.perf_counter(), time.process_time(), statements[0]
        store.upsert_article(article)
        merges += len(link_article(store, article, options).story.merges)  # type: ignore[union-attr]
        dt = time.perf_counter() - t0
        window = (window + [dt])[-100:]
        cpu_window = (cpu_window + [time.process_time() - c0])[-100:]
        sql_window = (sql_window + [statements[0] - s0])[-100:]
        if last:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        if n in checkpoints:
            rows.append((n, statistics.mean(window) * 1000, statistics.median(window) * 1000, statistics.mean(cpu_window) * 1000,
                         statistics.mean(sql_window), len(store.stories(limit=100000))))
            print(f"  ... {n:,} articles: {rows[-1][1]:.1f} ms per article (mean of the last 100)", file=sys.stderr, flush=True)
    size = db.stat().st_size / 1e6
    print(f"Linking at scale: synthetic articles stored and linked one by one ({args.articles} articles, {len(stories)} real stories)")
    print("| store size (articles) | mean ms per article (last 100) | median ms | mean CPU ms per article | CPU vs 1,000 | SQL statements per article | stories found |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    base = next((cpu for n, _, _, cpu, _, _ in rows if n == 1000), None)
    for n, mean, med, cpu, sql, found in rows:
        ratio = f"{cpu / base:.2f}" if base else "-"
        print(f"| {n:,} | {mean:.1f} | {med:.1f} | {cpu:.1f} | {ratio} | {sql:.0f} | {found:,} |")
    print(f"\nStory merges: {merges} (merge threshold {options.merge_threshold}).")
    print(f"The {args.articles:,}th article: {dt * 1000:.1f} ms, peak Python memory while linking it {peak / 1e6:.2f} MB; database {size:.0f} MB.")
    store.close()


if __name__ == "__main__":
    main()
