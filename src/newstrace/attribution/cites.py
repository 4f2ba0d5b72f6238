"""Article-level citations: the report an article says it retells.

"This is stated in the article "U.S. told Russia ..." by The Washington Post
on April 2." -> Citation(outlet="The Washington Post", title="U.S. told
Russia ...", date_text="April 2"); "The author of the article, Shane Harris,
..." adds the author. Quotes that come from the cited report (those in the
sentence the citation refers back to, and those of its author) get the
outlet in their ``via``.
"""

from __future__ import annotations

import re

from newstrace.attribution.context import ArticleContext, Candidate
from newstrace.attribution.direct import is_naming_quote
from newstrace.lang.en.media import OUTLET_WORDS, REPORT_NOUNS
from newstrace.model import Citation, Span, Timex

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DATE_RE = re.compile(rf"\b(?:on\s+)?((?:{_MONTHS})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?|(?:{_DAYS})|\d{{4}}-\d\d-\d\d)\b")
_CAP = r"(?:[A-Z][\w.&'’-]*)"
_OUTLET_RE = re.compile(rf"\b(?:by|in|from|of|on)\s+((?:[Tt]he\s+)?{_CAP}(?:\s+(?:{_CAP}|of|the|and))*)")
_AUTHOR_RE = re.compile(
    rf"\b(?:author|writer|reporter)\s+of\s+the\s+(?:{'|'.join(sorted(REPORT_NOUNS))}),?\s+({_CAP}(?:\s+{_CAP}){{1,2}})")
_BYLINE_RE = re.compile(rf"\bby\s+({_CAP}\s+{_CAP}(?:\s+{_CAP})?)\s+(?:of|for|at|in)\s+")
_ANAPHOR_RE = re.compile(r"^\s*(?:This|That|It|These)\s+(?:is|was|were|has been|had been)\s+"
                         r"(?:stated|reported|written|said|revealed|claimed|described|published)\b")


def _is_outlet_name(name: str) -> bool:
    words = {w.lower().strip(".,'’s") for w in name.split()}
    return bool(words & OUTLET_WORDS)


def find_cites(ctx: ArticleContext, timexes: tuple[Timex, ...] = ()) -> list[tuple[Citation, int]]:
    """Citations with the index of the sentence that makes them."""
    text = ctx.text
    out: list[tuple[Citation, int]] = []
    report_re = re.compile(r"\b(" + "|".join(sorted(REPORT_NOUNS)) + r")\b", re.I)
    for si, sent in enumerate(ctx.sents):
        s, e = sent.start_char, sent.end_char
        stext = text[s:e]
        m = report_re.search(stext)
        if m is None:
            continue
        noun_end = s + m.end()
        title = None
        title_span_end = noun_end
        for q in ctx.quotes_in(noun_end, e):
            if q.closed and is_naming_quote(ctx, q) and q.open - noun_end <= 12:
                title = text[q.start : q.end].strip(" ,.")
                title_span_end = q.outer.end
                break
        om = None
        for cand in _OUTLET_RE.finditer(text, title_span_end, e):
            if _is_outlet_name(cand.group(1)) and cand.start() - title_span_end <= 20:
                om = cand
                break
        if om is None:
            continue
        outlet = om.group(1).strip()
        outlet = re.sub(r"\s+(?:on|in|of|and|the)$", "", outlet)
        date_text = date_value = None
        for i, t in enumerate(timexes):
            if om.end() <= t.span.start < e and t.span.start - om.end() <= 6:
                date_text, date_value = text[t.span.start : t.span.end], t.value
                break
        if date_text is None:
            dm = _DATE_RE.search(text, om.end(), min(e, om.end() + 30))
            if dm is not None and dm.start() - om.end() <= 4:
                date_text = dm.group(1)
        author = None
        bm = _BYLINE_RE.search(stext)
        if bm is not None:
            author = bm.group(1)
        out.append((Citation(outlet=outlet, author=author, title=title, date_text=date_text, date=date_value,
                             span=Span(s + m.start(), om.end())), si))
    if out:
        am = _AUTHOR_RE.search(text)
        if am is not None:
            c, si = out[0]
            if c.author is None:
                out[0] = (Citation(c.outlet, am.group(1), c.title, c.date_text, c.date, c.span), si)
    return out


def apply_cite_via(ctx: ArticleContext, cites: list[tuple[Citation, int]], cands: list[Candidate]) -> None:
    """Quotes that come from a cited report get its outlet in ``via``."""
    for cite, si in cites:
        if cite.outlet is None:
            continue
        sent = ctx.sents[si]
        anaphoric = bool(_ANAPHOR_RE.match(ctx.text[sent.start_char : sent.end_char]))
        for c in cands:
            if cite.outlet in c.via:
                continue
            sp = c.speaker
            from_author = cite.author is not None and sp is not None and getattr(sp, "name", None) == cite.author
            refers_back = anaphoric and c.sent_index == si - 1
            if from_author or refers_back or c.sent_index == si:
                if sp is not None and getattr(sp, "name", "") == cite.outlet:
                    continue
                c.via = list(c.via) + [_bare_outlet(cite.outlet)]


def _bare_outlet(name: str) -> str:
    return name
