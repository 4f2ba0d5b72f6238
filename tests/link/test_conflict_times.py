"""The event's time of day given differently by two sources; other clocks and other events are not
conflicts. And articles whose outlet is unknown are each their own source."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.conflicts import find_conflicts
from newstrace.link.times import EventTime, story_offset, times_conflict
from newstrace.model import Article, Conflict


def _art(aid: str, text: str, site: str | None = None) -> Article:
    return make_article(aid, text, site=site or f"{aid}.org", published="2024-05-08", claims=True)


def _times(found: list[Conflict]) -> list[str]:
    return [c.evidence for c in found if "times of the event" in c.evidence]


def test_two_times_of_the_event_conflict() -> None:
    a = _art("a", "Three shells hit the school at about 3pm on Tuesday, the UN said.")
    b = _art("b", "The attack came at 3.45pm on Tuesday.")
    found = _times(find_conflicts([a, b]))
    assert found and "3pm" in found[0] and "3.45pm" in found[0], found


def test_times_within_their_precision_agree() -> None:
    a = _art("a", "Three shells hit the school at about 3pm on Tuesday, the UN said.")
    b = _art("b", "The attack came at 3.10pm on Tuesday.")
    assert not _times(find_conflicts([a, b]))


def test_times_hours_apart_are_two_events() -> None:
    a = _art("a", "The first bomb exploded in the market at 7:30 a.m. on Tuesday.")
    b = _art("b", "A bomb exploded near the station at 9:30 a.m. on Tuesday.")
    assert not _times(find_conflicts([a, b]))


def test_a_utc_time_is_not_set_against_a_local_one() -> None:
    a = _art("a", "The quake struck at 7:37 a.m. GMT on Tuesday.")
    b = _art("b", "The quake struck at 8:15 a.m. local time on Tuesday.")
    assert not _times(find_conflicts([a, b]))


def test_articles_of_unknown_outlets_are_two_sources() -> None:
    """Two pages without a site (files, ECB+ documents) are not one outlet talking to itself."""
    a = make_article("a", "The quake killed four people on Sunday.", published="2024-05-08", claims=True)
    b = make_article("b", "The quake killed five people on Sunday.", published="2024-05-08", claims=True)
    found = find_conflicts([a, b])
    assert any("four" in c.evidence and "five" in c.evidence for c in found), [c.evidence for c in found]


def test_one_thing_named_two_ways_dated_differently() -> None:
    """"a $3 million bond" and "a bond measure" are one bond: the years of its approval conflict."""
    a = _art("a", "Voters in 2009 approved a $3 million bond to buy the block.")
    b = _art("b", "In 2011, Palmer voters approved a bond measure to buy the block.")
    found = [c.evidence for c in find_conflicts([a, b]) if c.kind == "dates"]
    assert found and "2009" in found[0] and "2011" in found[0], found
    c = _art("c", "In 2011, Palmer voters approved a school levy.")
    assert not [x for x in find_conflicts([a, c]) if x.kind == "dates"]


def test_a_utc_time_is_read_on_the_story_clock() -> None:
    """Jakarta keeps UTC+7: "0737 GMT" is 14:37 there, so "7:37 a.m. local time" is another time,
    and "2:40 p.m. local time" the same one."""
    a = _art("a", "The earthquake hit the coast near Jakarta at 0737 GMT on Tuesday, the agency said.")
    b = _art("b", "The earthquake hit the coast near Jakarta at 7:37 a.m. local time on Tuesday.")
    c = _art("c", "The earthquake hit the coast near Jakarta at 2:40 p.m. local time on Tuesday.")
    found = _times(find_conflicts([a, b]))
    assert found and "0737 GMT (14:37 local)" in found[0], found
    assert not _times(find_conflicts([a, c]))


def test_a_utc_time_and_an_unknown_clock_are_not_compared() -> None:
    """Places of two clocks named as often (Jakarta, UTC+7, and Athens): the story's clock is unknown."""
    a = _art("a", "The earthquake hit the coast near Jakarta at 0737 GMT on Tuesday, officials in Athens said.")
    b = _art("b", "The earthquake hit the coast near Jakarta at 7:37 a.m. local time on Tuesday, officials in Athens said.")
    assert not _times(find_conflicts([a, b]))


def test_the_event_verb_right_before_the_time() -> None:
    """"..., and took place at 7:37": the time's own verb tells the event, not the main predicate."""
    a = _art("a", "The epicentre was 50 kilometres from Jakarta, and the quake took place at 7:37 a.m. local time on Tuesday.")
    b = _art("b", "The earthquake hit the coast near Jakarta at 8:10 a.m. local time on Tuesday.")
    found = _times(find_conflicts([a, b]))
    assert found and "7:37" in found[0] and "8:10" in found[0], found


def test_story_offset_follows_summer_time_and_most_articles() -> None:
    assert story_offset([{"london"}], "2024-07-01") == 60
    assert story_offset([{"london"}], "2024-01-15") == 0
    assert story_offset([{"jakarta"}, {"jakarta", "athens"}, {"jakarta"}], "2024-01-15") == 7 * 60
    assert story_offset([{"jakarta"}, {"athens"}], "2024-01-15") is None  # two clocks, as many articles each
    assert story_offset([{"atlantis"}], "2024-01-15") is None


def test_a_clock_hours_apart_on_every_reading_is_another_event() -> None:
    early = EventTime(7 * 60 + 30, 5, "", "7:30 a.m.")
    late = EventTime(9 * 60 + 27, 5, "", "9:27 a.m.")
    assert not times_conflict(early, late)
    utc = EventTime(7 * 60 + 37, 5, "utc", "0737 GMT")
    local = EventTime(7 * 60 + 37, 5, "local", "7:37 AM local time")
    assert times_conflict(utc, local, 7 * 60) and not times_conflict(utc, local, None)
