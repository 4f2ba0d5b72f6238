"""News sentence splitting: paragraphs, quotations, abbreviations, datelines, bylines."""

from __future__ import annotations

import pytest
import spacy

from newstrace.nlp.sentences import constraints


def sents(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents if s.text.strip()]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _starts(blank, text):
    doc = blank(text)
    return {doc[i].text: c for i, c in enumerate(constraints(doc)) if c is not None}, doc


def test_rules_paragraph_break_forces_start(blank):
    doc = blank("He left.\n\nShe stayed")
    cons = constraints(doc)
    assert cons[[t.text for t in doc].index("She")] is True
    assert cons[[t.text for t in doc].index("\n\n")] is False


def test_rules_abbreviations_forbid_start(blank):
    doc = blank("Gen. Petraeus met U.S. officials on Jan. 5 in St. Petersburg.")
    cons = constraints(doc)
    for word in ("Petraeus", "officials", "5", "Petersburg"):
        assert cons[[t.text for t in doc].index(word)] is False, word


def test_rules_closing_quote_stays(blank):
    doc = blank('He said: "We will win." Then he left.')
    cons = constraints(doc)
    quotes = [i for i, t in enumerate(doc) if t.text == '"']
    assert cons[quotes[0] + 1] is False  # word after the opening mark
    assert cons[quotes[1]] is False  # the closing mark


# --- the whole pipeline (parser + rules) ---------------------------------------------


def test_paragraph_breaks_always_split(nlp):
    text = "The talks ended without a deal\n\nOfficials said more talks were planned"
    assert sents(nlp, text) == ["The talks ended without a deal", "Officials said more talks were planned"]


def test_abbreviations(nlp):
    text = (
        "Gen. Mark Milley met U.S. officials in St. Petersburg on Jan. 5, the Pentagon said. "
        "The meeting lasted two hours."
    )
    assert sents(nlp, text) == [
        "Gen. Mark Milley met U.S. officials in St. Petersburg on Jan. 5, the Pentagon said.",
        "The meeting lasted two hours.",
    ]


def test_dateline_stays_with_first_sentence(nlp):
    text = "MOSCOW (Reuters) - Russia said on Monday it had expelled two diplomats. The embassy declined to comment."
    assert sents(nlp, text) == [
        "MOSCOW (Reuters) - Russia said on Monday it had expelled two diplomats.",
        "The embassy declined to comment.",
    ]


def test_dateline_with_date(nlp):
    text = "WASHINGTON, March 3 (AP) — The Senate passed the bill late on Friday."
    assert sents(nlp, text) == [text]


def test_byline_on_its_own_line(nlp):
    text = "By Jane Smith\nLONDON (Reuters) - Britain's economy grew faster than expected in the third quarter."
    assert sents(nlp, text) == [
        "By Jane Smith",
        "LONDON (Reuters) - Britain's economy grew faster than expected in the third quarter.",
    ]


def test_quote_closing_mark_stays_with_sentence(nlp):
    text = '"We will not give up." The minister spoke after the vote.'
    assert sents(nlp, text) == ['"We will not give up."', "The minister spoke after the vote."]


def test_said_after_quote_not_split(nlp):
    text = '"We will not give up!" the minister said after the vote.'
    assert sents(nlp, text) == [text]


def test_quote_over_paragraphs_reopened(nlp):
    text = (
        '"We were warned that there could be attacks," the guard said. "We were told what to do.\n\n'
        '"Nobody explained why the warning was lifted," he added.'
    )
    got = sents(nlp, text)
    assert got[-1] == '"Nobody explained why the warning was lifted," he added.'
    assert got[0] == '"We were warned that there could be attacks," the guard said.'
    assert got[1] == '"We were told what to do.'


def test_curly_quotes(nlp):
    text = "“We acted on the warning,” he said. “It was too general.” The ministry did not reply."
    assert sents(nlp, text) == [
        "“We acted on the warning,” he said.",
        "“It was too general.”",
        "The ministry did not reply.",
    ]


def test_sentences_never_cross_blank_line(nlp, seed_page):
    doc = nlp(seed_page.read_text(encoding="utf-8"))
    for s in doc.sents:
        assert "\n\n" not in s.text.strip(), s.text
