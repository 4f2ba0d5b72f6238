"""How well event words are matched: on ECB+ topics a table of event words did not learn from,
which pairs of two words outlets used for one event a matcher joins, and how often the pairs it
joins were two events of one story.

Usage: python benchmarks/event_words_ecbplus.py [--data DIR] [--show N]

The conflict benchmark's figures hardly move with the words a figure's verb may be matched to (its
misses are mostly elsewhere), so this measures the matching itself, on ECB+'s event coreference.
For every pair of two different lemmas met in a topic (training.event_lemmas.pair_counts):
``chains``, the events where one outlet used one word and another outlet the other; ``apart``, the
pairs of two events of one story with one word each. A matcher's recall is the share of all such
one-event meetings (summed chains) its joined pairs cover; its precision the share of its joined
pairs' meetings that were one event, chains / (chains + apart), beside that of one word with itself
(the same word used by two outlets).

Two splits, both honest (the table never saw the topic it is scored on):
- ``dev``: the conflict benchmark's 11 development topics, table learned without them;
- ``loto``: each topic that may be learned from (all but the held-out and reserved ones), table
  learned on the others (leave one topic out), summed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newstrace.lang.en.event_words import REPORTING, Rules, joins  # noqa: E402
from newstrace.lang.en.senses import noun_relation, verbs_related  # noqa: E402
from training.event_lemmas import DEV_TOPICS, Mention, load_mentions, pair_counts  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))
Table = dict[str, list[int]]


def table_of(mentions: list[Mention]) -> Table:
    return {f"{a} {b}": [c["chains"], c["apart"], c["topics"]] for (a, b), c in pair_counts(mentions).items()}


def senses(a: str, b: str) -> bool:
    return verbs_related(a, b) or noun_relation(a, b) == "same"


def matchers() -> list[tuple[str, Callable[[Table, str, str], bool]]]:
    shipped = Rules()
    out: list[tuple[str, Callable[[Table, str, str], bool]]] = [
        ("WordNet senses", lambda t, a, b: senses(a, b)),
        ("learned (shipped rules)", lambda t, a, b: joins(t, a, b, shipped)),
        ("WordNet or learned (events mode)", lambda t, a, b: senses(a, b) or joins(t, a, b, shipped)),
    ]
    for name, rules in (
        ("learned, 1 topic enough", Rules(min_topics=1)),
        ("learned, 3 topics", Rules(min_topics=3)),
        ("learned, as often as each word alone", Rules(relative=0.8)),
        ("learned, 1 topic, as often as alone", Rules(min_topics=1, relative=0.8)),
        ("learned, rate >= 0.6", Rules(min_rate=0.6)),
    ):
        out.append((name, lambda t, a, b, r=rules: joins(t, a, b, r)))
    return out


def score(splits: list[tuple[Table, dict]], show: int) -> None:
    """``splits``: (the table learned without a part, that part's pair counts with every pair).
    Pairs with a verb of speech are left out: a count told with one is not compared."""
    splits = [(t, {k: c for k, c in pairs.items() if not set(k) & REPORTING}) for t, pairs in splits]
    total = sum(c["chains"] for _, pairs in splits for (a, b), c in pairs.items() if a != b)
    sw_c = sum(c["chains"] for _, pairs in splits for (a, b), c in pairs.items() if a == b)
    sw_n = sum(c["apart"] for _, pairs in splits for (a, b), c in pairs.items() if a == b)
    print(f"{total} one-event meetings of two words; one word with itself: precision {100 * sw_c / max(1, sw_c + sw_n):.1f}% ({sw_c} one event, {sw_n} apart)")
    print(f"{'matcher':<38} {'pairs':>6} {'one event':>10} {'apart':>6} {'precision':>10} {'recall':>7}")
    for name, match in matchers():
        joined: dict[tuple[str, str], list[int]] = {}
        for table, pairs in splits:
            for (a, b), c in pairs.items():
                if a != b and match(table, a, b):
                    got = joined.setdefault((a, b), [0, 0])
                    got[0] += c["chains"]
                    got[1] += c["apart"]
        c, n = sum(v[0] for v in joined.values()), sum(v[1] for v in joined.values())
        print(f"{name:<38} {len(joined):>6} {c:>10} {n:>6} {100 * c / max(1, c + n):>9.1f}% {100 * c / max(1, total):>6.1f}%")
        if show:
            top = sorted(joined.items(), key=lambda kv: (-kv[1][0] - kv[1][1], kv[0]))[:show]
            print("   ", " ".join(f"{a}/{b} {v[0]}:{v[1]}" for (a, b), v in top))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ecbplus")
    ap.add_argument("--show", type=int, default=0, help="print the N joined pairs met most")
    args = ap.parse_args()
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        sys.exit(f"needs {args.data}/ECBplus_xml.tar.gz (ECB+, ../shared/data/ecbplus)")
    mentions = load_mentions(args.data)
    topics = sorted({m.topic for m in mentions})
    print(f"Event words on ECB+ ({len(topics)} topics that may be learned from, {len(mentions)} event mentions in cross-document chains)")
    print("\ndev: the 11 development topics, table learned on the other topics")
    dev = [m for m in mentions if m.topic in DEV_TOPICS]
    score([(table_of([m for m in mentions if m.topic not in DEV_TOPICS]), pair_counts(dev, every_pair=True))], args.show)
    print("\nloto: each topic, table learned on the others")
    score([(table_of([m for m in mentions if m.topic != t]), pair_counts([m for m in mentions if m.topic == t], every_pair=True)) for t in topics], args.show)


if __name__ == "__main__":
    main()
