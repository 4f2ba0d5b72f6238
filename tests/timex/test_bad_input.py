"""Robustness: nothing crashes, and numbers that only look like dates stay numbers."""

from __future__ import annotations

import random
import time
from datetime import date

import pytest

from newstrace.errors import InputError
from newstrace.timex import tag_timexes

DCT = date(2024, 4, 3)


def texts(text: str) -> list[str]:
    return [t.span.text(text) for t in tag_timexes(text, DCT)]


def values(text: str, dct: date | None = DCT) -> list[tuple[str, str, str | None]]:
    return [(t.span.text(text), t.type, t.value) for t in tag_timexes(text, dct)]


def test_impossible_dates_get_no_value() -> None:
    # Recognised as one date that does not exist: no day is invented, and "February" alone is not read.
    assert values("The meeting on February 30 was cancelled.") == [("February 30", "DATE", None)]
    assert values("It was dated 31 April 2021 and 2023-02-29.") == [("31 April 2021", "DATE", None), ("2023-02-29", "DATE", None)]
    assert values("The deal closed on 31 February.") == [("31 February", "DATE", None)]
    assert values("He was born on 29 February 2023, they said.") == [("29 February 2023", "DATE", None)]


def test_decades_fiscal_years_and_quarter_codes() -> None:
    assert values("Prices rose in the 1990s.") == [("the 1990s", "DATE", "199")]
    assert values("Results for FY2025 and FY25 were strong.") == [("FY2025", "DATE", "2025"), ("FY25", "DATE", "2025")]
    # "Q3" said in April, looking back: last year's third quarter; looking ahead: this year's.
    assert values("Sales grew in Q3.") == [("Q3", "DATE", "2023-Q3")]
    assert values("Sales will grow in Q3.") == [("Q3", "DATE", "2024-Q3")]
    assert values("Sales grew in Q3.", None) == [("Q3", "DATE", "XXXX-Q3")]


def test_product_and_model_names_are_not_years() -> None:
    assert values("Support for Windows 2000 and Server 2003 ends, Microsoft said.") == []
    assert values("Lexus pulled the covers off the production model 2020 LC 500 Convertible.") == []
    # A capitalised word that opens a date, or an event's name, leaves the year a year.
    assert values("In 2020 the firm, at its Developers Conference 2019, grew.") == [("2020", "DATE", "2020"), ("2019", "DATE", "2019")]


def test_money_is_not_a_year() -> None:
    assert texts("The bill came to $2017 and €1999 in fees.") == []


def test_counts_are_not_years() -> None:
    assert texts("About 2000 people and more than 1500 troops were there.") == []


def test_percentages_and_decimals_are_not_times() -> None:
    assert texts("Rates rose to 7.30 percent and 2019% of target.") == []


def test_fractions_and_ratios_are_not_dates() -> None:
    assert texts("Half the votes (1/2) and a 3/4 share; scores of 12/5.") == []


def test_empty_and_whitespace() -> None:
    assert tag_timexes("") == ()
    assert tag_timexes("   \n\t ", DCT) == ()


def test_wrong_types_raise_input_error() -> None:
    with pytest.raises(InputError):
        tag_timexes(b"March 22")  # type: ignore[arg-type]
    with pytest.raises(InputError):
        tag_timexes("March 22", "2024-04-03")  # type: ignore[arg-type]


def test_datetime_dct_is_accepted() -> None:
    from datetime import datetime

    (t,) = tag_timexes("They met yesterday.", datetime(2024, 4, 3, 12, 0))
    assert t.value == "2024-04-02"


def test_extreme_dct_does_not_crash() -> None:
    for d in (date(1, 1, 1), date(9999, 12, 31)):
        tag_timexes("Yesterday, last year, next week, 200 years ago, next December 31.", d)


def test_one_megabyte_document_is_fast_and_sane() -> None:
    para = ("On Tuesday, officials said the March 22 attack killed 140 people, "
            "three days after a warning; shares fell 7.30 percent to $2017. ")
    text = para * (1_000_000 // len(para))
    t0 = time.perf_counter()
    found = tag_timexes(text, DCT)
    assert time.perf_counter() - t0 < 20
    assert len(found) >= 2 * (len(text) // len(para))
    assert all(text[t.span.start : t.span.end] not in ("2017", "7.30") for t in found)


def test_random_junk_does_not_crash() -> None:
    rng = random.Random(5)
    alphabet = "0123456789 /:.-,$%'aAmMpP\n年Tuesday March the ago last next"
    for _ in range(200):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        for t in tag_timexes(s, DCT):
            assert 0 <= t.span.start < t.span.end <= len(s)


def test_product_numbers_are_not_years():
    for text in ("a laptop with a GTX 1660 Ti graphics card", "a 2048 GB drive"):
        assert tag_timexes(text, date(2024, 4, 3)) == ()
    assert [t.value for t in tag_timexes("in 2024 US troops left", date(2024, 4, 3))] == ["2024"]
