"""The seed page against its gold: quotes found, speaker, kind, channel, via and said_on.

    python benchmarks/attribution_seed.py

Cleans ../shared/seed/crocus-page.txt with the plain-text cleaner, tags time
expressions with the gold's DCT, runs the NLP pipeline and the attribution
rules, and matches every gold quote by its key phrases (the gold's rules).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path


def main() -> int:
    shared = Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    page, gold_path = shared / "seed" / "crocus-page.txt", shared / "seed" / "crocus-page.gold.json"
    if not page.exists() or not gold_path.exists():
        print(f"skipped: {page} not found (set NEWSTRACE_SHARED)")
        return 0
    from newstrace.attribution import extract_attributions
    from newstrace.attribution.gold import match_quotes
    from newstrace.extract.text import clean_plain_text
    from newstrace.nlp import load_nlp

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = clean_plain_text(page.read_text(encoding="utf-8")).text
    try:
        from newstrace.timex import tag_timexes

        timexes = tag_timexes(text, date.fromisoformat(gold["dct_for_test"]))
    except ImportError:
        timexes = ()
    res = extract_attributions(text, load_nlp()(text), timexes)
    matches = match_quotes(text, res.quotes, gold["quotes"], check_said_on=bool(timexes))

    def mark(v):
        return "" if v is None else ("yes" if v else "NO")

    print("| gold | optional | found | speaker | kind | channel | via | said_on | extracted speaker |")
    print("|---|---|---|---|---|---|---|---|---|")
    for m in matches:
        q = m.quote
        print(f"| {m.gold_id} | {'opt' if m.optional else ''} | {mark(m.found)} | "
              f"{mark(m.speaker_ok) if q else ''} | {mark(m.kind_ok) if q else ''} | {mark(m.channel_ok)} | "
              f"{mark(m.via_ok)} | {mark(m.said_on_ok)} | {q.speaker.name if q and q.speaker else ''} |")
    req = [m for m in matches if not m.optional]
    opt = [m for m in matches if m.optional]
    checks = [v for m in req for v in (m.channel_ok, m.via_ok, m.said_on_ok) if v is not None]
    print(f"| **required {len(req)}** | | {sum(m.found for m in req)} | {sum(m.speaker_ok for m in req)} | "
          f"{sum(m.kind_ok for m in req)} | channel/via/said_on: {sum(checks)}/{len(checks)} | | | |")
    print(f"| optional {len(opt)} | | {sum(m.found for m in opt)} | {sum(m.speaker_ok for m in opt)} | "
          f"{sum(m.kind_ok for m in opt)} | | | | |")
    print(f"| extracted quotes | | {len(res.quotes)} | | | | | | cites: {[(c.outlet, c.author, c.date_text, c.date) for c in res.cites]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
