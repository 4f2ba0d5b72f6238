"""Two events of one kind in one story: reports of two quakes (two shootings) whose openings put
them in different places are not set against each other; two outlets of one event still are,
however they name its place (link/event_places.py)."""

from __future__ import annotations

import pytest
from link_support import make_article

from newstrace.link import event_places
from newstrace.link.conflicts import find_conflicts, prepare
from newstrace.link.event_places import Setting, apart, setting
from newstrace.model import Article, Conflict


def _art(aid: str, text: str) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-06", claims=True)


def _reasons(conflicts: list[Conflict]) -> list[str]:
    return [c.evidence for c in conflicts]


MARLOWE = ("Quake kills twelve in Marlowe\n\n"
           "An earthquake of magnitude 6.0 struck the town of Marlowe on Tuesday, killing 12 people, officials said.\n\n"
           "Rescuers dug through the rubble of the market for most of the night.")
MARLOWE_AGAIN = ("Nine dead as quake hits Marlowe\n\n"
                 "A magnitude 6.0 earthquake hit the town of Marlowe on Tuesday, killing nine people, the police said.\n\n"
                 "Hundreds of families slept in the open.")
DUNMORE = ("Quake kills three near Dunmore\n\n"
           "An earthquake of magnitude 6.0 struck the town of Dunmore on Tuesday, killing three people, officials said.\n\n"
           "Rescuers searched collapsed houses for most of the night.")
INDONESIA = ("Quake kills nine in Indonesia\n\n"
             "A magnitude 6.0 earthquake hit Indonesia on Tuesday, killing nine people, the police said.\n\n"
             "Hundreds of families slept in the open.")


def test_two_quakes_in_two_towns_do_not_conflict() -> None:
    # of one strength on one day: nothing but their places tells them apart
    found = find_conflicts([_art("m", MARLOWE), _art("d", DUNMORE)])
    assert not found, _reasons(found)


def test_two_shootings_in_two_towns_do_not_conflict() -> None:
    one = _art("o", "Gunman kills five at Ashford school\n\n"
                    "A gunman opened fire at a school in the town of Ashford on Monday, killing five people, police said.\n\n"
                    "The school will stay closed this week.")
    other = _art("t", "Two dead in Brockley school shooting\n\n"
                      "A gunman opened fire at a school in the town of Brockley on Monday, killing two people, police said.\n\n"
                      "Parents gathered outside the gates.")
    found = find_conflicts([one, other])
    assert not found, _reasons(found)
    # a second outlet of the Ashford shooting with another toll still conflicts with the first
    again = _art("a", "Three dead in Ashford school shooting\n\n"
                      "A gunman opened fire at a school in the town of Ashford on Monday, killing three people, police said.\n\n"
                      "Parents gathered outside the gates.")
    assert any("death tolls" in r for r in _reasons(find_conflicts([one, again]))), _reasons(find_conflicts([one, again]))


def test_two_outlets_of_one_quake_still_conflict() -> None:
    found = find_conflicts([_art("m", MARLOWE), _art("a", MARLOWE_AGAIN)])
    assert any("death tolls" in r and "nine" in r for r in _reasons(found)), _reasons(found)


def test_a_town_the_other_outlet_names_further_down_is_shared() -> None:
    # one outlet leads with the district, and names the town only in its fourth sentence
    district = _art("k", "Nine dead as quake hits Kestrel district\n\n"
                         "A magnitude 6.0 earthquake hit the Kestrel district on Tuesday, killing nine people, the police said.\n\n"
                         "Hundreds of families slept in the open.\n\n"
                         "The worst damage was in the market of Marlowe, the district's main town.")
    found = find_conflicts([_art("m", MARLOWE), district])
    assert any("death tolls" in r and "nine" in r for r in _reasons(found)), _reasons(found)


def test_an_opening_that_names_only_the_country_is_compared_as_before() -> None:
    found = find_conflicts([_art("m", MARLOWE), _art("c", INDONESIA)])
    assert any("death tolls" in r and "nine" in r for r in _reasons(found)), _reasons(found)


