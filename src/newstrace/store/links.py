"""SQL of cross-document linking (newstrace.link): a part of SQLStore, the same on both databases.

Under PostgreSQL several processes may link at once: :meth:`link_transaction` takes the
dialect's lock (linking is incremental and order-dependent, so linkers take turns), term
frequencies are upserted in sorted order (no deadlock between two writers), and rows read to
be changed are taken ``{for_update}``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any
from urllib.parse import urlparse

from newstrace.errors import NotFound
from newstrace.link.lookup import EntityLookup, lookup_entity, resolve_entity
from newstrace.link.reviews import stored_review
from newstrace.link.side_counts import recounted
from newstrace.link.statements import REPORTER
from newstrace.link.storage import (
    ClaimRow,
    ClaimSourceRow,
    ConflictRow,
    EntityMentionRow,
    EntityRow,
    QuoteRow,
)
from newstrace.link.stories import POSTINGS_PER_TERM, Terms
from newstrace.model import Conflict, ConflictSide, Story
from newstrace.store.dialects import Dialect
from newstrace.store.sql import Database, id_list
from newstrace.text import fold

# a conflict on file: (id, sides as JSON, confidence, evidence)
_OnFile = tuple[str, str, float | None, str | None]
_CLAIM_COLS = "id, text, first_article_id, first_quote_id, first_speaker, first_date, source_count, story_id"
_ENTITY_COLS = "id, name, label, aliases, titles, article_count, mention_count, first_date, last_date"
_STORY_COLS = "id, title, first_date, last_date, article_count, outlets"


def _today() -> str:
    return date.today().isoformat()


def host_of(url: str | None) -> str | None:
    """The URL's host without ``www.`` (an article's outlet when it names no site)."""
    if not url:
        return None
    return (urlparse(url).hostname or "").removeprefix("www.") or None


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def merged_summary(keep: Sequence[Any], drop: Sequence[Any]) -> tuple[str | None, str | None, str]:
    """(first_date, last_date, outlets JSON) of two stories made one, from their (first, last, outlets) columns.

    Both backends merge through this, so the two keep the same summary (outlets in the survivor's
    order, then the merged story's new ones)."""
    first = min(filter(None, (keep[0], drop[0])), default=None)
    last = max(filter(None, (keep[1], drop[1])), default=None)
    outlets = list(json.loads(keep[2]))
    outlets += [o for o in json.loads(drop[2]) if o not in outlets]
    return first, last, json.dumps(outlets)


def _entity(row: Sequence[Any]) -> EntityRow:
    eid, name, label, aliases, titles, ac, mc, first, last = row
    return EntityRow(eid, name, label, tuple(json.loads(aliases)), tuple(json.loads(titles)), ac, mc, first, last)


class LinkTables:
    """Stories, claims, conflicts and cross-document entities; mixed into SQLStore."""

    sql: Database
    dialect: Dialect

    @contextmanager
    def link_transaction(self) -> Iterator[None]:
        with self.sql.transaction():
            self.dialect.lock_links(self.sql.conn)
            yield

    def _next(self, key: str) -> int:
        return int(self.sql.value(
            "INSERT INTO link_meta (key, value) VALUES (:key, 1) ON CONFLICT (key) DO UPDATE SET value = link_meta.value + 1 RETURNING value",
            {"key": key},
        ))

    # -- stories -----------------------------------------------------------

    def story_add_terms(self, article_id: str, terms: Mapping[str, float], day: int | None) -> None:
        added = self.sql.execute(
            "INSERT INTO link_terms (article_id, terms, day) VALUES (:a, :terms, :day) ON CONFLICT DO NOTHING",
            {"a": article_id, "terms": json.dumps(terms), "day": day},
        )
        if not added.rowcount:
            return
        self.sql.executemany(
            "INSERT INTO link_df (term, df) VALUES (:t, 1) ON CONFLICT (term) DO UPDATE SET df = link_df.df + 1", [{"t": t} for t in sorted(terms)]
        )
        seq = self._next("docs")
        self.sql.executemany(
            "INSERT INTO link_postings (term, day, seq, article_id) VALUES (:t, :day, :seq, :a)",
            [{"t": t, "day": day, "seq": seq, "a": article_id} for t in terms],
        )

    def story_df(self, terms: Iterable[str]) -> dict[str, int]:
        rows = self.sql.rows("SELECT term, df FROM link_df WHERE term IN (SELECT value FROM {each}(:terms))", {"terms": id_list(terms)})
        return dict(rows)

    def story_doc_count(self) -> int:
        return int(self.sql.value("SELECT value FROM link_meta WHERE key = 'docs'") or 0)

    def story_candidates(self, query: Mapping[str, float], day: int | None, window_days: int, limit: int) -> list[str]:
        score: dict[str, float] = {}
        newest: dict[str, int] = {}
        for t, w in query.items():
            rows = self.sql.rows(
                "SELECT article_id, day, seq FROM link_postings WHERE term = :t ORDER BY seq DESC LIMIT :n", {"t": t, "n": POSTINGS_PER_TERM}
            )
            for article_id, d, seq in rows:
                if day is None or d is None or abs(d - day) <= window_days:
                    score[article_id] = score.get(article_id, 0.0) + w
                    newest[article_id] = seq
        return sorted(score, key=lambda a: (-score[a], -newest[a]))[:limit]

    def story_terms(self, article_ids: list[str]) -> dict[str, tuple[Terms, int | None]]:
        rows = self.sql.rows(
            "SELECT article_id, terms, day FROM link_terms WHERE article_id IN (SELECT value FROM {each}(:ids)) ORDER BY article_id",
            {"ids": id_list(article_ids)},
        )
        return {aid: (json.loads(terms), day) for aid, terms, day in rows}

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        rows = self.sql.rows(
            "SELECT article_id, story_id FROM story_articles WHERE article_id IN (SELECT value FROM {each}(:ids)) ORDER BY article_id",
            {"ids": id_list(article_ids)},
        )
        return dict(rows)

    def story_members(self, story_id: str, limit: int) -> list[str]:
        rows = self.sql.rows("SELECT article_id FROM story_articles WHERE story_id = :s ORDER BY seq DESC LIMIT :n", {"s": story_id, "n": limit})
        return [r[0] for r in rows][::-1]

    def story_join(self, story_id: str, article_id: str, similarity: float) -> None:
        sql = self.sql
        title, published, site, url = sql.row("SELECT title, published, site, url FROM articles WHERE id = :a", {"a": article_id}) or (None,) * 4
        row = sql.row("SELECT title, first_date, last_date, outlets FROM stories WHERE id = :s{for_update}", {"s": story_id})
        outlet = site or host_of(url)
        day = published[:10] if published else None
        if row is None:
            sql.execute(
                "INSERT INTO stories (id, title, first_date, last_date, article_count, outlets, updated_at)"
                " VALUES (:s, :title, :day, :day, 1, :outlets, :today)",
                {"s": story_id, "title": title or "", "day": day, "outlets": json.dumps([outlet] if outlet else []), "today": _today()},
            )
        else:
            old_title, first, last, outlets = row
            outlets = json.loads(outlets)
            if outlet and outlet not in outlets:
                outlets.append(outlet)
            sql.execute(
                "UPDATE stories SET title = :title, first_date = :first, last_date = :last, article_count = article_count + 1,"
                " outlets = :outlets, updated_at = :today WHERE id = :s",
                {"title": old_title or title or "", "first": min(filter(None, (first, day)), default=None),
                 "last": max(filter(None, (last, day)), default=None), "outlets": json.dumps(outlets), "today": _today(), "s": story_id},
            )
        sql.execute(
            "INSERT INTO story_articles (article_id, story_id, seq, similarity) VALUES (:a, :s, :seq, :sim)"
            " ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, seq = excluded.seq, similarity = excluded.similarity",
            {"a": article_id, "s": story_id, "seq": self._next("story_seq"), "sim": similarity},
        )

    def story_new(self, article_id: str) -> str:
        story_id = f"st{self._next('stories'):06d}"
        self.story_join(story_id, article_id, 0.0)
        return story_id

    def story_sizes(self, story_ids: list[str]) -> dict[str, int]:
        rows = self.sql.rows("SELECT id, article_count FROM stories WHERE id IN (SELECT value FROM {each}(:ids))", {"ids": id_list(story_ids)})
        return dict(rows)

    def story_merge(self, into: str, gone: str, similarity: float) -> None:
        """Move story ``gone`` (articles, claims, conflicts) into ``into``; ``gone`` redirects there."""
        sql = self.sql
        rows = {r[0]: r[1:] for r in sql.rows(
            "SELECT id, first_date, last_date, outlets, title FROM stories WHERE id IN (:into, :gone) ORDER BY id{for_update}",
            {"into": into, "gone": gone},
        )}
        if into not in rows or gone not in rows or into == gone:
            raise NotFound("both stories must exist and differ to merge", input=f"{gone} -> {into}")
        drop = rows[gone]
        first, last, outlets = merged_summary(rows[into][:3], drop[:3])
        # Rows move before the story row goes: story_articles cascades on its delete.
        moved = sql.execute("UPDATE story_articles SET story_id = :into WHERE story_id = :gone", {"into": into, "gone": gone}).rowcount
        sql.execute(
            "UPDATE stories SET title = CASE WHEN title = '' THEN :title ELSE title END, first_date = :first, last_date = :last,"
            " article_count = article_count + :moved, outlets = :outlets, updated_at = :today WHERE id = :into",
            {"title": drop[3], "first": first, "last": last, "moved": moved, "outlets": outlets, "today": _today(), "into": into},
        )
        moves = {"into": into, "gone": gone}
        sql.execute("UPDATE claims SET story_id = :into WHERE story_id = :gone", moves)
        sql.execute("UPDATE conflicts SET story_id = :into WHERE story_id = :gone", moves)
        self._merge_conflicts_of_story(into)
        sql.execute("UPDATE story_redirects SET into_id = :into WHERE into_id = :gone", moves)
        sql.execute(
            "INSERT INTO story_redirects (story_id, into_id, similarity, merged_at) VALUES (:gone, :into, :sim, :today)",
            {**moves, "sim": similarity, "today": _today()},
        )
        sql.execute("DELETE FROM stories WHERE id = :gone", moves)

    def story_redirect(self, story_id: str) -> str | None:
        found = self.sql.value("SELECT into_id FROM story_redirects WHERE story_id = :s", {"s": story_id})
        return str(found) if found is not None else None

    def _story(self, row: Sequence[Any]) -> Story:
        sid, title, first, last, _count, outlets = row
        ids = tuple(r[0] for r in self.sql.rows("SELECT article_id FROM story_articles WHERE story_id = :s ORDER BY seq", {"s": sid}))
        return Story(sid, title, ids, first, last, tuple(json.loads(outlets)))

    def stories(self, limit: int = 100, min_articles: int = 1) -> list[Story]:
        rows = self.sql.rows(
            f"SELECT {_STORY_COLS} FROM stories WHERE article_count >= :min"
            " ORDER BY last_date DESC NULLS LAST, article_count DESC, id LIMIT :limit",
            {"min": min_articles, "limit": limit},
        )
        return [self._story(r) for r in rows]

    def get_story(self, story_id: str) -> Story:
        story_id = self.story_redirect(story_id) or story_id  # a merged story's id resolves to its survivor
        rows = self.sql.rows(
            f"SELECT {_STORY_COLS} FROM stories WHERE id = :s OR id LIKE :prefix ESCAPE '\\' ORDER BY id <> :s, id LIMIT 2",
            {"s": story_id, "prefix": _like(story_id) + "%"},
        )
        if not rows:
            raise NotFound("no story with this id", input=story_id)
        if len(rows) > 1 and rows[0][0] != story_id:
            raise NotFound("the id prefix is ambiguous; give more characters", input=story_id)
        return self._story(rows[0])

    def story_of(self, article_id: str) -> str | None:
        found = self.sql.value("SELECT story_id FROM story_articles WHERE article_id = :a", {"a": article_id})
        return str(found) if found is not None else None

    # -- claims ------------------------------------------------------------

    def claim_candidates(self, terms: list[str], limit: int) -> list[ClaimRow]:
        hits: dict[str, int] = {}
        for t in terms:
            for (cid,) in self.sql.rows("SELECT claim_id FROM claim_terms WHERE term = :t ORDER BY seq DESC LIMIT 200", {"t": t}):
                hits[cid] = hits.get(cid, 0) + 1
        chosen = sorted(hits, key=lambda c: -hits[c])[:limit]  # most shared terms first
        if not chosen:
            return []
        rows = self.sql.rows(
            f"SELECT {_CLAIM_COLS} FROM claims WHERE id IN (SELECT value FROM {{each}}(:ids)) ORDER BY id", {"ids": id_list(chosen)}
        )
        return [ClaimRow(*r) for r in rows]

    def claim_new(self, claim: ClaimRow, terms: Iterable[str]) -> None:
        self.sql.execute(
            "INSERT INTO claims (id, text, first_article_id, first_quote_id, first_speaker, first_date, source_count, story_id)"
            " VALUES (:id, :text, :a, :q, :speaker, :date, 0, :story)",
            {"id": claim.id, "text": claim.text, "a": claim.first_article_id, "q": claim.first_quote_id, "speaker": claim.first_speaker,
             "date": claim.first_date, "story": claim.story_id},
        )
        seq = self._next("claims")
        self.sql.executemany(
            "INSERT INTO claim_terms (term, seq, claim_id) VALUES (:t, :seq, :c) ON CONFLICT DO NOTHING",
            [{"t": t, "seq": seq, "c": claim.id} for t in set(terms)],
        )

    def claim_add_source(self, s: ClaimSourceRow) -> None:
        added = self.sql.execute(
            "INSERT INTO claim_sources (claim_id, article_id, quote_id, speaker, outlet, date, similarity, text)"
            " VALUES (:c, :a, :q, :speaker, :outlet, :date, :sim, :text) ON CONFLICT DO NOTHING",
            {"c": s.claim_id, "a": s.article_id, "q": s.quote_id, "speaker": s.speaker, "outlet": s.outlet, "date": s.date,
             "sim": s.similarity, "text": s.text},
        )
        if added.rowcount:
            self.sql.execute("UPDATE claims SET source_count = source_count + 1 WHERE id = :c", {"c": s.claim_id})
            if s.date is not None:  # the first appearance is the earliest dated source
                self.sql.execute(
                    "UPDATE claims SET first_article_id = :a, first_quote_id = :q, first_speaker = :speaker, first_date = :date"
                    " WHERE id = :c AND (first_date IS NULL OR first_date > :date)",
                    {"a": s.article_id, "q": s.quote_id, "speaker": s.speaker, "date": s.date, "c": s.claim_id},
                )

    def claims(self, limit: int = 100, story_id: str | None = None, min_sources: int = 1) -> list[ClaimRow]:
        in_story = (
            " AND id IN (SELECT cs.claim_id FROM claim_sources cs JOIN story_articles sa ON sa.article_id = cs.article_id WHERE sa.story_id = :s)"
            if story_id else ""
        )
        rows = self.sql.rows(
            f"SELECT {_CLAIM_COLS} FROM claims WHERE source_count >= :min{in_story} ORDER BY source_count DESC, first_date NULLS FIRST, id"
            " LIMIT :limit",
            {"min": min_sources, "s": story_id, "limit": limit},
        )
        return [ClaimRow(*r) for r in rows]

    def claim_sources(self, claim_id: str) -> list[ClaimSourceRow]:
        rows = self.sql.rows(
            "SELECT claim_id, article_id, quote_id, speaker, outlet, date, similarity, text FROM claim_sources WHERE claim_id = :c"
            " ORDER BY date IS NULL, date, {rowseq}",
            {"c": claim_id},
        )
        return [ClaimSourceRow(*r) for r in rows]

    # -- conflicts ---------------------------------------------------------

    def save_conflicts(self, story_id: str | None, conflicts: Iterable[Conflict]) -> int:
        """Store conflicts; one found again (same story, same question and answers: its ``key``)
        gains the new statements and keeps its id and its review. Returns how many are new.

        The rows are written together at the end, one statement per table (a link in a long story
        finds several conflicts, and a statement each cost more than the decisions)."""
        n = 0
        found = list(conflicts)
        on_file = self._on_file(story_id, found)
        on_file.update(self._found_elsewhere([c for c in found if c.key and c.key not in on_file]))
        # ids on file already: a conflict found before under another story (the id is its content's)
        taken = self._conflict_ids([c.id for c in found if not (c.key and c.key in on_file)])
        new_rows: list[dict] = []
        changed: dict[str, dict] = {}  # conflict id -> its row's new values
        sides_rows: list[dict] = []
        article_rows: list[dict] = []
        for c in found:
            existing = on_file.get(c.key) if c.key else None
            if existing:
                cid, old_sides, old_conf, old_ev = existing
                kept = json.loads(old_sides)
                sides = _merge_sides(kept, [_side_json(x) for x in c.sides])
                merged, conf = json.dumps(sides, ensure_ascii=False), max(c.confidence, old_conf or 0.0)
                # the evidence is this finding's where it is stronger than the row's, counted again over
                # the statements both give (the row's count would go stale as the conflict grows)
                ev = recounted([x for x in (old_ev, c.evidence) if x], _positions(sides),
                               c.evidence if c.confidence > (old_conf or 0.0) or not old_ev else old_ev)
                changed[cid] = {"sides": merged, "conf": conf, "ev": ev, "id": cid}
                # Only the new statements are written: a conflict of a long story gains one or two
                # sides per article, and rewriting all of them made each article cost more than the last.
                sides_rows += side_rows(cid, sides)[len(kept):]
                article_rows += [{"c": cid, "a": a} for a in dict.fromkeys(s["article_id"] for s in sides[len(kept):])]
                on_file[c.key] = (cid, merged, conf, ev)  # the same key again in this batch joins it too
                continue
            sides_json = json.dumps([_side_json(x) for x in c.sides], ensure_ascii=False)
            if c.id not in taken:
                taken.add(c.id)
                n += 1
                new_rows.append({"id": c.id, "s": story_id, "topic": c.topic, "evidence": c.evidence, "sides": sides_json, "today": _today(),
                                 "key": c.key or None, "kind": c.kind, "conf": c.confidence})
                sides_rows += side_rows(c.id, json.loads(sides_json))
                article_rows += [{"c": c.id, "a": s.article_id} for s in c.sides]
                if c.key:
                    on_file[c.key] = (c.id, sides_json, c.confidence, c.evidence)
            elif story_id:
                self._write_conflicts(new_rows, changed, sides_rows, article_rows)  # what was decided so far is on file first
                new_rows, changed, sides_rows, article_rows = [], {}, [], []
                self.sql.execute("UPDATE conflicts SET story_id = :s WHERE id = :c", {"s": story_id, "c": c.id})
                moved = self.sql.row("SELECT id, sides, confidence, key, evidence FROM conflicts WHERE id = :c", {"c": c.id})
                if moved is not None and moved[3]:
                    on_file.setdefault(moved[3], (moved[0], moved[1], moved[2], moved[4]))
        self._write_conflicts(new_rows, changed, sides_rows, article_rows)
        return n

    def _write_conflicts(self, new_rows: list[dict], changed: dict[str, dict], sides_rows: list[dict], article_rows: list[dict]) -> None:
        """The rows save_conflicts decided on, one statement per table: new conflicts, then those
        found again, then the side and article rows of both."""
        self.sql.executemany(
            "INSERT INTO conflicts (id, story_id, topic, evidence, sides, found_at, key, kind, confidence)"
            " VALUES (:id, :s, :topic, :evidence, :sides, :today, :key, :kind, :conf) ON CONFLICT DO NOTHING",
            new_rows,
        )
        self.sql.executemany(
            "UPDATE conflicts SET sides = :sides, confidence = :conf, evidence = :ev WHERE id = :id",
            list(changed.values()),
        )
        self.sql.executemany(
            "INSERT INTO conflict_sides (conflict_id, idx, article_id, quote_id, speaker, position) VALUES (:c, :i, :a, :q, :speaker, :position)",
            sides_rows,
        )
        self.sql.executemany("INSERT INTO conflict_articles (conflict_id, article_id) VALUES (:c, :a) ON CONFLICT DO NOTHING", article_rows)

    def _on_file(self, story_id: str | None, found: list[Conflict]) -> dict[str, _OnFile]:
        """The story's conflicts on file with the keys of ``found``, in one read through the
        (story, key) index: a long story holds many conflicts, and reading all of its rows to
        keep those with the keys made linking cost more as the story grew."""
        keys = sorted({c.key for c in found if c.key})
        if not keys:
            return {}
        story = "story_id = :s" if story_id is not None else "story_id IS NULL"
        on_file: dict[str, _OnFile] = {}
        for key, cid, old_sides, old_conf, old_ev in self.sql.rows(
            f"SELECT key, id, sides, confidence, evidence FROM conflicts WHERE {story} AND key IN (SELECT value FROM {{each}}(:keys))"
            " ORDER BY key, {rowseq}",
            {"keys": id_list(keys), "s": story_id},
        ):
            on_file.setdefault(key, (cid, old_sides, old_conf, old_ev))
        return on_file

    def _conflict_ids(self, ids: list[str]) -> set[str]:
        if not ids:
            return set()
        return {r[0] for r in self.sql.rows("SELECT id FROM conflicts WHERE id IN (SELECT value FROM {each}(:ids))", {"ids": id_list(ids)})}

    def _found_elsewhere(self, found: list[Conflict]) -> dict[str, _OnFile]:
        """Conflicts on file in another story that these are found again: the same question and
        answers (key) with a side in one of the same articles. An article checked against a
        neighbouring story's articles meets a conflict found there before; a second row would
        count it twice and lose its review."""
        if not found:
            return {}
        articles = sorted({s.article_id for c in found for s in c.sides})
        rows = self.sql.rows(
            "SELECT c.key, c.id, c.sides, c.confidence, ca.article_id, c.evidence FROM conflicts c"
            " JOIN conflict_articles ca ON ca.conflict_id = c.id"
            " WHERE c.key IN (SELECT value FROM {each}(:keys)) AND ca.article_id IN (SELECT value FROM {each}(:articles)) ORDER BY c.key, c.{rowseq}",
            {"keys": id_list(sorted({c.key for c in found if c.key})), "articles": id_list(articles)},
        )
        by_key: dict[str, list] = {}
        for r in rows:
            by_key.setdefault(r[0], []).append(r)  # in the query's order: the first filed comes first
        out: dict[str, _OnFile] = {}
        for c in found:
            if c.key in out:
                continue
            mine = {s.article_id for s in c.sides}
            hit = next((r for r in by_key.get(c.key, ()) if r[4] in mine), None)
            if hit is not None:
                out[c.key] = (hit[1], hit[2], hit[3], hit[5])
        return out

    def _write_sides(self, conflict_id: str, sides: list[dict]) -> None:
        """The conflict's sides as rows of conflict_sides (what the desk's store-wide views filter and
        count on), all of them written again."""
        self.sql.execute("DELETE FROM conflict_sides WHERE conflict_id = :c", {"c": conflict_id})
        self.sql.executemany(
            "INSERT INTO conflict_sides (conflict_id, idx, article_id, quote_id, speaker, position) VALUES (:c, :i, :a, :q, :speaker, :position)",
            side_rows(conflict_id, sides),
        )

    _CONFLICT_COLUMNS = "story_id, id, topic, evidence, sides, kind, confidence, review, reviewed_at, key"

    def conflicts(self, story_id: str | None = None, limit: int = 100, review: str | None = None) -> list[ConflictRow]:
        """Conflicts strongest first; ``review``: "unreviewed", "confirmed", "dismissed" (None: all)."""
        where = []
        if story_id:
            where.append(
                "(story_id = :s OR id IN (SELECT ca.conflict_id FROM conflict_articles ca"
                " JOIN story_articles sa ON sa.article_id = ca.article_id WHERE sa.story_id = :s))"
            )
        if review == "unreviewed":
            where.append("review IS NULL")
        elif review is not None:
            where.append("review = :review")
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        rows = self.sql.rows(
            f"SELECT {self._CONFLICT_COLUMNS} FROM conflicts{clause} ORDER BY COALESCE(confidence, 0) DESC, found_at DESC, {{rowseq}} LIMIT :limit",
            {"s": story_id, "limit": limit, "review": review},
        )
        return [_conflict_row(r) for r in rows]

    def get_conflict(self, conflict_id: str) -> ConflictRow:
        """A conflict by its id, or by a prefix of six characters or more that only it has."""
        rows = self.sql.rows(f"SELECT {self._CONFLICT_COLUMNS} FROM conflicts WHERE id = :id", {"id": conflict_id})
        if not rows and len(conflict_id) >= 6:
            rows = self.sql.rows(f"SELECT {self._CONFLICT_COLUMNS} FROM conflicts WHERE id LIKE :p ESCAPE '\\' LIMIT 2", {"p": _like(conflict_id) + "%"})
            if len(rows) > 1:
                raise NotFound("the id prefix is ambiguous; give more characters", input=conflict_id)
        if not rows:
            raise NotFound("no conflict with this id", input=conflict_id)
        return _conflict_row(rows[0])

    def review_conflict(self, conflict_id: str, review: str | None) -> ConflictRow:
        """Record a reader's triage ("confirmed", "dismissed"; "unreviewed" or None clears it)."""
        review = stored_review(review, conflict=conflict_id)
        conflict_id = self.get_conflict(conflict_id).id
        with self.link_transaction():
            self.sql.execute(
                "UPDATE conflicts SET review = :r, reviewed_at = :t WHERE id = :id",
                {"r": review, "t": _today() if review else None, "id": conflict_id},
            )
        return self.get_conflict(conflict_id)

    def _merge_conflicts_of_story(self, story_id: str) -> None:
        """After a story merge: conflicts of the two stories that answer one question become one row
        (the reviewed one, or the older, keeps its id)."""
        rows = self.sql.rows(
            "SELECT id, key, sides, confidence, review, reviewed_at, evidence FROM conflicts WHERE story_id = :s AND key IS NOT NULL"
            " ORDER BY CASE WHEN review IS NULL THEN 1 ELSE 0 END, found_at, id",
            {"s": story_id},
        )
        keep: dict[str, tuple] = {}
        for cid, key, sides, conf, review, reviewed_at, evidence in rows:
            if key not in keep:
                keep[key] = (cid, json.loads(sides), conf or 0.0, evidence or "")
                continue
            kid, ksides, kconf, kev = keep[key]
            merged = _merge_sides(ksides, json.loads(sides))
            ev = recounted([x for x in (kev, evidence) if x], _positions(merged), kev or evidence or "")
            keep[key] = (kid, merged, max(kconf, conf or 0.0), ev)
            self.sql.execute(
                "UPDATE conflicts SET sides = :sides, confidence = :conf, evidence = :ev WHERE id = :id",
                {"sides": json.dumps(merged, ensure_ascii=False), "conf": keep[key][2], "ev": ev, "id": kid},
            )
            self._write_sides(kid, merged)
            self.sql.execute(
                "INSERT INTO conflict_articles (conflict_id, article_id) SELECT :k, article_id FROM conflict_articles WHERE conflict_id = :c"
                " ON CONFLICT DO NOTHING",
                {"k": kid, "c": cid},
            )
            self.sql.execute("DELETE FROM conflicts WHERE id = :c", {"c": cid})

    # -- entities ----------------------------------------------------------

    def entity_candidates(self, keys: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for k in set(keys):
            ids = [r[0] for r in self.sql.rows("SELECT entity_id FROM link_entity_keys WHERE key = :k LIMIT 50", {"k": k})]
            if ids:
                out[k] = ids
        return out

    def entity_rows(self, entity_ids: Iterable[str]) -> list[EntityRow]:
        rows = self.sql.rows(
            f"SELECT {_ENTITY_COLS} FROM link_entities WHERE id IN (SELECT value FROM {{each}}(:ids)) ORDER BY id",
            {"ids": id_list(dict.fromkeys(entity_ids))},
        )
        return [_entity(r) for r in rows]

    def entity_new(self, name: str, label: str, keys: Iterable[str], article_id: str | None = None) -> str:
        eid = f"en{self._next('entities'):06d}"
        self.sql.execute(
            "INSERT INTO link_entities (id, name, label, aliases, titles, article_count, mention_count)"
            " VALUES (:id, :name, :label, '[]', '[]', 0, 0)",
            {"id": eid, "name": name, "label": label},
        )
        self.sql.executemany(
            "INSERT INTO link_entity_keys (key, entity_id, article_id) VALUES (:k, :e, :a) ON CONFLICT DO NOTHING",
            [{"k": k, "e": eid, "a": article_id} for k in keys],
        )
        return eid

    def entity_add_member(self, entity_id: str, article_id: str, surface: str, mentions: int, confidence: float,
                          method: str, title: str | None, keys: Iterable[str], local_id: str | None = None,
                          evidence: str | None = None, evidence_article_id: str | None = None) -> None:
        sql = self.sql
        added = sql.execute(
            "INSERT INTO link_entity_members (entity_id, article_id, surface, mentions, confidence, method, title, local_id, evidence,"
            " evidence_article_id) VALUES (:e, :a, :surface, :mentions, :confidence, :method, :title, :local, :evidence, :ev_article)"
            " ON CONFLICT DO NOTHING",
            {"e": entity_id, "a": article_id, "surface": surface, "mentions": mentions, "confidence": confidence, "method": method,
             "title": title, "local": local_id, "evidence": evidence, "ev_article": evidence_article_id},
        )
        if not added.rowcount:
            return
        sql.executemany(
            "INSERT INTO link_entity_keys (key, entity_id, article_id) VALUES (:k, :e, :a) ON CONFLICT DO NOTHING",
            [{"k": k, "e": entity_id, "a": article_id} for k in keys],
        )
        found = sql.row("SELECT name, aliases, titles FROM link_entities WHERE id = :e{for_update}", {"e": entity_id})
        assert found is not None, entity_id
        name, aliases, titles = found[0], json.loads(found[1]), json.loads(found[2])
        if surface != name and surface not in aliases:
            aliases.append(surface)
        if title and title not in titles:
            titles.append(title)
        published = sql.value("SELECT published FROM articles WHERE id = :a", {"a": article_id})
        day = published[:10] if published else None
        # Counted by the article's key alone: with entity_id in the condition too, SQLite took the
        # entity's index and walked every article that ever named it (0.1 ms per name at 10,000 articles).
        in_article = sql.rows("SELECT entity_id FROM link_entity_members WHERE article_id = :a", {"a": article_id})
        new_article = sum(1 for (e,) in in_article if e == entity_id) == 1
        sql.execute(
            "UPDATE link_entities SET aliases = :aliases, titles = :titles, article_count = article_count + :new,"
            " mention_count = mention_count + :mentions,"
            " first_date = CASE WHEN CAST(:day AS TEXT) IS NOT NULL AND (first_date IS NULL OR first_date > :day) THEN :day ELSE first_date END,"
            " last_date = CASE WHEN CAST(:day AS TEXT) IS NOT NULL AND (last_date IS NULL OR last_date < :day) THEN :day ELSE last_date END"
            " WHERE id = :e",
            {"aliases": json.dumps(aliases, ensure_ascii=False), "titles": json.dumps(titles, ensure_ascii=False), "new": int(new_article),
             "mentions": mentions, "day": day, "e": entity_id},
        )

    def entity_rename(self, entity_id: str, name: str) -> None:
        """Give an entity a fuller name ("Putin" -> "Vladimir Putin"), keeping the old one as an alias."""
        found = self.sql.row("SELECT name, aliases FROM link_entities WHERE id = :e", {"e": entity_id})
        assert found is not None, entity_id
        old, aliases = found[0], [a for a in json.loads(found[1]) if a != name]
        if old not in aliases:
            aliases.append(old)
        self.sql.execute(
            "UPDATE link_entities SET name = :name, aliases = :aliases WHERE id = :e",
            {"name": name, "aliases": json.dumps(aliases, ensure_ascii=False), "e": entity_id},
        )

    def entities(self, limit: int = 100, query: str | None = None, label: str | None = None) -> list[EntityRow]:
        where = ""
        if query:
            where += " AND (name {ilike} :like ESCAPE '\\' OR aliases {ilike} :like ESCAPE '\\')"
        if label:
            where += " AND label = :label"
        rows = self.sql.rows(
            f"SELECT {_ENTITY_COLS} FROM link_entities WHERE 1 = 1{where} ORDER BY article_count DESC, mention_count DESC, name LIMIT :limit",
            {"like": f"%{_like(query or '')}%", "label": (label or "").upper(), "limit": limit},
        )
        return [_entity(r) for r in rows]

    def entities_named(self, name: str) -> list[EntityRow]:
        """Entities whose name or one of whose aliases is ``name``, case ignored."""
        rows = self.sql.rows(
            f"SELECT {_ENTITY_COLS} FROM link_entities WHERE lower(name) = lower(:n) OR aliases {{ilike}} :like ESCAPE '\\' LIMIT 200",
            {"n": name, "like": f"%{_like(json.dumps(name, ensure_ascii=False))}%"},
        )
        wanted = fold(name)
        return [e for e in map(_entity, rows) if fold(e.name) == wanted or any(fold(a) == wanted for a in e.aliases)]

    def entity_redirect(self, entity_id: str) -> str | None:
        """The live entity a joined entity's id now leads to (None: not a joined entity)."""
        found = self.sql.value("SELECT into_id FROM link_entity_redirects WHERE entity_id = :e", {"e": entity_id})
        return str(found) if found is not None else None

    def lookup_entity(self, name: str, label: str | None = None) -> EntityLookup:
        """The entity a reader's ``name`` stands for: an id, name, alias, surname or acronym; the
        candidates when several entities answer to it (see newstrace.link.lookup)."""
        return lookup_entity(self, name, label)

    def get_entity(self, entity_id: str) -> EntityRow:
        """The one entity an id, name, alias, unambiguous surname or acronym names; NotFound (one
        line, with the candidates when ambiguous) otherwise."""
        return resolve_entity(self, entity_id)

    def entity_mentions(self, entity_id: str, limit: int = 500) -> list[EntityMentionRow]:
        rows = self.sql.rows(
            "SELECT m.entity_id, m.article_id, m.surface, m.mentions, m.confidence, m.method, a.published, a.title, m.local_id, m.evidence,"
            " m.evidence_article_id FROM link_entity_members m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = :e"
            " ORDER BY a.published IS NULL, a.published, m.article_id LIMIT :limit",
            {"e": entity_id, "limit": limit},
        )
        return [EntityMentionRow(*r) for r in rows]

    def entity_quotes(self, entity_id: str, limit: int = 200) -> list[QuoteRow]:
        rows = self.sql.rows(
            "SELECT article_id, quote_id, speaker, speaker_kind, kind, cue, content, channel, via, said_on, published, title,"
            " confidence, speaker_candidate FROM ("
            " SELECT DISTINCT q.article_id, q.quote_id, q.speaker, q.speaker_kind, q.kind, q.cue, q.content, q.channel, q.via, q.said_on,"
            " a.published, a.title, q.confidence, q.speaker_candidate, q.start FROM quotes q JOIN link_entity_members m ON m.article_id = q.article_id"
            " AND (m.surface = q.speaker OR m.surface = q.speaker_text) JOIN articles a ON a.id = q.article_id"
            " WHERE m.entity_id = :e) x ORDER BY published IS NULL, published, article_id, start LIMIT :limit",
            {"e": entity_id, "limit": limit},
        )
        return [QuoteRow.from_row(r) for r in rows]

    def entity_members(self, article_id: str) -> dict[str, str]:
        rows = self.sql.rows("SELECT surface, entity_id FROM link_entity_members WHERE article_id = :a ORDER BY surface", {"a": article_id})
        return {surface: entity_id for surface, entity_id in rows}


def _side_json(s: ConflictSide) -> dict:
    return {
        "article_id": s.article_id, "quote_id": s.quote_id, "speaker": s.speaker, "text": s.text, "position": s.position,
        "start": s.start, "end": s.end, "outlet": s.outlet, "date": s.date, "kind": s.kind,
    }


def side_rows(conflict_id: str, sides: list[dict]) -> list[dict]:
    """Rows of conflict_sides for a conflict's sides (as stored in conflicts.sides)."""
    return [
        {"c": conflict_id, "i": i, "a": s["article_id"], "q": s.get("quote_id"), "speaker": s.get("speaker"), "position": int(s.get("position", i))}
        for i, s in enumerate(sides)
    ]


def _positions(sides: list[dict]) -> list[int]:
    """The position (A = 0, B = 1, ...) of each stored side."""
    return [int(s.get("position", i)) for i, s in enumerate(sides)]


def _merge_sides(old: list[dict], new: list[dict]) -> list[dict]:
    """The union of two conflicts' statements, each once (by article and passage)."""
    seen = {(s["article_id"], s.get("start"), s["text"]) for s in old}
    return old + [s for s in new if (s["article_id"], s.get("start"), s["text"]) not in seen]


def _conflict_row(r) -> ConflictRow:
    sid, cid, topic, ev, sides, kind, conf, review, reviewed_at, key = r
    return ConflictRow(
        sid, cid, topic, ev,
        tuple(
            ConflictSide(
                s["article_id"], s["quote_id"], s["speaker"], s["text"], int(s.get("position", i)), s.get("start"), s.get("end"),
                # rows filed before outlets were read per article held the narrator's placeholder
                s.get("outlet") if s.get("outlet") != REPORTER else None, s.get("date"), s.get("kind", "quote"),
            )
            for i, s in enumerate(json.loads(sides))
        ),
        kind or "", float(conf or 0.0), review, str(reviewed_at) if reviewed_at else None, key or "",
    )
