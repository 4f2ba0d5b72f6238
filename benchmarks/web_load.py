"""Bounded load run of the reader's desk: latency of the story, article, search, speaker and entity pages and the store-wide lists (pages and API).

Builds a store of synthetic articles (from the templates below, inserted
through the Store API; stories through the store's linker methods when it has
them), starts `newstrace serve` on loopback, sends a fixed number of requests
per page, stops the server, and prints one table (median and p95 latency).

    python benchmarks/web_load.py                      # 10,000 articles, 200 requests per page
    python benchmarks/web_load.py --articles 2000 --requests 50 --db /tmp/desk.db

Nothing leaves the machine: the server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from newstrace.model import (
    Article,
    Citation,
    Entity,
    Event,
    Image,
    PublishedDate,
    Quote,
    RemovedLine,
    Sentence,
    SourceRef,
    Span,
    Speaker,
    Timex,
)

OUTLETS = ["Harbour Herald", "Daily Rivers", "Capital Post", "Morning Ledger", "Valley Times", "Coastal News", "Metro Wire", "Evening Standard Review"]
WIRES = ["Nordic Wire", "Interfax", "Reuters", "Associated Press", "Agence Centrale"]
PEOPLE = [("Anna Berg", "Water minister"), ("Karl Stein", "Mayor"), ("Maria Lopez", "Police chief"), ("Omar Haddad", "Fire commissioner"),
          ("Li Wei", "Health minister"), ("Sara Novak", "Opposition leader"), ("Tom Reed", "Union spokesman"), ("Ines Costa", "Prime minister"),
          ("Jan Kowalski", "Army general"), ("Eva Lind", "Climate scientist")]  # fmt: skip
GROUPS = ["officials familiar with the matter", "local residents", "analysts", "engineers", "police sources", "diplomats"]
TOPICS = [("flood", "the river", "the dam will hold"), ("strike", "the port", "wages must rise"), ("fire", "the forest", "the blaze is contained"),
          ("election", "the capital", "the count was fair"), ("outbreak", "the hospital", "the virus is under control"),
          ("storm", "the coast", "the evacuation worked"), ("bridge collapse", "the highway", "inspections were skipped"),
          ("budget", "parliament", "the cuts are necessary")]  # fmt: skip
CUES = ["said", "told reporters", "claimed", "insisted", "warned"]


def synthetic_article(i: int, rng: random.Random, start: date) -> tuple[Article, int]:
    topic_i = rng.randrange(len(TOPICS))
    topic, place_, claim = TOPICS[topic_i]
    outlet = rng.choice(OUTLETS)
    wire = rng.choice(WIRES)
    (p1, t1), (p2, _) = rng.sample(PEOPLE, 2)
    group = rng.choice(GROUPS)
    day = start + timedelta(days=rng.randrange(365))
    before = day - timedelta(days=rng.randrange(1, 20))
    cue1, cue2 = rng.choice(CUES), rng.choice(CUES)
    n = i % 997
    parts = [
        f"Update {n} on the {topic} at {place_}. ",
        f"{t1} {p1} {cue1} on {before:%B} {before.day} that \"{claim}\", the {wire} agency reported. ",
        f"{p2} {cue2} that {claim.replace('will', 'will not').replace(' is ', ' is not ').replace(' was ', ' was not ')}. ",
        f"According to {group}, the {topic} began on {before:%B} {before.day} and was reported in {before.year - rng.randrange(1, 6)} too. ",
        "Residents described long queues, closed roads and shops that stayed shut for most of the week. " * rng.randint(2, 6),
        f"A spokesman for the {rng.choice(['ministry', 'city', 'company'])} declined to comment.",
    ]
    text = "".join(parts)
    aid = hashlib.sha256(f"synthetic-{i}".encode()).hexdigest()[:16]

    def sp(piece: str, frm: int = 0) -> Span:
        k = text.index(piece, frm)
        return Span(k, k + len(piece))

    sentences, s0 = [], 0
    for k, ch in enumerate(text):
        if ch == "." and (k + 1 == len(text) or text[k + 1] == " "):
            sentences.append(Sentence(Span(s0, k + 1)))
            s0 = k + 2
    date_text = f"{before:%B} {before.day}"
    tx = sp(date_text)
    year_text = str(before.year - 1)
    quotes = (
        Quote("q1", "direct", (sp(claim),), sp(cue1), cue1, Speaker(p1, p1, "person", sp(p1), None, t1), via=(wire,), said_on=before.isoformat(), said_on_timex=0),
        Quote("q2", "indirect", (Span(sp(p2).end + len(cue2) + 7, sentences[2].span.end - 1),), sp(cue2, sp(p2).start), cue2, Speaker(p2, p2, "person", sp(p2))),
        Quote("q3", "indirect", (sp(f"the {topic} began"),), sp("According to"), "according to", Speaker(group, group, "anonymous_group", sp(group))),
    )
    events = (
        Event("v1", sentences[1].span, before.isoformat(), 0, p1, "q1"),
        Event("v2", sp(f"the {topic} began on {date_text}"), before.isoformat(), 1, group, "q3"),
        Event("v3", sentences[0].span, None, None, None),
    )
    timexes = (Timex(tx, "DATE", before.isoformat(), "dct"), Timex(sp(date_text, tx.end), "DATE", before.isoformat(), "dct"))
    if year_text in text:
        timexes += (Timex(sp(year_text), "DATE", year_text),)
    article = Article(
        id=aid,
        text=text,
        source=SourceRef("synthetic", f"synthetic://{i}"),
        url=f"https://{outlet.lower().replace(' ', '')}.example/{i}",
        title=f"{topic.capitalize()} at {place_}: {p1} says {claim}",
        site=outlet,
        authors=(f"Reporter {i % 53}",),
        published=PublishedDate(day.isoformat(), "option", day.isoformat()),
        language="en" if i % 10 else "de",
        images=(Image(None, f"Scene of the {topic}.", "Photo: Staff"),),
        removed=(RemovedLine("Subscribe to our newsletter", "boilerplate"),),
        cites=(Citation(wire, None, None, None, None, None),),
        sentences=tuple(sentences),
        entities=(Entity("e1", p1, "PERSON", (p1.split()[-1],), (sp(p1),)), Entity("e2", p2, "PERSON", (), (sp(p2),)), Entity("e3", wire, "ORG", (), (sp(wire),))),
        timexes=timexes,
        quotes=quotes,
        events=events,
        stages=("nlp", "time", "quotes", "events"),
    )
    return article, topic_i * 100 + (day - start).days // 14  # a story: same topic, same fortnight


def build_store(db: Path, n: int, seed: int = 7) -> list[str]:
    from newstrace.store import open_store

    rng = random.Random(seed)
    start = date(2025, 1, 1)
    groups: dict[int, list[str]] = {}
    t0 = time.perf_counter()
    with open_store(db) as store:
        batch: list[Article] = []
        stored: set[str] = set()
        for i in range(n):
            article, key = synthetic_article(i, rng, start)
            groups.setdefault(key, []).append(article.id)
            batch.append(article)
            if len(batch) == 500 or i == n - 1:
                if hasattr(store, "write_batch"):
                    stored.update(store.write_batch(batch).stored_ids)
                else:
                    stored.update(a.id for a in batch if store.upsert_article(a).status == "stored")
                batch = []
        # a synthetic text close enough to an earlier one is kept as its near-copy, not as an article
        groups = {k: kept for k, ids in groups.items() if (kept := [a for a in ids if a in stored])}
        stored_in = time.perf_counter() - t0
        stories: list[str] = []
        if hasattr(store, "story_new") and hasattr(store, "link_transaction"):
            with store.link_transaction():
                for ids in groups.values():
                    sid = store.story_new(ids[0])
                    for aid in ids[1:]:
                        store.story_join(sid, aid, 0.5)
                    stories.append(sid)
                    if hasattr(store, "claim_new"):
                        link_claims_and_conflicts(store, sid, ids)
        else:
            stories = [ids[0] for ids in groups.values()]
    took = time.perf_counter() - t0
    print(f"built {n} articles, {len(stories)} stories in {took:.1f}s (articles {stored_in:.1f}s, stories, claims and conflicts {took - stored_in:.1f}s)",
          file=sys.stderr)
    return stories


def link_claims_and_conflicts(store, story_id: str, ids: list[str]) -> None:
    """A story's claim groups and its conflict, written through the store's linker methods (what
    the linker writes for a story of repeated statements, without running its comparisons): the
    opening claim (q1) and its denial (q2) each a claim repeated by every member, and one conflict
    between them with a side per member (up to eight)."""
    from newstrace.link.storage import ClaimRow, ClaimSourceRow
    from newstrace.model import Conflict, ConflictSide

    arts = store.articles(ids)
    for qid in ("q1", "q2"):
        first = arts[0]
        q0 = next(q for q in first.quotes if q.id == qid)
        cid = f"cl-{story_id}-{qid}"
        day = lambda a: a.published.value[:10] if a.published else None  # noqa: E731
        store.claim_new(ClaimRow(cid, first.span_text(q0.content[0]), first.id, qid, q0.speaker.name if q0.speaker else None, day(first), 0,
                                 story_id), {"synthetic", story_id, qid})
        for a in arts:
            q = next(x for x in a.quotes if x.id == qid)
            store.claim_add_source(ClaimSourceRow(cid, a.id, qid, q.speaker.name if q.speaker else None, a.site, day(a), 0.9,
                                                  a.span_text(q.content[0])))
    sides = []
    for i, a in enumerate(arts[:8]):
        qid = "q1" if i % 2 == 0 else "q2"
        q = next(x for x in a.quotes if x.id == qid)
        sides.append(ConflictSide(a.id, qid, q.speaker.name if q.speaker else "", a.span_text(q.content[0]), i % 2, q.content[0].start,
                                  q.content[0].end, a.site, a.published.value[:10] if a.published else None))
    if len({s.position for s in sides}) == 2:
        rng = random.Random(story_id)
        store.save_conflicts(story_id, [Conflict(f"cf-{story_id}", sides[0].text, tuple(sides), "one says it, another denies it",
                                                 round(rng.uniform(0.3, 0.95), 2), "denial", key=f"k-{story_id}")])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered)) + 0.5) - 1))
    return ordered[k]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200, help="requests per page kind")
    parser.add_argument("--db", type=Path, help="reuse or build the store here (default: a temp dir)")
    args = parser.parse_args()

    import httpx

    tmp = tempfile.TemporaryDirectory(prefix="newstrace-load-")
    db = args.db or Path(tmp.name) / "load.db"
    fresh = not db.exists()
    if fresh:
        stories = build_store(db, args.articles)
    from newstrace.store import open_store

    with open_store(db) as store:
        article_ids = [a for (a,) in store.db.execute("SELECT id FROM articles ORDER BY rowid")] if hasattr(store, "db") else []
        stories = [s.id for s in store.stories(limit=100_000)] if hasattr(store, "stories") else []
        stories = stories or article_ids[:500]
        count = store.stats()["articles"]

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newstrace", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(11)
    words = ["flood", "dam", "strike", "wages", "blaze", "election", "virus", "evacuation", "bridge", "budget", "Berg", "Interfax", "queues", "river dam"]
    claims = ["the dam will hold", "wages must rise", "blaze is contained", "count was fair", "virus is under control", "evacuation worked",
              "inspections were skipped", "cuts are necessary", "dam will not hold", "Berg"]
    person = lambda: rng.choice(PEOPLE)[0].replace(" ", "+")  # noqa: E731
    outlet = lambda: rng.choice(OUTLETS).replace(" ", "+")  # noqa: E731
    months = lambda: f"since=2025-{rng.randint(1, 6):02d}-01&until=2025-{rng.randint(7, 12):02d}-28"  # noqa: E731
    pages = {
        "story": lambda: f"/stories/{rng.choice(stories)}",
        "article": lambda: f"/articles/{rng.choice(article_ids)}",
        "search": lambda: f"/search?q={rng.choice(words)}",
        "search (filtered)": lambda: f"/search?q={rng.choice(words)}&since=2025-03-01&until=2025-09-30&site={rng.choice(OUTLETS).replace(' ', '+')}",
        "home": lambda: "/",
        "speaker": lambda: "/entities/" + rng.choice(PEOPLE)[0].replace(" ", "%20"),  # a person's statements, paged and counted
        "entity": lambda: "/entities/" + rng.choice(WIRES).replace(" ", "%20"),  # an organisation named in statements
    }
    lists = {  # the store-wide lists, each as a page and under /api
        "statements": lambda: f"/statements?offset={rng.randrange(0, 2000, 20)}",
        "statements claim": lambda: f"/statements?q={rng.choice(claims).replace(' ', '+')}",
        "statements filtered": lambda: f"/statements?speaker={person()}&outlet={outlet()}&{months()}&min_confidence=0.5",
        "statements sources": lambda: f"/statements?sort={rng.choice(['sources', 'conflicts'])}&language=en",
        "statements story": lambda: f"/statements?story={rng.choice(stories)}",
        "claims": lambda: f"/claims?sort={rng.choice(['sources', 'newest', 'conflicts'])}",
        "claims filtered": lambda: f"/claims?speaker={person()}&{months()}&q={rng.choice(['dam', 'wages', 'fair', 'virus'])}",
        "conflicts": lambda: f"/conflicts?review={rng.choice(['', 'unreviewed'])}&sort={rng.choice(['strongest', 'newest', 'sources'])}",
        "conflicts filtered": lambda: f"/conflicts?speaker={person()}&outlet={outlet()}",
        "timeline": lambda: f"/timeline?offset={rng.randrange(0, 2000, 50)}",
        "timeline filtered": lambda: f"/timeline?speaker={person()}&{months()}",
        "timeline entity": lambda: f"/timeline?entity={rng.choice(WIRES).replace(' ', '+')}&sort=newest",
    }
    for name, make in lists.items():
        pages[name] = make
        pages[f"/api {name}"] = (lambda make=make: "/api" + make())
    results: dict[str, list[float]] = {k: [] for k in pages}
    failures: dict[str, int] = {k: 0 for k in pages}
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            deadline = time.monotonic() + 60
            while True:
                try:
                    client.get("/api/stories?limit=1")
                    break
                except httpx.TransportError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit("the server did not start") from None
                    time.sleep(0.2)
            for name, make in pages.items():  # warm-up: templates, caches, connections
                for _ in range(10):
                    client.get(make())
            for round_ in range(args.requests):
                for name, make in pages.items():
                    url = make()
                    t = time.perf_counter()
                    resp = client.get(url)
                    elapsed = (time.perf_counter() - t) * 1000
                    results[name].append(elapsed)
                    if resp.status_code != 200:
                        failures[name] += 1
    finally:
        server.terminate()
        server.wait(10)
        tmp.cleanup()

    print(f"\nWeb desk load: {count} articles, {len(stories)} stories, {args.requests} sequential requests per page, loopback, one client")
    print(f"{'page':<26}{'requests':>9}{'median ms':>11}{'p95 ms':>9}{'max ms':>9}{'non-200':>9}  goal p95 < 200 ms")
    ok = True
    for name, times in results.items():
        p95 = percentile(times, 95)
        ok &= p95 < 200 or name == "home"
        print(f"{name:<26}{len(times):>9}{statistics.median(times):>11.1f}{p95:>9.1f}{max(times):>9.1f}{failures[name]:>9}  {'ok' if p95 < 200 else 'SLOW'}")
    return 0 if ok and not any(failures.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
