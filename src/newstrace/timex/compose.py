"""Joining neighbouring expressions that TimeML treats as one.

* An offset followed by what it counts from: "three days before | the March 22 attack".
  The whole phrase is one DATE, and the anchor ("March 22") stays a timex of its own.
* A clock time followed by its day: "10 p.m. | Wednesday", "5 p.m. EST, | Nov. 9".
"""

from __future__ import annotations

import re

from .anchor import Context
from .candidate import Candidate, Resolved, Resolver
from .resolvers import NONE, shifted

_GAP_ANCHOR = re.compile(r"\s+(?:before|after|prior\s+to|ahead\s+of|following|preceding)\s+(?:the\s+)?", re.I)
_GAP_CLOCK = re.compile(r",?\s+(?:on\s+)?")
# One noun after the anchored date names the event: "the March 22 attack".
_EVENT_WORD = re.compile(r"\s+(?!(?:and|or|but|to|in|on|at|of|for|with|by|from|that|which|when|as|is|was|were|are|the|a|an)\b)([a-z][a-z-]+)\b")


def _offset_from(off: Candidate, anchor: Candidate) -> Resolver:
    assert off.shift is not None
    n, unit, sign = off.shift

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        base = anchor.point
        if base is None or isinstance(n, str):
            return NONE
        p = shifted(base, n, unit, sign)
        return p.value(), p, anchor

    return resolve


def _clock_on(clock: Candidate, day: Candidate) -> Resolver:
    assert clock.clock is not None
    suffix = clock.clock

    def resolve(ctx: Context, cand: Candidate) -> Resolved:
        value, point, anchor = day.resolve(ctx, cand)
        if point is not None and point.gran == "D":
            return point.value() + suffix, point, anchor
        return clock.resolve(ctx, cand)

    return resolve


def compose(cands: list[Candidate], text: str) -> list[Candidate]:
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and c.shift is not None and nxt.type in ("DATE", "TIME"):
            gap = _GAP_ANCHOR.match(text, c.end)
            if gap and gap.end() == nxt.start:
                end = nxt.end
                if re.search(r"\bthe\s*$", gap.group(0), re.I):
                    ev = _EVENT_WORD.match(text, end)
                    if ev:
                        end = ev.end()
                outer = Candidate(c.start, end, "DATE", _offset_from(c, nxt), mod=c.mod, children=[nxt])
                out.append(outer)
                i += 2
                continue
        if nxt is not None and c.clock is not None and nxt.type == "DATE" and not nxt.children:
            gap = _GAP_CLOCK.match(text, c.end)
            if gap and gap.end() == nxt.start and "on" not in gap.group(0).lower():
                out.append(Candidate(c.start, nxt.end, "TIME", _clock_on(c, nxt), clock=c.clock))
                i += 2
                continue
        out.append(c)
        i += 1
    return out
