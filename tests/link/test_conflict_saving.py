"""Saving what one link found: a new conflict, one on file that gains statements, one filed under
another story. The rows are written together at the end of the batch, and what is read to decide
goes through indexes, so a store of many stories and conflicts costs no more per save than a small one."""

from __future__ import annotations

import pytest
from link_support import make_article

from newstrace.model import Conflict, ConflictSide
from newstrace.store import Store


def _side(aid: str, figure: int, position: int) -> ConflictSide:
    return ConflictSide(aid, "q1", "A spokesman", f"{figure} passengers were hurt", position, 0, 24, f"{aid}.example")


def _injured(cid: str, key: str, sides: tuple[ConflictSide, ...], confidence: float, evidence: str) -> Conflict:
    return Conflict(cid, "how many passengers were hurt", sides, evidence, confidence, "figures", key=key)


@pytest.fixture
def filed(store: Store) -> Store:
    for aid in "abcdef":
        store.upsert_article(make_article(aid, f"A train left the rails near the river crossing ({aid})."))
    return store


def _side_rows(store: Store, cid: str) -> list[tuple[int, str]]:
    return [(i, a) for i, a in store.sql.rows("SELECT idx, article_id FROM conflict_sides WHERE conflict_id = :c ORDER BY idx", {"c": cid})]


def _article_rows(store: Store, cid: str) -> set[str]:
    return {a for (a,) in store.sql.rows("SELECT article_id FROM conflict_articles WHERE conflict_id = :c", {"c": cid})}


def test_one_batch_adds_a_conflict_and_extends_one_on_file(filed: Store) -> None:
    assert filed.save_conflicts("st1", [_injured("cf-hurt", "k-hurt", (_side("a", 12, 0), _side("b", 20, 1)), 0.6, "12 vs 20")]) == 1
    again = _injured("cf-hurt-2", "k-hurt", (_side("c", 20, 1),), 0.9, "12 vs 20, three outlets")
    other = _injured("cf-dead", "k-dead", (_side("a", 2, 0), _side("d", 3, 1)), 0.5, "2 vs 3")
    assert filed.save_conflicts("st1", [again, other]) == 1  # only the second is new
    hurt = filed.get_conflict("cf-hurt")
    assert [s.article_id for s in hurt.sides] == ["a", "b", "c"]
    # the stronger finding's words, with the statements now on file counted (1 of 12, 2 of 20)
    assert hurt.confidence == 0.9 and hurt.evidence == "12 vs 20, three outlets (1 vs 2 statements)"
    assert _side_rows(filed, "cf-hurt") == [(0, "a"), (1, "b"), (2, "c")] and _article_rows(filed, "cf-hurt") == {"a", "b", "c"}
    assert _side_rows(filed, "cf-dead") == [(0, "a"), (1, "d")] and len(filed.conflicts()) == 2


def test_a_weaker_finding_adds_its_statement_but_keeps_the_evidence_on_file(filed: Store) -> None:
    filed.save_conflicts("st1", [_injured("cf-hurt", "k-hurt", (_side("a", 12, 0), _side("b", 20, 1)), 0.8, "12 vs 20")])
    assert filed.save_conflicts("st1", [_injured("cf-hurt-2", "k-hurt", (_side("e", 12, 0),), 0.4, "a weak reading")]) == 0
    hurt = filed.get_conflict("cf-hurt")
    assert hurt.evidence == "12 vs 20 (2 vs 1 statements)" and hurt.confidence == 0.8 and [s.article_id for s in hurt.sides] == ["a", "b", "e"]


def test_one_question_twice_in_a_batch_is_one_conflict(filed: Store) -> None:
    first = _injured("cf-one", "k-hurt", (_side("a", 12, 0), _side("b", 20, 1)), 0.5, "12 vs 20")
    second = _injured("cf-two", "k-hurt", (_side("c", 20, 1), _side("a", 12, 0)), 0.7, "12 vs 20 again")
    assert filed.save_conflicts("st1", [first, second]) == 1
    (only,) = filed.conflicts()
    assert only.id == "cf-one" and [s.article_id for s in only.sides] == ["a", "b", "c"]
    assert only.confidence == 0.7 and only.evidence == "12 vs 20 again (1 vs 2 statements)"
    assert _side_rows(filed, "cf-one") == [(0, "a"), (1, "b"), (2, "c")]


def test_a_conflict_filed_under_another_story_moves_to_this_one(filed: Store) -> None:
    unkeyed = Conflict("cf-loose", "how many passengers were hurt", (_side("a", 12, 0), _side("b", 20, 1)), "12 vs 20", 0.6, "figures")
    assert filed.save_conflicts("st1", [unkeyed]) == 1
    assert filed.save_conflicts(None, [unkeyed]) == 0  # no story to move it to: it stays
    assert filed.get_conflict("cf-loose").story_id == "st1"
    new = _injured("cf-new", "k-new", (_side("c", 1, 0), _side("d", 4, 1)), 0.5, "1 vs 4")
    assert filed.save_conflicts("st2", [new, unkeyed]) == 1
    assert filed.get_conflict("cf-loose").story_id == "st2" and filed.get_conflict("cf-new").story_id == "st2"
    assert _side_rows(filed, "cf-loose") == [(0, "a"), (1, "b")]  # its rows were not written twice


def test_what_saving_reads_goes_through_indexes(filed: Store) -> None:
    if filed.dialect.name != "sqlite":
        pytest.skip("reads SQLite's query plans (PostgreSQL plans by the table's statistics)")
    for n in range(40):  # other stories' conflicts, so a scan would have rows to walk
        filed.save_conflicts(f"st{n}", [_injured(f"cf-{n}", f"k-{n}", (_side("e", n, 0), _side("f", n + 1, 1)), 0.5, "apart")])
    seen: list[tuple[str, object]] = []
    execute = filed.sql.execute

    def recording(sql: str, params=None):  # noqa: ANN001, ANN202
        seen.append((sql, params))
        return execute(sql, params)

    filed.sql.execute = recording  # type: ignore[method-assign]
    filed.save_conflicts("st1", [_injured("cf-a", "k-a", (_side("a", 1, 0), _side("b", 2, 1)), 0.5, "1 vs 2"),
                                 _injured("cf-b", "k-3", (_side("a", 3, 0), _side("c", 4, 1)), 0.5, "3 vs 4")])
    filed.sql.execute = execute  # type: ignore[method-assign]
    reads = [(s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT")]
    assert reads
    for sql, params in reads:
        text, names = filed.sql.compiled(sql)
        plan = [r[3] for r in filed.sql.conn.execute("EXPLAIN QUERY PLAN " + text, filed.sql._bind(names, params or {}))]
        scans = [p for p in plan if p.startswith("SCAN") and "json_each" not in p]
        assert not scans, (text, plan)
