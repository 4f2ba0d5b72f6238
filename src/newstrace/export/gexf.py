"""GEXF export: the who-cites-whom network, for Gephi and friends.

Nodes are the parties statements pass through (speakers, the outlets and people in reporting
chains, the publishing outlets, the reports retold) and the articles. A party the linker joined
to an entity of the store is one node however many articles name it and under whichever name
(``e:`` + the store's entity id, labelled with the entity's name); other parties are keyed by
name (``p:``), articles by id (``a:``).

For each statement there are directed edges along its chain speaker → via (innermost first) →
outlet → article; a report the article retells adds cited outlet → outlet. Each edge counts the
statements that travel it (also its weight), their first and last date and their mean confidence.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import TextIO

from newstrace.export.entities import ArticleEntities, EntityLookup, EntityRef, names_only
from newstrace.export.provenance import outlet_of
from newstrace.model import Article, Quote

NS = "http://gexf.net/1.3"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")

# Declared attributes: (id, title, GEXF type). Values written for them are checked by the tests.
NODE_ATTRIBUTES = (
    ("kind", "kind", "string"),  # speaker, via, outlet, cited, article (the first role seen)
    ("entity", "entity", "string"),  # the store's entity id ("" for a party known only by name)
    ("label", "entity label", "string"),  # PERSON, ORG, PLACE, GROUP, or the speaker kind
    ("statements", "statements", "integer"),  # statements this party made
    ("confidence", "mean confidence", "double"),  # of those statements (left out when none was measured)
)
EDGE_ATTRIBUTES = (
    ("statements", "statements", "integer"),
    ("first", "first date", "string"),
    ("last", "last date", "string"),
    ("confidence", "mean confidence", "double"),  # of the statements on this edge (left out when none)
)


@dataclass(slots=True)
class _Tally:
    """Statements counted on a node or an edge: how many, when, how sure."""

    statements: int = 0
    dates: list[str] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)

    def add(self, when: str | None, confidence: float | None) -> None:
        self.statements += 1
        if when:
            self.dates.append(when)
        if confidence is not None:
            self.confidences.append(confidence)

    def seen(self, when: str | None) -> None:
        """A link without a statement (an article published by an outlet, a report retold): its date only."""
        if when:
            self.dates.append(when)

    def mean_confidence(self) -> str:
        return f"{sum(self.confidences) / len(self.confidences):.4g}" if self.confidences else ""


@dataclass(slots=True)
class _Node:
    label: str
    kind: str
    entity: str = ""
    entity_label: str = ""
    said: _Tally = field(default_factory=_Tally)


@dataclass(slots=True)
class Graph:
    nodes: dict[str, _Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], _Tally] = field(default_factory=dict)


def statement_date(a: Article, q: Quote) -> str | None:
    """The day a statement was made: its own date when a full one is known, else the article's."""
    if q.said_on and _DAY.match(q.said_on):
        return q.said_on[:10]
    if a.published and _DAY.match(a.published.value):
        return a.published.value[:10]
    return None


def build_graph(articles: Iterable[Article], entities: EntityLookup = names_only) -> Graph:
    g = Graph()

    def party(name: str, kind: str, found: EntityRef | None, detail: str = "") -> str:
        if found is not None:
            node = "e:" + found.id
            g.nodes.setdefault(node, _Node(found.name, kind, found.id, found.label))
        else:
            node = "p:" + name
            g.nodes.setdefault(node, _Node(name, kind, "", detail))
        return node

    def edge(src: str, dst: str) -> _Tally:
        return g.edges.setdefault((src, dst), _Tally())

    for a in articles:
        known: ArticleEntities = entities(a)
        art = "a:" + a.id
        g.nodes[art] = _Node(a.title or a.id[:12], "article")
        published = a.published.value[:10] if a.published and _DAY.match(a.published.value) else None
        outlet_name = outlet_of(a, default=None)
        outlet = party(outlet_name, "outlet", known.of_name(outlet_name)) if outlet_name else None
        if outlet:
            edge(outlet, art).seen(published)  # published there, with or without statements
        for c in a.cites:
            if c.outlet:
                edge(party(c.outlet, "cited", known.of_name(c.outlet)), outlet or art).seen(published)
        for q in a.quotes:
            speaker_name = q.speaker.name if q.speaker else "(unattributed)"
            speaker = party(speaker_name, "speaker", known.of_speaker(q.speaker), q.speaker.kind if q.speaker else "")
            when = statement_date(a, q)
            g.nodes[speaker].said.add(when, q.confidence)
            path = [speaker, *(party(v, "via", known.of_name(v)) for v in q.via), outlet or art]
            if outlet:
                path.append(art)
            for src, dst in pairwise(path):
                if src != dst:
                    edge(src, dst).add(when, q.confidence)
    return g


def write_gexf(articles: Iterable[Article], out: TextIO, entities: EntityLookup = names_only) -> tuple[int, int]:
    """Write the network of ``articles``; returns (nodes, edges)."""
    g = build_graph(articles, entities)
    root = ET.Element("gexf", {"xmlns": NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "newstrace"
    ET.SubElement(meta, "description").text = "who cites whom: speaker → via → outlet → article"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    for cls, declared in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        attrs = ET.SubElement(graph, "attributes", {"class": cls})
        for attr_id, title, kind in declared:
            ET.SubElement(attrs, "attribute", {"id": attr_id, "title": title, "type": kind})
    xnodes = ET.SubElement(graph, "nodes")
    for node_id, n in g.nodes.items():
        x = ET.SubElement(xnodes, "node", {"id": _clean(node_id), "label": _clean(n.label)})
        _values(x, {"kind": n.kind, "entity": n.entity, "label": n.entity_label, "statements": str(n.said.statements),
                    "confidence": n.said.mean_confidence()})
    xedges = ET.SubElement(graph, "edges")
    for i, ((src, dst), t) in enumerate(sorted(g.edges.items())):
        x = ET.SubElement(xedges, "edge", {"id": str(i), "source": _clean(src), "target": _clean(dst), "weight": f"{float(max(t.statements, 1))}"})
        _values(x, {"statements": str(t.statements), "first": min(t.dates, default=""), "last": max(t.dates, default=""),
                    "confidence": t.mean_confidence()})
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return len(g.nodes), len(g.edges)


def _values(element: ET.Element, values: dict[str, str]) -> None:
    """The known values ("" is unknown: left out, as GEXF allows, rather than a made-up number)."""
    holder = ET.SubElement(element, "attvalues")
    for key, value in values.items():
        if value != "":
            ET.SubElement(holder, "attvalue", {"for": key, "value": _clean(value)})


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters; drop them from labels."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
