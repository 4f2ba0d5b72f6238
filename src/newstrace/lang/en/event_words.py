"""Event words learned from outlets: which two verbs (or event nouns) news outlets use for one event.

Outlets tell one event with other words ("the quake" / "the temblor", "died" / "were killed",
"injured" / "hurt", "flattened" / "destroyed"), and WordNet does not join all of them. ECB+
(Cybulska & Vossen 2014, CC BY 3.0) marks which event mentions of different outlets' articles refer
to one real event; ``python -m training.event_lemmas`` counts, for each pair of lemmas, in how
many such events both were used (``chains``), in how many pairs of two different events of one
story one was used for each (``apart``), and in how many topics the pair was met in one event
(data/event_lemmas.json.gz; attribution in data/ECBPLUS_NOTICE.txt). Read by
newstrace.link.same_count.

Two words name one kind of event when (all of):
- they were used for one event in at least MIN_CHAINS events of at least MIN_TOPICS topics (a pair
  met in one topic only may be that topic's accident: "hand" / "step", "carry" / "offer");
- the share of their meetings that were one event, (chains + 1) / (chains + apart + 2), is at
  least MIN_RATE: "killed" and "shot" are used for one event often, but more often for two events
  of one story (the shot were not all killed), and "injured" / "killed" never for one;
- neither is a light verb (LIGHT_VERBS): ECB+ marks the verb of "left five dead", "took over",
  "opened fire", "found guilty", "let go" as the event's word, so the verb alone does not name the
  event;
- neither reports speech (REPORTING: "said" / "confirmed" are ECB+ events, but a count told with
  them is not compared: newstrace.link.compare).

How the rules were chosen, measured on ECB+ topics the table did not learn from
(benchmarks/event_words_ecbplus.py, leave one topic out of the 28 it may learn from): the pairs
joined were one event in 49.6 % of their meetings in a story (WordNet's in 24.6 %, one word with
itself in 69.9 %) and cover 3.4 % of the one-event meetings of two words (WordNet 6.3 %, both
8.8 %). Asking also that a pair be one event as often as each word with itself
(``Rules.relative``) joined fewer pairs and not better ones (46.2 %, 2.1 %); one topic instead of
two measured 52.1 % and 5.7 %, but joins topic-specific pairs ("hand" / "step", "carry" / "offer")
and is not what the held-out conflict figure was measured with.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newstrace.lang.en.reporting_verbs import SPEECH_VERBS

TABLE = Path(__file__).resolve().parent / "data" / "event_lemmas.json.gz"
MIN_CHAINS = 2
MIN_TOPICS = 2
MIN_RATE = 0.5
RELATIVE = 0.0  # off: see above
# Verbs that name an event only with their object, particle or complement ("left five dead",
# "took power", "brought in", "opened fire", "found guilty", "put out", "went into rehab").
LIGHT_VERBS = frozenset("be have do make take give get go come bring put set leave keep find open hold turn run see let".split())
REPORTING = SPEECH_VERBS | {"accord"}  # "according to"


@dataclass(frozen=True)
class Rules:
    """When two words' counts make them one kind of event (see the module's docstring);
    ``relative``: at least this share of the rate of either word with itself."""

    min_chains: int = MIN_CHAINS
    min_topics: int = MIN_TOPICS
    min_rate: float = MIN_RATE
    relative: float = RELATIVE


@lru_cache(maxsize=1)
def _table() -> dict[str, list[int]]:
    try:
        with gzip.open(TABLE, "rt", encoding="utf-8") as f:
            pairs: dict[str, list[int]] = json.load(f)["pairs"]
            return pairs
    except FileNotFoundError:
        return {}  # a checkout whose table was not built: no learned pairs


def use_table(path: Path) -> None:
    """Read the pairs from another table (a benchmark's table trained without its own topics)."""
    global TABLE
    TABLE = path
    _table.cache_clear()
    same_event.cache_clear()


def _rate(counts: list[int] | None) -> float:
    chains, apart = (counts[0], counts[1]) if counts else (0, 0)
    return (chains + 1) / (chains + apart + 2)


def _counts(pairs: Mapping[str, list[int]], a: str, b: str) -> list[int] | None:
    return pairs.get(f"{a} {b}" if a <= b else f"{b} {a}")


def joins(pairs: Mapping[str, list[int]], a: str, b: str, rules: Rules) -> bool:
    """Whether a table of pair counts ("a b" -> [chains, apart, topics]) makes ``a`` and ``b``
    (lemmas) one kind of event under ``rules``."""
    if a == b:
        return True
    if a in LIGHT_VERBS or b in LIGHT_VERBS or a in REPORTING or b in REPORTING:
        return False
    counts = _counts(pairs, a, b)
    if counts is None or counts[0] < rules.min_chains or counts[2] < rules.min_topics:
        return False
    rate = _rate(counts)
    return rate >= rules.min_rate and rate >= rules.relative * max(_rate(_counts(pairs, a, a)), _rate(_counts(pairs, b, b)))


@lru_cache(maxsize=65536)
def same_event(a: str, b: str) -> bool:
    """Whether outlets were seen to name one event with ``a`` and ``b`` (lemmas), by the shipped
    table and rules."""
    return joins(_table(), a.lower(), b.lower(), Rules())
