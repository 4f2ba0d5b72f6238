"""The readable text report of one analysed article."""

from __future__ import annotations

import textwrap
from collections import OrderedDict
from collections.abc import Sequence

from newstrace.events.readable import event_text, event_when
from newstrace.events.timeline import timeline_of
from newstrace.lang.scripts import name_of
from newstrace.link.conflicts import side_lines
from newstrace.model import Article, Conflict, Quote
from newstrace.timex.words import date_in_words, in_words

WIDTH = 100
# Statements below this confidence show it in the report.
CONFIDENT = 0.7


def speaker_heading(q: Quote) -> str:
    """The speaker as a reader should see it: the name, or a plain statement that it is unresolved."""
    if q.speaker is not None:
        return q.speaker.name
    if q.kind == "no_comment":
        return "(unattributed)"
    if q.speaker_candidate is not None:
        return f"(speaker unresolved; nearest candidate: {q.speaker_candidate.name})"
    return "(speaker unresolved)"


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(" ".join(text.split()), width=WIDTH, initial_indent=indent, subsequent_indent=" " * len(indent) + "  ")


def _quote_line(a: Article, q: Quote) -> str:
    content = " … ".join(a.span_text(s) for s in q.content) or "(no comment)"
    extras = [f"{q.kind}", f"cue: {q.cue_text}"]
    if q.audience:
        extras.append(f"to: {q.audience}")
    if q.medium:
        extras.append(f"medium: {q.medium}")
    if q.via:
        extras.append("via: " + " ← ".join(q.via))
    if q.said_on:
        extras.append(f"said on: {date_in_words(q.said_on)}")
    if q.confidence < CONFIDENT:
        extras.append(f"confidence {q.confidence:.2f}")
    return _wrap(f"“{content}” [{'; '.join(extras)}]", "    - ")


def language_notes(a: Article) -> list[str]:
    """What of the analysis did not run for the article's language, and which paragraphs were left
    out for being in another one; the text, metadata, search and near-copy detection do not depend
    on the language."""
    notes: list[str] = []
    own = [k for k in a.skipped if not k.reason.startswith("needs ")]
    if own:
        after = [k.stage for k in a.skipped if k.reason.startswith("needs ")]
        stages = ", ".join(k.stage for k in own) + (f" (and so {', '.join(after)})" if after else "")
        notes.append(f"Not analysed: {stages}: {own[0].reason}. Text, metadata, search and near-copy "
                     "detection work as for any language.")
    if a.other_languages:
        share = sum(p.span.end - p.span.start for p in a.other_languages) / max(1, len(a.text))
        langs = ", ".join(dict.fromkeys(name_of(p.language) for p in a.other_languages))
        notes.append(f"Left out of the analysis: {len(a.other_languages)} paragraph(s) in {langs} "
                     f"({share:.0%} of the text); the rest was analysed as {name_of(a.language)}.")
    return notes


def _why_not(a: Article, stage: str, noun: str) -> str:
    for k in a.skipped:
        if k.stage == stage:
            return f"not run: {k.reason}"
    return f"{noun} stage not installed"


def render_report(a: Article, missing: tuple[str, ...] = (), conflicts: Sequence[Conflict] | None = None) -> str:
    """``conflicts`` None means the caller did not look for conflicts (the report says so)."""
    out: list[str] = []
    out.append("=" * WIDTH)
    out.append(a.title or "(untitled)")
    meta = [f"id {a.id}", f"language {a.language or '?'}"]
    if a.published:
        meta.append(f"published {a.published.value} ({a.published.source})")
    else:
        meta.append("published: unknown")
    if a.authors:
        meta.append("by " + ", ".join(a.authors))
    if a.site:
        meta.append(a.site)
    out.append(" · ".join(meta))
    out.append(f"source: {a.source.kind} {a.source.location}")
    out.append("=" * WIDTH)
    if missing:
        out.append(f"Stages not installed: {', '.join(missing)} (their sections stay empty).")
    out.extend(_wrap(line, "") for line in language_notes(a))
    for c in a.cites:
        parts = [p for p in (c.outlet, c.author and f"by {c.author}", c.title and f"“{c.title}”", c.date_text) if p]
        out.append("Retells: " + ", ".join(parts))
    for img in a.images:
        out.append(_wrap(f"Image: {img.caption or ''} (credit: {img.credit or 'unknown'})", ""))

    out.append("")
    out.append(f"WHO SAID WHAT ({len(a.quotes)} statements)")
    by_speaker: OrderedDict[str, list[Quote]] = OrderedDict()
    for q in a.quotes:
        by_speaker.setdefault(speaker_heading(q), []).append(q)
    for speaker, quotes in by_speaker.items():
        first = quotes[0].speaker
        label = speaker + (f" — {first.title}" if first and first.title else "") + (f" [{first.kind}]" if first else "")
        out.append("  " + label)
        out.extend(_quote_line(a, q) for q in quotes)
    if not a.quotes:
        out.append("  (none found)" if "quotes" in a.stages else f"  ({_why_not(a, 'quotes', 'quote')})")

    out.append("")
    out.append("TIMELINE")
    dated, undated = timeline_of(a)
    for e in dated:
        who = f" — according to {e.according_to}" if e.according_to else ""
        out.append(_wrap(f"{event_when(a, e)}: {event_text(a, e)}{who}", "  "))
    for e in undated:
        if e.date:  # dated without a year the text gives: "22 Mar"
            out.append(_wrap(f"{event_when(a, e)} (year unknown): {event_text(a, e)}", "  "))
    if any(not e.date for e in undated):
        out.append(f"  ({sum(1 for e in undated if not e.date)} undated events)")
    if not a.events:
        out.append("  (no dated events)" if "events" in a.stages else f"  ({_why_not(a, 'events', 'event')})")
    if a.timexes:
        out.append(_wrap("Time expressions: " + "; ".join(
            f"{a.span_text(t.span)} = {in_words(t.value, t.type, t.mod) or '?'}" for t in a.timexes), "  "))

    out.append("")
    out.append("CONFLICTS")
    if conflicts is None:
        out.append("  (not computed)")
    elif not conflicts:
        out.append("  (none found)")
    for n, conflict in enumerate(conflicts or (), 1):
        out.append(_wrap(f"{n}. {conflict.topic} — {conflict.evidence} [{conflict.kind}, {conflict.confidence:.2f}]", "  "))
        for line in side_lines(conflict, where=False):
            out.append(_wrap(line, "     "))

    out.append("")
    people = [e for e in a.entities if e.label == "PERSON"]
    orgs = [e for e in a.entities if e.label == "ORG"]
    places = [e for e in a.entities if e.label == "PLACE"]
    for label, group in (("People", people), ("Organisations", orgs), ("Places", places)):
        if group:
            out.append(_wrap(f"{label}: " + ", ".join(e.name for e in group), ""))
    if a.removed:
        out.append(f"Removed as boilerplate: {len(a.removed)} lines (see --format json, field 'removed').")
    return "\n".join(out)
