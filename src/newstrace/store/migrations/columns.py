"""Column types and helpers the revisions share (types named once for both databases)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

# SQLite spells these as the store always had them; PostgreSQL as its schema always had them.
BigInt: sa.types.TypeEngine[int] = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Real: sa.types.TypeEngine[float] = sa.REAL().with_variant(postgresql.DOUBLE_PRECISION(), "postgresql")
Stamp: sa.types.TypeEngine[str] = sa.Text().with_variant(postgresql.TIMESTAMP(timezone=True), "postgresql")


def is_postgresql() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def stamp(name: str) -> sa.Column:
    """A time the store writes (ISO text on SQLite; on PostgreSQL a timestamptz defaulting to now())."""
    default = sa.text("now()") if is_postgresql() else None
    return sa.Column(name, Stamp, nullable=False, server_default=default)


def text(name: str, nullable: bool = True, **kw: object) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable, **kw)  # type: ignore[arg-type]


def integer(name: str, nullable: bool = True, **kw: object) -> sa.Column:
    return sa.Column(name, sa.Integer(), nullable=nullable, **kw)  # type: ignore[arg-type]


def article_ref(name: str = "article_id", **kw: object) -> sa.Column:
    return sa.Column(name, sa.Text(), sa.ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, **kw)  # type: ignore[arg-type]
