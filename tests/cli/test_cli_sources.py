"""Ingest from the network and from web archives through the command line."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from newstrace.cli import main

PAGE = """<!doctype html><html lang="en"><head><title>Harbour reopens after storm - Coast Times</title>
<meta property="og:site_name" content="Coast Times">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour reopens after storm",
"datePublished": "2024-05-02T09:00:00+02:00", "author": {"@type": "Person", "name": "Ana Ruiz"}}</script>
</head><body><article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Wednesday after three days of repairs, the port authority said in a statement.</p>
<p>"We expect traffic to be back to normal by the weekend," said harbour master Jon Berg, adding that two
cranes were still out of service.</p>
<p>Fishermen said the storm had destroyed dozens of boats along the coast and that insurance payments would be slow.</p>
</article></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Times</title>
<item><title>Harbour reopens</title><link>{base}/harbour.html</link><pubDate>Thu, 02 May 2024 07:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing.html</link></item>
</channel></rss>"""


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        routes = {"/harbour.html": ("text/html; charset=utf-8", PAGE), "/feed.xml": ("application/rss+xml", FEED.format(base=base)),
                  "/robots.txt": ("text/plain", "User-agent: *\nAllow: /\n")}
        if self.path not in routes:
            self.send_error(404)
            return
        kind, body = routes[self.path]
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        return None


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_private_addresses_are_refused_by_default(site, tmp_path):
    result = CliRunner().invoke(main, ["ingest", f"{site}/harbour.html", "--db", str(tmp_path / "n.db")])
    assert result.exit_code == 1
    assert "private" in result.stderr or "refused" in result.stderr


def test_url_and_feed_ingest(site, tmp_path):
    db = str(tmp_path / "n.db")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", f"{site}/harbour.html", "--allow-private", "127.0.0.0/8", "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 1, duplicates 0, near-copies 0, failed 0" in result.stdout
    fed = runner.invoke(main, ["ingest", "--feed", f"{site}/feed.xml", "--allow-private", "127.0.0.0/8", "--db", db])
    assert "stored 0, duplicates 1, near-copies 0, failed 1" in fed.stdout, fed.output
    assert "missing.html" in fed.stderr and "404" in fed.stderr


def test_warc_ingest(tmp_path):
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://coast.example/harbour.html", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers)
        writer.write_record(record)
    assert warcio
    db = str(tmp_path / "n.db")
    result = CliRunner().invoke(main, ["ingest", str(path), "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 1" in result.stdout
    shown = CliRunner().invoke(main, ["search", "harbour", "--db", db, "--format", "json"])
    assert '"Harbour reopens after storm"' in shown.stdout
