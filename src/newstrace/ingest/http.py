"""Fetching web pages politely: robots.txt, a per-host rate limit, retries, limits on size and hops.

Every fetch goes through :class:`Fetcher`, whose HTTP transport, clock and sleep are injectable so
tests never touch the network (``httpx.MockTransport`` or a server on 127.0.0.1 with
``allow_private=True``). Addresses on private, loopback, link-local and reserved networks are
refused unless the options allow them (hostnames are resolved first; the check is not proof
against DNS rebinding between our lookup and httpx's).
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Self
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from newstrace.errors import FetchError
from newstrace.ingest.charset import charset_from_content_type, decode_bytes
from newstrace.model import RawDocument, SourceRef


def _version() -> str:
    try:
        from importlib.metadata import PackageNotFoundError, version

        return version("newstrace")
    except (ImportError, PackageNotFoundError):  # running from a source tree
        import newstrace

        return str(getattr(newstrace, "__version__", "0"))


USER_AGENT = f"newstrace/{_version()} (+https://github.com/newstrace/newstrace)"
_DISALLOW_ALL = ["User-agent: *", "Disallow: /"]
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_TEXT_TYPES = ("text/", "application/xhtml", "application/xml", "application/rss", "application/atom")


@dataclass(frozen=True, slots=True)
class FetchOptions:
    user_agent: str = USER_AGENT
    timeout: float = 20.0  # seconds, for connect and each read
    retries: int = 2  # extra attempts after a network error, 429 or 5xx
    backoff: float = 1.0  # seconds before the first retry, doubled each time
    max_backoff: float = 60.0  # cap, also on a server's Retry-After
    per_host_interval: float = 1.0  # seconds between two requests to one host
    max_redirects: int = 5
    max_bytes: int = 10 * 1024 * 1024
    respect_robots: bool = True
    allow_private: bool = False  # loopback / private / link-local addresses


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified
    )


def resolve_host(host: str) -> list[str]:
    """Every address ``host`` resolves to (a literal IP resolves to itself)."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return [host.strip("[]")]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except OSError as err:
        raise FetchError(f"cannot resolve host {host!r}: {err}") from err
    return sorted({str(info[4][0]) for info in infos})


