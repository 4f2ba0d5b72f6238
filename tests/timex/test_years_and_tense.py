"""Which year a date written without one takes: the report's tense, schedules, the story's own year,
the weekday written with it; and the expressions news writes around them (issue 13)."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.timex import tag_timexes


def tx(text: str, dct: date | None) -> list[tuple[str, str | None]]:
    return [(t.span.text(text), t.value) for t in tag_timexes(text, dct)]


AUG_8 = date(2024, 8, 8)  # a Thursday


@pytest.mark.parametrize(
    "text, expected",
    [
        # What happened is not after the report: 60 days ahead is still last October.
        ("Israel has fought in Gaza since the Oct. 7 attacks.", [("Oct. 7", "2023-10-07")]),
        ("The war began after the Oct. 7 attacks, in which 1,200 people were killed.", [("Oct. 7", "2023-10-07")]),
        ("Hamas attacked Israel on Oct. 7, killing 1,200 people.", [("Oct. 7", "2023-10-07")]),
        # Schedules and deadlines that a report announces stay ahead.
        ("The vote is set for Oct. 7.", [("Oct. 7", "2024-10-07")]),
        ("He gave no reason for the Oct. 7 deadline.", [("Oct. 7", "2024-10-07")]),
        ("The offer was extended to Oct. 7.", [("Oct. 7", "2024-10-07")]),
        ("The contract may be signed on Oct. 7, officials said.", [("Oct. 7", "2024-10-07")]),
        ("A dividend of 5 cents was declared, payable Oct. 7.", [("Oct. 7", "2024-10-07")]),
    ],
)
def test_past_events_are_not_after_the_report(text: str, expected: list[tuple[str, str]]) -> None:
    assert tx(text, AUG_8) == expected


def test_the_story_year_written_in_the_text_holds() -> None:
    sep_2025 = date(2025, 9, 3)
    text = "Riots broke out on July 6, 2021, in the capital. On July 8, police arrested 40 people."
    assert tx(text, sep_2025)[-1] == ("July 8", "2021-07-08")
    text = "The riots of July 2021 began on July 8 when protesters stormed the town hall."
    assert tx(text, sep_2025)[-1] == ("July 8", "2021-07-08")
    text = "Riots broke out in July 2021. Two days later, on July 8, police arrested 40 people."
    assert tx(text, sep_2025)[-1] == ("July 8", "2021-07-08")
    # A date that names an event in passing, or a bare year, does not set the story's year.
    text = "Two were charged in the Dec. 21, 1988, bombing. Gadhafi agreed in April to hand them over."
    assert tx(text, date(1999, 6, 7))[-1] == ("April", "1999-04")
    text = "Sales have grown since its launch in 2003, and as of February it leads the market."
    assert tx(text, date(2008, 4, 8))[-1] == ("February", "2008-02")


def test_a_weekday_written_with_the_date_picks_the_year() -> None:
    # Oct. 26 fell on a Monday in 1998: said the day before, it is the next day.
    assert tx("The Times said in an editorial on Monday, Oct. 26, that ...", date(1998, 10, 25)) == [
        ("Monday, Oct. 26", "1998-10-26")
    ]


def test_weekdays_next_to_weeks() -> None:
    wed = date(2024, 10, 16)
    assert tx("The drills run until Wednesday next week.", wed) == [("Wednesday next week", "2024-10-23")]
    assert tx("The vessel was hit on Friday last week.", wed) == [("Friday last week", "2024-10-11")]
    # "last Monday" said on a Tuesday is the week before: yesterday would be "yesterday" or "Monday".
    assert tx("Last Monday, Trump agreed to pause tariffs.", date(2025, 2, 11)) == [("Last Monday", "2025-02-03")]
    assert tx("Last Tuesday, Trump agreed to pause tariffs.", date(2000, 2, 24)) == [("Last Tuesday", "2000-02-22")]


def test_parts_of_the_year() -> None:
    jun_5 = date(2026, 6, 5)
    assert tx("It reverses the losses observed earlier in the year.", jun_5) == [("earlier in the year", "2026")]
    assert tx("Traders price in two hikes for the remainder of this year.", jun_5) == [("the remainder of this year", "2026")]
    assert tx("Strava will add dark mode later this summer.", date(2024, 5, 16)) == [("later this summer", "2024-SU")]
    assert tx("In 2021, sales fell. Later in the year they recovered.", jun_5)[-1] == ("Later in the year", "2021")
    # "this year's session" is a session, not the year's remainder.
    assert tx("He was banned for the remainder of this year's session.", jun_5) == [("this year", "2026")]


def test_a_month_that_modifies_a_noun() -> None:
    jun_5 = date(2026, 6, 5)
    assert tx("The May report beat expectations.", jun_5) == [("May", "2026-05")]
    assert tx("May's jobs data was strong.", jun_5) == [("May", "2026-05")]
    # ... unless the text names someone May.
    assert tx("Theresa May spoke. May's deal failed.", jun_5) == []


def test_quarters_and_durations() -> None:
    jun_5 = date(2026, 6, 5)
    assert tx("a rebound following two quarters of contraction", jun_5) == [("two quarters", "P2Q")]
    assert tx("three quarters of the vote", jun_5) == []
    assert tx("the licence was extended for a further 10 years", jun_5) == [("a further 10 years", "P10Y")]
    assert tx("Dividends are paid every quarter.", jun_5) == [("every quarter", "P3M")]
    assert tx("Sales in the 1988 third quarter rose.", jun_5) == [("the 1988 third quarter", "1988-Q3")]
