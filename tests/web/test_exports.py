"""Exports: fetched from the API and from the CLI, each parsed and checked."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from newstrace.cli import main
from newstrace.export.csv import COLUMNS

MAIN = "a1b2c3d4e5f60718"
GEXF = "{http://gexf.net/1.3}"
SCHEMA_ORG_TYPES = {"NewsArticle", "Quotation", "Claim", "Person", "Organization", "Place", "Thing", "ImageObject"}


def _dicts(node):
    """Every JSON object in a document, nested ones included."""
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from _dicts(v)
    elif isinstance(node, list):
        for v in node:
            yield from _dicts(v)


def _types(doc) -> set[str]:
    return {d["@type"] for d in _dicts(doc) if "@type" in d}


def check_jsonl(text: str) -> None:
    lines = text.splitlines()
    assert len(lines) == 5
    records = [json.loads(line) for line in lines]
    assert all(r["schema"] == "newstrace.article/2" for r in records)
    assert MAIN in {r["id"] for r in records}


def check_csv(text: str) -> None:
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == COLUMNS
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert len(body) == 3 * 4 + 4  # three quotes per article, four in the hostile one
    q1 = next(r for r in body if r["article_id"] == MAIN and r["quote_id"] == "q1")
    assert q1["speaker"] == "Anna Berg" and q1["via"] == "Nordic Wire" and q1["cue"] == "told"
    assert q1["content"] == "the dam will hold until June" and q1["outlet"] == "Example Times"


def check_jsonld(text: str) -> None:
    from newstrace.export.jsonld import CONTEXT

    doc = json.loads(text)
    assert doc["@context"] == CONTEXT
    graph = doc["@graph"]
    articles = [n for n in graph if n["@id"].startswith("urn:newstrace:article:")]
    assert len(articles) == 5
    assert _types(doc) <= SCHEMA_ORG_TYPES
    nodes = _typed_nodes(doc)  # every node with an @id is written once, wherever it is used
    main_node = next(n for n in articles if n["identifier"] == MAIN)
    parts = {p["identifier"]: p for p in main_node["hasPart"]}
    assert parts["q1"]["@type"] == "Quotation" and parts["q1"]["additionalType"] == "https://schema.org/Claim"
    anna = nodes[parts["q1"]["author"]["@id"]]
    assert anna["name"] == "Anna Berg" and anna["jobTitle"] == ["Water minister"]
    assert parts["q2"]["@type"] == "Claim" and parts["q2"]["nt:kind"] == "indirect"
    report = nodes[main_node["isBasedOn"][0]["@id"]]
    assert nodes[report["publisher"]["@id"]]["name"] == "Nordic Wire" and report["datePublished"] == "2024-05-01"
    # another article retelling the same report refers to the same node
    retold = {n["identifier"]: n["isBasedOn"][0]["@id"] for n in articles if n.get("isBasedOn")}
    assert retold["c3d4e5f607182930"] == report["@id"] != retold["b2c3d4e5f6071829"]
    assert nodes[main_node["publisher"]["@id"]]["name"] == "Example Times"


def _typed_nodes(doc) -> dict:
    found: dict = {}
    for node in _dicts(doc):
        if "@id" in node and "@type" in node:
            assert node["@id"] not in found, f"{node['@id']} written twice"
            found[node["@id"]] = node
    return found


def check_gexf(text: str) -> None:
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{GEXF}gexf"
    nodes = {n.get("id"): n.get("label") for n in root.iter(f"{GEXF}node")}
    edges = {(e.get("source"), e.get("target")) for e in root.iter(f"{GEXF}edge")}
    assert nodes and edges
    assert all(s in nodes and t in nodes for s, t in edges)
    # speaker → via → outlet → article
    assert ("p:Anna Berg", "p:Nordic Wire") in edges
    assert ("p:Nordic Wire", "p:Example Times") in edges
    assert ("p:Example Times", f"a:{MAIN}") in edges


CHECKS = {"jsonl": check_jsonl, "csv": check_csv, "jsonld": check_jsonld, "gexf": check_gexf}


@pytest.mark.parametrize("fmt", sorted(CHECKS))
def test_export_from_the_api(client, fmt):
    resp = client.get(f"/api/export/{fmt}")
    assert resp.status_code == 200
    assert "attachment" in resp.headers["content-disposition"]
    CHECKS[fmt](resp.content.decode("utf-8"))


@pytest.mark.parametrize("fmt", sorted(CHECKS))
def test_export_from_the_cli(desk_db, tmp_path, fmt):
    out = tmp_path / f"x.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--db", str(desk_db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    CHECKS[fmt](out.read_text(encoding="utf-8"))
    to_stdout = CliRunner().invoke(main, ["export", "--format", fmt, "--db", str(desk_db)])
    assert to_stdout.exit_code == 0
    CHECKS[fmt](to_stdout.stdout)


def test_csv_cells_cannot_become_formulas():
    from dataclasses import replace

    from webfactory import make_article

    from newstrace.export.csv import write_csv

    a = replace(make_article(), title="=HYPERLINK(\"http://evil.test\")")
    out = io.StringIO()
    write_csv([a], out)
    row = list(csv.reader(io.StringIO(out.getvalue())))[1]
    assert row[1].startswith("'=")
