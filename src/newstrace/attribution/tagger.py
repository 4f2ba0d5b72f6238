"""A trained token tagger for attribution spans (Source / Cue / Content), stacked on the rules.

A linear-chain CRF (python-crfsuite) labels every token of a paragraph with
``B-``/``I-``/``C-`` + role, or ``O``.  ``C-`` opens a further *piece* of the
previous span of the same role, so a discontinuous span -- both halves of an
interrupted quotation, "said ... on Tuesday" -- is one span of several pieces,
as PolNeAR annotates it.  Features: word form, shape, affixes, lemma, POS,
dependency relation and head, the nearest cue-lexicon word (:mod:`cues`) and the
token's path to it, the inside-quote-marks state, sentence/paragraph position,
and the rule extractor's own Source/Cue/Content labels (stacking).

The weights (``models/attribution_crf.crfsuite``, trained on PolNeAR train by
``python -m training.attribution.build``; see ``models/MODEL_CARD.md``) are
optional: :func:`load_tagger` returns None, logging once, when they are absent
or python-crfsuite is not installed, and the extractor then uses rules only.
Set ``NEWSTRACE_ATTRIBUTION_CRF=0`` to switch the tagger off, or to a path to
load other weights.
"""

from __future__ import annotations

import bisect
import logging
import os
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from newstrace.attribution.cues import verb_lemma
from newstrace.attribution.quotemarks import QuotedSpan, find_quotes
from newstrace.lang.en.reporting_verbs import SPEECH_NOUNS, SPEECH_VERBS

log = logging.getLogger(__name__)

ROLES = ("Source", "Cue", "Content")
MODEL_PATH = Path(__file__).resolve().parent / "models" / "attribution_crf.crfsuite"
ENV_VAR = "NEWSTRACE_ATTRIBUTION_CRF"

# Cue words beyond the speech-verb lexicon that PolNeAR annotates: beliefs, intentions, reports.
_EXTRA_CUES = frozenset(
    "according want call plan intend seek decide refuse vow threaten order show find suggest "
    "accord quote cite read poll survey report reports accusation accusations criticism "
    "say says said told".split()
)
_CUE_WORDS = SPEECH_VERBS | SPEECH_NOUNS | _EXTRA_CUES
_QUOTE_CHARS = set("\"“”„«»‘’'")

Spans = dict[str, list[tuple[tuple[int, int], ...]]]


@lru_cache(maxsize=65536)
def _shape(w: str) -> str:
    out: list[str] = []
    for ch in w[:6]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@lru_cache(maxsize=65536)
def cue_word(lower: str, lemma: str, verbal: bool) -> str | None:
    """The cue-lexicon lemma of a word (speech, thought, report), or None (memoised: featurising
    calls it for every token)."""
    lem = verb_lemma(lower, lemma) if verbal else lemma
    if lem in _CUE_WORDS or lower in _CUE_WORDS:
        return lem
    return None


def _bucket(d: int) -> str:
    a = abs(d)
    b = str(a) if a <= 3 else "4-6" if a <= 6 else "7-12" if a <= 12 else "far"
    return ("-" if d < 0 else "+") + b


@dataclass
class Sequence:
    """One paragraph: its tokens (doc indices) and their feature dicts."""

    tokens: list[int]
    feats: list[dict[str, float | str]]


def rule_token_labels(doc: Doc, spans: Spans, starts: list[int] | None = None) -> list[str]:
    """Per-token role label (B-/I-/C- + role, or O) from a role -> spans mapping.

    ``starts``: the tokens' character offsets when the caller has them already."""
    labels = ["O"] * len(doc)
    if starts is None:
        starts = [t.idx for t in doc]

    for role in ROLES:
        for span in spans.get(role, []):
            for k, (a, b) in enumerate(span):
                first = True
                i = max(0, bisect.bisect_right(starts, a) - 1)
                while i < len(doc) and doc[i].idx < b:
                    t = doc[i]
                    if t.idx + len(t.text) > a and not t.is_space and labels[i] == "O":
                        labels[i] = ("B-" if k == 0 else "C-") + role if first else "I-" + role
                        first = False
                    i += 1
    return labels


def rule_spans(quotes) -> Spans:
    """The Source / Cue / Content spans of extracted quotes (what the PolNeAR scorer compares)."""
    out: Spans = {r: [] for r in ROLES}
    for q in quotes:
        if q.speaker is not None and q.speaker.span is not None and q.cue is not None:
            out["Source"].append(((q.speaker.span.start, q.speaker.span.end),))
        if q.cue is not None:
            out["Cue"].append(((q.cue.start, q.cue.end),))
        if q.content and q.cue is not None:
            out["Content"].append(tuple((s.start, s.end) for s in q.content))
    return out


