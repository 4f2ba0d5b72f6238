"""Conflicts: the seed page's c1 and c2 (gold file) with the right sides, and what is and is not a conflict."""

from __future__ import annotations

import dataclasses
import importlib

import pytest
from _support import fold
from link_support import gold_quotes, make_article, quote

from newstrace.link.conflicts import find_conflicts
from newstrace.model import Article, Conflict


def _side_matches(side, gold_side) -> bool:
    speakers = {fold(s) for s in gold_side["speaker_any"]}
    return fold(side.speaker) in speakers and fold(gold_side["content"]) in fold(side.text)


def _found(conflicts: list[Conflict], gold_conflict: dict) -> bool:
    """The gold sides stand on different positions of one conflict."""
    for c in conflicts:
        positions = [{s.position for s in c.sides if _side_matches(s, g)} for g in gold_conflict["sides"]]
        if all(positions) and len(set().union(*positions)) >= 2 and not (len(positions[0]) == 1 and positions[0] == positions[1]):
            return True
    return False


def _required(gold: dict) -> list[dict]:
    return [c for c in gold["conflicts"] if not c.get("optional")]


def _no_reporter_as_speaker(conflicts: list[Conflict], text: str) -> None:
    """No side gives the article's own words as a named speaker's: a side that is the reporter's
    wording ("tried to pin the blame") is marked as the article's account of a stance or as narration."""
    for c in conflicts:
        for s in c.sides:
            if "pin the blame" in s.text:
                assert s.kind in ("stance", "narration"), (s.speaker, s.kind, s.text)


@pytest.mark.parametrize("wide", [False, True], ids=["narrow-quotes", "sentence-wide-quotes"])
def test_seed_conflicts_from_gold_quotes(seed_text: str, gold: dict, wide: bool) -> None:
    article = make_article("crocus", seed_text, published="2024-04-03", quotes=gold_quotes(seed_text, gold, wide=wide), claims=True)
    conflicts = find_conflicts([article])
    for g in _required(gold):
        assert _found(conflicts, g), f"{g['id']} ({g['topic']}) not found in {[(c.topic, [(s.speaker, s.text[:60]) for s in c.sides]) for c in conflicts]}"
    _no_reporter_as_speaker(conflicts, seed_text)


def test_seed_conflicts_without_any_quotes(seed_text: str, gold: dict) -> None:
    """The clause and stance readers find both sides when the quote stage gives nothing."""
    conflicts = find_conflicts([make_article("crocus", seed_text, published="2024-04-03", claims=True)])
    for g in _required(gold):
        assert _found(conflicts, g), g["id"]


def _story_mates() -> list[Article]:
    t1 = "Gunmen killed 137 people at Crocus City Hall near Moscow on Friday, the Investigative Committee said."
    t2 = "Russian officials said on Sunday that 143 people were killed at Crocus City Hall near Moscow on Friday."
    return [
        make_article("b", t1, published="2024-03-23", site="example.org", claims=True),
        make_article("c", t2, published="2024-03-24", site="example.net", claims=True),
    ]


def _pipeline_article(seed_page, gold):
    from newstrace.ingest.files import read_file
    from newstrace.pipeline import build_pipeline
    from newstrace.types import AnalysisOptions

    pipeline = build_pipeline(AnalysisOptions(published=gold["dct_for_test"]))
    if not {"quotes", "claims"} <= {s.name for s in pipeline.stages}:
        pytest.skip(f"the quote or claims stage cannot run here: {pipeline.missing}")
    return pipeline.analyse(read_file(seed_page))


def test_seed_page_analysed_alone(seed_page, gold: dict) -> None:
    article = _pipeline_article(seed_page, gold)
    conflicts = find_conflicts([article])
    for g in _required(gold):
        assert _found(conflicts, g), f"{g['id']} not found; got {[(c.topic, [(s.speaker, s.text) for s in c.sides]) for c in conflicts]}"
    _no_reporter_as_speaker(conflicts, article.text)
    assert len(conflicts) <= 4, [c.evidence for c in conflicts]


def test_seed_page_analysed_with_its_story(seed_page, gold: dict) -> None:
    article = _pipeline_article(seed_page, gold)
    conflicts = find_conflicts([*_story_mates(), article])
    for g in _required(gold):
        assert _found(conflicts, g), g["id"]
    # and across articles: 137 killed against 143 killed
    toll = [c for c in conflicts if c.kind == "figures" and {s.article_id for s in c.sides} >= {"b", "c"}]
    assert toll and "137" in toll[0].evidence and "143" in toll[0].evidence


def test_two_halves_of_one_speakers_statement_are_not_a_conflict() -> None:
    t = "Smith said 40 people were hurt in the morning, but Smith also said 12 people were hurt."
    a = make_article("a", t, claims=True, quotes=(quote(t, "q1", "John Smith", "40 people were hurt in the morning", "said"),
                                                  quote(t, "q2", "Smith", "12 people were hurt", "said", after=40)))
    assert find_conflicts([a]) == []


def test_no_comment_is_not_a_side() -> None:
    t = "A Kremlin spokesman did not respond to questions. But on Tuesday, Naryshkin said the warning was too general."
    q1 = dataclasses.replace(quote(t, "q1", "A Kremlin spokesman", "did not respond", "did not respond", speaker_kind="role"), kind="no_comment", content=())
    a = make_article("a", t, claims=True, quotes=(q1, quote(t, "q2", "Naryshkin", "the warning was too general", "said")))
    assert find_conflicts([a]) == []


