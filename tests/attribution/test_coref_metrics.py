"""The CoNLL-2012 coreference metrics of benchmarks/coref_metrics.py, on examples worked out by hand."""

from __future__ import annotations

import sys

import pytest
from _support import REPO

pytest.importorskip("scipy", reason="scipy is a dev dependency: run scripts/setup")
sys.path.insert(0, str(REPO / "benchmarks"))

from coref_metrics import b_cubed, ceaf_e, conll_f1, coref_scores, muc  # noqa: E402

# key {a b c} {d e f g}; response {a b} {c d} {f g h i} (h, i are not key mentions, e is missed)
KEY = [frozenset("abc"), frozenset("defg")]
RESPONSE = [frozenset("ab"), frozenset("cd"), frozenset("fghi")]


def test_muc_counts_links() -> None:
    s = muc(KEY, RESPONSE)
    # recall: {a b c} falls into 2 parts (3-2), {d e f g} into 3 (d | e alone | f g): (1 + 1) / (2 + 3)
    # precision: {a b} 1 part (2-1), {c d} 2 parts (0), {f g h i} 3 parts (f g | h | i): 2 / (1 + 1 + 3)
    assert (s.r, s.p) == pytest.approx((2 / 5, 2 / 5))
    assert s.f1 == pytest.approx(0.4)


def test_b_cubed_per_mention() -> None:
    s = b_cubed(KEY, RESPONSE)
    # recall: (2²+1²)/3 + (1²+2²)/4 over 7 key mentions = 5/12; precision: 2²/2 + (1+1)/2 + 2²/4 over 8 = 1/2
    assert (s.r, s.p) == pytest.approx((5 / 12, 1 / 2))
    assert s.f1 == pytest.approx(5 / 11)


def test_ceaf_e_best_one_to_one_alignment() -> None:
    s = ceaf_e(KEY, RESPONSE)
    # phi4: {abc}-{ab} 4/5, {abc}-{cd} 2/5, {defg}-{cd} 2/6, {defg}-{fghi} 4/8; best: 0.8 + 0.5 = 1.3
    assert (s.r, s.p) == pytest.approx((1.3 / 2, 1.3 / 3))
    assert s.f1 == pytest.approx(0.52)


def test_conll_f1_is_the_mean_and_documents_add_up() -> None:
    one = coref_scores(KEY, RESPONSE)
    assert conll_f1(one) == pytest.approx((0.4 + 5 / 11 + 0.52) / 3)
    # a second document holding one singleton, found: MUC has no link to count, B³ and CEAF-e gain it
    two = coref_scores([frozenset({"x"})], [frozenset({"x"})])
    total = {k: one[k] + two[k] for k in one}
    assert (total["muc"].r, total["muc"].p) == pytest.approx((2 / 5, 2 / 5))
    assert (total["b3"].r, total["b3"].p) == pytest.approx(((5 / 12 * 7 + 1) / 8, (4 + 1) / 9))
    assert (total["ceafe"].r, total["ceafe"].p) == pytest.approx((2.3 / 3, 2.3 / 4))


def test_perfect_and_disjoint_responses() -> None:
    assert conll_f1(coref_scores(KEY, KEY)) == pytest.approx(1.0)
    nothing = coref_scores(KEY, [frozenset("xy")])
    assert all(s.f1 == 0.0 for s in nothing.values())


def test_head_match_alignment() -> None:
    from coref_gum import align
    from gum_coref_data import Mention

    # gold: "NASA Administrator Charles Bolden" (tokens 0-4, headed by "Charles", token 2) and "NASA" (0-1)
    gold = [Mention(0, 4, "10", "person", 2), Mention(0, 1, "1", "organization", 0)]
    ids = align(gold, [(2, 4), (0, 1), (5, 6)], head=True)
    assert ids == {(2, 4): (0, 4), (0, 1): (0, 1), (5, 6): ("response", (5, 6))}
    assert align(gold, [(2, 4)], head=False) == {(2, 4): ("response", (2, 4))}
    # "Eduard Hanslick" in "the prominent critic Eduard Hanslick", headed by "critic": its last token
    critic = [Mention(0, 5, "7", "person", 2)]
    assert align(critic, [(3, 5)], head=True) == {(3, 5): (0, 5)}
    assert align(critic, [(1, 2)], head=True) == {(1, 2): ("response", (1, 2))}
