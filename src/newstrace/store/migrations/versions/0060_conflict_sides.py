"""conflict sides as rows (which statement takes which side of a conflict), and indexes of the desk's lists

Revision ID: 0060
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import integer, text

revision = "0060"
down_revision = "0050"


def upgrade() -> None:
    # The sides of a conflict live as JSON in conflicts.sides (what the desk shows); these rows
    # are the same sides made searchable, so the store-wide desk views can count, for a
    # statement, the conflicts it takes part in and filter conflicts by speaker or outlet
    # without reading every conflict's JSON.
    op.create_table(
        "conflict_sides",
        sa.Column("conflict_id", sa.Text(), sa.ForeignKey("conflicts.id", ondelete="CASCADE"), nullable=False),
        integer("idx", False), text("article_id", False), text("quote_id"), text("speaker"), integer("position", False),
        sa.PrimaryKeyConstraint("conflict_id", "idx"),
    )
    op.create_index("idx_conflict_sides_quote", "conflict_sides", ["article_id", "quote_id"])
    op.create_index("idx_conflict_sides_speaker", "conflict_sides", ["speaker"])
    # The desk's store-wide lists: the outlet and language choices are read from an index, not
    # from every article row (rows hold the whole text); filters by date, outlet and language
    # join articles through an index that covers them; timelines filter on who an event is
    # according to.
    op.create_index("idx_articles_site", "articles", ["site", "published", "id", "language"])
    op.create_index("idx_articles_language", "articles", ["language", "published", "id", "site"])
    op.create_index("idx_articles_desk", "articles", ["id", "published", "site", "language"])
    op.create_index("idx_events_according", "events", ["according_to", "article_id"])
    # a speaker's statements in the articles of a date range or an outlet: without statistics
    # (the store runs no ANALYZE) SQLite otherwise walks all the speaker's statements per article
    op.create_index("idx_quotes_speaker_article", "quotes", ["speaker", "article_id"])
    op.create_index("idx_conflicts_strength", "conflicts", ["confidence"])
    op.create_index("idx_claims_sources", "claims", ["source_count", "id"])  # statements by the size of their claim
    op.create_index("idx_events_article_quote", "events", ["article_id", "quote_id"])
    from newstrace.store.links import side_rows

    bind = op.get_bind()
    rows = []
    for conflict_id, sides in bind.execute(sa.text("SELECT id, sides FROM conflicts")).fetchall():
        rows += side_rows(conflict_id, json.loads(sides))
    if rows:
        bind.execute(
            sa.text("INSERT INTO conflict_sides (conflict_id, idx, article_id, quote_id, speaker, position)"
                    " VALUES (:c, :i, :a, :q, :speaker, :position)"),
            rows,
        )

