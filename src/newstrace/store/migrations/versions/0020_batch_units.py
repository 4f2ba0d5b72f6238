"""batch work-unit completion markers

Revision ID: 0020
"""

from __future__ import annotations

from alembic import op

from newstrace.store.migrations.columns import integer, stamp, text

revision = "0020"
down_revision = "0002"


def upgrade() -> None:
    # A unit whose key is here is skipped when an interrupted batch run starts again; the marker
    # is written in the transaction that stores the unit's last documents.
    op.create_table(
        "batch_units", text("key", primary_key=True), text("input", False), integer("documents", False), integer("failed", False),
        stamp("finished_at"),
    )
    op.create_index("idx_failures_unresolved", "failures", ["resolved", "input"])
