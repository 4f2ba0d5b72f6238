"""Fixtures shared by all tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _support import SEED_GOLD, SEED_PAGE, require_shared
from store_backends import pg_schema_url, pg_url, store, store_location  # noqa: F401 - fixtures: every store test runs on SQLite and PostgreSQL


@pytest.fixture(scope="session")
def seed_page() -> Path:
    return require_shared(SEED_PAGE)


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(require_shared(SEED_GOLD).read_text(encoding="utf-8"))
