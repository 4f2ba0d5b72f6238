"""What SQLite and PostgreSQL do differently, one small module each; everything else is shared.

A dialect connects, fills the ``{word}`` slots of the store's statements (store/sql.py), runs
transactions and locks, searches full text, and streams large results. The SQL that both
databases run as written lives in store/articles.py, store/links.py and store/desk.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, ClassVar

import sqlalchemy as sa

from newstrace.errors import ConfigError, StoreError
from newstrace.lang.scripts import UNSPACED
from newstrace.store.desk_base import Filters


class Dialect:
    """The database-specific part of the store (see dialects/sqlite.py, dialects/postgresql.py)."""

    name: ClassVar[str]
    words: ClassVar[Mapping[str, str]]
    sa_dialect: sa.Dialect
    errors: tuple[type[BaseException], ...]  # the driver's error classes
    location: str  # for messages (a password is never in it)

    def connect(self) -> Any:
        raise NotImplementedError

    def missing(self) -> str | None:
        """Why there is no database to read here (None: there may be one; connecting will tell)."""
        return None

    def fault(self, exc: BaseException) -> StoreError:
        """The store's one-line error for a driver error (the disk is full, the database is
        locked, the server went away, anything else), naming the database."""
        return StoreError(f"the database failed ({first_line(exc)})", input=self.location)

    def engine(self) -> sa.Engine:
        """A SQLAlchemy engine on the same database, for Alembic (store/migrate.py)."""
        raise NotImplementedError

    def adapt(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        return params

    def transaction(self, conn: Any) -> AbstractContextManager[None]:
        raise NotImplementedError

    def batch(self, conn: Any) -> AbstractContextManager[None]:
        """The transaction of a batch write (PostgreSQL also pipelines its statements)."""
        return self.transaction(conn)

    def lock_links(self, conn: Any) -> None:
        """Serialise linkers across processes, inside the current transaction."""

    def stream(self, conn: Any, sql: str, params: Any) -> Iterator[tuple[Any, ...]]:
        # Rows are handed on one by one, not with ``yield from``: a stream its reader leaves (an export
        # piped into ``head``) is finalised after the store has closed, and ``yield from`` would close
        # the cursor then, which raises on a closed database ("Exception ignored in ...").
        for row in conn.execute(sql, params):  # noqa: UP028 - see above
            yield row

    def search(self, db: Any, query: str, marks: tuple[str, str], filters: Filters, limit: int, offset: int) -> list[tuple[Any, ...]]:
        """Full-text hits, best first: (id, title, site, published, language, snippet, rank), where
        ``rank`` is lower-is-better and the snippet's matches sit between ``marks``. User input is
        never read as query syntax."""
        raise NotImplementedError


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]


RESUME = "the last transaction was rolled back, nothing half-written; run the same command again to go on"


_UNSPACED = re.compile(f"[{UNSPACED}]")
SNIPPET_CHARS = 60  # each side of a substring hit


def unspaced(query: str) -> bool:
    """Whether the query has words of a script written without spaces, which a word index misses."""
    return bool(_UNSPACED.search(query))


def substring_search(db: Any, query: str, marks: tuple[str, str], filters: Filters, limit: int, offset: int) -> list[tuple[Any, ...]]:
    """Search as substrings, for queries in scripts written without spaces ("火災" inside
    "大規模な火災が発生し"): every term of the query in the title or the text, newest first; the
    same rows as :meth:`Dialect.search`, with the first hit of the first term marked in the snippet."""
    terms = query.split()
    if not terms:
        return []
    where, params = filter_clause(filters)
    clauses = [f"(a.text {{ilike}} :t{i} ESCAPE '\\' OR a.title {{ilike}} :t{i} ESCAPE '\\')" for i in range(len(terms))]
    for i, term in enumerate(terms):
        params[f"t{i}"] = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = db.rows(
        "SELECT a.id, a.title, a.site, a.published, a.language, a.text FROM articles a WHERE "
        + " AND ".join(clauses + ([where] if where else []))
        + " ORDER BY a.published IS NULL, a.published DESC, {seq} LIMIT :limit OFFSET :offset",
        {**params, "limit": limit, "offset": offset},
    )
    opening, closing = marks
    out: list[tuple[Any, ...]] = []
    for rank, (id_, title, site, published, language, text) in enumerate(rows):
        at = (text or "").find(terms[0])
        if at < 0:
            snippet = (text or "")[: 2 * SNIPPET_CHARS]
        else:
            end = at + len(terms[0])
            snippet = ("…" if at > SNIPPET_CHARS else "") + text[max(0, at - SNIPPET_CHARS) : at] + opening + text[at:end] + closing + text[end : end + SNIPPET_CHARS] + "…"
        out.append((id_, title, site, published, language, " ".join(snippet.split()), float(rank)))
    return out


def filter_clause(filters: Filters, alias: str = "a") -> tuple[str, dict[str, Any]]:
    """SQL conditions (joined by AND, or "") and their parameters for the desk's filters."""
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if filters.since:
        clauses.append(f"{alias}.published >= :since")
        params["since"] = filters.since
    if filters.until:  # published values may carry a time: compare their date part
        clauses.append(f"substr({alias}.published, 1, 10) <= :until")
        params["until"] = filters.until
    if filters.site:
        clauses.append(f"{alias}.site = :site")
        params["site"] = filters.site
    if filters.language:
        clauses.append(f"{alias}.language = :language")
        params["language"] = filters.language
    return " AND ".join(clauses), params


def dialect_for(target: str) -> Dialect:
    """The dialect of a SQLite path (the default) or a ``postgresql://`` URL."""
    if target.startswith(("postgresql://", "postgres://")):
        from newstrace.store.dialects.postgresql import PostgreSQL

        return PostgreSQL(target)
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", target):
        raise ConfigError(f"{target.split('://')[0]}:// databases are not supported; give a SQLite path or a postgresql:// URL")
    from newstrace.store.dialects.sqlite import SQLite

    return SQLite(Path(target))
