from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newstrace.errors import InputError, InputNotFound
from newstrace.ingest.warc import read_warc, warc_documents

HTML = b"<html><head><title>T</title></head><body><p>Hello from the archive.</p></body></html>"


def _write(path: Path, *, gzip: bool) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)

        def response(url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2019-11-19T10:02:00Z"},
            )
            writer.write_record(record)

        response("https://example.com/a", HTML, "text/html; charset=iso-8859-1")
        response("https://example.com/style.css", b"body{}", "text/css")
        response("https://example.com/gone", HTML, "text/html", status="404 Not Found")
        writer.write_record(writer.create_warc_record("https://example.com/a", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))


@pytest.mark.parametrize("gzip", [True, False])
def test_html_responses_only(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("a.warc.gz" if gzip else "a.warc")
    _write(path, gzip=gzip)
    docs = list(warc_documents(path))
    assert len(docs) == 1
    (doc,) = docs
    assert doc.content == HTML and doc.url == "https://example.com/a"
    assert doc.encoding == "cp1252" and doc.content_type == "text/html"
    assert doc.fetched_at is not None and doc.fetched_at.isoformat() == "2019-11-19T10:02:00+00:00"
    assert doc.published_hint is None
    assert doc.source.kind == "warc" and doc.source.location.startswith(str(path))


def test_arc_file(tmp_path: Path) -> None:
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + HTML
    version = b"1 0 test\nURL IP-address Archive-date Content-type Archive-length\n"
    header = b"filedesc://a.arc 0.0.0.0 20191119100200 text/plain %d\n" % len(version) + version + b"\n"
    record = b"https://example.com/arc 93.184.216.34 20191119100200 text/html %d\n" % len(body) + body + b"\n"
    path = tmp_path / "a.arc"
    path.write_bytes(header + record)
    (doc,) = list(warc_documents(path))
    assert doc.url == "https://example.com/arc" and doc.content == HTML
    assert doc.fetched_at is not None and doc.fetched_at.year == 2019


def test_errors(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        list(warc_documents(tmp_path / "missing.warc"))
    with pytest.raises(InputError):
        list(read_warc(io.BytesIO(b"\x00\x01\x02\xff" * 64), "x"))
