"""entity evidence: why each merge was made, readers' decisions, redirects from joined entities

Revision ID: 0061
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from newstrace.store.migrations.columns import integer, text

revision = "0061"
down_revision = "0060"


def upgrade() -> None:
    # Each member says which of its article's entities it was (so a split moves the article's
    # whole entity, not one spelling of it) and why it joined: the evidence in words and the
    # article where that evidence was seen (an acronym spelled out elsewhere, say).
    op.add_column("link_entity_members", text("local_id"))
    op.add_column("link_entity_members", text("evidence"))
    op.add_column("link_entity_members", text("evidence_article_id"))
    # The article where a key was first seen (for an acronym: where it was spelled out).
    op.add_column("link_entity_keys", text("article_id"))
    op.create_table(
        "link_entity_merges", integer("id", primary_key=True), text("into_id", False), text("gone_id", False), text("kind", False),
        text("evidence", False), text("article_id"), text("merged_at", False),
    )
    op.create_index("idx_link_entity_merges_into", "link_entity_merges", ["into_id"])
    # A joined entity's id keeps leading to the entity it joined (flat: into_id is always live).
    op.create_table("link_entity_redirects", text("entity_id", primary_key=True), text("into_id", False), text("merged_at", False))
    op.create_index("idx_link_entity_redirects_into", "link_entity_redirects", ["into_id"])
    # Readers' decisions, by the names on each side (entity ids change when entities are linked
    # again; the names the articles wrote do not): "join" makes side a and side b one entity,
    # "split" keeps the names of side b out of the entity of side a.
    op.create_table(
        "entity_decisions", integer("id", primary_key=True), text("kind", False), text("label", False), text("entity_ids", False),
        text("note"), text("decided_at", False),
    )
    op.create_table(
        "entity_decision_names", text("name", False), integer("decision_id", False), text("side", False),
        sa.PrimaryKeyConstraint("name", "decision_id", "side"),
    )
