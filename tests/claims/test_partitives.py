"""Counts told as a part of a group ("two of the shells", "killing four of them") count the group's
noun; a part of a whole that is told ("two of the five victims"), "one of the gunmen" and a count
told with "another" ("another 20,000 marched") are not counts set against a total."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.link.conflicts import find_conflicts  # noqa: E402


def _figures(text: str) -> list[tuple[str, str, str]]:
    a = make_article("a", text, claims=True)
    return [(a.text[f.span.start : f.span.end], f.measure, f.unit) for c in a.claims for f in c.figures]


def _conflicts(t1: str, t2: str) -> list[str]:
    a = make_article("a", t1, site="a.org", published="2024-05-08", claims=True)
    b = make_article("b", t2, site="b.org", published="2024-05-08", claims=True)
    return [c.evidence for c in find_conflicts([a, b])]


def test_a_part_of_a_definite_group_counts_the_groups_noun() -> None:
    assert ("Three", "struck", "shell") in _figures("Three of the shells landed near the clinic on Tuesday, residents said.")


def test_them_counts_the_plural_noun_the_sentence_named_before() -> None:
    assert ("five", "killed", "guard") in _figures("Raiders stormed a post manned by border guards, killing five of them.")


def test_them_with_no_noun_before_it_in_the_sentence_is_left_alone() -> None:
    assert _figures("Police said six of them were killed.") == []


def test_a_part_of_a_told_whole_is_not_a_count_of_the_whole() -> None:
    assert _figures("Two of the seven miners died in hospital on Friday.") == []
    assert [f for f in _figures("The flood killed 900 villagers, 300 of them in the north.") if f[0] == "300"] == []


def test_one_of_a_group_is_not_a_count() -> None:
    assert _figures("One of the robbers was arrested at the border on Monday.") == []


def test_another_is_a_count_of_its_own_not_a_total() -> None:
    assert _figures("In the port city, another 15,000 people marched through the old town.") == []
    assert _figures("Rescuers later found a further nine bodies in the river.") == []


def test_two_counts_of_one_group_told_as_parts_conflict() -> None:
    found = _conflicts(
        "Raiders stormed a post manned by border guards on Monday, killing five of them.",
        "Two border guards were killed when raiders stormed their post on Monday, officials said.",
    )
    assert any("five" in e and "Two" in e for e in found), found


def test_a_part_and_its_whole_do_not_conflict() -> None:
    assert _conflicts("Two of the five hostages were freed on Monday, police said.", "Five hostages were freed on Monday, police said.") == []


def test_another_count_and_a_total_do_not_conflict() -> None:
    assert _conflicts(
        "Another 15,000 people marched through the port city on Saturday, organisers said.",
        "Police said 45,000 people marched across the country on Saturday.",
    ) == []
