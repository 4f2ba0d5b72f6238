"""The trained attribution tagger: optional at runtime, decodes discontinuous spans, and (when its
weights and PolNeAR are present) reproduces the scores recorded at build time on a fixed slice."""

from __future__ import annotations

import json
import logging

import pytest
import spacy
from _support import REPO, SHARED

from newstrace.attribution import tagger as tg

POLNEAR = SHARED / "data" / "polnear"


def test_missing_weights_means_rules_only(tmp_path, caplog, monkeypatch):
    with caplog.at_level(logging.INFO, logger="newstrace.attribution.tagger"):
        assert tg.load_tagger(tmp_path / "absent.crfsuite") is None
    assert "rules only" in caplog.text
    monkeypatch.setenv(tg.ENV_VAR, "0")
    assert tg.load_tagger() is None


def test_rules_only_still_extracts(analyse, monkeypatch):
    monkeypatch.setenv(tg.ENV_VAR, "0")
    res = analyse('"We will win," Smith said on Tuesday.')
    assert res.quotes and res.quotes[0].speaker is not None


def test_decode_joins_pieces_of_an_interrupted_quote():
    doc = spacy.blank("en")("“ We won , ” he said , “ and we will win again . ”")
    labels = ["O", "B-Content", "I-Content", "O", "O", "B-Source", "B-Cue", "O", "O",
              "C-Content", "I-Content", "I-Content", "I-Content", "I-Content", "O", "O"]
    raw = {r: [] for r in tg.ROLES}
    tg.decode(doc, list(range(len(doc))), labels, raw)
    spans = tg.to_chars(doc, raw)
    assert [[doc.text[a:b] for a, b in s] for s in spans["Content"]] == [["We won", "and we will win again"]]
    assert [doc.text[a:b] for (a, b), in spans["Cue"]] == ["said"]


def test_rule_token_labels_round_trip():
    doc = spacy.blank("en")("Smith said the plan failed , and added more .")
    spans = {"Source": [((0, 5),)], "Cue": [((6, 10),)], "Content": [((11, 26), (33, 43))]}
    labels = tg.rule_token_labels(doc, spans)
    assert labels[:6] == ["B-Source", "B-Cue", "B-Content", "I-Content", "I-Content", "O"]
    assert labels[6:9] == ["O", "C-Content", "I-Content"]
    raw = {r: [] for r in tg.ROLES}
    tg.decode(doc, list(range(len(doc))), labels, raw)
    assert tg.to_chars(doc, raw)["Content"] == [((11, 26), (33, 43))]


@pytest.mark.parametrize("split", ["dev", "test"])
def test_shipped_weights_reproduce_recorded_slice_scores(split, nlp, monkeypatch):
    if not tg.MODEL_PATH.exists():
        pytest.skip("no attribution CRF weights shipped")
    if not POLNEAR.exists():
        pytest.skip(f"needs {POLNEAR} (PolNeAR, research-only, not in the repo)")
    monkeypatch.syspath_prepend(str(REPO / "benchmarks"))
    from attribution_polnear import ROLES, Score, articles, predict_crf, read_ann, score_doc

    meta = json.loads(tg.MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    key = next(k for k in meta if k.startswith(f"{split}_slice"))
    n = int(key.split("slice")[1].split("_")[0])
    tagger = tg.Tagger(tg.MODEL_PATH)
    scores = {r: Score() for r in ROLES}
    for _stem, txt, ann in articles(split)[:n]:
        text = txt.read_text(encoding="utf-8")
        gold = read_ann(ann)
        pred = predict_crf(text, nlp, tagger)
        for r in ROLES:
            scores[r].add(*score_doc(text, gold.get(r, []), pred[r], "exact"))
    got = {r: round(scores[r].prf()[2], 1) for r in ROLES}
    # the weights depend on the NLP model's tags and parses: rebuild them if this drifts
    for r in ROLES:
        assert abs(got[r] - meta[key][r]) <= 3.0, (split, got, meta[key])
