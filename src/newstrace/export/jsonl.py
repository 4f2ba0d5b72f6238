"""JSONL export: one article record (docs/article-record.md) per line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from newstrace.model import Article
from newstrace.record import article_to_record


def write_jsonl(articles: Iterable[Article], out: TextIO) -> int:
    n = 0
    for a in articles:
        out.write(json.dumps(article_to_record(a), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n
