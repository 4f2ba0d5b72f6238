"""RSS and Atom feeds (feedparser): the article URLs they list and the dates they give.

A feed that is not well-formed XML (cut short, hand-edited) is an error naming it: the entries
feedparser's lenient parser recovers from it are still fetched, and the error says how many,
so a broken feed never passes for a short one.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser

from newstrace.errors import NewstraceError, WrongFormat
from newstrace.ingest.http import Fetcher
from newstrace.model import RawDocument


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    published: str | None  # ISO 8601 in UTC, from the feed's published (or updated) date
    published_raw: str | None  # the date as the feed wrote it
    title: str | None = None


def _iso(parsed: object) -> str | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()  # type: ignore[arg-type]
    except (TypeError, ValueError, OverflowError):
        return None


def _problem(exc: object) -> str:
    """feedparser's exception as one short line (it may quote the feed's own bytes)."""
    text = " ".join(str(exc).split())
    return text.removeprefix("<unknown>:")[:120]


def read_feed(content: bytes, base_url: str | None = None, source: str | None = None) -> tuple[list[FeedEntry], WrongFormat | None]:
    """Entries of an RSS/Atom document, in feed order, and what is wrong with it (None when nothing).

    Relative links are resolved against ``base_url``; errors name ``source`` (default: base_url).
    Raises WrongFormat when it is not a feed at all.
    """
    source = source or base_url
    feed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    bozo = feed.get("bozo_exception") if feed.get("bozo") else None
    malformed = bozo is not None and type(bozo).__name__ == "SAXParseException"
    if not feed.entries and (not feed.get("version") or malformed):
        reason = f"not well-formed XML: {_problem(bozo)}" if malformed else "no RSS or Atom document"
        raise WrongFormat(f"is not a feed ({reason})", input=source)
    entries: list[FeedEntry] = []
    linkless = 0
    for entry in feed.entries:
        url = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("href")), None
        )
        if not url and str(entry.get("id", "")).startswith(("http://", "https://")):
            url = entry["id"]
        if not url:
            linkless += 1
            continue
        url = urljoin(base_url, url) if base_url else url
        raw = entry.get("published") or entry.get("updated")
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(FeedEntry(url, _iso(parsed), raw, entry.get("title")))
    problem = None
    if malformed:
        problem = WrongFormat(
            f"is a malformed feed (not well-formed XML: {_problem(bozo)}); {len(entries)} article link(s) read from it"
            + (f", {linkless} entry(ies) without a link" if linkless else ""),
            input=source,
        )
    return entries, problem


def parse_feed(content: bytes, base_url: str | None = None) -> list[FeedEntry]:
    """Entries of a well-formed RSS/Atom document, in feed order; raises WrongFormat otherwise."""
    entries, problem = read_feed(content, base_url)
    if problem is not None:
        raise problem
    return entries


def feed_documents(
    feed_url: str, fetcher: Fetcher, *, on_error: Callable[[NewstraceError], None] | None = None
) -> Iterator[RawDocument]:
    """Fetch a feed, then each article it lists; the feed's date travels as ``published_hint``.

    Errors (an article that cannot be fetched, a malformed feed) go to ``on_error`` and the run
    goes on with what can be read; without ``on_error`` they raise.
    """
    feed = fetcher.fetch(feed_url, kind="feed")
    entries, problem = read_feed(feed.content, feed.url or feed_url, feed_url)
    if problem is not None:
        if on_error is None:
            raise problem
        on_error(problem)
    for entry in entries:
        try:
            yield fetcher.fetch(entry.url, kind="feed", published_hint=entry.published_raw)
        except NewstraceError as err:
            if on_error is None:
                raise
            on_error(err)
