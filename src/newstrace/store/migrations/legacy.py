"""Databases made before Alembic: their ``_migrations`` table says how far they got."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

# version in _migrations -> the revision that makes the same tables
REVISIONS = {1: "0001", 2: "0002", 20: "0020", 40: "0040", 41: "0041"}


def stamp_legacy(connection: sa.Connection, context: MigrationContext, script: ScriptDirectory) -> None:
    """Stamp a pre-Alembic database at the revision it had reached, so only later ones run."""
    inspector = sa.inspect(connection)
    if context.get_current_heads() or not inspector.has_table("_migrations"):
        return
    versions = {v for (v,) in connection.exec_driver_sql("SELECT version FROM _migrations")}
    reached = [rev for version, rev in sorted(REVISIONS.items()) if version in versions]
    if reached:
        context.stamp(script, reached[-1])
