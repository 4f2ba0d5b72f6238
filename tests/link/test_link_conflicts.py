"""Conflicts: the seed page's c1 and c2 (gold file), markers, contrast, opposing statements."""

from __future__ import annotations

import dataclasses
import importlib.util

import pytest
from _support import fold
from link_support import gold_quotes, make_article, quote

from newstrace.link.conflicts import find_conflicts
from newstrace.model import Article, Conflict


def _side_matches(side, gold_side) -> bool:
    speakers = {fold(s) for s in gold_side["speaker_any"]}
    return fold(side.speaker) in speakers and fold(gold_side["content"]) in fold(side.text)


def _found(conflicts: list[Conflict], gold_conflict: dict) -> bool:
    return any(all(any(_side_matches(s, g) for s in c.sides) for g in gold_conflict["sides"]) for c in conflicts)


def _required(gold: dict) -> list[dict]:
    return [c for c in gold["conflicts"] if not c.get("optional")]


@pytest.mark.parametrize("wide", [False, True], ids=["narrow-quotes", "sentence-wide-quotes"])
def test_seed_conflicts_from_gold_quotes(seed_text: str, gold: dict, wide: bool) -> None:
    article = make_article("crocus", seed_text, quotes=gold_quotes(seed_text, gold, wide=wide))
    conflicts = find_conflicts([article])
    for g in _required(gold):
        assert _found(conflicts, g), f"{g['id']} ({g['topic']}) not found in {conflicts}"


def test_seed_conflicts_without_any_quotes(seed_text: str, gold: dict) -> None:
    """The clause reader finds both sides of each marker when the quote stage gives nothing."""
    conflicts = find_conflicts([make_article("crocus", seed_text)])
    for g in _required(gold):
        assert _found(conflicts, g), g["id"]


def _story_mates() -> list[Article]:
    t1 = ("Russian intelligence chief Sergei Naryshkin said on Tuesday that the US warning about an attack on "
          "Crocus City Hall was too general to act on.")
    t2 = "The White House said the warning to Moscow about an attack at Crocus City Hall was specific, naming the venue."
    t3 = "Gunmen killed more than 140 people at Crocus City Hall near Moscow, officials said."
    return [
        make_article("b", t1, published="2024-04-02", quotes=(quote(t1, "q1", "Sergei Naryshkin", "the US warning about an attack on Crocus City Hall was too general to act on", "said"),)),
        make_article("c", t2, published="2024-04-04", quotes=(quote(t2, "q1", "White House", "the warning to Moscow about an attack at Crocus City Hall was specific", "said", speaker_kind="organization"),)),
        make_article("d", t3, published="2024-03-23"),
    ]


def test_seed_conflicts_hold_with_other_articles_of_the_story(seed_text: str, gold: dict) -> None:
    article = make_article("crocus", seed_text, quotes=gold_quotes(seed_text, gold, wide=False))
    conflicts = find_conflicts([*_story_mates(), article])
    for g in _required(gold):
        assert _found(conflicts, g), g["id"]
    # and across articles: "too general" (Naryshkin) against "specific" (White House)
    assert any({s.article_id for s in c.sides} == {"b", "c"} for c in conflicts)


def _pipeline_article(seed_page, gold):
    if importlib.util.find_spec("newstrace.attribution") is None or not hasattr(importlib.import_module("newstrace.attribution"), "extract_attributions"):
        pytest.skip("the quote stage (newstrace.attribution) is not installed yet")
    from newstrace.ingest.files import read_file
    from newstrace.pipeline import AnalysisOptions, build_pipeline

    pipeline = build_pipeline(AnalysisOptions(published=gold["dct_for_test"]))
    if "quotes" not in {s.name for s in pipeline.stages}:
        pytest.skip(f"the quote stage cannot run here: {pipeline.missing}")
    return pipeline.analyse(read_file(seed_page))


import importlib


def test_seed_page_analysed_alone(seed_page, gold: dict) -> None:
    article = _pipeline_article(seed_page, gold)
    conflicts = find_conflicts([article])
    for g in _required(gold):
        assert _found(conflicts, g), f"{g['id']} not found; got {[(c.topic, [(s.speaker, s.text) for s in c.sides]) for c in conflicts]}"


def test_seed_page_analysed_with_its_story(seed_page, gold: dict) -> None:
    article = _pipeline_article(seed_page, gold)
    conflicts = find_conflicts([*_story_mates(), article])
    for g in _required(gold):
        assert _found(conflicts, g), g["id"]


def test_contrast_needs_different_speakers() -> None:
    t = "Smith said the plan would cut costs, but Smith also said it would take years."
    a = make_article("a", t, quotes=(quote(t, "q1", "John Smith", "the plan would cut costs", "said"),
                                      quote(t, "q2", "Smith", "it would take years", "said", after=40)))
    assert find_conflicts([a]) == []


def test_no_comment_is_not_a_side() -> None:
    t = "A Kremlin spokesman did not respond to questions. But on Tuesday, Naryshkin said the warning was too general."
    q1 = dataclasses.replace(quote(t, "q1", "A Kremlin spokesman", "did not respond", "did not respond", speaker_kind="role"), kind="no_comment", content=())
    a = make_article("a", t, quotes=(q1, quote(t, "q2", "Naryshkin", "the warning was too general", "said")))
    assert find_conflicts([a]) == []


def test_denial_pairs_with_the_statement_denied() -> None:
    t1 = "Police said the fire was started deliberately by the owner of the warehouse."
    t2 = "The owner denied that the fire was started deliberately, his lawyer told reporters."
    a = make_article("a", t1, quotes=(quote(t1, "q1", "Police", "the fire was started deliberately by the owner of the warehouse", "said", speaker_kind="organization"),))
    b = make_article("b", t2)
    conflicts = find_conflicts([a, b])
    assert any({s.speaker for s in c.sides} >= {"Police", "owner"} or "denied" in c.evidence for c in conflicts)


def test_different_figures_conflict() -> None:
    t1 = "Officials said 60 people were killed in the blast at the market."
    t2 = "Local medics said 95 people were killed in the blast at the market."
    a = make_article("a", t1, quotes=(quote(t1, "q1", "Officials", "60 people were killed in the blast at the market", "said", speaker_kind="anonymous_group"),))
    b = make_article("b", t2, quotes=(quote(t2, "q1", "Local medics", "95 people were killed in the blast at the market", "said", speaker_kind="anonymous_group"),))
    (c,) = find_conflicts([a, b])
    assert "figures" in c.evidence and {s.article_id for s in c.sides} == {"a", "b"}


def test_agreeing_statements_are_not_conflicts() -> None:
    t1 = "The minister said the bridge would reopen in May."
    t2 = "The mayor said the bridge would reopen in May after repairs."
    a = make_article("a", t1, quotes=(quote(t1, "q1", "The minister", "the bridge would reopen in May", "said", speaker_kind="role"),))
    b = make_article("b", t2, quotes=(quote(t2, "q1", "The mayor", "the bridge would reopen in May after repairs", "said", speaker_kind="role"),))
    assert find_conflicts([a, b]) == []


def test_conflict_ids_are_stable(seed_text: str, gold: dict) -> None:
    article = make_article("crocus", seed_text, quotes=gold_quotes(seed_text, gold, wide=False))
    assert [c.id for c in find_conflicts([article])] == [c.id for c in find_conflicts([article])]
