"""CSV export: one row per statement (who said what, how, through whom, when)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from newstrace.export.provenance import outlet_of, quote_content
from newstrace.model import Article

COLUMNS = (
    "article_id",
    "article_title",
    "outlet",
    "published",
    "url",
    "quote_id",
    "kind",
    "speaker",
    "speaker_kind",
    "speaker_title",
    "cue",
    "content",
    "medium",
    "audience",
    "confidence",
    "speaker_candidate",
    "via",
    "said_on",
    "start",
    "end",
)

# Spreadsheet programs run cells that start with these as formulas; prefix them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(articles: Iterable[Article], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    n = 0
    for a in articles:
        for q in a.quotes:
            row = (
                a.id,
                a.title or "",
                outlet_of(a, default="") or "",
                a.published.value if a.published else "",
                a.url or "",
                q.id,
                q.kind,
                q.speaker.name if q.speaker else "",
                q.speaker.kind if q.speaker else "",
                (q.speaker.title or "") if q.speaker else "",
                q.cue_text,
                quote_content(a, q),
                q.medium or "",
                q.audience or "",
                q.confidence,
                q.speaker_candidate.name if q.speaker_candidate else "",
                " ← ".join(reversed(q.via)),
                q.said_on or "",
                min((s.start for s in q.content), default=""),
                max((s.end for s in q.content), default=""),
            )
            writer.writerow([_cell(v) for v in row])
            n += 1
    return n
