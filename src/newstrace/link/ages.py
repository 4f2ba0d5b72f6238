"""How much a person's age may have grown between two statements.

A story about a trial or an extradition runs for months or years, and each outlet gives the
accused's age on its own day: "the 54-year-old Jeffs" at a hearing, "Jeffs, 55" at the verdict a
year later. Both are true, so two ages of one person conflict only by more than the birthdays that
may lie between the two statements. Statements of one week give one age ("Buckley, 32" against
"31-year-old Buckley" is a conflict). An undated statement may come from any time the story's
dated articles cover; publication dates read from pages are noisy, so it is allowed one birthday at
most.
"""

from __future__ import annotations

import math
from datetime import date

# Two statements this many days apart or more may have a birthday between them; nearer ones are
# taken as one time (a birthday in the same few weeks is too unlikely to excuse a year).
BIRTHDAY_DAYS = 30


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def years_between(x: str | None, y: str | None, story: tuple[str, str] | None = None) -> int:
    """How many years one person's age may differ between a statement dated ``x`` and one dated
    ``y`` (ISO dates, None when unknown); ``story`` is the first and last date of the story's
    dated articles."""
    dx, dy = _day(x), _day(y)
    if dx is not None and dy is not None:
        days = abs((dx - dy).days)
        return 0 if days < BIRTHDAY_DAYS else math.ceil(days / 365.25)
    first, last = (_day(story[0]), _day(story[1])) if story else (None, None)
    if first is None or last is None:
        return 0
    known = dx or dy
    # the undated one may be from any day the story covers: as far from the dated one as the story reaches
    days = (last - first).days if known is None else max(abs((known - first).days), abs((last - known).days))
    return 1 if days >= BIRTHDAY_DAYS else 0


def grown_apart(low_x: float | None, high_x: float | None, low_y: float | None, high_y: float | None, years: int) -> bool:
    """Whether two age ranges lie no more than ``years`` apart (so both can be one person's ages
    at the two times)."""
    lx, hx = (low_x if low_x is not None else high_x), (high_x if high_x is not None else low_x)
    ly, hy = (low_y if low_y is not None else high_y), (high_y if high_y is not None else low_y)
    if years <= 0 or lx is None or hx is None or ly is None or hy is None:
        return False
    return max(lx - hy, ly - hx) <= years
