"""Article extraction and metadata benchmark: newstrace vs plain trafilatura, one table.

Data: ``article-extraction`` (181 news pages with gold article bodies, Zyte/ScrapingHub benchmark)
under ``$NEWSTRACE_DATA`` or ``../shared/data`` relative to the repository root.

Body: the upstream metric (``\\w+`` tokens, multisets of 4-token shingles, per-page precision and
recall averaged over pages, F1 from the two means), overall, per declared-language group, and on the
two halves of the sorted page ids (even positions: the half rules were tuned on; odd: held out).

Metadata: compared with what each page declares in its own JSON-LD (datePublished -> date part
exact; author -> same set of person names; headline -> same words) and its ``<figcaption>``s (a
page counts when at least half its figcaptions come back as caption + credit with the same words),
and the declared ``<html lang>`` for language.

Throughput: pages per CPU-second on one core, newstrace's ``extract_html`` against trafilatura's
full-record extraction (``bare_extraction(..., with_metadata=True)``) on the same pages, same run.

Usage: python benchmarks/extraction.py [--data DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from dateutil import parser as dateutil_parser
from trafilatura import bare_extraction, extract

from newstrace.errors import NewstraceError
from newstrace.extract.html import extract_html
from newstrace.model import Article, RawDocument, SourceRef

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")
_LABEL_WORDS = {"photo", "photograph", "image", "media", "credit", "credits", "caption", "copyright", "c", "by", "picture"}


def data_dir(override: str | None) -> Path:
    base = Path(override or os.environ.get("NEWSTRACE_DATA") or ROOT.parent / "shared" / "data")
    return base / "article-extraction"


# -- body metric ----------------------------------------------------------------------------
def shingles(text: str | None) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text or "")
    return Counter(tuple(words[i : i + 4]) for i in range(max(0, len(words) - 3)))


def page_pr(gold: str, predicted: str | None) -> tuple[float, float]:
    g, p = shingles(gold), shingles(predicted)
    if not p:
        return 0.0, 0.0 if g else 1.0
    tp = sum((g & p).values())
    fp, fn = sum(p.values()) - tp, sum(g.values()) - tp
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 1.0)


def prf(pairs: list[tuple[float, float]]) -> tuple[float, float, float]:
    if not pairs:
        return 0.0, 0.0, 0.0
    p = sum(x for x, _ in pairs) / len(pairs)
    r = sum(y for _, y in pairs) / len(pairs)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# -- what a page declares ---------------------------------------------------------------------
@dataclass
class Declared:
    lang: str | None = None
    date: str | None = None
    authors: set[str] = field(default_factory=set)
    headline: str | None = None
    figcaptions: list[str] = field(default_factory=list)


def _names(value: object) -> set[str]:
    items = value if isinstance(value, list) else [value]
    names: set[str] = set()
    for item in items:
        if isinstance(item, dict):
            kind = item.get("@type")
            if kind and "Person" not in (kind if isinstance(kind, list) else [kind]):
                continue
            item = item.get("name")
        if isinstance(item, str) and item.strip():
            names.add(" ".join(html.unescape(item).split()).casefold())
    return names


def _gold_date(raw: str) -> str | None:
    """The calendar date a JSON-LD datePublished states, as written (no zone conversion)."""
    text = raw.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", text):
        day = text[:10]
    else:
        try:
            day = dateutil_parser.parse(re.sub(r"GMT(?=[+-])", "", text), fuzzy=True).date().isoformat()
        except (ValueError, OverflowError):
            return None
    return day if day >= "1990" else None  # "0001-01-01" placeholders state no date


_ORG_WORDS = re.compile(
    r"\b(?:reuters|associated press|afp|pti|ians|bureau|staff|desk|admin|agency|news|media|team)\b"
)


def authors_ok(ours: tuple[str, ...], gold: set[str]) -> bool:
    """Same people: each declared person name contains, or is contained in, one of ours and vice
    versa ("Troy L. Smith, cleveland.com" ~ "Troy L. Smith"). Declared names that are one word or
    name an organisation ("Reuters", "News Nation Bureau") are not people: for a page that declares
    only those, the right answer is no author (a one-word name may be returned or not)."""
    people = {g for g in gold if " " in g and not _ORG_WORDS.search(g.split("|")[0].split(",")[0])}
    optional = {g for g in gold if " " not in g}  # "regan", "linknaija": a person or a site
    mine = {o.casefold() for o in ours}

    def near(a: str, b: str) -> bool:
        return a in b or b in a

    return all(any(near(g, o) for o in mine) for g in people) and all(
        any(near(o, g) for g in people | optional) for o in mine
    )


def declared(page: str) -> Declared:
    tree = lxml.html.fromstring(page)
    out = Declared()
    lang = tree.get("lang")
    out.lang = lang.split("-")[0].lower() if lang else None
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for obj in stack:
            if not isinstance(obj, dict):
                continue
            stack.extend(x for x in obj.get("@graph", []) if isinstance(x, dict))
            if out.date is None and isinstance(obj.get("datePublished"), str):
                out.date = _gold_date(obj["datePublished"])
            if not out.authors and obj.get("author"):
                out.authors = _names(obj["author"])
            if out.headline is None and isinstance(obj.get("headline"), str):
                out.headline = html.unescape(obj["headline"])
    for cap in tree.xpath("//figcaption"):
        text = " ".join(" ".join(cap.itertext()).split())  # elements read as separate words
        if text:
            out.figcaptions.append(text)
    return out


def _bag(text: str) -> Counter[str]:
    return Counter(w for w in _WORD.findall(text.casefold()) if w not in _LABEL_WORDS)


def captions_ok(article: Article | None, figcaptions: list[str]) -> bool:
    """At least half the page's figcaptions come back whole: an image whose caption holds no word
    the figcaption lacks, and whose caption + credit holds every figcaption word (a credit printed
    beside the figcaption, outside it, may add words)."""
    if article is None or not figcaptions:
        return False
    images = [(_bag(i.caption or ""), _bag(f"{i.caption or ''} {i.credit or ''}")) for i in article.images]

    def found(figcaption: str) -> bool:
        want = _bag(figcaption)
        return any(not (caption - want) and not (want - both) for caption, both in images)

    return sum(found(fc) for fc in figcaptions) * 2 >= len(figcaptions)


# -- runs -------------------------------------------------------------------------------------
def run_newstrace(page: str, url: str, key: str) -> Article | None:
    try:
        return extract_html(RawDocument(page.encode("utf-8"), SourceRef("file", key), url=url, encoding="utf-8"))
    except NewstraceError:
        return None


def timed(fn: Callable[[], object], repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="data root (default: $NEWSTRACE_DATA or ../shared/data)")
    parser.add_argument("--limit", type=int, default=0, help="first N pages only")
    args = parser.parse_args(argv)
    folder = data_dir(args.data)
    if not (folder / "ground-truth.json").exists():
        print(f"article-extraction data not found at {folder}; set NEWSTRACE_DATA", file=sys.stderr)
        return 2
    gold = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[: args.limit or None]
    pages = {k: gzip.decompress((folder / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8") for k in ids}
    urls = {k: gold[k]["url"] for k in ids}
    decl = {k: declared(pages[k]) for k in ids}

    ours = {k: run_newstrace(pages[k], urls[k], k) for k in ids}
    t_default = {k: extract(pages[k], url=urls[k], include_comments=False) for k in ids}
    t_precision = {k: extract(pages[k], url=urls[k], include_comments=False, favor_precision=True) for k in ids}
    t_meta = {k: bare_extraction(pages[k], url=urls[k], with_metadata=True, include_comments=False) for k in ids}

    systems = {
        "newstrace": {k: (a.text if a else "") for k, a in ours.items()},
        "trafilatura": t_default,
        "trafilatura precision": t_precision,
    }
    pr = {name: {k: page_pr(gold[k]["articleBody"], out[k]) for k in ids} for name, out in systems.items()}

    groups = {
        "en": [k for k in ids if decl[k].lang == "en"],
        "other declared": [k for k in ids if decl[k].lang not in (None, "en")],
        "none declared": [k for k in ids if decl[k].lang is None],
    }
    rows: list[tuple[str, ...]] = []

    def body_row(label: str, subset: list[str]) -> None:
        cells = [f"{label} ({len(subset)})"]
        for name in systems:
            p, r, f = prf([pr[name][k] for k in subset])
            cells.append(f"{f:.3f} (P {p:.3f} R {r:.3f})")
        rows.append(tuple(cells))

    body_row("body F1, all pages", ids)
    for label, subset in groups.items():
        body_row(f"body F1, lang {label}", subset)
    body_row("body F1, tuning half", ids[::2])
    body_row("body F1, held-out half", ids[1::2])

    def count(pred: Callable[[str], bool], pages_with: list[str]) -> str:
        hits = sum(pred(k) for k in pages_with)
        return f"{hits}/{len(pages_with)} ({100 * hits / max(1, len(pages_with)):.0f}%)"

    def traf(k: str, attr: str) -> str | None:
        return getattr(t_meta[k], attr, None) if t_meta[k] is not None else None

    dated = [k for k in ids if decl[k].date]
    authored = [k for k in ids if decl[k].authors]
    headed = [k for k in ids if decl[k].headline]
    langed = [k for k in ids if decl[k].lang]
    captioned = [k for k in ids if decl[k].figcaptions]
    words = lambda s: " ".join(_WORD.findall((s or "").casefold()))
    rows.append((
        "date exact (JSON-LD datePublished)",
        count(lambda k: bool(ours[k] and ours[k].published and ours[k].published.value[:10] == decl[k].date), dated),
        count(lambda k: (traf(k, "date") or "")[:10] == decl[k].date, dated),
        "",
    ))
    rows.append((
        "author (JSON-LD author names)",
        count(lambda k: bool(ours[k]) and authors_ok(ours[k].authors, decl[k].authors), authored),
        count(lambda k: authors_ok(tuple(a.strip() for a in (traf(k, "author") or "").split(";") if a.strip()), decl[k].authors), authored),
        "",
    ))
    rows.append((
        "title (JSON-LD headline)",
        count(lambda k: bool(ours[k]) and words(ours[k].title) == words(decl[k].headline), headed),
        count(lambda k: words(traf(k, "title")) == words(decl[k].headline), headed),
        "",
    ))
    rows.append((
        "language (declared html lang)",
        count(lambda k: bool(ours[k]) and ours[k].language == decl[k].lang, langed),
        "n/a",
        "",
    ))
    rows.append((
        "caption + credit (figcaption pages)",
        count(lambda k: captions_ok(ours[k], decl[k].figcaptions), captioned),
        "n/a (drops captions)",
        "",
    ))

    extract_html(RawDocument(pages[ids[0]].encode(), SourceRef("file", "warm-up"), url=urls[ids[0]]))
    ours_s = timed(lambda: [run_newstrace(pages[k], urls[k], k) for k in ids])
    meta_s = timed(lambda: [bare_extraction(pages[k], url=urls[k], with_metadata=True, include_comments=False) for k in ids])
    rows.append((
        "throughput, pages per CPU-second",
        f"{len(ids) / ours_s:.1f} ({meta_s / ours_s:.2f}x full-record)",
        f"{len(ids) / meta_s:.1f} (full record)",
        "",
    ))

    header = ("metric (pages)", "newstrace", "trafilatura default", "trafilatura favor_precision")
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
