"""What the web desk reads from a store, beyond the Store protocol.

The Store protocol (newstrace.store.base) answers search, quotes and
timelines; the desk also needs the latest articles with filters, filtered
search with paging, filter choices and entity look-ups. :class:`Reader` asks
the store for these when it offers them (methods of the same name), runs the
equivalent SQL when the store is the SQLite one, and otherwise falls back on
``iter_articles`` (correct, slow; fine for small stores and tests).

NOTE for the store owner: the SQL here belongs in store/sqlite.py as methods
of SQLiteStore (same names and signatures); it lives here only because the
web desk was written in parallel with the store. Moving it is mechanical.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from newstrace.model import Article
from newstrace.store.base import Store

# Private-use characters mark search matches in snippets: they never appear in
# news text (and are stripped from it), unlike the store's '[' and ']'.
MARK_OPEN = "\ue000"
MARK_CLOSE = "\ue001"


@dataclass(frozen=True, slots=True)
class Filters:
    since: str | None = None  # ISO date, inclusive, on the publication date
    until: str | None = None  # ISO date, inclusive
    site: str | None = None
    language: str | None = None

    def active(self) -> bool:
        return any((self.since, self.until, self.site, self.language))


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    url: str | None
    quotes: int = 0


@dataclass(frozen=True, slots=True)
class Hit:
    id: str
    title: str | None
    site: str | None
    published: str | None
    language: str | None
    snippet: list[tuple[str, bool]]  # (text, is_match) pieces
    rank: float


@dataclass(frozen=True, slots=True)
class EntityInfo:
    name: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...] = field(default_factory=tuple)
    titles: tuple[str, ...] = ()
    id: str | None = None  # the linker's cross-document entity id, when linked


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """Cut a marked snippet into (text, is_match) pieces (no HTML involved)."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(MARK_OPEN)
        if start < 0:
            pieces.append((rest, False))
            break
        if start:
            pieces.append((rest[:start], False))
        end = rest.find(MARK_CLOSE, start + 1)
        if end < 0:
            pieces.append((rest[start + 1 :], True))
            break
        pieces.append((rest[start + 1 : end], True))
        rest = rest[end + 1 :]
    return [(t.replace(MARK_OPEN, "").replace(MARK_CLOSE, ""), m) for t, m in pieces if t]


def _where(filters: Filters, alias: str = "a") -> tuple[str, list[Any]]:
    clauses, params = [], []
    if filters.since:
        clauses.append(f"{alias}.published >= ?")
        params.append(filters.since)
    if filters.until:
        # Published values may carry a time; compare on the date prefix's successor.
        clauses.append(f"substr({alias}.published, 1, 10) <= ?")
        params.append(filters.until)
    if filters.site:
        clauses.append(f"{alias}.site = ?")
        params.append(filters.site)
    if filters.language:
        clauses.append(f"{alias}.language = ?")
        params.append(filters.language)
    return (" AND ".join(clauses), params)


def _matches(a: Article, f: Filters) -> bool:
    pub = a.published.value if a.published else None
    if f.since and (pub is None or pub < f.since):
        return False
    if f.until and (pub is None or pub[:10] > f.until):
        return False
    if f.site and a.site != f.site:
        return False
    return not (f.language and a.language != f.language)


