"""The candidate set claim matching re-ranks: the union of each retriever's top k."""

from __future__ import annotations

from newstrace.link.claims import candidate_union


def test_union_keeps_what_only_one_retriever_finds() -> None:
    lexical = {"a": 9.0, "b": 5.0, "c": 1.0}
    dense = {"c": 0.2, "d": 0.9, "a": 0.8}
    # k=2: BM25 keeps a, b; the embeddings keep d, a; c is in neither top 2.
    assert candidate_union(lexical, dense, k=2) == ["a", "b", "d"]


def test_ties_keep_the_input_order_and_empty_inputs_add_nothing() -> None:
    assert candidate_union({"x": 1.0, "y": 1.0, "z": 1.0}, {}, k=2) == ["x", "y"]
    assert candidate_union({}, k=5) == []
