"""Store fixtures that run a test against every backend: SQLite and a real PostgreSQL server.

``store`` is parametrized over both. PostgreSQL tests need ``NEWSTRACE_TEST_PG_URL``
(``eval "$(scripts/start-postgres --export)"`` sets it; ``.ci/run`` does). Where it is
unset they skip with that message; where it is set but the server cannot be reached they
skip too, unless ``NEWSTRACE_TEST_PG_REQUIRED`` is set (CI sets it), and then they fail.
Each PostgreSQL test gets a fresh schema of its own, dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

PG_ENV = "NEWSTRACE_TEST_PG_URL"
BACKENDS = ("sqlite", "postgresql")


def with_search_path(url: str, schema: str) -> str:
    """The URL with ``options=-c search_path=<schema>`` added, so every table lives in that schema."""
    return f"{url}{'&' if '?' in url else '?'}options={quote(f'-c search_path={schema}')}"


@pytest.fixture(scope="session")
def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"PostgreSQL store tests need {PG_ENV}: run `eval \"$(scripts/start-postgres --export)\"` (CI does)")
    import psycopg

    from newstrace.store.dialects.postgresql import redact

    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as exc:
        message = f"PostgreSQL at {redact(url)} cannot be reached ({str(exc).strip().splitlines()[0]})"
        if os.environ.get("NEWSTRACE_TEST_PG_REQUIRED"):
            pytest.fail(message + "; NEWSTRACE_TEST_PG_REQUIRED is set, so this is an error")
        pytest.skip(message)
    return url


@pytest.fixture()
def pg_schema_url(pg_url: str) -> Iterator[str]:
    """A PostgreSQL URL whose tables go into a new, empty schema (dropped after the test)."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield with_search_path(pg_url, schema)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path) -> str:  # noqa: ANN001
    """Where a fresh store lives: a SQLite file, or a PostgreSQL URL with a schema of its own."""
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    return request.getfixturevalue("pg_schema_url")


@pytest.fixture()
def store(store_location: str):  # noqa: ANN201 - the Store protocol
    """A fresh store, once per backend."""
    from newstrace.store import open_store

    s = open_store(store_location)
    yield s
    s.close()
