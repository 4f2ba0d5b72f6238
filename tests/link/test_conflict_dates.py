"""One event's calendar day, a prison term or an event's length, given two ways by two sources;
and what is not a conflict: a weekday against a date, a night's event a day apart, a bound of a
period, another event's day, time served against the term, a demand against the sentence."""

from __future__ import annotations

import pytest
from link_support import two_outlets_conflicts

from newstrace.link.durations import Duration, _days
from newstrace.link.durations import conflict as durations_conflict
from newstrace.link.event_dates import EventDate, dates_conflict, readable
from newstrace.model import Conflict


def _pair(x: str, y: str) -> list[Conflict]:
    return two_outlets_conflicts(x, y, "dates")


def _reasons(x: str, y: str) -> list[str]:
    return [c.evidence for c in _pair(x, y)]


# --- calendar dates ---------------------------------------------------------------------------


def test_two_calendar_days_of_one_arrest_conflict() -> None:
    found = _reasons("Agents detained the smuggler on March 9, a customs officer said.", "Agents detained the smuggler on 7 March.")
    assert found == ["different dates: 9 March vs 7 March"], found


def test_a_written_year_is_kept_in_the_reason() -> None:
    found = _reasons("Agents detained the smuggler on Mar. 9, 2011.", "Agents detained the smuggler on 7 March.")
    assert found and "9 March 2011 vs 7 March" in found[0], found


def test_the_same_day_written_two_ways_agrees() -> None:
    assert not _reasons("Agents detained the smuggler on Mar. 9, 2011.", "Agents detained the smuggler on 9 March.")


def test_a_weekday_alone_is_set_against_a_date_by_name_only() -> None:
    """"on Monday" is resolved against the publication date, which may be wrong or late: only the
    weekday it names is compared with the weekday a calendar date falls on."""
    # 9 March 2011 is a Wednesday; published 15 March, "Monday" resolves to 14 March, yet both may hold
    # only if the weekday agrees: Wednesday against Monday is a conflict, Wednesday against Wednesday not
    found = _reasons("Agents detained the smuggler on March 9.", "Agents detained the smuggler on Monday.")
    assert found == ["different dates: 9 March (a Wednesday) vs Monday"], found
    assert not _reasons("Agents detained the smuggler on March 9.", "Agents detained the smuggler on Wednesday.")
    assert not _reasons("Agents detained the smuggler on March 9.", "Agents detained the smuggler yesterday.")
    # a weekday a day from the date's: the outlets may write from two time zones
    assert not _reasons("Agents detained the smuggler on March 9.", "Agents detained the smuggler on Tuesday.")
    assert not _reasons("Agents detained the smuggler on March 9.", "Agents detained the smuggler on Thursday.")


def test_a_night_event_a_day_apart_may_be_both() -> None:
    assert not _reasons("Agents detained the smuggler overnight on March 9.", "Agents detained the smuggler on March 8.")
    assert not _reasons("Agents detained the smuggler at 23:40 GMT on March 9.", "Agents detained the smuggler on March 10.")
    assert not _reasons("Agents detained the smuggler at 11:40 p.m. on March 9.", "Agents detained the smuggler on March 10.")
    # two days apart is not explained by a night
    assert _reasons("Agents detained the smuggler overnight on March 9.", "Agents detained the smuggler on March 6.")


def test_a_bound_of_a_period_is_not_the_event_day() -> None:
    assert not _reasons("Agents detained the smuggler until March 9.", "Agents detained the smuggler on March 4.")
    assert not _reasons("Agents have detained the smuggler since March 2.", "Agents detained the smuggler on March 4.")


