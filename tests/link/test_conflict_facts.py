"""Categorical facts of the event given two ways: the kind of gun, its calibre, a quake on land or at sea,
which way the event lay from a place."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.conflicts import find_conflicts
from newstrace.link.facts import bearings, calibre, firearm_kind, land_or_sea
from newstrace.model import Article


def _art(aid: str, text: str) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-08", claims=True)


def _facts(*arts: Article) -> list[str]:
    return [c.evidence for c in find_conflicts(list(arts)) if c.kind == "facts"]


def test_readers_of_one_value() -> None:
    assert firearm_kind("the shooter brought a rifle into the building") == "rifle"
    assert firearm_kind("entered the office with the shotgun") == "shotgun"
    assert firearm_kind("he had a revolver") == "handgun"
    assert firearm_kind("police seized a rifle and a pistol") is None  # two kinds: which was used is not said
    assert firearm_kind("he was denied a handgun permit in March") is None  # a permit is no weapon
    assert calibre("his client had a .32-caliber revolver") == ".32"
    assert calibre("it was a .32-caliber revolver, not a .45-caliber handgun") is None
    assert calibre("version 2.45 of the software") is None
    assert land_or_sea("The 6.1-magnitude quake struck inland at a depth of 10 km") == "land"
    assert land_or_sea("The earthquake struck off Indonesia's Aceh province") == "sea"
    assert land_or_sea("The storm struck off Florida") is None  # not a quake


def test_two_kinds_of_gun_conflict() -> None:
    found = _facts(_art("a", "Employees said the shooter brought a rifle into the building on Thursday."),
                   _art("b", "Police said the gunman walked into his former office with a shotgun on Thursday."))
    assert found and "rifle" in found[0] and "shotgun" in found[0], found


def test_one_kind_named_twice_agrees() -> None:
    assert not _facts(_art("a", "Police said the gunman walked into the office with a shotgun on Thursday."),
                      _art("b", "Officers found a 12-gauge shotgun in his car on Thursday, police said."))


def test_two_calibres_conflict() -> None:
    found = _facts(_art("a", "His lawyer said his client had a .32-caliber revolver."),
                   _art("b", "Prosecutors said he was armed with a .45-caliber handgun."))
    assert found and ".32" in found[0] and ".45" in found[0], found


def test_a_quake_on_land_and_at_sea() -> None:
    found = _facts(_art("a", "The 6.1-magnitude quake struck inland at a depth of 10 kilometres on Tuesday."),
                   _art("b", "The 6.1-magnitude earthquake struck off Indonesia's Aceh province on Tuesday."))
    assert found and "land" in found[0] and "sea" in found[0], found


def test_bearings_of_the_event_from_a_place() -> None:
    assert bearings("The quake struck 40 kilometres south of Padang, officials said.") == {"padang": 180.0}
    assert bearings("Its epicentre was 25 miles (40 km) north-east of the town of Tarutung.") == {"tarutung": 45.0}
    assert bearings("The blast hit a market 3km north - northwest of Kandahar.") == {"kandahar": 337.5}
    assert bearings("The school is 15 miles north of Detroit.") == {}  # no event placed
    assert bearings("The quake was felt in northern Padang.") == {}  # a region, not a bearing from a place
    assert bearings("The quake hit 5 km north of Tarutung and 6 km south of Tarutung.") == {}  # two bearings: none


def test_bearings_a_quarter_turn_apart_conflict() -> None:
    a = _art("a", "The quake struck 40 kilometres south of Padang on Tuesday, the survey said.")
    b = _art("b", "The epicentre was 40 km (25 miles) west of the city of Padang, the agency said on Tuesday.")
    found = _facts(a, b)
    assert found and "Padang" in found[0] and "south" in found[0] and "west" in found[0], found


def test_near_bearings_or_other_places_agree() -> None:
    a = _art("a", "The quake struck 40 kilometres north of Padang on Tuesday, the survey said.")
    b = _art("b", "The epicentre was 40 km northeast of Padang, the agency said on Tuesday.")
    c = _art("c", "The epicentre was 60 km west of Bukittinggi, the agency said on Tuesday.")
    assert not _facts(a, b) and not _facts(a, c)
