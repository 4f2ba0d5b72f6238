"""How many times a thing happened ("married twice" / "three times"), and the bounds newsrooms
write before a figure ("as high as", "as much as", "not more than"): a bound conflicts with a
figure only when the figure falls outside it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.claims.figures import read_figures  # noqa: E402
from newstrace.link.conflicts import find_conflicts  # noqa: E402
from newstrace.link.deals import deal_values  # noqa: E402


def _conflicts(t1: str, t2: str):
    a = make_article("a", t1, site="a.org", claims=True)
    b = make_article("b", t2, site="b.org", claims=True)
    return find_conflicts([a, b])


def _times(text: str) -> list[tuple[float | None, str]]:
    a = make_article("a", text, claims=True)
    return [(f.low, f.measure) for c in a.claims for f in c.figures if f.unit == "time"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grace Lee married twice.", [(2, "marry")]),
        ("The bank was robbed thrice in one year.", [(3, "rob")]),
        ("Grace Lee was married three times.", [(3, "marry")]),
    ],
)
def test_twice_and_three_times_count_how_often_the_verb_happened(text: str, expected: list) -> None:
    assert _times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The club trains twice a week.",
        "The club trains three times a week.",
        "The ferry sails twice daily.",
        "The new hall holds twice as many people.",
        "The new hall is three times the size of the old one.",
        "Sales were three times higher than last year.",
        "The town grew twice over.",
        "Prices rose three times faster than wages.",
    ],
)
def test_a_rate_or_a_multiple_is_not_a_count_of_times(text: str) -> None:
    assert _times(text) == []


def test_two_counts_of_one_persons_marriages_conflict() -> None:
    (c,) = _conflicts("Grace Lee married twice, her nephew recalled.", "Grace Lee was married three times and had no children.")
    assert "twice" in c.evidence and "three" in c.evidence


def test_counts_of_times_of_different_deeds_or_people_do_not_conflict() -> None:
    assert _conflicts("Grace Lee married twice.", "Grace Lee moved house three times.") == []
    assert _conflicts("Grace Lee married twice.", "Ann Wu was married three times.") == []
    assert _conflicts("The club trains twice a week.", "The club trains three times a week.") == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a bid as high as $90 million", None, 90e6),
        ("a loss of as much as 40 percent", None, 40),
        ("not more than 30 people", None, 30),
        ("no higher than 12 metres", None, 12),
    ],
)
def test_upper_bounds_newsrooms_write(text: str, low: float | None, high: float) -> None:
    (f,) = read_figures(text, 0, len(text))
    assert f.range == (low, high)


def test_an_upper_bound_conflicts_only_with_a_figure_above_it() -> None:
    (value,) = deal_values("The Jets made Carl Moss an offer worth as much as $90 million.")
    assert value.range == (None, 90e6)
    (c,) = _conflicts("The Jets made Carl Moss an offer worth as much as $90 million.", "The Jets made Carl Moss a five-year, $120 million offer.")
    assert "as much as $90 million" in c.evidence
    # a figure the bound allows
    assert _conflicts("The Jets made Carl Moss an offer worth as much as $90 million.", "The Jets made Carl Moss a five-year, $85 million offer.") == []


def test_a_count_of_times_is_compared_across_the_dates_its_sentence_gives() -> None:
    # the dates are of the first marriage; the count is of a whole life, as of the article's day
    (c,) = _conflicts("Grace Lee married twice; the first marriage lasted from 1950 to 1954.", "Grace Lee was married three times.")
    assert "twice" in c.evidence


def test_a_count_of_times_within_a_span_is_that_spans_count() -> None:
    assert _conflicts("Tom Gale was arrested twice in 2004, when he lived in Leeds.", "Tom Gale was arrested three times.") == []


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("between $65 million and $80 million", 65e6, 80e6),  # both ends carry the scale
        ("$40 million to $60 million", 40e6, 60e6),
        ("$40- $50 million", 40e6, 50e6),  # the currency written twice
        ("between 1 million and 1.5 million people", 1e6, 1.5e6),
        ("10 or fewer people", None, 10),
        ("below 50 people", None, 50),
        ("exceeding $2 billion", 2e9, None),
        ("upward of 300 people", 300, None),
        ("just shy of 50 people", 45, 50),
    ],
)
def test_ranges_and_bounds_read_whole(text: str, low: float | None, high: float | None) -> None:
    (f,) = read_figures(text, 0, len(text))
    assert f.range == (low, high)


def test_two_scaled_figures_joined_by_and_without_between_are_two_figures() -> None:
    text = "killing 5 million and injuring 2 million"
    assert [f.range for f in read_figures(text, 0, len(text))] == [(4.75e6, 5.25e6), (1.9e6, 2.1e6)]


def test_a_range_conflicts_only_with_a_figure_outside_it() -> None:
    ranged = "The Jets made Carl Moss an offer worth between $65 million and $80 million."
    (c,) = _conflicts(ranged, "The Jets made Carl Moss a five-year, $100 million offer.")
    assert "between $65 million and $80 million" in c.evidence
    # read as two figures, the range's ends would each have been set against a figure inside it
    assert _conflicts(ranged, "The Jets made Carl Moss a five-year, $70 million offer.") == []
