"""Extraction on a peer's test data: the fundus project's parser test pages, newstrace vs trafilatura.

fundus (https://github.com/flairNLP/fundus, MIT) keeps, for each publisher it parses, saved pages
(``tests/resources/parser/test_data/<country>/<Publisher>_<date>.html.gz``) and the extraction its
hand-written parser must give (``<Publisher>.json``: body, title, authors, publishing date). Nothing of
it is copied into this repository: the benchmark reads a fetched copy, either a checkout or a bare git
directory, from ``--fundus PATH`` or ``$NEWSTRACE_FUNDUS``, and skips with a message when there is none.

Pairing: a publisher's JSON holds one entry per parser version (V1, V1_1, V2 ...), and fundus tests
each version on the one page saved while that version was valid, so versions in order pair with pages
in date order (the counts are checked to match).

Metrics, per page, then averaged over a group of pages:

* body: token F1 between the expected body (summary, sub-headings and paragraphs, as fundus defines
  it) and the extracted text; tokens are ``\\w+`` runs, case-folded, except that Chinese and Japanese
  characters count one by one (they are written without spaces);
* title: the same words; authors: the same people (each expected name contained in one of ours or
  the reverse, both ways); date: the same calendar day, read in the expected date's own time zone.

Groups: the language of the expected body (py3langid), English, and all pages. The last column
counts pages where trafilatura scores above 0.9 and newstrace below it (goal: none).
trafilatura is ``extract(html, url=url, include_comments=False)`` (its defaults) for the body and
``bare_extraction(..., with_metadata=True)`` for title, authors and date.

Usage: python benchmarks/extraction_fundus.py --fundus /path/to/fundus [--pages] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path, PurePosixPath

from trafilatura import bare_extraction, extract

from newstrace.errors import NewstraceError
from newstrace.extract.html import extract_html
from newstrace.extract.lang import detect_language
from newstrace.model import Article, RawDocument, SourceRef

TEST_DATA = "tests/resources/parser/test_data"
# Han, kana: scripts written without spaces, scored character by character.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WORD = re.compile(r"\w+")


# -- reading the fetched repository ----------------------------------------------------------
class Repo:
    """Files under ``tests/resources/parser/test_data`` of a checkout or a bare git directory."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.checkout = (path / TEST_DATA).is_dir()

    @staticmethod
    def find(path: str | None) -> Repo | None:
        if not path:
            return None
        p = Path(path)
        if (p / TEST_DATA).is_dir():
            return Repo(p)
        git = subprocess.run(["git", "--git-dir", str(p), "cat-file", "-e", f"HEAD:{TEST_DATA}"], capture_output=True)
        return Repo(p) if p.exists() and git.returncode == 0 else None

    def names(self) -> list[str]:
        if self.checkout:
            root = self.path / TEST_DATA
            return sorted(str(f.relative_to(root)) for f in root.rglob("*") if f.is_file())
        out = subprocess.run(["git", "--git-dir", str(self.path), "ls-tree", "-r", "--name-only", "HEAD", TEST_DATA],
                             capture_output=True, check=True, text=True).stdout
        return sorted(line[len(TEST_DATA) + 1 :] for line in out.splitlines())

    def read(self, name: str) -> bytes:
        if self.checkout:
            return (self.path / TEST_DATA / name).read_bytes()
        return subprocess.run(["git", "--git-dir", str(self.path), "show", f"HEAD:{TEST_DATA}/{name}"],
                              capture_output=True, check=True).stdout


@dataclass(frozen=True)
class Page:
    name: str  # <country>/<Publisher>_<date>.html.gz
    html: str
    url: str | None
    body: str
    title: str | None
    authors: tuple[str, ...]
    published: str | None


def _version_key(version: str) -> list[int]:
    return [int(x) for x in re.findall(r"\d+", version)] or [0]


def _body_text(body: dict) -> str:
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n".join(parts)


def pages(repo: Repo) -> Iterator[Page]:
    names = repo.names()
    by_folder: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_folder[str(PurePosixPath(name).parent)].append(name)
    for folder, files in sorted(by_folder.items()):
        meta_name = f"{folder}/meta.info"
        meta = json.loads(repo.read(meta_name)) if meta_name in files else {}
        for js in (f for f in files if f.endswith(".json")):
            publisher = PurePosixPath(js).stem
            htmls = sorted(f for f in files if PurePosixPath(f).name.startswith(publisher + "_") and f.endswith(".html.gz"))
            expected = json.loads(repo.read(js))
            versions = sorted(expected, key=_version_key)
            if len(versions) != len(htmls):
                print(f"skipping {js}: {len(versions)} parser versions, {len(htmls)} pages", file=sys.stderr)
                continue
            for version, html_name in zip(versions, htmls):
                want = expected[version]
                html = gzip.decompress(repo.read(html_name)).decode("utf-8", errors="replace")
                info = meta.get(PurePosixPath(html_name).name, {})
                yield Page(html_name, html, info.get("url"), _body_text(want.get("body") or {}), want.get("title"),
                           tuple(want.get("authors") or ()), want.get("publishing_date"))


# -- metrics ---------------------------------------------------------------------------------
def tokens(text: str | None) -> Counter[str]:
    out: Counter[str] = Counter()
    for word in _WORD.findall((text or "").casefold()):
        if _CJK.search(word):
            out.update(word)
        else:
            out[word] += 1
    return out


def token_prf(gold: str, predicted: str | None) -> tuple[float, float, float]:
    g, p = tokens(gold), tokens(predicted)
    tp = sum((g & p).values())
    if not tp:
        return 0.0, 0.0, 0.0
    precision, recall = tp / sum(p.values()), tp / sum(g.values())
    return precision, recall, 2 * precision * recall / (precision + recall)