class Reader:
    def __init__(self, store: Store) -> None:
        self.store = store
        db = getattr(store, "db", None)
        self.db = db if db is not None and store.__class__.__name__ == "SQLiteStore" else None

    # -- news line ---------------------------------------------------------

    def latest(self, limit: int = 20, offset: int = 0, filters: Filters = Filters()) -> list[ArticleRow]:
        own = getattr(self.store, "latest", None)
        if own is not None:
            return own(limit=limit, offset=offset, filters=filters)
        if self.db is None:
            rows = [a for a in self.store.iter_articles() if _matches(a, filters)]
            rows.sort(key=lambda a: a.published.value if a.published else "", reverse=True)
            return [_row(a) for a in rows[offset : offset + limit]]
        where, params = _where(filters)
        sql = (
            "SELECT a.id, a.title, a.site, a.published, a.language, a.url,"
            " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a"
            + (f" WHERE {where}" if where else "")
            + " ORDER BY a.published DESC, a.rowid DESC LIMIT ? OFFSET ?"
        )
        return [ArticleRow(*r) for r in self.db.execute(sql, [*params, limit, offset])]

    def search(self, query: str, limit: int = 20, offset: int = 0, filters: Filters = Filters()) -> list[Hit]:
        own = getattr(self.store, "search_filtered", None)
        if own is not None:
            return own(query, limit=limit, offset=offset, filters=filters)
        if self.db is None:
            return self._search_generic(query, limit, offset, filters)
        from newstrace.store.sqlite import fts_query

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

    def _search_generic(self, query: str, limit: int, offset: int, filters: Filters) -> list[Hit]:
        hits = self.store.search(query, limit=(offset + limit) * 4 + 20)
        out: list[Hit] = []
        for h in hits:
            a = self.store.get_article(h.article_id)
            if not _matches(a, filters):
                continue
            marked = h.snippet.replace("[", MARK_OPEN).replace("]", MARK_CLOSE)
            out.append(Hit(a.id, a.title, a.site, h.published, a.language, split_snippet(marked), h.rank))
        return out[offset : offset + limit]

    def facets(self) -> dict[str, list[str]]:
        """The outlets and languages present, for the search filters."""
        own = getattr(self.store, "facets", None)
        if own is not None:
            return own()
        if self.db is None:
            arts = list(self.store.iter_articles())
            return {
                "sites": sorted({a.site for a in arts if a.site}),
                "languages": sorted({a.language for a in arts if a.language}),
            }
        sites = [r[0] for r in self.db.execute("SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY site LIMIT 500")]
        langs = [r[0] for r in self.db.execute("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY language LIMIT 200")]
        return {"sites": sites, "languages": langs}

    def titles(self, article_ids: list[str]) -> dict[str, ArticleRow]:
        """Light rows (no text) for a set of articles."""
        if not article_ids:
            return {}
        if self.db is None:
            rows = {}
            for i in article_ids:
                rows[i] = _row(self.store.get_article(i))
            return rows
        out: dict[str, ArticleRow] = {}
        ids = list(dict.fromkeys(article_ids))
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            sql = (
                "SELECT a.id, a.title, a.site, a.published, a.language, a.url,"
                " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) FROM articles a"
                f" WHERE a.id IN ({','.join('?' * len(part))})"
            )
            for r in self.db.execute(sql, part):
                out[r[0]] = ArticleRow(*r)
        return out

    def articles(self, article_ids: list[str]) -> list[Article]:
        """Whole articles by exact id, in the order asked (missing ones left out)."""
        if self.db is None:
            return [self.store.get_article(i) for i in article_ids]
        from newstrace.record import record_to_article

        found: dict[str, Article] = {}
        ids = list(dict.fromkeys(article_ids))
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            for aid, record in self.db.execute(f"SELECT id, record FROM articles WHERE id IN ({','.join('?' * len(part))})", part):
                found[aid] = record_to_article(json.loads(record))
        return [found[i] for i in article_ids if i in found]

    # -- entities ----------------------------------------------------------

    def entity(self, name: str) -> EntityInfo | None:
        """An entity by its name (or one of its aliases), across articles."""
        linked = self._linked_entity(name)
        if linked is not None:
            return linked
        if self.db is None:
            return self._entity_generic(name)
        rows = self.db.execute("SELECT name, label, aliases, article_id FROM entities WHERE name = ?", (name,)).fetchall()
        if not rows:
            # An alias: find entities whose alias list holds the name exactly.
            pattern = "%" + json.dumps(name)[1:-1].replace("%", "\\%").replace("_", "\\_") + "%"
            rows = [
                r
                for r in self.db.execute("SELECT name, label, aliases, article_id FROM entities WHERE aliases LIKE ? ESCAPE '\\' LIMIT 2000", (pattern,))
                if name in json.loads(r[2])
            ]
        if not rows:
            return None
        canonical = rows[0][0] if all(r[0] == rows[0][0] for r in rows) else name
        aliases = {alias for r in rows for alias in json.loads(r[2])} | {r[0] for r in rows}
        aliases.discard(canonical)
        return EntityInfo(
            canonical,
            tuple(sorted({r[1] for r in rows})),
            tuple(sorted(aliases)),
            tuple(dict.fromkeys(r[3] for r in rows)),
        )

    def _linked_entity(self, name: str) -> EntityInfo | None:
        """The linker's cross-document entity with this name (or id), if any."""
        get, mentions = getattr(self.store, "get_entity", None), getattr(self.store, "entity_mentions", None)
        if get is None or mentions is None:
            return None
        from newstrace.errors import NotFound

        try:
            row = get(name)
        except NotFound:
            return None
        if row.name != name and name not in row.aliases and name != row.id:
            return None  # a loose match on part of a name is not this entity
        ids = tuple(dict.fromkeys(m.article_id for m in mentions(row.id, limit=500)))
        return EntityInfo(row.name, (row.label,), tuple(a for a in row.aliases if a != row.name), ids, tuple(row.titles), row.id)

    def _entity_generic(self, name: str) -> EntityInfo | None:
        labels, aliases, ids = set(), set(), []
        for a in self.store.iter_articles():
            for e in a.entities:
                if e.name == name or name in e.aliases:
                    labels.add(e.label)
                    aliases.update(e.aliases)
                    aliases.add(e.name)
                    ids.append(a.id)
        if not ids:
            return None
        aliases.discard(name)
        return EntityInfo(name, tuple(sorted(labels)), tuple(sorted(aliases)), tuple(dict.fromkeys(ids)))

    def entity_names(self, prefix: str = "", limit: int = 50, offset: int = 0) -> list[tuple[str, str, int]]:
        """(name, label, article count) of entities whose name starts with prefix."""
        lister = getattr(self.store, "entities", None)
        if lister is not None:
            rows = [r for r in lister(limit=offset + limit + 200, query=prefix or None) if r.name.casefold().startswith(prefix.casefold())]
            if rows:
                return [(r.name, r.label, r.article_count) for r in rows[offset : offset + limit]]
        if self.db is None:
            counts: dict[tuple[str, str], set[str]] = {}
            for a in self.store.iter_articles():
                for e in a.entities:
                    if e.name.casefold().startswith(prefix.casefold()):
                        counts.setdefault((e.name, e.label), set()).add(a.id)
            ranked = sorted(counts.items(), key=lambda kv: (-len(kv[1]), kv[0]))
            return [(n, lab, len(ids)) for (n, lab), ids in ranked[offset : offset + limit]]
        if prefix:
            sql = (
                "SELECT name, label, count(DISTINCT article_id) n FROM entities WHERE name >= ? AND name < ?"
                " GROUP BY name, label ORDER BY n DESC, name LIMIT ? OFFSET ?"
            )
            params: list[Any] = [prefix, prefix + "\U0010ffff", limit, offset]
        else:
            sql = "SELECT name, label, count(DISTINCT article_id) n FROM entities GROUP BY name, label ORDER BY n DESC, name LIMIT ? OFFSET ?"
            params = [limit, offset]
        return [(n, lab, c) for n, lab, c in self.db.execute(sql, params)]

    def quotes_about(self, names: list[str], exclude_speaker: str, limit: int = 200) -> list[tuple[str, str]]:
        """(article_id, quote_id) of statements whose content names one of ``names``."""
        names = [n for n in dict.fromkeys(names) if len(n) >= 3]
        if not names:
            return []
        if self.db is None:
            out = []
            for a in self.store.iter_articles():
                for q in a.quotes:
                    content = " ".join(a.span_text(s) for s in q.content)
                    speaker = q.speaker.name if q.speaker else None
                    if speaker != exclude_speaker and any(n in content for n in names):
                        out.append((a.id, q.id))
            return out[:limit]
        cond = " OR ".join("q.content LIKE ? ESCAPE '\\'" for _ in names)
        like = ["%" + n.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%" for n in names]
        sql = (
            "SELECT q.article_id, q.quote_id FROM quotes q JOIN articles a ON a.id = q.article_id"
            f" WHERE ({cond}) AND (q.speaker IS NULL OR q.speaker != ?) ORDER BY a.published, q.article_id, q.start LIMIT ?"
        )
        return [(r[0], r[1]) for r in self.db.execute(sql, [*like, exclude_speaker, limit])]


def _row(a: Article) -> ArticleRow:
    return ArticleRow(a.id, a.title, a.site, a.published.value if a.published else None, a.language, a.url, len(a.quotes))
