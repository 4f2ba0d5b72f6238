"""Which dates in a claim lie away from the story's own days (moved from link/compare.py, so
that claims need not import the linker that compares them)."""

from __future__ import annotations

import re

from newstrace.model import Claim


def background_dates(claim: Claim, published: str | None) -> set[str]:
    """Dates in a claim that place it away from the story's own days (a year, a month, a date
    more than ten days from publication): "the 2004 tsunami", "in September"."""
    out = set()
    for v in claim.dates:
        if "T" in v or not re.match(r"^(?:\d{4}|XXXX-\d\d)", v):
            continue
        if published and v[:4].isdigit() and len(v) >= 10 and len(published) >= 10:
            from datetime import date

            try:
                if abs((date.fromisoformat(v[:10]) - date.fromisoformat(published[:10])).days) <= 10:
                    continue
            except ValueError:
                pass
        if published and v[:7] == published[:7] and len(v) == 7:
            continue
        out.add(v[:7] if len(v) >= 7 else v)
    return out
