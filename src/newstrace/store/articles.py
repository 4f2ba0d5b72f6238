"""The SQL store: one class for SQLite and PostgreSQL (the dialect does what differs)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from newstrace.errors import NotFound, StoreError
from newstrace.events.readable import event_text
from newstrace.model import Article, SourceRef
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
from newstrace.store.desk import DeskReads
from newstrace.store.desk_base import NO_FILTERS
from newstrace.store.desk_claims import ClaimReads
from newstrace.store.desk_conflicts import ConflictReads
from newstrace.store.desk_statements import StatementReads
from newstrace.store.desk_timeline import TimelineReads
from newstrace.store.dialects import Dialect
from newstrace.store.entity_edits import EntityEdits
from newstrace.store.links import LinkTables
from newstrace.store.migrate import upgrade
from newstrace.store.near_copies import THRESHOLD, signature_of, similarity
from newstrace.store.sql import Database, id_list
from newstrace.types import Failure


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: datetime | str) -> str:
    return value.isoformat(timespec="seconds") if isinstance(value, datetime) else value


_QUOTE_COLS = (
    "q.article_id, q.quote_id, q.speaker, q.speaker_kind, q.kind, q.cue, q.content, q.channel, q.via, q.said_on, a.published, a.title,"
    " q.confidence, q.speaker_candidate"
)


class SQLStore(LinkTables, EntityEdits, DeskReads, StatementReads, ClaimReads, ConflictReads, TimelineReads):
    """A store in SQLite (one writer; every write one transaction) or PostgreSQL (many writers)."""

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        failing: tuple[type[BaseException], ...] = (*dialect.errors, sa.exc.SQLAlchemyError)
        try:
            self.sql = Database(dialect)
            upgrade(self.sql)
        except failing as exc:  # Alembic runs through SQLAlchemy
            original = exc if isinstance(exc, dialect.errors) else getattr(exc, "orig", None)
            if isinstance(original, dialect.errors):  # a full disk, a server that is not there: said as such
                fault = dialect.fault(original)
                raise type(fault)(f"cannot open the database: {fault.message}", input=dialect.location) from None
            raise StoreError(f"cannot open the database ({str(exc).strip().splitlines()[0]})", input=dialect.location) from None
        self.db: Any = self.sql.conn  # the driver's connection, for tools and tests that look inside

    # -- writing -----------------------------------------------------------

    def upsert_article(self, article: Article) -> UpsertResult:
        """Store an article once per content id; a repeat, or a near-copy, only adds its source."""
        with self.sql.transaction():
            return self._upsert(article)

    def _upsert(self, a: Article) -> UpsertResult:
        """The body of :meth:`upsert_article`, inside the caller's transaction.

        The article row goes in first (``ON CONFLICT DO NOTHING``): a repeat, or a concurrent
        writer's copy of the same article, stops there without its text being hashed, and
        PostgreSQL's pipelined batch writes wait for two replies per article, not three. A
        near-copy found afterwards takes the row out again: a near-copy is a source, not an article."""
        sql = self.sql
        result = UpsertResult("duplicate", a.id)
        if self._insert_row(a):
            packed, keys = signature_of(a.text)
            original = self._near_copy_of(a.id, packed, keys)
            if original is not None:
                sql.execute("DELETE FROM articles WHERE id = :id", {"id": a.id})
                result = UpsertResult("copy", original[0], original[1])
            else:
                self._insert_analysis(a, packed, keys)
                result = UpsertResult("stored", a.id)
        sql.execute(
            "INSERT INTO article_sources (article_id, kind, location, url, seen_at, similarity)"
            " VALUES (:id, :kind, :location, :url, :now, :similarity) ON CONFLICT (article_id, kind, location) DO NOTHING",
            {"id": result.article_id, "kind": a.source.kind, "location": a.source.location, "url": a.url, "now": now(),
             "similarity": result.similarity},
        )
        sql.execute("UPDATE failures SET resolved = 1 WHERE input = :input AND resolved = 0", {"input": a.source.location})
        return result

    def _near_copy_of(self, article_id: str, packed: bytes, keys: list[tuple[int, str]]) -> tuple[str, float] | None:
        """The earliest other stored article this text nearly repeats, with the similarity.

        Two near-copies written at the same moment by different PostgreSQL writers can both be
        stored (neither sees the other yet); exact copies never are (the id conflicts)."""
        assert [b for b, _ in keys] == list(range(len(keys)))  # one key per band, in band order
        rows = self.sql.rows(
            "SELECT s.article_id, s.signature FROM article_signatures s JOIN articles a ON a.id = s.article_id"
            " WHERE s.article_id <> :id AND s.article_id IN (SELECT b.article_id FROM article_bands b"
            " JOIN ({band_keys}) k ON b.band = k.band AND b.key = k.key) ORDER BY a.{seq}",
            {"id": article_id, "keys": id_list(k for _, k in keys)},
        )
        for original, signature in rows:
            score = similarity(packed, bytes(signature))
            if score >= THRESHOLD:
                return original, score
        return None

    def _insert_row(self, a: Article) -> bool:
        """Insert the article's row; False if it is stored already (or a concurrent writer stored it first)."""
        sql = self.sql
        stored = sql.row(
            "INSERT INTO articles (id, url, title, site, section, authors, published, published_source, language, text, record,"
            " source_kind, source_location, ingested_at) VALUES (:id, :url, :title, :site, :section, :authors, :published,"
            " :published_source, :language, :text, :record, :source_kind, :source_location, :now)"
            " ON CONFLICT (id) DO NOTHING RETURNING id",
            {
                "id": a.id, "url": a.url, "title": a.title, "site": a.site, "section": a.section, "authors": json.dumps(list(a.authors)),
                "published": a.published.value if a.published else None, "published_source": a.published.source if a.published else None,
                "language": a.language, "text": a.text, "record": json.dumps(article_to_record(a), ensure_ascii=False),
                "source_kind": a.source.kind, "source_location": a.source.location, "now": now(),
            },
        )
        return stored is not None

    def _insert_analysis(self, a: Article, packed: bytes, keys: list[tuple[int, str]]) -> None:
        """The stored article's analysis rows and its near-copy signature."""
        sql = self.sql
        sql.executemany(
            "INSERT INTO entities (article_id, entity_id, name, label, aliases, mention_count)"
            " VALUES (:a, :id, :name, :label, :aliases, :n) ON CONFLICT DO NOTHING",
            [{"a": a.id, "id": e.id, "name": e.name, "label": e.label, "aliases": json.dumps(list(e.aliases)), "n": len(e.mentions)}
             for e in a.entities],
        )
        sql.executemany(
            'INSERT INTO quotes (article_id, quote_id, kind, speaker, speaker_kind, speaker_text, cue, content, channel, via, said_on, start, "end",'
            " confidence, speaker_candidate)"
            " VALUES (:a, :id, :kind, :speaker, :speaker_kind, :speaker_text, :cue, :content, :channel, :via, :said_on, :start, :end,"
            " :confidence, :candidate)"
            " ON CONFLICT DO NOTHING",
            [
                {
                    "a": a.id, "id": q.id, "kind": q.kind,
                    "speaker": q.speaker.name if q.speaker else None, "speaker_kind": q.speaker.kind if q.speaker else None,
                    "speaker_text": q.speaker.text if q.speaker else None, "cue": q.cue_text,
                    "content": " … ".join(a.span_text(s) for s in q.content), "channel": q.channel, "via": json.dumps(list(q.via)),
                    "said_on": q.said_on, "start": min((s.start for s in q.content), default=None),
                    "end": max((s.end for s in q.content), default=None),
                    "confidence": q.confidence, "candidate": q.speaker_candidate.name if q.speaker_candidate else None,
                }
                for q in a.quotes
            ],
        )
        sql.executemany(
            'INSERT INTO timexes (article_id, idx, text, type, value, start, "end") VALUES (:a, :i, :text, :type, :value, :start, :end)'
            " ON CONFLICT DO NOTHING",
            [{"a": a.id, "i": i, "text": a.span_text(t.span), "type": t.type, "value": t.value, "start": t.span.start, "end": t.span.end}
             for i, t in enumerate(a.timexes)],
        )
        sql.executemany(
            'INSERT INTO events (article_id, event_id, date, text, according_to, quote_id, start, "end")'
            " VALUES (:a, :id, :date, :text, :according_to, :quote_id, :start, :end) ON CONFLICT DO NOTHING",
            [{"a": a.id, "id": e.id, "date": e.date, "text": event_text(a, e), "according_to": e.according_to, "quote_id": e.quote_id,
              "start": e.span.start, "end": e.span.end} for e in a.events],
        )
        sql.execute("INSERT INTO article_signatures (article_id, signature) VALUES (:a, :s)", {"a": a.id, "s": packed})
        sql.executemany(
            "INSERT INTO article_bands (band, key, article_id) VALUES (:b, :k, :a) ON CONFLICT DO NOTHING",
            [{"b": b, "k": k, "a": a.id} for b, k in keys],
        )

    def record_failure(self, failure: Failure) -> None:
        self.sql.execute(
            "INSERT INTO failures (input, code, message, at) VALUES (:input, :code, :message, :now)",
            {"input": failure.input, "code": failure.code, "message": failure.message, "now": now()},
        )

    def write_batch(
        self, outcomes: Iterable[Article | Failure], done: Iterable[UnitDone] = (), on_stored: Callable[[Article], None] | None = None
    ) -> BatchCounts:
        """Many outcomes and unit markers in one transaction (see Store.write_batch)."""
        sql = self.sql
        stored_ids: list[str] = []
        duplicate = failed = 0
        done = list(done)
        resolve = "UPDATE failures SET resolved = 1 WHERE input = :input AND resolved = 0"
        with sql.batch():
            for unit in done:  # a unit that completes clears its own earlier unit-level failure
                sql.execute(resolve, {"input": unit.input})
            for outcome in outcomes:
                if isinstance(outcome, Failure):  # a new failure of an input replaces its earlier one
                    failed += 1
                    sql.execute(resolve, {"input": outcome.input})
                    self.record_failure(outcome)
                elif self._upsert(outcome).status == "stored":
                    stored_ids.append(outcome.id)
                    if on_stored is not None:
                        on_stored(outcome)
                else:
                    duplicate += 1
            sql.executemany(
                "INSERT INTO batch_units (key, input, documents, failed, finished_at) VALUES (:key, :input, :documents, :failed, :now)"
                " ON CONFLICT (key) DO UPDATE SET input = excluded.input, documents = excluded.documents, failed = excluded.failed,"
                " finished_at = excluded.finished_at",
                [{"key": u.key, "input": u.input, "documents": u.documents, "failed": u.failed, "now": now()} for u in done],
            )
        return BatchCounts(len(stored_ids), duplicate, failed, tuple(stored_ids))

    def done_units(self, keys: Iterable[str]) -> set[str]:
        rows = self.sql.rows("SELECT key FROM batch_units WHERE key IN (SELECT value FROM {each}(:keys))", {"keys": id_list(keys)})
        return {k for (k,) in rows}

    def unlinked_article_ids(self) -> list[str]:
        """Stored articles that linking has not seen yet (every linked article has its terms row)."""
        rows = self.sql.rows("SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM link_terms t WHERE t.article_id = a.id) ORDER BY a.{seq}")
        return [r[0] for r in rows]

    # -- reading -----------------------------------------------------------

    def get_article(self, article_id: str) -> Article:
        # The exact id first (the primary-key lookup every internal caller needs); a prefix only
        # when that fails, as a range (in code point order) rather than LIKE, which scans.
        rows = self.sql.rows("SELECT record FROM articles WHERE id = :id", {"id": article_id})
        if not rows and article_id:
            rows = self.sql.rows(
                "SELECT record FROM articles WHERE id{c} > :lo AND id{c} < :hi LIMIT 2", {"lo": article_id, "hi": article_id + "\U0010ffff"}
            )
        if not rows:
            raise NotFound("no article with this id", input=article_id)
        if len(rows) > 1:
            raise NotFound("the id prefix is ambiguous; give more characters", input=article_id)
        return record_to_article(json.loads(rows[0][0]))

    def article_sources(self, article_id: str) -> list[SourceRef]:
        rows = self.sql.rows("SELECT kind, location FROM article_sources WHERE article_id = :id ORDER BY seen_at, {seq}", {"id": article_id})
        return [SourceRef(k, loc) for k, loc in rows]

    def iter_articles(self) -> Iterator[Article]:
        """All articles, oldest publication first (undated first), streamed (memory stays flat)."""
        for (record,) in self.sql.stream("SELECT record FROM articles ORDER BY published NULLS FIRST, {seq}"):
            yield record_to_article(json.loads(record))

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        rows = self.dialect.search(self.sql, query, ("[", "]"), NO_FILTERS, limit, 0)
        # one line each: the text's own line breaks would break a listing's layout
        return [SearchHit(i, t, p, " ".join(snippet.split()), rank) for i, t, _site, p, _lang, snippet, rank in rows]

    def quotes(self, speaker: str | None = None, limit: int = 100, min_confidence: float = 0.0) -> list[QuoteRow]:
        """Stored statements, undated last; ``min_confidence`` filters before the limit (statements stored
        before confidences were measured have none and are left out by any minimum above 0)."""
        conds = ["(q.speaker {ilike} :like ESCAPE '\\' OR q.speaker_text {ilike} :like ESCAPE '\\')"] if speaker else []
        if min_confidence > 0:
            conds.append("q.confidence >= :minimum")
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        rows = self.sql.rows(
            f"SELECT {_QUOTE_COLS} FROM quotes q JOIN articles a ON a.id = q.article_id{where}"
            " ORDER BY a.published IS NULL, a.published, q.article_id, q.start LIMIT :limit",  # undated last
            {"like": f"%{like_escape(speaker or '')}%", "limit": limit, "minimum": min_confidence},
        )
        return [QuoteRow.from_row(r) for r in rows]

    def timeline(self, article_id: str | None = None, limit: int = 500) -> list[TimelineRow]:
        where = " WHERE e.article_id = :id" if article_id else ""
        rows = self.sql.rows(
            f"SELECT e.date, e.text, e.according_to, e.article_id, a.title FROM events e JOIN articles a ON a.id = e.article_id{where}"
            " ORDER BY e.date IS NULL, e.date, e.article_id, e.start LIMIT :limit",
            {"id": article_id, "limit": limit},
        )
        return [TimelineRow(*row) for row in rows]

    def failures(self) -> list[FailureRow]:
        rows = self.sql.rows("SELECT input, code, message, at FROM failures WHERE resolved = 0 ORDER BY id")
        return [FailureRow(i, c, m, _iso(at)) for i, c, m, at in rows]

    def stats(self) -> dict[str, int]:
        return {name: int(self.sql.value(sql)) for name, sql in STAT_QUERIES.items()}

    def close(self) -> None:
        self.sql.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def like_escape(text: str) -> str:
    """``text`` matched literally by ``LIKE ... ESCAPE '\\'``."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
