"""Bring a database to the newest schema with Alembic (revisions in store/migrations/versions)."""

from __future__ import annotations

import threading
from pathlib import Path

from newstrace.errors import StoreError
from newstrace.store.migrations import HEAD
from newstrace.store.sql import Database

_SCRIPTS = Path(__file__).parent / "migrations"
# Alembic keeps its running environment in module-level proxies (alembic.context, alembic.op):
# two upgrades in threads of one process would read each other's connection.
_ALEMBIC = threading.Lock()


def current_revision(db: Database) -> str | None:
    """The revision the database is at (None: not made by Alembic, or empty)."""
    failing: tuple[type[BaseException], ...] = (StoreError, *db.dialect.errors)
    try:
        return db.value("SELECT version_num FROM alembic_version")
    except failing:
        return None


def upgrade(db: Database) -> None:
    """Apply the revisions the database lacks, in one transaction; a pre-Alembic store is stamped
    at the migration it had reached first (migrations/legacy.py). Opening an up-to-date store
    costs one query: Alembic is loaded only when there is something to do."""
    if current_revision(db) == HEAD:
        return
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_SCRIPTS))
    engine = db.dialect.engine()
    try:
        with _ALEMBIC, engine.connect() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()