class Fetcher:
    """A polite HTTP client: ``fetch(url) -> RawDocument`` or a :class:`FetchError`."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Callable[[str], list[str]] = resolve_host,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options or FetchOptions()
        self._client = httpx.Client(
            transport=transport,
            timeout=self.options.timeout,
            follow_redirects=False,
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        self._resolver = resolver
        self._clock = clock
        self._sleep = sleep
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- checks ----------------------------------------------------------------------------
    def _check_address(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("only http and https URLs can be fetched", input=url)
        if self.options.allow_private:
            return
        for address in self._resolver(parts.hostname):
            if not _is_public(address):
                raise FetchError(f"refused: {parts.hostname} is a non-public address ({address})", input=url)

    def _wait_for_host(self, host: str, interval: float) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = last + interval - self._clock()
            if delay > 0:
                self._sleep(delay)
        self._last[host] = self._clock()

    def _robots_for(self, url: str) -> RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser = RobotFileParser(origin + "/robots.txt")
            try:
                response = self._request(origin + "/robots.txt", check_robots=False, max_bytes=512 * 1024)
                status, body = response
                if status >= 500:
                    parser.parse(_DISALLOW_ALL)  # RFC 9309: a server error means "assume disallowed"
                elif status >= 400:
                    parser.parse([])  # no robots.txt: everything allowed
                else:
                    parser.parse(decode_bytes(body)[0].splitlines())
            except FetchError:
                parser.parse(_DISALLOW_ALL)
            self._robots[origin] = parser
        return self._robots[origin]

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url`` (always True if not respected)."""
        if not self.options.respect_robots:
            return True
        robots = self._robots_for(url)
        return robots is None or robots.can_fetch(self.options.user_agent, url)

    def _interval(self, url: str) -> float:
        interval = self.options.per_host_interval
        robots = self._robots.get(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}")
        if robots is not None:
            delay = robots.crawl_delay(self.options.user_agent)
            if delay:
                interval = max(interval, min(float(delay), self.options.max_backoff))
        return interval

    # -- requests --------------------------------------------------------------------------
    def _retry_after(self, response: httpx.Response, attempt: int) -> float:
        wait = self.options.backoff * (2**attempt)
        header = response.headers.get("Retry-After")
        if header:
            try:
                wait = float(header)
            except ValueError:
                try:
                    wait = (parsedate_to_datetime(header) - datetime.now(UTC)).total_seconds()
                except (TypeError, ValueError):
                    pass
        return max(0.0, min(wait, self.options.max_backoff))

    def _once(self, url: str, max_bytes: int) -> tuple[httpx.Response, bytes]:
        with self._client.stream("GET", url) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large: {declared} bytes (limit {max_bytes})", input=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: over {max_bytes} bytes", input=url)
                chunks.append(chunk)
            return response, b"".join(chunks)

    def _request(self, url: str, *, check_robots: bool = True, max_bytes: int | None = None) -> tuple[int, bytes]:
        status, body, _, _ = self._get(url, check_robots=check_robots, max_bytes=max_bytes)
        return status, body

    def _get(
        self, url: str, *, check_robots: bool = True, max_bytes: int | None = None
    ) -> tuple[int, bytes, httpx.Headers, str]:
        """GET with redirects, retries and all checks; returns (status, body, headers, final URL)."""
        limit = max_bytes or self.options.max_bytes
        current = url
        for _hop in range(self.options.max_redirects + 1):
            self._check_address(current)
            if check_robots and not self.allowed(current):
                raise FetchError("disallowed by robots.txt", input=current)
            for attempt in range(self.options.retries + 1):
                self._wait_for_host(urlsplit(current).netloc, self._interval(current))
                try:
                    response, body = self._once(current, limit)
                except httpx.TransportError as err:
                    if attempt == self.options.retries:
                        raise FetchError(f"network error: {type(err).__name__}: {err}", input=current) from err
                    self._sleep(min(self.options.backoff * (2**attempt), self.options.max_backoff))
                    continue
                if response.status_code in _RETRY_STATUS and attempt < self.options.retries:
                    self._sleep(self._retry_after(response, attempt))
                    continue
                break
            if response.is_redirect and response.headers.get("Location"):
                current = urljoin(current, response.headers["Location"])
                continue
            return response.status_code, body, response.headers, current
        raise FetchError(f"more than {self.options.max_redirects} redirects", input=url)

    def fetch(self, url: str, *, kind: str = "url", published_hint: str | None = None) -> RawDocument:
        """Fetch one URL; raises FetchError on refusal, network failure, or a non-2xx status."""
        status, body, headers, final = self._get(url)
        if not 200 <= status < 300:
            raise FetchError(f"HTTP {status}", input=url)
        content_type = headers.get("Content-Type")
        media = content_type.split(";")[0].strip().lower() if content_type else None
        encoding = charset_from_content_type(content_type)
        if media is None or media.startswith(_TEXT_TYPES) or media.endswith(("+xml", "/json")):
            encoding = decode_bytes(body, encoding)[1] if body else encoding
        return RawDocument(
            content=body,
            source=SourceRef(kind, url),
            url=final,
            content_type=media,
            encoding=encoding,
            fetched_at=datetime.now(UTC),
            published_hint=published_hint,
        )

    def fetch_all(
        self, urls: Iterable[str], *, on_error: Callable[[FetchError], None] | None = None
    ) -> Iterator[RawDocument]:
        """Fetch each URL in turn; errors raise, or go to ``on_error`` and the run goes on."""
        for url in urls:
            try:
                yield self.fetch(url)
            except FetchError as err:
                if on_error is None:
                    raise
                on_error(err)


def fetch_url(url: str, options: FetchOptions | None = None, *, transport: httpx.BaseTransport | None = None) -> RawDocument:
    """Fetch one page with a short-lived :class:`Fetcher` (robots.txt, limits and checks apply)."""
    with Fetcher(options, transport=transport) as fetcher:
        return fetcher.fetch(url)
