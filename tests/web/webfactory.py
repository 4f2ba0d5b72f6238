"""Hand-built articles for the web desk tests: every annotation kind, offsets computed from the text."""

from __future__ import annotations

from newstrace.model import (
    Article,
    Citation,
    Entity,
    Event,
    Image,
    PublishedDate,
    Quote,
    RemovedLine,
    Sentence,
    SourceRef,
    Span,
    Speaker,
    Timex,
)


def span_of(text: str, piece: str, start: int = 0) -> Span:
    i = text.index(piece, start)
    return Span(i, i + len(piece))


def sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            while start < i and text[start] in " \n":
                start += 1
            out.append(Sentence(Span(start, i + 1)))
            start = i + 1
    return tuple(out)


def make_article(
    article_id: str = "a1b2c3d4e5f60718",
    title: str = "Minister says the dam will hold",
    site: str | None = "Example Times",
    published: str = "2024-05-02",
    language: str = "en",
    speaker: str = "Anna Berg",
    outlet_via: str = "Nordic Wire",
    url: str | None = "https://example.test/dam",
    extra: str = "",
) -> Article:
    text = (
        f"The river rose on Monday, officials said. "
        f"Water minister {speaker} told reporters on May 1 that \"the dam will hold until June\", the {outlet_via} agency reported. "
        f"Engineers said the spillway was cracked. "
        f"A spokesman for the utility declined to comment.{extra}\n\n"
        f"In 2019 the same dam failed."
    )
    t_monday = span_of(text, "Monday")
    t_may1 = span_of(text, "May 1")
    t_june = span_of(text, "June")
    t_2019 = span_of(text, "2019")
    q1 = Quote(
        id="q1",
        kind="direct",
        content=(span_of(text, "the dam will hold until June"),),
        cue=span_of(text, "told"),
        cue_text="told",
        speaker=Speaker(speaker, speaker, "person", span_of(text, speaker), None, "Water minister"),
        audience="reporters",
        audience_span=span_of(text, "reporters"),
        via=(outlet_via,),
        said_on="2024-05-01",
        said_on_timex=1,
    )
    q2 = Quote(
        id="q2",
        kind="indirect",
        content=(span_of(text, "the spillway was cracked"),),
        cue=span_of(text, "said", text.index("Engineers")),
        cue_text="said",
        speaker=Speaker("Engineers", "Engineers", "anonymous_group", span_of(text, "Engineers")),
    )
    q3 = Quote(
        id="q3",
        kind="no_comment",
        content=(),
        cue=span_of(text, "declined to comment"),
        cue_text="declined to comment",
        speaker=Speaker("A spokesman for the utility", "A spokesman for the utility", "role", span_of(text, "A spokesman for the utility")),
    )
    events = (
        Event("v1", span_of(text, "The river rose on Monday"), "2024-04-29", 0, None),
        Event("v2", span_of(text, f"Water minister {speaker} told reporters on May 1"), "2024-05-01", 1, speaker, "q1"),
        Event("v3", span_of(text, "In 2019 the same dam failed"), "2019", 3, None),
        Event("v4", span_of(text, "the spillway was cracked"), None, None, "Engineers", "q2"),
    )
    return Article(
        id=article_id,
        text=text,
        source=SourceRef("file", f"/tmp/{article_id}.txt"),
        url=url,
        title=title,
        site=site,
        authors=("Lena Holm",),
        published=PublishedDate(published, "option", published),
        language=language,
        images=(Image(None, "The dam at dawn.", "Photo: Ola Nord"),),
        removed=(RemovedLine("Subscribe to our newsletter", "boilerplate"), RemovedLine("3 comments", "comments")),
        cites=(Citation(outlet_via, None, None, "May 1", "2024-05-01", None),),
        sentences=sentences(text),
        entities=(
            Entity("e1", speaker, "PERSON", (speaker.split()[-1],), (span_of(text, speaker),)),
            Entity("e2", outlet_via, "ORG", (), (span_of(text, outlet_via),)),
        ),
        timexes=(
            Timex(t_monday, "DATE", "2024-04-29", "dct"),
            Timex(t_may1, "DATE", "2024-05-01", "dct"),
            Timex(t_june, "DATE", "2024-06", "dct"),
            Timex(t_2019, "DATE", "2019"),
        ),
        quotes=(q1, q2, q3),
        events=events,
        stages=("nlp", "time", "quotes", "events"),
    )


def hostile_article() -> Article:
    """Title, text, quotes, speaker, site, caption, citation and URL carrying script payloads."""
    payload = '<script>window.__pwned = 1</script>"><img src=x onerror="window.__pwned = 2">'
    base = make_article(
        article_id="ffee00112233aabb",
        title=f"Breaking {payload} news",
        site='<img src=x onerror="window.__pwned=3">',
        speaker="Eve <script>window.__pwned=4</script> Mallory",
        outlet_via='Wire"><svg onload="window.__pwned=5">',
        url="javascript:window.__pwned=6",
        extra=f" {payload}",
    )
    from dataclasses import replace

    text = base.text
    q_extra = Quote(
        id="q9",
        kind="direct",
        content=(span_of(text, payload),),
        cue=None,
        cue_text='said"><img src=x onerror="window.__pwned=7">',
        speaker=Speaker(payload, payload, "person", None, None, payload),
        medium=payload,
        via=(payload,),
        said_on='2024-05-01"><script>window.__pwned=8</script>',
    )
    return replace(
        base,
        images=(Image("javascript:window.__pwned=9", payload, payload),),
        removed=(RemovedLine(payload, payload),),
        cites=(Citation(payload, payload, payload, payload, None, None),),
        authors=(payload,),
        quotes=base.quotes + (q_extra,),
        events=base.events + (Event("v9", span_of(text, payload), "2024-05-02", None, payload, "q9"),),
        entities=base.entities + (Entity("e9", payload, "PERSON", (payload,), ()),),
    )

TOKEN = "s3cret-token-for-tests"
