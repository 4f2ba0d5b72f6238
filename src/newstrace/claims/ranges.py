"""The range of values a figure allows, from how it is written.

Rules (benchmarks/data/ecbplus_conflicts/README.md, rule 4): a bare figure is exact, and a round
one (ending in zero) covers +/- ROUNDING; "at least"/"more than" open it upwards, "up to"/"nearly"
downwards; "about"/"some" widen it by +/- APPROX; "between 40 and 80" is 40..80.

How far a round figure reaches is read from its significant digits: it covers half a unit of its
last one, and never more than ROUNDING. "160,000" is rounded to the ten thousand (155,000..165,000,
so it does not cover 167,000); "85 million" to the million (84.5..85.5 million, set apart from "80
million"); "600" covers 570..630 (the ROUNDING cap: 612 agrees); "1.5 million" and "1,500,000" are
the same figure.
"""

from __future__ import annotations

from newstrace.lang.en.quantities import APPROX, ROUNDING

Range = tuple[float | None, float | None]


def exact(value: float, measurement: bool = False) -> Range:
    if measurement:
        return value * (1 - ROUNDING), value * (1 + ROUNDING)
    if value >= 10 and float(value).is_integer() and int(value) % 10 == 0:
        half = min(value * ROUNDING, _last_digit(int(value)) / 2)
        return value - half, value + half
    return value, value


def _last_digit(n: int) -> int:
    """The place value of the last significant digit: 10,000 for 160,000, 1,000,000 for 85,000,000."""
    step = 1
    while n and n % 10 == 0:
        n //= 10
        step *= 10
    return step


def bounded(value: float, bound: str | None, measurement: bool = False) -> Range:
    """``bound``: "lower", "upper", "near" (just below), "approx" or None (bare)."""
    if bound == "near":
        return value * (1 - APPROX), value
    if bound == "lower":
        return value, None
    if bound == "upper":
        return None, value
    if bound == "approx":
        return value * (1 - APPROX), value * (1 + APPROX)
    return exact(value, measurement)


def overlap(a: Range, b: Range) -> bool:
    """Whether two ranges share a value (None is open). A lower bound is strict only in name:
    "more than 40" and "40" are treated as meeting (the 40 may itself be rounded)."""
    lo = max((x for x in (a[0], b[0]) if x is not None), default=None)
    hi = min((x for x in (a[1], b[1]) if x is not None), default=None)
    if lo is None or hi is None:
        return True
    return lo <= hi * (1 + 1e-9)


def gap(a: Range, b: Range) -> float:
    """How far apart two disjoint ranges are, relative to the larger figure (0 when they meet)."""
    if overlap(a, b):
        return 0.0
    lo_a = a[0] if a[0] is not None else a[1]
    lo_b = b[0] if b[0] is not None else b[1]
    top = max(x for x in (a[0], a[1], b[0], b[1]) if x is not None)
    if a[1] is not None and b[0] is not None and a[1] < b[0]:
        return (b[0] - a[1]) / top if top else 1.0
    if b[1] is not None and a[0] is not None and b[1] < a[0]:
        return (a[0] - b[1]) / top if top else 1.0
    return abs((lo_a or 0) - (lo_b or 0)) / top if top else 1.0
