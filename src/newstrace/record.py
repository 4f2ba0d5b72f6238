"""The article record: the JSON form of an Article (docs/article-record.md).

Annotations hold offsets only; the record adds the text each span covers so a
reader of the JSON does not have to slice. Reading a record back ignores those
copies and rebuilds the standoff Article from the offsets.
"""

from __future__ import annotations

from typing import Any

from newstrace.errors import StoreError
from newstrace.model import (
    READABLE_SCHEMAS,
    SCHEMA_VERSION,
    Article,
    Citation,
    Claim,
    Clause,
    Cut,
    Entity,
    Event,
    Figure,
    Image,
    LanguagePart,
    Mention,
    PublishedDate,
    Quote,
    RemovedLine,
    Sentence,
    SkippedStage,
    SourceRef,
    Span,
    Speaker,
    Timex,
)

Json = dict[str, Any]


def _span(span: Span | None, text: str) -> Json | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


def _unspan(data: Json | None) -> Span | None:
    return None if data is None else Span(int(data["start"]), int(data["end"]))


def _speaker(s: Speaker | None, text: str) -> Json | None:
    if s is None:
        return None
    return {"text": s.text, "name": s.name, "kind": s.kind, "title": s.title, "entity_id": s.entity_id,
            "span": _span(s.span, text), "confidence": s.confidence}


def _quote(q: Quote, text: str) -> Json:
    return {
        "id": q.id,
        "kind": q.kind,
        "content": " … ".join(text[s.start : s.end] for s in q.content),
        "content_spans": [_span(s, text) for s in q.content],
        "cue": q.cue_text,
        "cue_span": _span(q.cue, text),
        "speaker": _speaker(q.speaker, text),
        "speaker_candidate": _speaker(q.speaker_candidate, text),
        "medium": q.medium,
        "medium_span": _span(q.medium_span, text),
        "audience": q.audience,
        "audience_span": _span(q.audience_span, text),
        "via": list(q.via),
        "said_on": q.said_on,
        "said_on_timex": q.said_on_timex,
        "confidence": q.confidence,
    }


def _figure(f: Figure, text: str) -> Json:
    return {
        "text": text[f.span.start : f.span.end], "span": _span(f.span, text), "low": f.low, "high": f.high, "unit": f.unit,
        "measure": f.measure, "about": f.about, "scope": f.scope, "provisional": f.provisional,
    }


def _claim(c: Claim, text: str) -> Json:
    return {
        "span": _span(c.span, text), "quote_id": c.quote_id, "predicate": c.predicate, "speaker": c.speaker, "subject": c.subject, "object": c.object,
        "negated": c.negated, "hedged": c.hedged, "figures": [_figure(f, text) for f in c.figures], "dates": list(c.dates),
        "blames": list(c.blames), "blamed_for": list(c.blamed_for), "exclusive": c.exclusive, "rebuts": c.rebuts,
        "clauses": [
            {"span": _span(k.span, text), "predicate": k.predicate, "subject": k.subject, "object": k.object, "negated": k.negated} for k in c.clauses
        ],
    }


def _claim_from(d: Json) -> Claim:
    span = _unspan(d["span"])
    assert span is not None
    figures = tuple(
        Figure(Span(f["span"]["start"], f["span"]["end"]), f.get("low"), f.get("high"), f["unit"], f["measure"], f.get("about"), f.get("scope"), bool(f.get("provisional")))
        for f in d.get("figures", ())
    )
    return Claim(
        span, d.get("quote_id"), d["predicate"], d.get("speaker"), d.get("subject"), d.get("object"), bool(d.get("negated")), bool(d.get("hedged")),
        figures, tuple(d.get("dates", ())), tuple(d.get("blames", ())), tuple(d.get("blamed_for", ())), bool(d.get("exclusive")), bool(d.get("rebuts")),
        tuple(
            Clause(Span(k["span"]["start"], k["span"]["end"]), k["predicate"], k.get("subject"), k.get("object"), bool(k.get("negated")))
            for k in d.get("clauses", ())
        ),
    )


