"""What a figure is of: the person, place or thing it measures, matched as a reader matches names;
a distance of the event against one of another thing; "said" is not a measure."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.conflicts import find_conflicts
from newstrace.link.name_fit import names_fit
from newstrace.model import Article, Conflict


def _art(aid: str, text: str) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-06", claims=True)


def _reasons(found: list[Conflict]) -> list[str]:
    return [c.evidence for c in found]


def test_names_fit_as_a_reader_matches_them() -> None:
    assert names_fit("rait", "duncan rait")
    assert names_fit("englishman robert buckley", "robert buckley")
    assert names_fit("qeshm", "qeshm island")
    assert names_fit("santa rosa.", "santa rosa")
    assert names_fit("khartoum", "sudan")
    assert not names_fit("john smith", "jane smith")
    assert not names_fit("south sudan", "sudan")
    assert not names_fit("bandar abbas", "qeshm")


def test_a_named_fallers_fall_meets_an_unnamed_account_of_it() -> None:
    named = _art("a", "On Friday, 36-year-old Duncan Rait died after slipping and falling about 60 metres from a ridge.")
    unnamed = _art("b", "A 36-year-old climber died on Friday after falling about 200 metres down a gully.")
    found = find_conflicts([named, unnamed])
    assert any("60 metres" in r and "200 metres" in r for r in _reasons(found)), _reasons(found)


def test_two_named_people_are_not_compared() -> None:
    a = _art("a", "On Friday, Duncan Rait died after falling about 60 metres from a ridge.")
    b = _art("b", "On Friday, Robert Buckley died after falling about 600 metres from a ridge.")
    assert not [r for r in _reasons(find_conflicts([a, b])) if "metres" in r]


def test_a_places_population_whatever_the_sentence_tells() -> None:
    a = _art("a", "A 5.9-magnitude quake struck southern Iran on Sunday, killing ten people.\n\nRescue teams reached the villages.\n\n"
                  "Officials said more help was on its way.\n\nThe quake was centred near Qeshm Island, home to 200,000 people, the U.S. Geological Survey said.")
    b = _art("b", "A 6.1-magnitude quake struck southern Iran on Sunday.\n\nHouses collapsed in two villages.\n\n"
                  "The 6.1-magnitude quake struck Qeshm, home to 120,000 people, officials said.")
    found = find_conflicts([a, b])
    assert any("populations" in r and "200,000" in r and "120,000" in r for r in _reasons(found)), _reasons(found)


def test_distances_locate_the_same_thing() -> None:
    building = _art("a", "Police evacuated the building, about 15 miles north of Detroit, on Monday.")
    motorist = _art("b", "Hours later, a motorist 50 miles north of Detroit spotted the vehicle on Monday.")
    assert not [r for r in _reasons(find_conflicts([building, motorist])) if "distances" in r]
    centred = _art("c", "The quake was centered in Geyserville, about 20 miles north of Santa Rosa.")
    struck = _art("d", "The temblor struck about 26 miles north of Santa Rosa.")
    found = find_conflicts([centred, struck])
    assert any("20 miles" in r and "26 miles" in r for r in _reasons(found)), _reasons(found)


def test_said_is_not_what_a_figure_measures() -> None:
    a = _art("a", "The epicenter was about 85 miles from Papua's main city of Manokwari, the U.S. Geological Survey said.")
    b = _art("b", "The epicenter was about 40 miles from Papua's main city of Manokwari, the U.S. Geological Survey said.")
    assert not [r for r in _reasons(find_conflicts([a, b])) if "'say'" in r], _reasons(find_conflicts([a, b]))


def test_counts_of_a_verb_class_are_named_as_a_reader_asks() -> None:
    """A reason names the quantity in words ("crowd sizes"), never the measure's key ("figures for 'crowd'")."""
    cases = [
        ("Police said as many as 20,000 people took to the streets of Athens on Wednesday.",
         "Witnesses said more than 50,000 people took to the streets of Athens on Wednesday.", "crowd sizes"),
        ("Officials said eight people had suffered from serious injury in the quake on Sunday.",
         "The agency said 15 people were seriously injured in the quake on Sunday.", "counts of seriously injured"),
    ]
    for x, y, name in cases:
        reasons = _reasons(find_conflicts([_art("a", x), _art("b", y)]))
        assert any(r.startswith(f"different {name}:") for r in reasons), reasons
        assert not any("figures for '" in r for r in reasons), reasons
