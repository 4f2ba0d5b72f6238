"""GEXF export: the who-cites-whom network, for Gephi and friends.

Nodes are the parties statements pass through (speakers, the outlets and
people in reporting chains, the publishing outlets, the reports retold) and
the articles. For each statement there are directed edges along its chain
speaker → via (innermost first) → outlet → article; a report the article
retells adds cited outlet → outlet. Edge weights count statements.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from datetime import date
from itertools import pairwise
from typing import TextIO

from newstrace.export.provenance import outlet_of
from newstrace.model import Article

NS = "http://gexf.net/1.3"
KIND_ATTR = "0"
LABEL_ATTR = "1"


def build_graph(articles: Iterable[Article]) -> tuple[dict[str, tuple[str, str]], Counter[tuple[str, str]]]:
    """(node id -> (label, kind), (source, target) -> weight)."""
    nodes: dict[str, tuple[str, str]] = {}
    edges: Counter[tuple[str, str]] = Counter()

    def party(name: str, kind: str) -> str:
        node = "p:" + name
        nodes.setdefault(node, (name, kind))
        return node

    for a in articles:
        art = "a:" + a.id
        nodes[art] = (a.title or a.id[:12], "article")
        outlet_name = outlet_of(a, default=None)
        outlet = party(outlet_name, "outlet") if outlet_name else None
        if outlet:
            edges[(outlet, art)] += 1
        for c in a.cites:
            if c.outlet:
                edges[(party(c.outlet, "cited"), outlet or art)] += 1
        for q in a.quotes:
            path = [party(q.speaker.name if q.speaker else "(unattributed)", "speaker")]
            path += [party(v, "via") for v in q.via]
            path.append(outlet or art)
            if outlet:
                path.append(art)
            for src, dst in pairwise(path):
                if src != dst:
                    edges[(src, dst)] += 1
    return nodes, edges


def write_gexf(articles: Iterable[Article], out: TextIO) -> tuple[int, int]:
    nodes, edges = build_graph(articles)
    root = ET.Element("gexf", {"xmlns": NS, "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "newstrace"
    ET.SubElement(meta, "description").text = "who cites whom: speaker → via → outlet → article"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    attrs = ET.SubElement(graph, "attributes", {"class": "node"})
    ET.SubElement(attrs, "attribute", {"id": KIND_ATTR, "title": "kind", "type": "string"})
    xnodes = ET.SubElement(graph, "nodes")
    for node_id, (label, kind) in nodes.items():
        n = ET.SubElement(xnodes, "node", {"id": node_id, "label": _clean(label)})
        values = ET.SubElement(n, "attvalues")
        ET.SubElement(values, "attvalue", {"for": KIND_ATTR, "value": kind})
    xedges = ET.SubElement(graph, "edges")
    for i, ((src, dst), weight) in enumerate(sorted(edges.items())):
        ET.SubElement(xedges, "edge", {"id": str(i), "source": src, "target": dst, "weight": f"{float(weight)}"})
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
    return len(nodes), len(edges)


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters; drop them from labels."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)
