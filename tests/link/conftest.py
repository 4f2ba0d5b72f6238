"""Fixtures for the linking tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from _support import SEED_GOLD, SEED_PAGE

# The test modules import their helpers (link_support.py) from this folder.
if str(Path(__file__).parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED_PAGE.exists():
        pytest.skip(f"needs {SEED_PAGE} (shared data absent; set NEWSTRACE_SHARED)")
    return SEED_PAGE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def gold() -> dict:
    if not SEED_GOLD.exists():
        pytest.skip(f"needs {SEED_GOLD} (shared data absent; set NEWSTRACE_SHARED)")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))
