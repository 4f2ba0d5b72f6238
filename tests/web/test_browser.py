"""The desk in real headless Chromium (Debian's package, driven by Playwright).

Install the browser with `bash scripts/install-browser`; without it these tests
skip. Screenshots of each page go to test-artifacts/ (gitignored).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from _support import fold, require_shared
from browser_support import ARTIFACTS, CHROMIUM, LAUNCH_ARGS, NO_CHROMIUM, LiveServer

pytest.importorskip("fastapi", reason="the web desk needs fastapi (pip install fastapi uvicorn python-multipart)")
pytest.importorskip("uvicorn", reason="the browser tests need uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need Playwright for Python (pip install playwright; never `playwright install`)")


pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM)]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, tuple[str, ...]]:
    """The seed page ingested through the real pipeline, as the CLI does it."""
    from _support import SEED_PAGE
    from click.testing import CliRunner

    from newstrace.cli import main
    from newstrace.stages import installed_stages
    from newstrace.store import open_store

    page = require_shared(SEED_PAGE)
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    result = CliRunner().invoke(main, ["ingest", str(page), "--published", "2024-04-03", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        (article,) = list(store.iter_articles())
    from newstrace.types import AnalysisOptions

    _, missing = installed_stages(AnalysisOptions())
    return db, article.id, missing


@pytest.fixture(scope="module")
def seed_server(seed_db) -> Iterator[LiveServer]:
    with LiveServer(seed_db[0]) as server:
        yield server


def _page(browser, **kw):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **kw)
    page = context.new_page()
    page.set_default_timeout(15000)
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" and "favicon" not in m.text else None)
    return context, page, problems


def _story_id(server: LiveServer, article_id: str, page) -> str:
    data = page.request.get(f"{server.url}/api/articles/{article_id}").json()
    return data["stories"][0]["id"] if data["stories"] else article_id


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_seed_story_timeline_in_gold_order(browser, seed_server, seed_db, seed_gold):
    _, article_id, missing = seed_db
    context, page, problems = _page(browser)
    page.goto(seed_server.url + "/")
    _shot(page, "home")
    story_id = _story_id(seed_server, article_id, page)
    page.goto(f"{seed_server.url}/stories/{story_id}")
    _shot(page, "story")
    if "events" in missing or "time" in missing:
        pytest.skip(f"the seed timeline needs the time and event stages; not installed: {', '.join(missing)}")
    items = page.eval_on_selector_all(
        "svg.timeline g.tl-item",
        "els => els.map(g => ({date: g.dataset.date, source: g.dataset.source, text: g.querySelector('title').textContent}))",
    )
    assert page.is_visible("svg.timeline")
    dates = [i["date"] for i in items]
    positions = []
    for entry in seed_gold["timeline"]:
        assert entry["date"] in dates, f"gold date {entry['date']} not on the timeline {dates}"
        positions.append(dates.index(entry["date"]))
        on_date = [i for i in items if i["date"] == entry["date"]]
        for phrase in entry["contains"]:
            assert any(fold(phrase) in fold(i["text"]) for i in on_date), (entry, on_date)
        if entry.get("source"):
            assert any(i["source"] == entry["source"] for i in on_date), (entry, on_date)
    assert positions == sorted(positions), f"gold dates out of order on the page: {dates}"
    # The dates drawn on the axis read in time order too.
    drawn = page.eval_on_selector_all("svg.timeline text.tl-date", "els => els.map(e => e.textContent)")
    assert drawn[0] == "2017" and "2 Apr 2024" in drawn
    assert problems == []
    context.close()


def test_seed_article_quotes_show_speakers_and_scroll(browser, seed_server, seed_db, seed_gold):
    _, article_id, missing = seed_db
    context, page, problems = _page(browser)
    page.goto(f"{seed_server.url}/articles/{article_id}")
    _shot(page, "article")
    # Image with caption and credit, and the boilerplate on demand.
    caption = page.inner_text("figure.lead-image figcaption")
    assert seed_gold["image"]["caption_contains"] in caption and seed_gold["image"]["credit"] in caption
    assert not page.is_visible("details.removed ul")
    page.click("details.removed summary")
    assert page.is_visible("details.removed ul")
    assert "Leave a review" in page.inner_text("details.removed")
    if "quotes" in missing:
        pytest.skip(f"the quote stage is not installed ({', '.join(missing)})")
    items = page.eval_on_selector_all(
        ".speakers .quote-item",
        # the speaker heads its group (not repeated on each of its statements)
        "els => els.map(li => ({text: li.querySelector('.quote-link').textContent, speaker: li.closest('.speaker-group').dataset.speaker,"
        " target: li.querySelector('.quote-link').dataset.target}))",
    )
    assert items and all(i["speaker"].strip() for i in items)
    # The page lists every statement of the record, each with its speaker.
    record = page.request.get(f"{seed_server.url}/api/articles/{article_id}").json()["article"]
    assert len(items) == len(record["quotes"])
    listed = {(fold(i["text"]), fold(i["speaker"])) for i in items}
    for q in record["quotes"]:
        speaker = q["speaker"]["name"] if q["speaker"] else "(unattributed)"
        assert any(fold(speaker) == sp and fold(q["content"] or q["cue"]) in text for text, sp in listed), q["id"]
    # The gold statements found by the quote stage show the gold speaker. Recall itself is the
    # quote stage's gate (tests of newstrace.attribution); here most of them must be there.
    required = [g for g in seed_gold["quotes"] if not g.get("optional") and g["content"]]
    missing, wrong = [], []
    for gold in required:
        hits = [i for i in items if all(fold(c) in fold(i["text"]) for c in gold["content"])]
        if not hits:
            missing.append(gold["id"])
        elif not any(fold(gold["speaker"]) == fold(i["speaker"]) for i in hits):
            wrong.append((gold["id"], gold["speaker"], [i["speaker"] for i in hits]))
    assert wrong == [], f"gold statements shown with the wrong speaker: {wrong}"
    assert len(missing) <= len(required) // 5, f"gold statements not listed: {missing}"
    # The reporting chain: this site ← Interfax ← Sergei Naryshkin.
    chains = " ".join(page.text_content("#chain").split())
    assert "Interfax ← Sergei Naryshkin" in chains and "The Washington Post" in chains
    # Clicking a quote (the last one, far down the text) scrolls its sentence into view.
    last = page.locator(".side-col .quote-link").last
    target = last.get_attribute("data-target")
    sentence = page.locator(f"#{target}")
    assert not _in_view(page, f"#{target}")
    last.click()
    page.wait_for_function("t => location.hash === '#' + t", arg=target)
    page.wait_for_timeout(200)
    assert _in_view(page, f"#{target}"), "the quote's sentence was not scrolled into view"
    assert "flash" in (sentence.get_attribute("class") or "") or page.evaluate("() => document.querySelector(':target') !== null")
    _shot(page, "article-after-click")
    assert problems == []
    context.close()


def test_seed_article_works_without_javascript(browser, seed_server, seed_db):
    _, article_id, missing = seed_db
    if "quotes" in missing:
        pytest.skip("the quote stage is not installed")
    context, page, _ = _page(browser, java_script_enabled=False)
    page.goto(f"{seed_server.url}/articles/{article_id}")
    last = page.locator(".side-col .quote-link").last
    target = last.get_attribute("data-target")
    last.click()
    page.wait_for_timeout(300)
    assert page.url.endswith(f"#{target}")
    assert _in_view(page, f"#{target}")
    context.close()


def test_entity_page(browser, seed_server, seed_db):
    _, _, missing = seed_db
    if "quotes" in missing:
        pytest.skip("the quote stage is not installed")
    context, page, problems = _page(browser)
    page.goto(f"{seed_server.url}/entities/Sergei%20Naryshkin")
    _shot(page, "entity")
    assert "Sergei Naryshkin" in page.inner_text("h1")
    said = page.inner_text("#quotes-by")
    assert fold("too general and did not allow us") in fold(said)
    assert problems == []
    context.close()


def _in_view(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; }",
    )


# -- hostile input -------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from webfactory import hostile_article, make_article

    from newstrace.store import open_store

    db = tmp_path_factory.mktemp("hostile") / "h.db"
    with open_store(db) as store:
        store.upsert_article(hostile_article())
        store.upsert_article(make_article())
    with LiveServer(db) as server:
        yield server


@pytest.mark.parametrize(
    "path",
    ["/", "/search?q=Breaking", "/articles/ffee00112233aabb", "/stories/ffee00112233aabb", "/entities/Anna%20Berg", "/stories"],
)
def test_scraped_script_never_runs(browser, hostile_server, path):
    context, page, problems = _page(browser)
    page.goto(hostile_server.url + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    assert page.evaluate("() => window.__pwned") is None, "a scraped payload executed"
    assert page.evaluate("() => document.querySelectorAll('img[onerror], svg[onload], a[href^=\"javascript:\"]').length") == 0
    assert [p for p in problems if "dialog" in p or "page error" in p] == []
    if path.startswith("/articles/"):
        # The payload is on the page as text, where a reader can see it.
        assert "<script>window.__pwned = 1</script>" in page.inner_text("h1")
        for selector in ("mark.q", "details.removed", "figure.lead-image"):
            page.click("details.removed summary") if selector == "details.removed" else None
            assert page.locator(selector).count() >= 1
        assert page.evaluate("() => window.__pwned") is None
        _shot(page, "hostile-article")
    context.close()
