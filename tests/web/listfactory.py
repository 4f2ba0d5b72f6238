"""A store for the desk's store-wide lists: articles from several outlets, speakers, dates and
languages, with stories, claim groups and conflicts written through the store's linker methods."""

from __future__ import annotations

from dataclasses import replace

from _support import distinct_text
from webfactory import make_article

from newstrace.link.storage import ClaimRow, ClaimSourceRow
from newstrace.model import Conflict, ConflictSide
from newstrace.store.base import Store

OUTLETS = ("Example Times", "Daily Rivers", "Valley Post")
SPEAKERS = ("Anna Berg", "Karl Stein", "Maria Lopez", "Anna Bergman")  # "Anna Berg" is a prefix of another name
N = 24


def article_id(i: int) -> str:
    return f"{i:04d}" + "ab" * 6


def fill(store: Store, n: int = N) -> None:
    """n articles (three statements each), three stories, two claims, two conflicts (one confirmed)."""
    for i in range(n):
        a = make_article(
            article_id(i), title=f"Dam report {i}", site=OUTLETS[i % 3], published=f"2024-05-{1 + i % 28:02d}",
            language="de" if i % 6 == 5 else "en", speaker=SPEAKERS[i % 4], extra=" " + distinct_text(100 + i),
        )
        # the engineers' statement gets a confidence that varies, the minister's stays sure
        quotes = (a.quotes[0], replace(a.quotes[1], confidence=0.4 if i % 2 else 0.8), a.quotes[2])
        assert store.upsert_article(replace(a, quotes=quotes)).status == "stored", i
    with store.link_transaction():
        stories = [store.story_new(article_id(k)) for k in range(3)]
        for i in range(3, n):
            store.story_join(stories[i % 3], article_id(i), 0.5)
        # claim 1: the minister's "the dam will hold" in every third article; claim 2: the engineers' in articles 0-5
        for cid, qid, members in (("cl-hold", "q1", range(0, n, 3)), ("cl-crack", "q2", range(6))):
            first = article_id(members[0])
            store.claim_new(ClaimRow(cid, "the dam will hold until June" if qid == "q1" else "the spillway was cracked", first, qid,
                                     None, None, 0, stories[0]), ["dam", "hold"] if qid == "q1" else ["spillway", "crack"])
            for k in members:
                speaker = SPEAKERS[k % 4] if qid == "q1" else "Engineers"
                store.claim_add_source(ClaimSourceRow(cid, article_id(k), qid, speaker, OUTLETS[k % 3], f"2024-05-{1 + k % 28:02d}", 0.9, "x"))
        sides_a = (ConflictSide(article_id(0), "q1", SPEAKERS[0], "the dam will hold", 0, outlet=OUTLETS[0], date="2024-05-01"),
                   ConflictSide(article_id(1), "q2", "Engineers", "the spillway was cracked", 1, outlet=OUTLETS[1], date="2024-05-02"))
        sides_b = (ConflictSide(article_id(3), "q1", SPEAKERS[3], "the dam will hold", 0, outlet=OUTLETS[0], date="2024-05-04"),
                   ConflictSide(article_id(4), None, "Daily Rivers", "the dam gave way", 1, outlet=OUTLETS[1], date="2024-05-05"))
        store.save_conflicts(stories[0], [Conflict("cf-strong", "Will the dam hold?", sides_a, "hold vs cracked", 0.9, "denial", key="k1")])
        store.save_conflicts(stories[0], [Conflict("cf-weak", "Did the dam give way?", sides_b, "hold vs gave way", 0.4, "denial", key="k2")])
    store.review_conflict("cf-strong", "confirmed")
