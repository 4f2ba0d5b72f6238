"""One event's weekday, told differently by two sources: the weekday is compared by the name each
article writes, also where the page has no publication date to resolve it against. And what is not
a conflict: two events of one kind, another verb's day, a night told from both sides, the day a
statement was made, a day planned, a hedged report, a count of victims, one source's two sentences."""

from __future__ import annotations

from link_support import make_article, two_outlets_conflicts

from newstrace.link.conflicts import find_conflicts
from newstrace.link.event_dates import EventDate, dates_conflict, day_answer, event_date
from newstrace.link.statements import claim_statements


def _reasons(x: str, y: str, published: str | None = None) -> list[str]:
    return [c.evidence for c in two_outlets_conflicts(x, y, "dates", published)]


def test_two_weekdays_of_one_arrest_conflict_without_a_publication_date() -> None:
    found = _reasons("The smuggler was detained on Thursday, a customs officer said.", "The smuggler was detained Friday.")
    assert found == ["different dates: Thursday vs Friday"], found
    # the active and the passive tell one detention
    found = _reasons("Customs agents detained the smuggler on Thursday.", "The smuggler was detained Saturday.")
    assert found == ["different dates: Thursday vs Saturday"], found


def test_two_weekdays_conflict_by_name_with_a_publication_date() -> None:
    found = _reasons("The smuggler was detained on Thursday.", "The smuggler was detained on Monday.", published="2011-03-15")
    assert found == ["different dates: Thursday vs Monday"], found


def test_the_same_weekday_agrees() -> None:
    assert not _reasons("The smuggler was detained on Thursday.", "Customs agents detained the smuggler Thursday morning.")


def test_a_night_told_from_both_sides_is_no_conflict() -> None:
    """"Thursday night" and "early Friday" may be one hour around midnight."""
    assert not _reasons("The smuggler was detained late Thursday night.", "The smuggler was detained early Friday.")
    # two days apart is not explained by a night
    assert _reasons("The smuggler was detained late Thursday night.", "The smuggler was detained early Saturday.")


def test_two_events_of_one_kind_are_not_compared() -> None:
    # two people detained
    assert not _reasons("The smuggler was detained on Thursday.", "The pilot was detained on Monday.")
    # another verb: the charge and the detention fall on different days
    assert not _reasons("The smuggler was charged on Thursday.", "The smuggler was detained on Monday.")
    # a count of victims says how many, not which: two quakes' dead are two events
    assert not _reasons("On Saturday, more than a dozen people were killed by a quake.", "Ten people were killed by a quake on Sunday.")


def test_the_day_a_statement_was_made_is_not_the_events() -> None:
    """A sentence giving the day it was said and the day of the event names two days: it does not
    say which is the event's on its own, and the detention's day told by the quote is read apart."""
    published = "2011-03-16"  # a Wednesday: the article's own day
    assert not _reasons(
        "Police said Wednesday that the smuggler was detained Tuesday.", "The smuggler was detained on Tuesday.", published=published
    )


def test_a_planned_or_hedged_day_is_not_a_day_that_happened() -> None:
    assert not _reasons("The smuggler will be sentenced on Friday.", "The smuggler was sentenced on Monday.")
    assert not _reasons("The smuggler may have been detained on Thursday.", "The smuggler was detained on Monday.")


def test_one_sources_two_sentences_are_not_a_conflict() -> None:
    a = make_article("a", "The smuggler was detained on Thursday. Later reports said the smuggler was detained on Monday.", site="a.org", claims=True)
    assert not [c for c in find_conflicts([a]) if c.kind == "dates"]


def test_a_weekday_without_a_value_is_read_by_its_name() -> None:
    a = make_article("a", "The smuggler was detained on Thursday.", claims=True)
    s = next(s for s in claim_statements(a) if s.claim is not None)
    d = event_date(a, s)
    assert d is not None and d.weekday == 3 and day_answer(d) == "Thursday", d


def test_weekday_rules() -> None:
    thursday = EventDate("XXXX-XX-XX", False, False, "Thursday", weekday=3)
    friday = EventDate("XXXX-XX-XX", False, False, "Friday", weekday=4)
    friday_night = EventDate("XXXX-XX-XX", False, True, "Friday night", weekday=4)
    sunday = EventDate("XXXX-XX-XX", False, False, "Sunday", weekday=6)
    monday = EventDate("XXXX-XX-XX", False, False, "Monday", weekday=0)
    assert dates_conflict(thursday, friday) and not dates_conflict(thursday, thursday)
    assert not dates_conflict(thursday, friday_night) and dates_conflict(sunday, thursday)
    assert dates_conflict(sunday, friday_night)  # two days apart
    assert not dates_conflict(sunday, EventDate("XXXX-XX-XX", False, True, "Monday night", weekday=0))  # across the week's end
    assert dates_conflict(sunday, monday)


