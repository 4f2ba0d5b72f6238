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
