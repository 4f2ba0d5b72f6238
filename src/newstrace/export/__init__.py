"""Exports of the store: articles, statements, stories, claims and conflicts as JSON lines or CSV;
the articles as schema.org JSON-LD; the who-cites-whom network as GEXF.

``write_export(store, fmt, stream, what)`` writes one export to a binary stream; the ``newstrace
export`` command and the desk's /api/export/{fmt} both use it. The writers under it are plain
functions over rows already read and a text stream (export/tables.py, jsonld.py, gexf.py), for
callers that hold rows of their own (a filtered list of the desk).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from newstrace.errors import ConfigError

if TYPE_CHECKING:
    from newstrace.export.tables import Record
    from newstrace.link.storage import ConflictRow
    from newstrace.model import Article, Story
    from newstrace.store import Store

# "conflicts": the conflicts as JSON lines (the same as what=conflicts, fmt=jsonl), kept for old links
FORMATS = ("jsonl", "csv", "jsonld", "gexf", "conflicts")
KINDS = ("articles", "statements", "stories", "claims", "conflicts")
# what each format exports when not told: JSON lines of articles, CSV of statements, the articles as a graph
DEFAULT_KIND = {"jsonl": "articles", "csv": "statements", "jsonld": "articles", "gexf": "articles", "conflicts": "conflicts"}
EXPORT_LIMIT = 1_000_000_000  # "all of them", for store reads that take a limit


def resolve(fmt: str, what: str | None = None) -> tuple[str, str]:
    """(format, kind) of an export; ConfigError for a pair that does not exist."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    kind = what or DEFAULT_KIND[fmt]
    if kind not in KINDS:
        raise ConfigError(f"unknown export {kind!r}; choose one of {', '.join(KINDS)}")
    if fmt == "conflicts":
        if kind != "conflicts":
            raise ConfigError(f"--format conflicts exports the conflicts, not {kind}; use --format jsonl")
        fmt = "jsonl"
    if fmt in ("jsonld", "gexf") and kind != "articles":
        raise ConfigError(f"{fmt} exports the articles (with their statements, parties and entities), not {kind}")
    return fmt, kind


def write_export(store: Store, fmt: str, stream: BinaryIO, what: str | None = None, story: str | None = None) -> int:
    """Write ``what`` (one of KINDS) of the whole store, or of one story, in ``fmt``; returns the
    number of items written (articles, statements, stories, claims or conflicts)."""
    fmt, kind = resolve(fmt, what)
    scope = _Scope(store, store.get_story(story).id if story else None)  # NotFound before anything is written
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        n = _write(scope, fmt, kind, text)
        text.flush()
    finally:
        text.detach()  # leave the caller's stream open
    return n


class _Scope:
    """What an export reads: the whole store, or one story's articles, claims and conflicts."""

    def __init__(self, store: Store, story_id: str | None) -> None:
        self.store = store
        self.story_id = story_id

    def articles(self) -> Iterator[Article]:
        if self.story_id is None:
            yield from self.store.iter_articles()
        else:
            yield from (self.store.get_article(a) for a in self.store.get_story(self.story_id).article_ids)

    def stories(self) -> list[Story]:
        return [self.store.get_story(self.story_id)] if self.story_id else self.store.stories(EXPORT_LIMIT, 1)

    def claims(self) -> Iterator[Record]:
        from newstrace.export.tables import claim_record

        for c in self.store.claims(EXPORT_LIMIT, self.story_id):
            yield claim_record(c, self.store.claim_sources(c.id))

    def conflicts(self) -> list[ConflictRow]:
        return self.store.conflicts(self.story_id, EXPORT_LIMIT)


def _write(scope: _Scope, fmt: str, kind: str, out: io.TextIOWrapper) -> int:
    from newstrace.export import tables

    if fmt in ("jsonld", "gexf"):
        from newstrace.export.entities import store_entities

        if fmt == "jsonld":
            from newstrace.export.jsonld import write_jsonld

            return write_jsonld(scope.articles(), out, store_entities(scope.store))
        from newstrace.export.gexf import write_gexf

        return write_gexf(scope.articles(), out, store_entities(scope.store))[0]
    if fmt == "jsonl" and kind == "articles":
        from newstrace.export.jsonl import write_jsonl

        return write_jsonl(scope.articles(), out)
    records = _records(scope, kind)
    return tables.write_jsonl_records(records, out) if fmt == "jsonl" else tables.write_csv_records(kind, records, out)


def _records(scope: _Scope, kind: str) -> Iterator[Record]:
    from newstrace.export import tables

    if kind == "articles":
        return (tables.article_summary(a) for a in scope.articles())
    if kind == "statements":
        return tables.statement_records(scope.articles())
    if kind == "stories":
        return (tables.story_record(s) for s in scope.stories())
    if kind == "claims":
        return scope.claims()
    return (tables.conflict_record(c) for c in scope.conflicts())
