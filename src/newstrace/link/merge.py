"""Story merging: repairing the early splits of online clustering.

An article joins the story it is closest to when it arrives, so two early
reports of one event that share few words start two stories, and online
clustering alone never puts them back together, however many later articles
bridge them. After each article is placed, the story it changed is compared
with the other active stories the article was also close to (the clusterer's
shortlist: a bounded number, all inside the time window); where the
average-linkage similarity of their members (the same TF-IDF vectors and time
decay as joining) reaches ``StoryOptions.merge_threshold``, the two are one
story. Average linkage, not the closest pair: one article that happens to
share words with both must not glue two events together, which is why batch
average linkage is the reference the merge threshold is tuned against.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from newstrace.text import dot

Vector = dict[str, float]
Member = tuple[Vector, int | None]  # a story member's TF-IDF vector and day number


@dataclass(frozen=True, slots=True)
class Merge:
    into: str  # the story that survives
    gone: str  # the story whose articles moved into it; its id now redirects there
    similarity: float  # average linkage between the two when they merged


def _by_day(members: list[Member]) -> dict[int | None, Vector]:
    """Members summed per day: average linkage factors through the sums of same-day vectors."""
    sums: dict[int | None, Vector] = {}
    for vec, day in members:
        acc = sums.setdefault(day, defaultdict(float))
        for t, v in vec.items():
            acc[t] += v
    return sums


def average_linkage(a: list[Member], b: list[Member], decay_days: float) -> float:
    """Mean over all member pairs (one from each story) of their decayed cosine similarity.

    The pairwise mean equals a sum over pairs of *days* of dot products of per-day vector
    sums, so the cost is that of the distinct days, not of |a| x |b| article pairs.
    """
    if not a or not b:
        return 0.0
    total = 0.0
    days_b = _by_day(b)
    for da, va in _by_day(a).items():
        for db, vb in days_b.items():
            decay = 1.0 if da is None or db is None else math.pow(0.5, abs(da - db) / decay_days)
            total += decay * dot(va, vb)
    return total / (len(a) * len(b))


def survivor(story: str, other: str, sizes: dict[str, int]) -> tuple[str, str]:
    """(into, gone): the larger story survives, so fewer rows move and more readers keep their id.

    On a tie the other story survives: the one just changed is the younger when it was new.
    """
    if sizes.get(story, 0) > sizes.get(other, 0):
        return story, other
    return other, story
