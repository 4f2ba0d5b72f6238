"""cross-document links: stories, claims, conflicts, entities

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import BigInt, Real, article_ref, integer, is_postgresql, text

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    pg = is_postgresql()
    # Postings and key tables are clustered on their key in SQLite (WITHOUT ROWID).
    clustered = {"sqlite_with_rowid": False}
    op.create_table("link_meta", text("key", primary_key=True), sa.Column("value", BigInt, nullable=False))
    op.create_table("link_terms", article_ref(primary_key=True), text("terms", False), integer("day"))
    op.create_table("link_df", text("term", primary_key=True), integer("df", False), **clustered)
    op.create_table(
        "link_postings", text("term", False), integer("day"), sa.Column("seq", BigInt, nullable=False), text("article_id", False),
        sa.PrimaryKeyConstraint("term", "seq"), **clustered,
    )
    op.create_table(
        "stories", text("id", primary_key=True), text("title", False), text("first_date"), text("last_date"),
        integer("article_count", False), text("outlets", False), text("updated_at", False),
    )
    op.create_index("idx_stories_last_date", "stories", ["last_date"])
    op.create_table(
        "story_articles", article_ref(primary_key=True),
        sa.Column("story_id", sa.Text(), sa.ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
        sa.Column("seq", BigInt, nullable=False), sa.Column("similarity", Real, nullable=False),
    )
    op.create_index("idx_story_articles_story", "story_articles", ["story_id", "seq"])
    op.create_table(
        "claims", text("id", primary_key=True), text("text", False), text("first_article_id", False), text("first_quote_id"),
        text("first_speaker"), text("first_date"), integer("source_count", False), text("story_id"),
    )
    op.create_index("idx_claims_story", "claims", ["story_id"])
    op.create_table(
        "claim_terms", text("term", False), sa.Column("seq", BigInt, nullable=False), text("claim_id", False),
        sa.PrimaryKeyConstraint("term", "seq"), **clustered,
    )
    # PostgreSQL keeps insertion order in rowseq (SQLite: rowid)
    rowseq = [sa.Column("rowseq", sa.BigInteger(), sa.Identity())] if pg else []
    op.create_table(
        "claim_sources", *rowseq,
        sa.Column("claim_id", sa.Text(), sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False),
        article_ref(), text("quote_id", False), text("speaker"), text("outlet"), text("date"),
        sa.Column("similarity", Real, nullable=False), text("text", False),
        sa.PrimaryKeyConstraint("article_id", "quote_id"),
    )
    op.create_index("idx_claim_sources_claim", "claim_sources", ["claim_id"])
    rowseq = [sa.Column("rowseq", sa.BigInteger(), sa.Identity())] if pg else []
    op.create_table(
        "conflicts", *rowseq, text("id", primary_key=True), text("story_id"), text("topic", False), text("evidence", False),
        text("sides", False), text("found_at", False),
    )
    op.create_index("idx_conflicts_story", "conflicts", ["story_id"])
    op.create_table(
        "conflict_articles",
        sa.Column("conflict_id", sa.Text(), sa.ForeignKey("conflicts.id", ondelete="CASCADE"), nullable=False),
        text("article_id", False), sa.PrimaryKeyConstraint("conflict_id", "article_id"),
    )
    op.create_table(
        "link_entities", text("id", primary_key=True), text("name", False), text("label", False), text("aliases", False),
        text("titles", False), integer("article_count", False), integer("mention_count", False), text("first_date"), text("last_date"),
    )
    op.create_index("idx_link_entities_name", "link_entities", ["name"])
    op.create_table(
        "link_entity_keys", text("key", False), text("entity_id", False), sa.PrimaryKeyConstraint("key", "entity_id"), **clustered,
    )
    op.create_table(
        "link_entity_members",
        sa.Column("entity_id", sa.Text(), sa.ForeignKey("link_entities.id", ondelete="CASCADE"), nullable=False),
        article_ref(), text("surface", False), integer("mentions", False), sa.Column("confidence", Real, nullable=False),
        text("method", False), text("title"), sa.PrimaryKeyConstraint("article_id", "surface"),
    )
    op.create_index("idx_link_entity_members_entity", "link_entity_members", ["entity_id"])