def test_word_opposites_alone_are_not_evidence() -> None:
    t1 = "Naryshkin said the warning was too general to act on."
    t2 = "The White House said the warning was specific and detailed."
    a = make_article("a", t1, site="a.org", claims=True, quotes=(quote(t1, "q1", "Sergei Naryshkin", "the warning was too general to act on", "said"),))
    b = make_article("b", t2, site="b.org", claims=True, quotes=(quote(t2, "q1", "White House", "the warning was specific and detailed", "said", speaker_kind="organization"),))
    assert find_conflicts([a, b]) == []


def test_narration_is_a_side_only_against_a_source_it_rebuts() -> None:
    t = ("Naryshkin said that Russia took appropriate measures to prevent the attack. "
         "However, the video from the scene shows that the militants did not meet significant resistance.")
    a = make_article("a", t, claims=True, quotes=(quote(t, "q1", "Sergei Naryshkin", "Russia took appropriate measures to prevent the attack", "said"),))
    assert find_conflicts([a]) == []  # no explicit rebuttal: the reporter's words are not set as a side


def test_denial_pairs_with_the_statement_denied() -> None:
    t1 = "Police said the fire was started deliberately by the owner of the warehouse."
    t2 = "The owner denied that the fire was started deliberately by anyone, his lawyer told reporters."
    a = make_article("a", t1, site="a.org", claims=True, quotes=(quote(t1, "q1", "Police", "the fire was started deliberately by the owner of the warehouse", "said", speaker_kind="organization"),))
    b = make_article("b", t2, site="b.org", claims=True)
    conflicts = find_conflicts([a, b])
    assert any(c.kind == "rebuttal" and {s.article_id for s in c.sides} == {"a", "b"} for c in conflicts), conflicts


def test_different_figures_conflict_with_a_checkable_reason() -> None:
    t1 = "Officials said 60 people were killed in the blast at the market."
    t2 = "Local medics said 95 people were killed in the blast at the market."
    a = make_article("a", t1, site="a.org", published="2024-05-01", claims=True,
                     quotes=(quote(t1, "q1", "Officials", "60 people were killed in the blast at the market", "said", speaker_kind="anonymous_group"),))
    b = make_article("b", t2, site="b.org", published="2024-05-01", claims=True,
                     quotes=(quote(t2, "q1", "Local medics", "95 people were killed in the blast at the market", "said", speaker_kind="anonymous_group"),))
    (c,) = find_conflicts([a, b])
    assert c.kind == "figures" and c.evidence.startswith("different death tolls: 60 vs 95")
    assert {s.article_id for s in c.sides} == {"a", "b"} and {s.position for s in c.sides} == {0, 1}
    side = next(s for s in c.sides if s.article_id == "a")
    assert side.outlet == "a.org" and side.date == "2024-05-01" and t1[side.start : side.end].startswith("60 people")
    assert 0.5 < c.confidence < 1


def test_near_copies_count_once() -> None:
    wire = "Police said 12 people were injured in the riots in the capital."
    other = "Police said 18 people had been injured in the riots in the capital."
    arts = [make_article(f"w{i}", wire, site=f"w{i}.org", claims=True, quotes=(quote(wire, "q1", "Police", "12 people were injured in the riots in the capital", "said", speaker_kind="organization"),)) for i in range(3)]
    arts.append(make_article("o", other, site="o.org", claims=True, quotes=(quote(other, "q1", "Police", "18 people had been injured in the riots in the capital", "said", speaker_kind="organization"),)))
    (c,) = find_conflicts(arts)
    assert sorted(s.article_id for s in c.sides if s.position == next(x.position for x in c.sides if x.article_id == "w0")) == ["w0", "w1", "w2"]


def test_strongest_first() -> None:
    t1 = "Officials said 60 people were killed in the blast. The blast happened at noon, police said."
    t2 = "Medics said 95 people were killed in the blast. The militia denied that the blast happened at noon, its spokesman said."
    a = make_article("a", t1, site="a.org", claims=True)
    b = make_article("b", t2, site="b.org", claims=True)
    conflicts = find_conflicts([a, b])
    assert [c.confidence for c in conflicts] == sorted((c.confidence for c in conflicts), reverse=True)


def test_agreeing_statements_are_not_conflicts() -> None:
    t1 = "The minister said the bridge would reopen in May."
    t2 = "The mayor said the bridge would reopen in May after repairs."
    a = make_article("a", t1, claims=True, quotes=(quote(t1, "q1", "The minister", "the bridge would reopen in May", "said", speaker_kind="role"),))
    b = make_article("b", t2, claims=True, quotes=(quote(t2, "q1", "The mayor", "the bridge would reopen in May after repairs", "said", speaker_kind="role"),))
    assert find_conflicts([a, b]) == []


def test_conflict_ids_are_stable(seed_text: str, gold: dict) -> None:
    article = make_article("crocus", seed_text, quotes=gold_quotes(seed_text, gold, wide=False), claims=True)
    assert [c.id for c in find_conflicts([article])] == [c.id for c in find_conflicts([article])]


def test_articles_without_claims_give_no_figure_conflicts() -> None:
    """Records stored before the claims stage existed: nothing to compare, nothing invented."""
    t1 = "Officials said 60 people were killed in the blast."
    t2 = "Medics said 95 people were killed in the blast."
    assert find_conflicts([make_article("a", t1), make_article("b", t2)]) == []


importlib.import_module("newstrace.link")  # the package must import without the optional extras
