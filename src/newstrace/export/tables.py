"""Articles, statements, stories, claims and conflicts as JSON lines and CSV.

Plain functions over what the store (or the desk) has already read: a ``*_record`` function makes
one JSON-able record of one row; :func:`write_jsonl_records` writes records one per line and
:func:`write_csv_records` flattens records of one kind into the CSV rows :data:`TABLES` defines
(a claim is one row per source, a conflict one row per side, so a spreadsheet needs no nesting).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TextIO

from newstrace.export.provenance import outlet_of, quote_content
from newstrace.link.claims import appearance
from newstrace.link.conflicts import position_letter, side_label
from newstrace.link.reviews import review_name
from newstrace.link.storage import ClaimRow, ClaimSourceRow, ConflictRow
from newstrace.model import Article, Quote, Story

Record = dict[str, Any]
# Spreadsheet programs run cells that start with these as formulas; prefix them.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def statement_record(a: Article, q: Quote) -> Record:
    """One statement: who said what, how, through whom (outermost first), when, how sure."""
    return {
        "article_id": a.id,
        "article_title": a.title,
        "outlet": outlet_of(a, default=None),
        "published": a.published.value if a.published else None,
        "url": a.url,
        "quote_id": q.id,
        "kind": q.kind,
        "speaker": q.speaker.name if q.speaker else None,
        "speaker_kind": q.speaker.kind if q.speaker else None,
        "speaker_title": q.speaker.title if q.speaker else None,
        "cue": q.cue_text,
        "content": quote_content(a, q),
        "medium": q.medium,
        "audience": q.audience,
        "confidence": q.confidence,
        "speaker_candidate": q.speaker_candidate.name if q.speaker_candidate else None,
        "via": list(reversed(q.via)),
        "said_on": q.said_on,
        "start": min((s.start for s in q.content), default=None),
        "end": max((s.end for s in q.content), default=None),
    }


def statement_records(articles: Iterable[Article]) -> Iterator[Record]:
    for a in articles:
        for q in a.quotes:
            yield statement_record(a, q)


def article_summary(a: Article) -> Record:
    """One article in a line of a table (JSON lines of articles carry the whole article record)."""
    return {
        "article_id": a.id,
        "title": a.title,
        "outlet": outlet_of(a, default=None),
        "published": a.published.value if a.published else None,
        "url": a.url,
        "language": a.language,
        "authors": list(a.authors),
        "statements": len(a.quotes),
        "entities": len(a.entities),
        "events": len(a.events),
        "source": a.source.location if a.source else None,
    }


def story_record(s: Story) -> Record:
    return {
        "story_id": s.id,
        "title": s.title,
        "first_date": s.first_date,
        "last_date": s.last_date,
        "article_count": len(s.article_ids),
        "outlets": list(s.outlets),
        "article_ids": list(s.article_ids),
    }


def claim_record(c: ClaimRow, sources: Sequence[ClaimSourceRow]) -> Record:
    """A claim with every source that made or repeated it, the first of them and the chain of outlets."""
    first, chain = appearance(list(sources))
    ordered = sorted(sources, key=lambda x: x.date or "9999")  # linked order within a day, as appearance() reads it
    return {
        "claim_id": c.id,
        "text": c.text,
        "story_id": c.story_id,
        "source_count": c.source_count,
        "first_date": c.first_date,
        "first_speaker": c.first_speaker,
        "first_article_id": c.first_article_id,
        "first_quote_id": c.first_quote_id,
        "chain": chain,
        "sources": [dict(asdict(x), first=x is first) for x in ordered],
    }


def conflict_record(row: ConflictRow) -> Record:
    """A conflict: the reason, its strength, the reader's triage and each side's statements."""
    sides = sorted(row.sides, key=lambda s: (s.position, s.date or "", s.article_id, s.start or 0))
    return {
        "conflict_id": row.id,
        "story_id": row.story_id,
        "topic": row.topic,
        "reason": row.evidence,
        "kind": row.kind,
        "confidence": row.confidence,
        "review": review_name(row.review),
        "reviewed_at": row.reviewed_at,
        "sides": [
            {
                "side": position_letter(s.position),
                "position": s.position,
                "speaker": s.speaker,
                "held_as": side_label(s),
                "outlet": s.outlet,
                "date": s.date,
                "article_id": s.article_id,
                "quote_id": s.quote_id,
                "statement_kind": s.kind,
                "start": s.start,
                "end": s.end,
                "text": s.text,
            }
            for s in sides
        ],
    }


@dataclass(frozen=True, slots=True)
class Table:
    """How records of one kind become CSV: the header and the rows of one record."""

    columns: tuple[str, ...]
    rows: Callable[[Record], Iterable[Sequence[Any]]]


def _flat(record: Record, columns: Sequence[str]) -> list[Any]:
    return [record.get(c) for c in columns]


STATEMENT_COLUMNS = (
    "article_id", "article_title", "outlet", "published", "url", "quote_id", "kind", "speaker", "speaker_kind", "speaker_title",
    "cue", "content", "medium", "audience", "confidence", "speaker_candidate", "via", "said_on", "start", "end",
)
ARTICLE_COLUMNS = ("article_id", "title", "outlet", "published", "url", "language", "authors", "statements", "entities", "events", "source")
STORY_COLUMNS = ("story_id", "title", "first_date", "last_date", "article_count", "outlets", "article_ids")
CLAIM_COLUMNS = ("claim_id", "text", "story_id", "source_count", "first_date", "first_speaker", "chain")
CLAIM_SOURCE_COLUMNS = ("article_id", "quote_id", "speaker", "outlet", "date", "similarity", "first", "text")
CONFLICT_COLUMNS = ("conflict_id", "story_id", "topic", "reason", "kind", "confidence", "review", "reviewed_at")
SIDE_COLUMNS = ("side", "speaker", "held_as", "outlet", "date", "article_id", "quote_id", "statement_kind", "start", "end", "text")


def _claim_rows(r: Record) -> Iterator[list[Any]]:
    head = _flat(r, CLAIM_COLUMNS)
    for x in r["sources"]:
        yield head + _flat(x, CLAIM_SOURCE_COLUMNS)


def _conflict_rows(r: Record) -> Iterator[list[Any]]:
    head = _flat(r, CONFLICT_COLUMNS)
    for x in r["sides"]:
        yield head + _flat(x, SIDE_COLUMNS)


TABLES: dict[str, Table] = {
    "statements": Table(STATEMENT_COLUMNS, lambda r: [_flat(r, STATEMENT_COLUMNS)]),
    "articles": Table(ARTICLE_COLUMNS, lambda r: [_flat(r, ARTICLE_COLUMNS)]),
    "stories": Table(STORY_COLUMNS, lambda r: [_flat(r, STORY_COLUMNS)]),
    "claims": Table(CLAIM_COLUMNS + tuple("source_" + c for c in CLAIM_SOURCE_COLUMNS), _claim_rows),
    "conflicts": Table(CONFLICT_COLUMNS + tuple(c if c == "side" else "side_" + c for c in SIDE_COLUMNS), _conflict_rows),
}


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        value = "; ".join(map(str, value))
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv_records(kind: str, records: Iterable[Record], out: TextIO) -> int:
    """Records of ``kind`` (a key of TABLES) as CSV with a header; returns the number of records."""
    table = TABLES[kind]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    n = 0
    for record in records:
        for row in table.rows(record):
            writer.writerow([_cell(v) for v in row])
        n += 1
    return n


def write_jsonl_records(records: Iterable[Record], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
