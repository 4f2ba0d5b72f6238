"""Figures read as ranges, and the bad input the issue lists: number words, ranges, units that
differ, statements with no content, stories of one article. No crash, and no conflict from how a
figure is written alone."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article, quote  # noqa: E402

from newstrace.claims.figures import read_figures  # noqa: E402
from newstrace.claims.ranges import overlap  # noqa: E402
from newstrace.link.conflicts import find_conflicts  # noqa: E402


def _one(text: str):
    (f,) = read_figures(text, 0, len(text))
    return f


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("killing 10 people", 9.5, 10.5),  # a round figure covers its rounding
        ("killing 137 people", 137, 137),
        ("more than 140 people", 140, None),
        ("at least a dozen people", 12, None),
        ("a dozen people", 12, 12),
        ("up to 20,000 people", None, 20000),
        ("nearly 23,000 refugees", 20700, 23000),
        ("about 50 hurt", 45, 55),
        ("130-140 people", 130, 140),
        ("between 40 and 80 percent", 40, 80),
        ("three or four robbers", 3, 4),
        ("dozens of people", 24, None),
        ("twenty-five people", 25, 25),
    ],
)
def test_ranges_from_how_figures_are_written(text: str, low, high) -> None:
    f = _one(text)
    assert (f.range[0], f.range[1]) == pytest.approx((low, high)) if high is not None and low is not None else (f.range[0] == low or f.range[0] == pytest.approx(low)) and (f.range[1] == high or f.range[1] == pytest.approx(high))


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1.5 million people", "1,500,000 people"),
        ("35 miles", "56 km"),
        ("2,000ft", "610 metres"),
        ("120 mph", "193km/h"),
        ("170,000-square-foot", "15,800 square metres"),
        ("£1.7m", "£1,700,000"),
    ],
)
def test_the_same_quantity_written_differently_agrees(a: str, b: str) -> None:
    fa, fb = _one(a), _one(b)
    assert fa.unit == fb.unit and overlap(fa.range, fb.range), (fa, fb)


def test_the_same_number_in_other_units_differs() -> None:
    fa, fb = _one("fell 200 metres"), _one("fell 200ft")
    assert fa.unit == fb.unit == "m" and not overlap(fa.range, fb.range)


@pytest.mark.parametrize("text", ["on Highway 214 at 2:53 p.m.", "call 0845 125 2222", "the 10th day", "in the 1990s", "no one was hurt"])
def test_numbers_that_name_or_date_are_not_figures(text: str) -> None:
    assert [text[r.start : r.end] for r in read_figures(text, 0, len(text))] == []


@pytest.mark.parametrize("text", ["Quake Strikes Island in Gulf\n\nTen people are killed", "By Anna Berg\n\n15 people were arrested", "Flight 370\n12 passengers"])
def test_a_number_opening_a_line_counts(text: str) -> None:
    """A headline's or byline's last word does not name the number that opens the next line
    ("Flight 370" still names its flight)."""
    assert [text[r.start : r.end] for r in read_figures(text, 0, len(text))][-1] in ("Ten", "15", "12")


@pytest.mark.parametrize(
    ("t1", "t2"),
    [
        ("Officials said more than 140 people were killed in the attack.", "Officials said 143 people were killed in the attack."),
        ("Officials said a dozen people were killed in the attack.", "Officials said 12 people were killed in the attack."),
        ("Officials said 130-140 people were killed in the attack.", "Officials said 137 people were killed in the attack."),
        ("Officials said 1.5 million people fled the war.", "Officials said 1,500,000 people fled the war."),
        ("Officials said the quake struck 35 miles from the city.", "Officials said the quake struck 56 km from the city."),
    ],
)
def test_no_conflict_from_formatting_alone(t1: str, t2: str) -> None:
    a = make_article("a", t1, site="a.org", claims=True, quotes=(quote(t1, "q1", "Officials", t1[len("Officials said ") : -1], "said", speaker_kind="anonymous_group"),))
    b = make_article("b", t2, site="b.org", claims=True, quotes=(quote(t2, "q1", "Officials", t2[len("Officials said ") : -1], "said", speaker_kind="anonymous_group"),))
    assert find_conflicts([a, b]) == []


def test_a_story_of_one_article_and_empty_statements() -> None:
    t = "Officials said."
    empty = make_article("a", t, claims=True, quotes=(quote(t, "q1", "Officials", "", "said", speaker_kind="anonymous_group"),))
    assert find_conflicts([empty]) == []
    assert find_conflicts([make_article("b", "", claims=True)]) == []
    assert find_conflicts([]) == []


@pytest.mark.parametrize(
    ("t1", "t2"),
    [
        ("Officials said more than 140 people were killed in the attack.", "Officials said 120 people were killed in the attack."),
        ("Officials said a dozen people were killed in the attack.", "Officials said 30 people were killed in the attack."),
        ("Officials said 130-140 people were killed in the attack.", "Officials said 100 people were killed in the attack."),
        ("Officials said 1.5 million people fled the war.", "Officials said 3,000,000 people fled the war."),
    ],
)
def test_figures_that_differ_still_conflict_however_written(t1: str, t2: str) -> None:
    """The control for the formatting tests above: the same ways of writing, other values."""
    a = make_article("a", t1, site="a.org", claims=True, quotes=(quote(t1, "q1", "Officials", t1[len("Officials said ") : -1], "said", speaker_kind="anonymous_group"),))
    b = make_article("b", t2, site="b.org", claims=True, quotes=(quote(t2, "q1", "Officials", t2[len("Officials said ") : -1], "said", speaker_kind="anonymous_group"),))
    assert [c.kind for c in find_conflicts([a, b])] == ["figures"]


def test_a_story_of_one_article_is_linked_with_its_own_conflicts(tmp_path) -> None:
    from newstrace.link import link_article
    from newstrace.store import open_store

    t = "Police said 12 people were killed in the blast. Hospital officials said 30 people were killed in the blast."
    quotes = (
        quote(t, "q1", "Police", "12 people were killed in the blast", "said", speaker_kind="anonymous_group"),
        quote(t, "q2", "Hospital officials", "30 people were killed in the blast", "said", speaker_kind="anonymous_group"),
    )
    one = make_article("one", t, site="a.org", claims=True, quotes=quotes)
    empty = make_article("empty", "Officials said.", site="b.org", claims=True)
    with open_store(tmp_path / "news.db") as store:
        for article in (one, empty):
            store.upsert_article(article)
        assert link_article(store, one).conflicts == 1  # a story of one article: its two sources disagree
        assert link_article(store, empty).conflicts == 0
        (row,) = store.conflicts(None, 10)
        assert {s.speaker for s in row.sides} == {"Police", "Hospital officials"}


def test_a_distance_from_a_place_named_by_its_kind() -> None:
    """"55 kilometres (34 miles) west of the town of Bireun" is a distance from Bireun."""
    text = "The epicentre lay 40 kilometres (25 miles) west of the town of Tarutung."
    (f,) = [f for f in read_figures(text, 0, len(text)) if f.unit == "m" and f.about][:1]
    assert (f.measure, f.about) == ("distance", "tarutung")


def test_listed_phrases_are_tried_longest_first() -> None:
    import re

    from newstrace.text import alternatives

    pattern = re.compile(rf"\b(?:{alternatives(['at', 'at least', 'at least some', 'at'])})\b")
    assert pattern.match("at least some 40 people").group(0) == "at least some"
    assert pattern.match("at least 40 people").group(0) == "at least"
    assert pattern.match("at 40 metres").group(0) == "at"
    assert not pattern.match("attic")


def test_the_token_at_an_offset_is_found_without_walking_the_document() -> None:
    import spacy

    from newstrace.claims.figures import _token_at

    doc = spacy.blank("en")("The boat sank 12  miles off the coast, and 40 people were rescued.")
    for char in range(len(doc.text) + 2):
        # the plain walk it replaces: the token covering the offset, None between tokens
        walked = next((t for t in doc if t.idx <= char < t.idx + len(t.text)), None)
        found = _token_at(doc, char)
        assert (found.i if found is not None else None) == (walked.i if walked is not None else None), char
