"""schema.org JSON-LD export: a NewsArticle per article, its statements as
Quotation (direct and mixed quotes) or Claim (indirect, stance, no comment)
items in ``hasPart``, the reports it retells in ``isBasedOn``.

Written as one document ``{"@context": "https://schema.org", "@graph": [...]}``,
streamed article by article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO

from newstrace.export.provenance import outlet_of, quote_content
from newstrace.model import Article, Quote, Speaker

CONTEXT = "https://schema.org"
_FULL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ENTITY_TYPES = {"PERSON": "Person", "ORG": "Organization", "PLACE": "Place", "LOC": "Place", "GPE": "Place"}
_SPEAKER_TYPES = {"person": "Person", "role": "Person", "organization": "Organization", "outlet": "Organization", "anonymous_group": "Organization"}


def article_id(a: Article) -> str:
    return f"urn:newstrace:article:{a.id}"


def _agent(s: Speaker | None) -> dict[str, Any] | None:
    if s is None:
        return None
    node: dict[str, Any] = {"@type": _SPEAKER_TYPES.get(s.kind, "Thing"), "name": s.name}
    if s.title and node["@type"] == "Person":
        node["jobTitle"] = s.title
    if s.text and s.text != s.name:
        node["alternateName"] = s.text
    return node


def _statement(a: Article, q: Quote) -> dict[str, Any]:
    quotation = q.kind in ("direct", "mixed")
    node: dict[str, Any] = {
        "@type": "Quotation" if quotation else "Claim",
        "@id": f"urn:newstrace:quote:{a.id}:{q.id}",
        "identifier": q.id,
        "text": quote_content(a, q) or f"({q.cue_text})",
        "additionalType": q.kind,
    }
    agent = _agent(q.speaker)
    if agent:
        node["creator" if quotation else "author"] = agent
        if quotation:
            node["spokenByCharacter"] = agent
    if quotation:
        node["isPartOf"] = {"@id": article_id(a)}
    else:
        node["appearance"] = {"@id": article_id(a)}
    if q.said_on and _FULL_DATE.match(q.said_on):
        node["dateCreated"] = q.said_on
    if q.via:
        node["sourceOrganization"] = [{"@type": "Organization", "name": v} for v in reversed(q.via)]
    if q.channel:
        node["description"] = f"{q.cue_text} ({q.channel})"
    return node


def article_jsonld(a: Article) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "NewsArticle", "@id": article_id(a), "identifier": a.id}
    if a.title:
        node["headline"] = a.title
    if a.url:
        node["url"] = a.url
    if a.published:
        node["datePublished"] = a.published.value
    if a.language:
        node["inLanguage"] = a.language
    if a.authors:
        node["author"] = [{"@type": "Person", "name": n} for n in a.authors]
    outlet = outlet_of(a, default=None)
    if outlet:
        node["publisher"] = {"@type": "Organization", "name": outlet}
    if a.section:
        node["articleSection"] = a.section
    if a.images:
        node["image"] = [
            {k: v for k, v in {"@type": "ImageObject", "contentUrl": i.url, "caption": i.caption, "creditText": i.credit}.items() if v}
            for i in a.images
        ]
    if a.cites:
        based = []
        for c in a.cites:
            src: dict[str, Any] = {"@type": "NewsArticle"}
            if c.title:
                src["headline"] = c.title
            if c.outlet:
                src["publisher"] = {"@type": "Organization", "name": c.outlet}
            if c.author:
                src["author"] = {"@type": "Person", "name": c.author}
            if c.date and _FULL_DATE.match(c.date):
                src["datePublished"] = c.date
            based.append(src)
        node["isBasedOn"] = based
    if a.entities:
        node["mentions"] = [{"@type": _ENTITY_TYPES.get(e.label, "Thing"), "name": e.name} for e in a.entities]
    node["hasPart"] = [_statement(a, q) for q in a.quotes]
    return node


def write_jsonld(articles: Iterable[Article], out: TextIO) -> int:
    out.write('{"@context": "https://schema.org", "@graph": [\n')
    n = 0
    for a in articles:
        if n:
            out.write(",\n")
        out.write(json.dumps(article_jsonld(a), ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n
