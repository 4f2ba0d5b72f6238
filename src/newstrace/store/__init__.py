"""Storage. All SQL lives in this package, behind the Store interface."""

from __future__ import annotations

import os
from pathlib import Path

from newstrace.store.base import QuoteRow, SearchHit, Store, TimelineRow, UpsertResult

__all__ = ["QuoteRow", "SearchHit", "Store", "TimelineRow", "UpsertResult", "default_db_path", "open_store"]


def default_db_path() -> Path:
    """NEWSTRACE_DB, else newstrace.db in the user's data directory."""
    env = os.environ.get("NEWSTRACE_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("newstrace", appauthor=False)) / "newstrace.db"


def open_store(location: str | Path | None = None) -> Store:
    """Open the store at a SQLite path (the default) or a ``postgresql://`` URL, upgrading its schema."""
    from newstrace.store.articles import SQLStore
    from newstrace.store.dialects import dialect_for

    return SQLStore(dialect_for(str(location) if location is not None else str(default_db_path())))
