"""The reader's desk: server-rendered pages and a JSON API over the store.

``create_app(db, token)`` (newstrace.web.app) builds the ASGI app; the
``newstrace serve`` command (newstrace.web.cli) runs it with uvicorn. The web
dependencies (fastapi, uvicorn, jinja2, python-multipart) are imported only
here, so the rest of newstrace works without them.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(db=None, token=None):
    from newstrace.web.app import create_app as _create

    return _create(db, token)
