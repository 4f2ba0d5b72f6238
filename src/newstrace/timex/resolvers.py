"""Resolver factories: how each kind of expression gets its value from its anchor."""

from __future__ import annotations

from .anchor import Context
from .calendar import Point, coarser, rank, safe_date, shift
from .candidate import Candidate, Resolved, Resolver
from .numbers import format_quantity

#: Which granularity a shift by a unit lands on ("two weeks ago" names a week).
UNIT_GRAN = {"D": "D", "W": "W", "WE": "WE", "M": "M", "Q": "Q", "H": "H", "Y": "Y", "DE": "Y", "CE": "Y"}
#: How to spell a fractional unit with the next smaller one (1.5 years = 1 year 6 months).
_SMALLER = {"Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False),
            "D": ("H", 24, True), "H": ("M", 60, True), "TM": ("S", 60, True)}
NONE: Resolved = (None, None, None)


def duration_value(n: float | str, unit: str, time_unit: bool) -> str:
    """TimeML duration value: P3D, PT30M, PXY, P1Y6M, PT5H30M; decades and centuries as years."""
    if unit == "DE":
        unit, n = "Y", n if isinstance(n, str) else n * 10
        if isinstance(n, str):
            unit = "DE"
    elif unit == "CE":
        unit, n = "Y", n if isinstance(n, str) else n * 100
        if isinstance(n, str):
            unit = "CE"
    if unit == "Q" and not isinstance(n, str) and not float(n).is_integer():
        unit, n = "M", n * 3  # TimeML counts whole quarters (P2Q), a part of one in months
    t = "T" if time_unit else ""
    if isinstance(n, str) or float(n).is_integer():
        return f"P{t}{format_quantity(n)}{unit}"
    whole, frac = int(n), n - int(n)
    key = "TM" if (time_unit and unit == "M") else unit
    small = _SMALLER.get(key)
    if small is None:
        return f"P{t}{format_quantity(n)}{unit}"
    sunit, factor, s_time = small
    rest = round(frac * factor)
    head = f"{whole}{unit}" if whole else ""
    if time_unit or not s_time:
        return f"P{t}{head}{rest}{sunit}"
    return f"P{head}T{rest}{sunit}"


def month_day(month: int, day: int, weekday: int | None = None) -> Resolver:
    """A month and day written without a year; a weekday written with it ("Monday, Oct. 26")
    picks, of the years next to the one the context gives, the one where the day falls on it."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        year, anchor = ctx.year_for(cand, month, day)
        if weekday is not None and year is not None:
            for y in (year, year - 1, year + 1):
                d = safe_date(y, month, day)
                if d is not None and d.isoweekday() == weekday:
                    year = y
                    break
        d = safe_date(year, month, day)
        if d is None:
            return NONE
        p = Point(d, "D", year is not None)
        return p.value(), p, anchor

    return resolve


def month_only(month: int) -> Resolver:
    """A month written without a year ("in March")."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        year, anchor = ctx.year_for(cand, month, None)
        p = Point(safe_date(year, month, 1), "M", year is not None)  # type: ignore[arg-type]
        return p.value(), p, anchor

    return resolve


def weekday(wd: int, direction: int | None = None, part: str | None = None, strict: bool = False) -> Resolver:
    """A weekday: the nearest such day to the DCT in the sentence's direction.

    ``strict`` ("last Monday", "next Friday") skips the DCT itself, and, looking back, the day
    before it: a writer names yesterday "yesterday" or "Monday", so "last Monday" said on a
    Tuesday is the Monday of the week before.
    """

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if ctx.dct is None:
            return NONE
        d = ctx.weekday(cand, wd, direction)
        assert d is not None
        back = (direction or 0) <= 0
        if strict and (d == ctx.dct or back and (ctx.dct - d).days == 1):
            d = shift(d, -7 if back else 7, "D")
        p = Point(d, "D")
        return p.value() + (f"T{part}" if part else ""), p, "dct"

    return resolve


def weekday_of_week(wd: int, weeks: int, part: str | None = None) -> Resolver:
    """The ISO weekday ``wd`` in the week ``weeks`` away from the DCT's ("Friday last week")."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if ctx.dct is None:
            return NONE
        monday = shift(ctx.dct, 7 * weeks - (ctx.dct.isoweekday() - 1), "D")
        p = Point(shift(monday, wd - 1, "D"), "D")
        return p.value() + (f"T{part}" if part else ""), p, "dct"

    return resolve


def within_story(gran: str) -> Resolver:
    """ "earlier in the year": the unit of the last date written out in full earlier in the same
    paragraph ("In 2021, ... Later in the year"), else the DCT's."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        paragraph = ctx.text.rfind("\n\n", 0, cand.start)
        for prev in reversed(ctx.resolved):
            if prev.start >= cand.start or prev.point is None or not prev.point.year_known:
                continue
            if prev.start < paragraph:
                break
            if prev.anchor is None and prev.type in ("DATE", "TIME") and rank(prev.point.gran) <= rank(gran):
                p = Point(prev.point.day, gran, True)  # type: ignore[arg-type]
                return p.value(), p, prev
        return deictic(0, gran)(ctx, cand)

    return resolve


