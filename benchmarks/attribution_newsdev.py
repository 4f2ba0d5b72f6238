"""Who said what on real news: the newsdev pages scored in-process with newsdev's own rules.

    python benchmarks/attribution_newsdev.py [-v] [--only NAME] [--min-confidence X]

Runs the whole per-article analysis (HTML extraction, NLP, time, quotes) on
each page of ../shared/data/newsdev with the gold's publication date, builds
the same JSON record ``newstrace analyze --format jsonl`` prints, and scores it
with the matching functions of ``../shared/data/newsdev/score.py`` (loaded
from the shared folder, not copied): speaker precision (statements with a
right speaker / statements reported), recall of required gold quotes, recall
with the right speaker, false attributions (reported statements matching no
gold quote) and how many of those cover a ``not_attributions`` phrase.
One table, one row per page and a total; the last line is score.py's summary
line. ``--min-confidence`` scores only the statements at or above a confidence
(what a reader filtering to confident statements sees).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType


def _shared() -> Path:
    return Path(os.environ.get("NEWSTRACE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def load_scorer(newsdev: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsdev_score", newsdev / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def records(newsdev: Path, only: str | None = None) -> list[tuple[dict, dict]]:
    """(gold, record) for every page, analysed as ``newstrace analyze`` would."""
    from newstrace.ingest.files import read_file
    from newstrace.pipeline import build_pipeline
    from newstrace.record import article_to_record
    from newstrace.types import AnalysisOptions

    out = []
    for gp in sorted(newsdev.glob("*.gold.json")):
        if only and only not in gp.name:
            continue
        gold = json.loads(gp.read_text(encoding="utf-8"))
        pipeline = build_pipeline(AnalysisOptions(published=gold["dct"]))
        article = pipeline.analyse(read_file(newsdev / "pages" / Path(gold["document"]).name))
        record = json.loads(json.dumps(article_to_record(article, stages_missing=pipeline.missing), ensure_ascii=False))
        out.append((gold, record))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses, wrong speakers and false attributions")
    ap.add_argument("--only", help="score only pages whose name contains this")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    args = ap.parse_args(argv)
    newsdev = _shared() / "data" / "newsdev"
    if not (newsdev / "score.py").exists():
        print(f"skipped: {newsdev} not found (set NEWSTRACE_SHARED)")
        return 0
    scorer = load_scorer(newsdev)
    total: Counter[str] = Counter()
    print("| page | reported | right speaker | wrong speaker | false | false on not_attributions | required | found | found, right speaker |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for gold, rec in records(newsdev, args.only):
        rec["quotes"] = [q for q in rec["quotes"] if q.get("confidence", 1.0) >= args.min_confidence]
        r = scorer.score_article(gold, rec, False)
        for k, v in r.items():
            if isinstance(v, int):
                total[k] += v
        print(f"| {Path(gold['document']).stem} | {r['predicted']} | {r['right']} | {r['wrong_speaker']} | {r['unmatched']} | "
              f"{r['unmatched_not_attr']} | {r['required']} | {r['found']} | {r['found_right']} |")
        if args.verbose:
            for kind in ("misses", "wrong", "false"):
                for line in r[kind]:
                    print(f"    {kind.upper():7} {line}", file=sys.stderr)
    t = total
    pct = scorer.pct
    print(f"| **total** | {t['predicted']} | {t['right']} | {t['wrong_speaker']} | {t['unmatched']} | {t['unmatched_not_attr']} | "
          f"{t['required']} | {t['found']} | {t['found_right']} |")
    print(f"newsdev: speaker precision {pct(t['right'], t['predicted']):.1f}%, recall {pct(t['found'], t['required']):.1f}% "
          f"(right speaker {pct(t['found_right'], t['required']):.1f}%), false attributions {t['unmatched']} "
          f"({pct(t['unmatched'], t['predicted']):.1f}% of reported), on not_attributions {t['unmatched_not_attr']}, "
          f"timex value {pct(t['timex_ok'], t['timex_required']):.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
