"""Coverage over time: how many articles each outlet published on a story, per day (or week,
or month when the story runs long), as Media Cloud charts attention.

``coverage(rows)`` counts; ``render_coverage_svg`` draws stacked bars as inline SVG, server-side
(no script). The SVG is an image (role="img") with nothing focusable inside; its label says what
it shows, and the same counts are on the page as a table for screen readers and for copying.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

# Colour-blind-safe (Okabe-Ito), each at least 3:1 against white; outlets past the
# palette share "other outlets".
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C6D31")
OTHER = "other outlets"
WIDTH = 720
PLOT_H = 160
LEFT = 36
BOTTOM = 34


@dataclass(frozen=True, slots=True)
class Coverage:
    unit: str  # "day", "week" or "month"
    buckets: list[date]  # the first day of each bucket, in order, gaps included
    outlets: list[str]  # most articles first; OTHER last when present
    counts: dict[tuple[date, str], int]
    undated: int  # articles without a publication date (not on the chart)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def per_bucket(self, bucket: date) -> int:
        return sum(self.counts.get((bucket, o), 0) for o in self.outlets)


def _day(published: str | None) -> date | None:
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _start(d: date, unit: str) -> date:
    if unit == "week":
        return d - timedelta(days=d.weekday())
    if unit == "month":
        return d.replace(day=1)
    return d


def _next(d: date, unit: str) -> date:
    if unit == "week":
        return d + timedelta(days=7)
    if unit == "month":
        return date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return d + timedelta(days=1)


def coverage(rows: list[tuple[str | None, str]] | list[tuple[str | None, str, int]], max_outlets: int = len(PALETTE) - 1) -> Coverage:
    """``rows``: (published, outlet) per article, or (published, outlet, how many) already counted.
    Days when the story spans up to 92 days, weeks up to ~2 years, months beyond (so the bars stay
    readable)."""
    weighted = [(r[0], r[1], r[2] if len(r) > 2 else 1) for r in rows]  # type: ignore[misc]
    dated = [(d, o, n) for p, o, n in weighted if (d := _day(p)) is not None]
    undated = sum(n for _, _, n in weighted) - sum(n for _, _, n in dated)
    if not dated:
        return Coverage("day", [], [], {}, undated)
    first, last = min(d for d, _, _ in dated), max(d for d, _, _ in dated)
    span = (last - first).days
    unit = "day" if span <= 92 else "week" if span <= 730 else "month"
    by_outlet: Counter[str] = Counter()
    for _, o, n in dated:
        by_outlet[o] += n
    ranked = [o for o, _ in sorted(by_outlet.items(), key=lambda kv: (-kv[1], kv[0]))]
    keep = set(ranked[:max_outlets]) if len(ranked) > max_outlets + 1 else set(ranked)
    outlets = [o for o in ranked if o in keep] + ([OTHER] if len(keep) < len(ranked) else [])
    counts: Counter[tuple[date, str]] = Counter()
    for d, o, n in dated:
        counts[(_start(d, unit), o if o in keep else OTHER)] += n
    buckets = []
    b, end = _start(first, unit), _start(last, unit)
    while b <= end:
        buckets.append(b)
        b = _next(b, unit)
    return Coverage(unit, buckets, outlets, dict(counts), undated)


def bucket_label(d: date, unit: str) -> str:
    if unit == "month":
        return d.strftime("%b %Y")
    text = f"{d.day} {d.strftime('%b %Y')}"
    return f"week of {text}" if unit == "week" else text


def _tick_every(n: int) -> int:
    for step in (1, 2, 3, 4, 6, 7, 12, 14, 24, 30, 52, 60, 90, 120):
        if n / step <= 8:
            return step
    return max(1, n // 8)


def render_coverage_svg(cov: Coverage, title: str, noun: str = "article") -> Markup:
    """Stacked bars, one per bucket, coloured by outlet; empty Markup when nothing is dated."""
    if not cov.buckets:
        return Markup("")
    n = len(cov.buckets)
    peak = max(cov.per_bucket(b) for b in cov.buckets)
    slot = (WIDTH - LEFT - 8) / n
    bar = min(36.0, max(1.0, slot * 0.8))  # a few buckets give bars, not walls
    scale = PLOT_H / peak
    colour = {o: (PALETTE[i] if o != OTHER else "#9a9a9a") for i, o in enumerate(cov.outlets)}
    parts: list[str] = []
    for i, b in enumerate(cov.buckets):
        x = LEFT + i * slot + (slot - bar) / 2
        y = PLOT_H + 8.0
        for o in cov.outlets:
            c = cov.counts.get((b, o), 0)
            if not c:
                continue
            h = c * scale
            y -= h
            parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{colour[o]}"/>')
    # y axis: 0 and the peak; x axis: a few bucket labels
    axis = [
        f'<line x1="{LEFT}" y1="{PLOT_H + 8}" x2="{WIDTH - 4}" y2="{PLOT_H + 8}" stroke="#444"/>',
        f'<text x="{LEFT - 6}" y="{PLOT_H + 12}" text-anchor="end">0</text>',
        f'<text x="{LEFT - 6}" y="16" text-anchor="end">{peak}</text>',
        f'<line x1="{LEFT}" y1="8" x2="{WIDTH - 4}" y2="8" stroke="#ddd"/>',
    ]
    step = _tick_every(n)
    for i in range(0, n, step):
        x = LEFT + i * slot + slot / 2
        label = bucket_label(cov.buckets[i], cov.unit).removeprefix("week of ")
        anchor = "start" if x < LEFT + 30 else "end" if x > WIDTH - 40 else "middle"  # the ends stay inside the frame
        axis.append(f'<text x="{x:.1f}" y="{PLOT_H + 26}" text-anchor="{anchor}">{escape(label)}</text>')
    label = (
        f"{title}: {cov.total} dated {noun}{'s' if cov.total != 1 else ''} per {cov.unit} by outlet, "
        f"from {bucket_label(cov.buckets[0], cov.unit)} to {bucket_label(cov.buckets[-1], cov.unit)}, "
        f"at most {peak} in one {cov.unit}"
    )
    height = PLOT_H + BOTTOM
    return Markup(
        f'<svg class="coverage" role="img" aria-label="{escape(label)}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="11" preserveAspectRatio="xMinYMin meet">'
        f"<title>{escape(label)}</title>{''.join(axis)}{''.join(parts)}</svg>"
    )


def legend(cov: Coverage) -> list[dict[str, object]]:
    """The outlets with their colour and article count, for the legend under the chart."""
    totals: Counter[str] = Counter()
    for (_, o), c in cov.counts.items():
        totals[o] += c
    return [
        {"outlet": o, "colour_class": f"c{i}" if o != OTHER else "cother", "articles": totals[o]}
        for i, o in enumerate(cov.outlets)
    ]


def coverage_json(cov: Coverage) -> dict[str, Any]:
    return {
        "unit": cov.unit,
        "outlets": cov.outlets,
        "undated": cov.undated,
        "buckets": [
            {"start": b.isoformat(), "label": bucket_label(b, cov.unit), "total": cov.per_bucket(b),
             "by_outlet": {o: cov.counts[(b, o)] for o in cov.outlets if cov.counts.get((b, o))}}
            for b in cov.buckets
        ],
    }


def coverage_from_json(data: dict[str, Any]) -> Coverage:
    """The Coverage that coverage_json wrote (a page draws what its API returns)."""
    buckets = [date.fromisoformat(b["start"]) for b in data["buckets"]]
    counts = {(d, o): c for d, b in zip(buckets, data["buckets"]) for o, c in b["by_outlet"].items()}
    return Coverage(data["unit"], buckets, list(data["outlets"]), counts, data["undated"])
