"""A person's age grows between statements: ages of one person given months apart are both true;
given the same week they conflict (link/ages.py)."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.ages import grown_apart, years_between
from newstrace.link.conflicts import find_conflicts
from newstrace.model import Article, Conflict


def _art(aid: str, text: str, published: str | None) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published=published, claims=True)


def _ages(found: list[Conflict]) -> list[str]:
    return [c.evidence for c in found if "ages" in c.evidence]


_HEARING = "Ventner appears in court\n\nThe 54-year-old Marcus Ventner told the judge he needed more time to find a lawyer."
_VERDICT = "Ventner convicted\n\nMarcus Ventner, 55, was convicted on Thursday of fraud by a jury in Dover."


def test_ages_of_one_man_a_year_apart_are_both_true() -> None:
    found = find_conflicts([_art("h", _HEARING, "2010-03-02"), _art("v", _VERDICT, "2011-04-14")])
    assert not _ages(found), _ages(found)


def test_ages_of_one_man_the_same_week_conflict() -> None:
    found = find_conflicts([_art("h", _HEARING, "2011-04-12"), _art("v", _VERDICT, "2011-04-14")])
    assert _ages(found), [c.evidence for c in found]


def test_ages_of_one_man_in_undated_articles_conflict() -> None:
    found = find_conflicts([_art("h", _HEARING, None), _art("v", _VERDICT, None)])
    assert _ages(found), [c.evidence for c in found]


def test_an_undated_statement_may_be_from_any_time_the_story_covers() -> None:
    plea = "Ventner pleads\n\nMarcus Ventner pleaded not guilty to fraud in January."
    found = find_conflicts([_art("h", _HEARING, None), _art("v", _VERDICT, "2011-04-14"), _art("p", plea, "2010-12-01")])
    assert not _ages(found), _ages(found)
    # a story of one week: the undated one is of that week too
    found = find_conflicts([_art("h", _HEARING, None), _art("v", _VERDICT, "2011-04-14"), _art("p", plea, "2011-04-13")])
    assert _ages(found), [c.evidence for c in found]


def test_years_between() -> None:
    assert years_between("2011-04-12", "2011-04-14") == 0
    assert years_between("2010-12-20", "2011-08-10") == 1
    assert years_between("2008-01-05", "2011-02-01") == 4  # three years and a month: up to four birthdays
    assert years_between(None, "2011-08-10") == 0  # no story dates: one time
    assert years_between(None, "2011-08-10", ("2011-01-03", "2011-08-10")) == 1
    assert years_between(None, None, ("2011-08-01", "2011-08-10")) == 0
    assert years_between("not a date", "2011-08-10") == 0


def test_grown_apart() -> None:
    assert grown_apart(54, 54, 55, 55, 1)
    assert not grown_apart(54, 54, 55, 55, 0)
    assert not grown_apart(53, 53, 55, 55, 1)
    assert grown_apart(30, 35, 36, 36, 1)  # a range a year short of the other age
    assert not grown_apart(None, None, 36, 36, 1)
