"""When one lasting thing began, told two ways ("began in July" against "has raged since June"),
and a month of one event told two ways ("in May 2009" against "in April 2009"); and what is no
conflict: the same start told both ways, a bound of the start ("since at least June"), two
different things, a month against a day inside it, one article's own narration, a plan."""

from __future__ import annotations

from link_support import make_article, two_outlets_conflicts

from newstrace.link.conflicts import find_conflicts
from newstrace.link.event_dates import EventDate, dates_conflict, readable


def _reasons(x: str, y: str) -> list[str]:
    return [c.evidence for c in two_outlets_conflicts(x, y, "dates")]


# --- a start told as a beginning and as "since" -------------------------------------------------


def test_began_against_since_of_one_thing_conflicts() -> None:
    found = _reasons("The blockade began in October, a minister said.", "The blockade has lasted since September.")
    assert found == ["different dates: October vs September"], found


def test_a_perfect_progressive_since_dates_its_own_activity() -> None:
    """"protesters have been marching since May": the marching began in May."""
    found = _reasons("The marching began in April, organisers said.", "Students joined the square, where protesters have been marching since May.")
    assert found == ["different dates: April vs May"], found


def test_a_relative_clause_gives_its_start() -> None:
    found = _reasons("The valley, where the flooding has persisted since March, is closed.", "The flooding started in February.")
    assert found == ["different dates: March vs February"], found


def test_the_same_start_told_both_ways_agrees() -> None:
    assert not _reasons("The blockade began in September.", "The blockade has lasted since September.")
    assert not _reasons("The blockade began on 4 September 2009.", "The blockade has lasted since September 4, 2009.")


def test_since_at_least_bounds_the_start_and_gives_none() -> None:
    assert not _reasons("The blockade began in October.", "The blockade has lasted since at least September.")
    assert not _reasons("The blockade began in October.", "The blockade has lasted since before September.")
    # early in the month is still the month
    assert not _reasons("The blockade began in September.", "The blockade has lasted since early September.")


def test_two_different_things_are_not_compared() -> None:
    assert not _reasons("The blockade began in October.", "The negotiations have dragged on since September.")
    assert not _reasons("The marching began in April.", "Diplomats have been meeting since May.")


def test_a_month_against_a_day_inside_it_agrees() -> None:
    assert not _reasons("The blockade began in September.", "The blockade has lasted since September 4.")
    assert not _reasons("The blockade began on September 4.", "The blockade has lasted since September.")


def test_a_planned_start_is_not_a_start() -> None:
    assert not _reasons("The blockade will begin in October.", "The blockade has lasted since September.")
    assert not _reasons("The blockade is expected to start in October.", "The blockade began in September.")


def test_one_articles_own_narration_is_not_set_against_itself() -> None:
    a = make_article("a", "The blockade began in October. The blockade has lasted since September.", site="a.org", published="2011-03-15", claims=True)
    assert not [c for c in find_conflicts([a]) if c.kind == "dates"]


# --- months of one event ----------------------------------------------------------------------


def test_two_months_of_one_event_conflict() -> None:
    found = _reasons("The tribunal dismissed the appeal in May 2009, his lawyer said.", "The tribunal dismissed the appeal in April 2009.")
    assert found == ["different dates: May 2009 vs April 2009"], found


def test_one_month_written_two_ways_agrees() -> None:
    assert not _reasons("The tribunal dismissed the appeal in May 2009.", "The tribunal dismissed the appeal in May, 2009.")


def test_a_month_is_not_set_against_a_day_or_a_month_without_its_year() -> None:
    assert not _reasons("The tribunal dismissed the appeal in May 2009.", "The tribunal dismissed the appeal on May 20, 2009.")
    assert not _reasons("The tribunal dismissed the appeal in May 2009.", "The tribunal dismissed the appeal on June 20, 2009.")
    assert not _reasons("The tribunal dismissed the appeal in May.", "The tribunal dismissed the appeal in April.")


def test_months_of_other_events_or_plans_are_not_compared() -> None:
    assert not _reasons("The tribunal dismissed the appeal in May 2009.", "The tribunal heard the appeal in April 2009.")
    assert not _reasons("The tribunal dismissed the appeal in May 2009.", "The tribunal will dismiss the appeal in April 2009.")


def test_month_rules() -> None:
    may = EventDate("2009-05", True, False, "May 2009", month=True)
    april = EventDate("2009-04", True, False, "April 2009", month=True)
    may_2010 = EventDate("2010-05", True, False, "May 2010", month=True)
    may_alone = EventDate("2010-05", False, False, "May", month=True)
    day = EventDate("2009-05-20", True, False, "May 20, 2009")
    assert dates_conflict(may, april) and dates_conflict(may, may_2010)
    assert not dates_conflict(may, may_alone)  # the year is written on one side only
    assert not dates_conflict(may, day) and not dates_conflict(day, april)
    assert readable(may) == "May 2009" and readable(may_alone) == "May"


def test_a_gerund_read_as_the_verb_still_names_what_began() -> None:
    """"Since shelling between the two armies began in May, ...": the parse may take "shelling"
    for the clause's verb; the shelling is what began."""
    found = _reasons("Since shelling between the two armies began in May, thousands have fled, the agency said.", "The shelling has continued since April.")
    assert found == ["different dates: May vs April"], found
    assert not _reasons("Since shelling between the two armies began in May, thousands have fled.", "The shelling has continued since May.")


def test_a_start_the_parse_cut_short_is_read_from_the_words() -> None:
    """A long subject between the gerund and "began" ("Since shelling between the army and the
    Northern Front - South, or NF - S, began in May, ..."): the gerund names what began."""
    long = "Since shelling between the army and the Northern Front - South, or NF - S, began in May, thousands of civilians have fled the province."
    found = _reasons(long, "The village lies in the hills where rebels have been shelling the army since April.")
    assert found == ["different dates: May vs April"], found
    assert not _reasons(long, "The village lies in the hills where rebels have been shelling the army since May.")
    assert not _reasons(long, "The village lies in the hills where envoys have been meeting the army since April.")
