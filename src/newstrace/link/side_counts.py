"""How many statements stand on each side of a conflict, as its reason tells a reader.

A conflict's reason ends with the count of statements per position when there are more than two
("rifle vs shotgun (2 vs 13 statements)"): the sides a reader sees are at most
``conflicts.MAX_SIDES`` per position, so the reason keeps the count. A conflict found again as its
story grows gains statements (store/links.py); its reason is counted again then, or it would go on
saying "2 vs 3" beside thirteen statements on one side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_COUNTED = re.compile(r" \((\d+(?: vs \d+)+) statements\)$")


def with_counts(reason: str, counts: Sequence[int]) -> str:
    """``reason`` with the statements per position (in position order) counted at its end; none
    when two statements, one a side, are all there is."""
    base = _COUNTED.sub("", reason)
    if sum(counts) <= 2:
        return base
    return f"{base} ({' vs '.join(str(n) for n in counts)} statements)"


def counts_in(reason: str) -> list[int]:
    """The statements per position a reason counts (empty when it counts none)."""
    m = _COUNTED.search(reason)
    return [int(n) for n in m.group(1).split(" vs ")] if m else []


def recounted(reasons: Iterable[str], positions: Sequence[int], reason: str) -> str:
    """``reason`` counted again after a conflict's sides were merged: per position, the most of the
    statements now on file (``positions``: one position per side) and the counts the merged
    findings' ``reasons`` gave (a finding counts statements beyond the sides it keeps)."""
    width = max([p + 1 for p in positions] + [len(counts_in(r)) for r in reasons] + [2])
    counts = [sum(1 for p in positions if p == n) for n in range(width)]
    for r in reasons:
        for n, c in enumerate(counts_in(r)):
            counts[n] = max(counts[n], c)
    return with_counts(reason, counts)
