"""One quantity named with other words: counted things and their verbs matched by meaning (WordNet
senses), so that figures outlets give for one thing meet whatever words each outlet chose: the same
sense, or one set named with more or less detail (a kind and its whole)."""

from __future__ import annotations

import pytest
from link_support import make_article

from newstrace.lang.en.senses import lexicalised, noun_relation, verbs_related
from newstrace.link.conflicts import find_conflicts
from newstrace.link.same_count import measures_fit, relation, units_relation
from newstrace.model import Article, Figure, Span


def _art(aid: str, text: str) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-06", claims=True)


def _reasons(a: str, b: str) -> list[str]:
    return [c.evidence for c in find_conflicts([_art("a", a), _art("b", b)])]


def _figure(measure: str, unit: str, value: float) -> Figure:
    return Figure(Span(0, 1), value, value, unit, measure)


def test_nouns_of_one_sense_and_kinds_of_a_thing() -> None:
    assert noun_relation("sailor", "crewman") == "same"
    assert noun_relation("crewmen", "crew member") == "same"  # a plural the lemmatiser left
    assert noun_relation("rifle", "weapon") == "narrower"
    assert noun_relation("weapons", "rifle") == "wider"
    assert noun_relation("ship", "vessel") == "narrower"
    assert noun_relation("pirate skiff", "boat") == "narrower"  # unknown to WordNet: a kind of its head
    assert noun_relation("rifle", "pistol") is None  # two kinds of one thing are two things
    assert noun_relation("boat", "ship") is None
    assert noun_relation("pirate", "ship") is None  # only a rare sense of "pirate" is a ship
    assert noun_relation("child", "relative") is None  # people: one sense only, never a kind of another
    assert noun_relation("soldier", "man") is None
    assert noun_relation("xyzzy", "ship") is None


def test_verbs_of_one_action() -> None:
    assert verbs_related("seize", "confiscate")
    assert verbs_related("nab", "arrest")
    assert verbs_related("behead", "kill")  # a manner of killing
    assert not verbs_related("shoot", "kill")  # to shoot is first to hit, not to kill
    assert not verbs_related("shoot", "stab")
    assert lexicalised("crew member") and not lexicalised("pirate skiff")


def test_measures_and_units_fit() -> None:
    assert measures_fit("nab", "arrested")  # a verb of a class of casualty count
    assert not measures_fit("drop", "struck")  # a strike's verbs are matched only as listed
    assert units_relation("EUR", "GBP") is None
    assert units_relation("m", "people") is None
    assert units_relation("buildings", "house") is None  # claims.counted's class of buildings stays a class
    assert relation(_figure("seize", "rifle", 12), _figure("confiscate", "weapon", 9)) == "narrower"
    assert relation(_figure("go", "m", 300), _figure("get", "m", 90)) is None  # a length's verb as written


def test_one_haul_told_with_other_verbs_conflicts() -> None:
    found = _reasons(
        "The coast guard seized 12 rifles from the boat on Tuesday, officials said.",
        "Police confiscated nine rifles from the boat on Tuesday, a spokesman said.",
    )
    assert any("12" in r and "nine" in r for r in found), found


def test_one_set_named_with_more_or_less_detail_conflicts() -> None:
    # outlets name one set of things as a kind or as the whole ("four ships" / "two vessels"):
    # as ECB+'s "two tank shells" / "three shells" are one set of shells
    for a, b in (("four", "two"), ("two", "four")):
        found = _reasons(
            f"The navy said it intercepted {a} ships off the coast on Tuesday.",
            f"The navy intercepted {b} vessels off the coast on Tuesday, officials said.",
        )
        assert any(a in r and b in r for r in found), found


def test_a_noun_of_two_words_is_counted_whole() -> None:
    found = _reasons(
        "The ship's eleven crewmen were released on Tuesday, the owner said.",
        "The ship's nine crew members were released on Tuesday, officials said.",
    )
    assert any("eleven" in r and "nine" in r for r in found), found


def test_counts_of_two_kinds_of_people_are_not_set_against_each_other() -> None:
    found = _reasons(
        "Three children were killed in the strike on Tuesday, medics said.",
        "Five relatives were killed in the strike on Tuesday, a neighbour said.",
    )
    assert not [r for r in found if "Three" in r and "Five" in r], found


def test_a_verb_of_the_same_class_meets_the_class() -> None:
    found = _reasons(
        "Police arrested 14 men after the riot on Tuesday, the mayor said.",
        "Police nabbed 20 men after the riot on Tuesday, a witness said.",
    )
    assert any("arrests" in r and "14" in r and "20" in r for r in found), found


def test_a_noun_told_with_more_detail_is_a_kind_of_its_head() -> None:
    assert noun_relation("tank shell", "shell") == "narrower"
    assert noun_relation("police officer", "officers") == "wider" or noun_relation("police officer", "officer") == "narrower"
    assert noun_relation("tank shell", "artillery shell") is None  # two kinds of shell


def test_word_vectors_from_a_table(tmp_path, monkeypatch) -> None:
    import numpy as np

    from newstrace.lang.en import word_vectors
    from newstrace.link import same_count

    table = tmp_path / "vectors.npz"
    vectors = np.array([[127, 0], [120, 40], [0, 127]], dtype=np.int8)
    np.savez_compressed(table, words=np.array(["seize", "confiscate", "drive"]), vectors=vectors)
    monkeypatch.setattr(word_vectors, "TABLE", table)
    word_vectors._table.cache_clear()
    word_vectors.similarity.cache_clear()
    try:
        assert word_vectors.similarity("seize", "confiscate") > 0.9
        assert abs(word_vectors.similarity("seize", "drive")) < 0.01
        assert word_vectors.similarity("seized", "xyzzy") is None
        with same_count.matching("vectors"):
            assert same_count.measures_fit("seize", "confiscate") and not same_count.measures_fit("seize", "drive")
    finally:
        word_vectors._table.cache_clear()
        word_vectors.similarity.cache_clear()


def test_a_named_measurement_is_compared_however_far_apart() -> None:
    from newstrace.link.compare import far_apart

    depth = Figure(Span(0, 1), 1834.0, 2028.0, "m", "depth")
    tenfold = Figure(Span(0, 1), 18346.0, 20278.0, "m", "depth")
    assert not far_apart(depth, tenfold)  # "a depth of 1.2 miles" / "of 12 miles": a slipped decimal point
    assert far_apart(_figure("killed", "people", 10), _figure("killed", "people", 200))  # another event's toll


def test_a_matching_chosen_for_a_block_is_put_back() -> None:
    from newstrace.errors import ConfigError
    from newstrace.link import same_count

    before = same_count.MATCHING
    with same_count.matching("exact"):
        assert same_count.MATCHING == "exact" and not same_count.measures_fit("seize", "confiscate")
    assert same_count.MATCHING == before
    with pytest.raises(ConfigError), same_count.matching("no such design"):
        pass
    assert same_count.MATCHING == before
