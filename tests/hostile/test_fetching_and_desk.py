"""Hostile servers and hostile pages: robots.txt failures said as what they are (RFC 9309), private
and metadata addresses, malformed feeds and sitemaps, and the desk's Host check (DNS rebinding)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from click.testing import CliRunner
from hostile_inputs import MALFORMED_FEED, MALFORMED_SITEMAP, good_page

from newstrace.cli import main
from newstrace.errors import ConfigError, FetchError
from newstrace.ingest.http import Fetcher, FetchOptions


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def fetcher(handler, clock: Clock | None = None, resolve: str = "93.184.216.34", **options) -> Fetcher:  # type: ignore[no-untyped-def]
    clock = clock or Clock()
    options = {"per_host_interval": 0.0, "backoff": 0.1, "retries": 1, **options}
    return Fetcher(
        FetchOptions(**options), transport=httpx.MockTransport(handler), resolver=lambda host: [resolve], clock=clock, sleep=clock.sleep
    )


def page(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=good_page(1), headers={"Content-Type": "text/html; charset=utf-8"})


# -- robots.txt (RFC 9309) ---------------------------------------------------------------------


def test_robots_404_allows_everything() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404) if request.url.path == "/robots.txt" else page(request)

    with fetcher(handler) as f:
        assert f.fetch("https://example.com/a").content == good_page(1)


def test_robots_5xx_disallows_for_a_while_and_says_why() -> None:
    state = {"robots": 503, "asked": 0}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            state["asked"] += 1
            return httpx.Response(state["robots"])
        return page(request)

    clock = Clock()
    with fetcher(handler, clock, robots_retry_after=300.0) as f:
        with pytest.raises(FetchError, match=r"robots.txt answered HTTP 503; RFC 9309") as info:
            f.fetch("https://example.com/a")
        assert "disallowed by robots.txt" not in str(info.value)
        asked = state["asked"]
        with pytest.raises(FetchError, match="HTTP 503"):
            f.fetch("https://example.com/b")  # still within the while: not asked again
        assert state["asked"] == asked
        state["robots"] = 404
        clock.now += 301
        assert f.fetch("https://example.com/c").content == good_page(1)  # asked again, now allowed


def test_robots_unreachable_is_reported_as_unreachable() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            raise httpx.ConnectError("connection refused", request=request)
        return page(request)

    with fetcher(handler) as f, pytest.raises(FetchError, match=r"robots.txt could not be fetched \(network error: ConnectError"):
        f.fetch("https://example.com/a")


def test_robots_rules_still_apply() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        return page(request)

    with fetcher(handler) as f:
        with pytest.raises(FetchError, match="^https://example.com/private/x: disallowed by robots.txt$"):
            f.fetch("https://example.com/private/x")
        f.fetch("https://example.com/public")


# -- addresses ---------------------------------------------------------------------------------


@pytest.mark.parametrize("address", ["169.254.169.254", "fe80::1", "fd00:ec2::254", "100.100.100.200", "0.0.0.0"])
def test_link_local_and_metadata_are_never_fetched(address: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:  # never reached
        raise AssertionError("request sent")

    with fetcher(handler, resolve=address, allow_private=("0.0.0.0/0", "::/0"), respect_robots=False) as f:
        with pytest.raises(FetchError, match="never fetched"):
            f.fetch("http://metadata.example/latest/meta-data/")


def test_redirect_from_an_allowed_server_to_metadata_is_refused() -> None:
    hosts = {"local.test": "127.0.0.1", "169.254.169.254": "169.254.169.254"}

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "local.test":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})
        raise AssertionError("metadata address contacted")

    clock = Clock()
    options = FetchOptions(per_host_interval=0.0, respect_robots=False, allow_private=("127.0.0.0/8",))
    with Fetcher(options, transport=httpx.MockTransport(handler), resolver=lambda h: [hosts[h]], clock=clock, sleep=clock.sleep) as f:
        with pytest.raises(FetchError, match="169.254.169.254 is a link-local, metadata or multicast address"):
            f.fetch("http://local.test/start")


def test_allow_private_takes_networks() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return page(request)

    with fetcher(handler, resolve="10.1.2.3", allow_private=("127.0.0.0/8",), respect_robots=False) as f:
        with pytest.raises(FetchError, match="non-public address"):
            f.fetch("http://intranet.example/")
    with fetcher(handler, resolve="10.1.2.3", allow_private=("10.0.0.0/8",), respect_robots=False) as f:
        assert f.fetch("http://intranet.example/").content == good_page(1)
    for bad in ("169.254.0.0/16", "fe80::/64", "not-a-network"):
        with pytest.raises(ConfigError):
            Fetcher(FetchOptions(allow_private=(bad,)))


def test_cli_allow_private_needs_a_network(tmp_path) -> None:
    result = CliRunner().invoke(main, ["ingest", "http://127.0.0.1:9/x", "--allow-private", "--db", str(tmp_path / "n.db")])
    assert result.exit_code != 0  # '--db' is not a network
    assert "not a network" in result.output + result.stderr


# -- malformed feeds and sitemaps, served for real ----------------------------------------------


@pytest.fixture
def site() -> Iterator[str]:
    routes = {
        "/robots.txt": (404, b"", "text/plain"),
        "/feed.xml": (200, MALFORMED_FEED, "application/rss+xml"),
        "/sitemap.xml": (200, MALFORMED_SITEMAP, "application/xml"),
        "/notfeed.xml": (200, b"<html><body><p>a web page</p></body></html>", "text/html"),
        "/good.html": (200, good_page(7), "text/html; charset=utf-8"),
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body, kind = routes.get(self.path, (404, b"", "text/plain"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("option", "path", "words"), [
    ("--feed", "/feed.xml", "malformed feed"),
    ("--feed", "/notfeed.xml", "is not a feed"),
    ("--sitemap", "/sitemap.xml", "malformed sitemap"),
])
def test_malformed_feed_or_sitemap_is_an_error_naming_it(tmp_path, site, option, path, words) -> None:
    db = str(tmp_path / "n.db")
    args = ["ingest", option, site + path, "--allow-private", "127.0.0.0/8", "--db", db]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    line = next(ln for ln in result.stderr.splitlines() if words in ln)
    assert line.startswith(f"error: {site}{path}: ") and line.endswith("[input.format]")
    result = CliRunner().invoke(main, [*args, site + "/good.html"])  # a good page in the same run is stored
    assert result.exit_code == 0 and "stored 1" in result.stdout


# -- the desk's Host check ---------------------------------------------------------------------


def test_desk_refuses_foreign_host_headers(tmp_path) -> None:
    from fastapi.testclient import TestClient

    from newstrace.web.app import create_app
    from newstrace.web.hosts import allowed_hosts

    app = create_app(tmp_path / "d.db", hosts=allowed_hosts("127.0.0.1", ["news.example.org"]))
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        assert client.get("/api/export", params={"format": "jsonl"}).status_code != 400
        for host in ("localhost:8000", "[::1]:8000", "news.example.org"):
            assert client.get("/api/", headers={"Host": host}).status_code == 200, host
        refused = client.get("/api/export", headers={"Host": "evil.example"})
        assert refused.status_code == 400
        assert refused.json()["error"]["code"] == "request.host"
        page = client.get("/", headers={"Host": "evil.example:8000"})
        assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert allowed_hosts("0.0.0.0") >= {"localhost", "127.0.0.1"}
    assert "evil.example" not in allowed_hosts("192.168.1.5")
