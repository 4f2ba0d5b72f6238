"""Dated events from time expressions, with whose account they are."""

from __future__ import annotations

from newstrace.events import find_events, timeline_of
from newstrace.model import (
    Article,
    Event,
    Quote,
    Sentence,
    SourceRef,
    Span,
    Speaker,
    Timex,
)

TEXT = (
    "The minister said the bridge would reopen on May 4. "
    "The storm hit the coast on April 30.\n\n"
    "Engineers were on site on Tuesday, as they are now."
)


def _span(s: str) -> Span:
    i = TEXT.index(s)
    return Span(i, i + len(s))


def _article() -> Article:
    first_end = TEXT.index("The storm")
    quote = Quote(
        id="q1", kind="indirect", content=(_span("the bridge would reopen on May 4"),), cue=_span("said"), cue_text="said",
        speaker=Speaker("The minister", "The minister", "role", _span("The minister")),
    )
    return Article(
        id="1" * 16,
        text=TEXT,
        source=SourceRef("file", "x.txt"),
        sentences=(Sentence(Span(0, first_end)), Sentence(Span(first_end, TEXT.index("\n\n"))), Sentence(Span(TEXT.index("Engineers"), len(TEXT)))),
        timexes=(
            Timex(_span("May 4"), "DATE", "2024-05-04"),
            Timex(_span("April 30"), "DATE", "2024-04-30"),
            Timex(_span("Tuesday"), "DATE", None),
            Timex(_span("now"), "DATE", "PRESENT_REF"),
        ),
        quotes=(quote,),
    )


def test_events_carry_dates_and_accounts():
    events = find_events(_article())
    assert [(e.date, e.according_to) for e in events] == [("2024-05-04", "The minister"), ("2024-04-30", None), (None, None)]
    assert all(e.span.contains(_article().timexes[e.timex].span) or e.span.overlaps(_article().timexes[e.timex].span) for e in events)


def test_timeline_orders_dated_and_keeps_undated_apart():
    article = _article()
    article = Article(**{**{f: getattr(article, f) for f in article.__dataclass_fields__}, "events": find_events(article)})
    dated, undated = timeline_of(article)
    assert [e.date for e in dated] == ["2024-04-30", "2024-05-04"]
    assert len(undated) == 1 and isinstance(undated[0], Event)
