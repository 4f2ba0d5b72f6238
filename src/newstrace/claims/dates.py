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
        if re.match(r"^XXXX-\d\d-\d\d", v):
            # a day given without its year ("on Tuesday (6 January)"): the year is the publication's,
            # or the one before or after it, whichever is nearest; with no publication date it is
            # taken as one of the story's own days
            if not published or _near_publication(v[5:10], published):
                continue
            out.add(v[:7])
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


def _near_publication(month_day: str, published: str) -> bool:
    """Whether a day of the year (MM-DD) falls within ten days of publication in some year."""
    from datetime import date

    try:
        day = date.fromisoformat(published[:10])
    except ValueError:
        return True
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            if abs((date.fromisoformat(f"{year}-{month_day}") - day).days) <= 10:
                return True
        except ValueError:
            continue
    return False