def shifted(base: Point, n: float, unit: str, sign: int) -> Point:
    """``base`` moved by ``n`` units: "three days before | March 22", "two years after | the war"
    (named by its date). Lands on the coarser of the base's granularity and the unit's."""
    amount, u = n, unit
    if not float(amount).is_integer():
        amount, u = (amount * 12, "M") if u == "Y" else (amount * 7, "D") if u == "W" else (amount, u)
    if u in ("DE", "CE"):
        amount, u = amount * (10 if u == "DE" else 100), "Y"
    gran = coarser(base.gran, UNIT_GRAN.get(unit, "D"))
    return Point(shift(base.day, int(round(sign * amount)), u), gran, base.year_known)  # type: ignore[arg-type]


def offset_from_event(noun: str, n: float, unit: str, sign: int, duration: str, quantity_end: int,
                      event_end: int) -> Resolver:
    """ "two years before the invasion": a DATE counted from the invasion's date when the text gives
    it ("the Feb. 24 invasion", "the invasion on Feb. 24, 2022"), the whole phrase then being the
    expression, as "three days before the March 22 attack" is; else the quantity alone, a DURATION
    (TimeML's reading), with no date guessed."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        known = ctx.event_date(noun)
        if known is None or known.point is None or rank(known.point.gran) > rank("Y"):
            cand.type, cand.end = "DURATION", quantity_end
            return duration, None, None
        p = shifted(known.point, n, unit, sign)
        cand.type, cand.end = "DATE", event_end
        return p.value(), p, known

    return resolve


def from_event(noun: str | None, n: int, gran: str = "D") -> Resolver:
    """ "the day after the attack", "the week before the vote": a day (week...) from the date the text
    gives the event ("the March 22 attack", "the attack on March 22"), anywhere in it; without one,
    no value: the publication date is not the attack's."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        apposed = ctx.apposed_date(cand)
        if apposed is not None and apposed.point is not None and gran == "D":
            return apposed.value, apposed.point, apposed  # "Oct. 12, the day before the plunge"
        known = ctx.event_date(noun) if noun else None
        if known is None or known.point is None or rank(known.point.gran) > rank(gran):
            return NONE
        p = Point(shift(known.point.day, n, "W" if gran == "WE" else gran), gran, known.point.year_known)  # type: ignore[arg-type]
        return p.value(), p, known

    return resolve


def deictic(n: int, gran: str, part: str | None = None) -> Resolver:
    """An offset of ``n`` units from the DCT ("yesterday", "last month", "next year")."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if ctx.dct is None:
            return NONE
        unit = "W" if gran == "WE" else gran
        p = Point(shift(ctx.dct, n, unit), gran)  # type: ignore[arg-type]
        return p.value() + (f"T{part}" if part else ""), p, "dct"

    return resolve


def ref(value: str) -> Resolver:
    """PRESENT_REF, PAST_REF, FUTURE_REF: meaningful without a DCT too."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        p = Point(ctx.dct, "D") if (value == "PRESENT_REF" and ctx.dct) else None
        return value, p, ("dct" if p else None)

    return resolve


def offset(n: float | str, unit: str, sign: int, narrative: bool) -> Resolver:
    """ "two years ago" (from the DCT) or "a day later" (from the last expression)."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        if isinstance(n, str):
            return ("PAST_REF" if sign < 0 else "FUTURE_REF"), None, None
        if narrative:
            base, anchor = ctx.narrative(cand)
        else:
            base, anchor = ctx.dct_point(), "dct"
        if unit == "Y" and n == 1 and sign < 0:
            # "a year ago" in an earnings report compares periods: the same quarter a year before.
            period = ctx.reporting_period(cand)
            if period is not None:
                base, anchor = period.point, period
            if ctx.year_comparison(anchor):
                return anchor.value, anchor.point, anchor.anchor  # type: ignore[union-attr]
        if base is None:
            return NONE
        gran = UNIT_GRAN.get(unit, "D")
        if anchor != "dct" and base.gran in ("Q", "H", "M") and unit == "Y" or (
                not narrative and anchor != "dct"):
            gran = base.gran
        elif anchor != "dct":
            gran = coarser(base.gran, gran) if rank(base.gran) > rank("D") else gran
        amount, u = n, unit
        if not float(amount).is_integer():
            if u == "Y":
                amount, u = amount * 12, "M"
            elif u in ("W", "D"):
                amount, u = round(amount * (7 if u == "W" else 1)), "D"
        if u in ("DE", "CE"):
            amount, u = amount * (10 if u == "DE" else 100), "Y"
        d = shift(base.day, int(round(sign * amount)), u)
        p = Point(d, gran, base.year_known)  # type: ignore[arg-type]
        return p.value(), p, anchor

    return resolve


def narrative_unit(n: int, gran: str) -> Resolver:
    """ "the next day", "the following week", "the same year": from the last expression."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        base, anchor = ctx.narrative(cand, max_gran=gran)
        if base is None:
            return NONE
        p = Point(shift(base.day, n, "W" if gran == "WE" else gran), gran, base.year_known)  # type: ignore[arg-type]
        return p.value(), p, anchor

    return resolve