def test_a_past_event_named_in_a_dated_or_long_past_sentence_does_not_make_the_places_one() -> None:
    # the Dunmore report recalls an old Marlowe quake: that names Marlowe, but not as its own event's place
    later = "\n\nOfficials expect the toll to rise as roads reopen.\n\nThe army sent tents and water to the villages around the town."
    recalls = _art("r", DUNMORE + later + "\n\nIn 2004 a stronger quake destroyed much of Marlowe, 200 miles to the north.")
    found = find_conflicts([_art("m", MARLOWE), recalls])
    assert not found, _reasons(found)
    long_ago = _art("l", DUNMORE + later + "\n\nA stronger quake destroyed much of Marlowe, 200 miles to the north, four years ago.")
    assert not find_conflicts([_art("m", MARLOWE), long_ago])
    # the same sentence without a year or a time long past tells of today's event: Marlowe is then shared, and the tolls meet
    shared = _art("s", DUNMORE + later + "\n\nThe quake also damaged houses in Marlowe, 200 miles to the north.")
    assert prepare(shared).setting.words >= {"marlowe", "dunmore"}
    assert not apart(prepare(_art("m", MARLOWE)).setting, prepare(shared).setting)
    assert any("death tolls" in r for r in _reasons(find_conflicts([_art("m", MARLOWE), shared])))


def test_apart_needs_a_place_in_both_openings_and_none_shared() -> None:
    marlowe = Setting(frozenset({"marlowe"}), frozenset({"marlowe", "quake"}))
    dunmore = Setting(frozenset({"dunmore"}), frozenset({"dunmore", "quake"}))
    nowhere = Setting(frozenset(), frozenset({"quake", "marlowe"}))
    both = Setting(frozenset({"dunmore"}), frozenset({"dunmore", "marlowe", "quake"}))
    assert apart(marlowe, dunmore) and apart(dunmore, marlowe)
    assert not apart(marlowe, nowhere) and not apart(nowhere, dunmore)
    assert not apart(marlowe, both)  # the Dunmore report names Marlowe too: one event, maybe


def test_wide_areas_and_kinds_of_place_are_not_the_setting() -> None:
    s = prepare(_art("w", "Quake hits Northern California\n\n"
                          "An earthquake struck Northern California and the island of Qeshm Island on Tuesday, officials said.")).setting
    assert "california" not in s.opening and "northern" not in s.opening
    assert "qeshm" in s.opening and "island" not in s.opening


def test_peoples_and_ordinary_words_are_not_places() -> None:
    a = _art("p", "Quake Shakes Tarrow\n\n"
                  "A quake hit the Indonesian province of Lembata on Tuesday, and its shakes were felt in Tarrow, officials said.")
    s = setting(a, [(0, "quake shakes tarrow")])  # a headline the recogniser took whole for a place
    assert s.opening == {"lembata", "tarrow"}  # "quake", "shakes": written in lower case too; "Indonesian": a people


def test_a_party_blamed_is_the_answer_not_the_place() -> None:
    # each outlet's opening names only the party it blames: the names differ because the answers do
    one = _art("o", 'Police said the group known as Black Harbor-9 "bears full responsibility" for the attack on the bridge.')
    other = _art("t", "Minister Ilse Varga blamed Tesmania for the attack on the bridge, officials said.")
    assert apart(prepare(one).setting, prepare(other).setting)
    assert [c for c in find_conflicts([one, other]) if c.kind == "blame"]


def test_a_setting_is_read_only_when_asked_and_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # linking prepares every member of a new article's context; most never meet a finding that asks
    # where their event happened, so preparing must not read the setting (it was most of the cost)
    read: list[str] = []
    opening, told = event_places._opening, event_places._told
    monkeypatch.setattr(event_places, "_opening", lambda a, p: read.append("opening " + a.id) or opening(a, p))
    monkeypatch.setattr(event_places, "_told", lambda a: read.append("words " + a.id) or told(a))
    marlowe, dunmore, country = (prepare(_art(aid, t)) for aid, t in (("m", MARLOWE), ("d", DUNMORE), ("c", INDONESIA)))
    assert read == []
    # an opening with no place narrower than a country: its words and the other's are never needed
    assert not apart(country.setting, marlowe.setting)
    assert read == ["opening c"]
    assert apart(marlowe.setting, dunmore.setting) and apart(dunmore.setting, marlowe.setting)
    assert sorted(read) == ["opening c", "opening d", "opening m", "words d", "words m"]  # each read once
    # read late, a setting is the one reading it at once gives
    fresh = prepare(_art("d", DUNMORE)).setting
    assert (fresh.opening, fresh.words) == (dunmore.setting.opening, dunmore.setting.words) == ({"dunmore"}, told(dunmore.article))
