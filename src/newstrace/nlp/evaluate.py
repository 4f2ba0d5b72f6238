"""Accuracy of a pipeline against UD gold Docs (newstrace.nlp.ud).

Paragraph breaks in the gold documents are given to the pipeline as blank
lines ("\n\n" whitespace tokens), as newstrace's clean text has them; the
extra tokens are left out of the scores.

Two modes:

* ``score_gold_tokens`` runs the pipeline on Docs built from the gold words
  (the usual treebank setting): UPOS accuracy, UAS and LAS over all tokens,
  punctuation included, LAS on the universal relation (CoNLL 2018 style; the
  subtype, e.g. ``:pass``, is ignored) and on the full label; sentence boundary
  P/R/F1; entity P/R/F1 per label, exact span match.
* ``score_raw_text`` runs the pipeline on the raw text (its own tokenizer) and
  uses spaCy's Scorer, which aligns tokens (its UAS/LAS leave punctuation out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f": f, "tp": tp, "fp": fp, "fn": fn}


def _udep(label: str) -> str:
    return label.lower().split(":")[0]


def _with_paragraphs(gold: Doc) -> tuple[list[str], list[bool], list[int]]:
    """Words and spaces with "\n\n" at paragraph starts, and gold -> input index."""
    pars = set(gold.user_data.get("newpar_starts", ()))
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    for t in gold:
        if t.i in pars:
            spaces[-1] = False
            words.append("\n\n")
            spaces.append(False)
        index.append(len(words))
        words.append(t.text)
        spaces.append(bool(t.whitespace_))
    return words, spaces, index


def input_text(gold: Doc) -> str:
    words, spaces, _ = _with_paragraphs(gold)
    return "".join(w + (" " if s else "") for w, s in zip(words, spaces))


def score_gold_tokens(nlp: Language, golds: Iterable[Doc], batch_size: int = 64) -> dict:
    golds = list(golds)
    inputs = []
    indices = []
    for g in golds:
        words, spaces, index = _with_paragraphs(g)
        inputs.append(Doc(nlp.vocab, words=words, spaces=spaces))
        indices.append(index)
    n = pos = uas = las = las_full = 0
    sent: Counter[str] = Counter()
    ent: Counter[tuple[str, str]] = Counter()
    labels: set[str] = set()
    has_ents = any(g.has_annotation("ENT_IOB") for g in golds)
    for gold, pred, index in zip(golds, nlp.pipe(inputs, batch_size=batch_size), indices):
        back = {j: i for i, j in enumerate(index)}
        for t in gold:
            p = pred[index[t.i]]
            n += 1
            pos += t.pos_ == p.pos_
            if index[t.head.i] == p.head.i:
                uas += 1
                las += _udep(t.dep_) == _udep(p.dep_)
                las_full += t.dep_.lower() == p.dep_.lower()
        gs = {s.start for s in gold.sents}
        ps = {back[j] for j in range(len(pred)) if pred[j].is_sent_start and j in back}
        sent["tp"] += len(gs & ps)
        sent["fp"] += len(ps - gs)
        sent["fn"] += len(gs - ps)
        if has_ents:
            ge = {(e.start, e.end, e.label_) for e in gold.ents}
            pe = {
                (back[e.start], back[e.end - 1] + 1, e.label_)
                for e in pred.ents
                if e.start in back and e.end - 1 in back
            }
            for lab in {x[2] for x in ge | pe}:
                labels.add(lab)
                g_l = {x for x in ge if x[2] == lab}
                p_l = {x for x in pe if x[2] == lab}
                ent[(lab, "tp")] += len(g_l & p_l)
                ent[(lab, "fp")] += len(p_l - g_l)
                ent[(lab, "fn")] += len(g_l - p_l)
    out = {
        "words": n,
        "upos": pos / n if n else 0.0,
        "uas": uas / n if n else 0.0,
        "las": las / n if n else 0.0,
        "las_full_label": las_full / n if n else 0.0,
        "sents": _prf(sent["tp"], sent["fp"], sent["fn"]),
    }
    if has_ents:
        per = {lab: _prf(ent[(lab, "tp")], ent[(lab, "fp")], ent[(lab, "fn")]) for lab in sorted(labels)}
        out["ents"] = per
        for name, keep in (("all", labels), ("person_org_place", {"PERSON", "ORG", "PLACE"})):
            tp = sum(ent[(lab, "tp")] for lab in keep)
            fp = sum(ent[(lab, "fp")] for lab in keep)
            fn = sum(ent[(lab, "fn")] for lab in keep)
            out[f"ents_{name}"] = _prf(tp, fp, fn)
    return out


def score_raw_text(nlp: Language, golds: Iterable[Doc]) -> dict:
    examples = [Example(nlp.make_doc(input_text(g)), g) for g in golds]
    s = nlp.evaluate(examples)
    return {k: s.get(k) for k in ("pos_acc", "dep_uas", "dep_las", "sents_f", "ents_f", "ents_per_type")}
