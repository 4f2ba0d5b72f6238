"""The reader's desk reads (store.desk_base.DeskStore) on PostgreSQL: a mixin of PostgresStore.

Search uses the articles' generated ``fts`` tsvector and its GIN index
(migrations_pg.py) with ``plainto_tsquery``, so user input is never query
syntax; snippets come from ``ts_headline`` with the desk's private-use match
markers, as SQLite's ``snippet()`` gives them. ``Hit.rank`` is the negated
``ts_rank_cd`` (lower is better, as FTS5's rank). Entity names and facets
are ordered with ``COLLATE "C"`` (code point order, as SQLite orders them), and
missing dates sort where SQLite puts them (last in the news line, first among
statements); the news line walks the (published, seq) index backwards.
"""

from __future__ import annotations

import json
import re
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

_WORD = re.compile(r"\w[\w'-]*", re.UNICODE)
_HEADLINE = (
    f'StartSel="{MARK_OPEN}", StopSel="{MARK_CLOSE}", MaxWords=35, MinWords=15, ShortWord=2,'
    ' MaxFragments=1, FragmentDelimiter=" … "'
)
_ROW = (
    "SELECT a.id, a.title, a.site, a.published, a.language, a.url,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a"
)


def _t(value: str) -> str:
    """As stored: PostgreSQL text cannot hold NUL, the store keeps U+FFFD instead."""
    return value.replace("\x00", "\ufffd")


def _like(text: str) -> str:
    return _t(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(filters: Filters, alias: str = "a") -> tuple[str, dict[str, Any]]:
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if filters.since:
        clauses.append(f"{alias}.published >= %(since)s")
        params["since"] = _t(filters.since)
    if filters.until:
        # published values may carry a time: compare their date part
        clauses.append(f"left({alias}.published, 10) <= %(until)s")
        params["until"] = _t(filters.until)
    if filters.site:
        clauses.append(f"{alias}.site = %(site)s")
        params["site"] = _t(filters.site)
    if filters.language:
        clauses.append(f"{alias}.language = %(language)s")
        params["language"] = _t(filters.language)
    return " AND ".join(clauses), params


class PostgresDesk:
    db: Any  # a psycopg connection in autocommit mode

    def latest_articles(self, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[ArticleRow]:
        where, params = _where(filters)
        sql = (
            _ROW + (f" WHERE {where}" if where else "")
            + ' ORDER BY a.published DESC NULLS LAST, a.seq DESC LIMIT %(limit)s OFFSET %(offset)s'
        )
        return [ArticleRow(*r) for r in self.db.execute(sql, {**params, "limit": limit, "offset": offset})]

    def search_articles(self, query: str, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[Hit]:
        words = _WORD.findall(query)
        if not words:
            return []
        where, params = _where(filters)
        # rank and page first, then build headlines for that page only (ts_headline reads the text)
        sql = (
            "WITH q AS (SELECT plainto_tsquery('english', %(q)s) AS q),"
            " top AS (SELECT a.seq, a.id, a.title, a.site, a.published, a.language, a.text, ts_rank_cd(a.fts, q.q) AS r"
            "         FROM articles a, q WHERE a.fts @@ q.q" + (f" AND {where}" if where else "")
            + "         ORDER BY r DESC, a.seq LIMIT %(limit)s OFFSET %(offset)s)"
            " SELECT top.id, top.title, top.site, top.published, top.language, ts_headline('english', top.text, q.q, %(opts)s), top.r"
            " FROM top, q ORDER BY top.r DESC, top.seq"
        )
        rows = self.db.execute(sql, {**params, "q": " ".join(words), "limit": limit, "offset": offset, "opts": _HEADLINE})
        return [Hit(i, t, s, p, lang, split_snippet(snip), -float(r)) for i, t, s, p, lang, snip, r in rows]

    def facets(self) -> Facets:
        sites = self.db.execute('SELECT DISTINCT site COLLATE "C" FROM articles WHERE site IS NOT NULL ORDER BY 1 LIMIT 500')
        langs = self.db.execute('SELECT DISTINCT language COLLATE "C" FROM articles WHERE language IS NOT NULL ORDER BY 1 LIMIT 200')
        return Facets(tuple(r[0] for r in sites), tuple(r[0] for r in langs))

    def article_rows(self, article_ids: list[str]) -> dict[str, ArticleRow]:
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        return {r[0]: ArticleRow(*r) for r in self.db.execute(_ROW + " WHERE a.id = ANY(%s)", (ids,))}

    def articles(self, article_ids: list[str]) -> list[Article]:
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return []
        rows = self.db.execute("SELECT id, record FROM articles WHERE id = ANY(%s)", (ids,))
        found = {aid: record_to_article(json.loads(record)) for aid, record in rows}
        return [found[i] for i in article_ids if i in found]

    def entity_occurrences(self, name: str) -> list[EntityOccurrence]:
        sql = "SELECT e.name, e.label, e.aliases, e.article_id FROM entities e JOIN articles a ON a.id = e.article_id"
        rows = self.db.execute(sql + " WHERE e.name = %s ORDER BY a.seq, e.entity_id", (_t(name),)).fetchall()
        if not rows:
            # an alias: entities whose JSON alias list holds the name (LIKE narrows, JSON decides)
            pattern = "%" + _like(json.dumps(name)[1:-1]) + "%"
            found = self.db.execute(sql + " WHERE e.aliases LIKE %s ESCAPE '\\' ORDER BY a.seq, e.entity_id LIMIT 2000", (pattern,))
            rows = [r for r in found if name in json.loads(r[2])]
        return [EntityOccurrence(n, lab, tuple(json.loads(al)), aid) for n, lab, al, aid in rows]

    def entity_names(self, prefix: str = "", limit: int = 50, offset: int = 0) -> list[EntityName]:
        where = " WHERE starts_with(name, %(prefix)s)" if prefix else ""
        sql = (
            "SELECT name, label, count(DISTINCT article_id) n FROM entities" + where
            + ' GROUP BY name, label ORDER BY n DESC, name COLLATE "C", label COLLATE "C" LIMIT %(limit)s OFFSET %(offset)s'
        )
        rows = self.db.execute(sql, {"prefix": _t(prefix), "limit": limit, "offset": offset})
        return [EntityName(n, lab, c) for n, lab, c in rows]

    def quotes_about(self, names: list[str], exclude_speaker: str, limit: int = 200) -> list[QuoteRef]:
        names = about_names(names)
        if not names:
            return []
        # ILIKE: SQLite's LIKE ignores (ASCII) case too
        cond = " OR ".join("q.content ILIKE %s ESCAPE '\\'" for _ in names)
        sql = (
            "SELECT q.article_id, q.quote_id FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE ({cond}) AND q.speaker IS DISTINCT FROM %s"
            ' ORDER BY a.published NULLS FIRST, q.article_id, q.start NULLS FIRST LIMIT %s'
        )
        params = [*("%" + _like(n) + "%" for n in names), _t(exclude_speaker), limit]
        return [QuoteRef(aid, qid) for aid, qid in self.db.execute(sql, params)]
