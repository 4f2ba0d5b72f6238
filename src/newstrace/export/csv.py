"""CSV export of statements: one row per statement (who said what, how, through whom, when)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from newstrace.export.tables import STATEMENT_COLUMNS, statement_records, write_csv_records
from newstrace.model import Article

COLUMNS = STATEMENT_COLUMNS


def write_csv(articles: Iterable[Article], out: TextIO) -> int:
    """The statements of ``articles``; returns the number of statements."""
    return write_csv_records("statements", statement_records(articles), out)
