"""Helpers for tests: where the read-only shared data lives, and the gold file's matching rules."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))
SEED_PAGE = SHARED / "seed" / "crocus-page.txt"
SEED_GOLD = SHARED / "seed" / "crocus-page.gold.json"


def require_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"needs {path} (the project's shared data, absent here; set NEWSTRACE_SHARED)")
    return path


def fold(text: str) -> str:
    """Fold case, quote marks and whitespace, as the gold file's matching rules say."""
    for mark in "\"'“”‘’«»„":
        text = text.replace(mark, "")
    return " ".join(text.split()).casefold()


_CLAUSES = (
    "the council voted on the harbour budget", "rescuers searched the flooded valley", "the court delayed its ruling",
    "train drivers began a two-day strike", "the museum reopened its east wing", "farmers blocked the ring road",
    "a fire damaged the old rail depot", "the school board hired forty teachers", "prices of bread rose again",
    "the river burst its banks near the mill", "the mayor opened a new tram line", "the hospital cut waiting lists",
    "fishermen protested the new quotas", "a storm closed the mountain pass", "the bank raised its lending rate",
    "the airport added three routes", "students occupied the library", "the police arrested two suspects",
    "the zoo welcomed a baby elephant", "the port handled record cargo", "the bridge was closed for repairs",
    "the festival drew large crowds", "a chemical leak forced evacuations", "the factory announced layoffs",
)


def distinct_text(n: int, sentences: int = 6) -> str:
    """Synthetic article text for number ``n``; different numbers give texts that are not near-copies."""
    picked = [(n * 7 + i * (n % 5 + 1) * 5 + i * i) % len(_CLAUSES) for i in range(sentences)]
    return " ".join(f"In {['Arlen', 'Bexley', 'Corran', 'Dunmore'][(n + i) % 4]} on day {n}, {_CLAUSES[c]}." for i, c in enumerate(dict.fromkeys(picked)))
