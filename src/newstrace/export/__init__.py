"""Exports of the store: JSONL records, CSV statements, schema.org JSON-LD, GEXF network, conflicts.

``write_export(store, fmt, stream)`` writes one format to a binary stream;
the ``newstrace export`` command and the desk's /api/export/{fmt} both use it.
"""

from __future__ import annotations

import io
from typing import BinaryIO

FORMATS = ("jsonl", "csv", "jsonld", "gexf", "conflicts")


def write_export(store, fmt: str, stream: BinaryIO) -> int:
    """Write the whole store in ``fmt``; returns the number of items written."""
    from newstrace.errors import ConfigError

    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        articles = store.iter_articles()
        if fmt == "jsonl":
            from newstrace.export.jsonl import write_jsonl

            n = write_jsonl(articles, text)
        elif fmt == "csv":
            from newstrace.export.csv import write_csv

            n = write_csv(articles, text)
        elif fmt == "jsonld":
            from newstrace.export.jsonld import write_jsonld

            n = write_jsonld(articles, text)
        elif fmt == "conflicts":
            from newstrace.export.conflicts import write_conflicts

            n = write_conflicts(store, text)
        elif fmt == "gexf":
            from newstrace.export.gexf import write_gexf

            n = write_gexf(articles, text)[0]
        else:
            raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
        text.flush()
    finally:
        text.detach()  # leave the caller's stream open
    return n
