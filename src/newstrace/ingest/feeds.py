"""RSS and Atom feeds (feedparser): the article URLs they list and the dates they give."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin

import feedparser

from newstrace.errors import FetchError, InputError
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


def parse_feed(content: bytes, base_url: str | None = None) -> list[FeedEntry]:
    """Entries of an RSS/Atom document, in feed order; raises InputError when it is not a feed."""
    feed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    if not feed.entries and feed.get("bozo") and not feed.get("feed"):
        raise InputError(f"not a feed: {feed.get('bozo_exception')}", input=base_url)
    entries: list[FeedEntry] = []
    for entry in feed.entries:
        url = entry.get("link") or next(
            (link.get("href") for link in entry.get("links", []) if link.get("href")), None
        )
        if not url and str(entry.get("id", "")).startswith(("http://", "https://")):
            url = entry["id"]
        if not url:
            continue
        url = urljoin(base_url, url) if base_url else url
        raw = entry.get("published") or entry.get("updated")
        parsed = entry.get("published_parsed") or entry.get("updated_parsed")
        entries.append(FeedEntry(url, _iso(parsed), raw, entry.get("title")))
    return entries


def feed_documents(
    feed_url: str, fetcher: Fetcher, *, on_error: Callable[[FetchError], None] | None = None
) -> Iterator[RawDocument]:
    """Fetch a feed, then each article it lists; the feed's date travels as ``published_hint``."""
    feed = fetcher.fetch(feed_url, kind="feed")
    for entry in parse_feed(feed.content, feed.url or feed_url):
        try:
            yield fetcher.fetch(entry.url, kind="feed", published_hint=entry.published_raw)
        except FetchError as err:
            if on_error is None:
                raise
            on_error(err)
