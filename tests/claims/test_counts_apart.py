"""Counts that are not the story's count, and counts read where the parse misleads: each case with
a control that does conflict, so the test fails if the conflict finder stops comparing at all."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.claims.dates import background_dates  # noqa: E402
from newstrace.link.conflicts import find_conflicts  # noqa: E402
from newstrace.model import Claim, Span  # noqa: E402


def _figures(text: str):
    a = make_article("a", text, claims=True)
    return [(a.text[f.span.start : f.span.end], f.low, f.high, f.unit, f.measure, f.scope) for c in a.claims for f in c.figures]


def _conflicts(t1: str, t2: str):
    a = make_article("a", t1, site="a.org", claims=True)
    b = make_article("b", t2, site="b.org", claims=True)
    return find_conflicts([a, b])


def test_more_than_is_a_bound_not_a_part_of_the_toll() -> None:
    (f,) = [f for f in _figures("Doctors said more than 40 people died when the school was hit.") if f[4] == "killed"]
    assert f[1:4] == (40, None, "people")


def test_a_people_counted_by_nationality_are_people() -> None:
    (f,) = [f for f in _figures("The strike killed about 40 Palestinians sheltering in the school.") if f[4] == "killed"]
    assert f[3] == "people"


@pytest.mark.parametrize(
    ("part", "whole", "apart"),
    [
        ("In neighbouring Central Aceh district, 10 people were killed, officials said.", "At least 24 people were killed by the quake, officials said.", True),
        ("Ten people were killed by the quake, officials said.", "At least 24 people were killed by the quake, officials said.", False),
        ("In a separate incident, seven people were injured by the shelling.", "Officials said 55 people were injured by the shelling.", True),
        ("Seven people were injured by the shelling, officials said.", "Officials said 55 people were injured by the shelling.", False),
        ("The tsunami killed 230,000 people in 13 countries.", "The tsunami killed 170,000 people.", True),
        ("The tsunami killed 230,000 people.", "The tsunami killed 170,000 people.", False),
    ],
)
def test_a_count_for_a_part_or_another_incident_is_not_the_story_count(part: str, whole: str, apart: bool) -> None:
    found = _conflicts(part, whole)
    assert (found == []) == apart, [c.evidence for c in found]


def test_two_quakes_are_two_sets_of_counts() -> None:
    two = _conflicts("A magnitude-5.2 quake injured three people on the island.", "A 5.6 magnitude earthquake injured five people on the island.")
    assert two == [], [c.evidence for c in two]
    one = _conflicts("A magnitude-5.4 quake injured three people on the island.", "A 5.6 magnitude earthquake injured five people on the island.")
    assert {c.kind for c in one} == {"figures"} and any("injured" in c.evidence for c in one)


def test_unnamed_people_of_other_ages_are_two_people() -> None:
    two = _conflicts("A 36-year-old climber died after falling about 150 metres.", "A 32-year-old climber died after falling about 600 metres.")
    assert two == [], [c.evidence for c in two]
    one = _conflicts("A 36-year-old climber died after falling about 150 metres.", "A 36-year-old climber died after falling about 600 metres.")
    assert [c.kind for c in one] == ["figures"]


@pytest.mark.parametrize(
    ("value", "published", "background"),
    [
        ("XXXX-01-06", None, False),  # a day without its year, no publication date: the story's own day
        ("XXXX-01-06", "2009-01-07", False),
        ("XXXX-12-30", "2009-01-07", False),  # across the turn of the year
        ("XXXX-09-06", "2009-01-07", True),
        ("2004", "2013-07-02", True),
    ],
)
def test_a_day_without_its_year_is_read_against_publication(value: str, published: str | None, background: bool) -> None:
    assert bool(background_dates(Claim(Span(0, 0), None, "", dates=(value,)), published)) == background


def test_the_other_two_are_a_part_of_the_count() -> None:
    figures = _figures("Four bombs were dropped within moments: two landed inside the camp, while the other two bombs fell near the airstrip.")
    assert ("Four", 4, 4, "bomb", "drop", None) in figures
    assert not any(f[1] == 2 and f[4] == "drop" for f in figures)


def test_listed_magnitudes_are_two_quakes() -> None:
    mags = [f for f in _figures("The 6.1-magnitude quake was the latest since 7.6 and 7.5 magnitude quakes struck off the coast.") if f[4] == "magnitude"]
    a = make_article("a", "The quakes measured 7.6 and 7.5 magnitude, officials said.", claims=True)
    abouts = {a.text[f.span.start : f.span.end].split()[0]: f.about for c in a.claims for f in c.figures if f.measure == "magnitude"}
    assert abouts == {"7.6": "#1", "7.5": "#2"}, (abouts, mags)


def test_crowd_estimates_ten_times_apart_conflict() -> None:
    """Police and organisers often put one crowd ten times apart: still one crowd, two figures."""
    found = [c.evidence for c in _conflicts("Police said about 15,000 people marched through Lisbon on Saturday.",
                                            "Organisers said 200,000 people marched through Lisbon on Saturday.")]
    assert any("15,000" in e and "200,000" in e for e in found), found


def test_tolls_ten_times_apart_are_not_paired() -> None:
    """A toll ten times another is rarely the same count (a past disaster's, a region's)."""
    found = [c.evidence for c in _conflicts("The flood killed 15 people on Saturday.", "The flood killed 200 people on Saturday.")]
    assert not found, found
