"""How long the event went on, given with "for": a duration is the event's when its verb's subject
names the event ("the quake was felt for around 15 seconds", "the fire burned for six hours"); other
durations (a prison term, a response time, talks) are not read, nor a verb of lasting ("the siege
lasted two days": link/durations reads it, and one reading is enough)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.link.conflicts import find_conflicts  # noqa: E402


def _durations(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    a = make_article("a", text, published="2024-05-08", claims=True)
    return [(a.text[f.span.start : f.span.end], f.low, f.high, f.about) for c in a.claims for f in c.figures if f.measure == "duration"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tremor was felt strongly for around 20 seconds in the capital.", ("around 20 seconds", 18.0, 22.0, "quake")),
        ("The fire burned for six hours before it was put out.", ("six hours", 6 * 3600 * 0.95, 6 * 3600 * 1.05, "fire")),
        ("Residents fled as the quake shook buildings for about a minute, a witness said.", ("about a minute", 54.0, 66.0, "quake")),
    ],
)
def test_durations_of_the_event(text: str, expected: tuple) -> None:
    found = _durations(text)
    assert len(found) == 1 and found[0][0] == expected[0] and found[0][3] == expected[3], found
    assert found[0][1] == pytest.approx(expected[1]) and found[0][2] == pytest.approx(expected[2])


@pytest.mark.parametrize(
    "text",
    ["He was jailed for 15 years.", "Police arrived within 20 minutes.", "The talks lasted three hours.", "The fire was put out after two hours.",
     "The siege lasted two days.", "The fighting continued for three days."],
)
def test_other_durations_are_not_the_event_s(text: str) -> None:
    assert _durations(text) == []


def test_two_durations_of_the_quake_conflict() -> None:
    a = make_article("a", "The tremor was felt strongly for around 20 seconds in the capital on Monday.", site="a.org", published="2024-05-08", claims=True)
    b = make_article("b", "The quake shook the capital for about a minute on Monday, residents said.", site="b.org", published="2024-05-08", claims=True)
    c = make_article("c", "The quake shook the capital for about 20 seconds on Monday, residents said.", site="c.org", published="2024-05-08", claims=True)
    found = [x.evidence for x in find_conflicts([a, b])]
    assert any("durations" in e and "20 seconds" in e and "a minute" in e for e in found), found
    assert not [x for x in find_conflicts([a, c]) if "durations" in x.evidence]