def featurize(
    text: str, doc: Doc, rule_labels: list[str] | None, quotes: list[QuotedSpan] | None = None
) -> list[Sequence]:
    """Feature sequences, one per paragraph (a run of tokens between newlines).

    ``quotes``: the text's quotations when the caller has paired them already (the extractor has)."""
    n = len(doc)
    # inside-quote state per character offset, from the rules' quote pairing
    inq = [0] * (len(text) + 1)
    for q in quotes if quotes is not None else find_quotes(text):
        for seg in q.segments:
            for c in range(seg.start, min(seg.end, len(text))):
                inq[c] = 1 if q.closed else 2
    # Token attributes read once into lists: spaCy builds a new Token object on every access,
    # which made this loop the slowest part of the whole attribution step.
    toks = list(doc)
    words = [t.text for t in toks]
    lower = [t.lower_ for t in toks]
    lemma = [t.lemma_.lower() for t in toks]
    pos = [t.pos_ for t in toks]
    tags = [t.tag_ for t in toks]
    deps = [t.dep_.lower().split(":", 1)[0] for t in toks]
    head = [t.head.i for t in toks]
    idx = [t.idx for t in toks]
    space = [t.is_space for t in toks]
    sent_start = [t.is_sent_start for t in toks]
    cue = [cue_word(lower[i], lemma[i], pos[i] in ("VERB", "AUX")) for i in range(n)]
    # sentence id and position
    sid = [0] * n
    spos = [0] * n
    slen: dict[int, int] = {}
    s = -1
    k = 0
    for i in range(n):
        if i == 0 or sent_start[i]:
            s += 1
            k = 0
        sid[i] = s
        spos[i] = k
        k += 1
        slen[s] = k
    # nearest cue in the same sentence, left and right
    near_l: list[int | None] = [None] * n
    near_r: list[int | None] = [None] * n
    last = None
    for i in range(n):
        if i and sid[i] != sid[i - 1]:
            last = None
        if cue[i]:
            last = i
        near_l[i] = last
    last = None
    for i in range(n - 1, -1, -1):
        if i < n - 1 and sid[i] != sid[i + 1]:
            last = None
        if cue[i]:
            last = i
        near_r[i] = last
    headline_end = text.find("\n")
    if headline_end < 0:
        headline_end = len(text)
    n_chars = len(inq)

    base: list[dict[str, float | str]] = []
    for i in range(n):
        w = words[i]
        lw = lower[i]
        h = head[i]
        ti = idx[i]
        f: dict[str, float | str] = {
            "b": 1.0,
            "w": lw,
            "s3": lw[-3:],
            "p3": lw[:3],
            "sh": _shape(w),
            "lem": lemma[i],
            "pos": pos[i],
            "tag": tags[i],
            "dep": deps[i],
            "hlem": lemma[h] if h != i else "ROOT",
            "hpos": pos[h],
            "hdir": "L" if h < i else "R" if h > i else "0",
            "q": str(inq[ti]) if ti < n_chars else "0",
            "ss": float(sent_start[i] or i == 0),
            "spos": _bucket(spos[i])[1:],
            "send": _bucket(slen[sid[i]] - 1 - spos[i])[1:],
            "hl": float(ti < headline_end),
        }
        if w in _QUOTE_CHARS:
            f["qm"] = w
            f["qn"] = f"{inq[ti - 1] if ti else 0}{inq[ti + len(w)] if ti + len(w) < n_chars else 0}"
        if cue[i]:
            f["cue"] = cue[i]  # type: ignore[assignment]
            f["iscue"] = 1.0
        for name, j in (("cl", near_l[i]), ("cr", near_r[i])):
            if j is not None and j != i:
                f[name] = _bucket(i - j)
                f[name + "w"] = cue[j]  # type: ignore[assignment]
        # path to the nearest cue ancestor: the relation of the cue's child on the path
        a = i
        hops = 0
        while head[a] != a and hops < 8:
            if cue[head[a]]:
                f["anc"] = deps[a]
                f["ancw"] = cue[head[a]]  # type: ignore[assignment]
                f["anch"] = str(min(hops, 3))
                break
            a = head[a]
            hops += 1
        if rule_labels is not None:
            rl = rule_labels[i]
            f["r"] = rl
            f["rr"] = rl[2:] if rl != "O" else "O"
        base.append(f)

    seqs: list[Sequence] = []
    cur: list[int] = []
    for i in range(n):
        if space[i] or "\n" in words[i]:
            if cur:
                seqs.append(_seq(cur, base))
                cur = []
            continue
        cur.append(i)
    if cur:
        seqs.append(_seq(cur, base))
    return seqs


