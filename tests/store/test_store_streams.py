"""A stream of rows its reader leaves unfinished (an export piped into ``head``) is dropped quietly,
also once the store has closed: no "Exception ignored ... Cannot operate on a closed database"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.store import Store  # noqa: E402


def test_a_stream_left_after_the_store_closed_closes_quietly(store: Store) -> None:
    for aid in ("a", "b", "c"):
        store.upsert_article(make_article(aid, f"A ferry ran aground off the coast ({aid})."))
    rows = store.sql.stream("SELECT id FROM articles ORDER BY id")
    assert next(rows) == ("a",)
    store.close()
    rows.close()  # what the garbage collector does with a stream its reader left
