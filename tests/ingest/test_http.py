from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from newstrace.errors import FetchError
from newstrace.ingest.http import USER_AGENT, Fetcher, FetchOptions

PAGE = "<html><head><meta charset='windows-1251'></head><body><p>Привет</p></body></html>".encode("cp1251")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def make(handler, clock: Clock | None = None, **options) -> Fetcher:  # type: ignore[no-untyped-def]
    clock = clock or Clock()
    defaults = {"per_host_interval": 0.0, "backoff": 0.5}
    defaults.update(options)
    return Fetcher(
        FetchOptions(**defaults), transport=httpx.MockTransport(handler), resolver=PUBLIC, clock=clock, sleep=clock.sleep
    )


def PUBLIC(host: str) -> list[str]:  # noqa: N802 - a resolver that puts every host on a public address
    return ["93.184.216.34"]


def test_user_agent_charset_and_robots() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["User-Agent"])
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html"})

    with make(handler) as fetcher:
        doc = fetcher.fetch("https://example.com/news/1")
        with pytest.raises(FetchError, match="robots"):
            fetcher.fetch("https://example.com/private/2")
    assert set(seen) == {USER_AGENT} and USER_AGENT.startswith("newstrace/")
    assert "(+https://github.com/newstrace/newstrace)" in USER_AGENT
    assert doc.encoding == "cp1251" and doc.content_type == "text/html"
    assert doc.content.decode(doc.encoding).count("Привет") == 1
    assert doc.source.kind == "url" and doc.fetched_at is not None


def test_retries_with_backoff_then_success() -> None:
    calls = {"n": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        calls["n"] += 1
        if calls["n"] < 3:
            return httpx.Response(503)
        return httpx.Response(200, text="<p>ok</p>", headers={"Content-Type": "text/html; charset=utf-8"})

    clock = Clock()
    with make(handler, clock, retries=2) as fetcher:
        assert fetcher.fetch("https://example.com/x").content == b"<p>ok</p>"
    assert clock.slept == [0.5, 1.0]


def test_network_errors_become_fetch_errors() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with make(handler, respect_robots=False, retries=1) as fetcher, pytest.raises(FetchError, match="network"):
        fetcher.fetch("https://example.com/x")


def test_redirect_limit_and_status() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        if n >= 100:
            return httpx.Response(404)
        return httpx.Response(302, headers={"Location": f"/{n + 1}"})

    with make(handler, respect_robots=False, max_redirects=3) as fetcher:
        with pytest.raises(FetchError, match="redirects"):
            fetcher.fetch("https://example.com/0")
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.fetch("https://example.com/100")


def test_redirect_is_followed_and_final_url_kept() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "https://example.com/new"})
        return httpx.Response(200, text="<p>new</p>", headers={"Content-Type": "text/html"})

    with make(handler, respect_robots=False) as fetcher:
        doc = fetcher.fetch("https://example.com/old")
    assert doc.url == "https://example.com/new" and doc.source.location == "https://example.com/old"


def test_size_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 5000, headers={"Content-Type": "text/html"})

    with make(handler, respect_robots=False, max_bytes=1000) as fetcher, pytest.raises(FetchError, match="too large"):
        fetcher.fetch("https://example.com/big")


def test_per_host_rate_limit() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<p>x</p>", headers={"Content-Type": "text/html"})

    clock = Clock()
    with make(handler, clock, respect_robots=False, per_host_interval=2.0) as fetcher:
        fetcher.fetch("https://a.example.com/1")
        fetcher.fetch("https://b.example.com/1")
        fetcher.fetch("https://a.example.com/2")
    assert clock.slept == [2.0]


def test_private_addresses_refused_by_default() -> None:
    def handler(request: httpx.Request) -> httpx.Response:  # never reached
        raise AssertionError("request sent")

    fetcher = Fetcher(transport=httpx.MockTransport(handler), resolver=lambda host: ["10.0.0.7"])
    for url in ("http://127.0.0.1/", "http://[::1]/", "http://169.254.169.254/latest", "http://intranet.example/"):
        with pytest.raises(FetchError, match="non-public"):
            fetcher.fetch(url)
    with pytest.raises(FetchError, match="http and https"):
        fetcher.fetch("file:///etc/passwd")


def test_fetch_all_error_policy() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/bad":
            return httpx.Response(500)
        return httpx.Response(200, text="<p>x</p>", headers={"Content-Type": "text/html"})

    errors: list[FetchError] = []
    with make(handler, respect_robots=False, retries=0) as fetcher:
        docs = list(fetcher.fetch_all(["https://e.com/a", "https://e.com/bad", "https://e.com/b"], on_error=errors.append))
        assert [d.url for d in docs] == ["https://e.com/a", "https://e.com/b"] and len(errors) == 1
        with pytest.raises(FetchError):
            list(fetcher.fetch_all(["https://e.com/bad"]))


@pytest.fixture
def local_server() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self.send_response(404)
                self.end_headers()
                return
            body = b"<html><body><p>local page</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_local_server_needs_allow_private(local_server: str) -> None:
    with Fetcher(FetchOptions(per_host_interval=0)) as fetcher, pytest.raises(FetchError, match="non-public"):
        fetcher.fetch(local_server + "/a")
    with Fetcher(FetchOptions(allow_private=("127.0.0.0/8",), per_host_interval=0)) as fetcher:
        doc = fetcher.fetch(local_server + "/a")
    assert b"local page" in doc.content and doc.encoding == "utf-8"
