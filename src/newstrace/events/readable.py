"""Timeline entries a person reads: a readable event, its date in words, where it was said.

The record keeps TimeML values and standoff spans; what a reader sees is built here, once, for the
text report, the command line and the desk: "22 Feb 2024, afternoon" rather than
"2024-02-22TAF", "week of 19 Feb 2024" rather than "2024-W08", and an event that reads as a
sentence ("The attack (in: “Putin rejected the warnings three days before the March 22 attack”)")
rather than a fragment ("the March 22 attack").
"""

from __future__ import annotations

import re
from datetime import date

from newstrace.model import Article, Event
from newstrace.timex.calendar import value_days
from newstrace.timex.words import date_in_words

# Words that open a clause cut out of a longer sentence and read as a fragment on their own.
_LEADING_LINK = re.compile(r"^(?:that|whether|and|but|so|or|as|while|which)\s+", re.I)
CONTEXT_CHARS = 160  # the sentence a dated noun stands in, cut to this length


def _clean(text: str) -> str:
    return " ".join(text.split())


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def event_text(article: Article, event: Event) -> str:
    """The event as a reader reads it.

    A clause: as written, less a linking word it opened with ("that most likely information ...
    was transmitted" reads "Most likely information ... was transmitted"). A noun the date dates
    ("the March 22 attack"): the noun phrase without its date, then the sentence it stands in.
    """
    if event.subject is not None:
        phrase = article.span_text(event.subject)
        if event.timex is not None:
            t = article.timexes[event.timex].span
            if event.subject.contains(t):
                start, end = t.start - event.subject.start, t.end - event.subject.start
                phrase = phrase[:start] + phrase[end:]
        phrase = _capital(_clean(re.sub(r"\s+(?=[,.;:])", "", phrase)))
        return f"{phrase} (in: “{_cut(_clean(article.span_text(event.span)), CONTEXT_CHARS)}”)"
    text = _clean(article.span_text(event.span)).strip(" ,;:")
    return _capital(_LEADING_LINK.sub("", text))


def event_when(article: Article, event: Event) -> str | None:
    """The event's date in words, with the modifier its expression carries ("late 2024")."""
    mod = article.timexes[event.timex].mod if event.timex is not None else None
    return date_in_words(event.date, mod)


def sort_key(value: str | None) -> tuple[date, str]:
    """Calendar order: a value by the first day it covers; values with no known year last."""
    days = value_days(value)
    return (days[0] if days else date.max, value or "")
