"""A verdict against the accused's own plea: the jury found what he denied. Charges and verdicts
are read with the accused between the verb and the crime ("convicted a Dover man of murder");
an acquittal, a verdict that may come ("if convicted of") and a plea the court entered for him are
no such side."""

from __future__ import annotations

from link_support import make_article

from newstrace.link.conflicts import find_conflicts
from newstrace.model import Article


def _art(aid: str, text: str) -> Article:
    return make_article(aid, text, site=f"{aid}.org", published="2024-05-08", claims=True)


def _pleas(articles: list[Article]) -> list[str]:
    return [c.evidence for c in find_conflicts(articles) if "charge against plea" in c.evidence]


_PLEADED = "Dover man pleads\n\nA Dover man has pleaded not guilty to two counts of murder in the deaths of his neighbours."


def test_a_verdict_with_the_accused_between_verb_and_crime_meets_his_plea() -> None:
    for verdict in ("A jury in Kent has convicted a Dover man of two counts of murder in the deaths of his neighbours.",
                    "A jury found 41-year-old Carl Brody guilty of murder on Friday.",
                    "Carl Brody was found guilty of two counts of murder on Friday."):
        found = _pleas([_art("v", "Verdict\n\n" + verdict), _art("p", _PLEADED)])
        assert found, verdict


def test_an_acquittal_or_a_verdict_to_come_is_no_side_against_the_plea() -> None:
    for text in ("A jury in Kent found Carl Brody not guilty of murder on Friday.",
                 "Brody was told he faces life in prison if convicted of murder.",
                 "Brody could be convicted of murder if the jury believes the witness."):
        assert not _pleas([_art("v", "Trial\n\n" + text), _art("p", _PLEADED)]), text


def test_a_plea_the_court_entered_is_the_courts_record() -> None:
    entered = _art("p", "Hearing\n\nA not guilty plea was entered on Brody's behalf to charges of murder during the hearing.")
    verdict = _art("v", "Verdict\n\nCarl Brody was found guilty of two counts of murder on Friday.")
    assert not _pleas([verdict, entered])


def test_the_prosecutions_charge_with_the_accused_between_meets_the_plea() -> None:
    charged = _art("c", "Hearing\n\nProsecutors have charged 41-year-old Carl Brody with two counts of murder.")
    assert _pleas([charged, _art("p", _PLEADED)])
    # a charge of another crime is not answered by a plea to murder
    other = _art("o", "Hearing\n\nProsecutors have charged 41-year-old Carl Brody with arson.")
    assert not _pleas([other, _art("p", _PLEADED)])