def test_another_events_day_is_not_the_verbs() -> None:
    """"for the robbery on March 2" dates the robbery, not the detention; a clause with two days
    does not say which is the event's."""
    assert not _reasons("Agents detained the smuggler on Monday for the robbery on March 2.", "Agents detained the smuggler on March 14.")
    assert not _reasons("Agents detained the smuggler on Monday after the raid on March 2.", "Agents detained the smuggler on March 14.")  # a Monday
    # once the raid's day is set aside, the detention's own day is compared
    assert _reasons("Agents detained the smuggler on March 14, after a raid on March 2.", "Agents detained the smuggler on March 12.")
    assert not _reasons("Agents detained the smuggler between March 2 and March 14.", "Agents detained the smuggler on March 12.")


def test_other_events_or_subjects_are_not_compared() -> None:
    assert not _reasons("Agents detained the smuggler on March 9.", "Agents questioned the smuggler on March 7.")
    assert not _reasons("Agents detained the smuggler on March 9.", "Agents detained the pilot on March 7.")
    assert not _reasons("He detained the smuggler on March 9.", "He detained the smuggler on March 7.")  # "he" names no one across articles


def test_a_planned_date_is_not_a_day_that_happened() -> None:
    assert not _reasons("Agents will question the smuggler on March 19.", "Agents questioned the smuggler on March 12.")


def test_dates_conflict_rules() -> None:
    d9 = EventDate("2011-03-09", False, False, "March 9")
    d8 = EventDate("2011-03-08", False, False, "March 8")
    night = EventDate("2011-03-08", False, True, "March 8")
    assert dates_conflict(d9, d8) and not dates_conflict(d9, night)
    new_year = EventDate("XXXX-01-01", False, True, "1 January")
    eve = EventDate("XXXX-12-31", False, False, "31 December")
    assert not dates_conflict(new_year, eve)  # one day apart across the year's end, at night
    assert dates_conflict(EventDate("2010-03-09", True, False, "9 March 2010"), EventDate("2011-03-09", True, False, "9 March 2011"))
    assert readable(EventDate("2010-03-09", True, False, "Mar. 9, 2010")) == "9 March 2010"


# --- prison terms -----------------------------------------------------------------------------


def test_a_term_against_life_conflicts() -> None:
    found = _reasons("A judge sentenced Ortega to 25 years in prison.", "Ortega was sentenced to life in prison on Friday.")
    assert found and "different prison terms: 25 years vs life" in found[0], found


def test_two_terms_of_one_person_conflict() -> None:
    found = _reasons("Ortega was given a 10-year term.", "Ortega is serving a 12-year term.")
    assert found and "10-year term vs 12-year term" in found[0], found


def test_years_to_life_agrees_with_life() -> None:
    assert not _reasons("Ortega was sentenced to 25 years to life.", "Ortega was sentenced to life.")


def test_time_served_is_not_the_term() -> None:
    assert not _reasons("Ortega has served 11 years of his sentence.", "Ortega was sentenced to 25 years.")
    assert not _reasons("Ortega was released after 11 years in prison.", "Ortega was sentenced to 25 years.")


def test_the_most_a_charge_carries_and_parole_are_not_the_term() -> None:
    assert not _reasons("Ortega faces up to 20 years in prison.", "Ortega was sentenced to 25 years.")
    assert not _reasons("Ortega was sentenced to life, with no parole for 25 years.", "Ortega was sentenced to life.")


def test_a_demand_is_not_a_sentence() -> None:
    assert not _reasons("Prosecutors sought a 30-year sentence for Ortega.", "Ortega was sentenced to 25 years.")


def test_two_peoples_terms_are_not_compared() -> None:
    assert not _reasons("Ortega was sentenced to 25 years.", "Mendez was sentenced to 20 years.")


# --- lengths of the event ---------------------------------------------------------------------


def test_two_lengths_of_one_event_conflict() -> None:
    found = _reasons("The standoff lasted three hours.", "The standoff lasted 90 minutes.")
    assert found == ["different durations: three hours vs 90 minutes"], found


