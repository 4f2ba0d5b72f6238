"""Every kind of input a user names, as one stream of RawDocuments or errors.

Inputs are files and directories (HTML, text, gzipped), WARC/ARC archives,
page URLs, RSS/Atom feed URLs, (news) sitemap URLs and text files listing
URLs. The stream is lazy: nothing holds a whole archive or URL list in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newstrace.errors import (
    FetchError,
    InputError,
    InputNotFound,
    InputUnreadable,
    NewstraceError,
)
from newstrace.ingest.files import expand_paths
from newstrace.model import RawDocument

WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
Item = Path | RawDocument | NewstraceError


@dataclass(frozen=True, slots=True)
class SourceOptions:
    feeds: tuple[str, ...] = ()  # RSS/Atom feed URLs
    sitemaps: tuple[str, ...] = ()  # sitemap or sitemap index URLs
    url_lists: tuple[Path, ...] = ()  # text files with one URL per line
    allow_private: tuple[str, ...] = ()  # non-public networks URLs may point at ("127.0.0.0/8")
    fetch: object = field(default=None)  # a FetchOptions, when the defaults will not do


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def _fetcher(options: SourceOptions):
    from dataclasses import replace

    from newstrace.ingest.http import Fetcher, FetchOptions

    fetch_options = options.fetch if isinstance(options.fetch, FetchOptions) else FetchOptions()
    if options.allow_private:
        fetch_options = replace(fetch_options, allow_private=tuple(options.allow_private))
    return Fetcher(fetch_options)


def _warc(path: Path) -> Iterator[Item]:
    """Each record's document, or its error (``FILE#offset=N: reason``); a non-archive is one error."""
    from newstrace.ingest.warc import warc_items

    try:
        yield from warc_items(path)
    except NewstraceError as exc:
        yield exc
    except OSError as exc:
        yield InputUnreadable(f"cannot be read ({exc.__class__.__name__}: {exc.strerror or exc})", input=str(path))


def _urls_in(list_file: Path) -> Iterator[str | InputError]:
    try:
        with list_file.open(encoding="utf-8") as handle:
            for line in handle:
                line = line.strip()
                if line and not line.startswith("#"):
                    yield line
    except FileNotFoundError:
        yield InputNotFound("URL list does not exist", input=str(list_file))
    except (OSError, UnicodeDecodeError) as exc:
        yield InputUnreadable(f"URL list cannot be read ({exc})", input=str(list_file))


def _fetch_each(urls: Iterable[str | InputError], fetcher) -> Iterator[Item]:
    for url in urls:
        if isinstance(url, InputError):
            yield url
        elif not is_url(url):
            yield InputError("is not an http(s) URL", input=url)
        else:
            try:
                yield fetcher.fetch(url)
            except FetchError as exc:
                yield exc


def iter_sources(inputs: Iterable[str | Path], options: SourceOptions = SourceOptions()) -> Iterator[Item]:
    """Files to read (Path), documents already fetched, or an error per bad input."""
    named = [str(i) for i in inputs]
    urls = [i for i in named if is_url(i)]
    paths = [Path(i) for i in named if not is_url(i)]
    for item in expand_paths(paths):
        if isinstance(item, Path) and is_warc(item):
            yield from _warc(item)
        else:
            yield item
    if not (urls or options.url_lists or options.feeds or options.sitemaps):
        return
    with _fetcher(options) as fetcher:
        yield from _fetch_each(urls, fetcher)
        for list_file in options.url_lists:
            yield from _fetch_each(_urls_in(list_file), fetcher)
        errors: list[NewstraceError] = []
        for feed in options.feeds:
            yield from _documents_or_errors(_feed_docs(feed, fetcher, errors), errors)
        for sitemap in options.sitemaps:
            yield from _documents_or_errors(_sitemap_docs(sitemap, fetcher, errors), errors)


def _feed_docs(url: str, fetcher, errors: list[NewstraceError]) -> Iterator[RawDocument]:
    from newstrace.ingest.feeds import feed_documents

    return feed_documents(url, fetcher, on_error=errors.append)


def _sitemap_docs(url: str, fetcher, errors: list[NewstraceError]) -> Iterator[RawDocument]:
    from newstrace.ingest.sitemaps import sitemap_documents

    return sitemap_documents(url, fetcher, on_error=errors.append)


def _documents_or_errors(documents: Iterator[RawDocument], errors: list[NewstraceError]) -> Iterator[Item]:
    """Interleave per-article fetch errors with documents; a failing feed itself is one error."""
    try:
        for document in documents:
            while errors:
                yield errors.pop(0)
            yield document
    except NewstraceError as exc:
        yield exc
    while errors:
        yield errors.pop(0)
