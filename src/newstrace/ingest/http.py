"""Fetching web pages politely: robots.txt, a per-host rate limit, retries, limits on size and hops.

Every fetch goes through :class:`Fetcher`, whose HTTP transport, resolver, clock and sleep are
injectable so tests never touch the network (``httpx.MockTransport`` or a server on 127.0.0.1 with
``allow_private=("127.0.0.0/8",)``). Addresses on private, loopback and reserved networks are
refused unless ``allow_private`` names a network holding them; link-local and cloud metadata
addresses (169.254.0.0/16, fe80::/10, ...) are refused always, whatever is allowed, and so are
redirects to them. Hostnames are resolved first; the check is not proof against DNS rebinding
between our lookup and httpx's.

robots.txt follows RFC 9309: a 4xx answer means no rules (everything allowed); a 5xx answer or a
network failure (after the retries) means everything is disallowed, for ``robots_retry_after``
seconds, after which robots.txt is asked for again; the error then says which of these it was.
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

from newstrace.errors import ConfigError, FetchError
from newstrace.ingest.charset import charset_from_content_type, decode_bytes
from newstrace.limits import Limits
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
    max_bytes: int | None = None  # a body larger than this is refused; None: the input_bytes limit (newstrace.limits)
    respect_robots: bool = True
    robots_retry_after: float = 300.0  # seconds a 5xx / unreachable robots.txt keeps a site disallowed
    allow_private: tuple[str, ...] = ()  # non-public networks that may be fetched ("127.0.0.0/8")


Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# Never fetched, whatever --allow-private says: link-local (cloud metadata services live there),
# other metadata addresses, "this host", broadcast and multicast.
NEVER_FETCHED: tuple[Network, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "169.254.0.0/16", "fe80::/10", "fd00:ec2::254/128", "100.100.100.200/32",
        "0.0.0.0/8", "::/128", "255.255.255.255/32", "224.0.0.0/4", "ff00::/8",
    )
)


def allowed_networks(values: tuple[str, ...] | list[str]) -> tuple[Network, ...]:
    """The networks ``--allow-private`` names, checked: a network inside a never-fetched one is an error."""
    networks: list[Network] = []
    for value in values:
        try:
            network = ipaddress.ip_network(value.strip(), strict=False)
        except ValueError:
            raise ConfigError(f"allowed private network {value!r} is not a network (write it as 127.0.0.0/8 or 10.1.2.3)") from None
        if any(network.version == never.version and network.subnet_of(never) for never in NEVER_FETCHED):  # type: ignore[arg-type]
            raise ConfigError(f"allowed private network {value}: link-local, metadata and multicast addresses are never fetched")
        networks.append(network)
    return tuple(networks)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    ip = ipaddress.ip_address(text.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return ip.ipv4_mapped
    return ip


def _is_public(address: str) -> bool:
    ip = _address(address)
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified
    )


def address_refusal(address: str, allowed: tuple[Network, ...] = ()) -> str | None:
    """Why ``address`` may not be fetched, or None when it may."""
    ip = _address(address)
    if any(ip in network for network in NEVER_FETCHED):
        return f"{address} is a link-local, metadata or multicast address (never fetched)"
    if _is_public(address) or any(ip in network for network in allowed):
        return None
    return f"{address} is a non-public address (--allow-private NETWORK allows it)"


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


@dataclass(frozen=True, slots=True)
class _Robots:
    parser: RobotFileParser
    until: float | None = None  # when to ask for robots.txt again (after a 5xx or a network failure)
    problem: str | None = None  # why the site is disallowed wholesale


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
        self._allowed = allowed_networks(self.options.allow_private)
        self._max_bytes = self.options.max_bytes or Limits.from_env().input_bytes
        self._last: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

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
        try:
            addresses = self._resolver(parts.hostname)
        except FetchError as err:
            raise FetchError(err.message, input=url) from None
        for address in addresses:
            refusal = address_refusal(address, self._allowed)
            if refusal is not None:
                host = "" if parts.hostname == address.strip("[]") else f"{parts.hostname}: "
                raise FetchError(f"refused: {host}{refusal}", input=url)

    def _wait_for_host(self, host: str, interval: float) -> None:
        last = self._last.get(host)
        if last is not None:
            delay = last + interval - self._clock()
            if delay > 0:
                self._sleep(delay)
        self._last[host] = self._clock()

    def _robots_for(self, url: str) -> _Robots:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        known = self._robots.get(origin)
        if known is not None and (known.until is None or self._clock() < known.until):
            return known
        parser = RobotFileParser(origin + "/robots.txt")
        until: float | None = None
        problem: str | None = None
        try:
            status, body = self._request(origin + "/robots.txt", check_robots=False, max_bytes=512 * 1024)
            if status >= 500:  # RFC 9309 2.3.1.4: unreachable, assume complete disallow (for a while)
                parser.parse(_DISALLOW_ALL)
                problem = f"robots.txt answered HTTP {status}"
                until = self._clock() + self.options.robots_retry_after
            elif status >= 400:  # RFC 9309 2.3.1.3: unavailable, no rules
                parser.parse([])
            else:
                parser.parse(decode_bytes(body)[0].splitlines())
        except FetchError as err:  # network failure after the retries: unreachable, as for a 5xx
            parser.parse(_DISALLOW_ALL)
            problem = f"robots.txt could not be fetched ({err.message})"
            until = self._clock() + self.options.robots_retry_after
        robots = _Robots(parser, until, problem)
        self._robots[origin] = robots
        return robots

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our user agent fetch ``url`` (always True if not respected)."""
        return self._refusal(url) is None

    def _refusal(self, url: str) -> str | None:
        """Why robots.txt keeps ``url`` from being fetched, or None."""
        if not self.options.respect_robots:
            return None
        robots = self._robots_for(url)
        if robots.problem is not None:
            return f"{robots.problem}; RFC 9309 treats the site as disallowed until it can be read (retried after {self.options.robots_retry_after:.0f} s)"
        if not robots.parser.can_fetch(self.options.user_agent, url):
            return "disallowed by robots.txt"
        return None

    def _interval(self, url: str) -> float:
        interval = self.options.per_host_interval
        robots = self._robots.get(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}")
        if robots is not None:
            delay = robots.parser.crawl_delay(self.options.user_agent)
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
                raise FetchError(f"too large: {int(declared):,} bytes (limit {max_bytes:,}, set by NEWSTRACE_MAX_INPUT_BYTES)", input=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: over {max_bytes:,} bytes (limit set by NEWSTRACE_MAX_INPUT_BYTES)", input=url)
                chunks.append(chunk)
            return response, b"".join(chunks)

    def _request(self, url: str, *, check_robots: bool = True, max_bytes: int | None = None) -> tuple[int, bytes]:
        status, body, _, _ = self._get(url, check_robots=check_robots, max_bytes=max_bytes)
        return status, body

    def _get(
        self, url: str, *, check_robots: bool = True, max_bytes: int | None = None
    ) -> tuple[int, bytes, httpx.Headers, str]:
        """GET with redirects, retries and all checks; returns (status, body, headers, final URL)."""
        limit = max_bytes or self._max_bytes
        current = url
        for _hop in range(self.options.max_redirects + 1):
            self._check_address(current)
            refusal = self._refusal(current) if check_robots else None
            if refusal is not None:
                raise FetchError(refusal, input=current)
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
