"""PostgreSQL (psycopg 3): many writers at once, advisory locks, tsvector search, streamed reads.

- Batch workers may write at the same moment: every insert is ``ON CONFLICT``-safe (the first
  wins, the second becomes a duplicate that only adds its source row), rows a write reads to
  change are taken ``FOR UPDATE``, and linkers take turns under a database-wide advisory lock
  (linking is incremental and order-dependent: two at once could split one story in two).
- Search is PostgreSQL's own: a stored, generated ``tsvector`` column with a GIN index, queried
  with ``plainto_tsquery`` and ``ts_headline``; the rank is the negated ``ts_rank_cd``, so lower
  is better as with FTS5.
- Text cannot hold NUL: parameters carry U+FFFD instead (the JSON record keeps NUL escaped, so
  articles read back exactly as written).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import psycopg
import sqlalchemy as sa
from psycopg.pq import TransactionStatus
from sqlalchemy.dialects.postgresql import psycopg as sa_psycopg

from newstrace.errors import StoreBusy, StoreError, StoreFull, StoreUnavailable
from newstrace.store.desk_base import Filters
from newstrace.store.dialects import RESUME, Dialect, filter_clause, first_line, substring_search, unspaced

_WORD = re.compile(r"\w[\w'-]*", re.UNICODE)
_LINK_LOCK = 0x6C696E6B  # pg_advisory_xact_lock key: "link"


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", url)


class PostgreSQL(Dialect):
    name = "postgresql"
    words = {
        "seq": "seq",  # insertion order: a BIGSERIAL column
        "rowseq": "rowseq",  # the same on claim_sources and conflicts
        "entity_order": "a.seq, e.entity_id",
        "for_update": " FOR UPDATE",
        "ilike": "ILIKE",
        "c": ' COLLATE "C"',  # code point order, as SQLite
        "each": "json_array_elements_text",
        "band_keys": "SELECT CAST(n - 1 AS integer) AS band, key FROM json_array_elements_text(:keys) WITH ORDINALITY AS t(key, n)",
    }
    sa_dialect = sa_psycopg.dialect()
    errors = (psycopg.Error,)

    def __init__(self, url: str) -> None:
        self.url = url
        self.location = redact(url)

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(self.url, autocommit=True)

    def fault(self, exc: BaseException) -> StoreError:
        state = getattr(getattr(exc, "diag", None), "sqlstate", None) or ""
        if isinstance(exc, psycopg.OperationalError) and (state.startswith(("08", "57P")) or not state):
            # 08: connection exceptions; 57P01-3: the server shut down or restarted; no state: the connection broke
            return StoreUnavailable(f"the database server cannot be reached ({first_line(exc)}); {RESUME} when it is back", input=self.location)
        if state == "53100":  # disk_full
            return StoreFull(f"the database server's disk is full ({first_line(exc)}); {RESUME} once there is space", input=self.location)
        if state in ("55P03", "40P01"):  # lock_not_available, deadlock_detected
            return StoreBusy(f"the database is locked ({first_line(exc)}); {RESUME}", input=self.location)
        return super().fault(exc)

    def engine(self) -> sa.Engine:
        return sa.create_engine("postgresql+psycopg://", creator=lambda: psycopg.connect(self.url), poolclass=sa.NullPool)

    def adapt(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        # runs for every row written: a plain loop, which costs half what any() over a generator does
        for v in params.values():
            if isinstance(v, str) and "\x00" in v:
                return {k: v.replace("\x00", "\ufffd") if isinstance(v, str) else v for k, v in params.items()}
        return params

    @contextmanager
    def transaction(self, conn: psycopg.Connection) -> Iterator[None]:
        if conn.info.transaction_status != TransactionStatus.IDLE:
            yield
            return
        with conn.transaction():
            yield

    @contextmanager
    def batch(self, conn: psycopg.Connection) -> Iterator[None]:
        # pipeline mode: statements go out without waiting for each reply
        with conn.pipeline(), self.transaction(conn):
            yield

    def lock_links(self, conn: psycopg.Connection) -> None:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LINK_LOCK,))

    def stream(self, conn: Any, sql: str, params: Any) -> Iterator[tuple[Any, ...]]:
        # a server-side cursor needs a transaction of its own: a second connection
        with psycopg.connect(self.url, autocommit=False) as own, own.cursor(name="newstrace_stream") as cur:
            cur.itersize = 200
            cur.execute(sql, params)
            yield from cur

    def search(self, db: Any, query: str, marks: tuple[str, str], filters: Filters, limit: int, offset: int) -> list[tuple[Any, ...]]:
        if unspaced(query):
            return substring_search(db, query, marks, filters, limit, offset)
        words = _WORD.findall(query)
        if not words:
            return []
        where, params = filter_clause(filters)
        opening, closing = marks
        headline = (
            f'StartSel="{opening}", StopSel="{closing}", MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "'
        )
        # rank and page first, then headlines for that page only (ts_headline reads the text)
        rows = db.rows(
            "WITH q AS (SELECT plainto_tsquery('english', :q) AS q),"
            " top AS (SELECT a.seq, a.id, a.title, a.site, a.published, a.language, a.text, ts_rank_cd(a.fts, q.q) AS r"
            " FROM articles a, q WHERE a.fts @@ q.q" + (f" AND {where}" if where else "") + " ORDER BY r DESC, a.seq LIMIT :limit OFFSET :offset)"
            " SELECT top.id, top.title, top.site, top.published, top.language, ts_headline('english', top.text, q.q, :opts), top.r"
            " FROM top, q ORDER BY top.r DESC, top.seq",
            {**params, "q": " ".join(words), "limit": limit, "offset": offset, "opts": headline},
        )
        return [(*r[:6], -float(r[6])) for r in rows]
