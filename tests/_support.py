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
