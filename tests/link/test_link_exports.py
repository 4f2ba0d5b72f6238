"""Exports of what linking finds: stories, claims and conflicts as CSV and JSON lines; JSON-LD
(parsed by a JSON-LD processor) and GEXF (checked against its declared attributes) keyed by the
store's entities, with the confidence of each statement."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from link_support import make_article, quote

from newstrace.cli import main
from newstrace.export.tables import TABLES
from newstrace.link import link_article
from newstrace.store import open_store

GEXF = "{http://gexf.net/1.3}"
EXTRAS = (
    " Volunteers filled sandbags along the embankment all night. The ferry service was suspended until further notice.",
    " Farmers downstream moved their cattle to higher ground. Schools in the valley closed for the rest of the week.",
)


def _toll(aid: str, who: str, n: int, day: str, site: str, confidence: float):
    opening = {"a": "Rescue work went on through the night.", "b": "Shops stayed shut across the city.",
               "c": "Crowds gathered outside the hospital."}[aid]
    t = f"{opening} {who} said {n} people were killed in the blast at the central market of Kalvar on Monday."
    content = f"{n} people were killed in the blast at the central market of Kalvar on Monday"
    q = replace(quote(t, "q1", who, content, "said", speaker_kind="anonymous_group"), confidence=confidence)
    return make_article(aid * 16, t, published=day, site=site, title=f"Blast at Kalvar market kills {n}", claims=True, quotes=(q,))


def _dam(aid: str, site: str, day: str, via: str, extra: str):
    from webfactory import make_article as web_article

    a = web_article(aid, title=f"Dam report from {site}", site=site, published=day, outlet_via=via, extra=extra)
    return replace(a, quotes=tuple(replace(q, confidence=c) for q, c in zip(a.quotes, (0.9, 0.6, 0.8))))


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("exports") / "news.db"
    articles = [
        _toll("a", "Officials", 60, "2024-05-06", "a.org", 0.9),
        _toll("b", "Medics", 95, "2024-05-06", "b.org", 0.7),
        _toll("c", "Officials", 60, "2024-05-07", "c.org", 0.8),
        _dam("d1d2d3d4d5d6d7d8", "Example Times", "2024-05-02", "Nordic Wire", EXTRAS[0]),
        _dam("e1e2e3e4e5e6e7e8", "Daily Rivers", "2024-05-04", "Reuters", EXTRAS[1]),
    ]
    with open_store(db) as store:
        for a in articles:
            assert store.upsert_article(a).status == "stored"
            link_article(store, a)
        (conflict,) = store.conflicts()
        store.review_conflict(conflict.id, "confirmed")
    return db


def _export(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", *args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.stdout


def _csv(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text)))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def test_stories_as_csv_and_jsonl(linked_db: Path) -> None:
    with open_store(linked_db) as store:
        stories = store.stories(100)
    lines = [json.loads(x) for x in _export(linked_db, "stories", "--format", "jsonl").splitlines()]
    assert {r["story_id"] for r in lines} == {s.id for s in stories}
    assert sum(r["article_count"] for r in lines) == 5
    rows = _csv(_export(linked_db, "stories", "--format", "csv"))
    assert list(rows[0]) == list(TABLES["stories"].columns) and len(rows) == len(stories)
    kalvar = next(r for r in rows if "Kalvar" in r["title"])
    assert kalvar["article_count"] == "3" and set(kalvar["outlets"].split("; ")) == {"a.org", "b.org", "c.org"}


def test_claims_as_csv_and_jsonl(linked_db: Path) -> None:
    lines = [json.loads(x) for x in _export(linked_db, "claims", "--format", "jsonl").splitlines()]
    repeated = [c for c in lines if c["source_count"] >= 2]
    assert repeated, lines
    claim = next(c for c in repeated if "60 people" in c["text"])
    assert claim["first_date"] == "2024-05-06" and claim["chain"] == ["a.org", "c.org"]
    assert [s["first"] for s in claim["sources"]] == [True, False]
    rows = [r for r in _csv(_export(linked_db, "claims", "--format", "csv")) if r["claim_id"] == claim["claim_id"]]
    assert len(rows) == 2  # one row per source
    assert [r["source_outlet"] for r in rows] == ["a.org", "c.org"] and rows[0]["source_first"] == "yes"
    assert rows[0]["chain"] == "a.org; c.org" and rows[0]["source_speaker"] == "Officials"


def test_conflicts_as_csv_and_jsonl_with_triage_sides_and_reason(linked_db: Path) -> None:
    (c,) = [json.loads(x) for x in _export(linked_db, "conflicts", "--format", "jsonl").splitlines()]
    assert c["review"] == "confirmed" and c["reviewed_at"] and c["reason"] and 0 < c["confidence"] <= 1
    speakers = {(s["side"], s["speaker"], s["outlet"], s["date"]) for s in c["sides"]}
    assert ("B", "Medics", "b.org", "2024-05-06") in speakers
    assert {s["side"] for s in c["sides"]} == {"A", "B"}
    rows = _csv(_export(linked_db, "conflicts", "--format", "csv"))
    assert len(rows) == len(c["sides"])  # one row per side
    assert {r["review"] for r in rows} == {"confirmed"} and {r["reason"] for r in rows} == {c["reason"]}
    assert {(r["side"], r["side_speaker"], r["side_outlet"]) for r in rows} >= {("B", "Medics", "b.org")}
    # the old spelling still works and gives the same lines
    assert _export(linked_db, "--format", "conflicts") == _export(linked_db, "conflicts", "--format", "jsonl")


def test_articles_as_csv(linked_db: Path) -> None:
    rows = _csv(_export(linked_db, "articles", "--format", "csv"))
    assert len(rows) == 5 and {r["outlet"] for r in rows} >= {"Example Times", "a.org"}
    assert next(r for r in rows if r["outlet"] == "Example Times")["statements"] == "3"


def test_one_story_exported_alone(linked_db: Path) -> None:
    with open_store(linked_db) as store:
        kalvar = next(s for s in store.stories(100) if "Kalvar" in s.title)
        all_claims = len(store.claims(1000))
    assert len(kalvar.article_ids) == 3
    stories = [json.loads(x) for x in _export(linked_db, "stories", "--format", "jsonl", "--story", kalvar.id).splitlines()]
    assert [s["story_id"] for s in stories] == [kalvar.id]
    articles = _csv(_export(linked_db, "articles", "--format", "csv", "--story", kalvar.id))
    assert {r["article_id"] for r in articles} == set(kalvar.article_ids)
    statements = _csv(_export(linked_db, "statements", "--format", "csv", "--story", kalvar.id))
    assert {r["speaker"] for r in statements} == {"Officials", "Medics"}
    claims = _export(linked_db, "claims", "--format", "jsonl", "--story", kalvar.id).splitlines()
    assert 0 < len(claims) < all_claims
    assert len(_export(linked_db, "conflicts", "--format", "jsonl", "--story", kalvar.id).splitlines()) == 1
    graph = check_gexf_shape(_export(linked_db, "--format", "gexf", "--story", kalvar.id))
    assert {n.get("id") for n in graph.iter(f"{GEXF}node") if n.get("id", "").startswith("a:")} == {f"a:{a}" for a in kalvar.article_ids}
    jsonld = json.loads(_export(linked_db, "--format", "jsonld", "--story", kalvar.id))
    assert {n["identifier"] for n in jsonld["@graph"] if n["@id"].startswith("urn:newstrace:article:")} == set(kalvar.article_ids)


def test_an_unknown_story_is_one_error_and_writes_nothing(linked_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(main, ["export", "claims", "--format", "csv", "--story", "st-nosuch", "--db", str(linked_db), "-o", str(out)])
    assert result.exit_code == 1 and "st-nosuch" in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("args", [["stories", "--format", "gexf"], ["claims", "--format", "jsonld"], ["stories", "--format", "conflicts"]])
def test_an_export_that_does_not_exist_is_one_error_and_writes_nothing(linked_db: Path, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "x.out"
    result = CliRunner().invoke(main, ["export", *args, "--db", str(linked_db), "-o", str(out)])
    assert result.exit_code == 1 and result.output.startswith("error: ") and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def _entity_id(db: Path, name: str) -> str:
    with open_store(db) as store:
        (e,) = [e for e in store.entities(50, name) if e.name == name]
    return e.id


def _schema_org_loader(url: str, options: object = None) -> dict:
    # A JSON-LD processor needs the context; the tests never fetch it: this is the part of
    # schema.org's context the export relies on (its terms in the schema.org vocabulary, and
    # additionalType and url holding IRIs).
    assert url.rstrip("/") == "https://schema.org", url
    context = {"@vocab": "https://schema.org/", "additionalType": {"@type": "@id"}, "url": {"@type": "@id"}}
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": {"@context": context}}


def test_jsonld_parses_and_writes_each_part_once(linked_db: Path) -> None:
    jsonld = pytest.importorskip("pyld.jsonld", reason="the JSON-LD check needs pyld (a dev dependency)")
    doc = json.loads(_export(linked_db, "--format", "jsonld"))
    expanded = jsonld.expand(doc, {"documentLoader": _schema_org_loader})
    by_id: dict[str, dict] = {}
    for node in jsonld.flatten(expanded, None, {"documentLoader": _schema_org_loader}):
        by_id[node["@id"]] = node
    s = "https://schema.org/"
    berg = f"urn:newstrace:entity:{_entity_id(linked_db, 'Anna Berg')}"
    assert by_id[berg]["@type"] == [s + "Person"]
    # said in two articles, one person: both quotations name the same node
    quotations = [n for n in by_id.values() if s + "Quotation" in n.get("@type", [])]
    assert len(quotations) == 2 and {q[s + "author"][0]["@id"] for q in quotations} == {berg}
    for q in quotations:
        assert q[s + "additionalType"] == [{"@id": s + "Claim"}]
        assert q["urn:newstrace:vocab:confidence"][0]["@value"] == 0.9
    claims = [n for n in by_id.values() if n.get("@type") == [s + "Claim"]]
    assert {c["urn:newstrace:vocab:confidence"][0]["@value"] for c in claims} >= {0.6, 0.7, 0.8}
    # every additionalType is an IRI, not a bare word
    for node in by_id.values():
        for value in node.get(s + "additionalType", []):
            assert "@id" in value and value["@id"].startswith("https://"), node
    # written once: each node with content appears in the document one time only
    seen: dict[str, int] = {}

    def count(node: object) -> None:
        if isinstance(node, dict):
            if "@id" in node and len(node) > 1:
                seen[node["@id"]] = seen.get(node["@id"], 0) + 1
            for v in node.values():
                count(v)
        elif isinstance(node, list):
            for v in node:
                count(v)

    count(doc)
    assert seen and max(seen.values()) == 1, [k for k, v in seen.items() if v > 1]
    publishers = [n for n in doc["@graph"] if n.get("additionalType") == s + "NewsMediaOrganization"]
    assert {p["name"] for p in publishers} >= {"Example Times", "Daily Rivers", "a.org"}


def check_gexf_shape(text: str) -> ET.Element:
    """What Gephi needs of a GEXF 1.3 file: well-formed XML in the GEXF namespace, every attribute
    value declared for its class with a value of its type, unique ids, edges between nodes."""
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    (graph,) = root.findall(f"{GEXF}graph")
    assert graph.get("defaultedgetype") == "directed"
    declared: dict[str, dict[str, str]] = {}
    for attrs in graph.findall(f"{GEXF}attributes"):
        declared[attrs.get("class", "")] = {a.get("id", ""): a.get("type", "") for a in attrs.findall(f"{GEXF}attribute")}
    parse = {"integer": int, "double": float, "float": float, "string": str}
    for cls, path in (("node", f"{GEXF}nodes/{GEXF}node"), ("edge", f"{GEXF}edges/{GEXF}edge")):
        ids = [e.get("id") for e in graph.findall(path)]
        assert ids and len(ids) == len(set(ids)), f"{cls} ids repeat"
        for element in graph.findall(path):
            for value in element.iter(f"{GEXF}attvalue"):
                kind = declared[cls][value.get("for", "")]  # KeyError: a value for an undeclared attribute
                parse[kind](value.get("value", ""))
    nodes = {n.get("id") for n in graph.iter(f"{GEXF}node")}
    for e in graph.iter(f"{GEXF}edge"):
        assert e.get("source") in nodes and e.get("target") in nodes
        assert float(e.get("weight", "")) >= 1
    return graph


def _values(element: ET.Element) -> dict[str, str]:
    return {v.get("for", ""): v.get("value", "") for v in element.iter(f"{GEXF}attvalue")}


def test_gexf_has_one_node_per_store_entity_and_dated_counted_edges(linked_db: Path) -> None:
    graph = check_gexf_shape(_export(linked_db, "--format", "gexf"))
    nodes = {n.get("id"): n for n in graph.iter(f"{GEXF}node")}
    berg_id = _entity_id(linked_db, "Anna Berg")
    berg = nodes[f"e:{berg_id}"]
    assert [n for n in nodes if nodes[n].get("label") == "Anna Berg"] == [f"e:{berg_id}"]  # one node, by the store's id
    assert _values(berg)["entity"] == berg_id and _values(berg)["statements"] == "2"
    assert float(_values(berg)["confidence"]) == pytest.approx(0.9)
    edges = {(e.get("source"), e.get("target")): e for e in graph.iter(f"{GEXF}edge")}
    officials = _values(edges[("p:Officials", "p:a.org")])
    assert officials["statements"] == "1" and officials["first"] == officials["last"] == "2024-05-06"
    assert float(officials["confidence"]) == pytest.approx(0.9)
    # an outlet's edge to its article carries the date it was published, with no statements on it
    published = _values(edges[("p:b.org", f"a:{'b' * 16}")])
    assert published["first"] == "2024-05-06"


def test_gexf_merges_the_names_of_one_entity() -> None:
    from webfactory import make_article as web_article

    from newstrace.export.entities import ArticleEntities, EntityRef
    from newstrace.export.gexf import write_gexf

    one = web_article()
    other = web_article("b2c3d4e5f6071829", speaker="A. Berg", published="2024-05-09")
    berg = EntityRef("en000042", "Anna Berg", "PERSON")
    lookup = {one.id: {"Anna Berg": berg}, other.id: {"A. Berg": berg}}
    out = io.StringIO()
    write_gexf([one, other], out, lambda a: ArticleEntities(a, lookup[a.id]))
    graph = check_gexf_shape(out.getvalue())
    labels = [n.get("label") for n in graph.iter(f"{GEXF}node")]
    assert "A. Berg" not in labels and labels.count("Anna Berg") == 1
    edge = next(e for e in graph.iter(f"{GEXF}edge") if e.get("source") == "e:en000042")
    assert _values(edge)["statements"] == "2" and (_values(edge)["first"], _values(edge)["last"]) == ("2024-05-01", "2024-05-01")


def test_every_export_of_links_on_both_databases(store) -> None:
    from newstrace.export import KINDS, write_export

    articles = [_toll("a", "Officials", 60, "2024-05-06", "a.org", 0.9), _toll("b", "Medics", 95, "2024-05-06", "b.org", 0.7),
                _dam("d1d2d3d4d5d6d7d8", "Example Times", "2024-05-02", "Nordic Wire", EXTRAS[0])]
    for a in articles:
        store.upsert_article(a)
        link_article(store, a)
    members = store.entity_members("d1d2d3d4d5d6d7d8")
    assert members["Anna Berg"] == _only(store.entities(50, "Anna Berg")).id
    counts = {}
    for kind in KINDS:
        for fmt in ("jsonl", "csv"):
            out = io.BytesIO()
            counts[kind, fmt] = write_export(store, fmt, out, kind)
            assert out.getvalue().decode("utf-8")
    assert counts["conflicts", "csv"] == counts["conflicts", "jsonl"] == 1
    assert counts["articles", "jsonl"] == 3 and counts["statements", "csv"] == 5
    assert counts["stories", "csv"] == len(store.stories(100))
    gexf = io.BytesIO()
    write_export(store, "gexf", gexf)
    check_gexf_shape(gexf.getvalue().decode("utf-8"))


def _only(rows):
    (row,) = rows
    return row
