"""indexes of what linking reads per article: conflicts by article, readers' decisions by decision

Revision ID: 0062
"""

from __future__ import annotations

from alembic import op

revision = "0062"
down_revision = "0061"


def upgrade() -> None:
    # Linking looks up, for the articles of the conflicts it just found, the conflicts on file in
    # other stories that they take part in (store/links.py, _found_elsewhere). The table's key
    # starts with the conflict, so without this index each lookup read the whole table: a cost
    # per linked article that grew with the store (0.7 ms at 1,000 articles, 5.7 ms at 10,000).
    op.create_index("idx_conflict_articles_article", "conflict_articles", ["article_id", "conflict_id"])
    # The names of the readers' decisions that concern an article's names are read per link by
    # decision; the table's key starts with the name, so SQLite walked all of it for each link.
    op.create_index("idx_entity_decision_names_decision", "entity_decision_names", ["decision_id"])
