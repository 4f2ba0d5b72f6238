"""Claims survive the article record (JSON) unchanged, so stored articles can be compared later."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "link"))

from link_support import make_article, quote  # noqa: E402

from newstrace.record import article_to_record, record_to_article  # noqa: E402


def test_claims_round_trip_through_the_record() -> None:
    t = "Officials said at least 12 people were killed and 40 injured on Sunday. The ministry denied that the dam had failed."
    a = make_article("a", t, published="2024-05-01", claims=True,
                     quotes=(quote(t, "q1", "Officials", "at least 12 people were killed and 40 injured on Sunday", "said", speaker_kind="anonymous_group"),))
    assert a.claims and any(f.measure == "killed" and f.low == 12 and f.high is None for c in a.claims for f in c.figures)
    record = article_to_record(a)
    assert record["claims"][0]["figures"][0]["text"]
    assert record_to_article(record).claims == a.claims


def test_clauses_round_trip_through_the_record() -> None:
    t = "The smuggler, who was detained on March 9, appeared before a judge after customs officers raided his warehouse."
    a = make_article("a", t, published="2011-03-15", claims=True)
    assert [k.predicate for c in a.claims for k in c.clauses] == ["detain", "raid"]
    record = article_to_record(a)
    assert record["claims"][0]["clauses"][0]["span"]["text"] == "who was detained on March 9"
    assert record_to_article(record).claims == a.claims
    # a record written before clauses were read has none
    del record["claims"][0]["clauses"]
    assert record_to_article(record).claims[0].clauses == ()
