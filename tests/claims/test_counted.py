"""What a count counts when its verb says it (a crowd, people inside, buildings damaged, shells that
struck), how far a round figure reaches, and the counts that only look like one of those."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article  # noqa: E402

from newstrace.claims.ranges import exact, overlap  # noqa: E402
from newstrace.link.conflicts import find_conflicts  # noqa: E402
from newstrace.link.same_count import units_relation  # noqa: E402


def _figures(text: str):
    a = make_article("a", text, claims=True)
    return [(a.text[f.span.start : f.span.end], f.low, f.high, f.unit, f.measure, f.scope) for c in a.claims for f in c.figures]


def _measures(text: str) -> dict[str, tuple[str, str]]:
    return {f[0]: (f[4], f[3]) for f in _figures(text)}


def _conflicts(t1: str, t2: str):
    a = make_article("a", t1, site="a.org", claims=True)
    b = make_article("b", t2, site="b.org", claims=True)
    return find_conflicts([a, b])


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (85e6, 80e6, False),  # "85 million" is told to the million; "80 million" reaches 76..84 million
        (167_000, 160_000, False),  # "160,000" is rounded to the ten thousand
        (612, 600, True),  # "600" covers 612 (rule 4)
        (1_500_000, 1_500_000, True),
        (137, 140, True),
        (10, 12, False),
    ],
)
def test_a_round_figure_reaches_half_its_last_significant_digit(a: float, b: float, agree: bool) -> None:
    assert overlap(exact(a), exact(b)) == agree, (exact(a), exact(b))


def test_a_figure_with_no_trailing_zero_is_exact() -> None:
    assert exact(85e6 + 1) == (85e6 + 1, 85e6 + 1)
    assert exact(167_000) == pytest.approx((166_500, 167_500))  # told to the thousand


@pytest.mark.parametrize(
    "text",
    [
        "Police said as many as 20,000 people took to the streets.",
        "Police put the march, to mark a 24-hour nationwide strike, at roughly 30,000 people.",
        "The march was attended by an approximate 200,000.",
        "Organisers said about 50,000 people marched.",
        "Officials said 20,000 people joined the demonstrations.",
    ],
)
def test_a_crowd_told_with_any_verb_is_a_crowd(text: str) -> None:
    assert [(m, u) for m, u in _measures(text).values()] == [("crowd", "people")]


def test_crowds_told_with_different_verbs_conflict_and_crowds_elsewhere_do_not() -> None:
    found = _conflicts("Police said as many as 20,000 people took to the streets.", "Police put the march at roughly 30,000 people.")
    assert [c.kind for c in found] == ["figures"] and "crowd" in found[0].evidence
    assert _conflicts("An estimated 100,000 people took to the streets as part of nationwide strikes.", "Police said as many as 20,000 people marched.") == []
    assert _conflicts("Police said 20,000 people marched in Athens.", "In Salonika, where 50,000 people marched, banks were burned.") == []
    # "one protester threw a bomb" and "two demonstrations" count no crowd
    assert "crowd" not in {m for m, _ in _measures("During the unrest, one protester threw a petrol bomb after two demonstrations.").values()}


@pytest.mark.parametrize(
    "text",
    ["About 1000 people were sheltering in the school.", "Ging said about 350 Palestinians were inside.", "John Ging said 350 people were taking shelter there."],
)
def test_people_sheltering_or_inside_are_one_measure(text: str) -> None:
    assert [m for m, _ in _measures(text).values()] == ["inside"]


def test_buildings_damaged_or_destroyed_are_one_count_of_buildings() -> None:
    m = _measures("At least five people were killed, 250 injured and more than 800 homes destroyed.")
    assert m["more than 800"] == ("damaged", "buildings")  # not a death toll
    assert m["At least five"] == ("killed", "people")
    assert _measures("About 135 homes and other buildings were badly damaged or toppled.") == {"About 135": ("damaged", "buildings")}
    # a narrower kind of building is a part of the count
    assert _measures("The quake damaged 42 government office buildings.")["42"] == ("damaged", "government office building")
    # "homes in five villages": the villages are where the damage is
    assert not any(u == "village" for _, u in _measures("Officials said homes in five villages had been damaged.").values())
    found = _conflicts("Officials said more than 800 homes were destroyed.", "Officials said about 135 homes and other buildings were badly damaged.")
    assert [c.kind for c in found] == ["figures"]


def test_shells_that_struck_landed_or_exploded_are_one_count() -> None:
    # "tank shell" is one noun (WordNet has it), counted whole; link.same_count reads it as a kind of shell
    assert _measures("Two Israeli tank shells struck the school.")["Two"] == ("struck", "tank shell")
    assert units_relation("tank shell", "shell") == "narrower"
    assert _measures("Three tanks shells exploded just outside the school grounds.")["Three"] == ("struck", "shell")
    assert _measures("Officials said three shells landed at the perimeter of the school.")["three"] == ("struck", "shell")
    # "one bomb hit a school, another the market": one of several is not a count of them
    assert _measures("One bomb hit a schoolhouse but did not explode.") == {}


def test_a_side_that_lost_soldiers_counts_its_dead() -> None:
    m = _measures("Israel has so far lost seven soldiers and four civilians.")
    assert m["seven"] == ("killed", "soldier") and m["four"] == ("killed", "civilian")
    assert all(meas != "killed" for meas, _ in _measures("She had lost an eight-year-old daughter and two sons.").values())
    assert all(meas != "killed" for meas, _ in _measures("The company lost 40 jobs last year.").values())


def test_injuries_suffered_count_the_injured() -> None:
    assert _measures("Eight people had suffered from serious injury.")["Eight"] == ("injured:serious", "people")


def test_measures_are_words_a_reader_knows() -> None:
    """A count named by a verb of no class is named by the verb's lemma, never a stem cut short
    ("shelt", "suf"): the reason shown reads "figures for 'pull survivor'"."""
    assert _measures("Rescuers pulled 12 survivors from the rubble.")["12"] == ("pull", "survivor")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He fell about 2, 000ft while climbing.", (548.64, 670.56)),  # a tokeniser's space after the comma
        ("The quake began twenty - six mils north of Santa Rosa.", (26 * 1609.344 * 0.95, 26 * 1609.344 * 1.05)),
    ],
)
def test_numbers_split_by_a_tokeniser_are_read_whole(text: str, expected: tuple[float, float]) -> None:
    (f,) = _figures(text)
    assert (f[1], f[2]) == pytest.approx(expected, rel=1e-3)


def test_a_list_of_numbers_is_not_one_number() -> None:
    assert not any(f[1] == 12104 for f in _figures("Rooms 12, 104 and 105 were hit by shells."))


def test_an_age_is_the_persons_not_the_descriptions() -> None:
    (age,) = [f for f in make_article("a", "On Saturday, 32-year-old Englishman Robert Buckley fell about 2,000ft.", claims=True).claims[0].figures if f.measure == "age"]
    assert age.about == "robert buckley"


def test_the_number_of_people_killed_told_after_the_figure() -> None:
    m = _measures("Two rockets hit the town, bringing to 10 the number of Israelis who have been killed.")
    assert m["10"] == ("killed", "israeli")
    found = _conflicts("Nine Israelis have been killed, officials said.", "A rocket hit the town, bringing to 12 the number of Israelis who have been killed.")
    assert [c.kind for c in found] == ["figures"]


def test_magnitudes_listed_after_measuring_are_two_quakes() -> None:
    m = {f[0]: f for f in _figures("Two quakes measuring 7.6 and 7.4 struck the region.")}
    assert m["7.6"][4] == m["7.4"][4] == "magnitude"


def test_others_seriously_injured() -> None:
    assert _measures("A girl was killed and dozens of others were seriously injured in the quakes.")["dozens"] == ("injured:serious", "people")


def test_a_distance_is_of_what_it_is_told_of() -> None:
    """The building 15 miles from Detroit and a motorist 50 miles from it are two distances; the
    quake's distance from a town, told with "temblor" or "quake", is one."""
    assert _conflicts("Police evacuated the building, about 15 miles north of Detroit.", "A motorist 50 miles north of Detroit spotted the car.") == []
    found = _conflicts("The temblor was centered about 20 miles north of Santa Rosa.", "The quake began twenty - six mils north of Santa Rosa.")
    assert [c.kind for c in found] == ["figures"]


