"""Choosing among overlapping candidates: the longest wins (TimeML marks the maximal
expression), then the more specific rule, then the earlier one. Blocks (money, impossible
dates) take part like candidates, so a blocked span keeps shorter readings out."""

from __future__ import annotations

import bisect

from .candidate import Block, Candidate


def select(found: list[Candidate | Block]) -> list[Candidate]:
    order = sorted(found, key=lambda c: (-c.length, -getattr(c, "priority", 0), c.start, isinstance(c, Candidate)))
    starts: list[int] = []  # sorted starts of taken spans
    ends: list[int] = []
    kept: list[Candidate] = []
    for c in order:
        if c.length <= 0:
            continue
        i = bisect.bisect_left(starts, c.end)
        # The taken span starting before c.end nearest to it is the only one that can overlap
        # (taken spans never overlap each other).
        if i > 0 and ends[i - 1] > c.start:
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        if isinstance(c, Candidate):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept
