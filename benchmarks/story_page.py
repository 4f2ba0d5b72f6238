"""How far a reader scrolls on a story page: its height and where each section starts, in headless Chromium.

Uses the synthetic store of benchmarks/web_load.py (built when --db does not exist yet), serves it
with `newstrace serve` on loopback, opens the largest stories at desktop (1280 px) and phone (390 px)
widths, and prints one table: page height as served (long parts folded) and unfolded, and the
offset of the conflicts section (the issue 14 complaint: a 36,000 px page, conflicts 22,000 px down).

    python benchmarks/story_page.py --db /tmp/desk.db --articles 2000 --stories 3

Needs Chromium (scripts/install-browser) and Playwright for Python (never `playwright install`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from web_load import build_store, free_port  # noqa: E402

SECTIONS = ("summary", "coverage", "timeline", "claims", "conflicts", "who-said-what", "articles")
WIDTHS = (("desktop", 1280, 900), ("phone", 390, 844))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the store (built here when absent)")
    parser.add_argument("--articles", type=int, default=2000, help="articles when building the store")
    parser.add_argument("--stories", type=int, default=3, help="the largest N stories are measured")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()

    import httpx
    from playwright.sync_api import sync_playwright

    if not args.db.exists():
        build_store(args.db, args.articles)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "newstrace", "serve", "--db", str(args.db), "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    rows = []
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                stories = httpx.get(f"{base}/api/stories?limit=100", timeout=120).json()["items"]
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.3)
        stories = sorted(stories, key=lambda s: -len(s["article_ids"]))[: args.stories]
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
            for story in stories:
                for width_name, width, height in WIDTHS:
                    page = browser.new_page(viewport={"width": width, "height": height})
                    page.goto(f"{base}/stories/{story['id']}", timeout=120_000)
                    served = page.evaluate("() => document.documentElement.scrollHeight")
                    tops = page.evaluate(
                        "ids => Object.fromEntries(ids.map(i => { const e = document.getElementById(i);"
                        " return [i, e ? Math.round(e.getBoundingClientRect().top + scrollY) : null]; }))",
                        list(SECTIONS),
                    )
                    page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
                    unfolded = page.evaluate("() => document.documentElement.scrollHeight")
                    rows.append((story["id"], len(story["article_ids"]), width_name, served, unfolded, tops.get("summary"), tops.get("conflicts")))
                    page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(10)

    print(f"\nStory page height (Chromium), store {args.db.name}; px from the top of the page")
    print(f"{'story':<12}{'articles':>9}{'width':>9}{'height':>9}{'unfolded':>10}{'summary at':>12}{'conflicts at':>14}")
    for sid, n, width_name, served, unfolded, summary, conflicts in rows:
        print(f"{sid:<12}{n:>9}{width_name:>9}{served:>9}{unfolded:>10}{summary if summary is not None else '-':>12}{conflicts if conflicts is not None else '-':>14}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
