"""Entity type precision on the 16 real news pages of ../shared/data/newsdev (issue 13).

    python benchmarks/newsdev_entities.py [--model NAME_OR_PATH] [--ner fast|accurate] [-v]

The gold is ours: benchmarks/data/newsdev_entities/<page>.tsv lists, for each page, every name of a
person, organisation, place or event in trafilatura's favor_recall text of the page, with its type by GUM's
conventions, and a few phrases that are not such names ("-"); see the README there. Each page is analysed
as ``newstrace analyze`` does (extraction, then the whole pipeline, publication date from the newsdev gold),
and every entity mention in the record is scored by its text:

- exact: the mention's text (leading "the" and a possessive 's left out) is a listed phrase;
- span error: it is not, but it contains listed names as whole words (the one ending last, not after
  "of": "Indiana Gov. Eric Holcomb", "Peete and Hlajoane"), or lies inside one ("Philippine Marine");
- unlisted: neither, and its text is in the reference text: a phrase the gold does not count as a name;
- outside: its text is not in the reference text (newstrace's extraction kept more): not scored.

A mention's type is right when the phrase it was scored against allows its label (the gold may allow two,
as "ORG|PLACE" for a capital standing for a government); "-" and unlisted allow none.

Type precision = mentions with the right type / scored mentions (exact + span error + unlisted).
Exact precision = exact mentions with the right type / scored mentions.
Recall = listed names (not "-") that occur in the reference text and that some mention matches exactly
with an allowed type / such names.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD_DIR = HERE / "data" / "newsdev_entities"
_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def newsdev_dir() -> Path:
    shared = Path(os.environ.get("NEWSTRACE_SHARED", HERE.parents[1] / "shared"))
    return shared / "data" / "newsdev"


def norm(text: str) -> str:
    s = _SPACE.sub(" ", text).strip().strip(" ,.;:\"“”()[]")
    s = _LEADING_THE.sub("", s)
    return _POSSESSIVE.sub("", s).strip()


def read_gold(path: Path) -> dict[str, frozenset[str]]:
    """phrase -> allowed labels (empty for "-")."""
    gold: dict[str, frozenset[str]] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        types, phrase = raw.split("\t", 1)
        gold[norm(phrase)] = frozenset(t for t in types.split("|") if t != "-")
    return gold


def _words_in(inner: str, outer: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(inner) + r"(?!\w)", outer) is not None


def _head_name(names: list[str], mention: str) -> str:
    """The listed name a span is about: the one ending last (English names and titles end in the head:
    "United States President Donald Trump"), unless it follows "of"/"for" ("David Watt of Rosenberg
    Research"); the longest among equals."""
    def key(p: str) -> tuple[bool, int, int]:
        at = mention.rfind(p)
        after_of = re.search(r"\b(?:of|for|in)\s+$", mention[:at]) is not None
        return (not after_of, at + len(p), len(p))

    return max(names, key=key)


@dataclass
class PageScore:
    scored: int = 0
    right: int = 0
    exact_right: int = 0
    span_errors: int = 0
    unlisted: int = 0
    outside: int = 0
    names: int = 0
    found: int = 0
    errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def score_page(gold: dict[str, frozenset[str]], reference: str, mentions: list[tuple[str, str]]) -> PageScore:
    ps = PageScore()
    names = [p for p, t in gold.items() if t]
    found: set[str] = set()
    for text, label in mentions:
        m = norm(text)
        if not m:
            continue
        if m in gold:
            allowed, kind = gold[m], "exact"
        else:
            inside = [p for p in names if _words_in(p, m)]
            around = [p for p in names if _words_in(m, p)]
            if inside:
                allowed, kind = gold[_head_name(inside, m)], "span"
            elif around:
                allowed, kind = gold[min(around, key=len)], "span"
            elif _words_in(m, reference):
                allowed, kind = frozenset(), "unlisted"
            else:
                ps.outside += 1
                continue
        ps.scored += 1
        ok = label in allowed
        ps.right += ok
        if kind == "exact" and ok:
            ps.exact_right += 1
            found.add(m)
        ps.span_errors += kind == "span"
        ps.unlisted += kind == "unlisted"
        if not ok or kind != "exact":
            ps.errors.append(f"{kind:8} {label:6} {text!r} (gold: {'|'.join(sorted(allowed)) or '-'})")
    present = [p for p in names if _words_in(p, reference)]
    ps.names = len(present)
    ps.found = sum(p in found for p in present)
    ps.missed = [p for p in present if p not in found]
    return ps


def reference_text(html_path: Path) -> str:
    import trafilatura

    html = html_path.read_text(encoding="utf-8", errors="replace")
    return _SPACE.sub(" ", trafilatura.extract(html, favor_recall=True) or "").strip()


def analyse(pipeline, html_path: Path) -> list[tuple[str, str]]:  # noqa: ANN001 - newstrace.pipeline.Pipeline
    from newstrace.ingest.files import read_file

    article = pipeline.analyse(read_file(html_path))
    return [(article.text[m.span.start : m.span.end], m.label) for m in article.mentions]


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}" if b else "–"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path (default: the shipped model)")
    ap.add_argument("--ner", choices=("fast", "accurate"), default="fast", help="entity recogniser (see newstrace analyze --ner)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong or inexact mention and every missed name")
    args = ap.parse_args(argv)
    nd = newsdev_dir()
    if not (nd / "pages").is_dir():
        print(f"skipped: {nd / 'pages'} not found (set NEWSTRACE_SHARED)")
        return 0
    from newstrace.pipeline import AnalysisOptions, build_pipeline

    rows = []
    total = PageScore()
    for gold_path in sorted(GOLD_DIR.glob("*.tsv")):
        name = gold_path.stem
        dct = json.loads((nd / f"{name}.gold.json").read_text(encoding="utf-8"))["dct"]
        pipeline = build_pipeline(AnalysisOptions(published=dct, model=args.model, ner=args.ner))
        html = nd / "pages" / f"{name}.html"
        ps = score_page(read_gold(gold_path), reference_text(html), analyse(pipeline, html))
        for f in ("scored", "right", "exact_right", "span_errors", "unlisted", "outside", "names", "found"):
            setattr(total, f, getattr(total, f) + getattr(ps, f))
        rows.append((name, ps))
        if args.verbose:
            print(f"== {name}", file=sys.stderr)
            for e in ps.errors:
                print("  ", e, file=sys.stderr)
            if ps.missed:
                print("   missed:", ", ".join(ps.missed), file=sys.stderr)
    header = ["page", "mentions", "type right", "type P %", "exact P %", "span err.", "unlisted", "outside", "names", "recall %"]
    print("| " + " | ".join(header) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    for name, ps in rows + [("**all 16 pages**", total)]:
        print(f"| {name} | {ps.scored} | {ps.right} | {pct(ps.right, ps.scored)} | {pct(ps.exact_right, ps.scored)} | "
              f"{ps.span_errors} | {ps.unlisted} | {ps.outside} | {ps.names} | {pct(ps.found, ps.names)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
