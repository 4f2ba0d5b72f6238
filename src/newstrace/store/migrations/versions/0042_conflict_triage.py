"""conflicts: the question they answer (key), their kind and strength, and a reader's review

Revision ID: 0042
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import Real, text

revision = "0042"
down_revision = "0041"


def upgrade() -> None:
    # ``key`` names the question and the two answers a conflict is about: a conflict found again
    # when more articles join the story (or when stories merge) is the same row, which keeps its
    # id and its review. ``review`` is a reader's triage: confirmed, dismissed or null.
    op.add_column("conflicts", text("key"))
    op.add_column("conflicts", text("kind"))
    op.add_column("conflicts", sa.Column("confidence", Real))
    op.add_column("conflicts", text("review"))
    op.add_column("conflicts", text("reviewed_at"))
    op.create_index("idx_conflicts_story_key", "conflicts", ["story_id", "key"])
