"""Rebuttals a reader sees in the text: a verdict on the statement before ("this remains an
unsubstantiated claim"), a denial of "those claims" made just before, and one proposition affirmed
and denied ("there is no humanitarian crisis" / "there is a humanitarian crisis")."""

from __future__ import annotations

from link_support import make_article, quote

from newstrace.link.conflicts import find_conflicts
from newstrace.model import Article, Conflict


def _art(aid: str, text: str, *quotes) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-08", claims=True, quotes=tuple(quotes))


def _rebuttals(found: list[Conflict]) -> list[Conflict]:
    return [c for c in found if c.kind == "rebuttal"]


_REPORTED = "According to news reports, the fire at the bank on Stadiou street was started by protesters."


def test_a_verdict_on_the_statement_before_sets_the_article_against_it() -> None:
    t = _REPORTED + "\n\nHowever this remains an unsubstantiated claim."
    a = _art("a", t, quote(t, "q1", "news reports", "the fire at the bank on Stadiou street was started by protesters", "According to", speaker_kind="organization"))
    found = _rebuttals(find_conflicts([a]))
    assert len(found) == 1, [c.evidence for c in find_conflicts([a])]
    kinds = {s.kind for s in found[0].sides}
    assert "narration" in kinds and any(s.speaker == "news reports" for s in found[0].sides)


def test_no_verdict_no_rebuttal() -> None:
    for verdict in ("However this remains a popular view.", "That is not false, officials said.", "This remains unclear."):
        t = _REPORTED + "\n\n" + verdict
        a = _art("a", t, quote(t, "q1", "news reports", "the fire at the bank on Stadiou street was started by protesters", "According to", speaker_kind="organization"))
        assert not _rebuttals(find_conflicts([a])), verdict


def test_a_denial_of_those_claims_points_back() -> None:
    t = ("Last week, the government of Sudan accused South Sudan of supplying missiles and mortars to the insurgents.\n\n"
         "Kiir denied those claims in a statement on Thursday.")
    a = _art("a", t, quote(t, "q1", "the government of Sudan", "South Sudan of supplying missiles and mortars to the insurgents", "accused", speaker_kind="organization"))
    found = _rebuttals(find_conflicts([a]))
    assert found, [c.evidence for c in find_conflicts([a])]
    assert any("missiles" in s.text for s in found[0].sides) and any(s.speaker == "Kiir" for s in found[0].sides)


def test_denying_the_charges_is_no_pointing_back() -> None:
    t = ("Last week, the government of Sudan accused South Sudan of supplying missiles and mortars to the insurgents.\n\n"
         "Kiir denied the charges of corruption brought against his brother.")
    a = _art("a", t, quote(t, "q1", "the government of Sudan", "South Sudan of supplying missiles and mortars to the insurgents", "accused", speaker_kind="organization"))
    assert not _rebuttals(find_conflicts([a]))


def test_a_proposition_affirmed_and_denied() -> None:
    a = _art("a", "Israeli leaders claim there is no humanitarian crisis in Gaza.")
    b = _art("b", "There is a humanitarian crisis already, aid agencies said.")
    found = [c for c in find_conflicts([a, b]) if "affirmed and denied" in c.evidence]
    assert found and "humanitarian crisis" in found[0].topic, [c.evidence for c in find_conflicts([a, b])]


def test_existence_of_different_things_or_empty_ones_is_not_a_conflict() -> None:
    a = _art("a", "Officials said there is no humanitarian crisis in Gaza.")
    b = _art("b", "There is a banking crisis already, economists said.")
    assert not [c for c in find_conflicts([a, b]) if "affirmed and denied" in c.evidence]
    c = _art("c", "There is no time to lose, the mayor said.")
    d = _art("d", "There is time for talks, the minister said.")
    assert not [x for x in find_conflicts([c, d]) if "affirmed and denied" in x.evidence]


def test_a_source_giving_a_figure_in_the_articles_words_is_that_source() -> None:
    """"The U.S. Geological Survey put the quake's strength at 5.4" is the survey's estimate, set
    against state television's 5.2 in the same article; plain narration would not be."""
    t = ("State television says a magnitude-5.2 quake has injured three people on the island.\n\n"
         "The U.S. Geological Survey put the quake's strength at magnitude-5.4.")
    a = _art("a", t, quote(t, "q1", "state television", "a magnitude-5.2 quake has injured three people on the island", "says", speaker_kind="organization"))
    found = [c for c in find_conflicts([a]) if "magnitudes" in c.evidence]
    assert found and any(s.speaker == "U.S. Geological Survey" and s.kind == "stance" for s in found[0].sides), [c.evidence for c in find_conflicts([a])]
    plain = t.replace("The U.S. Geological Survey put the quake's strength at", "The quake's strength was")
    b = _art("b", plain, quote(plain, "q1", "state television", "a magnitude-5.2 quake has injured three people on the island", "says", speaker_kind="organization"))
    assert not [c for c in find_conflicts([b]) if "magnitudes" in c.evidence]


def test_a_plea_answers_only_its_own_charge() -> None:
    earlier = _art("a", "In 2005, he was charged with assault on his girlfriend, court records show.")
    plea = _art("b", "Gary Gomes pleaded not guilty to two counts of murder on Tuesday, his lawyer said.")
    assert not [c for c in find_conflicts([earlier, plea]) if "charge against plea" in c.evidence]
    denial = _art("c", "Gomes has denied assault, his lawyer said.")
    assert [c for c in find_conflicts([earlier, denial]) if "charge against plea" in c.evidence], [c.evidence for c in find_conflicts([earlier, denial])]


def test_two_outlets_giving_the_courts_record_are_not_two_sides() -> None:
    charged = _art("a", "He has been charged with two counts of murder and one count of kidnapping.")
    pleaded = _art("b", "Gary Gomes pleaded not guilty to two counts of murder and one count of kidnapping.")
    assert not [c for c in find_conflicts([charged, pleaded]) if "charge against plea" in c.evidence]


def test_an_adverb_before_the_verb_is_not_part_of_the_speaker() -> None:
    from newstrace.link.statements import clause_statement

    for adverb in ("flat-out", "categorically", "has since firmly"):
        t = f"The label {adverb} denied the allegations made by the singer last week."
        st = clause_statement(_art("a", t), 0, len(t), anchored=False)
        assert st is not None and st.speaker.lower().endswith("label"), (adverb, st)
