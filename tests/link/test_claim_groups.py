"""Claim groups hold statements that state the same thing: a different figure or a denial starts a new claim."""

from __future__ import annotations

from newstrace.link.claims import ClaimText, best_match, states_the_same


def test_different_figures_are_different_claims() -> None:
    assert not states_the_same("10 people were killed in the blast at the market", "3 people were killed in the blast at the market")
    assert best_match(ClaimText.of("10 people were killed in the blast at the market"), [("c1", "3 people were killed in the blast at the market")]) is None


def test_a_denial_is_a_different_claim() -> None:
    assert not states_the_same("the harbour bridge is safe for traffic", "the harbour bridge is not safe for traffic")


def test_the_same_figure_written_differently_is_one_claim() -> None:
    assert states_the_same("1.5 million people fled the fighting", "1,500,000 people fled the fighting")
    match = best_match(ClaimText.of("more than 140 people were killed at the concert hall"), [("c1", "more than 140 people were killed at the concert hall near Moscow")])
    assert match is not None and match[0] == "c1"
