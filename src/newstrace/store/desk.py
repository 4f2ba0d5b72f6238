"""The reader's desk reads (store.desk_base.DeskStore): a part of SQLStore, the same on both databases.

Entity names and facets are ordered by code point on both (PostgreSQL's ``COLLATE "C"``), and
missing dates sort where SQLite always put them (last in the news line, first among statements).
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
    SpeakerStats,
    about_names,
    split_snippet,
    whole_words,
)
from newstrace.store.dialects import Dialect, filter_clause
from newstrace.store.sql import Database, id_list

_ROW = (
    "SELECT a.id, a.title, a.site, a.published, a.language, a.url,"
    " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id),"
    # a page names an article without a headline by its first sentence: only then read the text's start
    " CASE WHEN a.title IS NULL OR a.title = '' THEN substr(a.text, 1, 400) END FROM articles a"
)


ABOUT_CAP = 5000  # statements a name's LIKE may narrow to before the word check (a page shows far fewer)


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class DeskReads:
    """Mixed into SQLStore."""

    sql: Database
    dialect: Dialect

    def latest_articles(self, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[ArticleRow]:
        where, params = filter_clause(filters)
        rows = self.sql.rows(
            _ROW + (f" WHERE {where}" if where else "") + " ORDER BY a.published DESC NULLS LAST, a.{seq} DESC LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
        return [ArticleRow(*r) for r in rows]

    def search_articles(self, query: str, limit: int = 20, offset: int = 0, filters: Filters = NO_FILTERS) -> list[Hit]:
        rows = self.dialect.search(self.sql, query, (MARK_OPEN, MARK_CLOSE), filters, limit, offset)
        return [Hit(i, t, s, p, lang, split_snippet(snip), float(rank)) for i, t, s, p, lang, snip, rank in rows]

    def facets(self) -> Facets:
        sites = self.sql.rows("SELECT DISTINCT site{c} FROM articles WHERE site IS NOT NULL ORDER BY 1 LIMIT 500")
        langs = self.sql.rows("SELECT DISTINCT language{c} FROM articles WHERE language IS NOT NULL ORDER BY 1 LIMIT 200")
        return Facets(tuple(r[0] for r in sites), tuple(r[0] for r in langs))

    def article_rows(self, article_ids: list[str]) -> dict[str, ArticleRow]:
        rows = self.sql.rows(_ROW + " WHERE a.id IN (SELECT value FROM {each}(:ids))", {"ids": id_list(dict.fromkeys(article_ids))})
        return {r[0]: ArticleRow(*r) for r in rows}

    def articles(self, article_ids: list[str]) -> list[Article]:
        rows = self.sql.rows("SELECT id, record FROM articles WHERE id IN (SELECT value FROM {each}(:ids))", {"ids": id_list(dict.fromkeys(article_ids))})
        found = {aid: record_to_article(json.loads(record)) for aid, record in rows}
        return [found[i] for i in article_ids if i in found]

    def entity_occurrences(self, name: str) -> list[EntityOccurrence]:
        sql = "SELECT e.name, e.label, e.aliases, e.article_id FROM entities e JOIN articles a ON a.id = e.article_id"
        rows: list[Any] = self.sql.rows(sql + " WHERE e.name = :name ORDER BY {entity_order}", {"name": name})
        if not rows:
            # an alias: entities whose JSON alias list holds the name (LIKE narrows, JSON decides)
            found = self.sql.rows(
                sql + " WHERE e.aliases LIKE :like ESCAPE '\\' ORDER BY {entity_order} LIMIT 2000",
                {"like": "%" + _like(json.dumps(name)[1:-1]) + "%"},
            )
            rows = [r for r in found if name in json.loads(r[2])]
        return [EntityOccurrence(n, lab, tuple(json.loads(al)), aid) for n, lab, al, aid in rows]

    def entity_names(self, prefix: str = "", limit: int = 50, offset: int = 0) -> list[EntityName]:
        where = " WHERE name{c} >= :lo AND name{c} < :hi" if prefix else ""
        rows = self.sql.rows(
            "SELECT name, label, count(DISTINCT article_id) n FROM entities" + where
            + " GROUP BY name, label ORDER BY n DESC, name{c}, label{c} LIMIT :limit OFFSET :offset",
            {"lo": prefix, "hi": prefix + "\U0010ffff", "limit": limit, "offset": offset},
        )
        return [EntityName(n, lab, c) for n, lab, c in rows]

    def quotes_about(self, names: list[str], exclude_speaker: str | list[str], limit: int = 200) -> list[QuoteRef]:
        names = about_names(names)
        if not names:
            return []
        excluded = [exclude_speaker] if isinstance(exclude_speaker, str) else list(exclude_speaker)
        cond = " OR ".join(f"q.content {{ilike}} :n{i} ESCAPE '\\'" for i in range(len(names)))
        # LIKE narrows (it cannot see word edges), the pattern decides: "Putin" is not in "computing"
        found = self.sql.rows(
            "SELECT q.article_id, q.quote_id, q.content FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE ({cond}) AND (q.speaker IS NULL OR q.speaker NOT IN (SELECT value FROM {{each}}(:speakers)))"
            " ORDER BY a.published NULLS FIRST, q.article_id, q.start NULLS FIRST LIMIT :cap",
            {**{f"n{i}": "%" + _like(n) + "%" for i, n in enumerate(names)}, "speakers": id_list(excluded), "cap": ABOUT_CAP},
        )
        pattern = whole_words(names)
        return [QuoteRef(aid, qid) for aid, qid, content in found if pattern.search(content)][:limit]

    # -- speakers: statements by exact name (one of an entity's names), counted in SQL --------

    def speaker_quotes(self, names: list[str], limit: int = 100, offset: int = 0, min_confidence: float = 0.0) -> list[QuoteRef]:
        rows = self.sql.rows(
            "SELECT q.article_id, q.quote_id FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.speaker IN (SELECT value FROM {each}(:names)) AND (:minimum <= 0 OR q.confidence >= :minimum)"
            " ORDER BY a.published NULLS FIRST, q.article_id, q.start NULLS FIRST LIMIT :limit OFFSET :offset",
            {"names": id_list(dict.fromkeys(names)), "minimum": min_confidence, "limit": limit, "offset": offset},
        )
        return [QuoteRef(aid, qid) for aid, qid in rows]

    def speaker_stats(self, names: list[str], min_confidence: float = 0.0) -> SpeakerStats:
        params = {"names": id_list(dict.fromkeys(names)), "minimum": min_confidence}
        where = " WHERE q.speaker IN (SELECT value FROM {each}(:names)) AND (:minimum <= 0 OR q.confidence >= :minimum)"
        total = int(self.sql.value("SELECT count(*) FROM quotes q" + where, params))
        surfaces = self.sql.rows(
            "SELECT q.speaker_text, count(*) FROM quotes q" + where + " AND q.speaker_text IS NOT NULL GROUP BY q.speaker_text ORDER BY 2 DESC, 1 LIMIT 50",
            params,
        )
        # per day and outlet, counted in SQL (a prolific speaker has thousands of statements)
        dated = self.sql.rows(
            "SELECT substr(a.published, 1, 10), a.site, a.url, count(*) FROM quotes q JOIN articles a ON a.id = q.article_id" + where
            + " GROUP BY substr(a.published, 1, 10), a.site, a.url LIMIT 20000",
            params,
        )
        return SpeakerStats(total, tuple(str(t) for t, _ in surfaces), tuple((p, site, url, int(n)) for p, site, url, n in dated))

    def name_candidates(self, term: str, limit: int = 20) -> list[EntityName]:
        """Entity and speaker names that ``term`` is one of the words of ("Naryshkin" ->
        "Sergei Naryshkin"), or an alias of; most articles first."""
        term = " ".join(term.split())
        if len(term) < 2:
            return []
        like = "%" + _like(term) + "%"
        entities = self.sql.rows(
            "SELECT name, label, aliases, count(DISTINCT article_id) FROM entities"
            " WHERE name {ilike} :like ESCAPE '\\' OR aliases {ilike} :like ESCAPE '\\' GROUP BY name, label, aliases LIMIT 2000",
            {"like": like},
        )
        speakers = self.sql.rows(
            "SELECT speaker, coalesce(speaker_kind, 'speaker'), count(DISTINCT article_id) FROM quotes"
            " WHERE speaker {ilike} :like ESCAPE '\\' GROUP BY speaker, speaker_kind LIMIT 2000",
            {"like": like},
        )
        pattern = whole_words([term])
        counts: dict[tuple[str, str], int] = {}
        for name, label, aliases, n in entities:
            if pattern.search(name) or any(a.casefold() == term.casefold() for a in json.loads(aliases)):
                counts[(name, label)] = counts.get((name, label), 0) + int(n)
        named = {name for name, _ in counts}
        for name, kind, n in speakers:
            if name not in named and pattern.search(name):
                counts[(name, str(kind))] = counts.get((name, str(kind)), 0) + int(n)
        # a surname ("Naryshkin" ends "Sergei Naryshkin") before other words of a name, then by coverage
        ends = re.compile(rf"(?<!\w){re.escape(term)}$", re.IGNORECASE)
        ranked = sorted(counts.items(), key=lambda kv: (not ends.search(kv[0][0]), -kv[1], kv[0][0], kv[0][1]))
        return [EntityName(name, label, n) for (name, label), n in ranked[:limit]]
