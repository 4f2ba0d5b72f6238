"""Triage: a reader confirms or dismisses a conflict; the review is stored, kept when the conflict is
found again (more articles, re-linking, a story merge), shown in lists and filtered on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from link_support import make_article, quote

from newstrace.link import link_article
from newstrace.link.linker import merge_stories
from newstrace.store import Store

_OPENINGS = {"a": "Rescue work went on through the night.", "b": "Shops stayed shut across the city.", "c": "Crowds gathered outside the hospital.",
             "d": "A month on, families still wait for answers."}


def _toll(aid: str, who: str, n: int, day: str, site: str):
    t = f"{_OPENINGS[aid]} {who} said {n} people were killed in the blast at the central market of Kalvar on Monday."
    content = f"{n} people were killed in the blast at the central market of Kalvar on Monday"
    return make_article(aid, t, published=day, site=site, title=f"Blast at Kalvar market kills {n}", claims=True,
                        quotes=(quote(t, "q1", who, content, "said", speaker_kind="anonymous_group"),))


def _link(store: Store, *articles) -> None:
    for a in articles:
        assert store.upsert_article(a).status == "stored"
        link_article(store, a)


def test_review_is_stored_listed_filtered_and_kept_when_found_again(store: Store) -> None:
    _link(store, _toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"))
    (c,) = store.conflicts()
    assert c.kind == "figures" and c.review is None and c.confidence > 0.5 and "60" in c.evidence and "95" in c.evidence
    assert {s.position for s in c.sides} == {0, 1} and all(s.start is not None and s.outlet for s in c.sides)

    store.review_conflict(c.id, "confirmed")
    assert [r.id for r in store.conflicts(review="confirmed")] == [c.id]
    assert store.conflicts(review="unreviewed") == [] and store.conflicts(review="dismissed") == []

    # a third outlet repeats the 95: the same conflict gains a statement, keeps its id and review
    _link(store, _toll("c", "Medics", 95, "2024-05-07", "c.org"))
    (again,) = store.conflicts()
    assert again.id == c.id and again.review == "confirmed"
    assert {s.article_id for s in again.sides} == {"a", "b", "c"}

    store.review_conflict(c.id, "dismissed")
    assert store.get_conflict(c.id).review == "dismissed"
    store.review_conflict(c.id, None)
    assert store.get_conflict(c.id).review is None


def test_bad_reviews_are_refused(store: Store) -> None:
    from newstrace.errors import ConfigError, NotFound

    with pytest.raises(NotFound):
        store.review_conflict("cf-nosuchone", "confirmed")
    _link(store, _toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"))
    (c,) = store.conflicts()
    with pytest.raises(ConfigError):
        store.review_conflict(c.id, "maybe")


def test_review_survives_a_story_merge(store: Store) -> None:
    _link(store, _toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"))
    (c,) = store.conflicts()
    store.review_conflict(c.id, "confirmed")
    # a report four weeks later starts a story of its own; a reader joins it to the first
    late = _toll("d", "Medics", 95, "2024-06-05", "d.org")
    _link(store, late)
    assert store.story_of("a") != store.story_of("d"), "a month apart: two stories before the reader's merge"
    merge_stories(store, store.story_of("a"), store.story_of("d"))
    kept = [r for r in store.conflicts() if r.id == c.id]
    assert kept and kept[0].review == "confirmed"
    assert len(store.conflicts()) == 1  # found again across the merge: still one conflict


def test_cli_lists_reviews_and_filters(tmp_path: Path) -> None:
    from newstrace.cli import main
    from newstrace.store import open_store

    db = tmp_path / "news.db"
    store = open_store(db)
    _link(store, _toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"))
    store.close()
    runner = CliRunner()
    listed = json.loads(runner.invoke(main, ["conflicts", "--db", str(db), "--format", "json"]).output)
    (c,) = listed
    assert c["review"] == "unreviewed" and c["confidence"] > 0.5 and {s["position"] for s in c["sides"]} == {0, 1}
    out = runner.invoke(main, ["review", c["id"][:8], "confirm", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert json.loads(runner.invoke(main, ["conflicts", "--review", "confirmed", "--db", str(db), "--format", "json"]).output)[0]["review"] == "confirmed"
    assert json.loads(runner.invoke(main, ["conflicts", "--review", "unreviewed", "--db", str(db), "--format", "json"]).output) == []
    text = runner.invoke(main, ["conflicts", "--db", str(db)]).output
    assert "[confirmed]" in text and "A " in text and "B " in text and "a.org" in text
    bad = runner.invoke(main, ["review", "cf-nosuchone", "confirm", "--db", str(db)])
    assert bad.exit_code != 0 and "cf-nosuchone" in bad.output
    exported = runner.invoke(main, ["export", "--format", "conflicts", "--db", str(db)])
    assert exported.exit_code == 0 and json.loads(exported.output.splitlines()[0])["review"] == "confirmed"


def test_found_again_from_another_story_is_the_same_conflict(store: Store) -> None:
    """An article checked against a neighbouring story meets a conflict found there before: same
    question and answers, a side in one of the same articles. It joins that conflict (review kept);
    the same key without a shared article stays a conflict of its own."""
    from newstrace.model import Conflict, ConflictSide

    for a in (_toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"),
              _toll("c", "Medics", 95, "2024-05-07", "c.org"), _toll("d", "Police", 60, "2024-05-09", "d.org")):
        assert store.upsert_article(a).status == "stored"

    def side(aid: str, n: int, pos: int) -> ConflictSide:
        return ConflictSide(aid, "q1", "Officials", f"{n} people were killed", pos, 0, 10, f"{aid}.org")

    store.save_conflicts("story-1", [Conflict("cf-first", "how many were killed", (side("a", 60, 0), side("b", 95, 1)), "60 vs 95", 0.8, "figures", key="k-toll")])
    store.review_conflict("cf-first", "confirmed")
    assert store.save_conflicts("story-2", [Conflict("cf-again", "how many were killed", (side("b", 95, 1), side("c", 95, 1), side("a", 60, 0)), "60 vs 95", 0.8, "figures", key="k-toll")]) == 0
    (c,) = store.conflicts()
    assert c.id == "cf-first" and c.review == "confirmed" and {s.article_id for s in c.sides} == {"a", "b", "c"}
    # the same question and answers in articles it does not hold: another incident's conflict
    assert store.save_conflicts("story-4", [Conflict("cf-apart", "how many were killed", (side("d", 60, 0),), "60 vs 95", 0.8, "figures", key="k-toll")]) == 1
    assert len(store.conflicts()) == 2


def test_cli_story_filters_follow_a_merge_and_refuse_an_unknown_story(tmp_path: Path) -> None:
    """`conflicts --story` and `claims --story` take a merged story's id to the story it joined (as
    `story` and the desk do), and an id no story has is an error naming it, not an empty list."""
    from newstrace.cli import main
    from newstrace.store import open_store

    db = tmp_path / "news.db"
    store = open_store(db)
    _link(store, _toll("a", "Officials", 60, "2024-05-06", "a.org"), _toll("b", "Medics", 95, "2024-05-06", "b.org"))
    _link(store, _toll("d", "Medics", 95, "2024-06-05", "d.org"))
    into, gone = store.story_of("a"), store.story_of("d")
    assert into and gone and into != gone
    merge_stories(store, into, gone)
    store.close()
    runner = CliRunner()
    for command in ("conflicts", "claims"):
        listed = runner.invoke(main, [command, "--story", gone, "--db", str(db), "--format", "json"])
        assert listed.exit_code == 0 and json.loads(listed.output), (command, listed.output)
        unknown = runner.invoke(main, [command, "--story", "st999999", "--db", str(db)])
        assert unknown.exit_code == 1 and "st999999: no story with this id" in unknown.output, unknown.output
