"""The store-wide lists through HTTP: statements, claims, conflicts and timeline, each a page and
the same data under /api, with totals equal to the store's counts, filters, sorting, paging and
exports of the whole filtered list."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from listfactory import OUTLETS, N, article_id, fill
from webfactory import TOKEN

from newstrace.store import open_store

KINDS = ("statements", "claims", "conflicts", "timeline")


@pytest.fixture(scope="module")
def lists_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("lists") / "lists.db"
    with open_store(path) as store:
        fill(store)
    return path


@pytest.fixture(scope="module")
def lc(lists_db: Path):
    pytest.importorskip("fastapi", reason="the web desk needs fastapi")
    from fastapi.testclient import TestClient

    from newstrace.web.app import create_app

    with TestClient(create_app(lists_db, hosts=("testserver",))) as c:
        yield c


def sql(db: Path, query: str, params: tuple = ()) -> int:
    import sqlite3

    with sqlite3.connect(db) as conn:
        return int(conn.execute(query, params).fetchone()[0])


def test_every_list_is_a_page_and_an_api_answer_with_the_store_total(lc, lists_db: Path) -> None:
    expected = {
        "statements": sql(lists_db, "SELECT count(*) FROM quotes"),
        "claims": sql(lists_db, "SELECT count(*) FROM claims"),
        "conflicts": sql(lists_db, "SELECT count(*) FROM conflicts"),
        "timeline": sql(lists_db, "SELECT count(*) FROM events WHERE substr(date, 1, 1) BETWEEN '0' AND '9'"),
    }
    for kind in KINDS:
        data = lc.get(f"/api/{kind}?limit=5").json()
        assert data["total"] == expected[kind] > 0, kind
        assert len(data["items"]) == min(5, expected[kind]) and data["sort"] == data["sorts"][0]
        page = lc.get(f"/{kind}?limit=5")
        assert page.status_code == 200 and f"<strong>{expected[kind]:,}</strong>" in page.text, kind
        assert f'href="/{kind}?sort=' in page.text and "format=csv" in page.text and "format=jsonl" in page.text


def test_filtered_totals_equal_sql_and_pages_walk_the_whole_list(lc, lists_db: Path) -> None:
    by_speaker = sql(lists_db, "SELECT count(*) FROM quotes WHERE speaker = 'Engineers'")
    data = lc.get("/api/statements", params={"speaker": "Engineers", "limit": 7}).json()
    assert data["total"] == by_speaker == N and data["filters"] == {"speaker": "Engineers"}
    seen, offset = set(), 0
    while offset is not None:
        page = lc.get("/api/statements", params={"speaker": "Engineers", "limit": 7, "offset": offset}).json()
        seen |= {(i["article_id"], i["quote_id"]) for i in page["items"]}
        offset = page["next_offset"]
    assert len(seen) == by_speaker
    outlet = sql(lists_db, "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.site = ? AND q.confidence >= 0.7", (OUTLETS[0],))
    assert lc.get("/api/statements", params={"outlet": OUTLETS[0], "min_confidence": "0.7"}).json()["total"] == outlet
    html = lc.get("/statements", params={"outlet": OUTLETS[0], "min_confidence": "0.7"}).text
    assert f"<strong>{outlet:,}</strong> statements match these filters" in html
    # an untouched form (empty fields) is no filter
    assert lc.get("/statements?q=&speaker=&outlet=&entity=&story=&since=&until=&language=&min_confidence=&sort=").status_code == 200


def test_claim_search_shows_who_said_repeated_and_contradicted(lc) -> None:
    data = lc.get("/api/statements", params={"q": "dam will hold", "sort": "conflicts", "limit": 3}).json()
    top = data["items"][0]
    assert top["conflicts"] == 1 and top["claim_id"] == "cl-hold" and top["claim_sources"] == len(range(0, N, 3))
    assert top["repeated_by"] and all(r["href"].startswith("/articles/") for r in top["repeated_by"])
    assert top["contradicted_by"] and top["contradicted_by"][0]["conflict_href"].startswith("/conflicts?q=cf-")
    page = lc.get("/statements", params={"q": "dam will hold", "sort": "conflicts"}).text
    assert "Contradicted by" in page and "Repeated in" in page and 'href="/statements?claim=cl-hold"' in page


def test_claims_page_shows_first_appearance_and_outlets(lc) -> None:
    data = lc.get("/api/claims").json()
    hold = next(c for c in data["items"] if c["id"] == "cl-hold")
    assert hold["first_date"] == "2024-05-01" and hold["first_date_words"] == "1 May 2024"
    assert hold["outlet_list"] == [{"outlet": OUTLETS[0], "statements": hold["sources"]}]
    page = lc.get("/claims").text
    assert 'title="2024-05-01">1 May 2024</time>' in page and f"{hold['sources']} statements" in page
    assert lc.get("/api/statements", params={"claim": "cl-hold"}).json()["total"] == hold["sources"]


def test_conflicts_inbox_strongest_first_with_review_filters(lc) -> None:
    data = lc.get("/api/conflicts").json()
    assert [c["id"] for c in data["items"]] == ["cf-strong", "cf-weak"] and data["reviews"] == {"unreviewed": 1, "confirmed": 1, "dismissed": 0}
    assert [c["id"] for c in lc.get("/api/conflicts?review=unreviewed").json()["items"]] == ["cf-weak"]
    page = lc.get("/conflicts?review=confirmed").text
    assert 'id="conflict-cf-strong"' in page and 'id="conflict-cf-weak"' not in page
    assert 'name="token"' not in page  # no review form without a server token


def test_timeline_dates_in_words_with_the_exact_value_on_hover(lc) -> None:
    data = lc.get("/api/timeline", params={"speaker": "Karl Stein"}).json()
    assert data["total"] == N // 4 and all(i["according_to"] == "Karl Stein" for i in data["items"])
    page = lc.get("/timeline").text
    assert 'title="2019">2019</time>' in page and 'title="2024-04-29">29 Apr 2024</time>' in page
    assert "XXXX" not in page and "PRESENT_REF" not in page


@pytest.mark.parametrize("kind", KINDS)
def test_exports_hold_the_whole_filtered_list(lc, kind: str) -> None:
    params = {"outlet": OUTLETS[1]}
    total = lc.get(f"/api/{kind}", params={**params, "limit": 1}).json()["total"]
    got = lc.get(f"/api/{kind}", params={**params, "format": "csv"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    assert "attachment" in got.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(got.text)))
    # conflicts: one row per side, as the CLI's export (tests/web/test_conflict_downloads.py)
    assert len({r["conflict_id"] for r in rows} if kind == "conflicts" else rows) == total
    lines = lc.get(f"/{kind}", params={**params, "format": "jsonl"}).text.splitlines()  # the page's own export link
    assert len(lines) == total and all(json.loads(line) for line in lines)
    if kind == "statements":
        assert {r["outlet"] for r in rows} == {OUTLETS[1]} and total == N


def test_bad_parameters_are_one_json_error(lc) -> None:
    for url in ("/api/statements?min_confidence=2", "/api/claims?format=xml", "/api/conflicts?review=maybe", "/api/timeline?since=May"):
        r = lc.get(url)
        assert r.status_code == 400 and r.json()["error"]["code"] == "request.invalid", url


def test_quotes_redirects_to_statements_and_the_nav_links_the_lists(lc) -> None:
    r = lc.get("/quotes?q=dam", follow_redirects=False)
    assert r.status_code == 301 and r.headers["location"] == "/statements?q=dam"
    home = lc.get("/").text
    for kind in KINDS:
        assert f'href="/{kind}"' in home


def test_a_merged_story_id_filters_as_the_story_it_became(tmp_path: Path) -> None:
    pytest.importorskip("fastapi", reason="the web desk needs fastapi")
    from fastapi.testclient import TestClient

    from newstrace.web.app import create_app

    db = tmp_path / "m.db"
    with open_store(db) as store:
        fill(store, 6)
        into, gone = store.story_of(article_id(0)), store.story_of(article_id(1))
        with store.link_transaction():
            store.story_merge(into, gone, 0.5)
    with TestClient(create_app(db, token=TOKEN, hosts=("testserver",))) as c:
        assert c.get("/api/statements", params={"story": gone}).json()["total"] == c.get("/api/statements", params={"story": into}).json()["total"] == 12
        assert 'name="token"' in c.get("/conflicts").text
