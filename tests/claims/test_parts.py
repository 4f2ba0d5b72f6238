"""Counts given as parts of a count or items of a list: "Nine Israelis, including three civilians hit
by rocket fire, have been killed" counts three killed civilians, whatever verb describes them; "the
quake damaged 1,200 houses, 35 shops including markets and stalls, 6 bridges" counts six damaged
bridges, whatever the parse made of the list."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.link.conflicts import find_conflicts  # noqa: E402


def _figures(text: str) -> list[tuple[str, str, str]]:
    a = make_article("a", text, claims=True)
    return [(a.text[f.span.start : f.span.end], f.measure, f.unit) for c in a.claims for f in c.figures]


def test_a_part_after_including_counts_what_the_whole_counts() -> None:
    assert ("three", "killed", "fisherman") in _figures("The storm killed 14 people, including three fishermen swept out to sea.")
    assert ("five", "killed", "woman") in _figures("Rebels killed 20 villagers, among them five women shot in their homes.")


def test_a_count_after_including_with_no_whole_is_left_alone() -> None:
    (f,) = _figures("The museum shows 40 paintings, including three portraits painted in Rome.")[-1:]
    assert f[1] != "killed"


def test_two_counts_of_one_part_conflict() -> None:
    a = make_article("a", "The storm killed 14 people on Monday, including three fishermen swept out to sea.", site="a.org", published="2024-05-08", claims=True)
    b = make_article("b", "Five fishermen were killed in the storm on Monday, the coastguard said.", site="b.org", published="2024-05-08", claims=True)
    found = [c.evidence for c in find_conflicts([a, b])]
    assert any("three" in e and "five" in e.lower() for e in found), found


def test_an_item_of_a_list_counts_what_the_list_counts() -> None:
    figures = _figures("Officials said the cyclone damaged 1,200 houses, 35 shops including markets and stalls, 6 bridges, and 3 clinics.")
    assert ("6", "damaged", "bridge") in figures, figures


def test_a_count_after_a_sentence_of_counts_is_no_item() -> None:
    figures = _figures("The cyclone damaged 1,200 houses. Some 6 bridges were built last year.")
    assert not [f for f in figures if f[2] == "bridge" and f[1] == "damaged"], figures


def test_two_counts_of_one_listed_thing_conflict() -> None:
    a = make_article("a", "Officials said the cyclone damaged 1,200 houses, 35 shops including markets and stalls, 6 bridges, and 3 clinics.",
                     site="a.org", published="2024-05-08", claims=True)
    b = make_article("b", "The cyclone damaged nine bridges, the ministry said.", site="b.org", published="2024-05-08", claims=True)
    found = [c.evidence for c in find_conflicts([a, b])]
    assert any("6" in e and "nine" in e for e in found), found
