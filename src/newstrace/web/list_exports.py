"""Exports of the desk's lists: the rows of a whole filtered list as CSV or JSONL. A kind whose CSV
the CLI's export already writes (conflicts: one row per side) is written by that export's writer, so
the desk's file and ``newstrace export KIND --format csv`` have one shape."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import IO, Any

from newstrace.export.tables import Record, _cell, write_csv_records

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}


def _flat(value: Any) -> Any:
    """A CSV cell: lists of sides or names as JSON text, None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return _cell(value)


def write_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str, out: IO[bytes]) -> int:
    """Write ``rows`` (flat dicts with ``columns`` as keys) as ``fmt`` ("csv" or "jsonl"); returns how many."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\n")
    if fmt == "csv":
        writer.writerow(columns)
    n = 0
    for row in rows:
        if fmt == "jsonl":
            text.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            writer.writerow([_flat(row[c]) for c in columns])
        n += 1
    text.flush()
    text.detach()  # the caller keeps (and closes) the file
    return n


def write_table(kind: str, records: Iterable[Record], out: IO[bytes]) -> int:
    """Write ``records`` of ``kind`` as ``newstrace export KIND --format csv`` does; returns how many."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    n = write_csv_records(kind, records, text)
    text.flush()
    text.detach()  # the caller keeps (and closes) the file
    return n