_WINDOW_KEYS = ("w", "pos", "dep", "q", "rr", "r", "iscue", "qm")
_OFFSETS = (-2, -1, 1, 2)
_WINDOW_NAMES = {off: tuple((key, f"{off}{key}") for key in _WINDOW_KEYS) for off in _OFFSETS}
_PAD_NAMES = {off: f"{off}pad" for off in _OFFSETS}


def _seq(idx: list[int], base: list[dict]) -> Sequence:
    feats = []
    m = len(idx)
    for k, i in enumerate(idx):
        f = dict(base[i])
        for off in _OFFSETS:
            j = k + off
            if 0 <= j < m:
                g = base[idx[j]]
                for key, name in _WINDOW_NAMES[off]:
                    if key in g:
                        f[name] = g[key]
            else:
                f[_PAD_NAMES[off]] = 1.0
        # conjunctions
        f["pos|rr"] = f"{f['pos']}|{f.get('rr', '')}"
        f["q|dep"] = f"{f['q']}|{f['dep']}"
        if "anc" in f:
            f["anc|q"] = f"{f['anc']}|{f['q']}"
        feats.append(f)
    return Sequence(idx, feats)


def decode(doc: Doc, tokens: list[int], labels: list[str], out: Spans) -> None:
    """Turn one sequence's labels into spans (pieces joined by ``C-``), appended to ``out``."""
    cur: dict[str, list[list[int]] | None] = {r: None for r in ROLES}  # open span: pieces [first, last]
    last_any: dict[str, list[list[int]] | None] = {r: None for r in ROLES}
    prev_role = None
    for i, lab in zip(tokens, labels):
        if lab == "O":
            prev_role = None
            continue
        tag, role = lab[0], lab[2:]
        if tag == "I" and prev_role == role and cur[role] is not None:
            cur[role][-1][1] = i  # type: ignore[index]
        elif tag == "C" and last_any[role] is not None:
            last_any[role].append([i, i])  # type: ignore[union-attr]
            cur[role] = last_any[role]
        else:
            span = [[i, i]]
            cur[role] = span
            last_any[role] = span
            out[role].append(span)  # type: ignore[arg-type]
        prev_role = role
    # convert token pieces to characters (done by caller via to_chars)


def to_chars(doc: Doc, spans: dict[str, list]) -> Spans:
    res: Spans = {r: [] for r in ROLES}
    for r in ROLES:
        for span in spans[r]:
            pieces = tuple((doc[a].idx, doc[b].idx + len(doc[b].text)) for a, b in span)
            res[r].append(pieces)
    return res


class Tagger:
    """Loaded CRF weights; :meth:`spans` tags a parsed article."""

    def __init__(self, path: Path) -> None:
        import pycrfsuite

        self.path = path
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        import json

        meta = path.with_suffix(".json")
        self.meta = json.loads(meta.read_text(encoding="utf-8")) if meta.exists() else {}
        self.uses_rules = bool(self.meta.get("uses_rules", True))

    def spans(
        self, text: str, doc: Doc, rule_labels: list[str] | None = None, quotes: list[QuotedSpan] | None = None
    ) -> Spans:
        raw: dict[str, list] = {r: [] for r in ROLES}
        for seq in featurize(text, doc, rule_labels if self.uses_rules else None, quotes):
            labels = self._tagger.tag(seq.feats)
            decode(doc, seq.tokens, labels, raw)
        return to_chars(doc, raw)


_lock = threading.Lock()
_loaded: dict[str, Tagger | None] = {}


def load_tagger(path: str | os.PathLike[str] | None = None) -> Tagger | None:
    """The CRF tagger (loaded once), or None -- with one log message -- if it is off or unavailable."""
    env = os.environ.get(ENV_VAR, "")
    if path is None:
        if env.lower() in ("0", "off", "false", "no"):
            return None
        path = env or MODEL_PATH
    key = str(path)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        tagger: Tagger | None = None
        if not Path(path).exists():
            log.info("attribution CRF weights not found at %s: rules only", path)
        else:
            try:
                tagger = Tagger(Path(path))
            except ImportError:
                log.warning("python-crfsuite is not installed: attribution uses rules only")
            except Exception as exc:  # corrupt file
                log.warning("cannot load attribution CRF %s (%s): rules only", path, exc)
        _loaded[key] = tagger
        return tagger
