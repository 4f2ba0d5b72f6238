"""A conflict's topic reads as the articles write it: names in their capitals, stems as words."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.conflicts import find_conflicts
from newstrace.text import as_written

_TEXTS = ["Officials in Port Alder said the island has 40,000 residents.", "Voters approved the plan on Sunday, and the voters of Port Alder cheered."]


def test_names_get_their_capitals_and_template_words_stay() -> None:
    assert as_written("how many live in port alder", _TEXTS) == "how many live in Port Alder"
    assert as_written("how far the fall was", ["He was falling for 200 metres."]) == "how far the fall was"


def test_a_capital_opening_a_sentence_is_no_name() -> None:
    assert as_written("whether voters agree", ["Voters were told the plan was dead."]) == "whether voters agree"


def test_stems_become_words_only_when_asked() -> None:
    assert as_written("when vot approve", _TEXTS) == "when vot approve"
    assert as_written("vot approve", _TEXTS, stems=True) == "voters approve"


def test_a_measure_read_off_the_words_is_named_by_its_noun() -> None:
    a = make_article("a", "The town of Port Alder has a population of 40,000, the mayor said.", site="a.org", published="2024-05-08", claims=True)
    b = make_article("b", "The town of Port Alder has a population of 90,000, officials said.", site="b.org", published="2024-05-08", claims=True)
    topics = [c.topic for c in find_conflicts([a, b])]
    assert topics == ["how many live in Port Alder"], topics  # not "population of count"


def test_a_hyphenated_name_keeps_its_capitals() -> None:
    texts = ["Officials said the cell known as ANV-9 bears sole responsibility, not Lisbria."]
    assert as_written("lisbria vs anv-9", texts) == "Lisbria vs ANV-9"


def test_the_blame_reason_names_parties_as_written() -> None:
    a = make_article("a", 'Officials said the group known as Red Vale-K "bears sole responsibility" for the bombing of the depot.', site="a.org", published="2024-05-08", claims=True)
    b = make_article("b", "President Anton Marek blamed Lisbria for the bombing of the depot, officials said.", site="b.org", published="2024-05-08", claims=True)
    reasons = [c.evidence for c in find_conflicts([a, b]) if c.kind == "blame"]
    assert reasons and all("Lisbria" in r and "red vale" not in r for r in reasons), reasons
