"""Storage. All SQL lives in this package, behind the Store interface."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from newstrace.errors import NotFound
from newstrace.store.base import QuoteRow, SearchHit, Store, TimelineRow, UpsertResult

if TYPE_CHECKING:
    from newstrace.store.dialects import Dialect

__all__ = ["QuoteRow", "SearchHit", "Store", "TimelineRow", "UpsertResult", "default_db_path", "open_store", "require_store"]


def default_db_path() -> Path:
    """NEWSTRACE_DB, else newstrace.db in the user's data directory."""
    env = os.environ.get("NEWSTRACE_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("newstrace", appauthor=False)) / "newstrace.db"


def open_store(location: str | Path | None = None, *, create: bool = True) -> Store:
    """Open the store at a SQLite path (the default) or a ``postgresql://`` URL, upgrading its schema.

    With ``create=False`` a SQLite file that does not exist is an error (NotFound naming it) instead
    of a new empty database: what commands that only read the store ask for."""
    from newstrace.store.articles import SQLStore
    from newstrace.store.dialects import dialect_for

    dialect = dialect_for(str(location) if location is not None else str(default_db_path()))
    if not create:
        _require(dialect)
    return SQLStore(dialect)


def require_store(location: str | Path | None = None) -> None:
    """Raise NotFound (naming it) where there is no database at ``location`` to read."""
    from newstrace.store.dialects import dialect_for

    _require(dialect_for(str(location) if location is not None else str(default_db_path())))


def _require(dialect: Dialect) -> None:
    missing = dialect.missing()
    if missing:
        raise NotFound(missing, input=dialect.location)
