"""Conflicting accounts on ECB+: precision and recall against the hand-made set.

Usage: python benchmarks/conflicts_ecbplus.py [--data DIR] [--gold DIR] [--cache DIR] [--mode story|topic] [--show N]
       [--matching senses|vectors|both|events|exact] [--event-table PATH]

Every document of the annotated topics (benchmarks/data/ecbplus_conflicts, rules in its README)
is analysed by the shipped pipeline; the conflict finder is then given each sub-topic (one event)
as one story (``--mode story``, what the linker does once stories are right) or each whole topic
(``--mode topic``: two events of one kind side by side, which tempts it to pair figures of
different events). A reported conflict is right when its sides are statements of two answers that
cannot both be true; recall counts the annotated answer pairs joined. ``--show N`` prints N
wrong conflicts and N missed pairs. ``--cache`` keeps the analysed records (JSON) between runs.
``--gold`` names the annotation directory: the development topics by default, or
benchmarks/data/ecbplus_conflicts_heldout for the held-out figure (topics annotated blind).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conflict_gold import GOLD_DIR, gold_topics, load_gold, score  # noqa: E402
from ecbplus_docs import EcbDoc, read_documents  # noqa: E402

from newstrace.lang.en.event_words import use_table  # noqa: E402
from newstrace.link.conflicts import find_conflicts  # noqa: E402
from newstrace.link.same_count import MATCHINGS, set_matching  # noqa: E402
from newstrace.model import Article, Conflict, PublishedDate, RawDocument, SourceRef  # noqa: E402
from newstrace.pipeline import AnalysisOptions, build_pipeline  # noqa: E402
from newstrace.record import article_to_record, record_to_article  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSTRACE_SHARED", REPO.parent / "shared"))


_DATE_LINE = re.compile(r"\b(?:19|20)\d\d\b|\b\d\d? ?/ ?\d\d? ?/ ?\d\d\b")


def date_line(d: EcbDoc) -> str | None:
    """The publication date an ECB+ page states in its first lines ("Published: November 28, 2005")."""
    from dateparser.search import search_dates

    for number in sorted(d.sentences)[:4]:
        line = d.sentence(number)
        if len(line) > 90 or not _DATE_LINE.search(line):
            continue
        found = search_dates(line.replace(" / ", "/"), settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}) or []
        for text, when in found:
            if _DATE_LINE.search(text) and 1990 <= when.year <= 2030:
                return when.date().isoformat()
    return None


def analyse(docs: list[EcbDoc], cache: Path | None) -> dict[str, Article]:
    """Document name -> analysed Article (from the cache where the text is unchanged). A date the
    page states in its first lines is its publication date, as a page's metadata would give."""
    pipeline = build_pipeline(AnalysisOptions(keep_raw_text=True))
    out: dict[str, Article] = {}
    for d in docs:
        path = cache / f"{d.name}.json" if cache else None
        if path and path.exists():
            rec = json.loads(path.read_text(encoding="utf-8"))
            if rec.get("text") == d.text:
                out[d.name] = record_to_article(rec)
                continue
        raw = RawDocument(d.text.encode("utf-8"), SourceRef("file", f"ecbplus/{d.name}.xml"), url=d.url, content_type="text/plain")
        article = pipeline.extract(raw)
        published = date_line(d)
        article = dataclasses.replace(
            article, site=d.outlet, published=PublishedDate(published, "text") if published else None
        )
        article = pipeline.analyse_article(article)
        out[d.name] = article
        if path:
            path.write_text(json.dumps(article_to_record(article)), encoding="utf-8")
    return out


def side_spans(conflict: Conflict, articles: dict[str, Article], names: dict[str, str]) -> list[list[tuple[str, int, int]]]:
    """The statements of each position (the statements that say the same thing) as (document, start, end)."""
    positions: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
    for s in conflict.sides:
        start, end = s.start, s.end
        if start is None or end is None:  # sides without offsets: find the quoted text
            at = articles[names[s.article_id]].text.find(s.text)
            start, end = (at, at + len(s.text)) if at >= 0 else (0, 0)
        positions[s.position].append((names[s.article_id], start, end))
    return [positions[p] for p in sorted(positions)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=SHARED / "data" / "ecbplus")
    ap.add_argument("--gold", type=Path, default=GOLD_DIR, help="annotation directory (default: the development topics)")
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--mode", choices=["story", "topic"], default="story")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--matching", choices=MATCHINGS, default=None,
                    help="how counted things and their verbs are matched by meaning (default: the shipped one; exact: as written only)")
    ap.add_argument("--event-table", type=Path, default=None,
                    help="event word pairs to match with (default: the shipped table); e.g. one built by "
                    "`python -m training.event_lemmas --leave-out dev --out PATH`, for a figure on topics it did not learn from")
    args = ap.parse_args()
    if args.matching:
        set_matching(args.matching)
    if args.event_table:
        use_table(args.event_table)
    if not (args.data / "ECBplus_xml.tar.gz").exists():
        sys.exit(f"needs {args.data}/ECBplus_xml.tar.gz (ECB+, ../shared/data/ecbplus)")
    if args.cache:
        args.cache.mkdir(parents=True, exist_ok=True)
    try:
        topics = gold_topics(args.gold)
    except FileNotFoundError as e:
        sys.exit(str(e))
    docs = read_documents(args.data, topics)
    gold = load_gold(docs, args.gold)
    t0 = time.perf_counter()
    articles = analyse(sorted(docs.values(), key=lambda d: d.name), args.cache)
    t_analyse = time.perf_counter() - t0
    names = {a.id: name for name, a in articles.items()}
    groups: dict[str, list[str]] = defaultdict(list)
    for name, d in docs.items():
        groups[d.subtopic if args.mode == "story" else str(d.topic)].append(name)
    reported = []
    t0 = time.perf_counter()
    for key in sorted(groups):
        found = find_conflicts([articles[n] for n in sorted(groups[key])])
        reported.extend((key, side_spans(c, articles, names)) for c in found)
    t_find = time.perf_counter() - t0
    s = score(gold, reported)
    print(f"Conflicts on ECB+ ({args.gold.name}: {len(gold.topics)} annotated topics, {len(docs)} documents, mode {args.mode})")
    print(f"{'reported':>9} {'right':>6} {'optional':>9} {'tempting':>9} {'precision':>10} {'pairs':>6} {'found':>6} {'recall':>7} {'find s':>7}")
    print(f"{s.reported:>9} {s.correct:>6} {s.optional:>9} {s.tempting_reported:>9} {100 * s.precision:>9.1f}% {s.required:>6} {s.found:>6} {100 * s.recall:>6.1f}% {t_find:>7.1f}")
    print(f"(analysis of the documents: {t_analyse:.0f} s)")
    if args.show:
        print("\nWRONG")
        for key, sides in s.wrong[: args.show]:
            print(f"  [{key}] " + "  |  ".join(f"{d}:{articles[d].text[a:b][:90]!r}" for side in sides for d, a, b in side))
        print("\nMISSED")
        for p in [p for p in gold.required if not p.found][: args.show]:
            print(f"  [{p.subtopic}] {p.label}: {p.a[0].doc}:{p.a[0].key!r} / {p.b[0].doc}:{p.b[0].key!r}")

if __name__ == "__main__":
    main()
