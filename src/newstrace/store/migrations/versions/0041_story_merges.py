"""story merges: redirects from merged stories to the story they became

Revision ID: 0041
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import Real, text

revision = "0041"
down_revision = "0040"


def upgrade() -> None:
    # A merged story's row goes; its id stays here, pointing at the story it became, so an id a
    # reader saw still resolves. Chains are kept flat (into_id is always a live story).
    op.create_table(
        "story_redirects", text("story_id", primary_key=True), text("into_id", False), sa.Column("similarity", Real, nullable=False),
        text("merged_at", False),
    )
    op.create_index("idx_story_redirects_into", "story_redirects", ["into_id"])
