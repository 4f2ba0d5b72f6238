"""The shipped model reproduces the scores documented in its evaluation.json.

benchmarks/nlp_accuracy.py --write records the full test-set scores (quoted in
MODEL_CARD.md) and those of a small fixed slice of each test set, which this
test recomputes (gold tokenization) in a few seconds.
"""

from __future__ import annotations

import json

import pytest

from newstrace.nlp import SHIPPED_MODEL_PATH
from newstrace.nlp.evaluate import score_gold_tokens
from newstrace.nlp.ud import gold_docs

TOLERANCE = 0.005  # absolute, on scores in [0, 1]


@pytest.fixture(scope="module")
def documented() -> dict:
    path = SHIPPED_MODEL_PATH / "evaluation.json"
    assert path.exists(), f"{path} missing: run python benchmarks/nlp_accuracy.py --write"
    return json.loads(path.read_text(encoding="utf8"))


@pytest.mark.parametrize("corpus", ["ewt", "gum"])
def test_slice_scores_reproduce(nlp, ud_data, documented, corpus):
    n = documented["slice_docs"][corpus]
    golds = gold_docs(ud_data, "test", corpus, nlp.vocab)[:n]
    got = score_gold_tokens(nlp, golds)
    want = documented[corpus]["slice"]
    assert got["words"] == want["words"]
    for key in ("upos", "uas", "las"):
        assert got[key] == pytest.approx(want[key], abs=TOLERANCE), key
    assert got["sents"]["f"] == pytest.approx(want["sents"]["f"], abs=TOLERANCE)
    if corpus == "gum":
        f = got["ents_person_org_place"]["f"]
        assert f == pytest.approx(want["ents_person_org_place"]["f"], abs=TOLERANCE)


def test_documented_scores_meet_floors(documented):
    """Floors well under the goals, so a broken rebuild cannot ship silently."""
    assert documented["ewt"]["upos"] > 0.90
    assert documented["ewt"]["las"] > 0.75
    assert documented["gum"]["ents_person_org_place"]["f"] > 0.60