def test_a_persons_death_or_disappearance_has_one_year() -> None:
    """What befalls a person once is dated without an object: two years of it are one event's."""
    found = _reasons("In 1961, Alvarez disappeared from public life.", "Alvarez suddenly disappeared from public life in 1962.")
    assert found == ["different dates: 1961 vs 1962"], found
    assert _reasons("Alvarez died on Thursday.", "Alvarez died on Saturday.")
    # a wedding or a show may happen many times; a pronoun names no one across articles; two people
    assert not _reasons("Alvarez married in 1961.", "Alvarez married in 1965.")
    assert not _reasons("Alvarez performed in 1961.", "Alvarez performed in 1965.")
    assert not _reasons("He died in 1961.", "He died in 1962.")
    assert not _reasons("Ruiz died in 1961.", "Alvarez died in 1962.")
    assert not _reasons("Alvarez may have disappeared in 1961.", "Alvarez disappeared in 1962.")


def test_an_event_named_by_a_noun_is_dated_too() -> None:
    """"Alvarez's arrest on Thursday" tells the arrest "police arrested Alvarez" tells."""
    found = _reasons("Her lawyer confirmed Alvarez's arrest on Thursday.", "Police arrested Alvarez on Saturday.")
    assert found == ["different dates: Thursday vs Saturday"], found
    found = _reasons("Her lawyer protested the arrest of Maria Alvarez on Thursday.", "Maria Alvarez was arrested Saturday.")
    assert found == ["different dates: Thursday vs Saturday"], found
    found = _reasons("The Thursday arrest of Maria Alvarez angered her family.", "Police arrested Maria Alvarez on Saturday.")
    assert found == ["different dates: Thursday vs Saturday"], found


def test_a_noun_event_of_another_kind_person_or_occasion_is_not_compared() -> None:
    # another verb, another person, another arrest of the same person, a day that agrees, a denial
    assert not _reasons("Her lawyer confirmed Alvarez's arrest on Thursday.", "Police questioned Alvarez on Saturday.")
    assert not _reasons("Her lawyer confirmed Ruiz's arrest on Thursday.", "Police arrested Alvarez on Saturday.")
    assert not _reasons("Her lawyer recalled Alvarez's first arrest on Thursday.", "Police arrested Alvarez on Saturday.")
    assert not _reasons("Her lawyer confirmed Alvarez's arrest on Saturday.", "Police arrested Alvarez Saturday morning.")
    assert not _reasons("Her lawyer denied Alvarez's arrest on Thursday.", "Police arrested Alvarez on Saturday.")
    assert not _reasons("Her lawyer expects Alvarez's release on Thursday.", "Alvarez will be released on Saturday.")


def test_a_weekday_weeks_from_the_other_date_is_another_occasion() -> None:
    """Two articles years apart: "was fired March 2" (2005) and "on Saturday, he was fired" (2008,
    resolved against its own day) are two firings, not one told two ways."""
    a = make_article("a", "Cheng was fired March 2 after four seasons as coach.", site="a.org", published="2005-03-20", claims=True)
    b = make_article("b", "On Saturday, Cheng was fired as head coach.", site="b.org", published="2008-12-14", claims=True)
    assert not [c for c in find_conflicts([a, b]) if c.kind == "dates"]
    # the same two sentences published days apart are one firing told two ways (2 March 2008 was a Sunday)
    a = make_article("a", "Cheng was fired March 5 after four seasons as coach.", site="a.org", published="2008-03-08", claims=True)
    b = make_article("b", "On Saturday, Cheng was fired as head coach.", site="b.org", published="2008-03-09", claims=True)
    assert [c for c in find_conflicts([a, b]) if c.kind == "dates"]


def test_two_quakes_days_are_not_compared() -> None:
    assert not _reasons("The 4.2-magnitude earthquake was recorded on Sunday.", "The 4.6-magnitude earthquake was recorded on Thursday.")


def test_a_weekday_no_publication_date_places_is_not_set_against_a_date() -> None:
    """Without its article's day, "on Saturday" may be of any week: against "March 2" (a Wednesday
    in 2005) it says nothing; against another weekday it still does."""
    a = make_article("a", "Cheng was fired March 2 after four seasons as coach.", site="a.org", published="2005-03-20", claims=True)
    b = make_article("b", "On Saturday, Cheng was fired as head coach.", site="b.org", claims=True)
    assert not [c for c in find_conflicts([a, b]) if c.kind == "dates"]
    assert _reasons("On Saturday, Cheng was fired as head coach.", "Cheng was fired on Wednesday.")
