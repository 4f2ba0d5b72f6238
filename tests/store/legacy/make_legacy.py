"""Make the databases that tests/store/test_store_upgrade.py upgrades: stores written by newstrace
as it was before the store moved to SQLAlchemy + Alembic (commit 33ba904, hand-run migrations 1-41).

Run once, from a checkout of that commit (it needs its store code), with a PostgreSQL URL for the dump:

    python tests/store/legacy/make_legacy.py OUT_DIR [POSTGRES_URL]

It writes OUT_DIR/v41.sqlite and, given a URL, OUT_DIR/v41-postgres.sql (pg_dump --inserts of a fresh
schema). The articles are the synthetic ones of articles.py, written, linked, with a failure and a batch
unit marker, so every table the old schema had holds rows.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).parent))

from articles import legacy_articles  # noqa: E402

from newstrace.link import link_article  # noqa: E402
from newstrace.store import open_store  # noqa: E402
from newstrace.store.base import UnitDone  # noqa: E402
from newstrace.types import Failure  # noqa: E402


def fill(location: str) -> None:
    store = open_store(location)
    first, *rest = legacy_articles()
    store.upsert_article(first)
    link_article(store, first)
    store.record_failure(Failure("broken.html", "E_EXTRACT", "no article text found"))
    store.write_batch([*rest, Failure("empty.txt", "E_EMPTY", "is empty")], [UnitDone("unit-1", "batch.warc.gz", 3, 1)],
                      lambda a: link_article(store, a))
    store.close()


def main() -> None:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    db = out / "v41.sqlite"
    db.unlink(missing_ok=True)
    fill(str(db))
    import sqlite3

    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
    con.execute("VACUUM")
    con.close()
    if len(sys.argv) > 2:
        url = sys.argv[2]
        import psycopg

        schema = f"legacy_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(url, autocommit=True) as c:
            c.execute(f"CREATE SCHEMA {schema}")
        try:
            fill(f"{url}?options={quote(f'-c search_path={schema}')}")
            dump = subprocess.run(
                ["pg_dump", "--inserts", "--no-owner", "--no-privileges", "--schema", schema, url],
                check=True, capture_output=True, text=True,
            ).stdout
            (out / "v41-postgres.sql").write_text(dump.replace(f"{schema}.", "legacy.").replace(f"SCHEMA {schema}", "SCHEMA legacy"))
        finally:
            with psycopg.connect(url, autocommit=True) as c:
                c.execute(f"DROP SCHEMA {schema} CASCADE")


if __name__ == "__main__":
    main()