def test_falls_of_two_people_told_apart_by_nationality() -> None:
    assert _conflicts("A British climber has fallen 2,000ft to his death.", "An Australian climber died after falling about 150 metres.") == []
    assert [c.kind for c in _conflicts("A British climber has fallen 2,000ft to his death.", "A British climber has fallen 300 metres to his death.")] == ["figures"]


def test_a_bare_figure_beside_a_crowd_noun_is_a_crowd() -> None:
    m = _measures("But witnesses said there were more than 50,000 -- easily the biggest protest since October.")
    assert m["more than 50,000"] == ("crowd", "people")
    assert _measures("Officials said 40 people were killed, a tragedy for the town.")["40"] == ("killed", "people")


def test_a_date_a_superlative_counts_from_is_not_the_claims_occasion() -> None:
    """"the biggest protest since Papandreou took office last October" is about today's protest:
    its crowd is compared with today's other counts."""
    a = make_article("a", "Police put the march at roughly 30,000 people.", site="a.org", published="2010-05-05", claims=True)
    t = "Witnesses said there were more than 50,000 -- easily the biggest protest since Papandreou took office last October."
    b = make_article("b", t, site="b.org", published="2010-05-05", claims=True)
    assert [c.kind for c in find_conflicts([a, b])] == ["figures"]


