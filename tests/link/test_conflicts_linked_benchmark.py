"""benchmarks/conflicts_linked.py: documents ingested as a stream, conflicts found by linking and
read back from the store as `newstrace conflicts` reads them, then scored. Hand-made documents."""

from __future__ import annotations

import sys
from pathlib import Path

from _support import REPO
from link_support import make_article, quote

sys.path.insert(0, str(REPO / "benchmarks"))

from conflict_gold import Claim, Gold, Pair, score  # noqa: E402
from conflicts_linked import across, link_all, repeats, stream_order  # noqa: E402
from ecbplus_docs import EcbDoc  # noqa: E402

from newstrace.model import Article, PublishedDate, SourceRef  # noqa: E402


def _doc(name: str) -> EcbDoc:
    topic, rest = name.split("_")
    return EcbDoc(name, int(topic), topic + ("ecbplus" if rest.endswith("ecbplus") else "ecb"), None, name, {1: (0, len(name))})


def _stream() -> tuple[dict[str, EcbDoc], dict[str, Article]]:
    dated = {"1_3ecb": "2020-01-02", "1_1ecb": "2020-01-05", "2_2ecbplus": "2021-03-01"}
    names = ["1_1ecb", "1_2ecb", "1_3ecb", "1_1ecbplus", "1_2ecbplus", "2_1ecbplus", "2_2ecbplus", "2_10ecbplus", "2_9ecbplus"]
    docs = {n: _doc(n) for n in names}
    arts = {n: Article(id=n, text=n, source=SourceRef("file", n), published=PublishedDate(dated[n], "text") if n in dated else None) for n in names}
    return docs, arts


def test_a_stream_keeps_each_events_publication_order_and_mixes_the_events() -> None:
    docs, arts = _stream()
    order = stream_order(docs, arts, 17, "stream")
    assert sorted(order) == sorted(docs)
    events: dict[str, list[str]] = {}
    for n in order:
        events.setdefault(docs[n].subtopic, []).append(n)
    # dated first by date, the undated after by their number (2_9 before 2_10)
    assert events == {"1ecb": ["1_3ecb", "1_1ecb", "1_2ecb"], "1ecbplus": ["1_1ecbplus", "1_2ecbplus"],
                      "2ecbplus": ["2_2ecbplus", "2_1ecbplus", "2_9ecbplus", "2_10ecbplus"]}
    assert order == stream_order(docs, arts, 17, "stream")  # a seed gives one order
    orders = {tuple(stream_order(docs, arts, seed, "stream")) for seed in range(20)}
    assert len(orders) > 5
    # events interleave: some order does not give one event's documents all in a row
    assert any(len({docs[n].subtopic for n in o[:3]}) > 1 for o in orders)
    shuffled = stream_order(docs, arts, 3, "shuffle")
    assert sorted(shuffled) == sorted(docs) and shuffled == stream_order(docs, arts, 3, "shuffle")


def _claim(doc: str, text: str, key: str) -> Claim:
    at = text.index(key)
    return Claim(doc, 1, key, "", (at, at + len(key)))


def test_conflicts_found_by_linking_are_read_back_and_scored(tmp_path: Path) -> None:
    t1 = "Officials said 60 people were killed in the blast at the market in Tikrit on Monday."
    t2 = "Local medics said 95 people were killed in the blast at the market in Tikrit on Monday."
    a = make_article("a", t1, site="a.org", published="2024-05-01", claims=True,
                     quotes=(quote(t1, "q1", "Officials", "60 people were killed in the blast at the market", "said", speaker_kind="anonymous_group"),))
    b = make_article("b", t2, site="b.org", published="2024-05-01", claims=True,
                     quotes=(quote(t2, "q1", "Local medics", "95 people were killed in the blast at the market", "said", speaker_kind="anonymous_group"),))
    reported, story, counts, _ = link_all(["d1", "d2"], {"d1": a, "d2": b}, tmp_path / "s.db")
    assert counts == {"stored": 2} and story["d1"] == story["d2"] != "-"
    assert len(reported) == 1
    key, sides = reported[0]
    assert key == story["d1"] and {d for side in sides for d, _, _ in side} == {"d1", "d2"}
    toll = Pair("1ecb", "toll: 60 / 95", [_claim("d1", t1, "60 people")], [_claim("d2", t2, "95 people")])
    gold = Gold([1], ["1ecb"], [toll])
    s = score(gold, reported)
    assert (s.reported, s.correct, s.found) == (1, 1, 1)
    assert repeats(gold, s, reported) == 0 and repeats(gold, s, reported * 2) == 2
    docs = {"d1": _doc("1_1ecb"), "d2": _doc("1_2ecbplus")}
    assert across(reported, docs) == (1, 0)  # two events of one topic
    docs = {"d1": _doc("1_1ecb"), "d2": _doc("1_2ecb")}
    assert across(reported, docs) == (0, 0)
