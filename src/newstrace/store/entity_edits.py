"""SQL of entity corrections: merging two entities, moving members between them, readers' decisions,
and clearing the entity links to link them again. A part of SQLStore, the same on both databases
(the linker decides what to change: newstrace.link.entities and newstrace.link.decisions)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from newstrace import names
from newstrace.errors import NotFound
from newstrace.link.storage import EntityDecision, EntityMentionRow
from newstrace.store.sql import Database, id_list


def _today() -> str:
    return date.today().isoformat()


class EntityEdits:
    """Merges, splits, decisions and re-linking of cross-document entities; mixed into SQLStore."""

    sql: Database

    if TYPE_CHECKING:
        def _next(self, key: str) -> int: ...  # LinkTables' counter

    def entity_key_article(self, key: str, entity_id: str) -> str | None:
        """The article where ``entity_id`` first got ``key`` (for an acronym: where it was spelled out)."""
        found = self.sql.value("SELECT article_id FROM link_entity_keys WHERE key = :k AND entity_id = :e", {"k": key, "e": entity_id})
        return str(found) if found is not None else None

    def entities_in_articles(self, article_ids: Iterable[str]) -> set[str]:
        rows = self.sql.rows(
            "SELECT DISTINCT entity_id FROM link_entity_members WHERE article_id IN (SELECT value FROM {each}(:ids))",
            {"ids": id_list(article_ids)},
        )
        return {r[0] for r in rows}

    def entity_member_rows(self, entity_id: str) -> list[EntityMentionRow]:
        """Every member of an entity (each article's name for it), oldest article first."""
        rows = self.sql.rows(
            "SELECT m.entity_id, m.article_id, m.surface, m.mentions, m.confidence, m.method, a.published, a.title, m.local_id,"
            " m.evidence, m.evidence_article_id FROM link_entity_members m JOIN articles a ON a.id = m.article_id"
            " WHERE m.entity_id = :e ORDER BY a.published IS NULL, a.published, m.article_id, m.surface",
            {"e": entity_id},
        )
        return [EntityMentionRow(*r) for r in rows]

    def entity_refresh(self, entity_id: str) -> None:
        """Recompute an entity's aliases, titles, counts and dates from its members (after a move);
        its name stays if one of its members still goes by it, else the fullest member name."""
        sql = self.sql
        found = sql.row("SELECT name, label FROM link_entities WHERE id = :e{for_update}", {"e": entity_id})
        if found is None:
            raise NotFound("no entity with this id", input=entity_id)
        name, label = found
        rows = sql.rows(
            "SELECT m.surface, m.title, m.mentions, m.article_id, a.published FROM link_entity_members m JOIN articles a ON a.id = m.article_id"
            " WHERE m.entity_id = :e ORDER BY a.published IS NULL, a.published, m.article_id, m.surface",
            {"e": entity_id},
        )
        surfaces = list(dict.fromkeys(r[0] for r in rows))
        proper = {names.parse(s, label).name for s in surfaces}
        if name not in proper and name not in surfaces and surfaces:
            name = max(proper, key=lambda n: (len(n.split()), len(n), n))
        days = [r[4][:10] for r in rows if r[4]]
        sql.execute(
            "UPDATE link_entities SET name = :name, aliases = :aliases, titles = :titles, article_count = :ac, mention_count = :mc,"
            " first_date = :first, last_date = :last WHERE id = :e",
            {"name": name, "aliases": json.dumps([s for s in surfaces if s != name], ensure_ascii=False),
             "titles": json.dumps(list(dict.fromkeys(r[1] for r in rows if r[1])), ensure_ascii=False),
             "ac": len({r[3] for r in rows}), "mc": sum(r[2] for r in rows), "first": min(days, default=None), "last": max(days, default=None),
             "e": entity_id},
        )

    def entity_replace_keys(self, entity_id: str, keys: Iterable[str]) -> None:
        """An entity's keys become ``keys`` (each keeps the article it was first seen in, where it had one)."""
        old: dict[str, str | None] = dict(self.sql.rows("SELECT key, article_id FROM link_entity_keys WHERE entity_id = :e", {"e": entity_id}))
        self.sql.execute("DELETE FROM link_entity_keys WHERE entity_id = :e", {"e": entity_id})
        self.sql.executemany(
            "INSERT INTO link_entity_keys (key, entity_id, article_id) VALUES (:k, :e, :a) ON CONFLICT DO NOTHING",
            [{"k": k, "e": entity_id, "a": old.get(k)} for k in dict.fromkeys(keys)],
        )

    def entity_move_members(self, from_id: str, to_id: str, members: Iterable[tuple[str, str]], method: str, evidence: str) -> int:
        """Move members (article, surface) of ``from_id`` to ``to_id``, marked as moved by ``method``."""
        moved = 0
        for article_id, surface in members:
            moved += self.sql.execute(
                "UPDATE link_entity_members SET entity_id = :to, method = :method, confidence = 1.0, evidence = :evidence,"
                " evidence_article_id = NULL WHERE entity_id = :from AND article_id = :a AND surface = :s",
                {"to": to_id, "from": from_id, "a": article_id, "s": surface, "method": method, "evidence": evidence},
            ).rowcount
        return moved

    def entity_merge(self, into: str, gone: str, kind: str, evidence: str, article_id: str | None) -> None:
        """Make ``gone`` part of ``into``: its members and keys move, its id leads to ``into`` from now
        on, and the merge is recorded with its evidence (the kind, in words, and the article)."""
        sql = self.sql
        found = {r[0] for r in sql.rows("SELECT id FROM link_entities WHERE id IN (:a, :b){for_update}", {"a": into, "b": gone})}
        if into == gone or found != {into, gone}:
            raise NotFound("both entities must exist and differ to merge", input=f"{gone} -> {into}")
        moves = {"into": into, "gone": gone}
        sql.execute(
            "INSERT INTO link_entity_keys (key, entity_id, article_id) SELECT key, :into, article_id FROM link_entity_keys WHERE entity_id = :gone"
            " ON CONFLICT DO NOTHING", moves,
        )
        sql.execute("DELETE FROM link_entity_keys WHERE entity_id = :gone", moves)
        sql.execute("UPDATE link_entity_members SET entity_id = :into WHERE entity_id = :gone", moves)
        sql.execute("UPDATE link_entity_redirects SET into_id = :into WHERE into_id = :gone", moves)
        sql.execute("INSERT INTO link_entity_redirects (entity_id, into_id, merged_at) VALUES (:gone, :into, :today)", {**moves, "today": _today()})
        sql.execute(
            "INSERT INTO link_entity_merges (id, into_id, gone_id, kind, evidence, article_id, merged_at)"
            " VALUES (:id, :into, :gone, :kind, :evidence, :a, :today)",
            {**moves, "id": self._next("entity_merges"), "kind": kind, "evidence": evidence, "a": article_id, "today": _today()},
        )
        sql.execute("DELETE FROM link_entities WHERE id = :gone", moves)
        self.entity_refresh(into)

    def entity_merges(self, entity_id: str) -> list[tuple[str, str, str, str | None, str]]:
        """The entities merged into this one: (gone id, kind, evidence, article, date), oldest first."""
        rows = self.sql.rows(
            "SELECT gone_id, kind, evidence, article_id, merged_at FROM link_entity_merges WHERE into_id = :e ORDER BY id", {"e": entity_id}
        )
        return [(r[0], r[1], r[2], r[3], str(r[4])) for r in rows]

    def entity_decide(self, kind: str, label: str, side_a: list[str], side_b: list[str], entity_ids: list[str], note: str | None = None) -> int:
        """Record a reader's decision over the names of two sides ("join" or "split")."""
        did = self._next("entity_decisions")
        self.sql.execute(
            "INSERT INTO entity_decisions (id, kind, label, entity_ids, note, decided_at) VALUES (:id, :kind, :label, :ids, :note, :today)",
            {"id": did, "kind": kind, "label": label, "ids": json.dumps(entity_ids), "note": note, "today": _today()},
        )
        self.sql.executemany(
            "INSERT INTO entity_decision_names (name, decision_id, side) VALUES (:n, :d, :s) ON CONFLICT DO NOTHING",
            [{"n": n, "d": did, "s": side} for side, ns in (("a", side_a), ("b", side_b)) for n in ns],
        )
        return did

    def entity_decisions_for(self, name_keys: Iterable[str]) -> list[EntityDecision]:
        """The decisions naming any of ``name_keys`` on either side, oldest first."""
        rows = self.sql.rows(
            "SELECT d.id, d.kind, d.label, n.side, n.name FROM entity_decisions d JOIN entity_decision_names n ON n.decision_id = d.id"
            " WHERE d.id IN (SELECT decision_id FROM entity_decision_names WHERE name IN (SELECT value FROM {each}(:names)))"
            " ORDER BY d.id",
            {"names": id_list(name_keys)},
        )
        sides: dict[int, tuple[str, str, set[str], set[str]]] = {}
        for did, kind, label, side, name in rows:
            entry = sides.setdefault(did, (kind, label, set(), set()))
            (entry[2] if side == "a" else entry[3]).add(name)
        return [EntityDecision(did, kind, label, frozenset(a), frozenset(b)) for did, (kind, label, a, b) in sides.items()]

    def entity_decisions(self) -> list[tuple[int, str, str, list[str], str]]:
        """Every decision: (id, kind, label, entity ids at the time, date), oldest first."""
        rows = self.sql.rows("SELECT id, kind, label, entity_ids, decided_at FROM entity_decisions ORDER BY id")
        return [(r[0], r[1], r[2], json.loads(r[3]), str(r[4])) for r in rows]

    def entity_links_clear(self) -> None:
        """Drop every cross-document entity (not the readers' decisions), to link the articles again."""
        for table in ("link_entity_members", "link_entity_keys", "link_entity_redirects", "link_entity_merges", "link_entities"):
            self.sql.execute(f"DELETE FROM {table}")

    def linked_articles(self) -> list[tuple[str, str]]:
        """(article, story) of every linked article, in the order they were linked."""
        return [(r[0], r[1]) for r in self.sql.rows("SELECT article_id, story_id FROM story_articles ORDER BY seq")]

    def entity_count(self) -> int:
        return int(self.sql.value("SELECT count(*) FROM link_entities") or 0)
