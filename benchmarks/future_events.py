"""Past-tense events dated after their article's publication date: a check over real news, one table.

Pages: the 181 pages of ``article-extraction`` (publication date as newstrace reads it from the page;
pages without one are counted and skipped) and the 16 ``newsdev`` pages (the gold ``dct``), under
``$NEWSTRACE_DATA`` or ``../shared/data``. Each page goes through the whole default pipeline.

An event (``Article.events``) lands after publication when the first day its date covers is later
than the publication day. It is a *past-tense* event when its time expression is an adverbial of a
verb (reached up the parse through prepositions only: "killed on Oct. 7", not "the 2020 session")
in a past form: a past tense (VBD), or a participle after "have" or a past "be", with no future or
modal auxiliary ("will", "would", "may" ...) and no infinitive marker
(``newstrace.timex.governs.verb_of`` / ``is_past_form``; the time stage uses the same reading of
the parse, so this checks that what the parse says reaches the dates). A date after "by",
"before", "until", "set for" ... bounds the event rather than dating it and is left out. Goal: none.

Usage: python benchmarks/future_events.py [--data DIR] [--limit N] [--list]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newstrace.errors import NewstraceError
from newstrace.model import Article, RawDocument, SourceRef
from newstrace.pipeline import AnalysisOptions, Context, build_pipeline, dct_of, parse_published
from newstrace.timex.calendar import value_days
from newstrace.timex.governs import is_past_form, verb_of

ROOT = Path(__file__).resolve().parent.parent
# A date after these bounds the event, it does not date it: "by 2035", "before Christmas", "set for next year".
_BOUND_BEFORE = re.compile(
    r"\b(?:by|before|until|till|through|to|ahead\s+of|no\s+later\s+than|(?:set|scheduled|slated|planned)\s+for)\s+(?:the\s+)?$", re.I
)


def data_root(override: str | None) -> Path:
    return Path(override or os.environ.get("NEWSTRACE_DATA") or ROOT.parent / "shared" / "data")


@dataclass
class Page:
    name: str
    raw: RawDocument
    published: str | None  # ISO date given by the data, or None to read the page's own


def pages(root: Path) -> list[Page]:
    out: list[Page] = []
    folder = root / "article-extraction"
    if (folder / "ground-truth.json").exists():
        gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
        for key in sorted(gold):
            html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
            out.append(Page(f"extraction/{key[:12]}", RawDocument(html, SourceRef("file", key), url=gold[key]["url"]), None))
    newsdev = root / "newsdev"
    for gold_file in sorted(newsdev.glob("*.gold.json")):
        g = json.loads(gold_file.read_text(encoding="utf-8"))
        html = (newsdev / g["document"]).read_bytes()
        out.append(Page(f"newsdev/{gold_file.name[:-10]}", RawDocument(html, SourceRef("file", g["document"]), url=g.get("url")), g["dct"]))
    return out


@dataclass
class Finding:
    page: str
    published: date
    value: str
    timex_text: str
    verb: str
    sentence: str


def check(article: Article, doc: Any, page: str, published: date) -> tuple[int, int, list[Finding]]:
    dated = after = 0
    found: list[Finding] = []
    for event in article.events:
        if event.timex is None:
            continue
        timex = article.timexes[event.timex]
        days = value_days(event.date)
        if days is None:
            continue
        dated += 1
        if days[0] <= published:
            continue
        after += 1
        lead = article.text[max(0, timex.span.start - 30) : timex.span.start]
        if _BOUND_BEFORE.search(lead):
            continue  # "agreed a target ... by 2035", "left before Christmas": a bound, not the event's date
        verb = verb_of(doc, timex.span)
        if verb is not None and is_past_form(verb):
            sent = doc.char_span(timex.span.start, timex.span.end, alignment_mode="expand").sent
            found.append(Finding(page, published, event.date or "", article.span_text(timex.span), verb.text, " ".join(sent.text.split())))
    return dated, after, found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data root (default: $NEWSTRACE_DATA or ../shared/data)")
    parser.add_argument("--limit", type=int, default=0, help="first N pages only")
    parser.add_argument("--list", action="store_true", help="print every past-tense event after publication")
    args = parser.parse_args(argv)
    root = data_root(args.data)
    todo = pages(root)[: args.limit or None]
    if not todo:
        print(f"no article-extraction or newsdev pages under {root}; set NEWSTRACE_DATA", file=sys.stderr)
        return 2
    pipeline = build_pipeline(AnalysisOptions())
    rows: dict[str, list[int]] = {}
    findings: list[Finding] = []
    undated_pages = 0
    for page in todo:
        group = page.name.split("/")[0]
        row = rows.setdefault(group, [0, 0, 0, 0])
        try:
            article = pipeline.extract(page.raw)
        except NewstraceError:
            continue
        if page.published:
            article = dataclasses.replace(article, published=parse_published(page.published))
        published = dct_of(article)
        if published is None:
            undated_pages += 1
            continue
        ctx = Context(dct=published)
        for stage in pipeline.stages:
            article = stage(article, ctx)
        dated, after, found = check(article, ctx.data.get("doc"), page.name, published)
        row[0] += 1
        row[1] += dated
        row[2] += after
        row[3] += len(found)
        findings += found
    print("| pages | with a publication date | dated events | dated after publication | of them past tense (goal 0) |")
    print("|---|---:|---:|---:|---:|")
    for group, (n, dated, after, past) in rows.items():
        print(f"| {group} | {n} | {dated} | {after} | {past} |")
    print(f"\n{undated_pages} pages without a publication date were skipped.")
    if args.list or findings:
        for f in findings:
            print(f"- {f.page} (published {f.published}): {f.timex_text!r} = {f.value}, verb {f.verb!r}: {f.sentence[:220]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
