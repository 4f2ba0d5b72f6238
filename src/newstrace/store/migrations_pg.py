"""PostgreSQL schema migrations, registered in code, mirroring the SQLite ones.

Version numbers match the SQLite migrations that make the same tables (1: the
initial schema, 2..19: cross-outlet linking, 20..: batch runs), so the two
schemas can be compared migration by migration. Full-text search is
PostgreSQL's own: a stored, generated ``tsvector`` column with a GIN index.

Several workers may open the store at the same moment; each migration runs in
its own transaction under a database-wide advisory lock and re-checks what is
already applied, so exactly one of them applies it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

PgMigration = tuple[int, str, Callable[[Any], None]]

# pg_advisory_xact_lock key: "newstrace migrations".
_LOCK_KEY = 0x6E657773

_V1 = """
CREATE TABLE articles (
    seq BIGSERIAL UNIQUE,
    id TEXT PRIMARY KEY,
    url TEXT,
    title TEXT,
    site TEXT,
    section TEXT,
    authors TEXT,
    published TEXT,
    published_source TEXT,
    language TEXT,
    text TEXT NOT NULL,
    record TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    source_location TEXT NOT NULL,
    ingested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- the title weighs more than the body; long texts are cut at 500,000 characters,
    -- well inside tsvector's 1 MB limit
    fts tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, 500000)), 'B')
    ) STORED
);
CREATE INDEX idx_articles_published ON articles (published NULLS FIRST, seq);
CREATE INDEX idx_articles_fts ON articles USING GIN (fts);
CREATE TABLE article_sources (
    seq BIGSERIAL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    location TEXT NOT NULL,
    url TEXT,
    seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (article_id, kind, location)
);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    aliases TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX idx_entities_name ON entities(name);
CREATE TABLE quotes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    speaker_kind TEXT,
    speaker_text TEXT,
    cue TEXT NOT NULL,
    content TEXT NOT NULL,
    channel TEXT,
    via TEXT NOT NULL,
    said_on TEXT,
    start INTEGER,
    "end" INTEGER,
    PRIMARY KEY (article_id, quote_id)
);
CREATE INDEX idx_quotes_speaker ON quotes(speaker);
CREATE TABLE timexes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    value TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE events (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    date TEXT,
    text TEXT NOT NULL,
    according_to TEXT,
    quote_id TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, event_id)
);
CREATE INDEX idx_events_date ON events(date);
CREATE TABLE failures (
    id BIGSERIAL PRIMARY KEY,
    input TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    at TIMESTAMPTZ NOT NULL DEFAULT now(),
    resolved INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX idx_failures_input ON failures(input);
"""

_V20 = """
CREATE TABLE batch_units (
    key TEXT PRIMARY KEY,
    input TEXT NOT NULL,
    documents INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    finished_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idx_failures_unresolved ON failures(resolved, input);
"""


_V40 = """
CREATE TABLE article_signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    signature BYTEA NOT NULL
);
CREATE TABLE article_bands (
    band INTEGER NOT NULL,
    key TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (band, key, article_id)
);
ALTER TABLE article_sources ADD COLUMN similarity DOUBLE PRECISION;
"""


def _v40_near_copies(conn: Any) -> None:
    from newstrace.store.near_copies import signature_of

    conn.execute(_V40)
    # Articles stored before this migration get their signatures now.
    for article_id, text in conn.execute("SELECT id, text FROM articles").fetchall():
        packed, keys = signature_of(text)
        conn.execute("INSERT INTO article_signatures (article_id, signature) VALUES (%s, %s)", (article_id, packed))
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO article_bands (band, key, article_id) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                [(b, k, article_id) for b, k in keys],
            )


def _sql(script: str) -> Callable[[Any], None]:
    def apply(conn: Any) -> None:
        conn.execute(script)  # psycopg sends a parameterless script as one simple query

    return apply


def _v2_links(conn: Any) -> None:
    from newstrace.store.postgres_links import LINK_SCHEMA_PG

    conn.execute(LINK_SCHEMA_PG)


def _v41_story_merges(conn: Any) -> None:
    from newstrace.store.postgres_links import MERGE_SCHEMA_PG

    conn.execute(MERGE_SCHEMA_PG)


PG_MIGRATIONS: tuple[PgMigration, ...] = (
    (1, "initial schema with tsvector + GIN search", _sql(_V1)),
    (2, "cross-document links: stories, claims, conflicts, entities", _v2_links),
    (20, "batch work-unit completion markers", _sql(_V20)),
    (40, "near-copy detection: MinHash signatures and LSH band keys", _v40_near_copies),
    (41, "story merges: redirects from merged stories to the story they became", _v41_story_merges),
)


def migrate_pg(conn: Any, migrations: tuple[PgMigration, ...] = PG_MIGRATIONS) -> list[int]:
    """Apply the migrations not yet applied, each in its own transaction; return their versions.

    ``conn`` is a psycopg connection in autocommit mode.
    """
    applied: list[int] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
    for version, name, apply in migrations:
        with conn.transaction():  # all or nothing per migration
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            if conn.execute("SELECT 1 FROM _migrations WHERE version = %s", (version,)).fetchone():
                continue
            apply(conn)
            conn.execute("INSERT INTO _migrations (version, name) VALUES (%s, %s)", (version, name))
        applied.append(version)
    return applied
