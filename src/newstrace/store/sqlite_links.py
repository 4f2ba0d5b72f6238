"""SQL of cross-document linking (newstrace.link) for the SQLite store: a mixin of SQLiteStore."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from newstrace.errors import NotFound
from newstrace.model import Conflict, ConflictSide, Story
from newstrace.store.base import QuoteRow
from newstrace.store.links_base import (
    ClaimRow,
    ClaimSourceRow,
    ConflictRow,
    EntityMentionRow,
    EntityRow,
    Terms,
    merged_summary,
)

LINK_SCHEMA = """
CREATE TABLE link_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE link_terms (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    terms TEXT NOT NULL,
    day INTEGER
);
CREATE TABLE link_df (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE link_postings (
    term TEXT NOT NULL,
    day INTEGER,
    seq INTEGER NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (term, seq)
) WITHOUT ROWID;
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    first_date TEXT,
    last_date TEXT,
    article_count INTEGER NOT NULL,
    outlets TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_stories_last_date ON stories(last_date);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    similarity REAL NOT NULL
);
CREATE INDEX idx_story_articles_story ON story_articles(story_id, seq);
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    first_article_id TEXT NOT NULL,
    first_quote_id TEXT,
    first_speaker TEXT,
    first_date TEXT,
    source_count INTEGER NOT NULL,
    story_id TEXT
);
CREATE INDEX idx_claims_story ON claims(story_id);
CREATE TABLE claim_terms (term TEXT NOT NULL, seq INTEGER NOT NULL, claim_id TEXT NOT NULL, PRIMARY KEY (term, seq)) WITHOUT ROWID;
CREATE TABLE claim_sources (
    claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote_id TEXT NOT NULL,
    speaker TEXT,
    outlet TEXT,
    date TEXT,
    similarity REAL NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article_id, quote_id)
);
CREATE INDEX idx_claim_sources_claim ON claim_sources(claim_id);
CREATE TABLE conflicts (
    id TEXT PRIMARY KEY,
    story_id TEXT,
    topic TEXT NOT NULL,
    evidence TEXT NOT NULL,
    sides TEXT NOT NULL,
    found_at TEXT NOT NULL
);
CREATE INDEX idx_conflicts_story ON conflicts(story_id);
CREATE TABLE conflict_articles (
    conflict_id TEXT NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL,
    PRIMARY KEY (conflict_id, article_id)
);
CREATE TABLE link_entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    label TEXT NOT NULL,
    aliases TEXT NOT NULL,
    titles TEXT NOT NULL,
    article_count INTEGER NOT NULL,
    mention_count INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT
);
CREATE INDEX idx_link_entities_name ON link_entities(name);
CREATE TABLE link_entity_keys (key TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (key, entity_id)) WITHOUT ROWID;
CREATE TABLE link_entity_members (
    entity_id TEXT NOT NULL REFERENCES link_entities(id) ON DELETE CASCADE,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    surface TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    confidence REAL NOT NULL,
    method TEXT NOT NULL,
    title TEXT,
    PRIMARY KEY (article_id, surface)
);
CREATE INDEX idx_link_entity_members_entity ON link_entity_members(entity_id);
"""

# Migration 41: stories merged by the linker (newstrace.link.merge). The merged story's row goes;
# its id stays here, pointing at the story it became, so an id a reader saw still resolves.
# Chains are kept flat (into_id is always a live story): one lookup resolves any old id.
MERGE_SCHEMA = """
CREATE TABLE story_redirects (
    story_id TEXT PRIMARY KEY,
    into_id TEXT NOT NULL,
    similarity REAL NOT NULL,
    merged_at TEXT NOT NULL
);
CREATE INDEX idx_story_redirects_into ON story_redirects(into_id);
"""

_POSTINGS_PER_TERM = 300  # newest articles per term searched for story candidates


def _today() -> str:
    return date.today().isoformat()


class SQLiteLinks:
    """Cross-document link tables; mixed into SQLiteStore (needs ``self.db``)."""

    db: sqlite3.Connection

    @contextmanager
    def link_transaction(self) -> Iterator[None]:
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _next(self, key: str) -> int:
        self.db.execute("INSERT INTO link_meta (key, value) VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1", (key,))
        return int(self.db.execute("SELECT value FROM link_meta WHERE key = ?", (key,)).fetchone()[0])

    # -- stories -----------------------------------------------------------

    def story_add_terms(self, article_id: str, terms: Terms, day: int | None) -> None:
        if self.db.execute("SELECT 1 FROM link_terms WHERE article_id = ?", (article_id,)).fetchone():
            return
        self.db.execute("INSERT INTO link_terms (article_id, terms, day) VALUES (?, ?, ?)", (article_id, json.dumps(terms), day))
        self.db.executemany("INSERT INTO link_df (term, df) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET df = df + 1", [(t,) for t in terms])
        seq = self._next("docs")
        self.db.executemany("INSERT INTO link_postings (term, day, seq, article_id) VALUES (?, ?, ?, ?)", [(t, day, seq, article_id) for t in terms])

    def story_df(self, terms: Iterable[str]) -> dict[str, int]:
        terms = list(terms)
        out: dict[str, int] = {}
        for i in range(0, len(terms), 500):
            chunk = terms[i : i + 500]
            q = ",".join("?" * len(chunk))
            out.update(self.db.execute(f"SELECT term, df FROM link_df WHERE term IN ({q})", chunk).fetchall())
        return out

    def story_doc_count(self) -> int:
        row = self.db.execute("SELECT value FROM link_meta WHERE key = 'docs'").fetchone()
        return int(row[0]) if row else 0

    def story_candidates(self, terms: list[str], day: int | None, window_days: int, limit: int) -> list[str]:
        out: dict[str, None] = {}
        for t in terms:
            rows = self.db.execute(
                "SELECT article_id, day FROM link_postings WHERE term = ? ORDER BY seq DESC LIMIT ?", (t, _POSTINGS_PER_TERM)
            )
            for article_id, d in rows:
                if day is None or d is None or abs(d - day) <= window_days:
                    out[article_id] = None
        return list(out)[:limit]

    def story_terms(self, article_ids: list[str]) -> dict[str, tuple[Terms, int | None]]:
        out = {}
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i : i + 500]
            q = ",".join("?" * len(chunk))
            for aid, terms, day in self.db.execute(f"SELECT article_id, terms, day FROM link_terms WHERE article_id IN ({q})", chunk):
                out[aid] = (json.loads(terms), day)
        return out

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        out = {}
        for i in range(0, len(article_ids), 500):
            chunk = article_ids[i : i + 500]
            q = ",".join("?" * len(chunk))
            out.update(self.db.execute(f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({q})", chunk).fetchall())
        return out

    def story_members(self, story_id: str, limit: int) -> list[str]:
        rows = self.db.execute("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq DESC LIMIT ?", (story_id, limit))
        return [r[0] for r in rows][::-1]

    def story_join(self, story_id: str, article_id: str, similarity: float) -> None:
        title, published, site, url = self.db.execute("SELECT title, published, site, url FROM articles WHERE id = ?", (article_id,)).fetchone()
        row = self.db.execute("SELECT title, first_date, last_date, outlets FROM stories WHERE id = ?", (story_id,)).fetchone()
        outlet = site or _host(url)
        day = published[:10] if published else None
        if row is None:
            self.db.execute(
                "INSERT INTO stories (id, title, first_date, last_date, article_count, outlets, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)",
                (story_id, title or "", day, day, json.dumps([outlet] if outlet else []), _today()),
            )
        else:
            old_title, first, last, outlets = row
            outlets = json.loads(outlets)
            if outlet and outlet not in outlets:
                outlets.append(outlet)
            first = min(filter(None, (first, day)), default=None)
            last = max(filter(None, (last, day)), default=None)
            self.db.execute(
                "UPDATE stories SET title = ?, first_date = ?, last_date = ?, article_count = article_count + 1, outlets = ?, updated_at = ? WHERE id = ?",
                (old_title or title or "", first, last, json.dumps(outlets), _today(), story_id),
            )
        self.db.execute(
            "INSERT OR REPLACE INTO story_articles (article_id, story_id, seq, similarity) VALUES (?, ?, ?, ?)",
            (article_id, story_id, self._next("story_seq"), similarity),
        )

    def story_new(self, article_id: str) -> str:
        story_id = f"st{self._next('stories'):06d}"
        self.story_join(story_id, article_id, 0.0)
        return story_id

    def story_sizes(self, story_ids: list[str]) -> dict[str, int]:
        if not story_ids:
            return {}
        q = ",".join("?" * len(story_ids))
        return dict(self.db.execute(f"SELECT id, article_count FROM stories WHERE id IN ({q})", list(story_ids)).fetchall())

    def story_merge(self, into: str, gone: str, similarity: float) -> None:
        """Move story ``gone`` (articles, claims, conflicts) into ``into``; ``gone`` redirects there."""
        keep = self.db.execute("SELECT first_date, last_date, outlets FROM stories WHERE id = ?", (into,)).fetchone()
        drop = self.db.execute("SELECT first_date, last_date, outlets, title FROM stories WHERE id = ?", (gone,)).fetchone()
        if keep is None or drop is None or into == gone:
            raise NotFound("both stories must exist and differ to merge", input=f"{gone} -> {into}")
        first, last, outlets = merged_summary(keep, drop)
        # Rows move before the story row goes: story_articles cascades on its delete.
        moved = self.db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (into, gone)).rowcount
        self.db.execute(
            "UPDATE stories SET title = CASE WHEN title = '' THEN ? ELSE title END, first_date = ?, last_date = ?,"
            " article_count = article_count + ?, outlets = ?, updated_at = ? WHERE id = ?",
            (drop[3], first, last, moved, outlets, _today(), into),
        )
        self.db.execute("UPDATE claims SET story_id = ? WHERE story_id = ?", (into, gone))
        self.db.execute("UPDATE conflicts SET story_id = ? WHERE story_id = ?", (into, gone))
        self.db.execute("UPDATE story_redirects SET into_id = ? WHERE into_id = ?", (into, gone))
        self.db.execute(
            "INSERT INTO story_redirects (story_id, into_id, similarity, merged_at) VALUES (?, ?, ?, ?)", (gone, into, similarity, _today())
        )
        self.db.execute("DELETE FROM stories WHERE id = ?", (gone,))

    def story_redirect(self, story_id: str) -> str | None:
        row = self.db.execute("SELECT into_id FROM story_redirects WHERE story_id = ?", (story_id,)).fetchone()
        return row[0] if row else None

    def _story(self, row: tuple) -> Story:
        sid, title, first, last, _count, outlets = row
        ids = tuple(r[0] for r in self.db.execute("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY seq", (sid,)))
        return Story(sid, title, ids, first, last, tuple(json.loads(outlets)))

    def stories(self, limit: int = 100, min_articles: int = 1) -> list[Story]:
        rows = self.db.execute(
            "SELECT id, title, first_date, last_date, article_count, outlets FROM stories WHERE article_count >= ?"
            " ORDER BY last_date DESC, article_count DESC, id LIMIT ?",
            (min_articles, limit),
        ).fetchall()
        return [self._story(r) for r in rows]

    def get_story(self, story_id: str) -> Story:
        story_id = self.story_redirect(story_id) or story_id  # a merged story's id resolves to its survivor
        rows = self.db.execute(
            "SELECT id, title, first_date, last_date, article_count, outlets FROM stories WHERE id = ? OR id LIKE ? LIMIT 2",
            (story_id, f"{story_id}%"),
        ).fetchall()
        if not rows:
            raise NotFound("no story with this id", input=story_id)
        if len(rows) > 1 and rows[0][0] != story_id:
            raise NotFound("the id prefix is ambiguous; give more characters", input=story_id)
        return self._story(rows[0])

    def story_of(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    # -- claims ------------------------------------------------------------

    def claim_candidates(self, terms: list[str], limit: int) -> list[ClaimRow]:
        hits: dict[str, int] = {}
        for t in terms:
            for (cid,) in self.db.execute("SELECT claim_id FROM claim_terms WHERE term = ? ORDER BY seq DESC LIMIT 200", (t,)):
                hits[cid] = hits.get(cid, 0) + 1
        chosen = sorted(hits, key=lambda c: -hits[c])[:limit]  # most shared terms first
        if not chosen:
            return []
        q = ",".join("?" * len(chosen))
        rows = self.db.execute(
            f"SELECT id, text, first_article_id, first_quote_id, first_speaker, first_date, source_count, story_id FROM claims WHERE id IN ({q})",
            chosen,
        )
        return [ClaimRow(*r) for r in rows]

    def claim_new(self, claim: ClaimRow, terms: Iterable[str]) -> None:
        self.db.execute(
            "INSERT INTO claims (id, text, first_article_id, first_quote_id, first_speaker, first_date, source_count, story_id) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
            (claim.id, claim.text, claim.first_article_id, claim.first_quote_id, claim.first_speaker, claim.first_date, claim.story_id),
        )
        seq = self._next("claims")
        self.db.executemany("INSERT OR IGNORE INTO claim_terms (term, seq, claim_id) VALUES (?, ?, ?)", [(t, seq, claim.id) for t in set(terms)])

    def claim_add_source(self, s: ClaimSourceRow) -> None:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO claim_sources (claim_id, article_id, quote_id, speaker, outlet, date, similarity, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (s.claim_id, s.article_id, s.quote_id, s.speaker, s.outlet, s.date, s.similarity, s.text),
        )
        if cur.rowcount:
            self.db.execute("UPDATE claims SET source_count = source_count + 1 WHERE id = ?", (s.claim_id,))
            # The first appearance is the earliest dated source.
            self.db.execute(
                "UPDATE claims SET first_article_id = ?, first_quote_id = ?, first_speaker = ?, first_date = ?"
                " WHERE id = ? AND ? IS NOT NULL AND (first_date IS NULL OR first_date > ?)",
                (s.article_id, s.quote_id, s.speaker, s.date, s.claim_id, s.date, s.date),
            )

    def claims(self, limit: int = 100, story_id: str | None = None, min_sources: int = 1) -> list[ClaimRow]:
        sql = "SELECT id, text, first_article_id, first_quote_id, first_speaker, first_date, source_count, story_id FROM claims WHERE source_count >= ?"
        params: list[object] = [min_sources]
        if story_id:
            sql += " AND id IN (SELECT cs.claim_id FROM claim_sources cs JOIN story_articles sa ON sa.article_id = cs.article_id WHERE sa.story_id = ?)"
            params.append(story_id)
        sql += " ORDER BY source_count DESC, first_date, id LIMIT ?"
        params.append(limit)
        return [ClaimRow(*r) for r in self.db.execute(sql, params)]

    def claim_sources(self, claim_id: str) -> list[ClaimSourceRow]:
        rows = self.db.execute(
            "SELECT claim_id, article_id, quote_id, speaker, outlet, date, similarity, text FROM claim_sources WHERE claim_id = ? ORDER BY date IS NULL, date, rowid",
            (claim_id,),
        )
        return [ClaimSourceRow(*r) for r in rows]

    # -- conflicts ---------------------------------------------------------

    def save_conflicts(self, story_id: str | None, conflicts: Iterable[Conflict]) -> int:
        n = 0
        for c in conflicts:
            sides = json.dumps([{"article_id": s.article_id, "quote_id": s.quote_id, "speaker": s.speaker, "text": s.text} for s in c.sides], ensure_ascii=False)
            cur = self.db.execute(
                "INSERT OR IGNORE INTO conflicts (id, story_id, topic, evidence, sides, found_at) VALUES (?, ?, ?, ?, ?, ?)",
                (c.id, story_id, c.topic, c.evidence, sides, _today()),
            )
            if cur.rowcount:
                n += 1
                self.db.executemany(
                    "INSERT OR IGNORE INTO conflict_articles (conflict_id, article_id) VALUES (?, ?)", [(c.id, s.article_id) for s in c.sides]
                )
            elif story_id:
                self.db.execute("UPDATE conflicts SET story_id = ? WHERE id = ?", (story_id, c.id))
        return n

    def conflicts(self, story_id: str | None = None, limit: int = 100) -> list[ConflictRow]:
        sql = "SELECT story_id, id, topic, evidence, sides FROM conflicts"
        params: list[object] = []
        if story_id:
            sql += " WHERE story_id = ? OR id IN (SELECT ca.conflict_id FROM conflict_articles ca JOIN story_articles sa ON sa.article_id = ca.article_id WHERE sa.story_id = ?)"
            params += [story_id, story_id]
        sql += " ORDER BY found_at DESC, rowid LIMIT ?"
        params.append(limit)
        return [
            ConflictRow(sid, cid, topic, ev, tuple(ConflictSide(s["article_id"], s["quote_id"], s["speaker"], s["text"]) for s in json.loads(sides)))
            for sid, cid, topic, ev, sides in self.db.execute(sql, params)
        ]

    # -- entities ----------------------------------------------------------

    def entity_candidates(self, keys: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for k in set(keys):
            ids = [r[0] for r in self.db.execute("SELECT entity_id FROM link_entity_keys WHERE key = ? LIMIT 50", (k,))]
            if ids:
                out[k] = ids
        return out

    def _entity(self, row: tuple) -> EntityRow:
        eid, name, label, aliases, titles, ac, mc, first, last = row
        return EntityRow(eid, name, label, tuple(json.loads(aliases)), tuple(json.loads(titles)), ac, mc, first, last)

    _ENTITY_COLS = "id, name, label, aliases, titles, article_count, mention_count, first_date, last_date"

    def entity_rows(self, entity_ids: Iterable[str]) -> list[EntityRow]:
        ids = list(dict.fromkeys(entity_ids))
        if not ids:
            return []
        q = ",".join("?" * len(ids))
        return [self._entity(r) for r in self.db.execute(f"SELECT {self._ENTITY_COLS} FROM link_entities WHERE id IN ({q})", ids)]

    def entity_new(self, name: str, label: str, keys: Iterable[str]) -> str:
        eid = f"en{self._next('entities'):06d}"
        self.db.execute(
            "INSERT INTO link_entities (id, name, label, aliases, titles, article_count, mention_count) VALUES (?, ?, ?, '[]', '[]', 0, 0)",
            (eid, name, label),
        )
        self.db.executemany("INSERT OR IGNORE INTO link_entity_keys (key, entity_id) VALUES (?, ?)", [(k, eid) for k in keys])
        return eid

    def entity_add_member(self, entity_id: str, article_id: str, surface: str, mentions: int, confidence: float,
                          method: str, title: str | None, keys: Iterable[str]) -> None:
        cur = self.db.execute(
            "INSERT OR IGNORE INTO link_entity_members (entity_id, article_id, surface, mentions, confidence, method, title) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entity_id, article_id, surface, mentions, confidence, method, title),
        )
        if not cur.rowcount:
            return
        self.db.executemany("INSERT OR IGNORE INTO link_entity_keys (key, entity_id) VALUES (?, ?)", [(k, entity_id) for k in keys])
        name, aliases, titles = self.db.execute("SELECT name, aliases, titles FROM link_entities WHERE id = ?", (entity_id,)).fetchone()
        aliases, titles = json.loads(aliases), json.loads(titles)
        if surface != name and surface not in aliases:
            aliases.append(surface)
        if title and title not in titles:
            titles.append(title)
        (published,) = self.db.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone() or (None,)
        day = published[:10] if published else None
        # (looked up by article: an entity named in thousands of articles must not be scanned)
        in_article = self.db.execute("SELECT entity_id FROM link_entity_members WHERE article_id = ?", (article_id,)).fetchall()
        new_article = sum(1 for (e,) in in_article if e == entity_id) == 1
        self.db.execute(
            "UPDATE link_entities SET aliases = ?, titles = ?, article_count = article_count + ?, mention_count = mention_count + ?,"
            " first_date = CASE WHEN ? IS NOT NULL AND (first_date IS NULL OR first_date > ?) THEN ? ELSE first_date END,"
            " last_date = CASE WHEN ? IS NOT NULL AND (last_date IS NULL OR last_date < ?) THEN ? ELSE last_date END WHERE id = ?",
            (json.dumps(aliases, ensure_ascii=False), json.dumps(titles, ensure_ascii=False), int(new_article), mentions,
             day, day, day, day, day, day, entity_id),
        )

    def entity_rename(self, entity_id: str, name: str) -> None:
        """Give an entity a fuller name ("Putin" -> "Vladimir Putin"), keeping the old one as an alias."""
        old, aliases = self.db.execute("SELECT name, aliases FROM link_entities WHERE id = ?", (entity_id,)).fetchone()
        aliases = [a for a in json.loads(aliases) if a != name]
        if old not in aliases:
            aliases.append(old)
        self.db.execute("UPDATE link_entities SET name = ?, aliases = ? WHERE id = ?", (name, json.dumps(aliases, ensure_ascii=False), entity_id))

    def entities(self, limit: int = 100, query: str | None = None, label: str | None = None) -> list[EntityRow]:
        sql = f"SELECT {self._ENTITY_COLS} FROM link_entities WHERE 1=1"
        params: list[object] = []
        if query:
            sql += " AND (name LIKE ? OR aliases LIKE ?)"
            params += [f"%{query}%", f"%{query}%"]
        if label:
            sql += " AND label = ?"
            params.append(label.upper())
        sql += " ORDER BY article_count DESC, mention_count DESC, name LIMIT ?"
        params.append(limit)
        return [self._entity(r) for r in self.db.execute(sql, params)]

    def get_entity(self, entity_id: str) -> EntityRow:
        row = self.db.execute(f"SELECT {self._ENTITY_COLS} FROM link_entities WHERE id = ?", (entity_id,)).fetchone()
        if row is None:
            found = self.entities(limit=2, query=entity_id)
            if len(found) == 1 or (found and found[0].name.casefold() == entity_id.casefold()):
                return found[0]
            raise NotFound("no entity with this id or name" if not found else "more than one entity has this name; give its id", input=entity_id)
        return self._entity(row)

    def entity_mentions(self, entity_id: str, limit: int = 500) -> list[EntityMentionRow]:
        rows = self.db.execute(
            "SELECT m.entity_id, m.article_id, m.surface, m.mentions, m.confidence, m.method, a.published, a.title"
            " FROM link_entity_members m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?"
            " ORDER BY a.published IS NULL, a.published, m.article_id LIMIT ?",
            (entity_id, limit),
        )
        return [EntityMentionRow(*r) for r in rows]

    def entity_quotes(self, entity_id: str, limit: int = 200) -> list[QuoteRow]:
        rows = self.db.execute(
            "SELECT DISTINCT q.article_id, q.quote_id, q.speaker, q.speaker_kind, q.kind, q.cue, q.content, q.channel, q.via, q.said_on,"
            " a.published, a.title FROM quotes q JOIN link_entity_members m ON m.article_id = q.article_id"
            " AND (m.surface = q.speaker OR m.surface = q.speaker_text) JOIN articles a ON a.id = q.article_id"
            " WHERE m.entity_id = ? ORDER BY a.published IS NULL, a.published, q.article_id, q.start LIMIT ?",
            (entity_id, limit),
        )
        return [QuoteRow.from_row(r) for r in rows]


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlparse

    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
