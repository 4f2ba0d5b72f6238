"""Hostile and broken inputs, built on the fly (nothing here is read from disk or the network).

Each builder writes one input into a folder and returns its path. ``scale`` shrinks the big ones:
the test suite builds them small (with the limits lowered to match), ``benchmarks/hostile.py``
builds them at the sizes the issue's probe used (scale 1.0).
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Callable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

WORDS = (
    "council harbour bridge budget river station mayor workers strike court ruling museum library "
    "police airport farmers storm factory hospital teachers tram market festival valley"
).split()


def good_page(n: int) -> bytes:
    """A small, distinct, well-formed news page with one quotation."""
    towns = ["Arlen", "Bexley", "Corran", "Dunmore", "Elsby", "Farrow", "Glenby", "Harlow"]
    town = towns[n % len(towns)]
    words = " ".join(WORDS[(n * 7 + i) % len(WORDS)] for i in range(12))
    return (
        f"<!doctype html><html lang='en'><head><title>{town} vote {n}</title>"
        f"<meta property='article:published_time' content='2024-03-{1 + n % 28:02d}'></head><body>"
        f"<article><h1>{town} council vote {n}</h1>"
        f"<p>The council of {town} voted on Tuesday to rebuild the old harbour bridge, the mayor told reporters. "
        f"\u201cWe have waited long enough,\u201d said Mayor Anna Vale{n}, adding that work would start next spring.</p>"
        f"<p>Opposition councillor Tom Reed{n} said the plan was too expensive and would be challenged in court. "
        f"Item {n * 7919} of the series on {words}.</p></article></body></html>"
    ).encode()


def _words(count: int, start: int = 0) -> str:
    return " ".join(WORDS[(start + i) % len(WORDS)] for i in range(count))


# -- text and markup --------------------------------------------------------------------------


def long_line(folder: Path, scale: float = 1.0, size: int = 20_000_000) -> Path:
    """A 20 MB text file with no line break (the probe's 23.8 GB input)."""
    path = folder / "oneline.txt"
    target = int(size * scale)
    sentence = "The council said the bridge would be rebuilt next spring, officials told reporters. "
    path.write_text((sentence * (target // len(sentence) + 1))[:target], encoding="utf-8")
    return path


def long_sentence(folder: Path, scale: float = 1.0) -> Path:
    """One sentence of 100,000 words with reporting verbs all through it (640 KB of input)."""
    path = folder / "long-sentence.txt"
    words = int(100_000 * scale)
    chunk = "officials said that the mayor told reporters that the council {w} claimed "
    parts, n = [], 0
    while n < words:
        parts.append(chunk.format(w=WORDS[len(parts) % len(WORDS)]))
        n += 11
    path.write_text("Bridge report\n\n" + "".join(parts) + "it was over.\n", encoding="utf-8")
    return path


def big_html(folder: Path, scale: float = 1.0, size: int = 49 * 1024 * 1024) -> Path:
    """A 49 MB HTML page of ordinary paragraphs (just under the old file-size limit)."""
    path = folder / "big.html"
    target = int(size * scale)
    with path.open("w", encoding="utf-8") as out:
        out.write("<!doctype html><html><head><title>Big page</title></head><body><article><h1>Big page</h1>\n")
        written, n = 0, 0
        while written < target:
            para = f"<p>Paragraph {n}: the council said {_words(40, n)}, officials told reporters on Tuesday.</p>\n"
            out.write(para)
            written += len(para)
            n += 1
        out.write("</article></body></html>\n")
    return path


def deep_nesting(folder: Path, scale: float = 1.0) -> Path:
    """Three paragraphs inside 100,000 nested divs."""
    path = folder / "deep.html"
    depth = int(100_000 * scale)
    paras = "".join(
        f"<p>Paragraph {i}: the council voted on Tuesday to rebuild the old harbour bridge, "
        f"\u201cit is time,\u201d said Mayor Anna Vale, who has campaigned for it since {2010 + i}.</p>"
        for i in range(3)
    )
    path.write_text(
        "<!doctype html><html><head><title>Deep page</title></head><body>"
        + "<div>" * depth + "<article>" + paras + "</article>" + "</div>" * depth + "</body></html>",
        encoding="utf-8",
    )
    return path


def many_elements(folder: Path, scale: float = 1.0) -> Path:
    """Two million empty inline elements around a short article."""
    path = folder / "many.html"
    count = int(2_000_000 * scale)
    path.write_text(
        "<!doctype html><html><head><title>Many elements</title></head><body><article><h1>Many elements</h1>"
        "<p>The council voted on Tuesday to rebuild the bridge, officials said.</p>"
        + "<span></span>" * count + "<p>\u201cIt is time,\u201d said Mayor Anna Vale.</p></article></body></html>",
        encoding="utf-8",
    )
    return path


def many_quotes(folder: Path, scale: float = 1.0) -> Path:
    """An article of 20,000 short quoted statements."""
    path = folder / "many-quotes.txt"
    count = int(20_000 * scale)
    lines = [f"\u201cThe {WORDS[i % len(WORDS)]} plan number {i} will work,\u201d said Mayor Anna Vale." for i in range(count)]
    path.write_text("Quotes\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def long_quote(folder: Path, scale: float = 1.0) -> Path:
    """One quotation of 300,000 characters in ordinary sentences."""
    path = folder / "long-quote.txt"
    chars = int(300_000 * scale)
    body = ("The bridge will be rebuilt and the harbour reopened next spring. " * (chars // 66 + 1))[:chars]
    path.write_text(f"Long quote\n\nMayor Anna Vale said: \u201c{body.strip()}\u201d\n", encoding="utf-8")
    return path


def gzip_bomb(folder: Path, scale: float = 1.0) -> Path:
    """A .html.gz of about 2 MB that expands to 2 GiB."""
    path = folder / "bomb.html.gz"
    total = int(2 * 1024**3 * scale)
    block = b"\0" * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as out:
        out.write(compressor.compress(b"<html><body><p>"))
        for _ in range(total // len(block)):
            out.write(compressor.compress(block))
        out.write(compressor.flush())
    return path


def invalid_utf8(folder: Path, scale: float = 1.0) -> Path:
    """A UTF-8 page (curly quotes, dashes) with a few invalid bytes in it."""
    path = folder / "bad-bytes.html"
    para = (
        "<p>\u201cWe will rebuild the bridge,\u201d said Mayor Anna Vale \u2014 who has campaigned for it since 2010 \u2014 "
        "on Tuesday, adding that the work would start next spring.</p>"
    )
    body = (para * 6).encode("utf-8")
    broken = body[:200] + b"\xff\xfe" + body[200:400] + b"\xc3" + body[400:]
    path.write_bytes(b"<!doctype html><html><head><title>Bridge</title></head><body><article>" + broken + b"</article></body></html>")
    return path


# -- archives ---------------------------------------------------------------------------------


def _response(writer: WARCWriter, url: str, body: bytes) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def good_warc(folder: Path, name: str = "good.warc.gz", count: int = 5, first: int = 0) -> Path:
    path = folder / name
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=name.endswith(".gz"))
        for n in range(first, first + count):
            _response(writer, f"https://news.example.org/{n}", good_page(n))
    return path


def truncated_warc(folder: Path, scale: float = 1.0) -> Path:
    """A .warc.gz of five records cut at 70% of its length."""
    whole = good_warc(folder, "whole.warc.gz", 5, first=100).read_bytes()
    path = folder / "truncated.warc.gz"
    path.write_bytes(whole[: int(len(whole) * 0.7)])
    (folder / "whole.warc.gz").unlink()
    return path


def wrong_length_warc(folder: Path, scale: float = 1.0) -> Path:
    """An uncompressed WARC whose second record states a Content-Length larger than it has."""
    path = folder / "wrong-length.warc"
    good_warc(folder, "parts.warc", 4, first=200)
    data = (folder / "parts.warc").read_bytes()
    (folder / "parts.warc").unlink()
    starts = [i for i in range(len(data)) if data.startswith(b"WARC/1.", i)]
    second = data[starts[1] : starts[2]]
    head, _, rest = second.partition(b"Content-Length: ")
    number, _, tail = rest.partition(b"\r\n")
    damaged = head + b"Content-Length: " + str(int(number) + 5000).encode() + b"\r\n" + tail
    path.write_bytes(data[: starts[1]] + damaged + data[starts[2] :])
    return path


def corrupt_warc(folder: Path, scale: float = 1.0) -> Path:
    """A .warc.gz whose third gzip member has its compressed bytes overwritten with noise."""
    path = folder / "corrupt.warc.gz"
    good_warc(folder, "parts.warc.gz", 5, first=300)
    data = bytearray((folder / "parts.warc.gz").read_bytes())
    (folder / "parts.warc.gz").unlink()
    members = [i for i in range(len(data) - 2) if data[i : i + 3] == b"\x1f\x8b\x08"]
    third = members[2]
    noise = bytes((i * 131 + 7) % 256 for i in range(200))
    data[third + 20 : third + 220] = noise
    path.write_bytes(bytes(data))
    return path


def not_a_warc(folder: Path, scale: float = 1.0) -> Path:
    """An HTML page named .warc."""
    path = folder / "page.warc"
    path.write_bytes(good_page(400))
    return path


# -- feeds and sitemaps (served by the tests' local server) -----------------------------------

MALFORMED_FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Broken</title><item><title>One</ti"
MALFORMED_SITEMAP = b"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>http"


def malformed_feed(folder: Path, scale: float = 1.0) -> Path:
    path = folder / "feed.xml"
    path.write_bytes(MALFORMED_FEED)
    return path


def malformed_sitemap(folder: Path, scale: float = 1.0) -> Path:
    path = folder / "sitemap.xml"
    path.write_bytes(MALFORMED_SITEMAP)
    return path


def gzip_text(folder: Path, name: str, text: bytes) -> Path:
    path = folder / name
    path.write_bytes(gzip.compress(text))
    return path


# name -> builder(folder, scale)
UNDER_LIMIT = 10 * 1024 * 1024 - 4096  # just under the default input limit (newstrace.limits)

DOCUMENTS: dict[str, Callable[[Path, float], Path]] = {
    "long line (20 MB, no line break)": long_line,
    "long line (10 MB, just under the input limit)": lambda folder, scale=1.0: long_line(folder, scale, UNDER_LIMIT),
    "long sentence (100k words)": long_sentence,
    "big HTML (49 MB)": big_html,
    "big HTML (10 MB, just under the input limit)": lambda folder, scale=1.0: big_html(folder, scale, UNDER_LIMIT),
    "deep nesting (100k divs)": deep_nesting,
    "many elements (2M spans)": many_elements,
    "many quotes (20k)": many_quotes,
    "long quote (300k chars)": long_quote,
    "gzip bomb (2 MB -> 2 GiB)": gzip_bomb,
    "invalid UTF-8 bytes": invalid_utf8,
    "truncated .warc.gz (70%)": truncated_warc,
    "WARC record, wrong Content-Length": wrong_length_warc,
    "corrupt .warc.gz member": corrupt_warc,
    "not a WARC (HTML named .warc)": not_a_warc,
}
