"""How the desk names things for a reader: titles, outlets and dates.

Every page shows an article by the same three things, so they are decided here once:

- a title: the headline, else the article's first sentence, marked as such (never "(untitled)");
- an outlet: the site's name, else its URL's host, else "outlet unknown" (never "this site");
- a date in words ("20 Nov 2019", "week of 11 Nov 2019") with the exact stored value on hover,
  in a ``<time>`` element (never a bare ISO timestamp or a TimeML code on the page).
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from newstrace.timex.words import date_in_words

UNKNOWN_OUTLET = "outlet unknown"
TITLE_CHARS = 110  # a first sentence used as a title is cut here (at a word)

# A sentence ends at . ! ? (and a closing quote) followed by space; short abbreviations
# ("U.S.", "Mr.") before the end are skipped by asking for a few words first.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?(?=\s)")
_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?|(?:Z|[+-]\d{2}:?\d{2}))$")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2}))?")


def first_sentence(text: str | None, limit: int = TITLE_CHARS) -> str | None:
    """The first sentence of ``text`` (cut at a word near ``limit``), or None for empty text."""
    if not text:
        return None
    flat = " ".join(text.split())
    if not flat:
        return None
    end = len(flat)
    for m in _SENTENCE_END.finditer(flat):
        if len(flat[: m.start()].split()) >= 4:
            end = m.end()
            break
    sentence = flat[:end]
    if len(sentence) > limit:
        cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:—-")
        sentence = cut + "…"
    return sentence


def display_title(title: str | None, text: str | None) -> tuple[str, str]:
    """(title to show, where it came from: "headline" or "first sentence" or "none")."""
    if title and title.strip() and title.strip() != "(untitled)":
        return " ".join(title.split()), "headline"
    lead = first_sentence(text)
    if lead:
        return lead, "first sentence"
    return "no headline and no text", "none"


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def display_outlet(site: str | None, url: str | None) -> str:
    """The outlet's name from the page, else its URL's host, else UNKNOWN_OUTLET."""
    if site and site.strip():
        return site.strip()
    return host_of(url) or UNKNOWN_OUTLET


def source_name(location: str | None) -> str | None:
    """The file name (or URL) an article was read from, for a hover text."""
    if not location:
        return None
    if "://" in location:
        return location
    return PurePath(location).name or location


def date_words(value: str | None) -> str | None:
    """A stored date (a publication timestamp or a TimeML value) in words; None when there is none.
    A timestamp with seconds or a zone (a page's publication time) is said as its day."""
    if not value:
        return None
    value = value.strip()
    m = _STAMP.match(value)
    if m:
        return date_in_words(m.group(1)) or m.group(1)
    words = date_in_words(value)
    if words and words != value:
        return words
    return value if re.fullmatch(r"\d{4}", value) else _fallback_words(value)


def _fallback_words(value: str) -> str:
    """A value the TimeML reader does not put in words: say it plainly rather than show the code."""
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}[value]
    if value.startswith("XXXX"):
        return "date without a year"
    return "date unclear"


def time_html(value: str | None, source: str | None = None) -> Markup:
    """A ``<time>`` element: the date in words, the exact value (and where it came from) on hover."""
    words = date_words(value)
    if not words or not value:
        return Markup("")
    exact = value.strip()
    hover = f"{exact} (from {source})" if source else exact
    machine = _ISO_DATE.match(exact)
    attr = f' datetime="{escape(machine.group(0).replace(" ", "T"))}"' if machine else ""
    return Markup(f'<time{attr} title="{escape(hover)}">{escape(words)}</time>')


def span_html(first: str | None, last: str | None) -> Markup:
    """A date range in words ("2 Apr 2024 – 5 Apr 2024"), one date when both fall on the same day."""
    if not first:
        return time_html(last)
    if not last or (date_words(first) == date_words(last)):
        return time_html(first)
    return Markup("{} – {}").format(time_html(first), time_html(last))
