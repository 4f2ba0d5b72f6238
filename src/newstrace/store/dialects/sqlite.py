"""SQLite: one writer (``BEGIN IMMEDIATE``), FTS5 search the sqlite-utils way, rowid order."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sa_sqlite

from newstrace.store.desk_base import Filters
from newstrace.store.dialects import Dialect, filter_clause, substring_search, unspaced

_FTS_TOKEN = re.compile(r"\w[\w'-]*", re.UNICODE)


def fts_query(query: str) -> str:
    """Quote each word so user input cannot be read as FTS5 syntax (as Datasette does)."""
    return " ".join(f'"{w}"' for w in _FTS_TOKEN.findall(query))


class SQLite(Dialect):
    name = "sqlite"
    words = {
        "seq": "rowid",  # insertion order: SQLite's rowid
        "rowseq": "rowid",
        "entity_order": "e.rowid",
        "for_update": "",  # BEGIN IMMEDIATE already holds the database's write lock
        "ilike": "LIKE",  # SQLite's LIKE ignores ASCII case
        "c": "",  # text compares by code point already
        "each": "json_each",
        "band_keys": "SELECT key AS band, value AS key FROM json_each(:keys)",  # (array index, value)
    }
    sa_dialect = sa_sqlite.dialect()
    errors = (sqlite3.Error, OSError)

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)

    def connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA busy_timeout=10000")
        return db

    def engine(self) -> sa.Engine:
        engine = sa.create_engine("sqlite://", creator=lambda: sqlite3.connect(str(self.path), isolation_level=None), poolclass=sa.NullPool)

        # The driver would open transactions on its own (and not around DDL); the engine opens
        # them itself, holding the write lock from the start, so a migration is all or nothing.
        @sa.event.listens_for(engine, "begin")
        def _begin(conn: sa.Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine

    @contextmanager
    def transaction(self, conn: sqlite3.Connection) -> Iterator[None]:
        if conn.in_transaction:
            yield
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def search(self, db: Any, query: str, marks: tuple[str, str], filters: Filters, limit: int, offset: int) -> list[tuple[Any, ...]]:
        if unspaced(query):
            return substring_search(db, query, marks, filters, limit, offset)
        match = fts_query(query)
        if not match:
            return []
        where, params = filter_clause(filters)
        opening, closing = marks
        return db.rows(
            "SELECT a.id, a.title, a.site, a.published, a.language, snippet(articles_fts, 1, :open, :close, '…', 24), rank"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH :match" + (f" AND {where}" if where else "") + " ORDER BY rank LIMIT :limit OFFSET :offset",
            {**params, "match": match, "open": opening, "close": closing, "limit": limit, "offset": offset},
        )
