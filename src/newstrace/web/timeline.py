"""The story timeline, drawn as SVG by our own code.

A vertical time axis: one row per dated event in date order, each with its
date, its text (cut to fit; the whole text is in the row's <title>) and its
source ("according to ..." or the article itself). Where two consecutive
dates lie far apart the axis is broken and the gap is written on it, so a
2017 event and a run of March 2024 events share one readable axis.

Dates are TimeML values, shown in words ("6 Mar 2024", "week of 18 Mar 2024",
"autumn 2024"). Those with a known year place on the axis; the rest
("XXXX-03-06", "PRESENT_REF", None) are returned as undated. Every text piece
is escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from newstrace.timex.calendar import value_days
from newstrace.web.display import date_words

WIDTH = 760
ROW = 46
TOP = 16
AXIS_X = 176
TEXT_X = 196
MAX_CHARS = 80
BREAK_DAYS = 45


@dataclass(frozen=True, slots=True)
class TimelineItem:
    id: str
    date: str | None  # TimeML value
    text: str
    source: str | None  # who says so; None = the article itself
    href: str | None = None
    outlet: str | None = None
    when: str | None = None  # the date in words


def place(value: str | None) -> date | None:
    """The first day a TimeML value covers, or None when it has no known year."""
    days = value_days(value)
    return days[0] if days else None


def human_date(value: str) -> str:
    """A TimeML value in words ("2024-03-06" -> "6 Mar 2024", "2024-W08" -> "week of 19 Feb 2024")."""
    return date_words(value) or value


def _gap(days: int) -> str:
    if days >= 365:
        years = round(days / 365.25)
        return f"{years} year{'s' if years != 1 else ''} later"
    if days >= 60:
        return f"{round(days / 30.4)} months later"
    return f"{days} days later"


def split_items(items: list[TimelineItem]) -> tuple[list[tuple[date, TimelineItem]], list[TimelineItem]]:
    dated: list[tuple[date, TimelineItem]] = []
    undated: list[TimelineItem] = []
    for item in items:
        when = place(item.date)
        if when is None:
            undated.append(item)
        else:
            dated.append((when, item))
    # Stable: same-day events keep their order in the text.
    dated.sort(key=lambda pair: (pair[0], pair[1].date or ""))
    return dated, undated


def _cut(text: str, limit: int = MAX_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_svg(items: list[TimelineItem], title: str = "Timeline") -> Markup:
    """The SVG for the dated items (empty Markup when none is dated)."""
    dated, _ = split_items(items)
    if not dated:
        return Markup("")
    rows: list[str] = []
    y = TOP
    previous: date | None = None
    previous_value: str | None = None
    for when, item in dated:
        if previous is not None and (when - previous) > timedelta(days=BREAK_DAYS):
            # Axis break: a zigzag and the size of the gap.
            y += 6
            rows.append(
                f'<g class="tl-break"><rect x="{AXIS_X - 5}" y="{y - 2}" width="10" height="19" fill="#fff"/><path d="M{AXIS_X - 7},{y} l7,5 l-7,5 l7,5" fill="none" stroke="#888" stroke-width="1.5"/>'
                f'<text x="{TEXT_X}" y="{y + 14}" class="tl-gap">{escape(_gap((when - previous).days))}</text></g>'
            )
            y += 26
        show_date = item.date != previous_value
        source = item.source or "the article"
        via = f" · {item.outlet}" if item.outlet else ""
        href = item.href or f"#tl-{item.id}"
        label = f"{item.when or human_date(item.date or '')}: {' '.join(item.text.split())} — according to {source}{via}"
        rows.append(
            f'<a href="{escape(href)}" class="tl-link" aria-label="{escape(label)}">'
            f'<g class="tl-item" id="tl-{escape(item.id)}" data-date="{escape(item.date or "")}" data-source="{escape(item.source or "")}">'
            f"<title>{escape(label)}</title>"
            f'<rect x="0" y="{y - 4}" width="{WIDTH}" height="{ROW - 4}" class="tl-hit" fill="transparent"/>'
            + (f'<text x="{AXIS_X - 14}" y="{y + 14}" text-anchor="end" class="tl-date">{escape(item.when or human_date(item.date or ""))}</text>' if show_date else "")
            + f'<circle cx="{AXIS_X}" cy="{y + 10}" r="{6 if show_date else 4}" class="tl-dot" fill="#b0302a"/>'
            f'<text x="{TEXT_X}" y="{y + 14}" class="tl-text">{escape(_cut(item.text))}</text>'
            f'<text x="{TEXT_X}" y="{y + 31}" class="tl-source">according to {escape(source)}{escape(via)}</text>'
            "</g></a>"
        )
        previous, previous_value = when, item.date
        y += ROW
    height = y + 4
    axis = f'<line x1="{AXIS_X}" y1="{TOP - 6}" x2="{AXIS_X}" y2="{height - 8}" stroke="#444" stroke-width="2" class="tl-axis"/>'
    return Markup(
        # a group, not an image: its events are links, and nothing focusable may sit inside an image
        f'<svg class="timeline" role="group" aria-label="{escape(title)}" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="13">'
        f"<title>{escape(title)}</title>{axis}{''.join(rows)}</svg>"
    )
