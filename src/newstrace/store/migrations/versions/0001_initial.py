"""initial schema: articles, sources, analyses, failures, full-text search

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import BigInt, integer, is_postgresql, stamp, text

revision = "0001"
down_revision = None

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE [articles_fts] USING FTS5 ([title], [text], content=[articles])",
    """CREATE TRIGGER [articles_ai] AFTER INSERT ON [articles] BEGIN
  INSERT INTO [articles_fts] (rowid, [title], [text]) VALUES (new.rowid, new.[title], new.[text]);
END""",
    """CREATE TRIGGER [articles_ad] AFTER DELETE ON [articles] BEGIN
  INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text]) VALUES('delete', old.rowid, old.[title], old.[text]);
END""",
    """CREATE TRIGGER [articles_au] AFTER UPDATE ON [articles] BEGIN
  INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text]) VALUES('delete', old.rowid, old.[title], old.[text]);
  INSERT INTO [articles_fts] (rowid, [title], [text]) VALUES (new.rowid, new.[title], new.[text]);
END""",
]

# the title weighs more than the body; long texts are cut at 500,000 characters, inside tsvector's 1 MB limit
_PG_FTS = """ALTER TABLE articles ADD COLUMN fts tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, left(text, 500000)), 'B')
) STORED"""


def upgrade() -> None:
    pg = is_postgresql()
    # The FTS5 table (sqlite-utils' layout: <table>_fts, external content, _ai/_ad/_au triggers)
    # lets Datasette find and use it; PostgreSQL keeps insertion order in seq columns instead of rowid.
    op.create_table(
        "articles",
        *([sa.Column("seq", sa.BigInteger(), sa.Identity(), unique=True)] if pg else []),
        text("id", primary_key=True),
        text("url"), text("title"), text("site"), text("section"), text("authors"), text("published"),
        text("published_source"), text("language"), text("text", False), text("record", False),
        text("source_kind", False), text("source_location", False), stamp("ingested_at"),
    )
    if pg:
        op.create_index("idx_articles_published", "articles", [sa.text("published NULLS FIRST"), "seq"])
        op.execute(_PG_FTS)
        op.create_index("idx_articles_fts", "articles", ["fts"], postgresql_using="gin")
    else:
        op.create_index("idx_articles_published", "articles", ["published"])
    op.create_table(
        "article_sources",
        *([sa.Column("seq", sa.BigInteger(), sa.Identity())] if pg else []),
        sa.Column("article_id", sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        text("kind", False), text("location", False), text("url"), stamp("seen_at"),
        sa.UniqueConstraint("article_id", "kind", "location"),
    )
    op.create_table(
        "entities",
        sa.Column("article_id", sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        text("entity_id", False), text("name", False), text("label", False), text("aliases", False), integer("mention_count", False),
        sa.PrimaryKeyConstraint("article_id", "entity_id"),
    )
    op.create_index("idx_entities_name", "entities", ["name"])
    op.create_table(
        "quotes",
        sa.Column("article_id", sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        text("quote_id", False), text("kind", False), text("speaker"), text("speaker_kind"), text("speaker_text"),
        text("cue", False), text("content", False), text("channel"), text("via", False), text("said_on"),
        integer("start"), integer("end"),
        sa.PrimaryKeyConstraint("article_id", "quote_id"),
    )
    op.create_index("idx_quotes_speaker", "quotes", ["speaker"])
    op.create_table(
        "timexes",
        sa.Column("article_id", sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        integer("idx", False), text("text", False), text("type", False), text("value"), integer("start", False), integer("end", False),
        sa.PrimaryKeyConstraint("article_id", "idx"),
    )
    op.create_table(
        "events",
        sa.Column("article_id", sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
        text("event_id", False), text("date"), text("text", False), text("according_to"), text("quote_id"),
        integer("start", False), integer("end", False),
        sa.PrimaryKeyConstraint("article_id", "event_id"),
    )
    op.create_index("idx_events_date", "events", ["date"])
    op.create_table(
        "failures",
        sa.Column("id", BigInt, primary_key=True),
        text("input", False), text("code", False), text("message", False), stamp("at"),
        sa.Column("resolved", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_index("idx_failures_input", "failures", ["input"])
    if not pg:
        for statement in _SQLITE_FTS:
            op.execute(statement)
