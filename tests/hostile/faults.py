"""Faults for the store tests: a disk that fills up, a database server that drops its connections.

``FAULT_AT`` (an environment variable) names the text of the document before whose analysis
the fault strikes; ``faults:striking`` is the real pipeline with that hook, so a batch run can be
hit in the middle (the records it writes are those of the real pipeline).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator

from newstrace.model import RawDocument
from newstrace.pipeline import AnalysisOptions, Outcome, Pipeline, build_pipeline

# SQLite connections the store opened in this process, so a test can fill "the disk" under them.
OPENED: list[sqlite3.Connection] = []


def track_sqlite(monkeypatch) -> None:  # noqa: ANN001 - pytest's monkeypatch
    """Remember every SQLite connection the store opens from now on."""
    from newstrace.store.dialects.sqlite import SQLite

    original = SQLite.connect

    def connect(self: SQLite) -> sqlite3.Connection:
        conn = original(self)
        OPENED.append(conn)
        return conn

    OPENED.clear()
    monkeypatch.setattr(SQLite, "connect", connect)


def fill_disk() -> None:
    """SQLite's own "database or disk is full" from here on: no open database may grow a page."""
    for conn in OPENED:
        try:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
        except sqlite3.ProgrammingError:  # closed
            continue


def drop_connections(url: str) -> None:
    """What a PostgreSQL restart does to its clients: every other connection is terminated."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )


class Striking(Pipeline):
    """The real pipeline; before the document whose text holds ``FAULT_AT``, the fault strikes once."""

    def run_raw(self, documents: Iterable[RawDocument]) -> Iterator[Outcome]:
        marker = os.environ.get("FAULT_AT", "").encode()
        for raw in documents:
            if marker and marker in raw.content and not os.environ.get("FAULT_DONE"):
                os.environ["FAULT_DONE"] = "1"
                target = os.environ.get("FAULT_DB", "")
                if target.startswith("postgresql"):
                    drop_connections(target)
                else:
                    fill_disk()
            yield from super().run_raw([raw])


def striking(options: AnalysisOptions) -> Pipeline:
    base = build_pipeline(options)
    return Striking(base.stages, options, base.missing)
