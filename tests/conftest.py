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


# Tests that take more than about five seconds on the 2-core machine (process pools, the shipped
# model over whole corpora, a browser; measured with --durations): a module, or one test in it.
# `pytest -m "not slow"` leaves them out for a quick run.
SLOW = frozenset({
    "batch/test_batch_kill_resume.py",
    "batch/test_batch_run.py",
    "attribution/test_real_news_shapes.py",
    "attribution/test_bad_input.py::test_ten_thousand_word_quote",
    "extract/test_extraction_gate.py",
    "nlp/test_model_scores.py",
    "timex/test_quality_gate.py",
    "timex/test_bad_input.py::test_one_megabyte_document_is_fast_and_sane",
    "store/test_store_postgres.py::test_concurrent_writers_store_each_article_once_and_lose_no_source",
    "web/test_browser.py",
})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark what needs PostgreSQL (its fixtures, or the store fixture's postgresql run) and what is slow."""
    for item in items:
        callspec = getattr(item, "callspec", None)
        fixtures = getattr(item, "fixturenames", ())
        backend = callspec.params.get("store_location") if callspec is not None else None
        if backend == "postgresql" or (backend is None and {"pg_url", "pg_schema_url"} & set(fixtures)):
            item.add_marker(pytest.mark.postgres)
        module = Path(str(item.fspath)).relative_to(Path(__file__).parent).as_posix()
        if module in SLOW or f"{module}::{item.originalname}" in SLOW:
            item.add_marker(pytest.mark.slow)
