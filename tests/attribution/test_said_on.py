"""said_on: a date in the quote's sentence dates the quote, unless it belongs to another statement."""

from __future__ import annotations

from newstrace.model import Span, Timex


def _timex(text: str, phrase: str, value: str) -> Timex:
    start = text.index(phrase)
    return Timex(Span(start, start + len(phrase)), "DATE", value, "dct")


def test_a_date_inside_another_statement_does_not_date_this_one(analyse) -> None:
    text = "Maria Lopez, who said that she worked at the plant for years, said that the staff was warned on March 7."
    res = analyse(text, (_timex(text, "March 7", "2024-03-07"),))
    by_content = {text[q.content[0].start : q.content[-1].end]: q for q in res.quotes if q.content}
    worked = next(q for c, q in by_content.items() if "worked at the plant" in c)
    warned = next(q for c, q in by_content.items() if "staff was warned" in c)
    assert worked.said_on is None
    assert "March 7" in text[warned.content[0].start : warned.content[-1].end]


def test_a_date_outside_every_statement_dates_the_quote(analyse) -> None:
    text = "On Tuesday, the minister told reporters that the talks had failed."
    res = analyse(text, (_timex(text, "Tuesday", "2024-04-02"),))
    [q] = [q for q in res.quotes if q.content]
    assert q.said_on == "2024-04-02"
