"""The one place where error codes become HTTP responses.

Every error the web desk answers with, API or page, goes through
:func:`status_for` and :func:`error_body`, so the JSON shape is the same
everywhere::

    {"error": {"code": "store.not_found", "message": "..."}}

Codes are those of :mod:`newstrace.errors` plus a few that only exist on the
web (declared below as NewstraceError subclasses so they carry a stable code
the same way). A code not in the table takes the status of its nearest parent
code ("input.binary" -> "input"), so a new subclass needs no change here.
"""

from __future__ import annotations

from typing import Any

from newstrace.errors import NewstraceError


class AuthRequired(NewstraceError):
    code = "auth.required"  # a write without a bearer token


class AuthInvalid(NewstraceError):
    code = "auth.invalid"  # a write with the wrong token


class WritesDisabled(NewstraceError):
    code = "auth.writes_disabled"  # the server was started without --token


class BadRequest(NewstraceError):
    code = "request.invalid"  # a parameter is missing or malformed


class RouteNotFound(NewstraceError):
    code = "request.not_found"  # no such URL


class MethodNotAllowed(NewstraceError):
    code = "request.method"


class TooLarge(NewstraceError):
    code = "request.too_large"


class HostNotAllowed(NewstraceError):
    code = "request.host"  # a Host header the desk does not answer to (DNS rebinding)


# Error code -> HTTP status. Lookup walks up the dotted code to its parents.
STATUS_BY_CODE: dict[str, int] = {
    "newstrace": 500,
    "internal": 500,
    "input": 422,
    "input.not_found": 422,  # the input named in the request, not the URL
    "input.too_large": 413,
    "fetch": 502,
    "limit": 422,  # the document took longer or more memory than a limit allows
    "pipeline": 500,
    "model": 503,
    "store": 503,
    "store.not_found": 404,
    "config": 400,
    "auth": 403,
    "auth.required": 401,
    "auth.invalid": 403,
    "auth.writes_disabled": 403,
    "request": 400,
    "request.invalid": 400,
    "request.not_found": 404,
    "request.method": 405,
    "request.too_large": 413,
    "request.host": 400,
}


def status_for(code: str) -> int:
    """The HTTP status for an error code (nearest parent code, else 500)."""
    parts = code.split(".")
    while parts:
        status = STATUS_BY_CODE.get(".".join(parts))
        if status is not None:
            return status
        parts.pop()
    return 500


def error_body(code: str, message: str) -> dict[str, Any]:
    """The one JSON error shape."""
    return {"error": {"code": code, "message": message}}


def from_exception(exc: BaseException) -> tuple[int, str, str]:
    """(status, code, message) for any exception; unknown ones become 'internal'."""
    if isinstance(exc, NewstraceError):
        message = f"{exc.input}: {exc.message}" if exc.input else exc.message
        return status_for(exc.code), exc.code, message
    return 500, "internal", "internal error (logged on the server)"
