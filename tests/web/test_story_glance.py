"""The story page's summary and coverage chart: counts equal the store's, the chart draws them."""

from __future__ import annotations

from datetime import date

import pytest

from newstrace.web.coverage import OTHER, coverage, coverage_from_json, coverage_json, legend, render_coverage_svg


def test_coverage_counts_articles_per_day_per_outlet():
    rows = [("2024-05-02", "A"), ("2024-05-02T10:00:00+00:00", "B"), ("2024-05-04", "A"), (None, "C"), ("bad", "C")]
    cov = coverage(rows)
    assert cov.unit == "day" and cov.undated == 2 and cov.total == 3
    assert cov.buckets == [date(2024, 5, 2), date(2024, 5, 3), date(2024, 5, 4)]  # the empty day is drawn too
    assert cov.per_bucket(date(2024, 5, 2)) == 2 and cov.per_bucket(date(2024, 5, 3)) == 0
    assert cov.outlets == ["A", "B"]
    assert coverage_from_json(coverage_json(cov)) == cov
    svg = str(render_coverage_svg(cov, "Coverage of <x>"))
    assert svg.count("<rect") == 3 and 'role="img"' in svg and "&lt;x&gt;" in svg and "<a" not in svg
    assert "3 dated articles per day by outlet" in svg


def test_rows_counted_in_sql_weigh_as_many():
    cov = coverage([("2024-05-02", "A", 3), ("2024-05-03", "B", 2), ("2024-05-03", "A", 1), (None, "C", 4)])
    assert cov.total == 6 and cov.undated == 4 and cov.outlets == ["A", "B"] and cov.per_bucket(date(2024, 5, 3)) == 3


def test_long_stories_count_by_week_or_month_and_many_outlets_share_other():
    weekly = coverage([("2024-01-01", "A"), ("2024-06-30", "A")])
    assert weekly.unit == "week" and weekly.buckets[0] == date(2024, 1, 1) and len(weekly.buckets) == 26
    monthly = coverage([("2020-01-15", "A"), ("2023-03-02", "B")])
    assert monthly.unit == "month" and monthly.buckets[0] == date(2020, 1, 1) and monthly.buckets[-1] == date(2023, 3, 1)
    many = coverage([("2024-01-01", f"outlet {i}") for i in range(12)] + [("2024-01-02", "outlet 0")])
    assert len(many.outlets) == 8 and many.outlets[0] == "outlet 0" and many.outlets[-1] == OTHER
    assert sum(item["articles"] for item in legend(many)) == 13
    assert str(render_coverage_svg(coverage([]), "x")) == ""


@pytest.fixture(scope="module")
def linked_client(tmp_path_factory):
    pytest.importorskip("fastapi")
    from _support import distinct_text
    from fastapi.testclient import TestClient
    from webfactory import make_article

    from newstrace.link import link_article
    from newstrace.store import open_store
    from newstrace.web.app import create_app

    db = tmp_path_factory.mktemp("glance") / "g.db"
    with open_store(db) as store:
        for i, (site, day) in enumerate([("Daily Rivers", "2024-05-02"), ("Harbour Post", "2024-05-03"), (None, "2024-05-03"), ("Daily Rivers", "2024-05-06")]):
            a = make_article(f"f{i}e5f60718293041", title=f"Dam holds, day {i + 1}", site=site, published=day,
                             url=None if site else f"https://news.example/{i}", extra=" " + distinct_text(20 + i))
            store.upsert_article(a)
            link_article(store, a)
    with TestClient(create_app(db, hosts=("testserver",))) as c:
        yield c, db


def test_story_summary_counts_equal_the_store(linked_client):
    import sqlite3

    client, db = linked_client

    story = max(client.get("/api/stories").json()["items"], key=lambda s: len(s["article_ids"]))
    data = client.get(f"/api/stories/{story['id']}").json()
    sm = data["summary"]
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (story["id"],))]
        marks = ",".join("?" * len(ids))
        quotes = con.execute(f"SELECT count(*) FROM quotes WHERE article_id IN ({marks})", ids).fetchone()[0]
        per_day = dict(con.execute(f"SELECT substr(published, 1, 10), count(*) FROM articles WHERE id IN ({marks}) GROUP BY 1", ids).fetchall())
        claims = con.execute(
            "SELECT count(DISTINCT c.id) FROM claims c JOIN claim_sources cs ON cs.claim_id = c.id JOIN story_articles sa"
            " ON sa.article_id = cs.article_id WHERE sa.story_id = ?", (story["id"],)).fetchone()[0]
    assert len(ids) >= 3
    assert sm["articles"] == len(ids) and sm["statements"] == quotes
    assert sm["claims"] == min(claims, 50) == len(data["claims"])
    assert {b["start"]: b["total"] for b in sm["coverage"]["buckets"] if b["total"]} == per_day
    assert sm["outlets"] == len({"Daily Rivers", "Harbour Post", "news.example"} & set(sm["outlet_names"])) == 3
    assert sm["first_date"] == "2024-05-02" and sm["last_date"] == "2024-05-06"
    page = client.get(f"/stories/{story['id']}").text
    for anchor in ("#summary", "#coverage", "#timeline", "#claims", "#conflicts", "#who-said-what", "#articles"):
        assert f'href="{anchor}"' in page and f'id="{anchor[1:]}"' in page, anchor
    assert page.index('id="summary"') < page.index('id="timeline"') < page.index('id="who-said-what"')
    assert "<svg class=\"coverage\"" in page and "Coverage as a table" in page
