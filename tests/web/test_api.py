"""The JSON API: every endpoint, paging, filters, the one error shape, writes behind the token."""

from __future__ import annotations

import io

import pytest

pytest.importorskip("fastapi", reason="the web desk needs fastapi (pip install fastapi uvicorn python-multipart)")

from webfactory import TOKEN

from newstrace import errors as nt_errors
from newstrace.web.errors import STATUS_BY_CODE, status_for

MAIN = "a1b2c3d4e5f60718"


def assert_error(resp, status: int, code: str) -> None:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


# -- the error shape, pinned ----------------------------------------------------


def _all_error_classes(cls=nt_errors.NewstraceError):
    yield cls
    for sub in cls.__subclasses__():
        yield from _all_error_classes(sub)


def test_every_error_code_maps_to_a_status():
    import newstrace.web.errors  # noqa: F401 - registers the web error classes

    for cls in _all_error_classes():
        status = status_for(cls.code)
        assert 400 <= status < 600, cls
    # The mapping itself, pinned: changing a status is an API change.
    assert {code: status_for(code) for code in STATUS_BY_CODE} == {
        "newstrace": 500, "internal": 500, "input": 422, "input.not_found": 422, "input.too_large": 413,
        "fetch": 502, "limit": 422, "pipeline": 500,
        "model": 503, "store": 503, "store.not_found": 404, "config": 400, "auth": 403, "auth.required": 401,
        "auth.invalid": 403, "auth.writes_disabled": 403, "request": 400, "request.invalid": 400,
        "request.not_found": 404, "request.method": 405, "request.too_large": 413,
        "request.host": 400,
    }  # fmt: skip
    assert status_for("input.binary") == 422  # a child code without its own entry takes its parent's
    assert status_for("something.new") == 500


def test_error_shape_everywhere(client):
    assert_error(client.get(f"/api/articles/{'0' * 16}"), 404, "store.not_found")
    assert_error(client.get("/api/stories/nosuchstory"), 404, "store.not_found")
    assert_error(client.get("/api/entities/Nobody%20At%20All"), 404, "store.not_found")
    assert_error(client.get("/api/no/such/route"), 404, "request.not_found")
    assert_error(client.get("/api/search"), 400, "request.invalid")
    assert_error(client.get("/api/articles?limit=0"), 400, "request.invalid")
    assert_error(client.get("/api/articles?since=yesterday"), 400, "request.invalid")
    assert_error(client.post("/api/search?q=x"), 405, "request.method")
    assert_error(client.get("/api/export/pdf"), 400, "request.invalid")


def test_html_pages_use_the_same_codes(client):
    resp = client.get(f"/articles/{'0' * 16}")
    assert resp.status_code == 404
    assert resp.headers["content-type"].startswith("text/html")
    assert "store.not_found" in resp.text
    resp = client.get("/no/such/page")
    assert resp.status_code == 404 and "request.not_found" in resp.text


# -- reading ------------------------------------------------------------------


def test_home_and_paging(client):
    data = client.get("/api/").json()
    assert data["stats"]["articles"] == 5
    assert {"sites", "languages"} <= set(data["facets"])
    assert "de" in data["facets"]["languages"]
    page = client.get("/api/articles?limit=2").json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2
    dates = [i["published"] for i in page["items"]]
    assert dates == sorted(dates, reverse=True)
    last = client.get("/api/articles?limit=2&offset=4").json()
    assert len(last["items"]) == 1 and last["next_offset"] is None
    ids = {i["id"] for off in (0, 2, 4) for i in client.get(f"/api/articles?limit=2&offset={off}").json()["items"]}
    assert len(ids) == 5


def test_article_filters(client):
    de = client.get("/api/articles?language=de").json()["items"]
    assert [a["title"] for a in de] == ["Flussdamm hält"]
    site = client.get("/api/articles?site=Daily%20Rivers").json()["items"]
    assert [a["id"] for a in site] == ["b2c3d4e5f6071829"]
    window = client.get("/api/articles?since=2024-05-03&until=2024-05-05").json()["items"]
    assert [a["id"] for a in window] == ["b2c3d4e5f6071829"]


def test_search_with_snippets_and_filters(client):
    data = client.get("/api/search?q=spillway").json()
    hits = data["results"]["items"]
    assert len(hits) == 5
    for h in hits:
        assert any(p["match"] and p["text"].lower() == "spillway" for p in h["snippet"])
    assert [h["id"] for h in client.get("/api/search?q=spillway&language=de").json()["results"]["items"]] == ["c3d4e5f607182930"]
    paged = client.get("/api/search?q=spillway&limit=2&offset=2").json()["results"]
    assert len(paged["items"]) == 2 and paged["next_offset"] == 4
    # FTS syntax in the query is taken as words, not as an error.
    assert client.get('/api/search?q=%22dam%20OR%20NEAR(').status_code == 200
    assert client.get("/api/search?q=zzzqqq").json()["results"]["items"] == []


