"""The PostgreSQL store (for scale): the same Store interface as SQLite, psycopg 3.

Differences from SQLite that a reader of the code should know:

- Many processes may write at once (batch workers write their own results).
  Every write is an upsert (``INSERT ... ON CONFLICT``), so two workers storing
  the same article never lose or duplicate anything: the first insert wins, the
  second waits on the primary key and becomes a "duplicate" that only adds its
  source row.
- Search is PostgreSQL's own full-text search: a generated ``tsvector`` column
  with a GIN index, queried with ``plainto_tsquery`` (user input is never read
  as query syntax) and ``ts_headline`` for snippets. ``SearchHit.rank`` is the
  negated ``ts_rank_cd``, so lower is better, as with SQLite's FTS5 ``rank``.
- PostgreSQL text cannot hold NUL characters; they are stored as U+FFFD in the
  column copies. The record (JSON) keeps them escaped, so articles read back
  exactly as written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

from newstrace.errors import ConfigError, NotFound, StoreError
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
from newstrace.store.migrations_pg import migrate_pg
from newstrace.store.near_copies import THRESHOLD, signature_of, similarity
from newstrace.store.postgres_desk import PostgresDesk
from newstrace.store.postgres_links import PostgresLinks

_WORD = re.compile(r"\w[\w'-]*", re.UNICODE)
_HEADLINE = "StartSel=[, StopSel=], MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=1, FragmentDelimiter=\" … \""


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", url)


def _t(value: str | None) -> str | None:
    return value.replace("\x00", "\ufffd") if value is not None and "\x00" in value else value


def _iso(value: datetime | str) -> str:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class PostgresStore(PostgresLinks, PostgresDesk):
    """A connection to a PostgreSQL database; safe to open from many processes at once."""

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ModuleNotFoundError:  # pragma: no cover - psycopg is a dependency
            raise ConfigError("the PostgreSQL backend needs psycopg 3: pip install 'psycopg[binary]'") from None
        self.url = url
        self._psycopg = psycopg
        try:
            self.db = psycopg.connect(url, autocommit=True)
            migrate_pg(self.db)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open the database ({str(exc).strip().splitlines()[0]})", input=redact(url)) from None

    # -- writing -----------------------------------------------------------

    def upsert_article(self, article: Article) -> UpsertResult:
        with self._tx():
            return self._upsert(article)

    def _tx(self):
        return self.db.transaction()

    def _upsert(self, a: Article) -> UpsertResult:
        record = article_to_record(a)
        cur = self.db.execute(
            "INSERT INTO articles (id, url, title, site, section, authors, published, published_source, language, text, record,"
            " source_kind, source_location) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (id) DO NOTHING RETURNING id",
            (
                a.id, _t(a.url), _t(a.title), _t(a.site), _t(a.section), _t(json.dumps(list(a.authors))),
                a.published.value if a.published else None, a.published.source if a.published else None,
                a.language, _t(a.text), json.dumps(record, ensure_ascii=False), a.source.kind, _t(a.source.location),
            ),
        )
        stored = cur.fetchone() is not None
        result = UpsertResult("stored" if stored else "duplicate", a.id)
        if stored:
            packed, keys = signature_of(a.text)
            original = self._near_copy_of(a.id, packed, keys)
            if original is not None:
                # Undo the insert inside this transaction: a near-copy is a source, not an article.
                self.db.execute("DELETE FROM articles WHERE id = %s", (a.id,))
                result = UpsertResult("copy", original[0], original[1])
            else:
                self._insert_children(a)
                self.db.execute("INSERT INTO article_signatures (article_id, signature) VALUES (%s, %s)", (a.id, packed))
                with self.db.cursor() as bands:
                    bands.executemany(
                        "INSERT INTO article_bands (band, key, article_id) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                        [(b, k, a.id) for b, k in keys],
                    )
        self.db.execute(
            "INSERT INTO article_sources (article_id, kind, location, url, similarity) VALUES (%s, %s, %s, %s, %s)"
            " ON CONFLICT (article_id, kind, location) DO NOTHING",
            (result.article_id, a.source.kind, _t(a.source.location), _t(a.url), result.similarity),
        )
        self.db.execute("UPDATE failures SET resolved = 1 WHERE input = %s AND resolved = 0", (_t(a.source.location),))
        return result

    def _near_copy_of(self, article_id: str, packed: bytes, keys: list[tuple[int, str]]) -> tuple[str, float] | None:
        """The earliest stored article this text nearly repeats, with the similarity.

        Two near-copies written at the same moment by different workers can both be
        stored (neither sees the other yet); exact copies never are (the id conflicts).
        """
        rows = self.db.execute(
            "SELECT s.article_id, s.signature FROM article_signatures s JOIN articles a ON a.id = s.article_id"
            " WHERE s.article_id <> %s AND s.article_id IN (SELECT b.article_id FROM article_bands b"
            " JOIN unnest(%s::int[], %s::text[]) AS k(band, key) ON b.band = k.band AND b.key = k.key)"
            " ORDER BY a.ingested_at, a.id",
            (article_id, [b for b, _ in keys], [k for _, k in keys]),
        ).fetchall()
        for original, signature in rows:
            score = similarity(packed, bytes(signature))
            if score >= THRESHOLD:
                return original, score
        return None

    def _insert_children(self, a: Article) -> None:
        with self.db.cursor() as cur:
            if a.entities:
                cur.executemany(
                    "INSERT INTO entities (article_id, entity_id, name, label, aliases, mention_count) VALUES (%s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT DO NOTHING",
                    [(a.id, e.id, _t(e.name), e.label, _t(json.dumps(list(e.aliases))), len(e.mentions)) for e in a.entities],
                )
            if a.quotes:
                cur.executemany(
                    'INSERT INTO quotes (article_id, quote_id, kind, speaker, speaker_kind, speaker_text, cue, content, channel, via, said_on, start, "end")'
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    [
                        (
                            a.id, q.id, q.kind,
                            _t(q.speaker.name) if q.speaker else None, q.speaker.kind if q.speaker else None,
                            _t(q.speaker.text) if q.speaker else None,
                            _t(q.cue_text), _t(" … ".join(a.span_text(s) for s in q.content)), _t(q.channel),
                            _t(json.dumps(list(q.via))), q.said_on,
                            min((s.start for s in q.content), default=None), max((s.end for s in q.content), default=None),
                        )
                        for q in a.quotes
                    ],
                )
            if a.timexes:
                cur.executemany(
                    'INSERT INTO timexes (article_id, idx, text, type, value, start, "end") VALUES (%s, %s, %s, %s, %s, %s, %s)'
                    " ON CONFLICT DO NOTHING",
                    [(a.id, i, _t(a.span_text(t.span)), t.type, t.value, t.span.start, t.span.end) for i, t in enumerate(a.timexes)],
                )
            if a.events:
                cur.executemany(
                    'INSERT INTO events (article_id, event_id, date, text, according_to, quote_id, start, "end")'
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    [(a.id, e.id, e.date, _t(a.span_text(e.span)), _t(e.according_to), e.quote_id, e.span.start, e.span.end) for e in a.events],
                )

    def record_failure(self, failure: Failure) -> None:
        self.db.execute(
            "INSERT INTO failures (input, code, message) VALUES (%s, %s, %s)",
            (_t(failure.input), failure.code, _t(failure.message)),
        )

    def write_batch(
        self, outcomes: Iterable[Article | Failure], done: Iterable[UnitDone] = (), on_stored: Callable[[Article], None] | None = None
    ) -> BatchCounts:
        stored_ids: list[str] = []
        duplicate = failed = 0
        done = list(done)
        # pipeline mode: statements go out without waiting for each reply (one round trip per
        # article instead of one per statement)
        with self.db.pipeline(), self._tx():
            for unit in done:
                self.db.execute("UPDATE failures SET resolved = 1 WHERE input = %s AND resolved = 0", (_t(unit.input),))
            for outcome in outcomes:
                if isinstance(outcome, Failure):
                    failed += 1
                    self.db.execute("UPDATE failures SET resolved = 1 WHERE input = %s AND resolved = 0", (_t(outcome.input),))
                    self.record_failure(outcome)
                elif self._upsert(outcome).status == "stored":
                    stored_ids.append(outcome.id)
                    if on_stored is not None:
                        on_stored(outcome)
                else:
                    duplicate += 1
            if done:
                with self.db.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO batch_units (key, input, documents, failed) VALUES (%s, %s, %s, %s)"
                        " ON CONFLICT (key) DO UPDATE SET input = EXCLUDED.input, documents = EXCLUDED.documents,"
                        " failed = EXCLUDED.failed, finished_at = now()",
                        [(_t(u.key), _t(u.input), u.documents, u.failed) for u in done],
                    )
        return BatchCounts(len(stored_ids), duplicate, failed, tuple(stored_ids))

    def done_units(self, keys: Iterable[str]) -> set[str]:
        keys = [_t(k) for k in keys]
        rows = self.db.execute("SELECT key FROM batch_units WHERE key = ANY(%s)", (keys,)).fetchall() if keys else []
        return {k for (k,) in rows}

    # -- reading -----------------------------------------------------------

    def get_article(self, article_id: str) -> Article:
        # The exact id first (an index lookup); the prefix search only when that fails.
        rows = self.db.execute("SELECT record FROM articles WHERE id = %s", (article_id,)).fetchall()
        if not rows:
            rows = self.db.execute("SELECT record FROM articles WHERE id LIKE %s LIMIT 2", (_like(article_id) + "%",)).fetchall()
        if not rows:
            raise NotFound("no article with this id", input=article_id)
        if len(rows) > 1:
            exact = [r for r in rows if json.loads(r[0]).get("id") == article_id]
            if not exact:
                raise NotFound("the id prefix is ambiguous; give more characters", input=article_id)
            rows = exact
        return record_to_article(json.loads(rows[0][0]))

    def article_sources(self, article_id: str) -> list[SourceRef]:
        rows = self.db.execute("SELECT kind, location FROM article_sources WHERE article_id = %s ORDER BY seen_at, seq", (article_id,))
        return [SourceRef(k, loc) for k, loc in rows]

    def iter_articles(self) -> Iterator[Article]:
        """All articles, streamed from a server-side cursor (memory stays flat)."""
        with self._psycopg.connect(self.url, autocommit=False) as conn, conn.cursor(name="newstrace_iter_articles") as cur:
            cur.itersize = 200
            cur.execute("SELECT record FROM articles ORDER BY published NULLS FIRST, seq")
            for (record,) in cur:
                yield record_to_article(json.loads(record))

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        words = _WORD.findall(query)
        if not words:
            return []
        rows = self.db.execute(
            "WITH q AS (SELECT plainto_tsquery('english', %(q)s) AS q),"
            " top AS (SELECT a.id, a.title, a.published, a.text, ts_rank_cd(a.fts, q.q) AS r"
            "         FROM articles a, q WHERE a.fts @@ q.q ORDER BY r DESC, a.seq LIMIT %(limit)s)"
            " SELECT top.id, top.title, top.published, ts_headline('english', top.text, q.q, %(opts)s), top.r"
            " FROM top, q ORDER BY top.r DESC",
            {"q": " ".join(words), "limit": limit, "opts": _HEADLINE},
        )
        return [SearchHit(i, t, p, s, -float(r)) for i, t, p, s, r in rows]

    def quotes(self, speaker: str | None = None, limit: int = 100) -> list[QuoteRow]:
        sql = (
            "SELECT q.article_id, q.quote_id, q.speaker, q.speaker_kind, q.kind, q.cue, q.content, q.channel, q.via, q.said_on,"
            " a.published, a.title FROM quotes q JOIN articles a ON a.id = q.article_id"
        )
        params: list[Any] = []
        if speaker:
            sql += " WHERE q.speaker ILIKE %s OR q.speaker_text ILIKE %s"
            params += [f"%{_like(speaker)}%", f"%{_like(speaker)}%"]
        sql += " ORDER BY a.published NULLS LAST, q.article_id, q.start LIMIT %s"  # undated last, as in SQLite
        params.append(limit)
        return [
            QuoteRow.from_row(r)
            for r in self.db.execute(sql, params)
        ]

    def timeline(self, article_id: str | None = None, limit: int = 500) -> list[TimelineRow]:
        sql = "SELECT e.date, e.text, e.according_to, e.article_id, a.title FROM events e JOIN articles a ON a.id = e.article_id"
        params: list[Any] = []
        if article_id:
            sql += " WHERE e.article_id = %s"
            params.append(article_id)
        sql += ' ORDER BY e.date IS NULL, e.date, e.article_id, e.start LIMIT %s'
        params.append(limit)
        return [TimelineRow(*row) for row in self.db.execute(sql, params)]

    def failures(self) -> list[FailureRow]:
        rows = self.db.execute("SELECT input, code, message, at FROM failures WHERE resolved = 0 ORDER BY id")
        return [FailureRow(i, c, m, _iso(at)) for i, c, m, at in rows]

    def stats(self) -> dict[str, int]:
        return {name: int(self.db.execute(sql).fetchone()[0]) for name, sql in STAT_QUERIES.items()}

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
