"""Spans TimeML draws and dates anchored on events (issue 13), on made-up sentences."""

from __future__ import annotations

from datetime import date

from newstrace.timex import tag_timexes

DCT = date(2024, 4, 3)  # a Wednesday


def tx(text: str, dct: date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.span.text(text), t.type, t.value) for t in tag_timexes(text, dct)]


class TestTheDayBeforeAnEvent:
    """ "the day after the attack" counts from the attack's date when the text gives it, else has no
    value; the publication date is never taken for the event's. TimeML marks "the day"."""

    def test_event_with_a_date_elsewhere(self) -> None:
        text = "The attack on March 22 killed 140 people. The day after the attack, Putin spoke."
        assert ("The day", "DATE", "2024-03-23") in tx(text)

    def test_event_named_by_its_date(self) -> None:
        text = "Putin spoke the day after the March 22 attack."
        assert tx(text)[0] == ("the day after the March 22 attack", "DATE", "2024-03-23")

    def test_event_without_a_date_is_left_unresolved(self) -> None:
        assert tx("Putin spoke the day after the attack.") == [("the day", "DATE", None)]

    def test_a_clause_names_the_event(self) -> None:
        # Before: the day before the publication date.
        assert tx("The day before Roth was pulled over, he called his son.") == [("The day", "DATE", None)]

    def test_an_apposed_date_is_the_day_itself(self) -> None:
        text = "He was last seen Nov. 3, the day before the police issued a warrant."
        assert tx(text) == [("Nov. 3", "DATE", "2023-11-03"), ("the day", "DATE", "2023-11-03")]

    def test_standing_alone_it_counts_from_the_story(self) -> None:
        text = "They met on Monday. The day before, he had resigned."
        assert tx(text) == [("Monday", "DATE", "2024-04-01"), ("The day before", "DATE", "2024-03-31")]

    def test_before_a_relative_date(self) -> None:
        got = tx("The day before last Tuesday's hearing, they met.")
        assert got[0] == ("The day before last Tuesday", "DATE", "2024-03-25")


class TestOffsetsFromAnEvent:
    def test_from_the_date_the_text_gives_the_event(self) -> None:
        text = "The riots broke out on July 6, 2021. Two days after the riots, the president spoke."
        assert tx(text, date(2025, 1, 10))[-1] == ("Two days after the riots", "DATE", "2021-07-08")

    def test_without_one_the_quantity_alone(self) -> None:
        # TimeML's reading: a DURATION, and no date guessed from the publication date.
        assert tx("Two years before the invasion, Putin warned the West.") == [("Two years", "DURATION", "P2Y")]

    def test_standing_alone_it_counts_from_the_story(self) -> None:
        text = "The company was founded in 2010. Two years before, its owner had gone bankrupt."
        assert tx(text)[-1] == ("Two years before", "DATE", "2008")

    def test_the_week_after_an_event(self) -> None:
        text = "The vote on March 10 was close. The week after the vote, he resigned."
        assert tx(text)[-1] == ("The week", "DATE", "2024-W11")
        assert tx("The week after the vote, he resigned.") == [("The week", "DATE", None)]


def test_a_difference_between_times_is_a_duration() -> None:
    # "a month earlier than usual" is no date a month back: TimeML marks the quantity alone.
    assert tx("The flu season started about a month earlier than usual.") == [("a month", "DURATION", "P1M")]
    assert tx("He arrived two days later than planned.") == [("two days", "DURATION", "P2D")]
    assert tx("The season started a month earlier.")[0][1:] == ("DATE", "2024-03")


def test_an_unstated_number_of_units() -> None:
    assert tx("The plane landed minutes before Air Force One departed.") == [("minutes", "DURATION", "PTXM")]
    assert tx("It set the record days before he underwent surgery.") == [("days", "DURATION", "PXD")]
    assert tx("Troops could arrive within weeks.") == [("weeks", "DURATION", "PXW")]
    assert tx("The analysis can take months.") == [("months", "DURATION", "PXM")]
    # A matter of days, the first days after: not a count of days between two events.
    assert tx("It is a matter of days before he is freed.") == []


def test_over_the_next_decade_is_ten_years() -> None:
    assert tx("Sales will double over the next decade.") == [("the next decade", "DURATION", "P10Y")]
    assert tx("Over the following decade BP received $19bn.") == [("the following decade", "DURATION", "P10Y")]
    # The calendar decade is written with its years.
    assert tx("Sales will double in the 2030s.") == [("the 2030s", "DATE", "203")]
