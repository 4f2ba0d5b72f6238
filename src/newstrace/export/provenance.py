"""Who an article or a statement came through: shared by the exports and the web desk."""

from __future__ import annotations

from urllib.parse import urlsplit

from newstrace.model import Article, Quote


def outlet_of(a: Article, default: str | None = "this site") -> str | None:
    """What 'this site' is called: the site name, else the URL's host, else ``default``."""
    if a.site:
        return a.site
    if a.url:
        try:
            host = urlsplit(a.url).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    return default


def quote_chain(a: Article, q: Quote) -> list[str]:
    """The reporting chain, reader side first: this site ← via (outermost first) ← speaker."""
    return [outlet_of(a) or "this site", *reversed(q.via), q.speaker.name if q.speaker else "(unattributed)"]


def quote_content(a: Article, q: Quote) -> str:
    return " … ".join(a.span_text(s) for s in q.content)
