from __future__ import annotations

import gzip

import httpx
import pytest

from newstrace.errors import InputError
from newstrace.ingest.feeds import feed_documents, parse_feed
from newstrace.ingest.http import Fetcher, FetchOptions
from newstrace.ingest.sitemaps import parse_sitemap, sitemap_documents

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title><link>https://news.example.com/</link>
<item><title>Bridge closed</title><link>https://news.example.com/a/bridge</link>
<pubDate>Tue, 19 Nov 2019 10:02:00 +0100</pubDate></item>
<item><title>No date</title><link>/a/relative</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Ex</title>
<entry><title>One</title><link rel="alternate" href="https://news.example.com/one"/>
<id>tag:example,2019:1</id><updated>2019-11-20T08:00:00Z</updated></entry></feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.com/a/bridge</loc><lastmod>2019-11-19T12:00:00Z</lastmod>
    <news:news><news:publication><news:name>Ex</news:name><news:language>en</news:language></news:publication>
    <news:publication_date>2019-11-19T10:02:00+01:00</news:publication_date><news:title>Bridge closed</news:title></news:news></url>
  <url><loc>https://news.example.com/a/other</loc></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example.com/news.xml.gz</loc><lastmod>2019-11-19</lastmod></sitemap>
</sitemapindex>"""


def test_rss_entries_with_dates() -> None:
    entries = parse_feed(RSS, "https://news.example.com/feed")
    assert [e.url for e in entries] == ["https://news.example.com/a/bridge", "https://news.example.com/a/relative"]
    assert entries[0].published == "2019-11-19T09:02:00+00:00"
    assert entries[0].published_raw == "Tue, 19 Nov 2019 10:02:00 +0100"
    assert entries[1].published is None


def test_atom_entries() -> None:
    (entry,) = parse_feed(ATOM)
    assert entry.url == "https://news.example.com/one"
    assert entry.published == "2019-11-20T08:00:00+00:00"


def test_not_a_feed() -> None:
    with pytest.raises(InputError):
        parse_feed(b"\x00\x01 not xml at all <<<")


def test_news_sitemap_and_index() -> None:
    sitemap = parse_sitemap(NEWS_SITEMAP)
    first, second = sitemap.entries
    assert first.url == "https://news.example.com/a/bridge"
    assert first.published == "2019-11-19T10:02:00+01:00" and first.title == "Bridge closed"
    assert first.lastmod == "2019-11-19T12:00:00+00:00"
    assert second.published is None
    index = parse_sitemap(gzip.compress(INDEX))
    assert index.children == ("https://news.example.com/news.xml.gz",)
    with pytest.raises(InputError):
        parse_sitemap(b"<html><body>nope</body></html>")


def _site() -> httpx.MockTransport:
    pages = {
        "/robots.txt": (b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/feed": (RSS, "application/rss+xml"),
        "/sitemap.xml": (INDEX, "application/xml"),
        "/news.xml.gz": (gzip.compress(NEWS_SITEMAP), "application/gzip"),
        "/a/bridge": (b"<html><body><p>Bridge</p></body></html>", "text/html; charset=utf-8"),
    }

    def handler(request: httpx.Request) -> httpx.Response:
        body, kind = pages.get(request.url.path, (b"missing", "text/plain"))
        return httpx.Response(200 if request.url.path in pages else 404, content=body, headers={"Content-Type": kind})

    return httpx.MockTransport(handler)


def _fetcher() -> Fetcher:
    return Fetcher(FetchOptions(per_host_interval=0), transport=_site(), resolver=lambda host: ["93.184.216.34"], sleep=lambda s: None)


def test_feed_documents_carry_the_feed_date() -> None:
    errors: list[Exception] = []
    with _fetcher() as fetcher:
        docs = list(feed_documents("https://news.example.com/feed", fetcher, on_error=errors.append))
    assert [d.url for d in docs] == ["https://news.example.com/a/bridge"]
    assert docs[0].source.kind == "feed" and docs[0].published_hint == "Tue, 19 Nov 2019 10:02:00 +0100"
    assert len(errors) == 1 and "404" in str(errors[0])


def test_sitemap_documents_follow_the_index() -> None:
    errors: list[Exception] = []
    with _fetcher() as fetcher:
        docs = list(sitemap_documents("https://news.example.com/sitemap.xml", fetcher, on_error=errors.append))
    assert [d.url for d in docs] == ["https://news.example.com/a/bridge"]
    assert docs[0].published_hint == "2019-11-19T10:02:00+01:00"
    assert len(errors) == 1