def test_a_running_toll_brought_to_a_figure_is_provisional() -> None:
    (f,) = [f for f in make_article("a", "Five soldiers died, bringing to 10 the number of Israelis who have been killed.", claims=True).claims[0].figures if f.low and f.low >= 9]
    assert f.provisional


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        ("Several buildings on Qeshm Island were damaged. The island, which has about 200,000 residents, is far from Tehran.", "about 200,000", "qeshm"),
        (
            "A quake hit Qeshm island on Sunday. Some residents of the island, which is situated off the coast from the large port city "
            "of Bandar Abbas and is home to about 100,000 people, slept outside.",
            "about 100,000",
            "qeshm",
        ),
        ("A hotel in the main city Manokwari collapsed. Electricity was cut off to the coastal city of population 167,000, where people fled.", "167,000", "manokwari"),
    ],
)
def test_a_population_is_of_the_place_its_clause_is_about(text: str, figure: str, place: str) -> None:
    """"the island, which has 200,000 residents": the island named before ("Qeshm Island"), not the
    nearer place named in between (Bandar Abbas)."""
    a = make_article("a", text, claims=True)
    (f,) = [f for c in a.claims for f in c.figures if a.text[f.span.start : f.span.end] == figure]
    assert (f.measure, f.about) == ("population", place)


def test_residents_evacuated_are_not_a_population() -> None:
    assert _measures("The town has 300 residents who were evacuated.")["300"][0] == "evacuated"


def test_a_fall_is_the_aged_persons_when_the_sentence_gives_one_age() -> None:
    (fall,) = [f for c in make_article("a", "A 36-year-old man died after he slipped and fell about 200m down a gully.", claims=True).claims for f in c.figures if f.unit == "m"]
    assert fall.about == "aged 36" and fall.measure != "killed"  # a length is no toll
    assert _conflicts("A 36-year-old man fell about 200m down a gully.", "Police said one of the party has fallen some 700 metres to his death.") == []
    assert [c.kind for c in _conflicts("A 36-year-old man fell about 200m down a gully.", "A 36-year-old man fell about 700 metres down a gully.")] == ["figures"]