def test_article(client):
    data = client.get(f"/api/articles/{MAIN}").json()
    rec = data["article"]
    assert rec["id"] == MAIN and rec["title"] == "Minister says the dam will hold"
    assert data["outlet"] == "Example Times"
    chains = {c["quote_id"]: c["chain"] for c in data["chains"]}
    assert chains["q1"] == ["Example Times", "Nordic Wire", "Anna Berg"]
    assert data["retells"] == [["Example Times", "Nordic Wire"]]
    speakers = {g["name"]: g for g in data["speakers"]}
    assert speakers["Anna Berg"]["titles"] == ["Water minister"]
    q1 = speakers["Anna Berg"]["quotes"][0]
    assert q1["content"] == "the dam will hold until June" and q1["cue"] == "told" and q1["anchor"] == "s-1"
    assert [e["date"] for e in data["timeline"]["dated"]] == ["2019", "2024-04-29", "2024-05-01"]
    assert [e["id"] for e in data["timeline"]["undated"]] == ["v4"]
    assert data["sources"][0]["kind"] == "file"
    # An id prefix works as in the CLI.
    assert client.get(f"/api/articles/{MAIN[:8]}").json()["article"]["id"] == MAIN


def test_stories(client):
    page = client.get("/api/stories?limit=3").json()
    assert len(page["items"]) == 3 and page["next_offset"] == 3
    story_id = page["items"][0]["id"]
    data = client.get(f"/api/stories/{story_id}").json()
    assert data["story"]["id"] == story_id
    assert data["articles"] and data["speakers"] is not None
    assert set(data) >= {"timeline", "conflicts", "outlets", "linked", "stages_missing"}
    # Any article can be viewed as a story (its own, until the linker places it).
    single = client.get(f"/api/stories/{MAIN}").json()
    assert MAIN in [a["id"] for a in single["articles"]]
    assert [e["date"] for e in single["timeline"]["dated"]][:1] == ["2019"]


def test_entities(client):
    data = client.get("/api/entities/Anna%20Berg").json()
    assert data["name"] == "Anna Berg"
    assert "Water minister" in data["titles"]
    assert "Berg" in data["aliases"]
    said = [(q["article_id"], q["id"]) for q in data["quotes_by"]["items"]]
    assert (MAIN, "q1") in said and ("b2c3d4e5f6071829", "q1") in said
    assert {a["id"] for a in data["articles"]} >= {MAIN, "b2c3d4e5f6071829"}
    # By alias.
    assert client.get("/api/entities/Berg").json()["name"] == "Anna Berg"
    listing = client.get("/api/entities?q=Anna").json()
    assert listing["items"][0]["name"] == "Anna Berg"
    assert client.get("/api/entities?limit=1").json()["next_offset"] == 1


def test_pages_render(client):
    for path in ["/", "/?language=de", "/search?q=dam", "/search?q=dam&since=2024-01-01&site=", "/stories", f"/stories/{MAIN}", f"/articles/{MAIN}", "/entities", "/entities?q=A", "/entities/Anna%20Berg", "/api-docs"]:
        resp = client.get(path)
        assert resp.status_code == 200, (path, resp.text[:300])
        assert resp.headers["content-type"].startswith("text/html")
        assert 'href="/api' in resp.text  # every page links to its data


def test_security_headers(client):
    for path in ["/", "/api/", f"/articles/{MAIN}", "/static/style.css"]:
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self'" in csp and "'unsafe-inline'" not in csp
        assert headers["x-content-type-options"] == "nosniff"
    head = client.head("/")
    assert head.status_code == 200 and head.content == b"" and "content-security-policy" in head.headers


def test_hostile_text_is_escaped(client):
    for path in ["/", "/search?q=Breaking", "/articles/ffee00112233aabb", "/stories/ffee00112233aabb", "/entities/Anna%20Berg"]:
        html = client.get(path).text
        assert "<script>window" not in html and "<img src=x" not in html and "<svg onload" not in html, path
        assert 'href="javascript:' not in html
    html = client.get("/articles/ffee00112233aabb").text
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<script" not in html.replace('<script src="/static/desk.js" defer></script>', "")
    data = client.get("/api/articles/ffee00112233aabb").json()
    assert data["article"]["url"] is None  # a javascript: URL is not passed on as a link


