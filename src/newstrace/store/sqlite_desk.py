"""The reader's desk reads (store.desk_base.DeskStore) on SQLite: a mixin of SQLiteStore."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from newstrace.model import Article
from newstrace.record import record_to_article
from newstrace.store.desk_base import (
    MARK_CLOSE,
    MARK_OPEN,
    NO_FILTERS,
    ArticleRow,
    EntityName,
    EntityOccurrence,
    Facets,
    Filters,
    Hit,
    QuoteRef,
    about_names,
    split_snippet,
)

_CHUNK = 500  # ids per IN (...) list, well under SQLite's parameter limit
_ROW = (
    "SELECT a.id, a.title, a.site, a.published, a.language, a.url,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a"
)


def _where(filters: Filters, alias: str = "a") -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if filters.since:
        clauses.append(f"{alias}.published >= ?")
        params.append(filters.since)
    if filters.until:
        # published values may carry a time: compare their date part
        clauses.append(f"substr({alias}.published, 1, 10) <= ?")
        params.append(filters.until)
    if filters.site:
        clauses.append(f"{alias}.site = ?")
        params.append(filters.site)
    if filters.language:
        clauses.append(f"{alias}.language = ?")
        params.append(filters.language)
    return " AND ".join(clauses), params


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _chunks(ids: list[str]) -> Iterator[list[str]]:
    unique = list(dict.fromkeys(ids))
    for i in range(0, len(unique), _CHUNK):
        yield unique[i : i + _CHUNK]


class SQLiteDesk:
    db: sqlite3.Connection

    def latest_articles(self, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[ArticleRow]:
        where, params = _where(filters)
        sql = _ROW + (f" WHERE {where}" if where else "") + " ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?"
        return [ArticleRow(*r) for r in self.db.execute(sql, [*params, limit, offset])]

    def search_articles(self, query: str, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[Hit]:
        from newstrace.store.sqlite import fts_query  # sqlite.py imports this module

        match = fts_query(query)
        if not match:
            return []
        where, params = _where(filters)
        sql = (
            "SELECT a.id, a.title, a.site, a.published, a.language,"
            f" snippet(articles_fts, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '…', 24), rank"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ?" + (f" AND {where}" if where else "") + " ORDER BY rank LIMIT ? OFFSET ?"
        )
        return [
            Hit(i, t, s, p, lang, split_snippet(snip), float(rank))
            for i, t, s, p, lang, snip, rank in self.db.execute(sql, [match, *params, limit, offset])
        ]

    def facets(self) -> Facets:
        sites = self.db.execute("SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY site LIMIT 500")
        langs = self.db.execute("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY language LIMIT 200")
        return Facets(tuple(r[0] for r in sites), tuple(r[0] for r in langs))

    def article_rows(self, article_ids: list[str]) -> dict[str, ArticleRow]:
        out: dict[str, ArticleRow] = {}
        for part in _chunks(article_ids):
            for r in self.db.execute(_ROW + f" WHERE a.id IN ({','.join('?' * len(part))})", part):
                out[r[0]] = ArticleRow(*r)
        return out

    def articles(self, article_ids: list[str]) -> list[Article]:
        found: dict[str, Article] = {}
        for part in _chunks(article_ids):
            for aid, record in self.db.execute(f"SELECT id, record FROM articles WHERE id IN ({','.join('?' * len(part))})", part):
                found[aid] = record_to_article(json.loads(record))
        return [found[i] for i in article_ids if i in found]

    def entity_occurrences(self, name: str) -> list[EntityOccurrence]:
        sql = "SELECT name, label, aliases, article_id FROM entities"
        rows = self.db.execute(sql + " WHERE name = ? ORDER BY rowid", (name,)).fetchall()
        if not rows:
            # an alias: entities whose JSON alias list holds the name (LIKE narrows, JSON decides)
            pattern = "%" + _like(json.dumps(name)[1:-1]) + "%"
            found = self.db.execute(sql + " WHERE aliases LIKE ? ESCAPE '\\' ORDER BY rowid LIMIT 2000", (pattern,))
            rows = [r for r in found if name in json.loads(r[2])]
        return [EntityOccurrence(n, lab, tuple(json.loads(al)), aid) for n, lab, al, aid in rows]

    def entity_names(self, prefix: str = "", limit: int = 50, offset: int = 0) -> list[EntityName]:
        if prefix:
            sql = (
                "SELECT name, label, count(DISTINCT article_id) n FROM entities WHERE name >= ? AND name < ?"
                " GROUP BY name, label ORDER BY n DESC, name, label LIMIT ? OFFSET ?"
            )
            params: list[Any] = [prefix, prefix + "\U0010ffff", limit, offset]
        else:
            sql = (
                "SELECT name, label, count(DISTINCT article_id) n FROM entities"
                " GROUP BY name, label ORDER BY n DESC, name, label LIMIT ? OFFSET ?"
            )
            params = [limit, offset]
        return [EntityName(n, lab, c) for n, lab, c in self.db.execute(sql, params)]

    def quotes_about(self, names: list[str], exclude_speaker: str, limit: int = 200) -> list[QuoteRef]:
        names = about_names(names)
        if not names:
            return []
        cond = " OR ".join("q.content LIKE ? ESCAPE '\\'" for _ in names)
        sql = (
            "SELECT q.article_id, q.quote_id FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE ({cond}) AND (q.speaker IS NULL OR q.speaker != ?) ORDER BY a.published, q.article_id, q.start LIMIT ?"
        )
        params = [*("%" + _like(n) + "%" for n in names), exclude_speaker, limit]
        return [QuoteRef(aid, qid) for aid, qid in self.db.execute(sql, params)]
