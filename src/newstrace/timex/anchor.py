"""What relative expressions are resolved against.

Three anchors, in the order news text uses them:

* the document creation time (DCT) for deictic words ("yesterday", "last month", "Tuesday");
* an earlier expression in the text for narrative ones ("a day later", "the following week");
* the year written elsewhere in the text for a date given without one ("March 22" after
  "March 22, 2024"), which is the only way a year appears when there is no DCT.

Without a DCT and without a year in the text the year stays unknown (XXXX) and deictic
expressions get no value at all: we never invent years.
"""

from __future__ import annotations

import re
from datetime import date

from .calendar import Point, nearest_year, rank, safe_date, weekday_date
from .candidate import Anchor, Candidate
from .tense import TenseOracle

#: Words right before a weekday that point forward whatever the verb tense: deadlines
#: ("until Tuesday", "as soon as Monday") are the coming day.
#: ("Until Thursday, they had not ..." opens a sentence looking back: lower case only.)
_FORWARD_CUE = re.compile(r"\b(?:until|till|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than)\s+(?:on\s+)?$")

_YEAR_BACK = re.compile(r"year[-\s]+(?:ago|earlier|before)|\blast\s+year", re.I)

#: How far (days) the nearest reading of a yearless date must be before the tense may flip it.
FAR_DAYS = 60


class Context:
    def __init__(self, text: str, dct: date | None) -> None:
        self.text = text
        self.dct = dct
        self.oracle = TenseOracle(text)
        self.resolved: list[Candidate] = []
        #: (month, day) -> year, from dates written with their year.
        self.year_of_day: dict[tuple[int, int], int] = {}
        #: (start, year) of dates written with month and year, in text order.
        self.explicit_years: list[tuple[int, int]] = []

    # -- tense ---------------------------------------------------------------------------
    def direction(self, cand: Candidate, default: int = -1) -> int:
        """-1 past, +1 future, 0 present, from the verbs around the expression.

        News mostly reports what happened, so with no verb to go on the default is past.
        """
        t = self.oracle.tense(cand.start, cand.end)
        return default if t is None else t

    # -- deictic anchor ------------------------------------------------------------------
    def dct_point(self) -> Point | None:
        return Point(self.dct, "D") if self.dct else None

    # -- narrative anchor ----------------------------------------------------------------
    def narrative(self, cand: Candidate, max_gran: str = "CE") -> tuple[Point | None, Anchor]:
        """The latest earlier expression with a calendar point at most as coarse as ``max_gran``.

        Falls back to the DCT: "a year earlier" in a report usually counts from its date.
        """
        for prev in reversed(self.resolved):
            if prev.start >= cand.start or prev.point is None or prev.type not in ("DATE", "TIME"):
                continue
            if rank(prev.point.gran) <= rank(max_gran) and prev.point.year_known:
                return prev.point, prev
            break
        p = self.dct_point()
        return (p, "dct") if p else (None, None)

    def year_comparison(self, prev: Anchor) -> bool:
        """Whether ``prev`` is itself a year-on-year comparison ("a year ago", "the year-earlier
        quarter"): a second one ("... a year earlier") names the same period, it does not go
        back another year."""
        if not isinstance(prev, Candidate):
            return False
        return bool(_YEAR_BACK.search(self.text, prev.start, prev.end))

    def reporting_period(self, cand: Candidate, within: int = 1500) -> Candidate | None:
        """The latest quarter or half-year named before ``cand`` (not too far back): what
        "a year ago" and "the year-earlier period" compare with in an earnings report."""
        for prev in reversed(self.resolved):
            if prev.start >= cand.start or prev.point is None or prev.type != "DATE":
                continue
            if cand.start - prev.end > within:
                return None
            if prev.point.gran in ("Q", "H") and prev.point.year_known and not self.year_comparison(prev):
                return prev
        return None

    # -- year for dates written without one ----------------------------------------------
    def year_for(self, cand: Candidate, month: int, day: int | None) -> tuple[int | None, Anchor]:
        if self.dct is not None:
            return self.nearest_year(cand, month, day), "dct"
        if day is not None and (month, day) in self.year_of_day:
            return self.year_of_day[(month, day)], None
        # The nearest earlier date written with its year sets the story's year.
        year = None
        for start, y in self.explicit_years:
            if start >= cand.start:
                break
            year = y
        return year, None

    def nearest_year(self, cand: Candidate, month: int, day: int | None) -> int:
        """The year putting month(/day) nearest the DCT; the tense overrides that only when the
        nearest one is far on the other side ("in January" said in October is past January).

        Deadlines and schedules ("by Jan. 14", "expires Nov. 6") sit in past-tense sentences
        so often that the tense cannot decide for dates close to the DCT.
        """
        assert self.dct is not None
        y = nearest_year(self.dct, month, day, 0)
        d = safe_date(y, month, day or 15)
        if d is None:
            return y
        dist = (d - self.dct).days
        if abs(dist) > FAR_DAYS:
            t = self.direction(cand, default=0)
            if t != 0 and (dist > 0) != (t > 0):
                return nearest_year(self.dct, month, day, t)
        return y

    def weekday(self, cand: Candidate, weekday: int, direction: int | None = None) -> date | None:
        if self.dct is None:
            return None
        if direction is None and _FORWARD_CUE.search(self.text, max(0, cand.start - 30), cand.start):
            direction = 1
        d = self.direction(cand) if direction is None else direction
        return weekday_date(self.dct, weekday, d)

    def learn(self, month: int, day: int | None, year: int, start: int) -> None:
        """Record a date written with its year, for dates elsewhere written without one."""
        if day is not None and safe_date(year, month, day):
            self.year_of_day.setdefault((month, day), year)
        self.explicit_years.append((start, year))