def same_words(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _WORD.findall(a.casefold()) == _WORD.findall(b.casefold())  # type: ignore[union-attr]


def same_people(ours: tuple[str, ...], gold: tuple[str, ...]) -> bool:
    mine = [" ".join(_WORD.findall(o.casefold())) for o in ours]
    want = [" ".join(_WORD.findall(g.casefold())) for g in gold]
    near = lambda a, b: bool(a and b) and (a in b or b in a)  # noqa: E731
    return bool(mine) and all(any(near(w, m) for m in mine) for w in want) and all(any(near(m, w) for w in want) for m in mine)


def same_day(ours: str | None, gold: str | None) -> bool:
    if not ours or not gold:
        return False
    try:
        g = datetime.fromisoformat(gold)
    except ValueError:
        return False
    try:
        o = datetime.fromisoformat(ours.replace("Z", "+00:00"))
    except ValueError:
        try:
            return date.fromisoformat(ours[:10]) == g.date()
        except ValueError:
            return False
    if o.tzinfo is not None and g.tzinfo is not None and ("T" in ours or " " in ours):
        o = o.astimezone(g.tzinfo)
    return o.date() == g.date()


# -- runs ------------------------------------------------------------------------------------
def run_newstrace(page: Page) -> Article | None:
    try:
        return extract_html(RawDocument(page.html.encode("utf-8"), SourceRef("file", page.name), url=page.url, encoding="utf-8"))
    except NewstraceError:
        return None


@dataclass
class Result:
    lang: str
    ours: tuple[float, float, float]
    traf: tuple[float, float, float]
    title: tuple[bool, bool]
    authors: tuple[bool, bool]
    date: tuple[bool, bool]


def evaluate(page: Page) -> Result:
    article = run_newstrace(page)
    traf_body = extract(page.html, url=page.url, include_comments=False)
    meta = bare_extraction(page.html, url=page.url, with_metadata=True, include_comments=False)
    t_title = getattr(meta, "title", None) if meta is not None else None
    t_author = getattr(meta, "author", None) if meta is not None else None
    t_date = getattr(meta, "date", None) if meta is not None else None
    t_authors = tuple(a.strip() for a in (t_author or "").split(";") if a.strip())
    lang = detect_language(page.body[:4000])[0] or "?"
    return Result(
        lang,
        token_prf(page.body, article.text if article else ""),
        token_prf(page.body, traf_body),
        (bool(article) and same_words(article.title, page.title), same_words(t_title, page.title)),  # type: ignore[union-attr]
        (bool(article) and same_people(article.authors, page.authors), same_people(t_authors, page.authors)),  # type: ignore[union-attr]
        (bool(article and article.published) and same_day(article.published.value, page.published),  # type: ignore[union-attr]
         same_day(t_date, page.published)),
    )


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def table(results: dict[str, Result]) -> list[str]:
    groups: dict[str, list[str]] = defaultdict(list)
    for name, r in results.items():
        groups[r.lang].append(name)
    order = ["all", "en"] + sorted((g for g in groups if g != "en"), key=lambda g: (-len(groups[g]), g))
    groups["all"] = sorted(results)
    lines = ["| pages | n | body F1 newstrace (P / R) | body F1 trafilatura (P / R) | newstrace < 0.9 < trafilatura "
             "| title nt / traf | authors nt / traf | date nt / traf |", "|" + "---|" * 8]
    for group in order:
        names = groups[group]
        rs = [results[n] for n in names]
        o = [_mean([r.ours[i] for r in rs]) for i in range(3)]
        t = [_mean([r.traf[i] for r in rs]) for i in range(3)]
        worse = sum(1 for r in rs if r.traf[2] > 0.9 > r.ours[2])

        def pct(field: str, i: int) -> str:
            hits = sum(getattr(r, field)[i] for r in rs)
            return f"{100 * hits / len(rs):.0f}%"

        label = {"all": "all languages", "en": "English (en)"}.get(group, group)
        lines.append(
            f"| {label} | {len(rs)} | {o[2]:.3f} ({o[0]:.3f} / {o[1]:.3f}) | {t[2]:.3f} ({t[0]:.3f} / {t[1]:.3f}) | {worse} "
            f"| {pct('title', 0)} / {pct('title', 1)} | {pct('authors', 0)} / {pct('authors', 1)} | {pct('date', 0)} / {pct('date', 1)} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fundus", help="a fundus checkout or bare git directory (default: $NEWSTRACE_FUNDUS)")
    parser.add_argument("--limit", type=int, default=0, help="first N pages only")
    parser.add_argument("--pages", action="store_true", help="also print one line per page")
    args = parser.parse_args(argv)
    where = args.fundus or os.environ.get("NEWSTRACE_FUNDUS")
    repo = Repo.find(where)
    if repo is None:
        print(f"fundus repository not found at {where or '(not given)'}: pass --fundus PATH or set NEWSTRACE_FUNDUS "
              "(a checkout or a bare git directory of https://github.com/flairNLP/fundus); skipped", file=sys.stderr)
        return 2
    results: dict[str, Result] = {}
    for n, page in enumerate(pages(repo)):
        if args.limit and n >= args.limit:
            break
        results[page.name] = r = evaluate(page)
        if args.pages:
            flag = "  <-- below 0.9 where trafilatura is above" if r.traf[2] > 0.9 > r.ours[2] else ""
            print(f"{page.name:60} {r.lang:3} newstrace {r.ours[2]:.3f} trafilatura {r.traf[2]:.3f}{flag}", file=sys.stderr)
    print("\n".join(table(results)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