def test_lengths_within_their_precision_agree() -> None:
    assert not _reasons("The standoff lasted about three hours.", "The standoff lasted nearly three hours.")
    assert not _reasons("The standoff lasted three hours.", "The standoff lasted 180 minutes.")
    assert not _reasons("The standoff lasted more than two hours.", "The standoff lasted three hours.")


def test_periods_counted_from_the_event_are_no_length() -> None:
    assert not _reasons("The standoff lasted three hours.", "The standoff ended three hours ago.")
    assert not _reasons("The standoff lasted three hours.", "The standoff lasted in the past two hours.")


@pytest.mark.parametrize(
    ("value", "days"),
    [("P25Y", 25 * 365.25), ("PT90M", 90 / 1440), ("P1Y6M", 365.25 + 6 * 30.44), ("PT3H", 3 / 24), ("PXY", None), ("P", None)],
)
def test_timeml_durations_in_days(value: str, days: float | None) -> None:
    got = _days(value)
    assert (got is None) == (days is None) and (got is None or abs(got - days) < 1e-9)  # type: ignore[operator]


def test_duration_rules() -> None:
    life = Duration("term", float("inf"), float("inf"), "life", "ortega")
    years = Duration("term", 25 * 365.25, 25 * 365.25, "25 years", "ortega")
    to_life = Duration("term", 25 * 365.25, float("inf"), "25 years to life", "ortega")
    assert durations_conflict(life, years) and not durations_conflict(life, to_life)
    seconds = Duration("length", 15 / 86400, 15 / 86400, "15 seconds")
    hours = Duration("length", 3 / 24, 3 / 24, "three hours")
    assert not durations_conflict(seconds, hours)  # an order of magnitude apart: two things


def test_a_duration_given_with_another_thing_is_no_term() -> None:
    """"received a three-day ration" is not a prison term; "got 10 years in prison" is."""
    assert not _reasons("Ortega received a three-day ration.", "Ortega received a five-day ration.")
    found = _reasons("Ortega got 10 years in prison.", "Ortega got eight years in prison.")
    assert found and "10 years vs eight years" in found[0], found


def test_a_passive_clause_tells_the_event_an_active_one_tells() -> None:
    """"the smuggler was detained" is what "agents detained the smuggler" tells, whoever did it."""
    found = _reasons("Agents detained the smuggler on March 9.", "The smuggler was detained on March 7, his lawyer said.")
    assert found == ["different dates: 9 March vs 7 March"], found
    assert not _reasons("Agents detained the smuggler on March 9.", "The pilot was detained on March 7.")
    assert not _reasons("Agents detained the smuggler on March 9.", "He was detained on March 7.")


def test_an_event_that_happens_once_is_dated_without_an_object() -> None:
    found = _reasons("The bomb exploded on 4 March.", "The bomb exploded on March 2.")
    assert found == ["different dates: 4 March vs 2 March"], found
    # officials meet many times: two days of "the officials met" may be two meetings
    assert not _reasons("The officials met on 4 March.", "The officials met on March 2.")


def test_one_counts_term_is_not_the_whole_sentence() -> None:
    """Several crimes, several terms: "10 years for the assault" is not the sentence for the murder."""
    assert not _reasons("Ortega was sentenced to life for the murder.", "Ortega was sentenced to 10 years for the assault.")
    assert not _reasons("Ortega was sentenced to life for the murder.", "Ortega was sentenced to 10 years.")
    assert not _reasons("Ortega was sentenced to 10 years on each count.", "Ortega was sentenced to 30 years.")
    found = _reasons("Ortega was sentenced to life for the murder.", "Ortega was sentenced to 40 years for the murder.")
    assert found and "life vs 40 years" in found[0], found


def test_a_date_naming_a_noun_is_that_things_date() -> None:
    x = "Agents detained the smuggler on March 14 in connection with the March 2 robbery."
    assert not _reasons(x, "Agents detained the smuggler on March 14.")
    found = _reasons(x, "Agents detained the smuggler on March 12.")
    assert found == ["different dates: 14 March vs 12 March"], found
