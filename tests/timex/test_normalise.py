"""General rules of the tagger, one behaviour per test, on made-up sentences."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.timex import tag_timexes

DCT = date(2024, 4, 3)  # a Wednesday


def tx(text: str, dct: date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.span.text(text), t.type, t.value) for t in tag_timexes(text, dct)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The deal was signed on March 22, 2019.", [("March 22, 2019", "DATE", "2019-03-22")]),
        ("It opened on 5 May 2021.", [("5 May 2021", "DATE", "2021-05-05")]),
        ("Filed 2023-11-02 in court.", [("2023-11-02", "DATE", "2023-11-02")]),
        ("Sales fell in January.", [("January", "DATE", "2024-01")]),
        ("Sales fell last month.", [("last month", "DATE", "2024-03")]),
        ("Talks resume next week.", [("next week", "DATE", "2024-W15")]),
        ("Results for the first quarter were weak.", [("the first quarter", "DATE", "2024-Q1")]),
        ("He was born in the 1990s.", [("the 1990s", "DATE", "199")]),
        ("They met yesterday.", [("yesterday", "DATE", "2024-04-02")]),
        ("Prices are rising now.", [("now", "DATE", "PRESENT_REF")]),
        ("The strike lasted three days.", [("three days", "DURATION", "P3D")]),
        ("a five-year plan", [("five-year", "DURATION", "P5Y")]),
        ("He waited half an hour.", [("half an hour", "DURATION", "PT30M")]),
        ("The fund grew 3% a year.", [("a year", "SET", "P1Y")]),
        ("The paper is printed daily.", [("daily", "SET", "P1D")]),
        ("The blast came at 2:30 p.m. that day.", [("2:30 p.m.", "TIME", "2024-04-03T14:30")]),
        ("They left two years ago.", [("two years ago", "DATE", "2022")]),
        ("It happened in mid-2019.", [("mid-2019", "DATE", "2019")]),
    ],
)
def test_values(text: str, expected: list) -> None:
    assert tx(text) == expected


def test_weekday_follows_tense() -> None:
    assert tx("Officials met on Friday.") == [("Friday", "DATE", "2024-03-29")]
    assert tx("Officials will meet on Friday.") == [("Friday", "DATE", "2024-04-05")]


def test_same_day_weekday_in_past_report_is_today() -> None:
    assert tx("He said Wednesday that it was over.") == [("Wednesday", "DATE", "2024-04-03")]


def test_month_day_without_year_takes_nearest_year_by_tense() -> None:
    assert tx("The attack happened on December 5.") == [("December 5", "DATE", "2023-12-05")]
    assert tx("The vote will be held on December 5.") == [("December 5", "DATE", "2024-12-05")]


def test_event_anchored_offset_keeps_both_timexes() -> None:
    text = "He spoke two days before the May 9 parade."
    got = tag_timexes(text, DCT)
    assert [(t.span.text(text), t.value) for t in got] == [
        ("two days before the May 9 parade", "2024-05-07"),
        ("May 9", "2024-05-09"),
    ]
    assert got[0].anchor == "timex:1"


def test_narrative_anchor_a_day_later() -> None:
    text = "The siege began on March 3, 2020. A day later the town fell."
    assert tx(text, None)[-1] == ("A day later", "DATE", "2020-03-04")


def test_mod_more_than() -> None:
    (t,) = tag_timexes("It took more than two years.", DCT)
    assert (t.value, t.mod) == ("P2Y", "MORE_THAN")


class TestNoInventedYears:
    def test_month_day_without_dct(self) -> None:
        assert tx("It opened on March 22.", None) == [("March 22", "DATE", "XXXX-03-22")]

    def test_weekday_without_dct(self) -> None:
        assert tx("It opened on Tuesday.", None) == [("Tuesday", "DATE", None)]

    def test_relative_without_dct(self) -> None:
        assert tx("Sales fell last month.", None) == [("last month", "DATE", None)]

    def test_year_given_elsewhere_in_the_text(self) -> None:
        text = "The attack of March 22, 2024 shocked Moscow. Since March 22 the venue is closed."
        assert [v for _, _, v in tx(text, None)] == ["2024-03-22", "2024-03-22"]


def test_possessive_weekday_is_past() -> None:
    # DCT is a Wednesday; "would" points forward, but "Monday's ruling" has already happened.
    assert tx("They said they would appeal Monday's ruling.") == [("Monday", "DATE", "2024-04-01")]


def test_deadline_weekday_is_ahead() -> None:
    # "gave ... until Friday" sets a deadline: the coming Friday despite the past tense.
    assert tx("The court gave them until Friday to respond.") == [("Friday", "DATE", "2024-04-05")]
    assert tx("Until Friday, they had not been charged.", date(2024, 4, 6)) == [("Friday", "DATE", "2024-04-05")]


def test_second_year_comparison_names_the_same_period() -> None:
    text = ("Third-quarter profit rose to $5 million from $4 million a year ago. "
            "Sales were $9 million, up from $8 million a year earlier.")
    got = tx(text, date(1989, 10, 26))
    assert ("a year ago", "DATE", "1988-Q3") in got
    assert ("a year earlier", "DATE", "1988-Q3") in got


def test_same_period_last_year_is_one_expression() -> None:
    text = "Net rose in the third quarter, compared with a loss in the same period last year."
    got = tx(text, date(1989, 10, 26))
    assert ("the same period last year", "DATE", "1988-Q3") in got


def test_year_ended_is_a_duration() -> None:
    got = tx("For the year ended June 30, net was $3 million.", date(1989, 10, 26))
    assert got[0] == ("the year", "DURATION", "P1Y")


def test_adjectival_quantity_leaves_article_out() -> None:
    assert tx("Stocks hit a five year low.") == [("five year", "DURATION", "P5Y")]


def test_market_day() -> None:
    assert tx("The index ended the day at 7,114.") == [("the day", "DATE", "2024-04-03")]


def test_final_quarter_of_year() -> None:
    assert tx("Sales slowed in the final quarter of 2009.") == [("the final quarter of 2009", "DATE", "2009-Q4")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The quake struck at 0737 GMT.", [("0737 GMT", "TIME", "2024-04-03T07:37Z")]),
        ("Trading stopped at 1430 UTC on Wednesday.", [("1430 UTC", "TIME", "2024-04-03T14:30Z"), ("Wednesday", "DATE", "2024-04-03")]),
        ("The curfew starts at 2200 local time.", [("2200 local time", "TIME", "2024-04-03T22:00")]),
    ],
)
def test_four_digit_clock_with_a_zone(text: str, expected: list) -> None:
    """The wire agencies' "0737 GMT": a time of day, in UTC when the zone says so."""
    assert tx(text) == expected


@pytest.mark.parametrize("text", ["The 1999 UTC standard was revised.", "Some 1430 workers signed.", "Room 2360 GMT house"])
def test_four_digits_without_a_zone_or_out_of_range_are_no_clock(text: str) -> None:
    assert not [t for t in tx(text) if t[1] == "TIME"]
