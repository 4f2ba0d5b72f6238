"""Figures told in the phrasings news uses around a noun or a second verb: counts told through a
noun ("the death toll rose to 25"), lengths told after the second of two verbs ("slipped and fell
about 200 metres"), magnitudes told before a quake noun ("Sunday's 6.1 quake") or in a clause of
their own ("the quake, which measured 6.1,"), counts opening a sentence ("All 138 people on board
died"): read as the count, length or magnitude they are, and the tempting pairs that stay apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.claims.tolls import toll_measure  # noqa: E402
from newstrace.link.conflicts import find_conflicts  # noqa: E402


def _figures(text: str) -> dict[str, tuple[str, str, float | None, float | None, bool]]:
    a = make_article("a", text, claims=True)
    return {a.text[f.span.start : f.span.end]: (f.measure, f.unit, f.low, f.high, f.provisional) for c in a.claims for f in c.figures}


def _conflicts(t1: str, t2: str):
    return find_conflicts([make_article("a", t1, site="a.org", claims=True), make_article("b", t2, site="b.org", claims=True)])


@pytest.mark.parametrize(
    ("text", "figure", "measure", "running"),
    [
        ("The death toll in the province stood at 31 on Tuesday.", "31", "killed", False),
        ("Officials said the death toll had climbed to at least 18.", "at least 18", "killed", True),
        ("The second blast raised the death toll to 44.", "44", "killed", True),
        ("The toll from the flood is 63, the governor said.", "63", "killed", False),
        ("The number of wounded reached 210 by nightfall.", "210", "injured", True),
        ("The number of people injured rose to 57.", "57", "injured", True),
        ("A death toll of 9 was given by the ministry.", "9", "killed", False),
        ("The death toll, a spokesman said, rose to 16.", "16", "killed", True),
        ("Bringing the death toll to 27, a third body was found on Friday.", "27", "killed", True),
    ],
)
def test_a_count_told_through_its_toll_noun_is_that_count(text: str, figure: str, measure: str, running: bool) -> None:
    got = _figures(text)[figure]
    assert (got[0], got[1], got[4]) == (measure, "people", running)


@pytest.mark.parametrize(
    "text",
    [
        "The casualty toll rose to 40.",  # killed and injured together: neither count
        "The number of victims rose to 25.",  # which victims is not said
        "The number of firefighters at the scene rose to 25.",
        "The toll on the economy was $2 billion.",  # an amount of money, not a count of dead
        "The toll could rise to 100, officials warned.",  # a forecast
        "Drivers paid a toll of 5 dollars on the bridge.",
    ],
)
def test_a_toll_noun_that_counts_no_dead_or_injured_gives_no_toll(text: str) -> None:
    assert all(m not in ("killed", "injured") for m, *_ in _figures(text).values())


def test_the_look_back_stays_in_the_figures_sentence() -> None:
    text = "The death toll rose sharply. 25 buses were sent."
    assert toll_measure(text, text.index("25"), text.index("25")) is None
    assert toll_measure(text, text.index("25"), 0) is None  # the toll's verb is not written right before the figure


def test_tolls_conflict_with_counts_told_by_a_verb_and_bounds_do_not() -> None:
    found = _conflicts("The death toll stood at 25 on Monday.", "The quake killed 40 people on Monday.")
    assert [c.kind for c in found] == ["figures"] and "25" in found[0].evidence and "40" in found[0].evidence
    # a running count is a lower bound at its time: 40 dead is not against "rose to 25"
    assert _conflicts("The death toll rose to 25 on Monday.", "The quake killed 40 people on Monday.") == []
    # a lower bound above the other count is
    assert [c.kind for c in _conflicts("The death toll rose to 25 on Monday.", "The quake killed 12 people on Monday.")] == ["figures"]


def test_tolls_of_other_events_and_one_speakers_halves_are_not_conflicts() -> None:
    # a past disaster's toll is dated away from the story
    assert _conflicts("The death toll from the 2004 tsunami was 230,000.", "The death toll stood at 25 on Monday.") == []
    # the injured are not the dead
    assert _conflicts("The number of injured reached 300.", "The quake killed 25 people.") == []
    # the outlet's own narration, a headline figure and a later one: one source
    one = make_article("a", "The death toll stood at 25 on Monday. By Tuesday 31 people had been killed.", site="a.org", claims=True)
    assert find_conflicts([one]) == []


def test_a_length_is_measured_by_the_verb_written_before_it() -> None:
    # two verbs told of one fall: the parse hangs the length on the first, or on neither
    assert _figures("The climber slipped and fell approximately 200 metres down a steep gully.")["approximately 200 metres"][0] == "fall"
    assert _figures("The 41-year-old, who had lived in Perth, slipped and fell 90 metres.")["90 metres"][0] == "fall"
    got = _figures("The hiker fell 200 metres and walked 3 kilometres to the hut.")
    assert got["200 metres"][0] == "fall" and got["3 kilometres"][0] == "walk"
    found = _conflicts("The climber slipped and fell about 600 metres down a gully.", "The climber fell 150 metres down a gully.")
    assert [c.kind for c in found] == ["figures"]
    # a walk is not the fall; the same fall in feet agrees
    assert _conflicts("The climber fell 200 metres and walked 3 kilometres to the hut.", "The climber slipped and fell about 200 metres.") == []
    assert _conflicts("The climber slipped and fell about 650ft.", "The climber fell about 200 metres.") == []


def test_a_decimal_before_a_quake_noun_is_its_magnitude() -> None:
    got = _figures("Sunday's 6.1 quake damaged roads.")
    assert [m for m, *_ in got.values()] == ["magnitude"]  # not a count of roads damaged
    assert _figures("The 5.4 tremor was felt in the capital.")["5.4"][0] == "magnitude"
    # a whole number before a quake noun counts quakes
    assert "magnitude" not in {m for m, *_ in _figures("Two quakes struck the island.").values()}
    assert _conflicts("Sunday's 6.1 quake damaged roads.", "The quake damaged 12 roads, officials said.") == []


def test_a_magnitude_told_in_a_clause_of_its_own_is_read() -> None:
    assert _figures("The quake, which measured 6.1, struck at 2 a.m.")["6.1"][0] == "magnitude"
    assert _figures("The earthquake registered 5.9 on the Richter scale.")["5.9"][0] == "magnitude"
    # a length the clause measures is a length, and nothing is measured without a quake
    assert _figures("The crater left by the quake measured 3.5 metres across.")["3.5 metres"][1] == "m"
    assert "magnitude" not in {m for m, *_ in _figures("The fish measured 2.5 on the scale of the judges.").values()}
    found = _conflicts("The quake, which measured 6.1, struck at 2 a.m.", "The 6.2-magnitude quake struck at 2 a.m.")
    assert [c.topic for c in found] == ["the magnitude"]  # one quake, given two magnitudes


def test_a_count_opening_a_sentence_after_all_is_read() -> None:
    assert _figures("All 138 people on board died.")["138"][:2] == ("killed", "people")
    assert _figures("All 132 passengers were killed in the crash.")["132"][0] == "killed"
    # a name before a number still names it
    assert _figures("Flight 214 crashed on landing.") == {}


def test_lives_an_event_claimed_are_its_dead() -> None:
    assert _figures("The crash claimed 16 lives.")["16"][:2] == ("killed", "people")
    assert _figures("The blast took the lives of 9 people.")["9"][:2] == ("killed", "people")
    assert [c.kind for c in _conflicts("The crash claimed 16 lives on Monday.", "Officials said 19 people died in the crash on Monday.")] == ["figures"]
    # a claim of a speaker is not lives claimed; hours a fire took are no lives
    assert "killed" not in {m for m, *_ in _figures("He claimed 16 victims had been found.").values()}
    assert "killed" not in {m for m, *_ in _figures("The fire took 3 hours to put out.").values()}
    # a lower bound of lives lost does not conflict with a higher count
    assert _conflicts("The crash cost at least 16 lives.", "Officials said 19 people died in the crash.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The 44-year-old suspect, Dale Horton, was arrested.",  # the described noun, then the name
        "Dale Horton, a 44-year-old mechanic, was arrested.",  # the name, then an appositive
        "The gunman was Dale Horton, a 44-year-old former employee.",
        "Dale Horton, who is 44, was arrested.",  # an age in a relative clause
        "Horton, aged 44, was arrested.",
    ],
)
def test_an_age_told_beside_a_name_is_that_persons(text: str) -> None:
    (age,) = [f for f in make_article("a", text, claims=True).claims[0].figures if f.measure == "age"]
    assert (age.low, age.about) == (44, "dale horton" if "Dale" in text else "horton")


def test_ages_told_in_appositions_conflict_and_other_numbers_are_no_ages() -> None:
    found = _conflicts("The 44-year-old suspect, Dale Horton, was arrested.", "Dale Horton, who is 45, was arrested.")
    assert [c.topic for c in found] == ["how old Dale Horton is"]
    # a number in a relative clause that is no age; a described noun with no name after it
    assert "age" not in {m for m, *_ in _figures("Dale Horton, who has 4 children, was arrested.").values()}
    assert _conflicts("The 44-year-old suspect, police said, was arrested.", "Dale Horton, 45, was arrested.") == []
    # one outlet's two halves of a sentence are one source
    one = make_article("a", "The 44-year-old suspect, Dale Horton, was arrested. Horton, aged 45, had no record.", site="a.org", claims=True)
    assert find_conflicts([one]) == []


@pytest.mark.parametrize(
    "text",
    [
        "About 800 people live in the community of Creston.",  # the counted are the subject of "live"
        "An estimated 800 Canadians live in Creston.",
        "Creston, a town with a population of about 800, lies near the border.",  # not "a mother of 12"
    ],
)
def test_a_population_told_with_live_in_or_population_of_is_the_places(text: str) -> None:
    (f,) = _figures(text).values()
    assert f[:2] == ("population", "people")


def test_populations_told_two_ways_conflict_and_other_counts_do_not() -> None:
    found = _conflicts("About 800 people live in the community of Creston.", "Creston, a town with a population of about 1,200, lies near the border.")
    assert [c.topic for c in found] == ["how many live in Creston"]
    # residents living somewhere who were evacuated are the evacuated, not the population
    assert _figures("Some 500 residents living in Creston were evacuated.")["Some 500"][0] == "evacuated"
    # no place named: no population ("live in tents"); two places' populations are two quantities
    assert "population" not in {m for m, *_ in _figures("About 300 people live in tents.").values()}
    assert _conflicts("About 800 people live in Creston.", "About 5,000 people live in Cranbrook.") == []
    assert _conflicts("An estimated 800 Canadians live in Creston.", "Creston, a town with a population of about 800, lies near the border.") == []
