"""The embedded SQLite store (the default backend)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from newstrace.errors import NotFound, StoreError
from newstrace.model import Article, SourceRef
from newstrace.pipeline import Failure
from newstrace.record import article_to_record, record_to_article
from newstrace.store.base import (
    STAT_QUERIES,
    BatchCounts,
    FailureRow,
    QuoteRow,
    SearchHit,
    TimelineRow,
    UnitDone,
    UpsertResult,
)
from newstrace.store.migrations import migrate
from newstrace.store.near_copies import THRESHOLD, signature_of, similarity
from newstrace.store.sqlite_desk import SQLiteDesk
from newstrace.store.sqlite_links import SQLiteLinks

_FTS_TOKEN = re.compile(r"\w[\w'-]*", re.UNICODE)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def fts_query(query: str) -> str:
    """Quote each word so user input cannot be read as FTS5 syntax (as Datasette does)."""
    words = _FTS_TOKEN.findall(query)
    return " ".join(f'"{w}"' for w in words)


class SQLiteStore(SQLiteLinks, SQLiteDesk):
    """One connection, one writer; every write is one transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(str(path), isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
            migrate(self.db)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot open the database ({exc})", input=str(path)) from None

    # -- writing -----------------------------------------------------------

    def upsert_article(self, article: Article) -> UpsertResult:
        """Store an article once per content id; a repeat only adds its source."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            result = self._upsert(article)
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return result

    def _upsert(self, article: Article) -> UpsertResult:
        """The body of :meth:`upsert_article`, inside the caller's transaction."""
        db = self.db
        exists = db.execute("SELECT 1 FROM articles WHERE id = ?", (article.id,)).fetchone()
        result = UpsertResult("duplicate", article.id)
        if not exists:
            packed, keys = signature_of(article.text)
            original = self._near_copy_of(packed, keys)
            if original is not None:
                result = UpsertResult("copy", original[0], original[1])
            else:
                self._insert(article, article_to_record(article))
                db.execute("INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)", (article.id, packed))
                db.executemany(
                    "INSERT OR IGNORE INTO article_bands (band, key, article_id) VALUES (?, ?, ?)", [(b, k, article.id) for b, k in keys]
                )
                result = UpsertResult("stored", article.id)
        db.execute(
            "INSERT OR IGNORE INTO article_sources (article_id, kind, location, url, seen_at, similarity) VALUES (?, ?, ?, ?, ?, ?)",
            (result.article_id, article.source.kind, article.source.location, article.url, _now(), result.similarity),
        )
        db.execute("UPDATE failures SET resolved = 1 WHERE input = ? AND resolved = 0", (article.source.location,))
        return result

    def _near_copy_of(self, packed: bytes, keys: list[tuple[int, str]]) -> tuple[str, float] | None:
        """The earliest stored article this text nearly repeats, with the similarity."""
        clauses = " OR ".join("(band = ? AND key = ?)" for _ in keys)
        params = [v for pair in keys for v in pair]
        rows = self.db.execute(
            f"SELECT s.article_id, s.signature FROM article_signatures s JOIN articles a ON a.id = s.article_id"
            f" WHERE s.article_id IN (SELECT article_id FROM article_bands WHERE {clauses}) ORDER BY a.rowid",
            params,
        ).fetchall()
        for article_id, signature in rows:
            score = similarity(packed, signature)
            if score >= THRESHOLD:
                return article_id, score
        return None

    def _insert(self, a: Article, record: dict) -> None:
        db = self.db
        db.execute(
            "INSERT INTO articles (id, url, title, site, section, authors, published, published_source, language, text, record,"
            " source_kind, source_location, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                a.id, a.url, a.title, a.site, a.section, json.dumps(list(a.authors)),
                a.published.value if a.published else None, a.published.source if a.published else None,
                a.language, a.text, json.dumps(record, ensure_ascii=False), a.source.kind, a.source.location, _now(),
            ),
        )
        db.executemany(
            "INSERT INTO entities (article_id, entity_id, name, label, aliases, mention_count) VALUES (?, ?, ?, ?, ?, ?)",
            [(a.id, e.id, e.name, e.label, json.dumps(list(e.aliases)), len(e.mentions)) for e in a.entities],
        )
        db.executemany(
            'INSERT INTO quotes (article_id, quote_id, kind, speaker, speaker_kind, speaker_text, cue, content, channel, via, said_on, start, "end")'
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    a.id, q.id, q.kind,
                    q.speaker.name if q.speaker else None, q.speaker.kind if q.speaker else None, q.speaker.text if q.speaker else None,
                    q.cue_text, " … ".join(a.span_text(s) for s in q.content), q.channel, json.dumps(list(q.via)), q.said_on,
                    min((s.start for s in q.content), default=None), max((s.end for s in q.content), default=None),
                )
                for q in a.quotes
            ],
        )
        db.executemany(
            'INSERT INTO timexes (article_id, idx, text, type, value, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)',
            [(a.id, i, a.span_text(t.span), t.type, t.value, t.span.start, t.span.end) for i, t in enumerate(a.timexes)],
        )
        db.executemany(
            'INSERT INTO events (article_id, event_id, date, text, according_to, quote_id, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [(a.id, e.id, e.date, a.span_text(e.span), e.according_to, e.quote_id, e.span.start, e.span.end) for e in a.events],
        )

    def record_failure(self, failure: Failure) -> None:
        self.db.execute(
            "INSERT INTO failures (input, code, message, at) VALUES (?, ?, ?, ?)",
            (failure.input, failure.code, failure.message, _now()),
        )

    def write_batch(
        self, outcomes: Iterable[Article | Failure], done: Iterable[UnitDone] = (), on_stored: Callable[[Article], None] | None = None
    ) -> BatchCounts:
        """Many outcomes and unit markers in one transaction (see Store.write_batch)."""
        db = self.db
        stored_ids: list[str] = []
        duplicate = failed = 0
        db.execute("BEGIN IMMEDIATE")
        try:
            done = list(done)
            for unit in done:  # a unit that completes clears its own earlier unit-level failure
                db.execute("UPDATE failures SET resolved = 1 WHERE input = ? AND resolved = 0", (unit.input,))
            for outcome in outcomes:
                if isinstance(outcome, Failure):
                    failed += 1
                    db.execute("UPDATE failures SET resolved = 1 WHERE input = ? AND resolved = 0", (outcome.input,))
                    db.execute(
                        "INSERT INTO failures (input, code, message, at) VALUES (?, ?, ?, ?)",
                        (outcome.input, outcome.code, outcome.message, _now()),
                    )
                elif self._upsert(outcome).status == "stored":
                    stored_ids.append(outcome.id)
                    if on_stored is not None:
                        on_stored(outcome)
                else:
                    duplicate += 1
            db.executemany(
                "INSERT OR REPLACE INTO batch_units (key, input, documents, failed, finished_at) VALUES (?, ?, ?, ?, ?)",
                [(u.key, u.input, u.documents, u.failed, _now()) for u in done],
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        return BatchCounts(len(stored_ids), duplicate, failed, tuple(stored_ids))

    def done_units(self, keys: Iterable[str]) -> set[str]:
        keys = list(keys)
        found: set[str] = set()
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(k for (k,) in self.db.execute(f"SELECT key FROM batch_units WHERE key IN ({marks})", chunk))
        return found

    def unlinked_article_ids(self) -> list[str]:
        """Stored articles that linking has not seen yet (every linked article has its terms row)."""
        rows = self.db.execute("SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM link_terms t WHERE t.article_id = a.id) ORDER BY rowid")
        return [r[0] for r in rows]

    # -- reading -----------------------------------------------------------

    def get_article(self, article_id: str) -> Article:
        # The exact id first (the primary-key lookup every internal caller needs); a prefix only
        # when that fails, as a range so the index serves it (LIKE would scan the table).
        rows = self.db.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchall()
        if not rows and article_id:
            rows = self.db.execute(
                "SELECT record FROM articles WHERE id > ? AND id < ? LIMIT 2", (article_id, article_id + "\U0010ffff")
            ).fetchall()
        if not rows:
            raise NotFound("no article with this id", input=article_id)
        if len(rows) > 1:
            raise NotFound("the id prefix is ambiguous; give more characters", input=article_id)
        return record_to_article(json.loads(rows[0][0]))

    def article_sources(self, article_id: str) -> list[SourceRef]:
        rows = self.db.execute("SELECT kind, location FROM article_sources WHERE article_id = ? ORDER BY seen_at, rowid", (article_id,))
        return [SourceRef(k, loc) for k, loc in rows]

    def iter_articles(self) -> Iterator[Article]:
        for (record,) in self.db.execute("SELECT record FROM articles ORDER BY published, rowid"):
            yield record_to_article(json.loads(record))

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        match = fts_query(query)
        if not match:
            return []
        rows = self.db.execute(
            "SELECT a.id, a.title, a.published, snippet(articles_fts, 1, '[', ']', '…', 24), rank"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        )
        return [SearchHit(i, t, p, s, r) for i, t, p, s, r in rows]

    def quotes(self, speaker: str | None = None, limit: int = 100) -> list[QuoteRow]:
        sql = (
            "SELECT q.article_id, q.quote_id, q.speaker, q.speaker_kind, q.kind, q.cue, q.content, q.channel, q.via, q.said_on,"
            " a.published, a.title FROM quotes q JOIN articles a ON a.id = q.article_id"
        )
        params: list[object] = []
        if speaker:
            sql += " WHERE q.speaker LIKE ? OR q.speaker_text LIKE ?"
            params += [f"%{speaker}%", f"%{speaker}%"]
        sql += " ORDER BY a.published IS NULL, a.published, q.article_id, q.start LIMIT ?"  # undated last
        params.append(limit)
        return [
            QuoteRow.from_row(r)
            for r in self.db.execute(sql, params)
        ]

    def timeline(self, article_id: str | None = None, limit: int = 500) -> list[TimelineRow]:
        sql = "SELECT e.date, e.text, e.according_to, e.article_id, a.title FROM events e JOIN articles a ON a.id = e.article_id"
        params: list[object] = []
        if article_id:
            sql += " WHERE e.article_id = ?"
            params.append(article_id)
        sql += " ORDER BY e.date IS NULL, e.date, e.article_id, e.start LIMIT ?"
        params.append(limit)
        return [TimelineRow(*row) for row in self.db.execute(sql, params)]

    def failures(self) -> list[FailureRow]:
        rows = self.db.execute("SELECT input, code, message, at FROM failures WHERE resolved = 0 ORDER BY id")
        return [FailureRow(*row) for row in rows]

    def stats(self) -> dict[str, int]:
        return {name: int(self.db.execute(sql).fetchone()[0]) for name, sql in STAT_QUERIES.items()}

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
