"""SQLite: one writer (``BEGIN IMMEDIATE``), FTS5 search the sqlite-utils way, rowid order."""

from __future__ import annotations

import errno
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite as sa_sqlite

from newstrace.errors import StoreBusy, StoreError, StoreFull
from newstrace.store.desk_base import Filters
from newstrace.store.dialects import RESUME, Dialect, filter_clause, first_line, substring_search, unspaced

BUSY_TIMEOUT_MS = 10_000

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
    # Named parameters, which sqlite3 reads from the statement's mapping itself: no tuple is built
    # in Python for every row written (qmark, SQLAlchemy's default here, needs one).
    sa_dialect = sa_sqlite.dialect(paramstyle="named")
    errors = (sqlite3.Error, OSError)

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)

    def missing(self) -> str | None:
        if self.path.exists():
            return None
        return "no newstrace database here (`newstrace ingest` creates one; --db or $NEWSTRACE_DB names another)"

    def connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(str(self.path), isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return db

    def fault(self, exc: BaseException) -> StoreError:
        code = getattr(exc, "sqlite_errorcode", None)
        # SQLite reports a disk that cannot take its journal as an I/O error: look at the disk itself.
        io = isinstance(exc, OSError) or code == sqlite3.SQLITE_IOERR or (code or 0) & 0xFF == sqlite3.SQLITE_IOERR
        if code == sqlite3.SQLITE_FULL or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC) or (io and self._disk_full()):
            return StoreFull(f"the disk is full ({first_line(exc)}); {RESUME} once there is space", input=self.location)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            waited = BUSY_TIMEOUT_MS // 1000
            return StoreBusy(f"another process holds the database ({first_line(exc)}, after {waited} s); {RESUME} when it is free", input=self.location)
        if isinstance(exc, OSError) or code in (sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN):
            return StoreError(f"the database file cannot be written ({first_line(exc)}); {RESUME}", input=self.location)
        return super().fault(exc)

    def _disk_full(self) -> bool:
        try:
            return shutil.disk_usage(self.path.parent).free < 1024 * 1024
        except OSError:
            return False

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
            conn.execute("COMMIT")
        except BaseException:
            # SQLite may have rolled back already (a full disk does): roll back only what is still open,
            # so the error that matters is the one raised, not "cannot rollback".
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise

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
