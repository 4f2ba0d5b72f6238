"""Small counts written without a digit ("a single rocket", "half a dozen people", "a couple of
shells", "only one shell"), and counts of the doers of a deed, which are no toll of it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.link.conflicts import find_conflicts  # noqa: E402


def _figures(text: str) -> list[tuple[str, float | None, float | None, str, str]]:
    a = make_article("a", text, claims=True)
    return [(a.text[f.span.start : f.span.end], f.low, f.high, f.measure, f.unit) for c in a.claims for f in c.figures]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A single rocket hit the school, officials said.", ("A single", 1, 1, "struck", "rocket")),
        ("The blast killed half a dozen people.", ("half a dozen", 6, 6, "killed", "people")),
        ("A couple of shells struck the school.", ("A couple of", 2, 3, "struck", "shell")),
        ("A pair of bombs exploded near the market.", ("A pair of", 2, 2, "struck", "bomb")),
        ("Just one shell struck the school.", ("one", 1, 1, "struck", "shell")),
    ],
)
def test_small_counts_in_words(text: str, expected: tuple) -> None:
    assert expected in _figures(text), _figures(text)


def test_one_of_several_or_a_part_of_a_group_is_no_count() -> None:
    assert _figures("One shell struck the school, another the market.") == []
    assert _figures("A couple of the victims were children.") == []


def test_half_a_dozen_is_not_a_dozen() -> None:
    assert not [f for f in _figures("Half a dozen people were killed in the blast.") if f[1] == 12]


def test_the_doers_of_a_deed_are_no_toll_of_it() -> None:
    """"Two gunmen killed five guards": five were killed, not the two gunmen."""
    figures = _figures("Two gunmen killed five guards on Monday.")
    assert ("five", 5, 5, "killed", "guard") in figures
    assert not [f for f in figures if f[4] == "gunman" and f[3] == "killed"], figures
    assert not [f for f in _figures("Police said a lone gunman killed the guards.") if f[3] == "killed"]


def test_a_single_rocket_against_three_conflicts() -> None:
    a = make_article("a", "A single rocket hit the school on Monday, the army said.", site="a.org", published="2024-05-08", claims=True)
    b = make_article("b", "Three rockets hit the school on Monday, witnesses said.", site="b.org", published="2024-05-08", claims=True)
    found = [c.evidence for c in find_conflicts([a, b])]
    assert any("A single" in e and "Three" in e for e in found), found
