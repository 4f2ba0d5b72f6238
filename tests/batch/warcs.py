"""Building test inputs: WARC files written with warcio from pages the tests write themselves."""

from __future__ import annotations

import io
from collections.abc import Iterable
from pathlib import Path

from _support import distinct_text
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PARAGRAPH = (
    "The city council of {town} voted on {day} to rebuild the old harbour bridge, the mayor told reporters. "
    "\u201cWe have waited long enough,\u201d said Mayor {name}, adding that work would start next spring. "
    "Opposition councillor {other} said the plan was too expensive and would be challenged in court. "
    "Engineers estimated that the bridge, built in 19{n:02d}, carried {n}000 vehicles a day."
)


def page(n: int) -> bytes:
    """A small, distinct news page (different text, so a different article id)."""
    towns = ["Arlen", "Bexley", "Corran", "Dunmore", "Elsby", "Farrow", "Glenby", "Harlow"]
    body = PARAGRAPH.format(town=towns[n % len(towns)], day="Tuesday", name=f"Anna Vale{n}", other=f"Tom Reed{n}", n=n % 100)
    html = (
        f"<!doctype html><html lang='en'><head><title>Bridge vote {n}</title>"
        f"<meta property='article:published_time' content='2024-03-{1 + n % 28:02d}'></head>"
        f"<body><nav>Home | News | Sport</nav><article><h1>Bridge vote {n}</h1>"
        f"<p>{body}</p><p>Story number {n} of the series on local infrastructure, item {n * 7919}.</p>"
        f"<p>{distinct_text(n)}</p></article>"
        f"<footer>Copyright 2024</footer></body></html>"
    )
    return html.encode("utf-8")


def write_warc(path: Path, pages: Iterable[tuple[str, bytes]], *, gzip: bool = True, extra_records: bool = True) -> Path:
    """A WARC with one response per page (plus request and 404 records the reader must skip)."""
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "newstrace tests"}))
        for i, (url, body) in enumerate(pages):
            if extra_records:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
            if extra_records and i % 5 == 4:
                missing = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(url + "/gone", "response", payload=io.BytesIO(b"<html>gone</html>"), http_headers=missing))
    return path


def numbered_pages(count: int, start: int = 0) -> list[tuple[str, bytes]]:
    return [(f"https://news.example.org/{n}", page(n)) for n in range(start, start + count)]
