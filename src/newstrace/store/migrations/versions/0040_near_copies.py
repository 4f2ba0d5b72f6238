"""near-copy detection: MinHash signatures and LSH band keys

Revision ID: 0040
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import Real, article_ref, integer, text

revision = "0040"
down_revision = "0020"


def upgrade() -> None:
    op.create_table("article_signatures", article_ref(primary_key=True), sa.Column("signature", sa.LargeBinary(), nullable=False))
    op.create_table("article_bands", integer("band", False), text("key", False), article_ref(), sa.PrimaryKeyConstraint("band", "key", "article_id"))
    op.add_column("article_sources", sa.Column("similarity", Real))
    from newstrace.store.near_copies import signature_of

    # Articles stored before this revision get their signatures now.
    bind = op.get_bind()
    for article_id, body in bind.execute(sa.text("SELECT id, text FROM articles")).fetchall():
        packed, keys = signature_of(body)
        bind.execute(sa.text("INSERT INTO article_signatures (article_id, signature) VALUES (:a, :s)"), {"a": article_id, "s": packed})
        bind.execute(
            sa.text("INSERT INTO article_bands (band, key, article_id) VALUES (:b, :k, :a) ON CONFLICT DO NOTHING"),
            [{"b": b, "k": k, "a": article_id} for b, k in keys],
        )
