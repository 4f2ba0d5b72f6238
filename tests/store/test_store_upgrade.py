"""Migrations: databases made by the store before Alembic upgrade in place; one history, both databases.

tests/store/legacy/ holds a SQLite file and a PostgreSQL dump written by the store as it was at
commit 33ba904 (hand-run migrations 1-41; make_legacy.py says how they were made).
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import sys
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from newstrace.link import link_article
from newstrace.store import open_store
from newstrace.store.migrations import HEAD

LEGACY = Path(__file__).parent / "legacy"
sys.path.insert(0, str(LEGACY))

from articles import legacy_articles  # noqa: E402


def _follow_up():  # noqa: ANN202
    """A later report of the legacy harbour story (not a near-copy of it)."""
    first = legacy_articles()[1]
    text = ("Ferries left Port Elmsby again on Tuesday after the storm that stranded the fleet passed. "
            "Mara Quillon, the harbour master, said the harbour would reopen fully by the weekend.")
    return dataclasses.replace(first, id="legacy0000000009", text=text, quotes=(), events=(), entities=first.entities[:1],
                               source=dataclasses.replace(first.source, location="legacy-9.html"))


def _check_upgraded(location: str) -> None:
    with open_store(location) as store:
        assert store.sql.value("SELECT version_num FROM alembic_version") == HEAD
        stats = store.stats()
        assert (stats["articles"], stats["sources"], stats["quotes"], stats["stories"], stats["failures"]) == (3, 3, 3, 2, 2)
        for article in legacy_articles():
            assert store.get_article(article.id) == article
        assert [h.article_id for h in store.search("orchard")] == ["legacy0000000003"]
        assert {f.input for f in store.failures()} == {"broken.html", "empty.txt"}
        assert store.done_units(["unit-1", "unit-2"]) == {"unit-1"}
        harbour = store.story_of("legacy0000000001")
        assert harbour is not None and store.story_of("legacy0000000002") == harbour
        # the upgraded store takes new writes, and linking joins them to the stories made before
        later = _follow_up()
        assert store.upsert_article(later).status == "stored"
        assert link_article(store, later).story.story_id == harbour
        assert store.get_story(harbour).article_ids[-1] == later.id
    with open_store(location) as store:  # a second open has nothing left to do
        assert store.stats()["articles"] == 4


def test_sqlite_store_made_before_alembic_upgrades_in_place(tmp_path):
    db = tmp_path / "v41.sqlite"
    shutil.copy(LEGACY / "v41.sqlite", db)
    _check_upgraded(str(db))


def test_a_failed_upgrade_leaves_the_database_as_it_was(tmp_path):
    db = tmp_path / "v40.sqlite"
    shutil.copy(LEGACY / "v41.sqlite", db)
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("DELETE FROM _migrations WHERE version = 41")  # says 0041 is still to do; its table is there: it fails
    before = con.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall()
    con.close()
    from newstrace.errors import StoreError

    with pytest.raises(StoreError, match="cannot open the database"):
        open_store(db)
    con = sqlite3.connect(db)
    assert con.execute("SELECT name FROM sqlite_master ORDER BY name").fetchall() == before  # no alembic_version either
    con.close()


@pytest.mark.postgres
def test_postgres_store_made_before_alembic_upgrades_in_place(pg_url):
    import psycopg
    from store_backends import with_search_path

    schema = f"t_{uuid.uuid4().hex[:12]}"
    dump = (LEGACY / "v41-postgres.sql").read_text()
    script = "\n".join(line for line in dump.splitlines() if not line.startswith("\\"))  # psql's meta-commands
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(script.replace("legacy.", f"{schema}.").replace("SCHEMA legacy", f"SCHEMA {schema}"))
    try:
        _check_upgraded(with_search_path(pg_url, schema))
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _columns(location: str) -> dict[str, set[str]]:
    with open_store(location) as store:
        engine = store.dialect.engine()
        try:
            inspector = sa.inspect(engine)
            return {t: {c["name"] for c in inspector.get_columns(t)} for t in inspector.get_table_names() if not t.startswith("articles_fts")}
        finally:
            engine.dispose()


@pytest.mark.postgres
def test_both_databases_get_the_same_tables_and_columns(tmp_path, pg_schema_url):
    sqlite_tables = _columns(str(tmp_path / "new.db"))
    pg_tables = _columns(pg_schema_url)
    # what PostgreSQL keeps in columns and SQLite has built in (rowid order) or in the FTS5 table
    extras = {"articles": {"seq", "fts"}, "article_sources": {"seq"}, "claim_sources": {"rowseq"}, "conflicts": {"rowseq"}}
    assert set(sqlite_tables) == set(pg_tables)
    for table, columns in sqlite_tables.items():
        assert pg_tables[table] - extras.get(table, set()) == columns, table


def test_head_is_the_history_head():
    from alembic.script import ScriptDirectory

    import newstrace.store.migrations as migrations

    script = ScriptDirectory(str(Path(migrations.__file__).parent))
    assert script.get_heads() == [HEAD]
    assert [r.revision for r in script.walk_revisions()][-1] == "0001"  # one line of history, from the first revision
