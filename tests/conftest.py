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


# Test modules that take more than a few seconds (the shipped model over whole pages or corpora,
# process pools, a served desk): `pytest -m "not slow"` leaves them out for a quick run.
SLOW_MODULES = frozenset()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what needs PostgreSQL (its fixtures, or the store fixture's postgresql run) and what is slow."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        fixtures = getattr(item, "fixturenames", ())
        backend = callspec.params.get("store_location") if callspec is not None else None
        if backend == "postgresql" or (backend is None and {"pg_url", "pg_schema_url"} & set(fixtures)):
            item.add_marker(pytest.mark.postgres)
        if Path(str(item.fspath)).relative_to(Path(__file__).parent).as_posix() in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
