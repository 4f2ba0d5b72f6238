"""Conflicts as JSON lines: one conflict per line, strongest first, with its reason, confidence,
the reader's review and every statement on each side (speaker, outlet, date, passage)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TextIO

EXPORT_LIMIT = 1_000_000


def write_conflicts(store, stream: TextIO) -> int:
    n = 0
    for row in store.conflicts(None, EXPORT_LIMIT):
        stream.write(json.dumps(asdict(row), ensure_ascii=False) + "\n")
        n += 1
    return n
