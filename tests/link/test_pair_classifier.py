"""The conflict pair classifier (issue 17's second design): features, candidates, training, weights, CV."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from newstrace.errors import ModelError
from newstrace.link.pair_features import FEATURES, candidate_pairs, features
from newstrace.link.pair_model import load_model
from newstrace.link.statements import Statement
from newstrace.model import Claim, Figure, Span

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def _statement(aid: str, speaker: str, text: str, figures: list[tuple[str, float | None, float | None]] = (), *,  # type: ignore[assignment]
               predicate: str = "kill", subject: str | None = None, hedged: bool = False, start: int = 0, kind: str = "indirect") -> tuple[Statement, str]:
    """A statement whose text is the whole article text; each figure (phrase, low, high) is found in it."""
    figs = []
    for phrase, low, high in figures:
        at = text.index(phrase)
        figs.append(Figure(Span(at, at + len(phrase)), low, high, "people", "killed"))
    claim = Claim(Span(start, start + len(text)), "q1", predicate, subject=subject, hedged=hedged, figures=tuple(figs))
    return Statement(aid, "q1", speaker, text, start, start + len(text), "said", kind, claim, f"{aid}.example"), text


def _row(a: tuple[Statement, str], b: tuple[Statement, str]) -> dict[str, float]:
    return dict(zip(FEATURES, features(a[0], b[0], a[1], b[1]), strict=True))


TEN = _statement("a1", "Governor Heydar Alishbandi", "a total of 10 people had been killed in the quake", [("10 people", 10, 10)])
THREE = _statement("a2", "the island's governor", "three people were killed in the quake", [("three people", 3, 3)])
ABOUT_TEN = _statement("a3", "state television", "about 10 people were killed in the quake", [("about 10 people", 9, 11)])


def test_different_tolls_are_figures_apart_and_the_rules_fire() -> None:
    row = _row(TEN, THREE)
    assert row["rules_figures"] == 1 and row["rules_any"] == 1
    assert row["fig_comparable"] == 1 and row["fig_disjoint"] == 1 and row["fig_overlap"] == 0
    assert row["fig_log_ratio"] == pytest.approx(np.log(10 / 3), abs=1e-6)
    assert row["fig_exact_both"] == 1 and row["same_article"] == 0


def test_agreeing_figures_overlap_and_nothing_fires() -> None:
    row = _row(TEN, ABOUT_TEN)
    assert row["rules_any"] == 0
    assert row["fig_comparable"] == 1 and row["fig_overlap"] == 1 and row["fig_disjoint"] == 0
    assert row["fig_gap"] == 0


def test_a_hedged_side_is_marked_and_the_rules_do_not_pair_its_figures() -> None:
    maybe = _statement("a4", "a witness", "perhaps three people were killed in the quake", [("three people", 3, 3)], hedged=True)
    row = _row(TEN, maybe)
    assert row["hedged"] == 1 and row["rules_figures"] == 0 and row["fig_disjoint"] == 1


def test_features_do_not_depend_on_the_order_of_the_pair() -> None:
    for a, b in ((TEN, THREE), (TEN, ABOUT_TEN), (THREE, ABOUT_TEN)):
        assert features(a[0], b[0], a[1], b[1]) == features(b[0], a[0], b[1], a[1])


def test_candidates_pair_figures_of_one_measure_but_never_a_source_with_itself() -> None:
    text = "a total of 10 people had been killed in the quake. He added that three people were killed in the quake."
    own_first = _statement("a1", "Heydar Alishbandi", text[:50], [("10 people", 10, 10)])[0]
    own_second = _statement("a1", "Heydar Alishbandi", text[62:], [("three people", 3, 3)], start=62)[0]
    other = THREE[0]
    unrelated = _statement("a5", "a fire chief", "crews brought the blaze under control by noon", predicate="bring", subject="crews")[0]
    pairs = {(x.speaker, y.speaker) for x, y in candidate_pairs([own_first, own_second, other, unrelated])}
    assert ("Heydar Alishbandi", "the island's governor") in pairs
    assert ("Heydar Alishbandi", "Heydar Alishbandi") not in pairs
    assert not any("a fire chief" in p for p in pairs)


def test_the_shipped_trees_load_and_score_a_conflict_above_an_agreement() -> None:
    model = load_model()
    # as the conflict finder gives them: the rules report the first pair, not the second
    conflict = features(TEN[0], THREE[0], TEN[1], THREE[1], rules_reported=True)
    agreement = features(TEN[0], ABOUT_TEN[0], TEN[1], ABOUT_TEN[1])
    p_conflict, p_agree = model.probability(conflict), model.probability(agreement)
    assert 0.0 <= p_agree < p_conflict <= 1.0
    assert p_conflict >= model.threshold > p_agree
    batch = model.probabilities(np.array([conflict, agreement]))
    assert batch.tolist() == pytest.approx([p_conflict, p_agree])


def test_weights_for_other_features_or_a_damaged_file_are_refused(tmp_path: Path) -> None:
    body = json.loads(load_model.__defaults__[0].read_text(encoding="utf-8"))  # type: ignore[index]
    body["features"] = body["features"][:-1]
    other = tmp_path / "other.json"
    other.write_text(json.dumps(body), encoding="utf-8")
    with pytest.raises(ModelError, match="other features"):
        load_model(other)
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="damaged.json"):
        load_model(damaged)


def _data(seed: int, n: int = 400) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.random((n, len(FEATURES)))
    y = ((x[:, 0] > 0.6) & (x[:, 1] < 0.5)).astype(float)
    return x, y, np.ones(n)


def test_training_is_deterministic() -> None:
    from training.conflict_pairs import fit_logistic
    from training.pair_trees import fit_trees

    x, y, w = _data(7)
    a, b = fit_trees(x, y, w, rounds=30), fit_trees(x.copy(), y.copy(), w.copy(), rounds=30)
    assert a == b and len(a.trees) == 30
    assert np.array_equal(fit_logistic(x, y, w).coef, fit_logistic(x, y, w).coef)
    # and it learns: the conjunction the labels follow is found
    p = a.probabilities(x)
    assert p[y == 1].mean() > 0.7 > 0.3 > p[y == 0].mean()


def test_cross_validation_never_trains_on_the_held_out_topic(monkeypatch: pytest.MonkeyPatch) -> None:
    import training.conflict_pairs as cp

    stories = []
    for topic in (8, 13, 14):
        for sub in ("ecb", "ecbplus"):
            x, y, w = _data(topic, 60)
            stories.append(cp.Story(f"{topic}{sub}", topic, {}, x=x, y=y, weight=w))
    seen: list[set[int]] = []
    real_train = cp.train

    def spy(train_on: list, kind: str = "trees") -> object:
        seen.append({s.topic for s in train_on})
        return real_train(train_on, kind)

    monkeypatch.setattr(cp, "train", spy)
    probs = cp.cross_validate(stories, "logistic")
    assert seen == [{13, 14}, {8, 14}, {8, 13}]
    assert set(probs) == {s.key for s in stories}
    assert all(len(probs[s.key]) == len(s.y) for s in stories)


def _told(aid: str, text: str, predicate: str, subject: str | None = None, obj: str | None = None, dates: tuple[str, ...] = ()) -> tuple[Statement, str]:
    claim = Claim(Span(0, len(text)), "q1", predicate, subject=subject, object=obj, dates=dates)
    return Statement(aid, "q1", f"source of {aid}", text, 0, len(text), "said", "indirect", claim, f"{aid}.example"), text


def test_one_action_told_with_two_verbs_is_related_by_meaning_and_two_actions_are_not() -> None:
    from newstrace.link.pair_features import related_predicates

    assert related_predicates("arrest", "nab") and related_predicates("kill", "slay")
    assert not related_predicates("kill", "arrest")
    assert not related_predicates("kill", "shoot")  # the shot are not all killed: two events of a story


def test_the_thing_an_action_was_done_with_differs_only_when_neither_names_the_others_kind() -> None:
    rifle = _told("b1", "the clerk carried a rifle into the office", "carry", "clerk", "rifle")
    shotgun = _told("b2", "the clerk carried a shotgun into the office", "carry", "clerk", "shotgun")
    weapon = _told("b3", "the clerk carried a weapon into the office", "carry", "clerk", "weapon")
    assert _row(rifle, shotgun)["object_differs"] == 1
    assert _row(rifle, weapon)["object_differs"] == 0  # a rifle is a weapon: one thing named twice
    assert _row(rifle, shotgun)["subject_related"] == 1


def test_objects_of_two_different_actions_are_not_a_slot_that_differs() -> None:
    bought = _told("b4", "the clerk bought a rifle last spring", "buy", "clerk", "rifle")
    sold = _told("b5", "the clerk sold a shotgun to a neighbour", "sell", "clerk", "shotgun")
    assert _row(bought, sold)["object_differs"] == 0


def test_dates_of_a_pair_differ_only_when_both_give_one_and_none_is_shared() -> None:
    monday = _told("d1", "the ferry sank on Monday", "sink", "ferry", dates=("2011-03-14",))
    tuesday = _told("d2", "the ferry sank on Tuesday", "sink", "ferry", dates=("2011-03-15",))
    undated = _told("d3", "the ferry sank", "sink", "ferry")
    assert _row(monday, tuesday)["dates_disjoint"] == 1 and _row(monday, tuesday)["dates_both"] == 1
    assert _row(monday, monday)["dates_disjoint"] == 0
    assert _row(monday, undated)["dates_both"] == 0 and _row(monday, undated)["dates_disjoint"] == 0


def test_numbers_written_in_the_text_are_read_even_where_no_figure_was_made_of_them() -> None:
    from newstrace.link.pair_features import numbers_in

    assert numbers_in("they sent another six engines and 20,000 litres, 7.2% more") == {6.0, 20000.0, 7.2}
    assert numbers_in("one of the crews arrived") == frozenset()  # "one" is a pronoun as often as a count
    six = _told("n1", "the brigade sent six engines", "send", "brigade")
    four = _told("n2", "the brigade sent four appliances", "send", "brigade")
    also_six = _told("n3", "six fire engines were sent by the brigade", "send", "engines")
    assert _row(six, four)["numbers_text_differ"] == 1 and _row(six, four)["numbers_text_shared"] == 0
    assert _row(six, also_six)["numbers_text_differ"] == 0 and _row(six, also_six)["numbers_text_shared"] == 1


def test_people_and_places_named_differ_only_when_both_name_some() -> None:
    a, b = _told("p1", "the mayor spoke", "speak", "mayor"), _told("p2", "the mayor spoke", "speak", "mayor")
    row = dict(zip(FEATURES, features(a[0], b[0], a[1], b[1], kinds_x=(frozenset({"ann lee"}), frozenset({"leeds"})), kinds_y=(frozenset({"bo chan"}), frozenset())), strict=True))
    assert row["people_named_differ"] == 1 and row["places_named_differ"] == 0


def test_pairs_the_model_accepts_become_conflicts_whose_sides_show_outlet_and_day() -> None:
    from link_support import make_article

    from training.conflict_pairs import Story, model_conflicts, story_matrix

    arts = {
        "a": make_article("a", "The flood killed 12 people in the valley on Monday, the governor said.", site="a.example", published="2024-05-06", claims=True),
        "b": make_article("b", "The flood killed 30 people in the valley on Monday, a rescuer said.", site="b.example", published="2024-05-07", claims=True),
    }
    story = Story("s1", 1, arts)
    story.pairs, story.x = story_matrix(arts.values(), [])
    assert story.pairs
    found = model_conflicts(story, np.ones(len(story.pairs)), 0.5)
    assert found and all(side.outlet and side.date for c in found for side in c.sides)
    assert model_conflicts(story, np.zeros(len(story.pairs)), 0.5) == []
