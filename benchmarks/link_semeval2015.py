"""SemEval-2015 Task 4 (TimeLine) Track A: entity timelines from raw text; prints one table.

    python benchmarks/link_semeval2015.py [--set test|trial] [--out DIR] [--undated zero|drop]

Input is the Track A TimeML files (DCT + tokenised sentences, no events). The text given to the
pipeline is the tokens joined by spaces, one sentence per line, so every character maps back to
a corpus token: a system event is written ``docid-sentence-token`` with the corpus token's form,
as the gold timelines are. Each article goes through the full pipeline (nlp, time, quotes,
events; DCT from the corpus); entity_timeline.py (beside this script) then builds one timeline per target
entity. Dated events get one position per distinct anchor (same anchor = same position, i.e.
SIMULTANEOUS); undated ones go to position 0 with anchor XXXX-XX-XX as the task prescribes
(``--undated drop`` leaves them out). Scored with benchmarks/semeval2015_scorer.py (see its
docstring for how it follows the official tool); micro-averaged over timelines.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_timeline import day_anchor, entity_timeline
from semeval2015_scorer import Counts, Line, Timeline, entity_key, read_timeline, score
from timex_scoring import shared_dir

from newstrace.model import Article, PublishedDate, SourceRef
from newstrace.pipeline import build_pipeline
from newstrace.types import Context

ROOT = "semeval2015-task4-timeline"
_S = re.compile(r'<s id="(\d+)">(.*?)</s>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_NO_SPACE_BEFORE = frozenset({",", ".", ":", ";", "?", "!", ")", "%", "''"})


@dataclass
class CorpusDoc:
    docid: str
    dct: str
    text: str
    tokens: list[tuple[int, int, str, str]]  # start, end, sentence id, token form


def read_doc(path: Path) -> CorpusDoc:
    raw = path.read_text(encoding="utf-8")
    docid = re.search(r"<DOCID>(.*?)</DOCID>", raw)
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', raw)
    body = raw[raw.find("<TEXT>") :]
    parts: list[str] = []
    tokens = []
    pos = 0  # offset of the current sentence in the text
    for sid, content in _S.findall(body):
        words = _TAG.sub("", content).split()
        line = ""
        for k, w in enumerate(words):
            # Undo the tokenisation where it split a word from its punctuation ("24 , 1955",
            # "Apple 's"): the time tagger and the parser read ordinary text better.
            glued = k == 0 or w in _NO_SPACE_BEFORE or w.startswith("'") and w.lower() in ("'s", "'re", "'ve", "'ll", "'d", "'m") or w == "n't" or words[k - 1] in ("(", "$", "``")
            if not glued:
                line += " "
            tokens.append((pos + len(line), pos + len(line) + len(w), sid, w))
            line += w
        parts.append(line)
        pos += len(line) + 1
    name = docid.group(1) if docid else re.split(r"[-_]", path.stem)[0]
    return CorpusDoc(name, dct.group(1)[:10] if dct else "", "\n".join(parts), tokens)


def mention_id(doc: CorpusDoc, start: int, end: int) -> str | None:
    """``docid-sentence-token``; a multi-token event joins its tokens with "_" as the gold does."""
    hits = [(sid, form) for s, e, sid, form in doc.tokens if s < end and start < e]
    if not hits:
        return None
    return f"{doc.docid}-{hits[0][0]}-{'_'.join(form for _, form in hits)}"


def to_task_timeline(entity: str, events, docs: dict[str, CorpusDoc], undated: str) -> Timeline:
    lines: list[Line] = []
    anchors: list[str] = []
    seen: set[str] = set()
    for ev in events:
        mid = mention_id(docs[ev.article_id], ev.span.start, ev.span.end)
        if mid is None or mid in seen:
            continue
        seen.add(mid)
        anchor = day_anchor(ev.date)
        if anchor is None:
            if undated == "zero":
                lines.append(Line(0, "XXXX-XX-XX", (mid,)))
            continue
        if anchor not in anchors:
            anchors.append(anchor)
        lines.append(Line(anchors.index(anchor) + 1, anchor, (mid,)))
    lines.sort(key=lambda ln: ln.ordinal)
    return Timeline(entity, tuple(lines), entity_key(entity))


def sets(which: str) -> list[tuple[str, Path, Path, list[str] | None]]:
    base = shared_dir() / "data" / ROOT
    if which == "trial":
        gold = base / "TimeLines_trial_data_task4_v1.2"
        return [("trial", base / "Corpus-trial-data_task4_TimeML", gold, None)]
    out = []
    for n in (1, 2, 3):
        c = base / "SemEval_Task4_data" / f"corpus_{n}"
        targets = [t.strip() for t in (c / f"list_target_entities_corpus_{n}.txt").read_text(encoding="utf-8").splitlines() if t.strip()]
        out.append((f"corpus_{n}", c / "corpus_trackA_TimeML", c / "TimeLines_Gold_Standard", targets))
    return out


def run_set(name: str, textdir: Path, golddir: Path, targets: list[str] | None, pipeline, undated: str, out: Path | None):
    t0 = time.perf_counter()
    golds = [read_timeline(p) for p in sorted(golddir.glob("*.txt"))]
    if targets is None:  # the trial data ships no target list: the gold headers are it
        targets = [g.entity for g in golds]
    docs: dict[str, CorpusDoc] = {}
    articles: list[Article] = []
    parses = {}
    for path in sorted(textdir.glob("*.tml")):
        d = read_doc(path)
        docs[d.docid] = d
        article = Article(id=d.docid, text=d.text, source=SourceRef("file", str(path)), published=PublishedDate(d.dct, "corpus") if d.dct else None)
        # The pipeline's own stages, run here so that the parse (ctx.data["doc"]) can be reused.
        ctx = Context(dct=None)
        from newstrace.pipeline import dct_of

        ctx.dct = dct_of(article)
        for stage in pipeline.stages:
            article = stage(article, ctx)
        articles.append(article)
        parses[article.id] = ctx.data["doc"]
    # Articles in publication order, so that ties on a date follow the news as it came out.
    articles.sort(key=lambda a: (a.published.value if a.published else "", a.id))
    system = []
    for entity in targets:
        events = entity_timeline(articles, entity, docs=parses)
        tl = to_task_timeline(entity, events, docs, undated)
        system.append(tl)
        if out:
            (out / name).mkdir(parents=True, exist_ok=True)
            from semeval2015_scorer import format_timeline

            (out / name / f"{tl.key}.txt").write_text(format_timeline(tl), encoding="utf-8")
    seconds = time.perf_counter() - t0
    ordered = score(golds, system, "ordered")
    unordered = score(golds, system, "unordered")
    return len(targets), sum(1 for t in system if t.lines), ordered, unordered, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=("test", "trial"), default="test")
    ap.add_argument("--undated", choices=("zero", "drop"), default="zero")
    ap.add_argument("--out", type=Path, help="write the system timelines here")
    args = ap.parse_args(argv)
    if not (shared_dir() / "data" / ROOT).is_dir():
        print(f"SemEval-2015 Task 4 data not found under {shared_dir()}/data (set NEWSTRACE_SHARED)", file=sys.stderr)
        return 2
    pipeline = build_pipeline()
    rows = []
    tot_o, tot_u = Counts(), Counts()
    n_ent = n_tl = 0
    secs = 0.0
    for name, textdir, golddir, targets in sets(args.set):
        ne, nt, o, u, s = run_set(name, textdir, golddir, targets, pipeline, args.undated, args.out)
        rows.append((name, ne, nt, o, u, s))
        tot_o.add(o)
        tot_u.add(u)
        n_ent, n_tl, secs = n_ent + ne, n_tl + nt, secs + s
    if len(rows) > 1:
        rows.append(("micro-average", n_ent, n_tl, tot_o, tot_u, secs))
    print(f"SemEval-2015 Task 4 Track A ({args.set}; undated events: {args.undated}); F1 in percent as the task reports it")
    print()
    print("| set | target entities | system timelines (non-empty) | gold timelines | P | R | F1 | F1, position 0 unordered | seconds |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for name, ne, nt, o, u, s in rows:
        print(f"| {name} | {ne} | {nt} | {o.timelines} | {100 * o.p:.2f} | {100 * o.r:.2f} | {100 * o.f1:.2f} | {100 * u.f1:.2f} | {s:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
