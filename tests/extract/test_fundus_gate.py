"""Gate on fundus's parser test pages (a peer's data, read from a fetched copy of its repository).

Skipped unless $NEWSTRACE_FUNDUS names a checkout or bare git directory of
https://github.com/flairNLP/fundus (nothing of it is in this repository). Goals from issue 13: body
token F1 at least trafilatura's on every language group, and no page below 0.9 where trafilatura
scores above it.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict

import pytest
from _support import REPO

sys.path.insert(0, str(REPO / "benchmarks"))


def test_body_f1_not_below_trafilatura() -> None:
    from extraction_fundus import Repo, evaluate, pages

    repo = Repo.find(os.environ.get("NEWSTRACE_FUNDUS"))
    if repo is None:
        pytest.skip("fundus repository not found: set NEWSTRACE_FUNDUS to a checkout or bare git directory of flairNLP/fundus")
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    worse: list[str] = []
    for page in pages(repo):
        r = evaluate(page)
        groups[r.lang].append((r.ours[2], r.traf[2]))
        if r.traf[2] > 0.9 > r.ours[2]:
            worse.append(f"{page.name} {r.ours[2]:.3f} < {r.traf[2]:.3f}")
    assert not worse, worse
    behind = {g: (sum(o for o, _ in v) / len(v), sum(t for _, t in v) / len(v)) for g, v in groups.items()}
    assert all(o >= t - 1e-9 for o, t in behind.values()), {g: v for g, v in behind.items() if v[0] < v[1]}
