"""Schema migrations, registered in code and applied in order, once each.

The FTS table follows sqlite-utils' layout (an external-content FTS5 table
named <table>_fts with _ai/_ad/_au triggers) so Datasette finds and uses it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timezone

Migration = tuple[int, str, Callable[[sqlite3.Connection], None]]


def _statements(script: str) -> list[str]:
    """Split a script into statements (trigger bodies contain semicolons)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return [s for s in statements if s]


def _v1_initial(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE articles (
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
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX idx_articles_published ON articles(published);
        CREATE TABLE article_sources (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            location TEXT NOT NULL,
            url TEXT,
            seen_at TEXT NOT NULL,
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
            id INTEGER PRIMARY KEY,
            input TEXT NOT NULL,
            code TEXT NOT NULL,
            message TEXT NOT NULL,
            at TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX idx_failures_input ON failures(input);
        CREATE VIRTUAL TABLE [articles_fts] USING FTS5 ([title], [text], content=[articles]);
        CREATE TRIGGER [articles_ai] AFTER INSERT ON [articles] BEGIN
          INSERT INTO [articles_fts] (rowid, [title], [text]) VALUES (new.rowid, new.[title], new.[text]);
        END;
        CREATE TRIGGER [articles_ad] AFTER DELETE ON [articles] BEGIN
          INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text]) VALUES('delete', old.rowid, old.[title], old.[text]);
        END;
        CREATE TRIGGER [articles_au] AFTER UPDATE ON [articles] BEGIN
          INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text]) VALUES('delete', old.rowid, old.[title], old.[text]);
          INSERT INTO [articles_fts] (rowid, [title], [text]) VALUES (new.rowid, new.[title], new.[text]);
        END;
        """,
    )


def _run(db: sqlite3.Connection, script: str) -> None:
    # executescript() would commit on its own; statement by statement keeps
    # the migration inside the caller's transaction.
    for statement in _statements(script):
        db.execute(statement)


def _v20_batch_units(db: sqlite3.Connection) -> None:
    # Completion markers of batch work units (newstrace.batch): a unit whose key is here is
    # skipped when an interrupted run is started again. Written in the transaction that
    # stores the unit's last documents, so a marker never exists without its documents.
    _run(
        db,
        """
        CREATE TABLE batch_units (
            key TEXT PRIMARY KEY,
            input TEXT NOT NULL,
            documents INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            finished_at TEXT NOT NULL
        );
        CREATE INDEX idx_failures_unresolved ON failures(resolved, input);
        """,
    )


def _v2_links(db: sqlite3.Connection) -> None:
    # Cross-document links (newstrace.link): stories, claims, conflicts, entities.
    from newstrace.store.sqlite_links import LINK_SCHEMA

    _run(db, LINK_SCHEMA)


def _v40_near_copies(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE article_signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL
        );
        CREATE TABLE article_bands (
            band INTEGER NOT NULL,
            key TEXT NOT NULL,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (band, key, article_id)
        );
        ALTER TABLE article_sources ADD COLUMN similarity REAL;
        """,
    )
    from newstrace.store.near_copies import signature_of

    # Articles stored before this migration get their signatures now.
    for article_id, text in db.execute("SELECT id, text FROM articles").fetchall():
        packed, keys = signature_of(text)
        db.execute("INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)", (article_id, packed))
        db.executemany("INSERT OR IGNORE INTO article_bands (band, key, article_id) VALUES (?, ?, ?)", [(b, k, article_id) for b, k in keys])


def _v41_story_merges(db: sqlite3.Connection) -> None:
    # Stories merged after the fact (newstrace.link.merge) leave a redirect behind.
    from newstrace.store.sqlite_links import MERGE_SCHEMA

    _run(db, MERGE_SCHEMA)


MIGRATIONS: tuple[Migration, ...] = (
    (1, "initial schema with FTS5 search", _v1_initial),
    (2, "cross-document links: stories, claims, conflicts, entities", _v2_links),
    (20, "batch work-unit completion markers", _v20_batch_units),
    (40, "near-copy detection: MinHash signatures and LSH band keys", _v40_near_copies),
    (41, "story merges: redirects from merged stories to the story they became", _v41_story_merges),
)


def migrate(db: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the migrations not yet applied; return their versions."""
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    done = {row[0] for row in db.execute("SELECT version FROM _migrations")}
    applied = []
    for version, name, apply in migrations:
        if version in done:
            continue
        db.execute("BEGIN IMMEDIATE")  # one transaction per migration: all or nothing
        try:
            apply(db)
            db.execute(
                "INSERT INTO _migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (version, name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        applied.append(version)
    return applied
