"""XML sitemaps, news sitemaps and sitemap indexes (lxml, with entity expansion and network off).

A sitemap that is not well-formed XML is an error naming it; the URLs lxml's recovering parser
still reads from it are fetched, and the error says how many.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from lxml import etree

from newstrace.errors import InputError, NewstraceError, WrongFormat
from newstrace.ingest.dates import normalise_date
from newstrace.ingest.http import Fetcher
from newstrace.model import RawDocument

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_RECOVER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
_MAX_UNZIPPED = 50 * 1024 * 1024  # the sitemap protocol's own limit


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None  # ISO 8601: when the page last changed
    published: str | None = None  # ISO 8601: news:publication_date, when the sitemap gives one
    published_raw: str | None = None
    title: str | None = None  # news:title


@dataclass(frozen=True, slots=True)
class Sitemap:
    entries: tuple[SitemapEntry, ...] = ()
    children: tuple[str, ...] = ()  # sitemaps listed by a sitemap index
    child_lastmod: tuple[str | None, ...] = field(default=())
    problem: WrongFormat | None = None  # what is wrong with it, when it is not well-formed


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(node: etree._Element, name: str) -> str | None:
    for child in node.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def _ungzip(content: bytes) -> bytes:
    if content[:2] != b"\x1f\x8b":
        return content
    with gzip.GzipFile(fileobj=io.BytesIO(content)) as stream:
        data = stream.read(_MAX_UNZIPPED + 1)
    if len(data) > _MAX_UNZIPPED:
        raise InputError("sitemap larger than 50 MB once decompressed")
    return data


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())[:120]


def read_sitemap(content: bytes, source: str | None = None) -> Sitemap:
    """A ``<urlset>`` (with news extensions) or a ``<sitemapindex>``, with ``problem`` set when it is
    not well-formed XML (what could be recovered is kept); raises WrongFormat when it is no sitemap."""
    data = _ungzip(content)
    syntax: str | None = None
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as err:
        syntax = _one_line(err)
        try:
            root = etree.fromstring(data, _RECOVER)
        except (etree.XMLSyntaxError, ValueError):
            root = None
    except ValueError as err:
        raise WrongFormat(f"is not a sitemap ({_one_line(err)})", input=source) from err
    if root is None:
        raise WrongFormat(f"is not a sitemap ({'not well-formed XML: ' + syntax if syntax else 'empty document'})", input=source)
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        raise WrongFormat(f"is not a sitemap (root element <{kind}>)", input=source)
    sitemap = _index(root) if kind == "sitemapindex" else _urlset(root)
    if syntax is not None:
        found = len(sitemap.children) if kind == "sitemapindex" else len(sitemap.entries)
        what = "sitemap(s)" if kind == "sitemapindex" else "URL(s)"
        problem = WrongFormat(f"is a malformed sitemap (not well-formed XML: {syntax}); {found} {what} read from it", input=source)
        sitemap = Sitemap(sitemap.entries, sitemap.children, sitemap.child_lastmod, problem)
    return sitemap


def parse_sitemap(content: bytes, source: str | None = None) -> Sitemap:
    """A well-formed ``<urlset>`` or ``<sitemapindex>``; raises WrongFormat otherwise."""
    sitemap = read_sitemap(content, source)
    if sitemap.problem is not None:
        raise sitemap.problem
    return sitemap


def _index(root: etree._Element) -> Sitemap:
    nodes = [n for n in root if _local(n.tag) == "sitemap"]
    locs = [(_child_text(n, "loc"), normalise_date(_child_text(n, "lastmod"))) for n in nodes]
    return Sitemap(
        children=tuple(loc for loc, _ in locs if loc),
        child_lastmod=tuple(mod for loc, mod in locs if loc),
    )


def _urlset(root: etree._Element) -> Sitemap:
    entries = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = _child_text(node, "loc")
        if not loc:
            continue
        raw = _child_text(node, "publication_date")
        entries.append(
            SitemapEntry(
                url=loc,
                lastmod=normalise_date(_child_text(node, "lastmod")),
                published=normalise_date(raw),
                published_raw=raw,
                title=_child_text(node, "title"),
            )
        )
    return Sitemap(entries=tuple(entries))


def sitemap_entries(
    url: str,
    fetcher: Fetcher,
    *,
    max_depth: int = 3,
    max_sitemaps: int = 1000,
    on_error: Callable[[NewstraceError], None] | None = None,
) -> Iterator[SitemapEntry]:
    """Every URL entry reachable from a sitemap or sitemap index, depth-first, each sitemap once.

    A malformed sitemap goes to ``on_error`` (its readable entries are kept); without it, it raises.
    """
    seen: set[str] = set()
    stack: list[tuple[str, int]] = [(url, 0)]
    while stack and len(seen) < max_sitemaps:
        current, depth = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        sitemap = read_sitemap(fetcher.fetch(current, kind="sitemap").content, current)
        if sitemap.problem is not None:
            if on_error is None:
                raise sitemap.problem
            on_error(sitemap.problem)
        yield from sitemap.entries
        if depth < max_depth:
            stack.extend((child, depth + 1) for child in reversed(sitemap.children))


def sitemap_documents(
    url: str, fetcher: Fetcher, *, on_error: Callable[[NewstraceError], None] | None = None
) -> Iterator[RawDocument]:
    """Fetch the pages a sitemap lists; a news:publication_date travels as ``published_hint``."""
    for entry in sitemap_entries(url, fetcher, on_error=on_error):
        try:
            yield fetcher.fetch(entry.url, kind="sitemap", published_hint=entry.published_raw)
        except NewstraceError as err:
            if on_error is None:
                raise
            on_error(err)
