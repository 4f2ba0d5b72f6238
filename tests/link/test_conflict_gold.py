"""The hand-made conflict set (benchmarks/data/ecbplus_conflicts) is well formed and scores as it says.

Every statement must be found in the sentence it names (else the benchmark would silently score
against nothing); the scorer must count a pair found, an optional pair neutral and an unrelated
pair wrong. Skips when ECB+ is absent."""

from __future__ import annotations

import re
import sys

import pytest
from _support import REPO, SHARED, require_shared

sys.path.insert(0, str(REPO / "benchmarks"))


@pytest.fixture(scope="module")
def gold():
    require_shared(SHARED / "data" / "ecbplus" / "ECBplus_xml.tar.gz")
    from conflict_gold import GOLD_DIR, load_gold
    from ecbplus_docs import read_documents

    topics = {int(p.stem) for p in GOLD_DIR.glob("*.json")}
    docs = read_documents(SHARED / "data" / "ecbplus", topics)
    return docs, load_gold(docs)


def test_every_statement_is_found_in_its_sentence(gold) -> None:
    docs, g = gold  # load_gold raises KeyError naming any phrase not found
    assert len(g.topics) >= 10
    assert len(g.required) >= 100 and len(g.non_conflicts) >= 100
    for pair in g.pairs + g.non_conflicts:
        for claim in pair.a + pair.b:
            start, end = claim.span
            assert docs[claim.doc].text[start:end], claim


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
