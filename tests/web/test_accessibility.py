"""The desk's main pages in real headless Chromium: axe-core finds no serious or critical
accessibility problem, and every page is usable 390 px wide (no horizontal scrolling).

axe-core comes from the npm registry (`bash scripts/install-axe`, which .ci/run calls); without
it, or without Chromium, these tests skip and say why. Screenshots of each page at desktop and
phone widths go to test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from _support import REPO, SEED_PAGE, distinct_text, require_shared
from browser_support import CHROMIUM, LAUNCH_ARGS, NO_CHROMIUM, LiveServer, shot

pytest.importorskip("uvicorn", reason="the browser tests need uvicorn")
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need Playwright for Python (pip install playwright; never `playwright install`)")

AXE = REPO / ".axe" / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason=NO_CHROMIUM),
    pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE}: run `bash scripts/install-axe` (npm)"),
]
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def a11y_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The seed page through the real pipeline, plus hand-built articles from three outlets linked
    into one story (so the story page has coverage, claims, conflicts and a long who-said-what)."""
    from click.testing import CliRunner
    from webfactory import make_article

    from newstrace.cli import main
    from newstrace.link import link_article
    from newstrace.store import open_store

    db = tmp_path_factory.mktemp("a11y") / "a11y.db"
    result = CliRunner().invoke(main, ["ingest", str(require_shared(SEED_PAGE)), "--published", "2024-04-03", "--db", str(db)])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        (seed,) = list(store.iter_articles())
        for i, (site, day) in enumerate([("Daily Rivers", "2024-05-02"), ("Harbour Post", "2024-05-03"), (None, "2024-05-03"), ("Daily Rivers", "2024-05-06")]):
            a = make_article(f"f{i}e5f60718293041", title=f"Dam holds as waters fall, day {i + 1}", site=site, published=day,
                             url=None if site else f"https://news.example/{i}", extra=" " + distinct_text(10 + i))
            store.upsert_article(a)
            link_article(store, a)
    return db, seed.id


@pytest.fixture(scope="module")
def server(a11y_store) -> Iterator[LiveServer]:
    with LiveServer(a11y_store[0]) as live:
        yield live


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


def _paths(server: LiveServer, seed_id: str) -> dict[str, str]:
    import httpx

    stories = httpx.get(f"{server.url}/api/stories").json()["items"]
    big = max(stories, key=lambda s: len(s["article_ids"]))
    seed_story = httpx.get(f"{server.url}/api/articles/{seed_id}").json()["stories"]
    return {
        "home": "/",
        "stories": "/stories",
        "story": f"/stories/{big['id']}",
        "story-seed": f"/stories/{seed_story[0]['id'] if seed_story else seed_id}",
        "article": f"/articles/{seed_id}",
        "entity": "/entities/" + quote("Moscow"),
        "speaker": "/entities/" + quote("Sergei Naryshkin"),
        "choice": "/entities/Islamic",  # a word of several names: the reader chooses
        "entities": "/entities",
        "search": "/search?q=Crocus",
        "error": "/no/such/page",
    }


PAGES = ["home", "stories", "story", "story-seed", "article", "entity", "speaker", "choice", "entities", "search", "error"]


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_finding_and_no_sideways_scroll(browser, server, a11y_store, name):
    path = _paths(server, a11y_store[1])[name]
    axe = AXE.read_text(encoding="utf-8")
    for width_name, (width, height) in WIDTHS.items():
        # bypass_csp: the test injects axe as an inline script, which the desk's CSP rightly refuses
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(20000)
        resp = page.goto(server.url + path)
        assert resp is not None and resp.status == (404 if name == "error" else 200), (path, resp and resp.status)
        # folded sections are checked open too
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        page.add_script_tag(content=axe)
        result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        found = [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in result["violations"] if v["impact"] in SERIOUS
        ]
        assert found == [], f"{path} at {width}px: " + "; ".join(found)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px wide"
        shot(page, f"{name}-{width_name}")
        context.close()


def test_story_page_answers_at_a_glance(browser, server, a11y_store):
    """The summary block is on the first screen; jump links reach every section; long parts fold."""
    path = _paths(server, a11y_store[1])["story"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(server.url + path)
    top = page.eval_on_selector("#summary", "el => el.getBoundingClientRect().top")
    assert top < 900, f"the summary starts {top}px down"
    glance = page.inner_text("#summary")
    for label in ("What happened", "When", "Coverage", "Statements", "Conflicts"):
        assert label.casefold() in glance.casefold(), label
    assert page.locator("svg.coverage rect").count() >= 2  # bars on more than one day
    assert "Daily Rivers" in page.inner_text("#coverage")
    for target in page.eval_on_selector_all("nav.jump a", "els => els.map(a => a.getAttribute('href'))"):
        assert page.locator(target).count() == 1, target
    height = page.evaluate("() => document.documentElement.scrollHeight")
    shot(page, "story-glance")
    context.close()
    assert height < 12000, f"the story page is {height}px tall"
