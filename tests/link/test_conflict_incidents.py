"""Which incident a figure counts: two quakes, two climbers, several schools, friendly fire, a
nationwide crowd, a capital that names its government. Figures of two incidents never conflict;
figures of one still do."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.compare import compare
from newstrace.link.conflicts import find_conflicts
from newstrace.link.incidents import Incident, same_incident
from newstrace.link.statements import Statement
from newstrace.model import Article, Claim, Conflict, Span


def _art(aid: str, text: str, published: str = "2024-05-06") -> Article:
    return make_article(aid, text, site=f"{aid}.org", published=published, claims=True)


def _reasons(conflicts: list[Conflict]) -> list[str]:
    return [c.evidence for c in conflicts]


def _about(conflicts: list[Conflict], *words: str) -> list[str]:
    return [r for r in _reasons(conflicts) if all(w.lower() in r.lower() for w in words)]


def test_the_second_quakes_injured_are_not_the_first_quakes() -> None:
    monday = _art("m", "State television says a magnitude-5.2 quake has injured three people on the island.\n\n"
                       "The U.S. Geological Survey put the quake's strength at magnitude-5.4.\n\n"
                       "Monday's earthquake was the second one to hit the island in two days.")
    sunday = _art("s", "Quake hits island, five hurt\n\n"
                       "A 5.6 magnitude earthquake hit the island on Sunday, injuring five people, local media said.")
    other = _art("o", "Quake hits island\n\nA 5.6 magnitude earthquake hit the island on Sunday, injuring seven people, officials said.")
    found = find_conflicts([monday, sunday])
    assert not _about(found, "injured"), _reasons(found)
    assert not _about(found, "magnitudes"), _reasons(found)
    # the same quake's counts still conflict
    assert _about(find_conflicts([sunday, other]), "injured", "five", "seven")


def test_one_climbers_fall_is_not_anothers() -> None:
    both = _art("b", "Two climbers die\n\n"
                     "On Friday, a 36-year-old man died after falling about 60 metres from a ridge.\n\n"
                     "On Saturday, a 32-year-old man fell about 600 metres while climbing to a hut.\n\n"
                     "\"One of the party has slipped on the ice and has fallen some 900 metres to his death,\" police said.")
    friday = _art("f", "Climber dies\n\nA 36-year-old man died on Friday after falling about 200 metres down a gully.")
    found = find_conflicts([both, friday])
    assert not _about(found, "900"), _reasons(found)  # the 32-year-old's fall against the 36-year-old's
    assert _about(found, "60", "200"), _reasons(found)  # the 36-year-old's fall, two accounts


def test_ages_a_year_apart_can_be_one_person() -> None:
    assert same_incident(Incident(ages=((31.0, 31.0),)), Incident(ages=((32.0, 32.0),)))
    assert not same_incident(Incident(ages=((36.0, 36.0),)), Incident(ages=((30.0, 33.0),)))
    assert same_incident(Incident(quake=5.2), Incident(quake=5.4))
    assert not same_incident(Incident(quake=5.2), Incident(quake=5.6))


def test_a_toll_of_several_schools_is_not_one_schools() -> None:
    summed = _art("a", "Israel's assault has exacted its bloodiest toll yet, when the bombing of UN schools and of housing killed more than 50 people.")
    one = _art("b", "Doctors said 42 people were killed when shells hit the school on Tuesday.")
    other = _art("c", "The UN said 30 people were killed when shells hit the school on Tuesday.")
    assert not _about(find_conflicts([summed, one]), "death tolls")
    assert _about(find_conflicts([one, other]), "death tolls", "42", "30")


def test_friendly_fire_is_another_incident() -> None:
    own = _art("a", "The army's claim to target only militants was undermined when one of its own tanks fired on a building used by its troops, killing four.")
    school = _art("b", "Officials said 30 people were killed when shells hit the school.")
    assert not _about(find_conflicts([own, school]), "death tolls"), _reasons(find_conflicts([own, school]))


def test_a_nationwide_crowd_is_not_a_citys() -> None:
    nation = _art("a", "An estimated 100,000 people took to the streets as part of nationwide strikes to protest the cuts.")
    city = _art("b", "Police said as many as 20,000 people took to the streets of Athens as rallies around the country kicked off.")
    other = _art("c", "Witnesses said more than 50,000 people took to the streets of Athens on Wednesday.")
    assert not _about(find_conflicts([nation, city]), "100,000"), _reasons(find_conflicts([nation, city]))
    assert _about(find_conflicts([city, other]), "20,000", "50,000"), _reasons(find_conflicts([city, other]))


def _blaming(aid: str, party: str) -> Statement:
    text = f"The governor accused {party} of carrying out the attack."
    claim = Claim(Span(0, len(text)), None, "accuse", subject="governor", blames=(party.lower(),), blamed_for=("attack",))
    return Statement(aid, None, "(reporter)", text, 0, len(text), "", "narration", claim, f"{aid}.org")


def test_a_capital_names_its_countrys_government() -> None:
    khartoum, sudan, juba = _blaming("a", "Khartoum"), _blaming("b", "Sudan"), _blaming("c", "Juba")
    assert not [f for f in compare(khartoum, sudan, khartoum.text, sudan.text) if f.kind == "blame"]
    # South Sudan's capital is not Sudan
    assert [f for f in compare(juba, sudan, juba.text, sudan.text) if f.kind == "blame"]


def test_a_days_count_is_a_part_of_the_conflicts() -> None:
    day = _art("a", "Five Israeli soldiers were killed on Wednesday, the army said.")
    war = _art("b", "Israel has so far lost seven soldiers in the conflict, the army said.")
    assert not _about(find_conflicts([day, war]), "five", "seven"), _reasons(find_conflicts([day, war]))
    war = _art("b", "Israel has lost seven soldiers in the conflict, the army said.")
    other = _art("c", "Israel has lost nine soldiers in the conflict, officials said.")
    assert _about(find_conflicts([war, other]), "seven", "nine"), _reasons(find_conflicts([war, other]))


def test_a_decade_of_life_tells_people_apart() -> None:
    aged = _art("a", "A 36-year-old climber died after falling about 150 metres from a ridge.")
    early = _art("b", "The climber, in his early 30s, fell about 600 metres from a ridge.")
    assert not _about(find_conflicts([aged, early]), "150", "600"), _reasons(find_conflicts([aged, early]))
    near = _art("c", "A 35-year-old climber fell about 600 metres from a ridge.")  # a year apart: maybe one man
    assert _about(find_conflicts([aged, near]), "150", "600"), _reasons(find_conflicts([aged, near]))


def test_a_running_total_counts_every_cause() -> None:
    """"..., four from friendly fire, bringing to 10 the number killed" is the total, not friendly fire's toll."""
    total = _art("a", "Five Israeli soldiers lost their lives on Wednesday, four from friendly fire, bringing to 10 the number of Israelis who have been killed.")
    other = _art("b", "Nine Israelis have been killed in the conflict, the army said.")
    assert _about(find_conflicts([total, other]), "nine", "10"), _reasons(find_conflicts([total, other]))


def test_a_count_over_several_operations_is_no_one_operations() -> None:
    total = _art("a", "The navy has seized a total of 14 rifles during the five operations it carried out, an officer said.")
    one = _art("b", "Six rifles were seized from the boats on Thursday, officials said.")
    other = _art("c", "Nine rifles were seized from the boats on Thursday, police said.")
    assert not _about(find_conflicts([total, one]), "14", "six"), _reasons(find_conflicts([total, one]))
    assert _about(find_conflicts([one, other]), "six", "nine"), _reasons(find_conflicts([one, other]))


def test_other_items_are_another_group() -> None:
    first = _art("a", "The cache included seven rifles and a grenade launcher, officials said.")
    others = _art("b", "The arms included seven machine guns and three other rifles, police said.")
    assert not _about(find_conflicts([first, others]), "seven", "three"), _reasons(find_conflicts([first, others]))
