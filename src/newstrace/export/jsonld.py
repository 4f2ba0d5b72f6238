"""schema.org JSON-LD export: a NewsArticle per article, its statements as Quotation (direct and
mixed quotes) or Claim (indirect, stance, no comment) items in ``hasPart``, the reports it retells
in ``isBasedOn``.

Every part is written once. People, organisations, places and the reports articles retell are
nodes of their own, listed after the articles and referred to by ``@id`` wherever they speak,
publish, are mentioned or retold; a party the linker joined to an entity of the store is one node
(``urn:newstrace:entity:ID``) under all the names it went by. A statement sits in its article's ``hasPart`` only (no link back). Types are
schema.org's; ``additionalType`` is always a URL (a Quotation is also a Claim, an outlet is a
NewsMediaOrganization). What schema.org has no term for is in the ``nt:`` vocabulary
(``urn:newstrace:vocab:``): the kind of statement and the confidence of its attribution.

Written as one document ``{"@context": [...], "@graph": [...]}``, streamed article by article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote as url_quote

from newstrace.export.entities import ArticleEntities, EntityLookup, EntityRef, names_only
from newstrace.export.provenance import outlet_of, quote_content
from newstrace.model import Article, Citation, Quote, Speaker

SCHEMA = "https://schema.org/"
VOCAB = "urn:newstrace:vocab:"
CONTEXT: list[Any] = ["https://schema.org", {"nt": VOCAB}]
NEWS_MEDIA = SCHEMA + "NewsMediaOrganization"
_FULL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_ENTITY_TYPES = {"PERSON": "Person", "ORG": "Organization", "PLACE": "Place", "LOC": "Place", "GPE": "Place"}
_SPEAKER_TYPES = {"person": "Person", "role": "Person", "organization": "Organization", "outlet": "Organization", "anonymous_group": "Organization"}


def article_id(a: Article) -> str:
    return f"urn:newstrace:article:{a.id}"


class Parties:
    """The people, organisations, places and retold reports of the export, each one node, referred to by @id."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}

    def ref(self, name: str, schema_type: str, entity: EntityRef | None = None, *, also: str | None = None,
            title: str | None = None, outlet: bool = False) -> dict[str, str]:
        if entity is not None:
            node_id = f"urn:newstrace:entity:{entity.id}"
            schema_type = _ENTITY_TYPES.get(entity.label, schema_type)
        else:
            node_id = f"urn:newstrace:{schema_type.lower()}:{url_quote(name, safe='')}"
        node = self.nodes.get(node_id)
        if node is None:
            node = self.nodes[node_id] = {"@type": schema_type, "@id": node_id, "name": entity.name if entity else name}
            if entity is not None:
                node["identifier"] = entity.id
                for alias in entity.aliases:
                    self._add(node, "alternateName", alias)
                if schema_type == "Person":
                    for t in entity.titles:
                        self._add(node, "jobTitle", t)
        for other in (name, also):
            if other and other != node["name"]:
                self._add(node, "alternateName", other)
        if title and node["@type"] == "Person":
            self._add(node, "jobTitle", title)
        if outlet:
            node["additionalType"] = NEWS_MEDIA
        return {"@id": node_id}

    @staticmethod
    def _add(node: dict[str, Any], key: str, value: str) -> None:
        values = node.setdefault(key, [])
        if value not in values:
            values.append(value)

    def report(self, c: Citation, known: ArticleEntities) -> dict[str, str]:
        """A report articles retell: one node however many retell it (same outlet, headline and date)."""
        key = "|".join(x or "" for x in (c.outlet, c.title, c.date if c.date and _FULL_DATE.match(c.date) else None))
        node_id = f"urn:newstrace:report:{url_quote(key, safe='')}"
        if node_id not in self.nodes:
            src: dict[str, Any] = {"@type": "NewsArticle", "@id": node_id}
            if c.title:
                src["headline"] = c.title
            if c.outlet:
                src["publisher"] = self.ref(c.outlet, "Organization", known.of_name(c.outlet), outlet=True)
            if c.author:
                src["author"] = self.ref(c.author, "Person", known.of_name(c.author))
            if c.date and _FULL_DATE.match(c.date):
                src["datePublished"] = c.date
            self.nodes[node_id] = src
        return {"@id": node_id}

    def speaker(self, s: Speaker, known: ArticleEntities) -> dict[str, str]:
        return self.ref(s.name, _SPEAKER_TYPES.get(s.kind, "Thing"), known.of_speaker(s), also=s.text, title=s.title)


def _statement(a: Article, q: Quote, parties: Parties, known: ArticleEntities) -> dict[str, Any]:
    quotation = q.kind in ("direct", "mixed")
    node: dict[str, Any] = {
        "@type": "Quotation" if quotation else "Claim",
        "@id": f"urn:newstrace:quote:{a.id}:{q.id}",
        "identifier": q.id,
        "text": quote_content(a, q) or f"({q.cue_text})",
        "nt:kind": q.kind,
    }
    if quotation:
        node["additionalType"] = SCHEMA + "Claim"  # what it asserts, for readers of claims
    if q.confidence is not None:
        node["nt:confidence"] = q.confidence
    if q.speaker is not None:
        node["author"] = parties.speaker(q.speaker, known)
    if q.said_on and _FULL_DATE.match(q.said_on):
        node["dateCreated"] = q.said_on
    if q.via:
        node["sourceOrganization"] = [parties.ref(v, "Organization", known.of_name(v)) for v in reversed(q.via)]
    if q.channel:
        node["description"] = f"{q.cue_text} ({q.channel})"
    return node


def article_jsonld(a: Article, parties: Parties, known: ArticleEntities) -> dict[str, Any]:
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
        node["author"] = [parties.ref(n, "Person", known.of_name(n)) for n in dict.fromkeys(a.authors)]
    outlet = outlet_of(a, default=None)
    if outlet:
        node["publisher"] = parties.ref(outlet, "Organization", known.of_name(outlet), outlet=True)
    if a.section:
        node["articleSection"] = a.section
    if a.images:
        node["image"] = [
            {k: v for k, v in {"@type": "ImageObject", "contentUrl": i.url, "caption": i.caption, "creditText": i.credit}.items() if v}
            for i in a.images
        ]
    if a.cites:
        node["isBasedOn"] = [parties.report(c, known) for c in a.cites]
    if a.entities:
        # two names the linker found to be one entity are one mention
        mentions = [parties.ref(e.name, _ENTITY_TYPES.get(e.label, "Thing"), known.of_entity(e)) for e in a.entities]
        node["mentions"] = list({m["@id"]: m for m in mentions}.values())
    node["hasPart"] = [_statement(a, q, parties, known) for q in a.quotes]
    return node


def write_jsonld(articles: Iterable[Article], out: TextIO, entities: EntityLookup = names_only) -> int:
    """Write the articles and then every party they name; returns the number of articles."""
    out.write('{"@context": ' + json.dumps(CONTEXT) + ', "@graph": [')
    parties = Parties()
    items = n = 0

    def item(node: dict[str, Any]) -> None:
        nonlocal items
        out.write(",\n" if items else "\n")
        out.write(json.dumps(node, ensure_ascii=False))
        items += 1

    for a in articles:
        item(article_jsonld(a, parties, entities(a)))
        n += 1
    for node in parties.nodes.values():
        item(node)
    out.write("\n]}\n")
    return n
