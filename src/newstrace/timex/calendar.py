"""Calendar arithmetic on TimeML points.

A :class:`Point` is a day plus the granularity the text gave it (a year,
a quarter, a week, ...). Shifting and formatting work on the day and keep the
granularity, so "a year before the third quarter of 2024" stays a quarter.
A point whose year is unknown (no DCT, no year in the text) keeps the year
slot as ``None`` and formats it as ``XXXX``: we never invent years.
"""

from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Gran = Literal[
    "D", "W", "WE", "M", "Q", "H", "Y", "DE", "CE", "SP", "SU", "FA", "WI"
]
#: Granularities from finest to coarsest (seasons rank with quarters).
_RANK: dict[str, int] = {
    "D": 0, "WE": 1, "W": 1, "M": 2, "Q": 3, "SP": 3, "SU": 3, "FA": 3, "WI": 3,
    "H": 4, "Y": 5, "DE": 6, "CE": 7,
}
SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
#: A leap year used for arithmetic when the year is unknown, so February 29 stays valid.
_UNKNOWN_YEAR = 2000


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point: ``day`` carries the position, ``gran`` how much of it the text says.

    ``year_known`` is False when the year is not known; the value is then written with XXXX.
    """

    day: date
    gran: Gran
    year_known: bool = True

    def value(self) -> str:
        return format_point(self)


def coarser(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def rank(g: str) -> int:
    return _RANK[g]


def safe_date(year: int | None, month: int, day: int) -> date | None:
    """A date, or None when it does not exist (February 30); unknown years use a leap year."""
    y = _UNKNOWN_YEAR if year is None else year
    if not (1 <= month <= 12) or not (1 <= y <= 9999):
        return None
    if not 1 <= day <= _cal.monthrange(y, month)[1]:
        return None
    return date(y, month, day)


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    year = min(max(year, 1), 9999)
    return date(year, month, min(d.day, _cal.monthrange(year, month)[1]))


def shift(d: date, n: int, unit: str) -> date:
    """Move ``d`` by ``n`` calendar units (D, W, M, Q, Y, DE, CE, WE, H); out of range stays put."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit in ("W", "WE"):
            return d + timedelta(weeks=n)
        if unit == "M":
            return add_months(d, n)
        if unit in ("Q", "SP", "SU", "FA", "WI"):
            return add_months(d, 3 * n if unit == "Q" else 12 * n)
        if unit == "H":
            return add_months(d, 6 * n)
        if unit == "Y":
            return add_months(d, 12 * n)
        if unit == "DE":
            return add_months(d, 120 * n)
        if unit == "CE":
            return add_months(d, 1200 * n)
    except (OverflowError, ValueError):
        return d
    return d


def format_point(p: Point) -> str:
    d, g = p.day, p.gran
    y = f"{d.year:04d}" if p.year_known else "XXXX"
    if g == "D":
        return f"{y}-{d.month:02d}-{d.day:02d}"
    if g in ("W", "WE"):
        iy, iw, _ = d.isocalendar()
        head = f"{iy:04d}" if p.year_known else "XXXX"
        return f"{head}-W{iw:02d}" + ("-WE" if g == "WE" else "")
    if g == "M":
        return f"{y}-{d.month:02d}"
    if g == "Q":
        return f"{y}-Q{(d.month - 1) // 3 + 1}"
    if g == "H":
        return f"{y}-H{1 if d.month <= 6 else 2}"
    if g in ("SP", "SU", "FA", "WI"):
        return f"{y}-{g}"
    if g == "Y":
        return y
    if g == "DE":
        return y[:3]
    if g == "CE":
        return y[:2]
    raise ValueError(g)


def nearest_year(dct: date, month: int, day: int | None, direction: int) -> int:
    """The year that puts month(/day) nearest to the DCT in the given direction.

    ``direction`` is -1 (past: on or before the DCT), +1 (future: on or after), 0 (nearest).
    News mentions of a month without a year mean the closest such month.
    """
    best: tuple[int, int] | None = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if day is None:
            lo = date(y, month, 1)
            hi = date(y, month, _cal.monthrange(y, month)[1])
            if lo <= dct <= hi:
                return y
            dist = (lo - dct).days if lo > dct else (hi - dct).days
        else:
            d = safe_date(y, month, day)
            if d is None:
                continue
            dist = (d - dct).days
        if direction < 0 and dist > 0 or direction > 0 and dist < 0:
            continue
        if best is None or abs(dist) < abs(best[1]):
            best = (y, dist)
    return best[0] if best else dct.year


def weekday_date(dct: date, weekday: int, direction: int) -> date:
    """The day with ISO ``weekday`` nearest the DCT in ``direction`` (-1 past, +1 future, 0 nearest).

    The DCT itself counts for either direction: a report dated Friday saying "said Friday" means today.
    """
    back = (dct.isoweekday() - weekday) % 7
    fwd = (weekday - dct.isoweekday()) % 7
    if direction < 0:
        return dct - timedelta(days=back)
    if direction > 0:
        return dct + timedelta(days=fwd)
    return dct - timedelta(days=back) if back <= fwd else dct + timedelta(days=fwd)


def easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ISO ``weekday`` of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, _cal.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


_SEASON_SPAN = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def value_days(value: str | None) -> tuple[date, date] | None:
    """The first and last day a TimeML date value covers ("2024-03" -> 1 and 31 March 2024), or None
    for values with no known year ("XXXX-03-22"), references ("PAST_REF"), durations and sets."""
    if not value:
        return None
    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$", value)
    try:
        if m:
            y = int(m.group(1))
            if m.group(3):
                d = date(y, int(m.group(2)), int(m.group(3)))
                return d, d
            if m.group(2):
                month = int(m.group(2))
                return date(y, month, 1), date(y, month, _cal.monthrange(y, month)[1])
            return date(y, 1, 1), date(y, 12, 31)
        m = re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value)
        if m:
            monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return (monday + timedelta(days=5) if m.group(3) else monday), monday + timedelta(days=6)
        m = re.match(r"^(\d{4})-([QH])([1-4])$", value)
        if m:
            y, size, n = int(m.group(1)), (3 if m.group(2) == "Q" else 6), int(m.group(3))
            first = date(y, (n - 1) * size + 1, 1)
            last_month = n * size
            return first, date(y, last_month, _cal.monthrange(y, last_month)[1])
        m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
        if m:
            y = int(m.group(1))
            a, b = _SEASON_SPAN[m.group(2)]
            end_year = y + 1 if b < a else y
            return date(y, a, 1), date(end_year, b, _cal.monthrange(end_year, b)[1])
        m = re.match(r"^(\d{3})$", value)
        if m:
            return date(int(value) * 10 or 1, 1, 1), date(int(value) * 10 + 9, 12, 31)
        m = re.match(r"^(\d{2})$", value)
        if m:
            return date(max(1, int(value) * 100), 1, 1), date(int(value) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None
