"""quote confidence: how sure each statement is, and the candidate of an unresolved speaker

Revision ID: 0050
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import Real, text

revision = "0050"
down_revision = "0042"


def upgrade() -> None:
    op.add_column("quotes", sa.Column("confidence", Real))
    op.add_column("quotes", text("speaker_candidate"))
    op.create_index("idx_quotes_confidence", "quotes", ["confidence"])
    # Statements stored before this revision get their confidence from their article's record
    # (records of schema 1 have none: their statements stay NULL, "not measured").
    bind = op.get_bind()
    for article_id, record in bind.execute(sa.text("SELECT id, record FROM articles")).fetchall():
        try:
            quotes = json.loads(record).get("quotes") or []
        except (TypeError, ValueError):
            continue
        rows = [
            {"a": article_id, "q": q["id"], "c": q.get("confidence"),
             "cand": (q.get("speaker_candidate") or {}).get("name")}
            for q in quotes if isinstance(q, dict) and q.get("confidence") is not None
        ]
        if rows:
            bind.execute(sa.text("UPDATE quotes SET confidence = :c, speaker_candidate = :cand"
                                 " WHERE article_id = :a AND quote_id = :q"), rows)
