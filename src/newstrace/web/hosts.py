"""The Host header check: a defence against DNS rebinding.

A web page on another site can point a name it controls at 127.0.0.1 and then read a desk
served on localhost as if it were its own origin. The browser still sends that name in the
``Host`` header, so the desk answers only requests whose Host is the address it is bound to,
a loopback name when it is bound to loopback, or a name given with ``--allowed-host``.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
WILDCARDS = ("0.0.0.0", "::", "")


def _hostname(value: str) -> str:
    """``example.org:8000`` -> ``example.org``; ``[::1]:8000`` -> ``::1``; lower case."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        return value.split(":", 1)[0]
    return value


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(bound: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names a desk bound to ``bound`` answers to (``*`` in ``extra``: any)."""
    names = {_hostname(bound)} | {_hostname(h) for h in extra if h.strip()}
    if _is_loopback(_hostname(bound)):
        names |= set(LOOPBACK_NAMES)
    if _hostname(bound) in WILDCARDS:  # every interface: loopback and this machine's own names
        names |= set(LOOPBACK_NAMES) | {socket.gethostname().lower(), socket.getfqdn().lower()}
    names.discard("")
    return frozenset(names)


class HostCheck:
    """Pure ASGI middleware: requests with another Host get the desk's error ``request.host`` (400)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts
        self.any = "*" in hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.any:
            await self.app(scope, receive, send)
            return
        header = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"), "")
        if _hostname(header) in self.hosts:
            await self.app(scope, receive, send)
            return
        await self._refuse(scope, receive, send, header)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, header: str) -> None:
        from starlette.requests import Request

        from newstrace.web.app import error_response
        from newstrace.web.errors import HostNotAllowed

        shown = header if header.isprintable() and len(header) <= 100 else "(unprintable)"
        request = Request(scope, receive)
        response = error_response(request, HostNotAllowed.code, f"this desk does not answer to Host {shown!r} (serve --allowed-host NAME adds one)")
        await response(scope, receive, send)