def test_openapi_is_valid(client):
    from openapi_spec_validator import validate

    schema = client.get("/openapi.json").json()
    validate(schema)
    paths = set(schema["paths"])
    assert {
        "/api/", "/api/search", "/api/articles", "/api/articles/{article_id}", "/api/stories", "/api/stories/{story_id}",
        "/api/entities", "/api/entities/{name}", "/api/export/{fmt}", "/api/ingest/url", "/api/ingest/file",
    } <= paths  # fmt: skip
    assert "ErrorResponse" in schema["components"]["schemas"]
    assert not any(p.startswith("/articles") for p in paths)  # pages are not part of the API schema


# -- writes -------------------------------------------------------------------


def test_writes_are_off_without_a_token(client):
    resp = client.post("/api/ingest/file", files={"file": ("a.txt", b"text", "text/plain")})
    assert_error(resp, 403, "auth.writes_disabled")
    assert_error(client.post("/api/ingest/url", json={"url": "https://example.test/"}), 403, "auth.writes_disabled")


def test_writes_need_the_token(writer):
    page = b"Dam report\n\nThe water minister said the dam will hold, according to officials familiar with it.\n"
    assert_error(writer.post("/api/ingest/file", files={"file": ("a.txt", page, "text/plain")}), 401, "auth.required")
    bad = {"Authorization": "Bearer wrong"}
    assert_error(writer.post("/api/ingest/file", files={"file": ("a.txt", page, "text/plain")}, headers=bad), 403, "auth.invalid")
    good = {"Authorization": f"Bearer {TOKEN}"}
    resp = writer.post("/api/ingest/file", files={"file": ("a.txt", page, "text/plain")}, data={"published": "2024-05-02"}, headers=good)
    assert resp.status_code == 201, resp.text
    body = resp.json()
    assert body["status"] == "stored" and body["href"] == f"/articles/{body['article_id']}"
    again = writer.post("/api/ingest/file", files={"file": ("b.txt", io.BytesIO(page), "text/plain")}, headers=good)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert writer.get(f"/api/articles/{body['article_id']}").json()["article"]["published"] == "2024-05-02"
    assert_error(writer.post("/api/ingest/file", files={"file": ("e.txt", b"", "text/plain")}, headers=good), 422, "input.empty")
    assert_error(writer.post("/api/ingest/url", json={"url": "file:///etc/passwd"}, headers=good), 400, "request.invalid")


def test_ingest_form_takes_the_token_field(writer):
    page = b"Flood update\n\nThe mayor said the evacuation was lifted on Tuesday.\n"
    resp = writer.post("/ingest", data={"token": "nope"}, files={"file": ("f.txt", page, "text/plain")}, follow_redirects=False)
    assert resp.status_code == 403 and "auth.invalid" in resp.text
    resp = writer.post("/ingest", data={"token": TOKEN}, files={"file": ("f.txt", page, "text/plain")}, follow_redirects=False)
    assert resp.status_code == 303 and resp.headers["location"].startswith("/articles/")
    assert 'name="token"' in writer.get("/").text  # the form is shown when writes are possible


def test_an_uploaded_page_is_linked_like_an_ingested_one(writer, seed_page, tmp_path):
    """The web upload goes through the one ingest service: stored, then linked into a story,
    as `newstrace ingest` does with the same page."""
    from click.testing import CliRunner

    from newstrace.cli import main
    from newstrace.store import open_store

    good = {"Authorization": f"Bearer {TOKEN}"}
    resp = writer.post("/api/ingest/file", files={"file": ("crocus.txt", seed_page.read_bytes(), "text/plain")},
                       data={"published": "2024-04-03"}, headers=good)
    assert resp.status_code == 201, resp.text
    article_id = resp.json()["article_id"]
    stories = writer.get("/api/stories").json()["items"]
    assert [s["article_ids"] for s in stories] == [[article_id]]
    with open_store(tmp_path / "w.db") as store:  # linked in the store, not only grouped for the view
        assert store.story_of(article_id) == stories[0]["id"]
        assert len(store.claims()) > 0 and len(store.entities()) > 0

    db = tmp_path / "cli.db"
    out = CliRunner().invoke(main, ["ingest", str(seed_page), "--published", "2024-04-03", "--db", str(db)])
    assert out.exit_code == 0, out.output
    with open_store(db) as store:
        assert len(store.stories()) == len(stories) and store.story_of(article_id) is not None
        assert len(store.claims()) == len(open_store(tmp_path / "w.db").claims())
