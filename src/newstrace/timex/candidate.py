"""A found-but-not-yet-normalised time expression.

Recognition and normalisation are separate passes: rules find spans and say
*how* to compute the value (a resolver closure), and the tagger computes
values afterwards in document order, when the DCT, the tense of the sentence
and the earlier expressions (for "a day later") are all known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

from .calendar import Point

if TYPE_CHECKING:
    from .anchor import Context

#: What a resolver returns: (value, point for later anchoring, what it was anchored on).
#: The anchor is "dct", another Candidate, or None for absolute expressions.
Anchor = Union[str, "Candidate", None]
Resolved = tuple[str | None, Point | None, Anchor]
Resolver = Callable[["Context", "Candidate"], Resolved]


@dataclass(eq=False, slots=True)
class Candidate:
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    resolve: Resolver
    mod: str | None = None
    #: Tie-breaker between equally long overlapping candidates (higher wins).
    priority: int = 0
    #: (month, day or None, year) when the text writes the date with its year: it lends
    #: that year to the same date written without one elsewhere.
    written: tuple[int, int | None, int] | None = None
    #: For clock times: the TimeML time part ("T14:00", "TMO"), so a date next to it can take it.
    clock: str | None = None
    #: For offsets ("three days before"): (amount, unit, sign), so an anchor after it can take it.
    shift: tuple[float | str, str, int] | None = None
    #: Expressions nested inside this one that are timexes of their own ("March 22" in
    #: "three days before the March 22 attack").
    children: list[Candidate] = field(default_factory=list)
    #: Resolved after every other expression: its anchor (an event's date) may be written later.
    deferred: bool = False
    #: Filled in by the tagger.
    value: str | None = None
    point: Point | None = None
    anchor: Anchor = None

    @property
    def length(self) -> int:
        return self.end - self.start


def fixed(value: str | None) -> Resolver:
    """A resolver for expressions whose value does not depend on context (durations, "2017")."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        return value, None, None

    return resolve


def absolute(point: Point) -> Resolver:
    """A resolver for fully written dates: the value is the point itself."""

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        return point.value(), point, None

    return resolve


#: Marks a span that must not become (part of) a timex, e.g. "$2017" or "February 30".
class Block:
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    @property
    def length(self) -> int:
        return self.end - self.start


RuleResult = Candidate | Block | None | list[Candidate]
