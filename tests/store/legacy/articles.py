"""Three short analysed articles written for the store-upgrade fixtures (two of one story, one apart)."""

from __future__ import annotations

from newstrace.model import Article, Entity, Event, PublishedDate, Quote, SourceRef, Span, Speaker


def _article(n: int, site: str, day: str, title: str, lead: str, said: str, speaker: str) -> Article:
    text = f"{lead} {speaker}, the harbour master, said {said}. Officials said the ferry would resume on Monday."
    start = text.index(said)
    return Article(
        id=f"legacy{n:010d}", text=text, source=SourceRef("file", f"legacy-{n}.html"), url=f"https://www.{site}/news/{n}",
        title=title, site=site, published=PublishedDate(day, "meta"), language="en",
        entities=(Entity("e1", speaker, "PERSON", (speaker.split()[-1],)), Entity("e2", "Port Elmsby", "PLACE")),
        quotes=(Quote("q1", "indirect", (Span(start, start + len(said)),), None, "said",
                      Speaker(speaker, speaker, "person")),),
        events=(Event("ev1", Span(0, len(lead)), day, None, None),),
    )


def legacy_articles() -> list[Article]:
    return [
        _article(1, "harbourtimes.example", "2025-03-02", "Storm closes Port Elmsby harbour",
                 "A storm closed the harbour of Port Elmsby on Sunday and stranded the ferry fleet.",
                 "the harbour would stay closed until the storm passed", "Mara Quillon"),
        _article(2, "coastnews.example", "2025-03-03", "Port Elmsby harbour stays shut after storm",
                 "The harbour of Port Elmsby stayed shut on Monday after the storm stranded the ferry fleet.",
                 "the harbour would reopen once the storm passed", "Mara Quillon"),
        _article(3, "valleypost.example", "2025-06-10", "Orchard growers expect early harvest",
                 "Apple growers in the valley expect the earliest harvest in a decade after a warm spring.",
                 "the warm spring brought the blossom forward by three weeks", "Tobin Arkwright"),
    ]
