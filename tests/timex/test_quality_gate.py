"""Quality gate: TempEval-3 scores must stay within a safe margin of the measured figures.

Floors are about 3 points under what benchmarks/timex_tempeval3.py measured (see BENCHMARKS.md; TBAQ
floors raised after the second round of rule work, platinum's after issue 13's); a drop below them means a
rule change broke something.
Skips when the shared TempEval-3 data is absent.
"""

from __future__ import annotations

import sys

import pytest
from _support import REPO, SHARED, require_shared

sys.path.insert(0, str(REPO / "benchmarks"))

FLOORS = {
    # corpus: (relaxed F1, strict F1, value F1), measured 93.9/87.8/80.5 and 93.3/87.0/82.2 (2026-12-02)
    "tbaq": (90.5, 84.5, 77.5),
    "platinum": (90.0, 84.0, 79.0),
}


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_tempeval3_floors(corpus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    require_shared(SHARED / "data" / "tempeval3")
    monkeypatch.setenv("NEWSTRACE_SHARED", str(SHARED))
    from timex_scoring import score, tempeval3_docs

    s = score(tempeval3_docs(corpus))
    relaxed, strict, value = FLOORS[corpus]
    got = (100 * s.prf()[2], 100 * s.prf(strict=True)[2], 100 * s.attr_f1("value"))
    assert got[0] >= relaxed and got[1] >= strict and got[2] >= value, (
        f"{corpus}: relaxed/strict/value F1 {got[0]:.2f}/{got[1]:.2f}/{got[2]:.2f} "
        f"under floors {relaxed}/{strict}/{value}"
    )
