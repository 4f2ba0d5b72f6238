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


def write_export(store: Store, fmt: str, stream: BinaryIO, what: str | None = None) -> int:
    """Write ``what`` (one of KINDS) of the whole store in ``fmt``; returns the number of items
    written (articles, statements, stories, claims or conflicts)."""
    fmt, kind = resolve(fmt, what)
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        n = _write(store, fmt, kind, text)
        text.flush()
    finally:
        text.detach()  # leave the caller's stream open
    return n


def _write(store: Store, fmt: str, kind: str, out: io.TextIOWrapper) -> int:
    from newstrace.export import tables

    if fmt == "jsonld":
        from newstrace.export.entities import store_entities
        from newstrace.export.jsonld import write_jsonld

        return write_jsonld(store.iter_articles(), out, store_entities(store))
    if fmt == "gexf":
        from newstrace.export.entities import store_entities
        from newstrace.export.gexf import write_gexf

        return write_gexf(store.iter_articles(), out, store_entities(store))[0]
    if fmt == "jsonl" and kind == "articles":
        from newstrace.export.jsonl import write_jsonl

        return write_jsonl(store.iter_articles(), out)
    records = _records(store, kind)
    return tables.write_jsonl_records(records, out) if fmt == "jsonl" else tables.write_csv_records(kind, records, out)


def _records(store: Store, kind: str) -> Iterator[Record]:
    from newstrace.export import tables

    if kind == "articles":
        yield from (tables.article_summary(a) for a in store.iter_articles())
    elif kind == "statements":
        yield from tables.statement_records(store.iter_articles())
    elif kind == "stories":
        yield from (tables.story_record(s) for s in store.stories(EXPORT_LIMIT, 1))
    elif kind == "claims":
        for c in store.claims(EXPORT_LIMIT):
            yield tables.claim_record(c, store.claim_sources(c.id))
    else:
        yield from (tables.conflict_record(c) for c in store.conflicts(None, EXPORT_LIMIT))

