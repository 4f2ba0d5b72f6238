"""Article text to HTML from standoff offsets, escaping every text piece.

Annotations may nest or cross (a time expression inside a quote, a quote
running over a sentence end). The text is cut at every annotation boundary;
for each piece the open elements are adjusted with a stack, so crossing
annotations are split into several elements and the HTML always nests
correctly. Only the first piece of an annotation carries its ``id``.

Nothing from the article is ever emitted unescaped: text goes through
markupsafe.escape, attribute values too, and tag and attribute *names* come
only from this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from urllib.parse import quote as urlquote

from markupsafe import Markup, escape

from newstrace.model import Article


@dataclass(frozen=True, slots=True)
class Ann:
    start: int
    end: int
    layer: int  # lower = outer when two annotations cover the same range
    tag: str  # "span", "mark", "a"
    cls: str
    id: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()

    def key(self) -> tuple[int, int, int, str]:
        return (self.start, -self.end, self.layer, self.cls)


def _open(ann: Ann, first: bool, inside_link: bool) -> str:
    tag = "span" if ann.tag == "a" and inside_link else ann.tag
    parts = [f'<{tag} class="{escape(ann.cls)}"']
    if first and ann.id:
        parts.append(f' id="{escape(ann.id)}"')
    for name, value in ann.attrs:
        if name == "href" and tag != "a":
            continue
        parts.append(f' {name}="{escape(value)}"')
    return "".join(parts) + ">"


def render_annotated(text: str, anns: list[Ann]) -> Markup:
    """HTML for ``text`` with every annotation wrapped around its range."""
    n = len(text)
    anns = [a for a in anns if 0 <= a.start < a.end <= n]
    bounds = sorted({0, n, *(a.start for a in anns), *(a.end for a in anns)})
    by_start: dict[int, list[Ann]] = {}
    for a in anns:
        by_start.setdefault(a.start, []).append(a)
    active: list[Ann] = []
    stack: list[tuple[Ann, str]] = []  # (annotation, tag actually emitted)
    started: set[int] = set()
    out: list[str] = []
    for lo, hi in pairwise(bounds):
        active = [a for a in active if a.end > lo] + by_start.get(lo, [])
        want = sorted((a for a in active if a.start <= lo and a.end >= hi), key=Ann.key)
        common = 0
        while common < len(stack) and common < len(want) and stack[common][0] is want[common]:
            common += 1
        while len(stack) > common:
            out.append(f"</{stack.pop()[1]}>")
        for a in want[common:]:
            inside_link = any(t == "a" for _, t in stack)
            first = id(a) not in started
            started.add(id(a))
            out.append(_open(a, first, inside_link))
            stack.append((a, "span" if a.tag == "a" and inside_link else a.tag))
        out.append(str(escape(text[lo:hi])))
    while stack:
        out.append(f"</{stack.pop()[1]}>")
    return Markup("".join(out))


def entity_href(name: str) -> str:
    return "/entities/" + urlquote(name, safe="")


def sentence_of(article: Article, offset: int) -> int | None:
    """Index of the sentence holding a character offset."""
    for i, s in enumerate(article.sentences):
        if s.span.start <= offset < s.span.end:
            return i
    return None


def article_annotations(article: Article) -> list[Ann]:
    anns: list[Ann] = []
    for i, s in enumerate(article.sentences):
        anns.append(Ann(s.span.start, s.span.end, 0, "span", "s", f"s-{i}"))
    event_for_timex = {e.timex: e.id for e in article.events if e.timex is not None}
    for e in article.events:
        anns.append(Ann(e.span.start, e.span.end, 1, "span", "ev", f"e-{e.id}", (("data-date", e.date or ""),)))
    for q in article.quotes:
        for n, span in enumerate(q.content):
            anns.append(
                Ann(
                    span.start,
                    span.end,
                    2,
                    "mark",
                    f"q q-{q.kind}",
                    f"q-{q.id}" if n == 0 else f"q-{q.id}-{n}",
                    (("data-quote", q.id), ("title", _quote_title(q))),
                )
            )
        if q.cue is not None:
            anns.append(Ann(q.cue.start, q.cue.end, 3, "span", "cue", f"cue-{q.id}", (("data-quote", q.id), ("title", f"cue of {q.id}"))))
        if q.speaker is not None and q.speaker.span is not None:
            sp = q.speaker.span
            anns.append(
                Ann(sp.start, sp.end, 3, "a", "spk", None, (("href", entity_href(q.speaker.name)), ("data-quote", q.id), ("title", f"speaker: {q.speaker.name}")))
            )
        for channel, title in ((q.medium_span, "medium"), (q.audience_span, "audience")):
            if channel is not None:
                anns.append(Ann(channel.start, channel.end, 3, "span", "chan", None, (("data-quote", q.id), ("title", title))))
    for i, t in enumerate(article.timexes):
        title = f"{t.type} {t.value or '(value unknown)'}"
        if i in event_for_timex:
            attrs: tuple[tuple[str, str], ...] = (("href", f"#tl-{event_for_timex[i]}"), ("data-value", t.value or ""), ("title", title))
            anns.append(Ann(t.span.start, t.span.end, 4, "a", "tx", f"tx-{i}", attrs))
        else:
            anns.append(Ann(t.span.start, t.span.end, 4, "span", "tx", f"tx-{i}", (("data-value", t.value or ""), ("title", title))))
    return anns


def _quote_title(q) -> str:
    who = q.speaker.name if q.speaker else "unattributed"
    return f"{who} ({q.kind}, cue: {q.cue_text})"


def render_article_text(article: Article, passage: tuple[int, int] | None = None) -> Markup:
    """The article's text, annotated; ``passage`` (start, end) is marked ``#passage``: the statement a
    link points at when it is no quote of its own (a conflict's side in the article's words)."""
    anns = article_annotations(article)
    if passage is not None and 0 <= passage[0] < passage[1] <= len(article.text):
        anns.append(Ann(passage[0], passage[1], 1, "mark", "passage", "passage"))
    return render_annotated(article.text, anns)


def passage_href(article_id: str, quote_id: str | None, start: int | None, end: int | None) -> str:
    """Where a statement is read in its article: the quote's own anchor, else its passage marked."""
    if quote_id:
        return f"/articles/{article_id}#q-{quote_id}"
    if start is not None and end is not None and start < end:
        return f"/articles/{article_id}?at={start}-{end}#passage"
    return f"/articles/{article_id}"
