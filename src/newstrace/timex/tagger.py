"""``tag_timexes``: find, compose, anchor and normalise every time expression in a text."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from datetime import date, datetime

from ..errors import InputError
from ..model import Span, Timex
from .anchor import Context
from .candidate import Block, Candidate
from .compose import compose
from .rules import RULES
from .select import select


def find_candidates(text: str) -> list[Candidate | Block]:
    found: list[Candidate | Block] = []
    for r in RULES:
        for m in r.finditer(text):
            res = r.handler(m, text)
            if res is None:
                continue
            if isinstance(res, list):
                found.extend(res)
            else:
                found.append(res)
    return found


def _resolve(ctx: Context, c: Candidate) -> None:
    for child in c.children:
        _resolve(ctx, child)
    try:
        c.value, c.point, c.anchor = c.resolve(ctx, c)
    except (ValueError, OverflowError):
        # Calendar arithmetic ran off the calendar (year 9999 and the like): keep the span, no value.
        c.value, c.point, c.anchor = None, None, None
    if ctx.contradicts_past(c):
        # The parse says a past verb governs it, yet its reading lies after the report: the
        # reading is wrong (a chain of relative dates gone astray), and no value beats a wrong one.
        c.value, c.point = None, None
    ctx.resolved.append(c)


Hints = Callable[[list[Span]], tuple[Set[tuple[int, int]], Mapping[tuple[int, int], int]]]


def tag_timexes(
    text: str,
    dct: date | None = None,
    *,
    past: Set[tuple[int, int]] = frozenset(),
    tenses: Mapping[tuple[int, int], int] | None = None,
    hints: Hints | None = None,
) -> tuple[Timex, ...]:
    """Every time expression in ``text`` as a TimeML TIMEX3, sorted by start offset.

    ``dct`` is the document creation time; relative expressions ("Tuesday", "last month")
    resolve against it. Without it they get no value, and dates written without a year
    take it from the text if the text gives it, else keep it unknown (``XXXX``).

    ``past`` and ``tenses`` are what a parse of the text says about the expressions (keyed by
    (start, end)): the ones that are adverbials of a verb telling the past, and the tense of each
    one's clause. They replace the tagger's own guess from the verb forms nearest each expression.
    ``hints`` computes them from the spans found (:func:`newstrace.timex.governs.parse_hints` over a
    parse): the expressions are then found once and resolved again with what it says.
    """
    if not isinstance(text, str):
        raise InputError(f"expected text as str, got {type(text).__name__}")
    if isinstance(dct, datetime):
        dct = dct.date()
    if dct is not None and not isinstance(dct, date):
        raise InputError(f"expected dct as datetime.date, got {type(dct).__name__}")

    chosen = compose(select(find_candidates(text)), text)
    everything: list[Candidate] = []
    for c in chosen:
        everything.extend(c.children)
        everything.append(c)
    _resolve_all(Context(text, dct, past=past, tenses=tenses), chosen, everything)
    if hints is not None and dct is not None and everything:
        past, tenses = hints([Span(c.start, c.end) for c in everything if c.type in ("DATE", "TIME")])
        if past or tenses:
            for c in everything:
                c.value, c.point, c.anchor = None, None, None
            _resolve_all(Context(text, dct, past=past, tenses=tenses), chosen, everything)

    everything.sort(key=lambda c: (c.start, -c.end))
    index = {id(c): i for i, c in enumerate(everything)}
    out: list[Timex] = []
    for c in everything:
        anchor: str | None
        if isinstance(c.anchor, Candidate):
            anchor = f"timex:{index[id(c.anchor)]}" if id(c.anchor) in index else None
        else:
            anchor = c.anchor
        out.append(Timex(Span(c.start, c.end), c.type, c.value, anchor=anchor, mod=c.mod))  # type: ignore[arg-type]
    return tuple(out)


def _resolve_all(ctx: Context, chosen: list[Candidate], everything: list[Candidate]) -> None:
    for c in sorted(everything, key=lambda c: c.start):
        if c.written:
            month, day, year = c.written
            ctx.learn(month, day, year, c.start)
    for c in everything:
        ctx.learn_event(c)
    for c in chosen:
        if not c.deferred:
            _resolve(ctx, c)
    for c in chosen:
        if c.deferred:
            _resolve(ctx, c)