def article_to_record(a: Article, *, stages_missing: tuple[str, ...] = ()) -> Json:
    """The JSON-ready record of an article (see docs/article-record.schema.json)."""
    t = a.text
    return {
        "schema": SCHEMA_VERSION,
        "id": a.id,
        "source": {"kind": a.source.kind, "location": a.source.location},
        "url": a.url,
        "title": a.title,
        "site": a.site,
        "section": a.section,
        "authors": list(a.authors),
        "published": a.published.value if a.published else None,
        "published_source": a.published.source if a.published else None,
        "published_raw": a.published.raw if a.published else None,
        "language": a.language,
        "text": t,
        "images": [{"url": i.url, "caption": i.caption, "credit": i.credit, "date_text": i.date_text, "date": i.date} for i in a.images],
        "removed": [{"text": r.text, "reason": r.reason} for r in a.removed],
        "cites": [
            {"outlet": c.outlet, "author": c.author, "title": c.title, "date_text": c.date_text, "date": c.date, "span": _span(c.span, t)}
            for c in a.cites
        ],
        "sentences": [[s.span.start, s.span.end] for s in a.sentences],
        "entities": [
            {"id": e.id, "name": e.name, "label": e.label, "aliases": list(e.aliases), "mentions": [[m.start, m.end] for m in e.mentions]}
            for e in a.entities
        ],
        "mentions": [{"start": m.span.start, "end": m.span.end, "label": m.label, "entity_id": m.entity_id} for m in a.mentions],
        "quotes": [_quote(q, t) for q in a.quotes],
        "timexes": [
            {"text": t[x.span.start : x.span.end], "span": _span(x.span, t), "type": x.type, "value": x.value, "anchor": x.anchor, "mod": x.mod}
            for x in a.timexes
        ],
        "events": [
            {"id": e.id, "date": e.date, "text": t[e.span.start : e.span.end], "span": _span(e.span, t), "timex": e.timex, "according_to": e.according_to, "quote_id": e.quote_id,
             "subject": _span(e.subject, t) if e.subject else None}
            for e in a.events
        ],
        "claims": [_claim(c, t) for c in a.claims],
        "stages": list(a.stages),
        "stages_skipped": [{"stage": k.stage, "reason": k.reason} for k in a.skipped],
        "other_languages": [{"span": _span(p.span, t), "language": p.language} for p in a.other_languages],
        "stages_missing": list(stages_missing),
        "invalid_bytes": a.invalid_bytes,
        "cuts": [{"limit": c.limit, "value": c.value, "found": c.found, "at": c.at, "count": c.count} for c in a.cuts],
    }


def _speaker_from(d: Json | None) -> Speaker | None:
    if d is None:
        return None
    return Speaker(text=d["text"], name=d["name"], kind=d["kind"], span=_unspan(d.get("span")), entity_id=d.get("entity_id"),
                   title=d.get("title"), confidence=d.get("confidence"))


def record_to_article(r: Json) -> Article:
    """Rebuild an Article from its record (the inverse of article_to_record)."""
    if r.get("schema") not in READABLE_SCHEMAS:
        raise StoreError(f"record schema {r.get('schema')!r} is not {SCHEMA_VERSION!r}", input=r.get("id"))
    published = PublishedDate(r["published"], r.get("published_source") or "unknown", r.get("published_raw")) if r.get("published") else None
    return Article(
        id=r["id"],
        text=r["text"],
        source=SourceRef(r["source"]["kind"], r["source"]["location"]),
        url=r.get("url"),
        title=r.get("title"),
        site=r.get("site"),
        section=r.get("section"),
        authors=tuple(r.get("authors", ())),
        published=published,
        language=r.get("language"),
        images=tuple(Image(i.get("url"), i.get("caption"), i.get("credit"), i.get("date_text"), i.get("date")) for i in r.get("images", ())),
        removed=tuple(RemovedLine(x["text"], x["reason"]) for x in r.get("removed", ())),
        cites=tuple(Citation(c.get("outlet"), c.get("author"), c.get("title"), c.get("date_text"), c.get("date"), _unspan(c.get("span"))) for c in r.get("cites", ())),
        sentences=tuple(Sentence(Span(s, e)) for s, e in r.get("sentences", ())),
        mentions=tuple(Mention(Span(m["start"], m["end"]), m["label"], m.get("entity_id")) for m in r.get("mentions", ())),
        entities=tuple(
            Entity(e["id"], e["name"], e["label"], tuple(e.get("aliases", ())), tuple(Span(s, x) for s, x in e.get("mentions", ())))
            for e in r.get("entities", ())
        ),
        timexes=tuple(Timex(_unspan(x["span"]), x["type"], x.get("value"), x.get("anchor"), x.get("mod")) for x in r.get("timexes", ())),  # type: ignore[arg-type]
        quotes=tuple(
            Quote(
                id=q["id"],
                kind=q["kind"],
                content=tuple(_unspan(s) for s in q.get("content_spans", ())),  # type: ignore[misc]
                cue=_unspan(q.get("cue_span")),
                cue_text=q.get("cue") or "",
                speaker=_speaker_from(q.get("speaker")),
                speaker_candidate=_speaker_from(q.get("speaker_candidate")),
                medium=q.get("medium", q.get("channel")),
                medium_span=_unspan(q.get("medium_span", q.get("channel_span"))),
                audience=q.get("audience"),
                audience_span=_unspan(q.get("audience_span")),
                confidence=float(q.get("confidence", 1.0)),
                via=tuple(q.get("via", ())),
                said_on=q.get("said_on"),
                said_on_timex=q.get("said_on_timex"),
            )
            for q in r.get("quotes", ())
        ),
        events=tuple(
            Event(e["id"], _unspan(e["span"]), e.get("date"), e.get("timex"), e.get("according_to"), e.get("quote_id"),  # type: ignore[arg-type]
                  _unspan(e["subject"]) if e.get("subject") else None)
            for e in r.get("events", ())
        ),
        claims=tuple(_claim_from(c) for c in r.get("claims", ())),
        stages=tuple(r.get("stages", ())),
        skipped=tuple(SkippedStage(k["stage"], k["reason"]) for k in r.get("stages_skipped", ())),
        other_languages=tuple(LanguagePart(_unspan(p["span"]), p["language"]) for p in r.get("other_languages", ())),  # type: ignore[arg-type]
        invalid_bytes=int(r.get("invalid_bytes") or 0),
        cuts=tuple(Cut(c["limit"], c["value"], c["found"], c.get("at"), c.get("count", 1)) for c in r.get("cuts", ())),
    )
