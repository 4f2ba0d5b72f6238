"""The hand-made conflict sets (benchmarks/data/ecbplus_conflicts, the development topics, and
ecbplus_conflicts_heldout, the topics annotated blind) are well formed and score as they say.

Every statement must be found in the sentence it names (else the benchmark would silently score
against nothing); the scorer must count a pair found, an optional pair neutral and an unrelated
pair wrong. Skips when ECB+ is absent."""

from __future__ import annotations

import re
import sys

import pytest
from _support import REPO, SHARED, require_shared

sys.path.insert(0, str(REPO / "benchmarks"))


def _load(gold_dir):
    require_shared(SHARED / "data" / "ecbplus" / "ECBplus_xml.tar.gz")
    from conflict_gold import gold_topics, load_gold
    from ecbplus_docs import read_documents

    docs = read_documents(SHARED / "data" / "ecbplus", gold_topics(gold_dir))
    return docs, load_gold(docs, gold_dir)


@pytest.fixture(scope="module")
def gold():
    from conflict_gold import GOLD_DIR

    return _load(GOLD_DIR)


@pytest.fixture(scope="module")
def heldout():
    from conflict_gold import HELDOUT_DIR

    return _load(HELDOUT_DIR)


def test_every_statement_is_found_in_its_sentence(gold, heldout) -> None:
    from conflict_gold import GOLD_DIR, HELDOUT_DIR, gold_topics

    docs, g = gold  # load_gold raises KeyError naming any phrase not found
    assert len(g.topics) >= 10
    assert len(g.required) >= 100 and len(g.non_conflicts) >= 100
    hdocs, h = heldout
    assert len(h.topics) >= 2 and len(h.required) >= 10 and len(h.non_conflicts) >= 20
    assert not gold_topics(GOLD_DIR) & gold_topics(HELDOUT_DIR)  # held out: no topic of the dev set
    for pair in g.pairs + g.non_conflicts:
        for claim in pair.a + pair.b:
            start, end = claim.span
            assert docs[claim.doc].text[start:end], claim
    for pair in h.pairs + h.non_conflicts:
        for claim in pair.a + pair.b:
            start, end = claim.span
            assert hdocs[claim.doc].text[start:end], claim


def test_detokenised_figures_read_as_written(gold) -> None:
    docs, _ = gold
    text = docs["20_3ecbplus"].text
    assert "magnitude-5.9" in text and "200,000 residents" in text and "1:53" not in text
    assert not re.search(r"\d, \d{3}\b|\d\. \d", text)  # "120, 000" and "6. 1" are joined back


def test_scorer_counts_found_optional_and_wrong(gold) -> None:
    from conflict_gold import score

    _, g = gold
    pair = g.required[0]
    optional = next(p for p in g.pairs if p.optional)
    a, b = pair.a[0], pair.b[0]
    oa, ob = optional.a[0], optional.b[0]
    right = ("s", [[(a.doc, *a.span)], [(b.doc, *b.span)]])
    neutral = ("s", [[(oa.doc, *oa.span)], [(ob.doc, *ob.span)]])
    wrong = ("s", [[(a.doc, *a.span)], [(a.doc, a.span[1] + 500, a.span[1] + 520)]])
    s = score(g, [right, neutral, wrong])
    assert (s.reported, s.correct, s.optional) == (3, 1, 1)
    assert s.precision == 0.5 and s.found == 1
