"""What a fact-checker reads on each side of a conflict: where and when it was published (every
side, also one a rebuttal reads from a clause), no placeholder for an outlet the page does not name,
and a count of statements that stays true as the conflict grows."""

from __future__ import annotations

import pytest
from link_support import make_article, quote

from newstrace.link.conflicts import find_conflicts
from newstrace.link.side_counts import counts_in, recounted, with_counts
from newstrace.model import Conflict, ConflictSide
from newstrace.store import Store


def test_every_side_of_the_seed_shows_its_outlet_and_day(seed_text: str) -> None:
    article = make_article("crocus", seed_text, published="2024-04-03", site="The Washington Post", claims=True)
    conflicts = find_conflicts([article])
    sides = [s for c in conflicts for s in c.sides]
    assert any(s.quote_id is None and s.kind not in ("narration",) for s in sides), "a side read from a clause"
    assert sides and all(s.outlet == "The Washington Post" and s.date == "2024-04-03" for s in sides), [
        (s.speaker, s.kind, s.outlet, s.date) for s in sides
    ]


def test_an_outlet_the_page_does_not_name_is_none() -> None:
    t1 = "Police said the fire was started deliberately by the owner of the warehouse."
    t2 = "The owner denied that the fire was started deliberately by anyone, his lawyer told reporters."
    a = make_article("a", t1, published="2024-05-06", site="a.org", claims=True,
                     quotes=(quote(t1, "q1", "Police", "the fire was started deliberately by the owner of the warehouse", "said", speaker_kind="organization"),))
    b = make_article("b", t2, published="2024-05-07", claims=True)
    (c,) = [c for c in find_conflicts([a, b]) if c.kind == "rebuttal"]
    by_article = {s.article_id: s for s in c.sides}
    assert by_article["a"].outlet == "a.org" and by_article["a"].date == "2024-05-06"
    assert by_article["b"].outlet is None and by_article["b"].date == "2024-05-07"


def test_statements_are_counted_per_position() -> None:
    assert with_counts("rifle vs shotgun", [1, 1]) == "rifle vs shotgun"
    assert with_counts("rifle vs shotgun", [2, 3]) == "rifle vs shotgun (2 vs 3 statements)"
    assert with_counts("rifle vs shotgun (2 vs 3 statements)", [2, 13]) == "rifle vs shotgun (2 vs 13 statements)"
    assert counts_in("rifle vs shotgun (2 vs 13 statements)") == [2, 13]
    assert counts_in("different death tolls: 10 vs 12") == []  # figures in the reason are no count


def test_a_grown_conflict_is_counted_again() -> None:
    positions = [0, 0] + [1] * 13
    assert recounted(["rifle vs shotgun (2 vs 3 statements)"], positions, "rifle vs shotgun (2 vs 3 statements)") == "rifle vs shotgun (2 vs 13 statements)"
    # a finding counts the statements beyond the sides it keeps: that count is not lost
    assert recounted(["x (2 vs 12 statements)"], [0, 0] + [1] * 8, "x (2 vs 12 statements)") == "x (2 vs 12 statements)"
    # one statement a side: nothing to count
    assert recounted(["60 vs 95"], [0, 1], "60 vs 95") == "60 vs 95"


def _side(aid: str, pos: int, gun: str) -> ConflictSide:
    return ConflictSide(aid, "q1", "Police", f"the gunman carried a {gun}", pos, 0, 24, f"{aid}.org", "2024-05-06", "indirect")


@pytest.fixture
def filed(store: Store) -> Store:
    for aid in "abcde":
        store.upsert_article(make_article(aid, f"A gunman opened fire in the office ({aid})."))
    return store


def test_a_conflict_found_again_keeps_its_review_counts_its_statements_and_repeats_none(filed: Store) -> None:
    store = filed
    first = Conflict("cf-gun", "what gun was used", (_side("a", 0, "rifle"), _side("b", 1, "shotgun"), _side("c", 1, "shotgun")),
                     "rifle vs shotgun (1 vs 2 statements)", 0.8, "facts", key="k-gun")
    assert store.save_conflicts("st-1", [first]) == 1
    store.review_conflict("cf-gun", "confirmed")
    # found again, weaker, with two new statements and one on file
    again = Conflict("cf-gun2", "what gun was used", (_side("a", 0, "rifle"), _side("d", 1, "shotgun"), _side("e", 1, "shotgun"), _side("b", 1, "shotgun")),
                     "rifle vs shotgun (1 vs 3 statements)", 0.7, "facts", key="k-gun")
    assert store.save_conflicts("st-1", [again]) == 0
    (c,) = store.conflicts()
    assert c.id == "cf-gun" and c.review == "confirmed" and c.confidence == 0.8
    assert sorted(s.article_id for s in c.sides) == ["a", "b", "c", "d", "e"]
    assert c.evidence == "rifle vs shotgun (1 vs 4 statements)"
    # the same finding once more: nothing added twice
    store.save_conflicts("st-1", [again])
    (c,) = store.conflicts()
    assert len(c.sides) == 5 and c.evidence == "rifle vs shotgun (1 vs 4 statements)" and c.review == "confirmed"
    assert store.sql.row("SELECT COUNT(*) FROM conflict_sides WHERE conflict_id = 'cf-gun'") == (5,)


@pytest.mark.parametrize("outlet", ["(reporter)", None])
def test_a_side_filed_with_the_narrators_placeholder_reads_without_an_outlet(filed: Store, outlet: str | None) -> None:
    store = filed
    side = ConflictSide("a", None, "(reporter)", "The march drew 200,000 people.", 0, 0, 30, outlet, None, "narration")
    store.save_conflicts("st-1", [Conflict("cf-x", "how many took part", (side, _side("b", 1, "x")), "200,000 vs 20,000", 0.8, "figures", key="k")])
    (c,) = store.conflicts()
    assert {s.article_id: s.outlet for s in c.sides} == {"a": None, "b": "b.org"}


def test_a_story_merge_counts_the_merged_statements_and_keeps_the_review(filed: Store) -> None:
    """Two stories a reader merges each hold the conflict: one row stays, the reviewed one, with the
    statements of both counted."""
    store = filed
    one, two = store.story_new("a"), store.story_new("c")
    store.save_conflicts(one, [Conflict("cf-one", "what gun was used", (_side("a", 0, "rifle"), _side("b", 1, "shotgun")), "rifle vs shotgun", 0.7, "facts", key="k-gun")])
    store.save_conflicts(two, [Conflict("cf-two", "what gun was used", (_side("c", 0, "rifle"), _side("d", 1, "shotgun"), _side("e", 1, "shotgun")),
                                        "rifle vs shotgun (1 vs 2 statements)", 0.8, "facts", key="k-gun")])
    store.review_conflict("cf-two", "dismissed")
    store.story_merge(one, two, 0.5)
    (merged,) = store.conflicts()
    assert merged.id == "cf-two" and merged.review == "dismissed"
    assert sorted(s.article_id for s in merged.sides) == ["a", "b", "c", "d", "e"]
    assert merged.evidence == "rifle vs shotgun (2 vs 3 statements)"
