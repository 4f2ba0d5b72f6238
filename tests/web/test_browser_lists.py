"""The store-wide lists in real headless Chromium: each opened, filtered through its form and
exported through its links, at desktop and phone (390 px) widths, with screenshots in
test-artifacts/; scraped script never runs on them; a conflict is confirmed from the inbox."""

from __future__ import annotations

import csv
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser import CHROMIUM, LiveServer, _page, _shot  # noqa: F401 - the browser fixture's module
from test_browser import browser as browser  # noqa: PLC0414 - the fixture, shared

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium at /usr/bin/chromium: run `bash scripts/install-browser` (Debian's chromium package)"),
]

KINDS = ("statements", "claims", "conflicts", "timeline")
PHONE = {"width": 390, "height": 844}


class TokenServer(LiveServer):
    """A live desk whose writes take a token."""

    def __init__(self, db: Path, token: str) -> None:
        import uvicorn

        from newstrace.web.app import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        config = uvicorn.Config(create_app(db, token=token), host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)


@pytest.fixture(scope="module")
def lists_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from listfactory import fill
    from webfactory import TOKEN, hostile_article

    from newstrace.store import open_store

    db = tmp_path_factory.mktemp("lists-browser") / "l.db"
    with open_store(db) as store:
        fill(store)
        store.upsert_article(hostile_article())
    with TokenServer(db, TOKEN) as server:
        yield server


def _total(page) -> int:
    return int(page.inner_text(".list-summary .total strong").replace(",", ""))


def _fits(page, width: int) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth") <= width + 1


@pytest.mark.parametrize("kind", KINDS)
def test_list_opened_filtered_and_exported(browser, lists_server, kind: str) -> None:
    from listfactory import OUTLETS

    context, page, problems = _page(browser, accept_downloads=True)
    page.goto(f"{lists_server.url}/{kind}")
    everything = _total(page)
    api = page.request.get(f"{lists_server.url}/api/{kind}").json()
    assert everything == api["total"] > 0
    _shot(page, f"{kind}-desktop")
    # filter through the form: an outlet, as a reader picks it
    page.select_option("form.list-filters select[name=outlet]", OUTLETS[1])
    page.click("form.list-filters button[type=submit]")
    page.wait_for_load_state("load")
    assert "outlet=Daily+Rivers" in page.url
    filtered = _total(page)
    assert filtered == page.request.get(f"{lists_server.url}/api/{kind}", params={"outlet": OUTLETS[1]}).json()["total"]
    assert 0 < filtered <= everything
    _shot(page, f"{kind}-filtered")
    # the CSV link downloads the whole filtered list, not only the page on screen
    with page.expect_download() as done:
        page.click(".list-summary a.export:text('CSV')")
    rows = list(csv.DictReader(io.StringIO(Path(done.value.path()).read_text(encoding="utf-8"))))
    assert len({r["conflict_id"] for r in rows} if kind == "conflicts" else rows) == filtered  # conflicts: a row per side
    with page.expect_download() as done:
        page.click(".list-summary a.export:text('JSONL')")
    assert len(Path(done.value.path()).read_text(encoding="utf-8").splitlines()) == filtered
    assert problems == []
    context.close()
    # a phone: the page fits 390 px, filters and all
    context, page, problems = _phone(browser)
    page.goto(f"{lists_server.url}/{kind}?outlet=Daily+Rivers")
    assert _total(page) == filtered
    assert _fits(page, PHONE["width"]), f"/{kind} is wider than a phone"
    _shot(page, f"{kind}-phone")
    assert problems == []
    context.close()


def _phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(15000)
    problems: list[str] = []
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" and "favicon" not in m.text else None)
    return context, page, problems


def test_claim_search_to_sources_and_conflicts_in_three_clicks(browser, lists_server) -> None:
    """From the home page: type a claim (1), open who repeated it (2), open the conflict (3)."""
    context, page, problems = _page(browser)
    page.goto(lists_server.url + "/")
    page.fill("#claim-q", "dam will hold")
    page.click("form.claim-search button")  # 1
    page.wait_for_load_state("load")
    assert "/statements?q=dam+will+hold" in page.url and _total(page) > 0
    page.click("a:text('most conflicts')")
    page.wait_for_load_state("load")
    first = page.locator(".statement").first
    assert "Contradicted by" in first.inner_text()
    first.locator(".repeats a").first.click()  # 2: every statement of the claim
    page.wait_for_load_state("load")
    assert "claim=cl-hold" in page.url and _total(page) == page.request.get(f"{lists_server.url}/api/claims?q=hold").json()["items"][0]["sources"]
    page.go_back()
    page.locator(".statement").first.locator(".contradicted a:text('the conflict')").first.click()  # 3
    page.wait_for_load_state("load")
    assert page.locator("section.conflict").count() == 1
    _shot(page, "claim-search-conflict")
    assert problems == []
    context.close()


def test_confirm_a_conflict_from_the_inbox(browser, lists_server) -> None:
    from webfactory import TOKEN

    context, page, problems = _page(browser)
    page.goto(f"{lists_server.url}/conflicts?review=unreviewed")
    before = _total(page)
    section = page.locator("section.conflict").first
    conflict_id = section.get_attribute("id")
    section.locator("input[name=token]").fill(TOKEN)
    section.locator("button[value=confirmed]").click()
    page.wait_for_load_state("load")
    assert "review=unreviewed" in page.url and _total(page) == before - 1
    page.goto(f"{lists_server.url}/conflicts?review=confirmed")
    assert page.locator(f"#{conflict_id}").count() == 1
    _shot(page, "conflicts-after-confirm")
    assert problems == []
    context.close()


@pytest.mark.parametrize("path", ["/statements?q=Breaking", "/statements?speaker=Eve", "/claims", "/conflicts", "/timeline?q=pwned"])
def test_scraped_script_never_runs_on_the_lists(browser, lists_server, path: str) -> None:
    context, page, problems = _page(browser)
    page.goto(lists_server.url + path)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    assert page.evaluate("() => window.__pwned") is None, "a scraped payload executed"
    assert page.evaluate("() => document.querySelectorAll('img[onerror], svg[onload], a[href^=\"javascript:\"]').length") == 0
    assert [p for p in problems if "dialog" in p or "page error" in p] == []
    context.close()


def test_phone_home_reaches_every_list(browser, lists_server) -> None:
    context, page, problems = _phone(browser)
    page.goto(lists_server.url + "/")
    assert _fits(page, PHONE["width"])
    for kind in KINDS:
        assert page.locator(f"header nav a[href='/{kind}']").is_visible()
    _shot(page, "home-phone")
    started = time.monotonic()
    page.click("header nav a[href='/conflicts']")
    page.wait_for_load_state("load")
    assert page.url.endswith("/conflicts") and time.monotonic() - started < 10
    assert problems == []
    context.close()
