"""Shared pieces of the time-expression benchmarks: corpus readers and TempEval-3 scoring.

Scoring follows the TempEval-3 task A evaluation (UzZaman et al. 2013): a system timex
matches a gold one *relaxed* when their spans overlap and *strictly* when the spans are
identical. Precision counts system timexes that match some gold timex, recall gold timexes
matched by some system timex. Attribute scores (type, value) are computed over the relaxed
matched pairs: attribute accuracy = correct / matched pairs, and attribute F1 = relaxed F1 x
accuracy (the official scorer's attribute P and R are correct/system and correct/gold).
"""

from __future__ import annotations

import html
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from newstrace.timex import tag_timexes


@dataclass
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    dct: date | None
    gold: list[GoldTimex]
    #: Spans to ignore in system output (the DCT line in MEANTIME's text).
    ignore: list[tuple[int, int]] = field(default_factory=list)
    #: Only text before this offset is annotated (MEANTIME annotates time expressions in the
    #: title, the date line and the first four sentences only); None: all of it.
    scored_until: int | None = None


def shared_dir() -> Path:
    import os

    env = os.environ.get("NEWSTRACE_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared"


# -- TimeML (TempEval-3) -------------------------------------------------------------------------

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _dct(raw: str) -> date | None:
    m = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    if not m:
        return None
    value = dict(_ATTR.findall(m.group(1))).get("value", "")
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _strip(body: str) -> tuple[str, list[GoldTimex]]:
    """Plain text of a TimeML <TEXT> body and its TIMEX3 spans in that text."""
    out: list[str] = []
    pos = 0
    length = 0
    open_tx: list[tuple[int, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, tag, attrs = m.group(1), m.group(2), m.group(3)
        if tag != "TIMEX3":
            continue
        if not closing:
            open_tx.append((length, dict(_ATTR.findall(attrs))))
        else:
            start, a = open_tx.pop()
            gold.append(GoldTimex(start, length, a.get("type", ""), a.get("value", "")))
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    return "".join(out), gold


def _body(raw: str) -> str:
    m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    return m.group(1) if m else ""


def read_timeml(path: Path, input_path: Path | None = None) -> Doc:
    raw = path.read_text(encoding="utf-8")
    text, gold = _strip(_body(raw))
    if input_path is not None:
        # Task A input: the same text with no tags; use it, and check it is the same text.
        in_text, _ = _strip(_body(input_path.read_text(encoding="utf-8")))
        if in_text != text:
            raise SystemExit(f"{input_path}: text differs from gold {path}")
        text = in_text
    return Doc(path.name, text, _dct(raw), gold)


def tempeval3_docs(corpus: str) -> list[Doc]:
    root = shared_dir() / "data" / "tempeval3"
    if corpus == "platinum":
        inputs = {p.name.split(".")[0].lower().replace("sarkozy", "sarcozy"): p
                  for p in (root / "te3-platinum-input").glob("*.TE3input")}
        return [read_timeml(p, inputs.get(p.name.split(".")[0].lower()))
                for p in sorted((root / "te3-platinum").glob("*.tml"))]
    if corpus == "tbaq":
        return [read_timeml(p) for p in sorted((root / "TBAQ-cleaned").glob("*/*.tml"))]
    raise SystemExit(f"unknown corpus {corpus!r}")


# -- MEANTIME (NAF/CAT XML) ----------------------------------------------------------------------

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "’s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$", "“", "``"}


# Sentence 0 is the title, 1 the date line; TIMEX3 annotation stops after sentence 5.
_MEANTIME_LAST_SENTENCE = 5


def read_meantime(path: Path) -> Doc:
    tree = ET.parse(path)
    root = tree.getroot()
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    prev_sent = None
    prev_tok = None
    scored_until = 0
    for tok in root.iter("token"):
        word = tok.text or ""
        sent = tok.get("sentence")
        if prev_tok is None:
            sep = ""
        elif sent != prev_sent:
            sep = "\n"
        elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER:
            sep = ""
        else:
            sep = " "
        parts.append(sep)
        length += len(sep)
        offsets[tok.get("t_id", "")] = (length, length + len(word))
        if int(sent or 0) <= _MEANTIME_LAST_SENTENCE:
            scored_until = length + len(word)
        parts.append(word)
        length += len(word)
        prev_sent, prev_tok = sent, word
    text = "".join(parts)
    gold: list[GoldTimex] = []
    ignore: list[tuple[int, int]] = []
    dct = None
    markables = root.find("Markables")
    for tx in (markables.findall("TIMEX3") if markables is not None else []):
        ids = [a.get("t_id", "") for a in tx.findall("token_anchor")]
        if not ids:
            continue
        start = min(offsets[i][0] for i in ids)
        end = max(offsets[i][1] for i in ids)
        if tx.get("functionInDocument") == "CREATION_TIME":
            ignore.append((start, end))
            value = tx.get("value") or ""
            if re.fullmatch(r"\d\d-\d\d-\d{4}", value):  # one file writes DD-MM-YYYY
                value = f"{value[6:]}-{value[3:5]}-{value[:2]}"
            try:
                dct = date.fromisoformat(value[:10])
            except ValueError:
                pass
            continue
        gold.append(GoldTimex(start, end, tx.get("type", ""), tx.get("value", "")))
    return Doc(path.stem, text, dct, gold, ignore, scored_until)


def meantime_docs() -> list[Doc]:
    root = shared_dir() / "data" / "meantime-en" / "intra_cross-doc_annotation"
    return [read_meantime(p) for p in sorted(root.glob("*/*.xml"))]


# -- scoring -------------------------------------------------------------------------------------

@dataclass
class Scores:
    n_gold: int = 0
    n_sys: int = 0
    sys_rel: int = 0  # system timexes overlapping a gold one
    gold_rel: int = 0  # gold timexes overlapping a system one
    sys_strict: int = 0
    gold_strict: int = 0
    pairs: int = 0
    type_ok: int = 0
    value_ok: int = 0
    seconds: float = 0.0
    docs: int = 0
    errors: list[str] = field(default_factory=list)

    @staticmethod
    def _f(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def prf(self, strict: bool = False) -> tuple[float, float, float]:
        s, g = (self.sys_strict, self.gold_strict) if strict else (self.sys_rel, self.gold_rel)
        p = s / self.n_sys if self.n_sys else 0.0
        r = g / self.n_gold if self.n_gold else 0.0
        return p, r, self._f(p, r)

    def accuracy(self, what: str) -> float:
        ok = self.type_ok if what == "type" else self.value_ok
        return ok / self.pairs if self.pairs else 0.0

    def attr_f1(self, what: str) -> float:
        return self.prf()[2] * self.accuracy(what)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def score(docs: Iterable[Doc], keep_errors: bool = False) -> Scores:
    sc = Scores()
    for doc in docs:
        t0 = time.perf_counter()
        found = tag_timexes(doc.text, doc.dct)
        sc.seconds += time.perf_counter() - t0
        sc.docs += 1
        system = [
            (t.span.start, t.span.end, t.type, t.value or "")
            for t in found
            if not any(_overlap((t.span.start, t.span.end), ig) > 0 for ig in doc.ignore)
            and (doc.scored_until is None or t.span.start < doc.scored_until)
        ]
        # Nested expressions (an anchor inside an offset phrase) are one TimeML timex: keep the outer.
        system = [s for s in system if not any(o is not s and o[0] <= s[0] and s[1] <= o[1] and (o[0], o[1]) != (s[0], s[1]) for o in system)]
        sc.n_gold += len(doc.gold)
        sc.n_sys += len(system)
        gspans = [(g.start, g.end) for g in doc.gold]
        for s in system:
            if any(_overlap((s[0], s[1]), g) > 0 for g in gspans):
                sc.sys_rel += 1
            elif keep_errors:
                sc.errors.append(f"{doc.name}\tFP\t{s[2]}\t{s[3]}\t{doc.text[s[0]:s[1]]!r}\t{_ctx(doc.text, s[0], s[1])}")
            if (s[0], s[1]) in gspans:
                sc.sys_strict += 1
        for g in doc.gold:
            best = max(system, key=lambda s: _overlap((s[0], s[1]), (g.start, g.end)), default=None)
            if best is None or _overlap((best[0], best[1]), (g.start, g.end)) <= 0:
                if keep_errors:
                    sc.errors.append(f"{doc.name}\tFN\t{g.type}\t{g.value}\t{doc.text[g.start:g.end]!r}\t{_ctx(doc.text, g.start, g.end)}")
                continue
            sc.gold_rel += 1
            if (best[0], best[1]) == (g.start, g.end):
                sc.gold_strict += 1
            elif keep_errors:
                sc.errors.append(f"{doc.name}\tSPAN\t{g.type}\t{g.value}\t{doc.text[g.start:g.end]!r} vs {doc.text[best[0]:best[1]]!r}")
            sc.pairs += 1
            sc.type_ok += best[2] == g.type
            sc.value_ok += best[3] == g.value
            if keep_errors and (best[3] != g.value or best[2] != g.type):
                sc.errors.append(f"{doc.name}\tVAL\t{g.type}/{best[2]}\t{g.value} vs {best[3]}\t{doc.text[g.start:g.end]!r}\t{_ctx(doc.text, g.start, g.end)}\tdct={doc.dct}")
    return sc


def _ctx(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 40) : start] + "[" + text[start:end] + "]" + text[end : end + 40]).replace("\n", " ")


def table(rows: list[tuple[str, Scores]]) -> str:
    head = ("| corpus | docs | gold | system | relaxed P | relaxed R | relaxed F1 | strict P | strict R | strict F1 "
            "| type acc | value acc | type F1 | value F1 | docs/s |")
    sep = "|" + "---|" * 15
    lines = [head, sep]
    for name, s in rows:
        rp, rr, rf = s.prf()
        sp, sr, sf = s.prf(strict=True)
        speed = s.docs / s.seconds if s.seconds else 0.0
        lines.append(
            f"| {name} | {s.docs} | {s.n_gold} | {s.n_sys} | {100*rp:.2f} | {100*rr:.2f} | {100*rf:.2f} "
            f"| {100*sp:.2f} | {100*sr:.2f} | {100*sf:.2f} | {100*s.accuracy('type'):.2f} "
            f"| {100*s.accuracy('value'):.2f} | {100*s.attr_f1('type'):.2f} | {100*s.attr_f1('value'):.2f} | {speed:.0f} |"
        )
    return "\n".join(lines)
